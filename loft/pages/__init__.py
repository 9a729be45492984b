"""Pages: what readers browse, rendered as page sources for the engine.

`listings` says which listings and overviews exist (per type, facet term and
year, paginated); `renderer` writes listings, overviews and the start page's
blocks, and `records` the item pages (publication records) and where a page
sits (its trail); `charts` lays out the overview charts; `wording` says counts,
lists and sizes in Swedish; `redirects` writes pages for old addresses; `keys`
says which pages a preview must rebuild. Their HTML is in `templates/`
(Jinja2, autoescape on: loft/safety/templating.py).
Depends on `loft.content`, `loft.safety` and `loft.search`.
"""
