"""Text no parser should see: invisible control characters and pathological nesting.

Both are found here, with the line, before YAML or Markdown read the text:
libyaml stops at a control character with a traceback that names no file, and
Python-Markdown recurses once per level of nesting, so a deep enough body ends
in RecursionError (measured with the site's extensions: a list nested 300 deep,
`<div markdown>` 500 deep, emphasis 2,000 deep).
"""

from __future__ import annotations

import re

from loft.content.problems import Problem

# C0 controls but tab and newline (CR is gone after reading), DEL, C1 controls
# (NEL too: YAML and Python would count it as a line break, the editor does not see one),
# a BOM anywhere but at the start (stripped when reading), the non-characters
# U+FFFE/U+FFFF, and the Unicode line and paragraph separators.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff\u2028\u2029]")
CONTROL_NAMES = {
    "\x00": "NUL-tecken",
    "\x08": "backsteg",
    "\x0b": "vertikal tabb",
    "\x0c": "sidbrytning",
    "\x1b": "escape-tecken",
    "\x7f": "DEL-tecken",
    "\x85": "radslutstecken NEL",
    "\ufeff": "byte order mark, BOM, mitt i texten",
    "\u2028": "radavgränsare",
    "\u2029": "styckeavgränsare",
}
# Characters that come with text pasted from Word.
FROM_WORD = {"\x0b", "\x0c", "\u2028", "\u2029"}
# More than this many in one file are counted, not listed.
MAX_LISTED = 10

# Nesting bounds. A real page nests lists, quotes and HTML elements a few levels
# deep; 100 is far above any of them and far below where Python-Markdown's
# recursion gives out (300 levels and more, see above).
MAX_NESTING = 100
# Elements without a closing tag, or whose closing tag HTML lets one leave out:
# they never add a level that stays open.
_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup",
    "thead", "tbody", "tfoot", "colgroup", "rp", "rt",
}
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*+)\b[^<>]*?(/?)>")
# The container prefix of a line: indentation, > of quotes, list markers.
_PREFIX = re.compile(r"[ \t]*(?:(?:>|[-*+]|\d{1,9}[.)])[ \t]*)*")
# Lines whose prefix of container characters alone is longer than any bound.
_LONG_PREFIX = re.compile(r"^[ \t>*+\-0-9.)]{%d,}" % (MAX_NESTING + 1), re.MULTILINE)
_MARKER = re.compile(r">|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)")
# Emphasis nests once per * or _ in a run that opens it (a run before a word).
# Only at the start of a run, possessive: a long run is looked at once, not once per character.
_EMPHASIS = re.compile(r"(?<![*_])[*_]{%d,}+(?=[^\s*_])" % (MAX_NESTING + 1))


def control_characters(text: str, path: str, first_line: int = 1) -> list[Problem]:
    """One problem per invisible control character (the first MAX_LISTED of them)."""
    problems: list[Problem] = []
    matches = list(_limited(CONTROL.finditer(text), MAX_LISTED + 1))
    for match in matches[:MAX_LISTED]:
        start = match.start()
        line = text.count("\n", 0, start) + first_line
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        char = match.group()
        name = CONTROL_NAMES.get(char, "styrtecken")
        word = ", som ofta följer med text som klistrats in från Word" if char in FROM_WORD else ""
        problems.append(Problem(path, line, column, "tecken",
                                f"filen innehåller ett osynligt styrtecken ({name}, U+{ord(char):04X})"
                                f"{word}. Ta bort det."))
    if len(matches) > MAX_LISTED:
        total = len(CONTROL.findall(text))
        problems.append(Problem(path, None, None, "tecken",
                                f"filen innehåller ett osynligt styrtecken till, {total} sammanlagt. "
                                "Spara om texten som vanlig text (till exempel genom att klistra in "
                                "den utan formatering) och ta bort tecknen."))
    return problems


def _limited(iterator, count):
    for number, value in enumerate(iterator):
        if number >= count:
            return
        yield value


def nesting(body: str, path: str, first_line: int) -> list[Problem]:
    """The first place where the body nests deeper than MAX_NESTING, if any.

    Whole-text regular expressions find the candidates; only they are looked at
    line by line (most bodies have no deep prefix and few tags)."""
    for match in _LONG_PREFIX.finditer(body):
        prefix = _PREFIX.match(match.group()).group()
        columns = len(prefix.expandtabs(4)) - len(prefix.lstrip(" \t").expandtabs(4))
        if columns // 4 + len(_MARKER.findall(prefix)) > MAX_NESTING:
            return [_deep(path, _line(body, match.start(), first_line), 1,
                          f"texten har listor eller citat (>) inuti varandra i fler än {MAX_NESTING} nivåer")]
    # A run needs more than MAX_NESTING of the characters: most bodies have far fewer.
    emphasis = (_EMPHASIS.search(body)
                if body.count("*") + body.count("_") > MAX_NESTING else None)
    if emphasis:
        return [_deep(path, _line(body, emphasis.start(), first_line), _column(body, emphasis.start()),
                      f"texten har fler än {MAX_NESTING} tecken * eller _ i följd framför ett ord")]
    if "<" in body:
        depth = 0
        for match in _TAG.finditer(body):
            closing, name, self_closing = match.groups()
            if self_closing or name.lower() in _VOID:
                continue
            depth = max(0, depth - 1) if closing else depth + 1
            if depth > MAX_NESTING:
                return [_deep(path, _line(body, match.start(), first_line), _column(body, match.start()),
                              f"texten har HTML-element inuti varandra i fler än {MAX_NESTING} nivåer")]
    return []


def _line(text: str, index: int, first_line: int) -> int:
    return text.count("\n", 0, index) + first_line


def _column(text: str, index: int) -> int:
    return index - (text.rfind("\n", 0, index) + 1) + 1


def _deep(path: str, line: int, column: int, what: str) -> Problem:
    return Problem(path, line, column, "text",
                   f"{what}. Så djup text kan ingen sida byggas av; den är troligen trasig eller "
                   "skapad av ett program. Förenkla den.")
