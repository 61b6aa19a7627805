#!/usr/bin/env python3
"""The running kiosk purges on its own, not only at start-up (issue 5: "hourly").

A kiosk may run for weeks, so what has expired — here a submission the centre has confirmed,
kept for a retention period — must go while it runs. The kiosk is started with
--purge-every 2 instead of an hour, left alone (no input: the loop must wake by itself), and a
confirmed submission whose retention ends a few seconds later is added to its store from
outside. It must be gone soon after its retention ends, with "purged <id>" in the audit log and
the count in the staff log, and the kiosk must go on running and exit cleanly.

Usage: test_hourly_purge.py --kiosk BIN --reader BIN
"""
import argparse
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kiosk_driver import KioskError, KioskPlace, fail_with_log  # noqa: E402

RETENTION = 4  # seconds the confirmed submission is kept
INTERVAL = 2   # --purge-every


def reader(args, *more):
    r = subprocess.run([args.reader, *more], capture_output=True, text=True)
    if r.returncode != 0:
        raise KioskError(f"outbox_reader {' '.join(more)}: {r.stderr.strip()}")
    return r.stdout.strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiosk", required=True)
    ap.add_argument("--reader", required=True)
    args = ap.parse_args()
    failures = []
    with KioskPlace("kiosk-purge-") as place:
        data, log = place.data, place.log
        try:
            kiosk = place.start(args.kiosk, args=["--purge-every", str(INTERVAL)])
            try:
                kiosk.wait_for("attract")
                envelope = reader(args, "sent-expiring", data, str(RETENTION))
                added = time.time()
                if reader(args, "has", data, envelope) != "yes":
                    failures.append("the confirmed submission was not there right after it was added")
                gone = None
                while time.time() < added + RETENTION + 30:
                    if kiosk.proc.poll() is not None:
                        raise KioskError(f"the kiosk exited with {kiosk.proc.returncode} while waiting")
                    if reader(args, "has", data, envelope) == "no":
                        gone = time.time()
                        break
                    time.sleep(0.25)
                if gone is None:
                    failures.append(f"the confirmed submission was still there {RETENTION + 30} s after it was added: "
                                    "the running kiosk did not purge")
                elif gone < added + RETENTION - 1.5:
                    # delete_after is in whole seconds: up to a second early by the wall clock here.
                    failures.append(f"the submission went {gone - added:.1f} s after it was added, before its "
                                    f"{RETENTION} s retention ended")
                else:
                    print(f"purged {gone - added:.1f} s after it was added (retention {RETENTION} s, "
                          f"purge every {INTERVAL} s)")
            finally:
                rc = kiosk.close()
            if rc != 0:
                failures.append(f"the kiosk exited with {rc}")
        except KioskError as e:
            return fail_with_log(e, log)

        audit = reader(args, "audit", data).split("\n")
        if f"purged {envelope}" not in audit:
            failures.append(f"the audit log has no 'purged {envelope}': {audit}")
        staff_log = open(log).read()
        if "Purged expired records: 1 sent submissions" not in staff_log:
            failures.append("the staff log does not count the purge: " + staff_log[-2000:])

    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
