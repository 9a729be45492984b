"""Benchmark only (bench/sanitize_bench.py): the build without sanitizing.

Listed after hooks/loft_site.py in a copy of mkdocs.yml, it replaces the
sanitizer and the detection with no-ops, so that their cost can be measured
against the real build in the same run. The site's own config never lists it.
"""

from loft.safety import sanitizer

sanitizer.sanitize = lambda html: html
sanitizer.html_problems = lambda path, source, first_line, html: []
