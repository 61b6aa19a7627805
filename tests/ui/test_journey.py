#!/usr/bin/env python3
"""End-to-end: the real kiosk under Xvfb, answered by real X input, and what it saved checked.

Usage: test_journey.py --kiosk BIN --reader BIN --journey FILE [--screenshots DIR]
Exits 0 when every answer given is in the saved (sealed) response, non-zero otherwise.
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
import journey_steps  # noqa: E402
from kiosk_driver import Kiosk, KioskError, XServer  # noqa: E402


def drive(kiosk, steps):
    """Taps through; 'until' taps Continue on information pages until the widget shows up."""
    for step in steps:
        if "tap" in step:
            kiosk.tap(step["tap"])
        elif "type_on_screen" in step:
            kiosk.type_on_screen(step["type_on_screen"], done=False)
            kiosk.tap(step.get("then", "key:done"))
        elif "until" in step:
            for _ in range(10):
                ids = [w["id"] for w in (kiosk.state() or {"widgets": []})["widgets"]]
                if step["until"] in ids:
                    break
                if "next" in ids:
                    kiosk.tap("next")
                else:
                    time.sleep(0.1)
            kiosk.wait_for(step["until"])


def answers_in(response):
    """{linkId: [codes or values]} from a QuestionnaireResponse, at any depth."""
    found = {}

    def walk(items):
        for it in items:
            for a in it.get("answer", []):
                v = a.get("valueCoding", {}).get("code") if "valueCoding" in a else next(
                    (a[k] for k in a if k.startswith("value")), None)
                found.setdefault(it["linkId"], []).append(v)
                walk(a.get("item", []))
            walk(it.get("item", []))

    walk(response.get("item", []))
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiosk", required=True)
    ap.add_argument("--reader", required=True)
    ap.add_argument("--journey", required=True)
    ap.add_argument("--screenshots")
    args = ap.parse_args()
    journey = journey_steps.load(args.journey)

    with tempfile.TemporaryDirectory(prefix="kiosk-e2e-") as tmp:
        data = os.path.join(tmp, "data")
        centre = os.path.join(tmp, "centre")
        os.makedirs(data, mode=0o700)
        os.makedirs(centre)
        subprocess.run([args.reader, "keygen", centre], check=True)
        with open(os.path.join(centre, "centre.pk")) as f:
            pk = f.read().strip()
        with open(os.path.join(data, "kiosk.json"), "w") as f:
            json.dump({"centre": {"name": "Test Carers Centre", "phone": "0100 000 0000",
                                  "sealing_public_key": pk}}, f)

        x = XServer()
        log = os.path.join(tmp, "kiosk.log")
        try:
            kiosk = Kiosk(args.kiosk, data, x.env(), screenshot_dir=args.screenshots, log=log)
            try:
                drive(kiosk, journey_steps.steps_for(journey))
                kiosk.tap(journey.get("finish_with", "start-again"))
                kiosk.wait_for("form:" + journey["form"])  # back on the home screen
            finally:
                rc = kiosk.close()
        except KioskError as e:
            print("FAIL:", e)
            print(open(log).read())
            return 1
        finally:
            x.close()
        if rc != 0:
            print(f"FAIL: kiosk exited with {rc}")
            print(open(log).read())
            return 1

        out = subprocess.run([args.reader, "read", data, os.path.join(centre, "centre.sk")],
                             check=True, capture_output=True, text=True).stdout.strip().splitlines()
        if len(out) != 1:
            print(f"FAIL: expected one saved submission, found {len(out)}")
            return 1
        payload = json.loads(out[0])
        got = answers_in(payload["response"])
        given = journey_steps.answers(journey)
        failures = [f"{lid}: expected {values!r}, saved {got.get(lid)!r}"
                    for lid, values in given.items() if got.get(lid) != values]
        extra = sorted(set(got) - set(given))
        if extra:
            failures.append(f"answers saved that were never given: {extra}")
        # The language the carer finished in is recorded with the submission.
        languages = [journey.get("start_language", "en")] + [
            a[1] for a in journey["answers"] if isinstance(a, list) and a[0] == journey_steps.CHANGE_LANGUAGE]
        if payload.get("language") != languages[-1]:
            failures.append(f"language recorded {payload.get('language')!r}, expected {languages[-1]!r}")
        if payload["response"].get("status") != "completed":
            failures.append("response status is not 'completed'")
        if journey.get("reference"):
            # Forms that end with "Check your answers" and Send carry the reference number shown.
            ids = [i.get("value", "") for i in ([payload["response"].get("identifier")] if isinstance(
                payload["response"].get("identifier"), dict) else payload["response"].get("identifier", []))]
            if not any(re.fullmatch(r"[A-Z0-9]{3}-[A-Z0-9]{3}-[A-Z0-9]{3}", v or "") for v in ids):
                failures.append(f"no reference number in the saved response (identifier {ids!r})")
        if failures:
            print("FAIL:\n  " + "\n  ".join(failures))
            return 1
        print(f"ok: {sum(len(v) for v in given.values())} answers given by tapping in {' then '.join(languages)} were saved, sealed, and read back")
        return 0


if __name__ == "__main__":
    sys.exit(main())
