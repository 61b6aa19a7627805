#!/usr/bin/env python3
"""The staff screen of the real kiosk under Xvfb speaks the kiosk's language (issue 7): with the
kiosk in Polish, the sentences it draws after "Sync now" and "Check connection" (recorded with
the widgets as staff:sync-result and staff:check-result) are the Polish ones, not English.

- a kiosk with no settings file: "Sync now" and "Check connection" say in Polish that sync is not
  set up and what to do;
- a kiosk enrolled with a real carers-centre on 127.0.0.1 (real TLS): "Sync now" with an empty
  outbox says in Polish there was nothing to send; then the centre stops, a carer answers a
  journey (so there is something to send), and "Sync now" and "Check connection" give the Polish
  advice for a refused connection, the technical English text only after the Polish "for IT
  support" label, and that English text is in the staff log.

Usage: test_staff_sentences.py --kiosk BIN --admin BIN --centre BIN --sync BIN --journey FILE [--language CODE]
(--language en shows the test failing: the sentences are then English.)
"""
import argparse
import json
import os
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import journey_steps  # noqa: E402
from kiosk_driver import KioskError, KioskPlace, fail_with_log, report  # noqa: E402
from test_journey import drive  # noqa: E402

PIN = "482916"
# The Polish drafts (locales/pl.po), as staff should read them.
NOT_SET_UP = "Synchronizacja nie jest skonfigurowana: ten kiosk nie ma pliku ustawień (kiosk.json)."
NOTHING_TO_SEND = "Nie ma nic do wysłania: skrzynka nadawcza jest pusta."
REFUSED = "Pod adresem centrum nic nie odpowiedziało"
CHECK_FAILED = "Sprawdzenie połączenia nie powiodło się."
FOR_IT = "Dla wsparcia IT: "


def run(*cmd, **kw):
    r = subprocess.run(list(cmd), capture_output=True, text=True, **kw)
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {r.returncode}: {r.stdout}{r.stderr}")
    return r.stdout + r.stderr


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def open_staff_screen(kiosk):
    kiosk.hold_corner(3.6)
    kiosk.wait_for("key:1")
    kiosk.type_on_pad(PIN)
    kiosk.wait_for("staff:sync")


def sentence_after(kiosk, button, result, want, timeout=30):
    """Taps `button`, then waits until the `result` widget's text holds `want`; returns the text
    (the last one seen when it never did)."""
    kiosk.tap(button)
    text = ""
    deadline = time.time() + timeout
    while time.time() < deadline:
        w = kiosk.widget(result)
        text = w["label"] if w else ""
        if want in text:
            break
        time.sleep(0.1)
    return text


def expect(failures, what, text, *parts):
    for p in parts:
        if p not in text:
            failures.append(f"{what}: {p!r} not in {text!r}")


def not_set_up(args, failures):
    with KioskPlace("kiosk-staff-pl-") as place:
        run(args.kiosk, "--data-dir", place.data, "--set-staff-pin", input=PIN + "\n")
        kiosk = place.start(args.kiosk, args=["--language", args.language])
        try:
            kiosk.wait_for("attract")
            open_staff_screen(kiosk)
            text = sentence_after(kiosk, "staff:sync", "staff:sync-result", NOT_SET_UP)
            expect(failures, "Sync now, not set up", text, NOT_SET_UP)
            text = sentence_after(kiosk, "staff:check", "staff:check-result", NOT_SET_UP)
            expect(failures, "Check connection, not set up", text, NOT_SET_UP)
        except KioskError as e:
            failures.append(str(e))
            fail_with_log(e, place.log)
        finally:
            kiosk.close()


def real_centre(args, failures):
    with KioskPlace("kiosk-staff-centre-") as place:
        centre, enrol = os.path.join(place.tmp, "centre"), os.path.join(place.tmp, "enrol")
        port = free_port()
        run(args.admin, "init-centre", centre, "--name", "Test Carers Centre", "--host", "127.0.0.1",
            "--port", str(port), "--bind", "127.0.0.1")
        run(args.admin, "enrol-device", centre, "library-kiosk-1", "--out", enrol)
        server = subprocess.Popen([args.centre, "serve", centre, "--bind", "127.0.0.1", "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        kiosk = None
        try:
            sync_config = os.path.join(enrol, "kiosk-sync.json")
            for _ in range(100):
                if subprocess.run([args.sync, "--config", sync_config, "--health"], capture_output=True).returncode == 0:
                    break
                time.sleep(0.1)
            else:
                failures.append("carers-centre did not answer /v1/health")
                return
            run(args.kiosk, "--data-dir", place.data, "--set-staff-pin", input=PIN + "\n")
            run(args.sync, "--config", sync_config, "--store", os.path.join(place.data, "kiosk.db"), "--key",
                os.path.join(place.data, "kiosk.key"), "--install-token", os.path.join(enrol, "device.token"))
            config = json.load(open(sync_config))
            if config["sync"].get("ca_file"):
                config["sync"]["ca_file"] = os.path.join(enrol, config["sync"]["ca_file"])
            config["sync"]["max_attempts"] = 1  # a refused connection ends the run at once
            with open(os.path.join(place.data, "kiosk.json"), "w") as f:
                json.dump(config, f)

            kiosk = place.start(args.kiosk, args=["--language", args.language])
            kiosk.wait_for("attract")
            open_staff_screen(kiosk)
            text = sentence_after(kiosk, "staff:sync", "staff:sync-result", NOTHING_TO_SEND)
            expect(failures, "Sync now with the centre up", text, NOTHING_TO_SEND)
            kiosk.tap("staff:close")
            kiosk.wait_for("attract")

            # The centre goes away; a carer submits (an empty outbox never connects).
            server.terminate()
            server.wait(timeout=15)
            journey = journey_steps.load(args.journey)
            drive(kiosk, journey_steps.steps_for(journey))
            kiosk.tap(journey.get("finish_with", "start-again"))
            kiosk.wait_for("form:" + journey["form"])
            open_staff_screen(kiosk)
            text = sentence_after(kiosk, "staff:sync", "staff:sync-result", REFUSED)
            expect(failures, "Sync now with the centre down", text, REFUSED, FOR_IT)
            if FOR_IT in text and "Carers Centre cannot be reached" not in text.split(FOR_IT, 1)[1]:
                failures.append(f"the technical text does not follow the IT support label: {text!r}")
            if "cannot be reached" in text.split(FOR_IT, 1)[0]:
                failures.append(f"English before the IT support label: {text!r}")
            text = sentence_after(kiosk, "staff:check", "staff:check-result", REFUSED)
            expect(failures, "Check connection with the centre down", text, CHECK_FAILED, REFUSED, FOR_IT)
        except (KioskError, RuntimeError) as e:
            failures.append(str(e))
            fail_with_log(e, place.log)
        finally:
            if kiosk:
                kiosk.close()
            if server.poll() is None:
                server.terminate()
                server.wait(timeout=15)
        log = place.read_log()
        for line in ("Sync: The Carers Centre cannot be reached", "Check connection: The Carers Centre cannot be reached"):
            if line not in log:
                failures.append(f"the staff log has no {line!r}")


def main():
    ap = argparse.ArgumentParser()
    for name in ("kiosk", "admin", "centre", "sync", "journey"):
        ap.add_argument("--" + name, required=True)
    ap.add_argument("--language", default="pl")
    args = ap.parse_args()
    failures = []
    not_set_up(args, failures)
    real_centre(args, failures)
    return report(failures, "the staff screen says in Polish: not set up, nothing to send, a refused connection "
                            "(Sync now and Check connection), the technical text only for IT support and in the log")


if __name__ == "__main__":
    sys.exit(main())
