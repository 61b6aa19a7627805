#!/usr/bin/env python3
"""Walking away: the real kiosk under Xvfb, a carer part-way through the emergency card with a
name typed on the on-screen keyboard, then no touch at all.

Shows that:
- the warning comes after the inactivity time, and "I need more time" keeps the session (the
  name is still there);
- left alone again, the kiosk clears the session and goes back to the attract screen;
- nothing of it is left: the typed name is nowhere in the kiosk's memory, not in its output, and
  the next person starts with the default language and text size, no answer chosen, an empty
  name box, the page scrolled to the top and no box focused.

Usage: test_timeout_wipe.py --kiosk BIN
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kiosk_driver import KioskError, KioskPlace, fail_with_log, report  # noqa: E402

INACTIVITY = 10
WARNING = 5
# What the carer types: a name no other memory will hold by chance.
NAME = "Zqxjvk"

# Taps from the attract screen to the young carer's contact page, answered as a 15-year-old would
# (Continue on the task list after the first section).
TO_CONTACT_PAGE = ["attract", "start:continue", "form:emergency-card", "next",
                   "answer:start-filled-by:carer", "next", "answer:start-age:under-18", "next",
                   "answer:start-danger:no", "next", "next", "next", "next",
                   "answer:young-safe:yes", "next", "answer:young-contact-wanted:yes", "next"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiosk", required=True)
    args = ap.parse_args()
    failures = []
    with KioskPlace("kiosk-timeout-") as place:
        log = place.log
        try:
            kiosk = place.start(args.kiosk, args=["--inactivity", str(INACTIVITY), "--warning", str(WARNING)])
            try:
                for t in TO_CONTACT_PAGE:
                    kiosk.tap(t)
                kiosk.tap("field:young-name")
                kiosk.type_on_screen(NAME, done=False)
                started = time.time()  # the last touch the kiosk saw
                if kiosk.widget("field:young-name")["value_length"] != len(NAME):
                    failures.append("the name typed on the on-screen keyboard did not reach the box")
                # The memory search must be able to see the name while it is meant to be there.
                if NAME.encode() not in kiosk.secrets_in_memory([NAME.encode()]):
                    failures.append("the memory search cannot find the name even before the wipe")

                # Left alone: the warning, then "I need more time" keeps everything.
                kiosk.wait_for("more-time", timeout=INACTIVITY + 10)
                waited = time.time() - started
                if waited < INACTIVITY - 0.5:
                    failures.append(f"the warning came after {waited:.1f} s, before the {INACTIVITY} s allowed")
                kiosk.tap("more-time")
                w = kiosk.wait_for("field:young-name")
                if w["value_length"] != len(NAME):
                    failures.append("'I need more time' lost the name typed")

                # Left alone again: cleared, back to the attract screen.
                kiosk.wait_for("more-time", timeout=INACTIVITY + 10)
                kiosk.wait_screen("attract", WARNING + 10)
                time.sleep(0.3)
                leaked = kiosk.secrets_in_memory([NAME.encode(), NAME.encode("utf-16-le"), NAME.encode("utf-32-le")])
                if leaked:
                    failures.append(f"after the wipe the typed name is still in the kiosk's memory ({len(leaked)} encodings)")

                # The next person.
                kiosk.tap("attract")
                kiosk.wait_for("start:continue")
                s = kiosk.state()
                selected = {w["id"] for w in s["widgets"] if w["selected"]}
                if "text-size:100" not in selected or "language:en" not in selected or "high-contrast" in selected:
                    failures.append(f"the next person does not start with the default display choices: {sorted(selected)}")
                for t in TO_CONTACT_PAGE[1:]:
                    if t.startswith("answer:"):
                        w = kiosk.wait_for(t)
                        chosen = [v["id"] for v in kiosk.state()["widgets"] if v["selected"]]
                        if chosen:
                            failures.append(f"the next person finds an answer already chosen: {chosen}")
                    kiosk.tap(t)
                w = kiosk.wait_for("field:young-name")
                s = kiosk.state()
                if w["value_length"] != 0:
                    failures.append("the next person finds the name box filled in")
                if s["focus"] or any(v.get("focused") for v in s["widgets"]):
                    failures.append("the next person finds a box already focused")
                if s["scroll_y"] != 0:
                    failures.append(f"the next person's page is scrolled ({s['scroll_y']} px)")
            finally:
                rc = kiosk.close()
            output = kiosk.output() + open(log, errors="replace").read()
            if NAME in output:
                failures.append("the typed name appears in the kiosk's output")
        except KioskError as e:
            return fail_with_log(e, log)
        if rc != 0:
            failures.append(f"the kiosk exited with {rc}")
    return report(failures, "warned, kept with 'I need more time', then wiped: nothing left in memory, output or on screen")


if __name__ == "__main__":
    sys.exit(main())
