"""Pagefind fed the item pages while the engine writes them, through its service.

`pagefind --service` takes requests on stdin and answers on stdout, each
message the base64 of a JSON object followed by a comma: the protocol of
Pagefind's own Node and Python clients. Those wait for every answer (the
Python one polls for answers every 0.1 s: minutes for a site of thousands of
pages). Pagefind handles requests one at a time in the order they arrive, so
we send without waiting and read the answers once, at the end.

What Pagefind reads of each item page (`article_document`: its language and
its content as converted) is written aside, at the page's path, into a
folder of BATCH pages; each full folder is sent as one request (AddDir), and
Pagefind reads it on the other core while the engine converts the next
pages. Pages are numbered in the order of the folders and, within one, the
order Pagefind finds the files: the same on every build. The engine converts
every page before it renders any through the theme's templates, so as the
last item page is converted we ask for the bundle (request_bundle): Pagefind
builds it while the engine renders and writes the pages and the hooks the
extra files; finish() reads it from the answer and writes it. (Pagefind's own WriteFiles answers while the last write of a file
is still in flight, and the service exits as soon as its input ends without
waiting for it: files came out empty.)

Pagefind keeps its answers in memory while we do not read them (its writer
thread waits on the full pipe, the queue behind it has no bound), and it
reads our requests into a queue without a bound too: neither side waits on
the other until the end. Its log goes nowhere in this mode; its stderr (a
panic) is kept in a file for the error message.
"""

from __future__ import annotations

import base64
import json
import os
import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path, PurePosixPath

from loft.content.urls import BUNDLE_DIR
from loft.search.pagefind import (IndexingRun, SearchIndexError, article_document, make_reproducible,
                                  pagefind_executable, start_process)

_INDEX = 0  # the one index of the run: Pagefind numbers indexes from 0 in the order asked for
# Pages a folder. Pagefind reads the files of a folder in parallel and keeps what
# it read as it is; a page sent in a message it parses alone and copies once more
# (its AddFile): at 5,000 items 10.9 s of its CPU against 8.1-8.4 s in folders.
BATCH = 250

# Shared memory where the system has it: a folder per page there costs a quarter
# of what it costs on a disk's file system (1.1 s CPU at 5,000 items on ext4).
# Only with room to spare (the copies take about 7 KiB an item), so that a small
# /dev/shm (Docker gives 64 MiB) is left to the browsers and others that need it.
SCRATCH = "/dev/shm"
SCRATCH_FREE = 256 * 1024 * 1024


def _scratch() -> str | None:
    try:
        usable = os.access(SCRATCH, os.W_OK | os.X_OK) and os.path.isdir(SCRATCH)
        free = os.statvfs(SCRATCH) if usable else None
    except OSError:
        return None
    return SCRATCH if free is not None and free.f_bavail * free.f_frsize >= SCRATCH_FREE else None


class StreamedIndexing:
    """One Pagefind service run for one build: start, add each item page,
    finish (or stop, on any error). The bundle lands in <site>/pagefind/ as
    with `pagefind --site`; every page's fragment is the same byte for byte
    (tests/builds/test_search_build.py)."""

    def __init__(self, site_dir: Path | str, language: str, command: list[str] | None = None):
        """language: the lang of the theme's <html> tag, which picks Pagefind's stemming."""
        self.site_dir = Path(site_dir)
        self.language = language
        self.started = time.perf_counter()
        self.sent = 0
        self.pages = 0
        self.broken = False  # Pagefind went away: finish() says why
        self._bundle_request: int | None = None
        self._stderr = tempfile.TemporaryFile()
        try:
            self.process = start_process(command or [pagefind_executable(), "--service"], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=self._stderr)
        except SearchIndexError:
            self._stderr.close()
            raise
        # What Pagefind reads of each page, a folder of BATCH pages at a time, at
        # the pages' paths in the site (so the same URLs); removed at the end.
        self._root: Path | None = Path(tempfile.mkdtemp(prefix="loft-pagefind-", dir=_scratch()))
        self._aside = True  # False once a write there failed: the rest go through the pipe
        self._folders = 0
        self._in_folder = 0
        self._send({"type": "NewIndex", "config": None})

    def add(self, dest_uri: str, content: str) -> None:
        """The content, as converted, of the page written at dest_uri (its URL
        follows from the path, as when Pagefind reads the site's folder)."""
        self.pages += 1
        part = article_document(self.language, content)
        if self._aside:
            target = self._root / str(self._folders) / dest_uri
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(part, encoding="utf-8")
            except OSError:  # no room: this page and the rest through the pipe
                self._send_folder()
                self._aside = False
            else:
                self._in_folder += 1
                if self._in_folder == BATCH:
                    self._send_folder()
                return
        self._send({"type": "AddFile", "index_id": _INDEX, "file_path": dest_uri, "url": None,
                    "file_contents": part})

    def _send_folder(self) -> None:
        if self._in_folder:
            self._send({"type": "AddDir", "index_id": _INDEX, "path": str(self._root / str(self._folders)),
                        "glob": None})
            self._flush()  # Pagefind reads it now, while the engine goes on
            self._folders += 1
            self._in_folder = 0

    def request_bundle(self) -> int:
        """Ask for the bundle now: Pagefind builds it on the other core while
        this one goes on (the answer waits in the pipe until finish())."""
        if self._bundle_request is None:
            self._send_folder()
            self._bundle_request = self._send({"type": "GetFiles", "index_id": _INDEX})
            self._flush()
        return self._bundle_request

    def finish(self, cancelled=None) -> IndexingRun:
        """Have Pagefind build its bundle, write it to <site>/pagefind/ and make
        it reproducible. cancelled: as for Indexing.finish; only the build
        streams, and nothing cancels a build."""
        last = self.request_bundle()
        answers = self._answers_until(last)
        self._close_stdin()
        code = self.process.wait()
        self._remove_aside()
        problems = [a.get("message", "") for a in answers.values() if a.get("type") == "Error"]
        # Only pages answered before the bundle was asked for are in it.
        indexed = sum(a.get("page_count", 0) if a.get("type") == "IndexedDir" else a.get("type") == "IndexedFile"
                      for n, a in answers.items() if isinstance(n, int) and n < last)
        files = answers.get(last, {}).get("files")
        if not isinstance(files, list) or problems or indexed != self.pages:
            self._stderr.seek(0)
            told = self._stderr.read().decode("utf-8", "replace").strip()
            details = "; ".join(problems + ([told] if told else [])) or "avslutades utan att skriva sökindexet"
            raise SearchIndexError(f"Pagefind misslyckades (kod {code}, {indexed} av {self.pages} sidor "
                                   f"indexerade): {details}")
        bundle = self.site_dir / BUNDLE_DIR
        shutil.rmtree(bundle, ignore_errors=True)  # nothing of an earlier bundle stays
        _write_bundle(bundle, files)
        make_reproducible(bundle)
        seconds = time.perf_counter() - self.started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        return IndexingRun(seconds, peak, "")

    def stop(self) -> None:
        """Stop Pagefind by its process and wait for it; harmless after finish()."""
        if self.process.poll() is None:
            self.process.terminate()
        self._close_stdin()
        if self.process.stdout is not None:
            self.process.stdout.close()
        self.process.wait()
        self._stderr.close()
        self._remove_aside()

    def _remove_aside(self) -> None:
        # Only once Pagefind has read the folders (its answers are in) or is stopped.
        if self._root is not None:
            shutil.rmtree(self._root, ignore_errors=True)
            self._root = None

    def _send(self, payload: dict) -> int:
        message_id, self.sent = self.sent, self.sent + 1
        if not self.broken:
            message = json.dumps({"message_id": message_id, "payload": payload}).encode("ascii")
            try:
                self.process.stdin.write(base64.b64encode(message) + b",")
            except (BrokenPipeError, ValueError):  # gone, or its pipe already closed
                self.broken = True
        return message_id

    def _answers_until(self, last: int) -> dict[int, dict]:
        """Every answer, by message id, up to the one to message `last`; fewer
        when Pagefind ends before it."""
        answers: dict[int, dict] = {}
        self._flush()
        pending: list[bytes] = []  # the message being read: the bundle's is megabytes
        while last not in answers:
            chunk = self.process.stdout.read1(1 << 16)
            if not chunk:
                break
            if b"," not in chunk:
                pending.append(chunk)
                continue
            *complete, rest = chunk.split(b",")
            complete[0] = b"".join(pending) + complete[0]
            pending = [rest]
            for message in complete:
                try:
                    answer = json.loads(base64.b64decode(message, validate=True))
                except ValueError:  # not the protocol: a Pagefind we do not know
                    answer = {"payload": {"type": "Error", "message": message[:200].decode("ascii", "replace")}}
                answers[answer.get("message_id")] = answer.get("payload") or {}
        return answers

    def _flush(self) -> None:
        try:
            self.process.stdin.flush()
        except (BrokenPipeError, ValueError):
            self.broken = True

    def _close_stdin(self) -> None:
        # Pagefind exits as soon as its input ends: only after its last answer.
        try:
            self.process.stdin.close()
        except (BrokenPipeError, ValueError):
            pass


def _write_bundle(bundle: Path, files: list) -> None:
    """Pagefind's files (path within the bundle, base64 content), each only
    where a bundle file may be: a relative path of plain names."""
    made: set[Path] = set()
    for file in files:
        path = PurePosixPath(file.get("path", "")) if isinstance(file, dict) else PurePosixPath("")
        if path.is_absolute() or not path.parts or any(part in ("", ".", "..") for part in path.parts):
            raise SearchIndexError(f"Pagefind gav en fil utanför sökindexets mapp: {str(path)!r}")
        target = bundle.joinpath(*path.parts)
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_bytes(base64.b64decode(file.get("content", "")))
