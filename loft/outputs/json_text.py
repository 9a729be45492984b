"""Indented JSON for the files people and programs download (api/items.json,
citera.json): the text of json.dumps(data, ensure_ascii=False, indent=…).

The standard library writes indented JSON with its pure-Python encoder (its C
encoder does no indenting), a generator per list and object: most of the time
of api/items.json at thousands of items. This writes the same text with the
same C string encoder, appending to one list. What it does not know (keys that
are not strings, values other than JSON's) goes to json.dumps as it is.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # the C encoder where there is one, as json.dumps uses

_FLOAT_SPECIALS = {float("inf"): "Infinity", float("-inf"): "-Infinity"}


class _Unknown(Exception):
    """Something only json.dumps knows how to write (or how to refuse)."""


def dumps(data: object, indent: int = 2) -> str:
    """json.dumps(data, ensure_ascii=False, indent=indent), the same text."""
    parts: list[str] = []
    try:
        _write(data, parts, "\n", " " * indent, 0)
    except _Unknown:
        return json.dumps(data, ensure_ascii=False, indent=indent)
    return "".join(parts)


# json.dumps checks for circular references; deeper than this is taken for one
# (no document here comes near it) and left to json.dumps, which raises.
_MAX_DEPTH = 100


def _write(value: object, parts: list[str], newline: str, step: str, depth: int) -> None:
    # The same order of checks as json's encoder: bool before int, str
    # subclasses as str, int and float subclasses by the base type's repr.
    if isinstance(value, str):
        parts.append(encode_basestring(value))
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, int):
        parts.append(int.__repr__(value))
    elif isinstance(value, float):
        parts.append(_float(value))
    elif isinstance(value, (list, tuple)):
        if not value:
            parts.append("[]")
            return
        if depth >= _MAX_DEPTH:
            raise _Unknown
        inner = newline + step
        separator = "[" + inner
        for element in value:
            if type(element) is str:  # most values: no call for them
                parts.append(separator + encode_basestring(element))
            else:
                parts.append(separator)
                _write(element, parts, inner, step, depth + 1)
            separator = "," + inner
        parts.append(newline + "]")
    elif isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        if depth >= _MAX_DEPTH:
            raise _Unknown
        inner = newline + step
        separator = "{" + inner
        for key, element in value.items():
            if not isinstance(key, str):
                raise _Unknown  # json turns numbers and the like into strings its own way
            if type(element) is str:
                parts.append(separator + encode_basestring(key) + ": " + encode_basestring(element))
            else:
                parts.append(separator + encode_basestring(key) + ": ")
                _write(element, parts, inner, step, depth + 1)
            separator = "," + inner
        parts.append(newline + "}")
    else:
        raise _Unknown


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    return _FLOAT_SPECIALS.get(value) or float.__repr__(value)
