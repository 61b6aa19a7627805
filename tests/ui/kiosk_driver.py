"""Drives the real carers-kiosk binary with real X input (xdotool), for tests and the demo.

The kiosk is started with --widget-dump FILE: after every frame it writes where each tappable
widget is, by a stable id ("answer:age:26-64", "next"). The driver waits for a widget to appear,
moves the X pointer onto it and clicks, exactly as a finger on a touch screen (which X reports as
pointer events) would. Nothing is injected inside the process.
"""
import json
import os
import shutil
import subprocess
import tempfile
import time


class KioskError(Exception):
    pass


class WordRefused(KioskError):
    """The kiosk did not open a saved form; `message` is what its screen said instead."""

    def __init__(self, message):
        super().__init__(f"the saved form was not opened; the screen said {message!r}")
        self.message = message


class XServer:
    """An Xvfb display of its own, so tests never touch the user's screen."""

    def __init__(self, width=1080, height=1920):
        self.display = None
        self.proc = None
        # Xvfb picks a free display number itself and writes it to the pipe (-displayfd), so
        # several tests can start X servers at the same moment without taking the same number.
        read_end, write_end = os.pipe()
        try:
            self.proc = subprocess.Popen(
                ["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, pass_fds=(write_end,))
        finally:
            os.close(write_end)
        number = b""
        deadline = time.time() + 10
        with os.fdopen(read_end, "rb") as pipe:
            while not number.endswith(b"\n"):
                chunk = pipe.read(1)
                if not chunk or time.time() > deadline:
                    self.proc.kill()
                    raise KioskError("Xvfb did not start")
                number += chunk
        self.display = ":" + number.decode().strip()

    def env(self):
        e = dict(os.environ)
        e["DISPLAY"] = self.display
        # Under ASan, Mesa's driver is unloaded before LeakSanitizer runs, so its own allocations
        # show up as leaks from "<unknown module>" that no suppression can name. Leak checking of
        # our code runs in the unit tests; here ASan still catches every memory error.
        e["ASAN_OPTIONS"] = (e.get("ASAN_OPTIONS", "") + ":detect_leaks=0").lstrip(":")
        return e

    def close(self):
        if self.proc:
            self.proc.terminate()
            self.proc.wait(timeout=10)


class Kiosk:
    def __init__(self, binary, data_dir, env, args=(), screenshot_dir=None, log=None):
        self.env = env
        self.dump = os.path.join(tempfile.mkdtemp(prefix="kiosk-widgets-"), "widgets.json")
        cmd = [binary, "--data-dir", data_dir, "--widget-dump", self.dump, *args]
        if screenshot_dir:
            cmd += ["--screenshot-dir", screenshot_dir]
        self.stderr = open(log, "w") if log else subprocess.DEVNULL
        self.proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=self.stderr)
        self._stdout = ""

    def state(self):
        try:
            with open(self.dump) as f:
                return json.load(f)
        except (OSError, ValueError):
            return None

    def wait_for(self, widget_id, timeout=20):
        """Waits until the widget is on screen; returns its rectangle."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise KioskError(f"kiosk exited with {self.proc.returncode} while waiting for {widget_id}")
            s = self.state()
            if s:
                for w in s["widgets"]:
                    if w["id"] == widget_id:
                        return w
            time.sleep(0.05)
        s = self.state()
        ids = [w["id"] for w in s["widgets"]] if s else []
        raise KioskError(f"widget {widget_id!r} never appeared; screen {s and s['screen']!r} has {ids}")

    def xdotool(self, *args):
        subprocess.run(["xdotool", *args], env=self.env, check=True)

    def scroll_into_view(self, widget_id):
        """Drags the page (as a finger would) until the widget's middle is in the visible part of
        its scrolling region; returns the widget. Long pages (Check your answers) need this."""
        w = self.wait_for(widget_id)
        for _ in range(40):
            x0, y0, x1, y1 = w["clip"]
            cy = (w["y0"] + w["y1"]) / 2
            if y0 + 10 <= cy <= y1 - 10 or not w.get("scrolls"):
                return w
            before = (self.state() or {}).get("scroll_y")
            # Drag by at most half the region, from its middle, slowly enough to leave no glide.
            step = max(-(y1 - y0) / 2, min((y1 - y0) / 2, cy - (y0 + y1) / 2))
            x = int((x0 + x1) / 2)
            ys = int((y0 + y1) / 2 + step / 2)
            self.xdotool("mousemove", str(x), str(ys))
            self.xdotool("mousedown", "1")
            self._wait_pointer(True)
            for i in range(1, 9):
                self.xdotool("mousemove", str(x), str(int(ys - step * i / 8)))
                time.sleep(0.03)
            time.sleep(0.3)  # stop before lifting: no momentum
            self.xdotool("mouseup", "1")
            seen = self._wait_pointer(False)
            self._wait_frame(seen + 3)
            w = self.wait_for(widget_id)
            if (self.state() or {}).get("scroll_y") == before:
                return w  # the page cannot move further
        raise KioskError(f"could not scroll {widget_id!r} into view")

    def tap(self, widget_id):
        w = self.scroll_into_view(widget_id)
        x = int((w["x0"] + w["x1"]) / 2)
        y = int((w["y0"] + w["y1"]) / 2)
        # (Not --sync: it waits forever when the pointer is already there.)
        self.xdotool("mousemove", str(x), str(y))
        time.sleep(0.03)
        self.xdotool("mousedown", "1")
        self._wait_pointer(True)
        self.xdotool("mouseup", "1")
        # Wait until a frame has seen the release, so the next pointer move is not folded into
        # the same frame as this release (the tap would then miss), and for the result to draw.
        seen = self._wait_pointer(False)
        self._wait_frame(seen + 2)

    def _wait_pointer(self, down, timeout=10):
        deadline = time.time() + timeout
        while time.time() < deadline:
            s = self.state()
            if s and s.get("pointer_down") == down:
                return s["frame"]
            time.sleep(0.01)
        raise KioskError(f"the kiosk never saw the pointer {'press' if down else 'release'}")

    def _wait_frame(self, frame, timeout=10):
        deadline = time.time() + timeout
        while time.time() < deadline:
            s = self.state()
            if s and s["frame"] >= frame:
                return
            time.sleep(0.01)

    def type_text(self, text):
        """Types on a physical keyboard (xdotool keystrokes)."""
        self.xdotool("type", "--delay", "20", text)

    def type_on_screen(self, text, done=True):
        """Types by tapping the on-screen keyboard's keys, as a person would: shift for a capital,
        the keyboard's own page for accented letters and symbols."""
        for ch in text:
            key = {" ": "key:space"}.get(ch, "key:" + ch.lower())
            self._show_key(key)
            if ch != ch.lower():
                self.tap("key:shift")
            self.tap(key)
        if done:
            self.tap("key:done")

    def type_on_pad(self, text):
        """Types on a pad with one key for each character (the resume code's, the staff PIN's), then Done."""
        for ch in text:
            self.tap("key:" + ch.lower())
        self.tap("key:done")

    def hold_corner(self, seconds):
        """Presses the top-left corner (the staff gesture: 3 s opens the PIN pad) for `seconds`."""
        self.xdotool("mousemove", "12", "12")
        time.sleep(0.05)
        self.xdotool("mousedown", "1")
        time.sleep(seconds)
        self.xdotool("mouseup", "1")
        time.sleep(0.3)

    # The keyboard's pages, in the order a person would look through them for a letter.
    KEYBOARD_PAGES = ("key:to-letters", "key:to-accents", "key:to-more-accents", "key:to-symbols", "key:to-arabic")

    def _show_key(self, key):
        """Switches the on-screen keyboard to the page that has `key` (as a person looks for it)."""
        if self.widget(key):
            return
        for page in self.KEYBOARD_PAGES:
            if self.widget(page):
                self.tap(page)
                if self.widget(key):
                    return
        raise KioskError(f"no page of the on-screen keyboard has {key!r}")

    def start_save_for_later(self, word, done=True):
        """On a form page: taps "Save and come back later" and types the memorable word on the
        on-screen keyboard (done=False leaves the keyboard open, the word in its box unsaved)."""
        self.tap("save-for-later")
        self.wait_for("save-later:word")
        self.type_on_screen(word, done=done)

    def save_for_later(self, word, before_save=None):
        """On a form page: "Save and come back later" with the memorable word, then Save; waits
        for the Saved screen and returns the resume code as shown there ("4CHK-79XT"). If given,
        before_save() is called once the word is in its box, before Save is tapped. Leaves the
        kiosk on the Saved screen: its "Finish and clear" is the caller's."""
        self.start_save_for_later(word)
        if before_save:
            before_save()
        self.tap("save-later:save")
        self.wait_screen("save-later:saved")
        return self.wait_for("save-later:code")["label"]

    def resume_saved(self, code, word):
        """From the attract screen, as a carer coming back: "Continue a saved form", the code (as
        shown, hyphen or not) on its pad, the memorable word on the keyboard, Continue. Returns
        the screen the form opened on; raises WordRefused if the kiosk refused (see
        try_saved_word)."""
        self.tap("attract")
        self.tap("start:continue")
        self.tap("continue-saved")
        self.wait_for("continue:code")
        self.type_on_pad(code.replace("-", ""))
        self.tap("continue:word")
        return self.try_saved_word(word)

    def try_saved_word(self, word, timeout=20):
        """On "Continue a saved form" with the code typed and the word's keyboard open: types the
        word and taps Continue. Returns the screen the form opened on; if the kiosk answered
        instead (a wrong word, with the tries left), raises WordRefused with its message, the
        kiosk still on that screen, so another word can be tried with this again."""
        self.type_on_screen(word)
        self.tap("continue:open")
        # The tap returns two frames after Continue, when the kiosk is "Opening…" (the word's key
        # derivation takes seconds) and shows no message: a message seen now is its answer.
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise KioskError(f"kiosk exited with {self.proc.returncode} while opening a saved form")
            s = self.screen() or ""
            if s.startswith("form:"):
                return s
            status = self.widget("continue:status")
            if status:
                raise WordRefused(status["label"])
            time.sleep(0.03)
        raise KioskError(f"the saved form neither opened nor was refused; on {self.screen()!r}")

    def widget(self, widget_id):
        """The widget's entry in the latest frame, or None."""
        s = self.state()
        for w in (s or {}).get("widgets", []):
            if w["id"] == widget_id:
                return w
        return None

    def secrets_in_memory(self, needles):
        """Which of `needles` (bytes) are anywhere in the kiosk's writable memory (heap, stacks,
        anonymous maps). Reading another process's memory needs it to be our child."""
        found = set()
        with open(f"/proc/{self.proc.pid}/maps") as maps, open(f"/proc/{self.proc.pid}/mem", "rb", 0) as mem:
            for line in maps:
                parts = line.split()
                start, end = (int(x, 16) for x in parts[0].split("-"))
                if "w" not in parts[1] or "r" not in parts[1]:
                    continue
                if len(parts) > 5 and parts[5].startswith("/dev/"):
                    continue  # device memory (the GPU): reading it can hang
                if end - start > 1 << 34:
                    continue  # ASan's shadow and reserved ranges: huge and empty
                try:
                    mem.seek(start)
                    chunk = mem.read(end - start)
                except (OSError, ValueError, OverflowError):
                    continue
                for n in needles:
                    if n in chunk:
                        found.add(n)
                        if os.environ.get("KIOSK_DEBUG_MEMORY"):
                            i = chunk.find(n)
                            while i >= 0:
                                print(f"  found at {start + i:#x} in {line.strip()}: {chunk[max(0, i - 48):i + 48]!r}")
                                i = chunk.find(n, i + 1)
        return found

    def screen(self):
        s = self.state()
        return s["screen"] if s else None

    def wait_screen(self, want, timeout=20):
        """Waits until the screen is `want` (its name, e.g. "attract") or passes `want` (a
        function of the name, e.g. lambda s: s.startswith("form:")); returns the name."""
        test = want if callable(want) else (lambda s: s == want)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise KioskError(f"kiosk exited with {self.proc.returncode} while waiting for a screen")
            s = self.screen() or ""
            if test(s):
                return s
            time.sleep(0.03)
        raise KioskError(f"screen {want if isinstance(want, str) else 'wanted'!r} never came; on {self.screen()!r}")

    def output(self):
        """What the kiosk wrote to standard output (after close())."""
        return self._stdout

    def close(self, timeout=15):
        self.proc.terminate()
        try:
            out, _ = self.proc.communicate(timeout=timeout)
            self._stdout = (out or b"").decode(errors="replace")
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise KioskError("kiosk did not stop when asked")
        shutil.rmtree(os.path.dirname(self.dump), ignore_errors=True)
        return self.proc.returncode


class KioskPlace:
    """What a test of the real kiosk sets up first: a temporary folder with the kiosk's data
    folder (mode 0700) in it, optionally a kiosk.json, a log file and an Xvfb of its own. Use as
    `with KioskPlace("kiosk-purge-") as place: kiosk = place.start(binary, args=[...])`; on leaving,
    the X server stops and the folder is removed."""

    def __init__(self, prefix, config=None):
        self._tmp = tempfile.TemporaryDirectory(prefix=prefix)
        self.tmp = self._tmp.name
        self.data = os.path.join(self.tmp, "data")
        os.makedirs(self.data, mode=0o700)
        if config is not None:
            with open(os.path.join(self.data, "kiosk.json"), "w") as f:
                json.dump(config, f)
        self.log = os.path.join(self.tmp, "kiosk.log")
        self.x = None
        try:
            self.x = XServer()
        except Exception:
            self._tmp.cleanup()
            raise

    def start(self, binary, args=(), **kw):
        return Kiosk(binary, self.data, self.x.env(), args=args, log=self.log, **kw)

    def read_log(self):
        try:
            with open(self.log, errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.x:
            self.x.close()
        self._tmp.cleanup()
        return False


# The Carers Self Review from the attract screen to its "About you" page (name box, then age),
# answering "no" to the two safety questions on the way.
SELF_REVIEW_TO_ABOUT_YOU = ["attract", "start:continue", "form:carers-self-review", "next",
                            "answer:start-danger:no", "next", "answer:start-cannot-carry-on:no",
                            "next", "next"]


def saved_drafts(reader, data):
    """How many drafts the store in `data` holds, by kind ({"parked": n, "personal": n})."""
    out = subprocess.run([reader, "drafts", data], check=True, capture_output=True, text=True).stdout.split()
    return {out[0]: int(out[1]), out[2]: int(out[3])}


def fail_with_log(error, log):
    """What a test prints when driving the kiosk went wrong (a widget never came, the kiosk
    exited): the reason, then the kiosk's log (fixed sentences for staff, no personal data).
    Returns the test's exit status."""
    print("FAIL:", error)
    try:
        with open(log, errors="replace") as f:
            print(f.read())
    except OSError:
        print("(no kiosk log)")
    return 1


def report(failures, ok_line):
    """Prints every failed check, one a line, or the ok line; returns the test's exit status."""
    if failures:
        print("FAIL:\n  " + "\n  ".join(failures))
        return 1
    print("ok:", ok_line)
    return 0


def run_journey(kiosk, steps):
    """steps: list of {"tap": id} | {"type": text} | {"expect": screen-substring}."""
    for step in steps:
        if "tap" in step:
            kiosk.tap(step["tap"])
        elif "type" in step:
            kiosk.type_text(step["type"])
        elif "expect" in step:
            deadline = time.time() + 10
            while step["expect"] not in (kiosk.screen() or ""):
                if time.time() > deadline:
                    raise KioskError(f"expected screen {step['expect']!r}, got {kiosk.screen()!r}")
                time.sleep(0.05)
