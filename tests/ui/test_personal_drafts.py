#!/usr/bin/env python3
"""Personal mode (--personal, a carer's own laptop): the form is kept as they go.

The carer starts the Carers Self Review, types their name on the on-screen keyboard, moves on,
chooses their age, and then the program is closed (no "save" anywhere). Started again, the home
screen offers "Carry on with your saved Carers Self Review"; it opens at the page they were on
with the age chosen, and the name is in its box a page back. Then "Finish and clear" and "Start
again" from the offer: the draft is gone from the store, and the offer from the screen.

Usage: test_personal_drafts.py --kiosk BIN --reader BIN
"""
import argparse
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kiosk_driver import SELF_REVIEW_TO_ABOUT_YOU, Kiosk, KioskError, XServer, saved_drafts  # noqa: E402

NAME = "Wxqzoj"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiosk", required=True)
    ap.add_argument("--reader", required=True)
    args = ap.parse_args()
    failures = []
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="kiosk-personal-") as tmp:
        data = os.path.join(tmp, "data")
        os.makedirs(data, mode=0o700)
        log = os.path.join(tmp, "kiosk.log")
        x = XServer()
        try:
            kiosk = Kiosk(args.kiosk, data, x.env(), log=log, args=["--personal"])
            try:
                for t in SELF_REVIEW_TO_ABOUT_YOU:
                    kiosk.tap(t)
                kiosk.tap("field:about-name")
                kiosk.type_on_screen(NAME)
                kiosk.tap("next")
                kiosk.tap("answer:about-age:26-64")  # on this page, with no Continue after it
                page = kiosk.screen()
            finally:
                rc = kiosk.close()  # the program is closed, as a laptop's lid or a window would be
            if rc != 0:
                failures.append(f"kiosk exited with {rc}")
            if saved_drafts(args.reader, data)["personal"] != 1:
                failures.append("no draft was kept in the store")

            kiosk = Kiosk(args.kiosk, data, x.env(), log=log, args=["--personal"])
            try:
                kiosk.tap("attract")
                kiosk.tap("start:continue")
                kiosk.tap("draft:carry-on")
                deadline = time.time() + 10
                while not (kiosk.screen() or "").startswith("form:") and time.time() < deadline:
                    time.sleep(0.05)
                if kiosk.screen() != page:
                    failures.append(f"carried on at {kiosk.screen()!r}, not {page!r} where the carer was")
                if not kiosk.wait_for("answer:about-age:26-64")["selected"]:
                    failures.append("the age chosen just before closing was not kept")
                kiosk.tap("back")
                if kiosk.wait_for("field:about-name")["value_length"] != len(NAME):
                    failures.append("the name typed before closing is not in its box")
                kiosk.tap("finish-and-clear")
                kiosk.tap("attract")
                kiosk.tap("start:continue")
                kiosk.tap("draft:start-again")
                kiosk.wait_for("form:carers-self-review")
                if kiosk.widget("draft:carry-on"):
                    failures.append("'Start again' left the offer to carry on on the screen")
            finally:
                rc = kiosk.close()
        except KioskError as e:
            print("FAIL:", e, *failures, sep="\n  ")
            print(open(log).read())
            return 1
        finally:
            x.close()
        if rc != 0:
            failures.append(f"kiosk exited with {rc}")
        if saved_drafts(args.reader, data)["personal"] != 0:
            failures.append("'Start again' left the draft in the store")
        if failures:
            print("FAIL:\n  " + "\n  ".join(failures))
            print(open(log).read())
            return 1
        print(f"ok: kept across a restart at {page} with its answers, deleted by Start again "
              f"({time.time() - started:.1f} s)")
        return 0


if __name__ == "__main__":
    sys.exit(main())
