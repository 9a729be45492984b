"""Benchmarks of the LOFT kunskapsbank: synthetic corpora and timed builds."""
