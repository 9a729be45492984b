"""The repository's own site: every internal link and asset resolves to a file."""

from __future__ import annotations

import pytest

from loft.links import check_site


@pytest.mark.build
def test_real_site_has_no_broken_internal_links(real_site):
    checked, broken = check_site(real_site.site)
    assert checked > 500  # every page links its nav, listings and assets
    assert [b.format() for b in broken] == []
