"""Small text helpers shared by the core: slugs, folding, suggestions."""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata

_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})


@functools.lru_cache(maxsize=8192)  # the same few names recur in every item
def fold(text: str) -> str:
    """Lower case, Swedish letters folded to ASCII, whitespace collapsed."""
    text = " ".join(text.casefold().split()).translate(_FOLD)
    if text.isascii():  # nearly always, once å, ä, ö are folded
        return text
    # Any other accent: drop the combining mark.
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(text: str) -> str:
    """"Mall för Förnyelse" -> "mall-for-fornyelse"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def closest(value: str, candidates: dict[str, str], cutoff: float = 0.7) -> str | None:
    """The candidate whose key is closest to value (keys are folded forms)."""
    found = difflib.get_close_matches(fold(value), list(candidates), n=1, cutoff=cutoff)
    return candidates[found[0]] if found else None


def join_or(values: list[str]) -> str:
    if len(values) <= 1:
        return "".join(values)
    return ", ".join(values[:-1]) + " eller " + values[-1]


# The theme prints titles as they are (Jinja without autoescape; <title> through
# striptags, which decodes entities): text that can reach a title holds no markup.
_MARKUP = re.compile(r"[<>]|&#?[a-zA-Z0-9]+;")


def has_markup(text: str) -> bool:
    return bool(_MARKUP.search(text))


# An https: address with a host and no spaces or quotes.
HTTPS_URL = re.compile(r"^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:\d+)?(/[^\s\"'<>]*)?$")
