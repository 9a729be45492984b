"""head.shorten cuts descriptions between words as textwrap.shorten does, faster."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings, strategies as st

from loft.outputs.head import shorten

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
