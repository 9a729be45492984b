"""The outputs' own text helpers give what the standard library gives, faster:
indented JSON (json_text) and descriptions cut between words (head.shorten)."""

from __future__ import annotations

import json
import textwrap

from hypothesis import given, settings, strategies as st

from loft.outputs import json_text
from loft.outputs.head import shorten

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_KEYS = st.text() | st.integers() | st.booleans() | st.none() | st.floats()
_JSON = st.recursive(_SCALARS, lambda inner: st.lists(inner) | st.tuples(inner, inner)
                     | st.dictionaries(_KEYS, inner), max_leaves=30)


@settings(max_examples=500, deadline=None)
@given(_JSON, st.integers(0, 4))
def test_json_text_is_json_dumps(data, indent):
    assert json_text.dumps(data, indent) == json.dumps(data, ensure_ascii=False, indent=indent)


def test_json_text_leaves_what_it_does_not_know_to_json():
    loop: list = []
    loop.append(loop)
    try:
        json_text.dumps(loop)
    except ValueError as error:
        assert "Circular" in str(error)
    else:
        raise AssertionError("a circular list was written")
    deep: list = []
    inner = deep
    for _ in range(150):
        inner.append([])
        inner = inner[0]
    assert json_text.dumps(deep) == json.dumps(deep, ensure_ascii=False, indent=2)


# Words, hyphenated words, dashes, long words and every kind of whitespace.
_PIECES = st.sampled_from(["a", "ord", "å", "-", "--", "—", " ", "  ", "\t", "\n", "\xa0", "\u2003", ".", ",",
                           "1", "x" * 40, "---", "själv-ständig", "a-b-c", "'", '"', "_"])


@settings(max_examples=2000, deadline=None)
@given(st.lists(_PIECES, max_size=200), st.sampled_from([3, 5, 8, 13, 30, 300]))
def test_shorten_is_textwrap_on_the_whole_text(pieces, width):
    text = "".join(pieces)
    plain = " ".join(text.split())
    expected = textwrap.shorten(plain, width=width, placeholder=" …") if len(plain) > width else plain
    assert shorten(text, width) == expected
