"""Search: what item pages tell Pagefind (`index`, with the domain's
`compounds` split into their parts), the search page `sok/` (`page`, its
HTML in templates/search.html), running Pagefind over the built site
(`pagefind`, whose bundle is made reproducible with a small `cbor` codec), and
feeding it the item pages while the build writes them (`streamed`).
Depends on `loft.content` and `loft.safety`.
"""
