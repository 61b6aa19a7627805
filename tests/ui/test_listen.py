#!/usr/bin/env python3
"""Listen on the real kiosk under Xvfb: offered on the start screen, the home screen and a form
page when a sound device works, and nowhere when none does.

- with --sound-device null (ALSA's null device: opens and plays into nothing) the start screen
  shows Listen and the read-aloud choice, the home screen, "Continue a saved form" and the first
  question of "Am I a carer?" show Listen, and tapping it keeps the kiosk running;
- with a sound device that cannot be opened, no Listen and no read-aloud choice appear on any of
  those screens, and the staff log says why (once, with no personal data).

The device is tried on the speaker's thread at start-up; the test waits for the kiosk to have
drawn frames after that before deciding a button is absent.

Usage: test_listen.py --kiosk BIN
"""
import argparse
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kiosk_driver import Kiosk, KioskError, XServer  # noqa: E402


def absent_after_settling(kiosk, widget_id, seconds=2.0):
    """True when the widget is not on screen after the kiosk has had `seconds` to find its sound
    device (the page is redrawn by a tap before looking)."""
    time.sleep(seconds)
    return kiosk.widget(widget_id) is None


def run(binary, env, device, expect_listen, tmp, failures):
    label = f"--sound-device {device}"
    log = os.path.join(tmp, f"kiosk-{device}.log")
    kiosk = Kiosk(binary, os.path.join(tmp, f"data-{device}"), env, args=["--sound-device", device], log=log)
    try:
        kiosk.tap("attract")
        kiosk.wait_for("start:continue")
        for screen, way_on in (("start", "start:continue"), ("home", "form:am-i-a-carer"), ("form page", None)):
            if expect_listen:
                try:
                    kiosk.wait_for("listen", timeout=10)
                except KioskError as e:
                    failures.append(f"{label}: no Listen on the {screen}: {e}")
                if screen == "start" and kiosk.widget("read-aloud") is None:
                    failures.append(f"{label}: no read-aloud choice on the start screen")
                if kiosk.widget("listen"):
                    kiosk.tap("listen")
            else:
                if not absent_after_settling(kiosk, "listen"):
                    failures.append(f"{label}: Listen is offered on the {screen} with no sound device")
                if screen == "start" and kiosk.widget("read-aloud") is not None:
                    failures.append(f"{label}: the read-aloud choice is offered with no sound device")
            if screen == "home":
                # "Continue a saved form" (a saved-forms screen) reads aloud too.
                kiosk.tap("continue-saved")
                kiosk.wait_for("continue:code")
                if expect_listen:
                    try:
                        kiosk.tap("listen")
                    except KioskError as e:
                        failures.append(f"{label}: no Listen on 'Continue a saved form': {e}")
                elif not absent_after_settling(kiosk, "listen", 0.5):
                    failures.append(f"{label}: Listen is offered on 'Continue a saved form' with no sound device")
                kiosk.tap("key:done")
                kiosk.tap("continue:back")
                kiosk.wait_for(way_on)
            if way_on:
                kiosk.tap(way_on)
            if screen == "home":
                # On to the first question (past the introduction).
                kiosk.tap("next")
                kiosk.wait_for("next")
        if kiosk.proc.poll() is not None:
            failures.append(f"{label}: the kiosk stopped (exit {kiosk.proc.returncode})")
    except KioskError as e:
        failures.append(f"{label}: {e}")
    finally:
        kiosk.close()
    with open(log) as f:
        said = f.read()
    told = said.count("No sound device could be opened")
    if not expect_listen and told != 1:
        failures.append(f"{label}: the staff log should say once that there is no sound device, said {told} times")
    if expect_listen and told:
        failures.append(f"{label}: the staff log says there is no sound device")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiosk", required=True)
    args = ap.parse_args()
    failures = []
    with tempfile.TemporaryDirectory(prefix="kiosk-listen-") as tmp:
        x = XServer()
        try:
            run(args.kiosk, x.env(), "null", True, tmp, failures)
            run(args.kiosk, x.env(), "no-such-sound-device-for-the-test", False, tmp, failures)
        finally:
            x.close()
    if failures:
        print("FAIL:")
        for f in failures:
            print("  " + f)
        return 1
    print("ok: Listen on start, home and a form page with a sound device; none anywhere without one")
    return 0


if __name__ == "__main__":
    sys.exit(main())
