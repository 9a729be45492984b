"""data/: the vocabularies and declarations, read once and checked field by field.

`reader` is the one bounded, safe reader of a data file into YAML nodes;
`fields` checks a mapping against a dataclass's declared fields (kinds of
value, required keys, Swedish messages at file:line:column); `declarations`
holds one frozen dataclass per data file; `load` reads every file through
them and checks them against each other (`DataFiles.load`).
"""
