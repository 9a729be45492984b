"""A real `mkdocs serve` on 127.0.0.1 for tests: started by the test, stopped by its pid.

Waiting is on what the server says (its log lines) or serves, never on a clock:
the deadline is only a safety net so that a broken server fails the test
instead of stalling the run.
"""

from __future__ import annotations

import os
import queue
import re
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAFETY_NET = 180  # seconds; a cold first build on a busy 2-core machine takes far less
PORT_ATTEMPTS = 5


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, timeout: float = 60) -> tuple[int, str]:
    """(status, body); the timeout is a safety net: a hanging server fails the test."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


class LoggedProcess:
    """A server a test starts: its output read line by line, waited on by what it
    says, stopped by its pid. `name` is how failures speak of it."""

    name = "servern"

    def _start(self, command: list[str], cwd: Path, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True)
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.log: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def wait_for(self, pattern: str) -> str:
        """The next log line matching pattern; fails if the server stops first."""
        wanted = re.compile(pattern)
        while True:
            try:
                line = self.lines.get(timeout=SAFETY_NET)
            except queue.Empty:
                raise AssertionError(f"{self.name} skrev aldrig {pattern!r}:\n{''.join(self.log)}") from None
            if line is None:
                raise AssertionError(f"{self.name} stannade:\n{''.join(self.log)}")
            self.log.append(line)
            if wanted.search(line):
                return line

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class Server(LoggedProcess):
    """`mkdocs serve` in a project folder, its log read line by line."""

    name = "mkdocs serve"

    def __init__(self, project: Path, livereload: bool = True, engine: str = "mkdocs"):
        self.project, self.livereload, self.engine = project, livereload, engine
        self._spawn()

    def _spawn(self) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        # --dirty, as `make serve` runs it: only changed pages are rebuilt (loft/pages/keys.py).
        command = [sys.executable, "-m", self.engine, "serve", "--dirty", "--dev-addr", f"127.0.0.1:{self.port}"]
        if not self.livereload:
            command.append("--no-livereload")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}
        self._start(command, self.project, env)

    def started(self) -> Server:
        """Serving; the port free a moment ago may be taken before the server binds
        it (mkdocs cannot bind port 0 and report it): then again on a fresh port."""
        for _ in range(PORT_ATTEMPTS - 1):
            try:
                self.wait_for(r"Serving on http://127\.0\.0\.1")
                return self
            except AssertionError:
                if not any("Address already in use" in line for line in self.log):
                    raise
                self.stop()
                self._spawn()
        self.wait_for(r"Serving on http://127\.0\.0\.1")
        return self

    def rebuilt(self) -> None:
        """After a change: the rebuild that follows it is done and being served."""
        self.wait_for(r"Reloading browsers")

