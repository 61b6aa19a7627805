#!/usr/bin/env python3
"""The screenshot tour: every screen in portrait and landscape at every text size, drawn by the
real kiosk under Xvfb, and checked.

- every picture exists, has the orientation's size, and is not blank;
- in every layout (every page of every form walked, at every size and orientation) nothing that
  can be tapped lies outside the window or is cut off by the region it is drawn in;
- every control is at least 15 mm wide and tall, and at least 8 mm from every other control,
  measured with the density the kiosk used;
- the layout is mirrored in Arabic and only there: Continue right of Back, Finish and clear on
  the left, buttons at the start of their line (Listen, Change, Sync now, Cancel...) on the
  right, the day box right of the month box right of the year box, the journeys right of the
  help panel on a landscape home screen;
- the on-screen keys are never mirrored (1 left of 2 on every pad and page, the Arabic letters
  as printed on an Arabic keyboard, ض left of ج), only the backspace arrow turns round on the
  Arabic page;
- all of that in every shipped language (locales/*.po): start, home, staff, a question page and
  typing pictured, and every page of every form checked, at every text size in both orientations;
- an error naming a value, pictured in every language ("error-with-value": a date of birth before
  the emergency card's earliest date), writes that date the language's way ("1 stycznia 1900").

With --language CODE only that language's screens are toured ("en": the English ones, with the
attract, timeout and store error screens), so CTest can run one test per language side by side.

Usage: test_screenshot_tour.py --kiosk BIN [--language CODE] [--keep DIR]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kiosk_driver import XServer  # noqa: E402
from png_check import drawn_fraction, read_png  # noqa: E402

SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080)}
MIN_TARGET_MM = 15.0
MIN_GAP_MM = 8.0
SLACK_PX = 1.0  # rounding of positions to pixels
# Not controls a person aims at: the attract screen is one screen-sized button, the PIN box only
# shows dots, the confirmation's panels are text (recorded so tests can find them), and so are the
# resume code and the saved-forms messages.
NOT_TARGETS = {"attract", "pin:box", "staff:progress", "urgent-help", "reference-panel", "staff:checking",
               "save-later:code", "continue:status", "draft:cannot-open", "notice:not-kept",
               "staff:sync-result", "staff:check-result"}


def gap_between(a, b):
    """Shortest distance between two rectangles (0 when they touch or overlap)."""
    dx = max(0.0, max(a["x0"], b["x0"]) - min(a["x1"], b["x1"]))
    dy = max(0.0, max(a["y0"], b["y0"]) - min(a["y1"], b["y1"]))
    return (dx * dx + dy * dy) ** 0.5


def visible(w):
    """The part of a widget its region shows (None when scrolled fully out of view)."""
    x0, y0, x1, y1 = w["clip"]
    r = {"x0": max(w["x0"], x0), "y0": max(w["y0"], y0), "x1": min(w["x1"], x1), "y1": min(w["y1"], y1)}
    return r if r["x1"] > r["x0"] and r["y1"] > r["y0"] else None


def check_layout(shot):
    problems = []
    where = f"{shot['orientation']} {shot['text_size']}% {shot['scene']}"
    width, height = SIZES[shot["orientation"]]
    if [round(v) for v in shot["display"]] != [width, height]:
        problems.append(f"{where}: drawn at {shot['display']}, expected {width}x{height}")
    mm = shot["px_per_mm"]
    targets = []
    for w in shot["widgets"]:
        name = f"{where}: {w['id']}"
        x0, y0, x1, y1 = w["clip"]
        if x0 < -SLACK_PX or y0 < -SLACK_PX or x1 > width + SLACK_PX or y1 > height + SLACK_PX:
            problems.append(f"{name}: its region {w['clip']} goes off the screen")
        if w["x0"] < x0 - SLACK_PX or w["x1"] > x1 + SLACK_PX:
            problems.append(f"{name}: cut off at the side ({w['x0']:.0f}-{w['x1']:.0f} in {x0:.0f}-{x1:.0f})")
        if not w["scrolls"] and (w["y0"] < y0 - SLACK_PX or w["y1"] > y1 + SLACK_PX):
            problems.append(f"{name}: cut off at the top or bottom, and its region does not scroll")
        if w["id"] in NOT_TARGETS:
            continue
        if (w["x1"] - w["x0"]) < MIN_TARGET_MM * mm - SLACK_PX or (w["y1"] - w["y0"]) < MIN_TARGET_MM * mm - SLACK_PX:
            problems.append(f"{name}: {(w['x1'] - w['x0']) / mm:.1f} x {(w['y1'] - w['y0']) / mm:.1f} mm, "
                            f"smaller than {MIN_TARGET_MM} mm")
        v = visible(w)
        if v:
            targets.append((w["id"], v))
    for i in range(len(targets)):
        for j in range(i + 1, len(targets)):
            d = gap_between(targets[i][1], targets[j][1])
            if d < MIN_GAP_MM * mm - SLACK_PX:
                problems.append(f"{where}: {targets[i][0]} and {targets[j][0]} are {d / mm:.1f} mm apart, "
                                f"less than {MIN_GAP_MM} mm")
    return problems


# The error pictured with a value in it (scene "error-with-value"): the emergency card's date of
# birth before its earliest date, 1 January 1900, which each language writes its own way (ICU).
EARLIEST_DATE_WRITTEN = {"en": "1 January 1900", "pl": "1 stycznia 1900", "ar": "1 يناير 1900",
                         "zh_CN": "1900年1月1日"}


def check_value_in_error(shot):
    """The error-with-value scene's error summary names the limit in the language on screen."""
    scene = shot["scene"]
    if not scene.endswith("error-with-value"):
        return []
    code = scene[len("lang-"):-len("-error-with-value")] if scene.startswith("lang-") else "en"
    written = EARLIEST_DATE_WRITTEN.get(code)
    errors = [w["label"] for w in shot["widgets"] if w["id"].startswith("error:")]
    if written and not any(written in label for label in errors):
        return [f"{shot['orientation']} {shot['text_size']}% {scene}: no error names \"{written}\" (errors: {errors})"]
    return []


# Controls that start their line: at the left edge of their region, at the right in Arabic.
START_OF_LINE = ("next", "submit", "start-again", "start:continue", "listen", "change:", "add-another:", "remove:",
                 "staff:sync", "staff:check", "staff:leave", "staff:close", "pin:cancel", "pin:box", "store-error:close")


def check_direction(shot):
    """Arabic mirrors the layout (see the module's docstring); every left-to-right language does
    not. The keys of the on-screen keyboard are mirrored in no language."""
    rtl = shot["scene"].startswith("lang-ar-")
    where = f"{shot['orientation']} {shot['text_size']}% {shot['scene']}"
    width = SIZES[shot["orientation"]][0]
    if shot["scene"].endswith("timeout-warning"):
        return []  # a centred dialog over the page
    ws = {w["id"]: w for w in shot["widgets"]}
    problems = []
    nxt, back = ws.get("next"), ws.get("back")
    if nxt and back and (nxt["x0"] < back["x1"] if rtl else nxt["x1"] > back["x0"]):
        problems.append(f"{where}: Continue should be {'right' if rtl else 'left'} of Back")
    w = ws.get("finish-and-clear")
    if w and ((w["x0"] + w["x1"]) / 2 > width / 2) == rtl:
        problems.append(f"{where}: finish-and-clear should be on the {'left' if rtl else 'right'}")
    for w in shot["widgets"]:
        if not any(w["id"] == s or (s.endswith(":") and w["id"].startswith(s)) for s in START_OF_LINE):
            continue
        x0, _, x1, _ = w["clip"]
        # Room before it and after it in its region; a control as wide as the row says nothing.
        before, after = w["x0"] - x0, x1 - w["x1"]
        if abs(before - after) < 4:
            continue
        if (before < after) == rtl:
            problems.append(f"{where}: {w['id']} should start its line at the {'right' if rtl else 'left'}")
    # Dates: day, month, year in reading order.
    for w in shot["widgets"]:
        if not w["id"].endswith(":day"):
            continue
        base = w["id"][: -len(":day")]
        month, year = ws.get(base + ":month"), ws.get(base + ":year")
        if not month or not year or abs(month["y0"] - w["y0"]) > 1 or abs(year["y0"] - w["y0"]) > 1:
            continue  # not one row (a narrow screen may wrap the year)
        order = w["x0"] > month["x0"] > year["x0"] if rtl else w["x0"] < month["x0"] < year["x0"]
        if not order:
            problems.append(f"{where}: {base}: day, month and year should read {'right to left' if rtl else 'left to right'}")
    # Landscape home: the journeys on the start side, help beside them.
    tile = ws.get("form:am-i-a-carer")
    if tile and shot["orientation"] == "landscape" and shot["scene"].endswith("home"):
        if ((tile["x0"] + tile["x1"]) / 2 > width / 2) != rtl:
            problems.append(f"{where}: the journeys should be on the {'right' if rtl else 'left'}")
    # Keys: never mirrored; the backspace arrow points back along the text.
    one, two = ws.get("key:1"), ws.get("key:2")
    if one and two and one["x0"] > two["x0"]:
        problems.append(f"{where}: key 1 should be left of key 2 (keys are not mirrored)")
    dad, jeem = ws.get("key:ض"), ws.get("key:ج")
    if dad and jeem and dad["x0"] > jeem["x0"]:
        problems.append(f"{where}: the Arabic keys should be as printed on an Arabic keyboard (ض at the left)")
    erase = ws.get("key:backspace")
    if erase:
        expected = "\u2326" if shot.get("keyboard") == "arabic" else "\u232b"
        if erase["label"] != expected:
            problems.append(f"{where}: the backspace arrow on the {shot.get('keyboard')} keys points the wrong way")
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiosk", required=True)
    ap.add_argument("--language", help="tour only this language's screens (en, pl, ar, zh_CN)")
    ap.add_argument("--keep", help="keep the pictures in this folder")
    args = ap.parse_args()
    out = args.keep or tempfile.mkdtemp(prefix="kiosk-tour-")
    x = XServer(1920, 1920)  # room for both orientations
    cmd = [args.kiosk, "--screenshot-tour", out, "--data-dir", os.path.join(out, "data")]
    if args.language:
        cmd += ["--tour-language", args.language]
    try:
        run = subprocess.run(cmd, env=x.env(), capture_output=True, text=True, timeout=1800)
    finally:
        x.close()
    if run.returncode != 0:
        print(f"FAIL: the tour exited with {run.returncode}\n{run.stderr}")
        return 1
    with open(os.path.join(out, "tour.json")) as f:
        tour = json.load(f)
    problems = []
    pictures = 0
    seen = set()
    for shot in tour["shots"]:
        seen.add((shot["orientation"], shot["text_size"]))
        problems += check_layout(shot)
        problems += check_direction(shot)
        problems += check_value_in_error(shot)
        if not shot["file"]:
            continue
        pictures += 1
        path = os.path.join(out, shot["file"])
        if not os.path.exists(path):
            problems.append(f"{shot['file']}: missing")
            continue
        w, h, raw = read_png(path)
        if (w, h) != SIZES[shot["orientation"]]:
            problems.append(f"{shot['file']}: {w}x{h}, expected {SIZES[shot['orientation']]}")
        if drawn_fraction(raw, w, h) < 0.001:
            problems.append(f"{shot['file']}: blank")
    expected = {(o, s) for o in SIZES for s in (100, 150, 200)}
    if seen != expected:
        problems.append(f"orientations and text sizes toured: {sorted(seen)}, expected {sorted(expected)}")
    # Every scene, in every language, at every size in both orientations.
    combos = {}
    for shot in tour["shots"]:
        combos.setdefault(shot["scene"], set()).add((shot["orientation"], shot["text_size"]))
    for scene, have in sorted(combos.items()):
        if have != expected:
            problems.append(f"{scene}: toured at {sorted(have)} only")
    scenes = set(combos)
    forms = ("am-i-a-carer", "carers-self-review", "emergency-card")
    locales = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "locales")
    languages = sorted(f[:-3] for f in os.listdir(locales) if f.endswith(".po") and f != "en.po")
    if args.language:
        languages = [args.language] if args.language != "en" else []
    if args.language in (None, "en"):
        for needed in ("attract", "start", "home", "timeout-warning", "staff-entry", "staff", "store-error",
                       "error-with-value"):
            if needed not in scenes:
                problems.append(f"no {needed} screen in the tour")
        for form in forms:
            if not any(s.startswith(form + "-") for s in scenes):
                problems.append(f"no page of {form} in the tour")
    # Every other language: start, home, staff, a question page and typing pictured, and every page
    # of every form checked like the English ones.
    for code in languages:
        for needed in ("start", "home", "staff-entry", "staff", "question", "typing", "error-with-value"):
            if f"lang-{code}-{needed}" not in scenes:
                problems.append(f"no {needed} screen in {code} in the tour")
        for form in forms:
            translated = {s for s in scenes if s.startswith(f"lang-{code}-{form}-")}
            english = {s for s in scenes if s.startswith(form + "-")}
            if not translated:
                problems.append(f"{code}: no page of {form} toured")
            elif english and english != {s[len(f"lang-{code}-"):] for s in translated}:
                problems.append(f"{code}: {len(translated)} layouts of {form} toured, {len(english)} in English")
    if not args.keep:
        shutil.rmtree(out, ignore_errors=True)
    if problems:
        print(f"FAIL: {len(problems)} problems in {len(tour['shots'])} layouts; the first 40:")
        for p in problems[:40]:
            print("  " + p)
        return 1
    print(f"ok: {pictures} pictures and {len(tour['shots'])} layouts, nothing off-screen, clipped, too small or too close")
    return 0


if __name__ == "__main__":
    sys.exit(main())
