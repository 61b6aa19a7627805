"""Turns a journey file (answers as [linkId, code] pairs) into taps on the real kiosk."""
import json


def load(path):
    with open(path) as f:
        return json.load(f)


WAY_IN = [{"tap": "attract"}, {"tap": "start:continue"}]
# An "answer" of ["@language", code] changes the language there, through the top bar's
# "Language and text size" and back to the same page.
CHANGE_LANGUAGE = "@language"


def steps_for(journey):
    """Wake the kiosk, open the form, tap through the intro page(s), answer each question and continue."""
    steps = [{"tap": "attract"}]
    if journey.get("start_language"):
        steps.append({"tap": "language:" + journey["start_language"]})
    steps += [{"tap": "start:continue"}, {"tap": "form:" + journey["form"]}]
    for link_id, code in journey["answers"]:
        if link_id == CHANGE_LANGUAGE:
            steps += [{"tap": "display-choices"}, {"tap": "language:" + code}, {"tap": "start:continue"}]
            continue
        steps.append({"until": f"answer:{link_id}:{code}"})
        steps.append({"tap": f"answer:{link_id}:{code}"})
        steps.append({"tap": "next"})
    steps.append({"until": journey.get("finish_with", "start-again")})
    return steps
