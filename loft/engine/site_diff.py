"""`loft diff OLD NEW`: which pages of a built site were added, changed or removed.

Made for a pull request's job summary (Markdown, Swedish): the reviewer sees
what the change does to the published site without installing anything. Pages
are compared by their HTML with what differs between two builds of the same
content set aside (the Content-Security-Policy's script hashes, the generator
line); the text of a changed page is shown as a diff of its readable text.
Files other than pages (attachments, feeds, the catalogue) are counted too;
the search index, the theme's assets and the web editor's bundle are not.

`differences(a, b)` is the strict comparison behind the engines' promise:
MkDocs 1.6.1 must give the very same files as ProperDocs, byte for byte,
except for the theme's generator line. CI runs it on both builds
(`python -m loft.engine.site_diff site site-mkdocs`), tests/builds/test_engines.py too.
"""

from __future__ import annotations

import difflib
import html as html_module
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

# Site-relative prefixes that are machinery, not content.
SKIPPED = ("pagefind/", "assets/", "redigera/", "search/")
SKIPPED_FILES = {"sitemap.xml.gz"}
_SPURIOUS = [
    re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">'),
    re.compile(r'<meta name="generator" content="[^"]*">'),
]
_MAIN = re.compile(r"<main\b.*?</main>", re.S | re.I)
# The theme's article inside <main> (without the navigation beside it).
_ARTICLE = re.compile(r'<article\b[^>]*class="[^"]*md-content__inner[^"]*".*?</article>', re.S | re.I)
_DROP = re.compile(r"<(script|style|svg)\b.*?</\1>", re.S | re.I)
_BLOCK_END = re.compile(r"</(p|h[1-6]|li|tr|dt|dd|div|section|article|table|ul|ol|blockquote|pre)>|<br\s*/?>", re.I)
_CELL_END = re.compile(r"</t[dh]>", re.I)
_TAG = re.compile(r"<[^>]+>")
MAX_DIFF_LINES = 60  # a page's text diff in the summary
MAX_PAGES_WITH_TEXT = 25


@dataclass
class SiteDiff:
    added: list[str] = field(default_factory=list)  # site-relative paths of pages
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    files_added: list[str] = field(default_factory=list)
    files_changed: list[str] = field(default_factory=list)
    files_removed: list[str] = field(default_factory=list)
    texts: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)  # page -> (old, new) text

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed
                    or self.files_added or self.files_changed or self.files_removed)


def _files(site: Path) -> dict[str, Path]:
    found = {}
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        relative = path.relative_to(site).as_posix()
        if relative.startswith(SKIPPED) or relative in SKIPPED_FILES:
            continue
        found[relative] = path
    return found


def normalized(page: str) -> str:
    for pattern in _SPURIOUS:
        page = pattern.sub("", page)
    return page


def page_text(page: str) -> list[str]:
    """The readable text of a page's article (else its <main>, else all of it), a line a block."""
    found = _ARTICLE.search(page) or _MAIN.search(page)
    part = found.group(0) if found else page
    part = _DROP.sub("", part)
    part = _CELL_END.sub(" | ", part)
    part = _BLOCK_END.sub("\n", part)
    text = html_module.unescape(_TAG.sub("", part))
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def compare(old: Path, new: Path) -> SiteDiff:
    before, after = _files(Path(old)), _files(Path(new))
    diff = SiteDiff()
    for relative in sorted(before.keys() | after.keys()):
        is_page = relative.endswith(".html")
        if relative not in before:
            (diff.added if is_page else diff.files_added).append(relative)
            if is_page:
                diff.texts[relative] = ([], page_text(after[relative].read_text(encoding="utf-8")))
        elif relative not in after:
            (diff.removed if is_page else diff.files_removed).append(relative)
        elif is_page:
            old_html = before[relative].read_text(encoding="utf-8")
            new_html = after[relative].read_text(encoding="utf-8")
            if normalized(old_html) != normalized(new_html):
                diff.changed.append(relative)
                diff.texts[relative] = (page_text(old_html), page_text(new_html))
        elif before[relative].read_bytes() != after[relative].read_bytes():
            diff.files_changed.append(relative)
    return diff


def address(relative: str) -> str:
    """rapporter/x/index.html -> rapporter/x/ (the page's address on the site)."""
    if relative == "index.html":
        return "/"
    return relative[:-len("index.html")] if relative.endswith("/index.html") else relative


def _link(relative: str, base: str | None) -> str:
    shown = f"`{address(relative)}`"
    return f"[{shown}]({base.rstrip('/')}/{address(relative).lstrip('/')})" if base else shown


def markdown(diff: SiteDiff, base: str | None = None) -> str:
    """The summary, as GitHub renders a job summary."""
    lines = ["## Förhandsgranskning: så ändras webbplatsen", ""]
    if diff.empty:
        lines.append("Inga sidor eller filer ändras jämfört med huvudgrenen.")
        return "\n".join(lines) + "\n"
    lines.append(f"Jämfört med huvudgrenen: **{len(diff.added)}** nya sidor, **{len(diff.changed)}** "
                 f"ändrade och **{len(diff.removed)}** borttagna; **{len(diff.files_added)}** nya filer, "
                 f"**{len(diff.files_changed)}** ändrade och **{len(diff.files_removed)}** borttagna.")
    for title, pages in (("Nya sidor", diff.added), ("Ändrade sidor", diff.changed),
                         ("Borttagna sidor", diff.removed)):
        if pages:
            lines += ["", f"### {title}", ""] + [f"- {_link(p, base)}" for p in pages]
    for title, files in (("Nya filer", diff.files_added), ("Ändrade filer", diff.files_changed),
                         ("Borttagna filer", diff.files_removed)):
        if files:
            lines += ["", f"### {title}", ""] + [f"- `{f}`" for f in files]
    shown = [p for p in [*diff.added, *diff.changed] if p in diff.texts][:MAX_PAGES_WITH_TEXT]
    if shown:
        lines += ["", "### Texten på sidorna", ""]
    for relative in shown:
        old, new = diff.texts[relative]
        body = (new if not old else
                [line for line in difflib.unified_diff(old, new, lineterm="", n=1)][2:])
        if len(body) > MAX_DIFF_LINES:
            body = body[:MAX_DIFF_LINES] + [f"… ({len(body) - MAX_DIFF_LINES} rader till)"]
        kind = "ny sida" if not old else "ändringar"
        lines += [f"<details><summary><code>{html_module.escape(address(relative))}</code> ({kind})</summary>",
                  "", "```diff" if old else "```text", *body, "```", "", "</details>"]
    return "\n".join(lines) + "\n"


# --- the engines' promise: byte for byte --------------------------------------

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _all_files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def differences(a: Path | str, b: Path | str) -> list[str]:
    """Every file missing on one side or differing beyond the generator line."""
    a, b = Path(a), Path(b)
    left, right = _all_files(a), _all_files(b)
    found = [f"only in {a}: {name}" for name in sorted(left - right)]
    found += [f"only in {b}: {name}" for name in sorted(right - left)]
    for name in sorted(left & right):
        one, other = (a / name).read_bytes(), (b / name).read_bytes()
        if one == other:
            continue
        if name.endswith(".html") and GENERATOR.sub(b"", one) == GENERATOR.sub(b"", other):
            continue
        found.append(f"differs: {name}")
    return found


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m loft.engine.site_diff SITE_A SITE_B", file=sys.stderr)
        return 2
    found = differences(*args)
    for line in found:
        print(line)
    count = len(_all_files(Path(args[0])))
    print(f"{len(found)} differences in {count} files (generator line aside).", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
