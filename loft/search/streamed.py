"""The build's search index: each item page written aside as the engine
converts it, Pagefind run over them as soon as the last one is written.

What Pagefind reads of an item page (`article_document`: its language and its
content as converted) is written at the page's path into a scratch folder
while the engine converts the pages. The engine converts every page before it
renders any through the theme's templates, so as the last item page is
converted we start `pagefind --site <scratch> --output-path <site>/pagefind`
(request_bundle): Pagefind reads and indexes on the other core while the
engine renders and writes every page and the hooks the extra files; finish()
waits for it, checks that every page is in the bundle and makes the bundle
reproducible.

Why not Pagefind's service (`pagefind --service`), fed page by page: in
Pagefind 1.5 its WriteFiles and GetFiles requests build the index twice
(the service builds, then the API call it makes builds again), a third more
of Pagefind's CPU time (at 2,000 items 4.7 s against 3.5 s for the same pages),
and its bundle comes back base64 in one message to decode and write. Reading
the pages as one folder once they are all there costs no more wall time: the
engine's rendering is the longer of the two.

Pages are numbered in the order Pagefind walks the folder: the same on every
build on the same machine.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from loft.content.urls import BUNDLE_DIR
from loft.search.pagefind import (Indexing, IndexingRun, SearchIndexError, article_document, make_reproducible,
                                  pagefind_command)

# Shared memory where the system has it: a folder per page there costs a quarter
# of what it costs on a disk's file system (1.1 s CPU at 5,000 items on ext4).
# Only with room to spare (the copies take about 7 KiB an item), so that a small
# /dev/shm (Docker gives 64 MiB) is left to the browsers and others that need it.
SCRATCH = "/dev/shm"
SCRATCH_FREE = 256 * 1024 * 1024


# A build's folder of pages is named by its process: one killed by a signal runs
# no clean-up, and the next build removes what it left (in /dev/shm, memory).
_PREFIX = "loft-pagefind-"


def _remove_abandoned(scratch: Path) -> None:
    """Folders of pages of builds whose process has ended."""
    try:
        folders = [p for p in scratch.iterdir() if p.name.startswith(_PREFIX)]
    except OSError:
        return
    for folder in folders:
        pid = folder.name[len(_PREFIX):].partition("-")[0]
        if not pid.isdigit() or int(pid) == os.getpid() or _running(int(pid)):
            continue
        try:
            if folder.is_dir() and not folder.is_symlink() and folder.stat().st_uid == os.getuid():
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            pass


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's: running
        return True
    return True


def _scratch() -> str | None:
    try:
        usable = os.access(SCRATCH, os.W_OK | os.X_OK) and os.path.isdir(SCRATCH)
        free = os.statvfs(SCRATCH) if usable else None
    except OSError:
        return None
    return SCRATCH if free is not None and free.f_bavail * free.f_frsize >= SCRATCH_FREE else None


class StreamedIndexing:
    """One Pagefind run for one build: add each item page, request_bundle
    after the last, finish (or stop, on any error). The bundle lands in
    <site>/pagefind/ as with `pagefind --site`; every page's fragment is the
    same byte for byte (tests/builds/test_search_build.py)."""

    def __init__(self, site_dir: Path | str, language: str, site_glob: str):
        """language: the lang of the theme's <html> tag, which picks Pagefind's
        stemming. site_glob: the item pages among the written site's files
        (item_pages_glob), read instead when a page could not be written aside."""
        self.site_dir = Path(site_dir)
        self.language = language
        self.site_glob = site_glob
        self.started = time.perf_counter()
        self.pages = 0  # added
        self._run: Indexing | None = None  # Pagefind, once started
        self._failed_start: SearchIndexError | None = None
        scratch = _scratch()
        _remove_abandoned(Path(scratch or tempfile.gettempdir()))
        # False once a write there failed (or no folder could be made): Pagefind reads the written site.
        self._aside = True
        self._root: Path | None = None
        try:
            self._root = Path(tempfile.mkdtemp(prefix=f"{_PREFIX}{os.getpid()}-", dir=scratch))
        except OSError:
            self._aside = False

    @property
    def bundle(self) -> Path:
        return self.site_dir / BUNDLE_DIR

    @property
    def process(self) -> subprocess.Popen | None:
        return self._run.process if self._run is not None else None

    def add(self, dest_uri: str, content: str) -> None:
        """The content, as converted, of the page written at dest_uri (its URL
        follows from the path, as when Pagefind reads the site's folder)."""
        self.pages += 1
        if self.process is not None or self._failed_start is not None or not self._aside:
            # Pagefind has started: the page misses its bundle, and finish() fails on the
            # count. Or a write failed: Pagefind reads the written site instead.
            return
        target = self._root / dest_uri
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(article_document(self.language, content), encoding="utf-8")
        except OSError:  # no room: Pagefind reads the written site at the end instead
            self._aside = False

    def request_bundle(self) -> None:
        """Start Pagefind over the pages written aside: it builds the bundle on
        the other core while this one goes on. Nothing when a page could not be
        written aside (finish() reads the written site then) or none was added."""
        if self.process is None and self._failed_start is None and self._aside and self.pages:
            self._start(pagefind_command(self._root, output=self.bundle))

    def _start(self, command: list[str]) -> None:
        try:  # Indexing clears any earlier bundle first
            self._run = Indexing(self.site_dir, command)
        except SearchIndexError as error:  # said by finish(), where the hooks expect it
            self._failed_start = error

    def finish(self, cancelled=None) -> IndexingRun | None:
        """Wait for Pagefind and check its bundle holds every page added; make
        it reproducible. cancelled: as for Indexing.finish; only the build
        streams, and nothing cancels a build."""
        if self.pages == 0:
            self._remove_aside()
            shutil.rmtree(self.bundle, ignore_errors=True)
            return None  # no item: nothing to search (the search page says so)
        self.request_bundle()
        if self.process is None and self._failed_start is None:  # the written site's pages
            self._start(pagefind_command(self.site_dir, self.site_glob))
        if self._failed_start is not None:
            self._remove_aside()
            raise self._failed_start
        output = self.process.communicate()[0].strip()
        self._remove_aside()
        indexed = _pages_in(self.bundle)
        if self.process.returncode != 0 or indexed != self.pages:
            shutil.rmtree(self.bundle, ignore_errors=True)  # no half index published
            told = output or "avslutades utan att indexera alla sidor"
            raise SearchIndexError(f"Pagefind misslyckades (kod {self.process.returncode}, {indexed} av "
                                   f"{self.pages} sidor indexerade): {told}")
        make_reproducible(self.bundle)
        seconds = time.perf_counter() - self.started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        return IndexingRun(seconds, peak, output)

    def stop(self) -> None:
        """Stop Pagefind by its process and wait for it; harmless after finish()."""
        if self._run is not None:
            self._run.stop()
        self._remove_aside()

    def _remove_aside(self) -> None:
        # Only once Pagefind has read the pages (it has ended) or is stopped.
        if self._root is not None:
            shutil.rmtree(self._root, ignore_errors=True)
            self._root = None


def _pages_in(bundle: Path) -> int:
    """The pages Pagefind indexed, by its entry file (0 when it wrote none)."""
    try:
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        return sum(int(language.get("page_count", 0)) for language in entry.get("languages", {}).values())
    except (OSError, ValueError, AttributeError, TypeError):
        return 0
