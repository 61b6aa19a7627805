"""Turns a journey file into taps on the real kiosk.

A journey's "answers" are [occurrence id, answer] pairs, in the order the form asks them:
- "code": tap that answer option (answer:<id>:<code>);
- {"type": "text"}: tap the box and type the text on the on-screen keyboard, then Done;
- {"date": ["27", "3", "1961"]}: the day, month and year boxes on the number pad.
A third element "change" marks an answer changed from "Check your answers" (it replaces the
first). A third element "stay" says the next answer is on the same page (no Continue in between).
A pair may be replaced by a raw step: {"tap": widget} or {"until": widget} (keep tapping Continue
until the widget shows); {"remove": [group, n]} taps Remove on the add-another page for the
group's repetition n; {"error_summary": {"question", "says", "links_to"}} checks the GOV.UK error
summary after a Continue that must fail (test_journey.py); {"backspace": n} deletes on the
keyboard; {"urgent_help_first": true} checks the confirmation. The occurrence id of a question in a repeating group carries the
repetition ("person-name.0"); what is saved is checked by its linkId.
"""
import json


def load(path):
    with open(path) as f:
        return json.load(f)


WAY_IN = [{"tap": "attract"}, {"tap": "start:continue"}]
# An "answer" of ["@language", code] changes the language there, through the top bar's
# "Language and text size" and back to the same page.
CHANGE_LANGUAGE = "@language"


def link_id(occurrence):
    """'person-name.0' -> 'person-name'."""
    return occurrence.split(".")[0]


def expected(answer):
    """What the saved response holds for an answer given this way."""
    if isinstance(answer, dict) and "type" in answer:
        return answer["type"]
    if isinstance(answer, dict) and "date" in answer:
        d, m, y = (int(x) for x in answer["date"])
        return f"{y:04d}-{m:02d}-{d:02d}"
    return answer


def answers(journey):
    """{linkId: [expected values]} for every answer the journey gives; an answer marked "change"
    (given again from "Check your answers") replaces the earlier one, and a {"remove": ...} step
    drops the answers given in that repetition (the later ones move up, as in the response)."""
    given = []  # (occurrence, value) in the order given
    for a in journey["answers"]:
        if isinstance(a, dict) and "remove" in a:
            group, rep = a["remove"]
            given = [(o, v) for o, v in given if not (o.startswith(group + "-") and o.split(".")[1:2] == [str(rep)])]
            continue
        if not isinstance(a, list) or a[0] == CHANGE_LANGUAGE:
            continue
        if len(a) > 2 and a[2] == "change":
            given = [(o, v) for o, v in given if link_id(o) != link_id(a[0])]
        given.append((a[0], expected(a[1])))
    by_link = {}
    for occurrence, value in given:
        by_link.setdefault(link_id(occurrence), []).append(value)
    return by_link


def steps_for(journey):
    """Wake the kiosk, open the form, then for each answer: Continue until its question shows,
    answer it, Continue."""
    steps = [{"tap": "attract"}]
    if journey.get("start_language"):
        steps.append({"tap": "language:" + journey["start_language"]})
    steps += [{"tap": "start:continue"}, {"tap": "form:" + journey["form"]}]
    for a in journey["answers"]:
        if isinstance(a, dict) and "remove" in a:
            steps.append({"tap": f"remove:{a['remove'][0]}:{a['remove'][1]}"})
            continue
        if isinstance(a, dict):
            steps.append(a)
            continue
        occurrence, answer = a[0], a[1]
        if occurrence == CHANGE_LANGUAGE:
            steps += [{"tap": "display-choices"}, {"tap": "language:" + answer}, {"tap": "start:continue"}]
            continue
        stay = len(a) > 2 and a[2] == "stay"  # the next question is on the same page
        if isinstance(answer, dict) and "type" in answer:
            steps.append({"until": f"field:{occurrence}"})
            steps.append({"tap": f"field:{occurrence}"})
            steps.append({"type_on_screen": answer["type"]})
        elif isinstance(answer, dict) and "date" in answer:
            steps.append({"until": f"field:{occurrence}:day"})
            steps.append({"tap": f"field:{occurrence}:day"})
            day, month, year = answer["date"]
            steps.append({"type_on_screen": day, "then": "key:next"})
            steps.append({"type_on_screen": month, "then": "key:next"})
            steps.append({"type_on_screen": year, "then": "key:done"})
        else:
            steps.append({"until": f"answer:{occurrence}:{answer}"})
            steps.append({"tap": f"answer:{occurrence}:{answer}"})
        if not stay:
            steps.append({"tap": "next"})
    steps.append({"until": journey.get("finish_with", "start-again")})
    return steps
