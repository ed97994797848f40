"""A small headless-Chromium helper for the map tests, the benchmark and the README screenshot.

Drives Chromium over the DevTools protocol on a pipe (``--remote-debugging-pipe``: messages are
JSON terminated by NUL on file descriptors 3 and 4), so it needs nothing but the standard
library. Usage::

    with Browser() as b:
        b.open(Path("map.html"))
        b.eval("document.title")
        b.screenshot(Path("map.png"))
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

__all__ = ["find_chromium", "Browser", "BrowserError", "CHROMIUM_FLAGS"]

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
]


class BrowserError(RuntimeError):
    pass


def find_chromium() -> str | None:
    """Path of a Chromium/Chrome executable ($CHROMIUM first), or None."""
    env = os.environ.get("CHROMIUM")
    if env and Path(env).exists():
        return env
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"):
        p = shutil.which(name)
        if p:
            return p
    return None


class Browser:
    """One headless Chromium with one page, driven over the DevTools pipe."""

    def __init__(self, width: int = 1200, height: int = 800, offline: bool = False) -> None:
        exe = find_chromium()
        if exe is None:
            raise BrowserError("no Chromium found (install the 'chromium' package or set $CHROMIUM)")
        self._tmp = tempfile.TemporaryDirectory(prefix="geoinc-chromium-")
        r_ours, w_theirs = os.pipe()  # chromium writes fd 4 -> we read
        r_theirs, w_ours = os.pipe()  # we write -> chromium reads fd 3
        args = [exe, *CHROMIUM_FLAGS, f"--user-data-dir={self._tmp.name}", f"--window-size={width},{height}",
                "--remote-debugging-pipe", "about:blank"]
        if offline:
            # any network request fails: proves an offline map needs none
            args.insert(-1, "--proxy-server=127.0.0.1:9")
            args.insert(-1, "--proxy-bypass-list=<-loopback>")

        def child() -> None:  # put Chromium's ends at fds 3 and 4 (dup first: they may be 3 or 4 already)
            a, b = os.dup(r_theirs), os.dup(w_theirs)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen(args, close_fds=False, preexec_fn=child,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(r_theirs)
        os.close(w_theirs)
        self._r, self._w = r_ours, w_ours
        self._buf = b""
        self._id = 0
        self.events: list[dict] = []
        self.width, self.height = width, height
        try:
            target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            self.call("Page.enable", session=True)
            self.call("Runtime.enable", session=True)
            self.call("Network.enable", session=True)
            self.call("Emulation.setDeviceMetricsOverride",
                      {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session=True)
        except Exception:
            self.close()
            raise

    # -- protocol
    def _send(self, msg: dict) -> None:
        data = json.dumps(msg).encode() + b"\0"
        while data:
            n = os.write(self._w, data)
            data = data[n:]

    def _recv(self, timeout: float) -> dict:
        import select

        deadline = time.monotonic() + timeout
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError("timed out waiting for Chromium")
            ready, _, _ = select.select([self._r], [], [], left)
            if ready:
                chunk = os.read(self._r, 1 << 20)
                if not chunk:
                    raise BrowserError("Chromium closed the pipe")
                self._buf += chunk
        msg, self._buf = self._buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method: str, params: dict | None = None, session: bool = False, timeout: float = 60) -> dict:
        """Send one DevTools command and wait for its result."""
        self._id += 1
        msg: dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = self.session
        self._send(msg)
        while True:
            r = self._recv(timeout)
            if r.get("id") == self._id:
                if "error" in r:
                    raise BrowserError(f"{method}: {r['error']}")
                return r.get("result", {})
            self.events.append(r)

    # -- page
    def open(self, path: Path | str, wait: float = 30) -> float:
        """Load a file or URL and wait for its load event; returns seconds taken."""
        url = path if isinstance(path, str) and "://" in path else Path(path).resolve().as_uri()
        self.events.clear()
        t0 = time.monotonic()
        self.call("Page.navigate", {"url": url}, session=True)
        deadline = t0 + wait
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            if time.monotonic() > deadline:
                raise BrowserError(f"{url} did not load in {wait} s")
            self.events.append(self._recv(deadline - time.monotonic()))
        return time.monotonic() - t0

    def eval(self, expression: str, await_promise: bool = True, timeout: float = 60) -> Any:
        """Evaluate JavaScript in the page and return its (JSON) value."""
        r = self.call("Runtime.evaluate", {"expression": expression, "awaitPromise": await_promise,
                                           "returnByValue": True}, session=True, timeout=timeout)
        if "exceptionDetails" in r:
            raise BrowserError(f"script failed: {r['exceptionDetails'].get('exception', {}).get('description') or r['exceptionDetails']}")
        return r.get("result", {}).get("value")

    def screenshot(self, path: Path) -> None:
        data = self.call("Page.captureScreenshot", {"format": "png"}, session=True)["data"]
        Path(path).write_bytes(base64.b64decode(data))

    def console_messages(self) -> list[str]:
        return [" ".join(str(a.get("value", a.get("description", ""))) for a in e["params"]["args"])
                for e in self.events if e.get("method") == "Runtime.consoleAPICalled"]

    def requests(self) -> list[str]:
        """URLs the page asked for since the last :meth:`open`."""
        return [e["params"]["request"]["url"] for e in self.events if e.get("method") == "Network.requestWillBeSent"]

    def close(self) -> None:
        try:
            self._send({"id": 0, "method": "Browser.close"})
        except OSError:
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._r, self._w):
            try:
                os.close(fd)
            except OSError:
                pass
        self._tmp.cleanup()

    def __enter__(self) -> "Browser":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
