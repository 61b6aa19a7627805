"""Turns a journey file (answers as [linkId, code] pairs) into taps on the real kiosk."""
import json


def load(path):
    with open(path) as f:
        return json.load(f)


WAY_IN = [{"tap": "attract"}, {"tap": "start:continue"}]


def steps_for(journey):
    """Wake the kiosk, open the form, tap through the intro page(s), answer each question and continue."""
    steps = WAY_IN + [{"tap": "form:" + journey["form"]}]
    for link_id, code in journey["answers"]:
        steps.append({"until": f"answer:{link_id}:{code}"})
        steps.append({"tap": f"answer:{link_id}:{code}"})
        steps.append({"tap": "next"})
    steps.append({"until": journey.get("finish_with", "start-again")})
    return steps
