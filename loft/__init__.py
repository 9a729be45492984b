"""LOFT kunskapsbank: the content core.

Plain Python with no import of mkdocs or material. The parts, each depending
only on those above it:

    content/   read and validate editors' files and data/, the model, the index
    safety/    the allow-list sanitizer, trusted core HTML, the input check, CSP
    search/    what Pagefind indexes, the search page, running Pagefind
    pages/     listings, item records, overviews, charts, redirects, page keys
    outputs/   catalogue, feeds, citations, JSON-LD, head metadata, open data
    build.py   one build: assembles the parts above for an engine's adapter
    editor/    the `loft` command, the web editor, the preview's error page
    engine/    the hook-less export, engine comparison, hook timing

The MkDocs/ProperDocs adapter is hooks/loft_site.py.
"""
