#!/usr/bin/env python3
"""Kiosk mode and personal mode windows, on a real X server (Xvfb with a screen of a given size).

- --fullscreen: the window is exactly the monitor's size at its corner, has no decorations (the
  X server's Motif hints say so, not only GLFW), the cursor is hidden, and a tap still works;
- kiosk.json's "kiosk": {"fullscreen": true, "monitor": N} does the same without options; a
  monitor that is not connected is named in the log and the first one is used;
- --windowed (personal use) wins over kiosk.json: a decorated window of --size with a cursor;
  --touch hides the cursor in a window too.
What GLFW says about the window comes from the kiosk's widget dump ("window"); the size and
decorations are also read from the X server with xwininfo and xprop.

Xvfb has one monitor, so choosing a second real monitor is not exercised here (the choice itself
is unit-tested in tests/app/kiosk_config_test.cpp).

Usage: test_window_modes.py --kiosk BIN
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kiosk_driver import Kiosk, KioskError, XServer, fail_with_log, report  # noqa: E402

SCREEN = (1280, 800)


def x_window(env):
    """(width, height, x, y, motif decorations or None) of the kiosk's window, from the X server."""
    ids = subprocess.run(["xdotool", "search", "--name", "^Carers Kiosk$"], env=env, capture_output=True,
                         text=True).stdout.split()
    if not ids:
        raise KioskError("no X window named 'Carers Kiosk'")
    wid = ids[-1]
    info = subprocess.run(["xwininfo", "-id", wid], env=env, capture_output=True, text=True, check=True).stdout
    geometry = {k: int(v) for k, v in re.findall(r"(Absolute upper-left X|Absolute upper-left Y|Width|Height):\s+(-?\d+)", info)}
    hints = subprocess.run(["xprop", "-id", wid, "_MOTIF_WM_HINTS"], env=env, capture_output=True, text=True).stdout
    # flags, functions, decorations, input mode, status: decorations count only when flags has bit 2.
    m = re.search(r"=\s*(.*)$", hints.strip())
    decorations = None
    if m:
        values = [int(v, 16) for v in m.group(1).split(",")]
        if values[0] & 2:
            decorations = values[2]
    return (geometry["Width"], geometry["Height"], geometry["Absolute upper-left X"], geometry["Absolute upper-left Y"],
            decorations)


def window_facts(kiosk):
    deadline = time.time() + 20
    while time.time() < deadline:
        s = kiosk.state()
        if s and "window" in s and s["screen"] == "attract":
            return s
        time.sleep(0.05)
    raise KioskError("the kiosk never drew its attract screen with window facts")


def run(binary, x, tmp, name, args=(), config=None):
    """Starts the kiosk, returns (dump, X window, log text) once it has drawn, then stops it."""
    data = os.path.join(tmp, name)
    os.makedirs(data, mode=0o700)
    if config is not None:
        with open(os.path.join(data, "kiosk.json"), "w") as f:
            json.dump(config, f)
    log = os.path.join(tmp, name + ".log")
    kiosk = Kiosk(binary, data, x.env(), args=list(args), log=log)
    try:
        s = window_facts(kiosk)
        time.sleep(0.3)  # the window manager-less server maps it at once; let GLFW settle
        s = window_facts(kiosk)
        win = x_window(x.env())
        tapped = None
        if name == "fullscreen":
            kiosk.tap("attract")
            kiosk.wait_for("start:continue")
            tapped = kiosk.screen()
    finally:
        rc = kiosk.close()
    with open(log, errors="replace") as f:
        text = f.read()
    return s, win, text, rc, tapped


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiosk", required=True)
    args = ap.parse_args()
    failures = []
    w, h = SCREEN
    x = XServer(w, h)
    with tempfile.TemporaryDirectory(prefix="kiosk-window-") as tmp:
        try:
            # Kiosk mode from the command line.
            s, win, log, rc, tapped = run(args.kiosk, x, tmp, "fullscreen", ["--fullscreen"])
            wf = s["window"]
            if not wf["fullscreen"] or wf["monitor"] != 0:
                failures.append(f"--fullscreen: GLFW says fullscreen={wf['fullscreen']} on monitor {wf['monitor']}")
            if wf["size"] != [w, h] or wf["monitor_size"] != [w, h] or [round(v) for v in s["display"]] != [w, h]:
                failures.append(f"--fullscreen: window {wf['size']}, drawn {s['display']}, monitor {wf['monitor_size']}; screen is {w}x{h}")
            if win[:4] != (w, h, 0, 0):
                failures.append(f"--fullscreen: the X server has the window at {win[:4]}, not {w}x{h} at 0,0")
            if wf["decorated"] or win[4] != 0:
                failures.append(f"--fullscreen: decorated (GLFW {wf['decorated']}, Motif decorations {win[4]})")
            if wf["cursor"] != "hidden":
                failures.append(f"--fullscreen: the cursor is {wf['cursor']}")
            if tapped != "start":
                failures.append(f"--fullscreen: a tap on the attract screen led to {tapped!r}")
            if f"Fullscreen on monitor 0 of {wf['monitors']} ({w}x{h}), cursor hidden" not in log:
                failures.append("--fullscreen: the log does not say where the window went")
            if rc != 0:
                failures.append(f"--fullscreen: the kiosk exited with {rc}")

            # Kiosk mode from kiosk.json, asking for a monitor that is not there.
            s, win, log, rc, _ = run(args.kiosk, x, tmp, "config", config={"kiosk": {"fullscreen": True, "monitor": 3}})
            wf = s["window"]
            if not wf["fullscreen"] or wf["size"] != [w, h] or wf["decorated"] or wf["cursor"] != "hidden":
                failures.append(f"kiosk.json fullscreen: {wf}")
            if win[:4] != (w, h, 0, 0):
                failures.append(f"kiosk.json fullscreen: the X server has the window at {win[:4]}")
            if "Monitor 3 is not connected" not in log or "Fullscreen on monitor 0" not in log:
                failures.append("kiosk.json monitor 3: the log does not say the monitor is missing and which was used")

            # Personal use: --windowed wins over kiosk.json; a decorated window with a cursor.
            s, win, log, rc, _ = run(args.kiosk, x, tmp, "windowed", ["--windowed", "--size", "900x700"],
                                     config={"kiosk": {"fullscreen": True}})
            wf = s["window"]
            if wf["fullscreen"] or wf["monitor"] != -1 or wf["size"] != [900, 700]:
                failures.append(f"--windowed: {wf}")
            if win[:2] != (900, 700):
                failures.append(f"--windowed: the X server has the window {win[:2]}")
            if not wf["decorated"] or win[4] == 0:
                failures.append(f"--windowed: no decorations (GLFW {wf['decorated']}, Motif {win[4]})")
            if wf["cursor"] != "shown":
                failures.append(f"--windowed: the cursor is {wf['cursor']}")

            # A touch laptop: windowed, no cursor.
            s, _, _, _, _ = run(args.kiosk, x, tmp, "touch", ["--touch", "--size", "900x700"])
            if s["window"]["cursor"] != "hidden" or s["window"]["fullscreen"]:
                failures.append(f"--touch in a window: {s['window']}")
        except KioskError as e:
            return fail_with_log(e, os.path.join(tmp, "fullscreen.log"))
        finally:
            x.close()
    return report(failures, f"fullscreen {w}x{h} undecorated without a cursor (option and kiosk.json, missing monitor "
                            "named), windowed 900x700 decorated with a cursor, touch hides it")


if __name__ == "__main__":
    sys.exit(main())
