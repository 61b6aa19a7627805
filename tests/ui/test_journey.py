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
from kiosk_driver import Kiosk, KioskError, XServer, fail_with_log, report  # noqa: E402


def drive(kiosk, steps):
    """Taps through; 'until' taps Continue on information pages until the widget shows up.
    Returns the problems the on-screen checks found (error summary, urgent help)."""
    problems = []
    for step in steps:
        if "tap" in step:
            kiosk.tap(step["tap"])
        elif "type_on_screen" in step:
            kiosk.type_on_screen(step["type_on_screen"], done=False)
            kiosk.tap(step.get("then", "key:done"))
        elif "backspace" in step:
            for _ in range(step["backspace"]):
                kiosk.tap("key:backspace")
        elif "until" in step:
            for _ in range(20):
                ids = [w["id"] for w in (kiosk.state() or {"widgets": []})["widgets"]]
                if step["until"] in ids:
                    break
                if "next" in ids:
                    kiosk.tap("next")
                else:
                    time.sleep(0.1)
            kiosk.wait_for(step["until"])
        elif "error_summary" in step:
            problems += check_error_summary(kiosk, **step["error_summary"])
        elif "urgent_help_first" in step:
            problems += check_urgent_help_first(kiosk, step["urgent_help_first"])
    return problems


def visible_in_region(w):
    """Whether the middle of a widget lies in the visible part of its region."""
    x0, y0, x1, y1 = w["clip"]
    cy = (w["y0"] + w["y1"]) / 2
    return y0 <= cy <= y1


def check_error_summary(kiosk, question, says, links_to):
    """Continue must have failed: the GOV.UK error summary lists the question with its message,
    and tapping the entry takes the person to the question (a box gets the keyboard)."""
    problems = []
    link = kiosk.wait_for("error:" + question)
    if says not in link["label"]:
        problems.append(f"the error summary for {question} says {link['label']!r}, not {says!r}")
    if kiosk.widget("next") is None:
        problems.append("the error summary page has no Continue")
    others = [w["id"] for w in kiosk.state()["widgets"] if w["id"].startswith("error:") and w["id"] != "error:" + question]
    if others:
        problems.append(f"the error summary lists other problems too: {others}")
    kiosk.tap("error:" + question)
    target = kiosk.wait_for(links_to)
    if links_to.startswith("field:"):
        s = kiosk.state()
        if s["focus"] != links_to or not s["keyboard"]:
            problems.append(f"the error link did not give {links_to} the keyboard (focus {s['focus']!r})")
    if not visible_in_region(target):
        problems.append(f"after the error link, {links_to} is not in view")
    return problems


def check_urgent_help_first(kiosk, says):
    """The confirmation shows how to get help now above everything else, without scrolling."""
    problems = []
    help_ = kiosk.wait_for("urgent-help")
    panel = kiosk.widget("reference-panel")
    if "Get help now" not in help_["label"] or says not in help_["label"]:
        problems.append(f"the urgent help says {help_['label']!r}")
    if panel is None:
        problems.append("the confirmation has no reference panel")
    elif help_["y0"] >= panel["y0"]:
        problems.append("the urgent help is below the reference number")
    x0, y0, x1, y1 = help_["clip"]
    if help_["y0"] < y0 - 1 or help_["y1"] > y1 + 1:
        problems.append("the urgent help is not all on screen without scrolling")
    for w in kiosk.state()["widgets"]:
        if w["id"] not in ("urgent-help", "finish-and-clear", "display-choices") and w["y0"] < help_["y0"] and w.get("scrolls"):
            problems.append(f"{w['id']} comes before the urgent help")
    return problems


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
                                  "sealing_public_key": pk},
                       "venue": {"safeguarding_phone": "01632 960 001"}}, f)

        x = XServer()
        log = os.path.join(tmp, "kiosk.log")
        started = time.time()
        try:
            # A long journey may ask for a smaller window at the same size in millimetres (fewer pixels
            # for the software renderer to fill on every frame; the layout is the same).
            kiosk = Kiosk(args.kiosk, data, x.env(), args=journey.get("kiosk_args", []), screenshot_dir=args.screenshots,
                          log=log)
            try:
                failures = drive(kiosk, journey_steps.steps_for(journey))
                kiosk.tap(journey.get("finish_with", "start-again"))
                kiosk.wait_for("form:" + journey["form"])  # back on the home screen
            finally:
                rc = kiosk.close()
        except KioskError as e:
            return fail_with_log(e, log)
        finally:
            x.close()
        took = time.time() - started
        if rc != 0:
            return fail_with_log(f"kiosk exited with {rc}", log)

        out = subprocess.run([args.reader, "read", data, os.path.join(centre, "centre.sk")],
                             check=True, capture_output=True, text=True).stdout.strip().splitlines()
        if len(out) != 1:
            return report([f"expected one saved submission, found {len(out)}"], "")
        payload = json.loads(out[0])
        got = answers_in(payload["response"])
        given = journey_steps.answers(journey)
        failures += [f"{lid}: expected {values!r}, saved {got.get(lid)!r}"
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
        # Safeguarding: the submission is flagged, in the envelope and in the response's tags.
        tags = [t.get("code") for t in payload["response"].get("meta", {}).get("tag", [])]
        urgent = bool(payload.get("urgent")) and "urgent" in tags
        if urgent != journey.get("urgent", False):
            failures.append(f"urgent flag {payload.get('urgent')!r}, tags {tags!r}; expected urgent={journey.get('urgent', False)}")
        # What was removed (a person taken off with Remove) is nowhere in what was sent.
        sent = json.dumps(payload, ensure_ascii=False)
        for text in journey.get("absent", []):
            if text in sent:
                failures.append(f"{text!r} was removed but is in the saved submission")
        return report(failures, f"{sum(len(v) for v in given.values())} answers given by tapping in "
                                f"{' then '.join(languages)} were saved, sealed, and read back ({took:.0f} s on screen)")


if __name__ == "__main__":
    sys.exit(main())
