"""Search: what item pages tell Pagefind (`index`, with the domain's
`compounds` split into their parts), the search page `sok/` (`page`, its
HTML in templates/search.html), and running Pagefind over the built site
(`pagefind`, whose bundle is made reproducible with a small `cbor` codec).
Depends on `loft.content` and `loft.safety`.
"""
