#!/usr/bin/env python3
"""Staff mode on the real kiosk under Xvfb: the hidden way in, the PIN pad, the lock, the staff
screen and the way out.

- a short press in the top-left corner does nothing; holding it 3 seconds opens the PIN pad;
- a wrong PIN says how many tries are left; after five the pad goes and entry is locked, and
  the right PIN no longer gets in (the lock's end is tested with a set clock in tests/app);
- every try is in the audit log as staff-login-failed, never the PIN;
- with the right PIN (before a lock) the staff screen shows the outbox and Sync now; "Leave
  kiosk mode" ends the program normally.

Usage: test_staff_mode.py --kiosk BIN --reader BIN
"""
import argparse
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kiosk_driver import Kiosk, KioskError, KioskPlace, fail_with_log, report  # noqa: E402

PIN = "482916"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiosk", required=True)
    ap.add_argument("--reader", required=True)
    args = ap.parse_args()
    failures = []
    with KioskPlace("kiosk-staff-") as place:
        tmp, data, log = place.tmp, place.data, place.log
        setpin = subprocess.run([args.kiosk, "--data-dir", data, "--set-staff-pin"], input=PIN + "\n",
                                capture_output=True, text=True)
        if setpin.returncode != 0:
            print("FAIL: --set-staff-pin:", setpin.stderr)
            return 1
        rc = None
        try:
            # First run: five wrong PINs lock staff entry.
            kiosk = place.start(args.kiosk)
            try:
                kiosk.wait_for("attract")
                kiosk.hold_corner(0.5)
                if kiosk.screen() != "attract":
                    failures.append(f"a short press in the corner opened {kiosk.screen()!r}")
                kiosk.hold_corner(3.6)
                kiosk.wait_for("key:1")
                if kiosk.screen() != "staff-entry":
                    failures.append(f"holding the corner opened {kiosk.screen()!r}, not the PIN pad")
                for attempt in range(5):
                    kiosk.type_on_pad("0000")
                kiosk.wait_for("pin:cancel")
                time.sleep(0.3)
                if kiosk.widget("key:1"):
                    failures.append("after five wrong PINs the PIN pad is still there")
                kiosk.tap("pin:cancel")
                kiosk.wait_for("attract")
            finally:
                rc = kiosk.close()
            if rc != 0:
                failures.append(f"the kiosk exited with {rc}")

            # A restart does not lift the lock.
            kiosk = place.start(args.kiosk)
            try:
                kiosk.wait_for("attract")
                kiosk.hold_corner(3.6)
                kiosk.wait_for("pin:cancel")
                time.sleep(0.3)
                if kiosk.widget("key:1"):
                    failures.append("a restart lifted the lock on staff entry")
            finally:
                kiosk.close()
        except KioskError as e:
            return fail_with_log(e, log)

        audit = subprocess.run([args.reader, "audit", data], capture_output=True, text=True).stdout.split("\n")
        failed = [line for line in audit if line.startswith("staff-login-failed")]
        if len(failed) < 5:
            failures.append(f"the audit log holds {len(failed)} failed staff logins, expected at least 5")
        if any(PIN in line or "0000" in line for line in audit):
            failures.append("a PIN appears in the audit log")

        # A fresh kiosk (new data) with the right PIN reaches the staff screen and can leave.
        data2 = os.path.join(tmp, "data2")
        os.makedirs(data2, mode=0o700)
        subprocess.run([args.kiosk, "--data-dir", data2, "--set-staff-pin"], input=PIN + "\n", capture_output=True,
                       text=True, check=True)
        try:
            kiosk = Kiosk(args.kiosk, data2, place.x.env(), log=log)
            try:
                kiosk.wait_for("attract")
                kiosk.hold_corner(3.6)
                kiosk.wait_for("key:1")
                kiosk.type_on_pad("1111")
                kiosk.type_on_pad(PIN)
                kiosk.wait_for("staff:sync")
                if kiosk.screen() != "staff":
                    failures.append(f"the right PIN opened {kiosk.screen()!r}")
                kiosk.tap("staff:sync")  # not set up here: it must say so, not crash
                kiosk.tap("staff:check")  # the same for Check connection
                kiosk.tap("staff:leave")
                deadline = time.time() + 15
                while kiosk.proc.poll() is None and time.time() < deadline:
                    time.sleep(0.1)
                if kiosk.proc.poll() is None:
                    failures.append("'Leave kiosk mode' did not end the program")
                elif kiosk.proc.returncode != 0:
                    failures.append(f"'Leave kiosk mode' ended the program with {kiosk.proc.returncode}")
            finally:
                if kiosk.proc.poll() is None:
                    kiosk.close()
        except KioskError as e:
            return fail_with_log(e, log)
        audit2 = subprocess.run([args.reader, "audit", data2], capture_output=True, text=True).stdout.split("\n")
        if not any(line.startswith("staff-login-ok") for line in audit2):
            failures.append("the staff login is not in the audit log")
        if not any(line.startswith("started") for line in audit2):
            failures.append("the kiosk's start is not in the audit log")
        output = open(log, errors="replace").read()
        if PIN in output:
            failures.append("the PIN appears in the kiosk's output")
    return report(failures, "hidden gesture, PIN pad, lock after five wrong PINs (kept over a restart), audit, staff screen, leave")


if __name__ == "__main__":
    sys.exit(main())
