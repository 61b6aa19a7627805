#!/usr/bin/env python3
"""Save and come back later, then finish and Send, on the real kiosk under Xvfb with real X input.

The Emergency Card journey (journeys/emergency-card-adult.json) is tapped as a carer would, up to
the task list after "About you". There the carer chooses "Save and come back later" with a
memorable word, reads the code and taps "Finish and clear". Coming back, they choose "Continue a
saved form", type the code on its pad and the word, and go on with the rest of the same journey
to Send. Afterwards the outbox holds exactly one sealed submission, opened with the centre's key
it holds every answer of the journey (those given before the save and after it, nothing else), and
the parked draft is gone from the store.

Usage: test_resume_and_send.py --kiosk BIN --reader BIN --journey FILE
"""
import argparse
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import journey_steps  # noqa: E402
from kiosk_driver import KioskError, KioskPlace, fail_with_log, report, saved_drafts  # noqa: E402
from test_journey import answers_in, drive  # noqa: E402

WORD = "heather"
SAVE_AT = {"until": "section:people"}  # the task list, "About you" done


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiosk", required=True)
    ap.add_argument("--reader", required=True)
    ap.add_argument("--journey", required=True)
    args = ap.parse_args()
    journey = journey_steps.load(args.journey)
    steps = journey_steps.steps_for(journey)
    if SAVE_AT not in steps:
        return report([f"the journey has no step {SAVE_AT}, where the carer saves"], "")
    cut = steps.index(SAVE_AT) + 1
    failures = []
    started = time.time()
    with KioskPlace("kiosk-resume-send-") as place:
        centre = os.path.join(place.tmp, "centre")
        os.makedirs(centre)
        subprocess.run([args.reader, "keygen", centre], check=True)
        with open(os.path.join(centre, "centre.pk")) as f:
            pk = f.read().strip()
        with open(os.path.join(place.data, "kiosk.json"), "w") as f:
            json.dump({"centre": {"name": "Test Carers Centre", "phone": "0100 000 0000", "sealing_public_key": pk}}, f)
        try:
            kiosk = place.start(args.kiosk, args=journey.get("kiosk_args", []))
            try:
                failures += drive(kiosk, steps[:cut])
                code = kiosk.save_for_later(WORD)
                if saved_drafts(args.reader, place.data)["parked"] != 1:
                    failures.append("the screen said saved but no parked draft is in the store")
                kiosk.tap("save-later:finish")
                kiosk.wait_screen("attract")

                kiosk.resume_saved(code, WORD)
                failures += drive(kiosk, steps[cut:])
                kiosk.tap(journey.get("finish_with", "start-again"))
                kiosk.wait_for("form:" + journey["form"])  # back on the home screen
            finally:
                rc = kiosk.close()
        except KioskError as e:
            return fail_with_log(e, place.log)
        if rc != 0:
            failures.append(f"the kiosk exited with {rc}")
        took = time.time() - started
        out = subprocess.run([args.reader, "read", place.data, os.path.join(centre, "centre.sk")],
                             check=True, capture_output=True, text=True).stdout.strip().splitlines()
        if len(out) != 1:
            failures.append(f"expected exactly one submission in the outbox, found {len(out)}")
        else:
            got = answers_in(json.loads(out[0])["response"])
            given = journey_steps.answers(journey)
            failures += [f"{lid}: expected {values!r}, sent {got.get(lid)!r}"
                         for lid, values in given.items() if got.get(lid) != values]
            extra = sorted(set(got) - set(given))
            if extra:
                failures.append(f"answers sent that were never given: {extra}")
        left = saved_drafts(args.reader, place.data)
        if left["parked"] != 0:
            failures.append(f"the parked draft is still in the store after the form was sent ({left})")
        if failures:
            print(place.read_log())
    return report(failures, f"saved for later at the task list, resumed with code and word, sent: one submission "
                            f"with every answer, the parked draft gone ({took:.0f} s)")


if __name__ == "__main__":
    sys.exit(main())
