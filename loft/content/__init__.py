"""Content: what editors and data/ hold, read safely and validated.

Files are read with bounds (`files`, `limits`, `frontmatter`), checked field
by field (`validation`, `vocabulary`, `metadata`, `dates`, `text`) into the
model (`model`: items, types, facets); data/ is read once, through one reader
and one dataclass per file (the `data` package: reader, fields, declarations,
load). Everything is gathered per checkout (`project`), which keeps each
file's text as validated for the build (`validated`: no second read), and
indexed once per build (`site_index`). `urls` says where every page lives and
builds every address and search parameter; `problems` is how all of it
reports, in Swedish, at file:line:col. Depends on nothing else in `loft`.
"""
