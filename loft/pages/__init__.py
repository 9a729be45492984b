"""Pages: what readers browse, rendered as page sources for the engine.

`listings` says which listings and overviews exist (per type, facet term and
year, paginated); `renderer` writes item records, listings, overviews and the
start page; `charts` draws the overview charts; `wording` says counts, lists
and sizes in Swedish; `redirects` writes pages for old addresses; `keys` says
which pages a preview must rebuild.
Depends on `loft.content`, `loft.safety` and `loft.search`.
"""
