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


def theme_script_patterns(templates: list[str]) -> list[re.Pattern]:
    """The inline scripts of the theme's templates (Jinja source) as patterns
    of the scripts they render: each {{ … }} may become a value without quotes
    or angle brackets (the scope script's base URL), nothing else may change."""
    patterns = []
    for source in templates:
        for match in _INLINE_SCRIPT.finditer(_TEMPLATE_COMMENT.sub("", source)):
            parts = _TEMPLATE_VALUE.split(match.group("body"))
            patterns.append(re.compile(r"[^\"'<>]*".join(re.escape(p) for p in parts), re.DOTALL))
    return patterns


def _outside_main(html: str) -> str:
    """html without everything from the first <main to the last </main> (what
    found with two linear searches, never a backtracking regex over the page)."""
    start = _MAIN_START.search(html)
    if start is None:
        return html
    end = None
    for end in _MAIN_END.finditer(html, start.start()):
        pass
    if end is None:
        return html
    return html[:start.start()] + html[end.end():]


_MAIN_START = re.compile(r"<main\b", re.IGNORECASE)
_MAIN_END = re.compile(r"</main>", re.IGNORECASE)


def script_hashes(html: str, theme_scripts: list[re.Pattern]) -> list[str]:
    """'sha256-…' of every inline script outside <main> that is one of the
    theme's, in page order, once each."""
    hashes: list[str] = []
    for match in _INLINE_SCRIPT.finditer(_outside_main(html)):
        if _DATA_TYPE.search(match.group("attrs")):
            continue
        if not _is_theme_script(match.group("body"), tuple(theme_scripts)):
            continue
        token = _hash(match.group("body"))
        if token not in hashes:
            hashes.append(token)
    return hashes


@functools.lru_cache(maxsize=256)
def _is_theme_script(body: str, theme_scripts: tuple[re.Pattern, ...]) -> bool:
    """The same few scripts are on every page: each is matched once."""
    return any(p.fullmatch(body) for p in theme_scripts)


@functools.lru_cache(maxsize=256)
def _hash(body: str) -> str:
    """The theme's few inline scripts are the same on every page: hashed once."""
    digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest())
    return f"'sha256-{digest.decode('ascii')}'"


def policy(hashes: list[str], header: bool = False) -> str:
    return _policy(tuple(hashes), header)


@functools.lru_cache(maxsize=64)
def _policy(hashes: tuple[str, ...], header: bool) -> str:
    directives = BASE_POLICY + (HEADER_ONLY if header else ())
    text = "; ".join(f"{name} {value}" for name, value in directives)
    return " ".join(text.replace("{hashes}", " ".join(hashes)).split())


def apply(html: str, theme_scripts: list[re.Pattern] = ()) -> str:
    """html with its policy as the first thing in <head> after the charset
    (a policy in <meta> governs only what comes after it)."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(script_hashes(html, list(theme_scripts)))}">'
    charset = _CHARSET.search(html)
    if charset is not None:
        return html[:charset.end()] + meta + html[charset.end():]
    head = _HEAD_START.search(html)
    if head is None:
        return html  # not a page (no <head>): nothing to govern
    return html[:head.end()] + meta + html[head.end():]
