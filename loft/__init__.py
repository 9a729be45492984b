"""LOFT kunskapsbank: the content core.

Plain Python with no import of mkdocs or material: it reads the vocabularies in
data/ and the content files, validates them, indexes them by facet and renders
listings and the catalogue. Adapters (MkDocs hooks, the `loft` command) call it.
"""
