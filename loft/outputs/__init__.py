"""Outputs: the machine-readable site beside the pages.

The open catalogue (`catalogue`, `open_data`), feeds (`feeds`), citations
(`citations`; the item page's "Citera" section is templates/citation.html),
schema.org JSON-LD (`structured_data`), each page's head metadata (`head`)
and the files written after the pages (`machine_readable`). Depends on
`loft.content`, `loft.safety` and `loft.pages`.
"""
