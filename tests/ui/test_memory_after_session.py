#!/usr/bin/env python3
"""Nothing of a carer is left in the kiosk's memory once their session ends (issue 5: "no personal
data ... left in memory after a session ends"), on the real kiosk under Xvfb with real X input.

Three sessions, with markers no other memory holds by chance: a name typed on the on-screen
keyboard into a text answer, a memorable word typed into "Save and come back later", and a date
of birth typed on the number pad (searched for as its year's digits, as typed, and as the three
ints of the engine's Date).

1. Finish and clear: the carer saves for later (the word sealed the draft, the code is on
   screen), taps "Finish and clear", comes back and opens it with code and word (the name is
   back in its box), and taps "Finish and clear" again.
2. The timeout: the carer has typed the word into its box but walks away; the kiosk warns, then
   clears the session by itself.
3. A staff login: the carer is in the middle of the Emergency Card, the name and date of birth
   typed, and has pressed Listen on the date's page (a sound device is given: ALSA's null device);
   staff hold the corner and type the PIN, and the staff screen opens on a wiped session.

After each, the kiosk's whole writable memory is read through /proc/PID/mem (heap, stacks,
anonymous maps, the writable parts of every library: Mesa, libX11, GLFW, espeak-ng, SQLCipher),
and the test fails if a marker is found in UTF-8, UTF-16 or UTF-32, or if the resume code is. There
is no allow-list: every region is searched. Before the end of each session the same search must
find the markers, so the search itself is shown to work. Finally neither the name, the word nor
the date may appear in the kiosk's log or standard output.

Set KIOSK_DEBUG_MEMORY=1 to print where a marker was found.

Usage: test_memory_after_session.py --kiosk BIN
"""
import argparse
import os
import struct
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import journey_steps  # noqa: E402
from kiosk_driver import SELF_REVIEW_TO_ABOUT_YOU, KioskError, KioskPlace, fail_with_log, report  # noqa: E402
from test_journey import drive  # noqa: E402

# Letters only (the memorable word takes 3-40 letters), lower case (the word is kept as typed
# and compared case-folded, so both forms are the same bytes), unlike any word in a library.
NAME = "qzvjxwakp"
WORD = "zibquaftol"
# A date of birth typed on the number pad (day, month, year), and the engine's Date for it (three
# ints: year, month, day), which no other memory holds by chance.
DATE = ("17", "8", "1937")
DATE_HELD = struct.pack("=iii", 1937, 8, 17)
STAFF_PIN = "482916"
# Long enough for the search made before the timeout (slow in the ASan build) to end first.
INACTIVITY, WARNING = 40, 5


def encodings(text):
    return [text.encode(), text.encode("utf-16-le"), text.encode("utf-32-le")]


def found(kiosk, markers):
    """{label: number of encodings found} for every marker found in the kiosk's memory (a text
    in UTF-8, 16 and 32; bytes as they are)."""
    if os.environ.get("KIOSK_DEBUG_MEMORY"):
        print(f"-- searching for {', '.join(markers)}")
    out = {}
    for label, marker in markers.items():
        n = len(kiosk.secrets_in_memory([marker] if isinstance(marker, bytes) else encodings(marker)))
        if n:
            out[label] = n
    return out


def type_name(kiosk):
    """The Self Review's "About you" page: the name on the on-screen keyboard, then on a page."""
    for t in SELF_REVIEW_TO_ABOUT_YOU:
        kiosk.tap(t)
    kiosk.tap("field:about-name")
    kiosk.type_on_screen(NAME)
    kiosk.tap("next")
    kiosk.wait_screen(lambda s: s.startswith("form:") and "about-name" not in s)


def must_find(kiosk, failures, case, markers):
    """The search must be able to see the markers while they are meant to be there."""
    seen = found(kiosk, markers)
    for label in markers:
        if label not in seen:
            failures.append(f"{case}: the memory search cannot find the {label} even before the session ends")


def session(place, binary, case, failures, drive, kiosk_args=()):
    """One kiosk process: starts it, runs drive(kiosk), and closes it whatever happened; returns
    what it wrote to standard output. Its exit status must be 0."""
    kiosk = place.start(binary, args=kiosk_args)
    try:
        drive(kiosk)
    finally:
        rc = kiosk.close()
    if rc != 0:
        failures.append(f"{case}: the kiosk exited with {rc}")
    return kiosk.output()


def finish_and_clear(kiosk, failures):
    """Saved for later, Finish and clear; back, opened with code and word, Finish and clear."""
    case = "finish and clear"
    type_name(kiosk)
    code = kiosk.save_for_later(WORD, before_save=lambda: must_find(kiosk, failures, case, {"name": NAME, "word": WORD}))
    kiosk.tap("save-later:finish")
    kiosk.wait_screen("attract")
    # They come back, open it (the draft is decrypted and parsed, the name is back in its box),
    # and leave again with Finish and clear.
    kiosk.resume_saved(code, WORD)
    kiosk.tap("back")
    if kiosk.wait_for("field:about-name")["value_length"] != len(NAME):
        failures.append(f"{case}: the resumed form did not bring the name back")
    kiosk.tap("finish-and-clear")
    kiosk.wait_screen("attract")
    time.sleep(0.5)  # a few more frames, as the next person would see
    left = found(kiosk, {"name": NAME, "word": WORD, "code": code, "code typed": code.replace("-", "")})
    if left:
        failures.append(f"{case}: still in the kiosk's memory after the session ended: {left}")


def timeout(kiosk, failures):
    """The word typed, then walked away from."""
    case = "timeout"
    type_name(kiosk)
    kiosk.start_save_for_later(WORD, done=False)
    must_find(kiosk, failures, case, {"name": NAME, "word": WORD})
    kiosk.wait_for("more-time", timeout=INACTIVITY + 10)
    kiosk.wait_screen("attract", timeout=WARNING + 10)
    time.sleep(0.5)
    left = found(kiosk, {"name": NAME, "word": WORD})
    if left:
        failures.append(f"{case}: still in the kiosk's memory after the session was cleared: {left}")


def staff_login(kiosk, failures):
    """The carer is mid-form when staff come: the Emergency Card with the name typed and a date of
    birth typed on the number pad (its page still on screen, read aloud with Listen); staff hold
    the corner and type the PIN, and the staff screen opens on a wiped session."""
    case = "staff login"
    kiosk.wait_for("attract")
    drive(kiosk, journey_steps.steps_for({"form": "emergency-card", "answers": [
        ["start-filled-by", "carer"], ["start-age", "18-plus"], ["start-danger", "no"],
        {"until": "section:carer"}, {"tap": "section:carer"},
        ["carer-name", {"type": NAME}],
        ["carer-dob", {"date": DATE}, "stay"]]})[:-1])  # without the last step (on to the end)
    kiosk.tap("listen")
    markers = {"name": NAME, "date's year as typed": DATE[2], "date as the engine holds it": DATE_HELD}
    must_find(kiosk, failures, case, markers)
    kiosk.hold_corner(3.6)
    kiosk.type_on_pad(STAFF_PIN)
    kiosk.wait_screen("staff")
    time.sleep(0.5)
    left = found(kiosk, markers)
    if left:
        failures.append(f"{case}: still in the kiosk's memory once the staff screen opened: {left}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiosk", required=True)
    args = ap.parse_args()
    failures = []
    started = time.time()
    output = ""
    with KioskPlace("kiosk-memory-") as place:
        try:
            output += session(place, args.kiosk, "finish and clear", failures,
                              lambda k: finish_and_clear(k, failures))
            output += session(place, args.kiosk, "timeout", failures, lambda k: timeout(k, failures),
                              kiosk_args=["--inactivity", str(INACTIVITY), "--warning", str(WARNING)])
            subprocess.run([args.kiosk, "--data-dir", place.data, "--set-staff-pin"], input=STAFF_PIN + "\n",
                           capture_output=True, text=True, check=True)
            # A sound device that works (ALSA's null device), so Listen is offered.
            output += session(place, args.kiosk, "staff login", failures, lambda k: staff_login(k, failures),
                              kiosk_args=["--sound-device", "null"])
        except KioskError as e:
            return fail_with_log(e, place.log)
        output += place.read_log()
    date_iso = f"{DATE[2]}-{int(DATE[1]):02d}-{int(DATE[0]):02d}"
    for label, text in (("name", NAME), ("word", WORD), ("date", date_iso)):
        if text in output:
            failures.append(f"the {label} appears in the kiosk's log or output")
    return report(failures, "after Finish and clear, the timeout and a staff login, neither the typed name, the "
                            "date typed on the number pad, the memorable word nor the code is in the kiosk's memory, "
                            f"log or output ({time.time() - started:.0f} s)")


if __name__ == "__main__":
    sys.exit(main())
