"""The Content-Security-Policy: the second line of defence behind the sanitizer.

Delivered in every page as <meta http-equiv>, since GitHub Pages sets no
headers (docs/oppna-data.md gives the header form for servers that can). It
lets scripts, styles, images, fonts and data come only from the site itself.
The theme's few inline scripts (Material's scope and palette helpers) are
allowed by their SHA-256 hashes, computed at build from the page itself, but
only for a script that is outside <main> (everything an editor wrote is
inside it) and that is one of the theme's own: its text must be the theme
template's script with nothing but a quoted value filled in
(`theme_script_patterns`). A script that got past the sanitizer, or into the
head through a title, gets no hash and does not run. Pagefind compiles WebAssembly, which needs 'wasm-unsafe-eval' and
nothing broader.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re

# Scripts the browser runs: no type, or a JavaScript type. JSON-LD and the
# theme's JSON configuration are data, which CSP does not govern.
# The body is the shortest text up to the first </script>, spelled out as runs
# without "<" so that the engine does not try the end tag at every character.
_INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\ssrc=)(?P<attrs>[^>]*)>(?P<body>[^<]*(?:<(?!/script>)[^<]*)*)</script>",
    re.DOTALL | re.IGNORECASE)
_DATA_TYPE = re.compile(r"""\stype=["']?(application/(ld\+)?json)""", re.IGNORECASE)
_HEAD_START = re.compile(r"<head[^>]*>", re.IGNORECASE)
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)

BASE_POLICY = (
    ("default-src", "'none'"),
    ("script-src", "'self' {hashes} 'wasm-unsafe-eval'"),
    ("style-src", "'self'"),
    # data: for the theme's icons, which its stylesheet holds as data: SVGs.
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("manifest-src", "'self'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
    ("object-src", "'none'"),
    ("frame-src", "'none'"),
    ("worker-src", "'self'"),
)
# Only in an HTTP header: browsers ignore these in <meta>.
HEADER_ONLY = (("frame-ancestors", "'none'"),)


_TEMPLATE_COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)
_TEMPLATE_VALUE = re.compile(r"\{\{.*?\}\}", re.DOTALL)


class ThemeScripts(tuple):
    """The patterns of the theme's inline scripts (theme_script_patterns), with
    the verdict on each script text met so far: its hash if the text is one of
    the theme's scripts, None if not. Pages carry the same few scripts (the
    scope script differs only by the page's depth), so each distinct text is
    matched and hashed once a build. The verdict is keyed on the whole text and
    depends on nothing else, so a page gets a hash only for a script it holds."""

    _LIMIT = 4096  # distinct texts kept; more only when something injects scripts

    def __new__(cls, patterns=()):
        scripts = super().__new__(cls, patterns)
        scripts._verdicts = {}
        return scripts

    def verdict(self, body: str) -> str | None:
        """'sha256-…' of body if it is one of the theme's scripts, else None."""
        try:
            return self._verdicts[body]
        except KeyError:
            pass
        if len(self._verdicts) >= self._LIMIT:
            self._verdicts.clear()
        verdict = self._verdicts[body] = _hash(body) if any(p.fullmatch(body) for p in self) else None
        return verdict


def theme_script_patterns(templates: list[str]) -> ThemeScripts:
    """The inline scripts of the theme's templates (Jinja source) as patterns
    of the scripts they render: each {{ … }} may become a value without quotes
    or angle brackets (the scope script's base URL), nothing else may change."""
    patterns = []
    for source in templates:
        for match in _INLINE_SCRIPT.finditer(_TEMPLATE_COMMENT.sub("", source)):
            parts = _TEMPLATE_VALUE.split(match.group("body"))
            patterns.append(re.compile(r"[^\"'<>]*".join(re.escape(p) for p in parts), re.DOTALL))
    return ThemeScripts(patterns)


def _outside_main(html: str) -> str:
    """html without everything from the first <main to the last </main> (what
    found with two linear searches, never a backtracking regex over the page)."""
    start = _MAIN_START.search(html)
    if start is None:
        return html
    # The last </main> is near the end of a page: search from the last one in
    # lower case (a fast string search) when there is one after <main, not
    # through the whole of <main>; a later one in other letter case still counts.
    last = html.rfind("</main>", start.start())
    end = None
    for end in _MAIN_END.finditer(html, start.start() if last < 0 else last):
        pass
    if end is None:
        return html
    return html[:start.start()] + html[end.end():]


_MAIN_START = re.compile(r"<main\b", re.IGNORECASE)
_MAIN_END = re.compile(r"</main>", re.IGNORECASE)


def script_hashes(html: str, theme_scripts: ThemeScripts | list[re.Pattern]) -> list[str]:
    """'sha256-…' of every inline script outside <main> that is one of the
    theme's, in page order, once each."""
    if not isinstance(theme_scripts, ThemeScripts):
        theme_scripts = ThemeScripts(theme_scripts)
    hashes: list[str] = []
    for match in _INLINE_SCRIPT.finditer(_outside_main(html)):
        if _DATA_TYPE.search(match.group("attrs")):
            continue
        token = theme_scripts.verdict(match.group("body"))
        if token is not None and token not in hashes:
            hashes.append(token)
    return hashes


def _hash(body: str) -> str:
    digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest())
    return f"'sha256-{digest.decode('ascii')}'"


def policy(hashes: list[str], header: bool = False) -> str:
    return _policy(tuple(hashes), header)


@functools.lru_cache(maxsize=64)
def _policy(hashes: tuple[str, ...], header: bool) -> str:
    directives = BASE_POLICY + (HEADER_ONLY if header else ())
    text = "; ".join(f"{name} {value}" for name, value in directives)
    return " ".join(text.replace("{hashes}", " ".join(hashes)).split())


def apply(html: str, theme_scripts: ThemeScripts | list[re.Pattern] = ()) -> str:
    """html with its policy as the first thing in <head> after the charset
    (a policy in <meta> governs only what comes after it)."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(script_hashes(html, theme_scripts))}">'
    anchor = _CHARSET.search(html) or _HEAD_START.search(html)
    if anchor is None:
        return html  # not a page (no <head>): nothing to govern
    # The first occurrence of the matched tag is the match (an earlier one would
    # have matched first); replace copies the page once, slicing it twice.
    return html.replace(anchor.group(), anchor.group() + meta, 1)
