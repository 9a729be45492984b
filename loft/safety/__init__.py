"""Safety: only allow-listed HTML is published, and editors are told why.

`sanitizer` is the allow-list (nh3) and the detector that names what it would
remove; `trusted` lets the core's own escaped HTML pass the engine untouched,
and `templating` writes that HTML from templates that escape every value by
default (Jinja2, autoescape on, overridable in `overrides/loft/`);
`dialect` is the Markdown the site converts with; `text_check` finds unsafe
HTML in texts before a build, and `item_links` the links in an item's text that
lead nowhere (out of the site, or to a file its folder lacks); `inputs` is the one check of every file in the
checkout (names, kinds, collisions); `csp` is the second line of defence.
Depends on `loft.content` only.
"""
