#!/usr/bin/env python3
"""Automatic sync end to end: a carer answers a journey on the real kiosk under Xvfb, and with no
staff action the submission reaches a real carers-centre on 127.0.0.1 (real TLS, the certificate
carers-admin made) about a minute later, and leaves the kiosk's outbox once the centre's receipt
has verified.

- the centre is made, served and the kiosk enrolled with the staff tools, as README says;
- the kiosk is started with an empty outbox (nothing to send at start-up), the journey is
  answered by tapping, and the test only waits;
- the centre's FHIR export holds exactly the answers given; the kiosk's audit log has the
  submission as submitted, synced and purged, and its outbox is empty.

Usage: test_auto_sync.py --kiosk BIN --reader BIN --admin BIN --centre BIN --sync BIN --journey FILE
"""
import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import journey_steps  # noqa: E402
from kiosk_driver import Kiosk, KioskError, XServer  # noqa: E402
from test_journey import answers_in, drive  # noqa: E402

PIN = "482916"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(*cmd, **kw):
    r = subprocess.run(list(cmd), capture_output=True, text=True, **kw)
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {r.returncode}: {r.stdout}{r.stderr}")
    return r.stdout + r.stderr


def main():
    ap = argparse.ArgumentParser()
    for name in ("kiosk", "reader", "admin", "centre", "sync", "journey"):
        ap.add_argument("--" + name, required=True)
    args = ap.parse_args()
    journey = journey_steps.load(args.journey)
    failures = []
    with tempfile.TemporaryDirectory(prefix="kiosk-autosync-") as tmp:
        centre, enrol, data = (os.path.join(tmp, d) for d in ("centre", "enrol", "data"))
        os.makedirs(data, mode=0o700)
        port = free_port()
        run(args.admin, "init-centre", centre, "--name", "Test Carers Centre", "--host", "127.0.0.1",
            "--port", str(port), "--bind", "127.0.0.1")
        run(args.admin, "enrol-device", centre, "library-kiosk-1", "--out", enrol)
        server_log = open(os.path.join(tmp, "centre.log"), "w")
        server = subprocess.Popen([args.centre, "serve", centre, "--bind", "127.0.0.1", "--port", str(port)],
                                  stdout=server_log, stderr=subprocess.STDOUT)
        x = None
        log = os.path.join(tmp, "kiosk.log")
        try:
            sync_config = os.path.join(enrol, "kiosk-sync.json")
            for _ in range(100):
                if subprocess.run([args.sync, "--config", sync_config, "--health"], capture_output=True).returncode == 0:
                    break
                time.sleep(0.1)
            else:
                print("FAIL: carers-centre did not answer /v1/health")
                return 1
            # The kiosk's store (made by --set-staff-pin) gets the device token; kiosk.json gets the
            # enrolment's "centre" and "sync" sections with the CA file's full path.
            run(args.kiosk, "--data-dir", data, "--set-staff-pin", input=PIN + "\n")
            run(args.sync, "--config", sync_config, "--store", os.path.join(data, "kiosk.db"), "--key",
                os.path.join(data, "kiosk.key"), "--install-token", os.path.join(enrol, "device.token"))
            config = json.load(open(sync_config))
            if config["sync"].get("ca_file"):
                config["sync"]["ca_file"] = os.path.join(enrol, config["sync"]["ca_file"])
            config["centre"]["phone"] = "0100 000 0000"
            with open(os.path.join(data, "kiosk.json"), "w") as f:
                json.dump(config, f)

            x = XServer()
            kiosk = Kiosk(args.kiosk, data, x.env(), log=log)
            try:
                drive(kiosk, journey_steps.steps_for(journey))
                sent_at = time.time()
                kiosk.tap(journey.get("finish_with", "start-again"))
                kiosk.wait_for("form:" + journey["form"])
                # Nobody touches the kiosk now. It should send within about a minute.
                held = ""
                while time.time() < sent_at + 150:
                    held = run(args.centre, "status", centre)
                    if "1 submissions held" in held or "1 submission held" in held:
                        break
                    time.sleep(1)
                waited = time.time() - sent_at
                if "1 submission" not in held:
                    failures.append(f"after {waited:.0f} s the centre holds nothing: {held.strip()}")
                elif waited < 30:
                    failures.append(f"sent {waited:.0f} s after the submission: sooner than the minute that "
                                    "gathers submissions made close together")
                else:
                    print(f"the centre held the submission {waited:.0f} s after it was made, with no staff action")
                # The outbox empties only once the receipt has verified.
                deadline = time.time() + 20
                while time.time() < deadline:
                    audit = run(args.reader, "audit", data).split("\n")
                    if any(line.startswith("synced ") for line in audit):
                        break
                    time.sleep(0.5)
            finally:
                rc = kiosk.close()
            if rc != 0:
                failures.append(f"the kiosk exited with {rc}")
        except (KioskError, RuntimeError) as e:
            print("FAIL:", e)
            if os.path.exists(log):
                print(open(log, errors="replace").read())
            return 1
        finally:
            if x:
                x.close()
            server.terminate()
            server.wait(timeout=15)

        audit = run(args.reader, "audit", data).split("\n")
        submitted = [line.split()[1] for line in audit if line.startswith("submitted ")]
        if len(submitted) != 1:
            failures.append(f"expected one submission in the kiosk's audit log, found {len(submitted)}")
        else:
            for event in ("synced", "purged"):
                if f"{event} {submitted[0]}" not in audit:
                    failures.append(f"the kiosk's audit log has no '{event}' for the submission")
        dummy_key = os.path.join(tmp, "no.sk")
        with open(dummy_key, "wb") as f:
            f.write(b"\0" * 32)
        left = run(args.reader, "read", data, dummy_key).strip()
        if left:
            failures.append("the kiosk's outbox still holds the submission")

        export = os.path.join(tmp, "export.json")
        run(args.centre, "export", centre, "--format", "fhir", "--out", export)
        bundle = json.load(open(export))
        entries = bundle.get("entry", [])
        if len(entries) != 1:
            failures.append(f"the centre exported {len(entries)} submissions, expected 1")
        else:
            got = answers_in(entries[0]["resource"])
            given = journey_steps.answers(journey)
            failures += [f"{lid}: given {v!r}, the centre has {got.get(lid)!r}"
                         for lid, v in given.items() if got.get(lid) != v]
        kiosk_output = open(log, errors="replace").read()
        if "Carers Centre refused" in kiosk_output:
            failures.append("the kiosk logged a refusal")
    if failures:
        print("FAIL:\n  " + "\n  ".join(failures))
        return 1
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
