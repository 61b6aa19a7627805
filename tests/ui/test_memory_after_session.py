#!/usr/bin/env python3
"""Nothing of a carer is left in the kiosk's memory once their session ends (issue 5: "no personal
data ... left in memory after a session ends"), on the real kiosk under Xvfb with real X input.

Two sessions, each with markers no other memory holds by chance: a name typed on the on-screen
keyboard into a text answer of the Carers Self Review, and a memorable word typed into "Save and
come back later".

1. Finish and clear: the carer saves for later (the word sealed the draft, the code is on
   screen), taps "Finish and clear", comes back and opens it with code and word (the name is
   back in its box), and taps "Finish and clear" again.
2. The timeout: the carer has typed the word into its box but walks away; the kiosk warns, then
   clears the session by itself.

After each, the kiosk's whole writable memory is read through /proc/PID/mem (heap, stacks,
anonymous maps, the writable parts of every library: Mesa, libX11, GLFW, espeak-ng, SQLCipher),
and the test fails if a marker is found in UTF-8, UTF-16 or UTF-32, or if the resume code is. There
is no allow-list: every region is searched. Before the end of each session the same search must
find the markers, so the search itself is shown to work. Finally neither marker may appear in the
kiosk's log or standard output.

Set KIOSK_DEBUG_MEMORY=1 to print where a marker was found.

Usage: test_memory_after_session.py --kiosk BIN
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kiosk_driver import SELF_REVIEW_TO_ABOUT_YOU, KioskError, KioskPlace, fail_with_log, report  # noqa: E402

# Letters only (the memorable word takes 3-40 letters), lower case (the word is kept as typed
# and compared case-folded, so both forms are the same bytes), unlike any word in a library.
NAME = "qzvjxwakp"
WORD = "zibquaftol"
# Long enough for the search made before the timeout (slow in the ASan build) to end first.
INACTIVITY, WARNING = 40, 5


def encodings(text):
    return [text.encode(), text.encode("utf-16-le"), text.encode("utf-32-le")]


def found(kiosk, markers):
    """{label: number of encodings found} for every marker found in the kiosk's memory."""
    if os.environ.get("KIOSK_DEBUG_MEMORY"):
        print(f"-- searching for {', '.join(markers)}")
    out = {}
    for label, text in markers.items():
        n = len(kiosk.secrets_in_memory(encodings(text)))
        if n:
            out[label] = n
    return out


def type_name_and_word(kiosk, failures, case, word_done):
    for t in SELF_REVIEW_TO_ABOUT_YOU:
        kiosk.tap(t)
    kiosk.tap("field:about-name")
    kiosk.type_on_screen(NAME)
    kiosk.tap("next")
    kiosk.wait_screen(lambda s: s.startswith("form:") and "about-name" not in s)
    kiosk.tap("save-for-later")
    kiosk.wait_for("save-later:word")
    kiosk.type_on_screen(WORD, done=word_done)
    # The search must be able to see both while they are meant to be there.
    seen = found(kiosk, {"name": NAME, "word": WORD})
    for label in ("name", "word"):
        if label not in seen:
            failures.append(f"{case}: the memory search cannot find the {label} even before the session ends")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiosk", required=True)
    args = ap.parse_args()
    failures = []
    started = time.time()
    output = ""
    with KioskPlace("kiosk-memory-") as place:
        try:
            # 1. Saved for later, then Finish and clear.
            kiosk = place.start(args.kiosk)
            try:
                type_name_and_word(kiosk, failures, "finish and clear", True)
                kiosk.tap("save-later:save")
                kiosk.wait_screen("save-later:saved")
                code = kiosk.wait_for("save-later:code")["label"]
                kiosk.tap("save-later:finish")
                kiosk.wait_screen("attract")
                # They come back, open it (the draft is decrypted and parsed, the name is back in
                # its box), and leave again with Finish and clear.
                kiosk.tap("attract")
                kiosk.tap("start:continue")
                kiosk.tap("continue-saved")
                kiosk.wait_for("continue:code")
                kiosk.type_on_pad(code.replace("-", ""))
                kiosk.tap("continue:word")
                kiosk.type_on_screen(WORD)
                kiosk.tap("continue:open")
                kiosk.wait_screen(lambda s: s.startswith("form:"))
                kiosk.tap("back")
                if kiosk.wait_for("field:about-name")["value_length"] != len(NAME):
                    failures.append("finish and clear: the resumed form did not bring the name back")
                kiosk.tap("finish-and-clear")
                kiosk.wait_screen("attract")
                time.sleep(0.5)  # a few more frames, as the next person would see
                left = found(kiosk, {"name": NAME, "word": WORD, "code": code, "code typed": code.replace("-", "")})
                if left:
                    failures.append(f"finish and clear: still in the kiosk's memory after the session ended: {left}")
            finally:
                rc = kiosk.close()
                output += kiosk.output()
            if rc != 0:
                failures.append(f"finish and clear: the kiosk exited with {rc}")

            # 2. The word typed, then walked away from.
            kiosk = place.start(args.kiosk, args=["--inactivity", str(INACTIVITY), "--warning", str(WARNING)])
            try:
                type_name_and_word(kiosk, failures, "timeout", False)
                kiosk.wait_for("more-time", timeout=INACTIVITY + 10)
                kiosk.wait_screen("attract", timeout=WARNING + 10)
                time.sleep(0.5)
                left = found(kiosk, {"name": NAME, "word": WORD})
                if left:
                    failures.append(f"timeout: still in the kiosk's memory after the session was cleared: {left}")
            finally:
                rc = kiosk.close()
                output += kiosk.output()
            if rc != 0:
                failures.append(f"timeout: the kiosk exited with {rc}")
        except KioskError as e:
            return fail_with_log(e, place.log)
        output += place.read_log()
    for label, text in (("name", NAME), ("word", WORD)):
        if text in output:
            failures.append(f"the {label} appears in the kiosk's log or output")
    return report(failures, "after Finish and clear and after the timeout, neither the typed name, the memorable "
                            f"word nor the code is in the kiosk's memory, log or output ({time.time() - started:.0f} s)")


if __name__ == "__main__":
    sys.exit(main())
