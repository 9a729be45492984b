"""Engine independence: the site without our hooks (`export` for hook-less
builders such as Zensical), byte comparison of two engines' output
(`site_diff`) and timing of the hooks for the benchmark (`profiling`).
Uses `loft.build`; nothing in the core depends on it.
"""
