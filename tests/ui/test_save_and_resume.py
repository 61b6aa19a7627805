#!/usr/bin/env python3
"""Save and come back later, on the real kiosk under Xvfb, with real X input only.

A carer starts the Carers Self Review, types their name on the on-screen keyboard, answers a few
questions, and chooses "Save and come back later" with a memorable word. The test reads the
resume code off the screen, and the carer finishes and clears. Back at the home screen they
choose "Continue a saved form", type the code on its pad and a wrong word (the screen says how
many tries are left), then the right word. The form opens at the page they left, with their
answers. They leave again with "Finish and clear": the parked draft is still in the store, and
nothing was sent. (Sending after a resume, with the parked draft gone and one submission in the
outbox, is tapped through the Emergency Card in test_resume_and_send.py.)

Usage: test_save_and_resume.py --kiosk BIN --reader BIN
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kiosk_driver import SELF_REVIEW_TO_ABOUT_YOU, Kiosk, KioskError, WordRefused, XServer, saved_drafts  # noqa: E402

NAME = "Qvxjaw"  # typed on the keyboard before the save
WORD = "bluebell"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiosk", required=True)
    ap.add_argument("--reader", required=True)
    args = ap.parse_args()
    failures = []
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="kiosk-resume-") as tmp:
        data, centre = os.path.join(tmp, "data"), os.path.join(tmp, "centre")
        os.makedirs(data, mode=0o700)
        os.makedirs(centre)
        subprocess.run([args.reader, "keygen", centre], check=True)
        with open(os.path.join(centre, "centre.pk")) as f:
            pk = f.read().strip()
        with open(os.path.join(data, "kiosk.json"), "w") as f:
            json.dump({"centre": {"name": "Test Carers Centre", "phone": "0100 000 0000", "sealing_public_key": pk}}, f)
        x = XServer()
        log = os.path.join(tmp, "kiosk.log")
        try:
            kiosk = Kiosk(args.kiosk, data, x.env(), log=log)
            try:
                for t in SELF_REVIEW_TO_ABOUT_YOU:
                    kiosk.tap(t)
                kiosk.tap("field:about-name")
                kiosk.type_on_screen(NAME)
                kiosk.tap("next")
                kiosk.tap("answer:about-age:26-64")
                kiosk.tap("next")
                left_at = kiosk.wait_screen(lambda s: s.startswith("form:") and "about-age" not in s)

                # Save and come back later: the word on the keyboard, then the code on screen.
                code = kiosk.save_for_later(WORD)
                if len(code) != 9 or code[4] != "-":
                    failures.append(f"the resume code on screen looks wrong: {code!r}")
                if saved_drafts(args.reader, data)["parked"] != 1:
                    failures.append("the screen said saved but no parked draft is in the store")
                kiosk.tap("save-later:finish")
                kiosk.wait_screen(lambda s: s == "attract")

                # The next visit: the code on its pad, a wrong word, then the right one.
                try:
                    opened = kiosk.resume_saved(code, "tulip")
                    raise KioskError(f"a wrong word opened the saved form at {opened!r}")
                except WordRefused as refused:
                    status = refused.message
                if "4 more tries" not in status:
                    failures.append(f"after a wrong word the screen said {status!r}, not how many tries are left")
                kiosk.wait_for("key:done")  # the word box has the keyboard again, emptied
                if kiosk.widget("continue:word")["value_length"] != 0:
                    failures.append("the wrong word was left in its box")
                back_at = kiosk.try_saved_word(WORD)
                if back_at != left_at:
                    failures.append(f"the form reopened at {back_at!r}, not {left_at!r} where it was left")

                # The answers are there: the age chosen, the name typed.
                kiosk.tap("back")
                if not kiosk.wait_for("answer:about-age:26-64")["selected"]:
                    failures.append("the age answered before the save was not selected after resuming")
                kiosk.tap("back")
                if kiosk.wait_for("field:about-name")["value_length"] != len(NAME):
                    failures.append("the name typed before the save was not in its box after resuming")
                # Walking away again keeps the saved copy: it goes only once the form is sent
                # (test_resume_and_send.py).
                kiosk.tap("finish-and-clear")
                kiosk.wait_screen(lambda s: s == "attract")
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
        left = saved_drafts(args.reader, data)
        if left["parked"] != 1:
            failures.append(f"the parked draft was lost when the carer left again ({left})")
        out = subprocess.run([args.reader, "read", data, os.path.join(centre, "centre.sk")],
                             check=True, capture_output=True, text=True).stdout.strip().splitlines()
        if out:
            failures.append(f"nothing was sent, yet {len(out)} submissions are in the outbox")
        if failures:
            print("FAIL:\n  " + "\n  ".join(failures))
            print(open(log).read())
            return 1
        print(f"ok: saved with a word, code read off the screen, one wrong word told, resumed at {left_at} "
              f"with the answers, kept after leaving again ({time.time() - started:.1f} s)")
        return 0


if __name__ == "__main__":
    sys.exit(main())
