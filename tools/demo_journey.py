#!/usr/bin/env python3
"""The scripted demo of tools/kiosk on a machine without a display: a made-up Carers Centre and
venue, the real kiosk under Xvfb, a person's journey through "Am I a carer?" tapped with real X
input, and a PNG of every screen passed.

Usage: demo_journey.py --kiosk BIN --out DIR
"""
import argparse
import json
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
sys.path.insert(0, os.path.join(root, "tests", "ui"))
import journey_steps  # noqa: E402
from kiosk_driver import Kiosk, KioskError, XServer  # noqa: E402
from test_journey import drive  # noqa: E402


def make_centre_key(centre_dir):
    """The centre's X25519 key pair, made as a real centre would (the kiosk gets only the public half)."""
    sk = os.path.join(centre_dir, "sealing-secret.pem")
    subprocess.run(["openssl", "genpkey", "-algorithm", "X25519", "-out", sk], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.chmod(sk, 0o600)
    der = subprocess.run(["openssl", "pkey", "-in", sk, "-pubout", "-outform", "DER"],
                         check=True, capture_output=True).stdout
    import base64
    return base64.b64encode(der[-32:]).decode()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiosk", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    data = os.path.join(args.out, "kiosk-data")
    centre = os.path.join(args.out, "centre")
    shots = os.path.join(args.out, "screenshots")
    for d in (data, centre, shots):
        os.makedirs(d, exist_ok=True)
    os.chmod(data, 0o700)
    with open(os.path.join(root, "assets", "config", "demo-venue.json")) as f:
        config = json.load(f)
    config["centre"]["sealing_public_key"] = make_centre_key(centre)
    with open(os.path.join(data, "kiosk.json"), "w") as f:
        json.dump(config, f, indent=2)

    journey = journey_steps.load(os.path.join(root, "tests", "ui", "journeys", "am-i-a-carer-adult.json"))
    x = XServer()
    try:
        kiosk = Kiosk(args.kiosk, data, x.env(), screenshot_dir=shots, log=os.path.join(args.out, "kiosk.log"))
        try:
            print("demo: " + journey["description"])
            drive(kiosk, journey_steps.steps_for(journey))
            kiosk.tap("start-again")
            kiosk.wait_for("form:" + journey["form"])
        finally:
            kiosk.close()
    except KioskError as e:
        print("demo failed:", e, file=sys.stderr)
        return 1
    finally:
        x.close()
    print(f"demo: {len(os.listdir(shots))} screens saved")
    return 0


if __name__ == "__main__":
    sys.exit(main())
