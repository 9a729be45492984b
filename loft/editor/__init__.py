"""Editor tools: what editors get besides the site. New items with every key
explained (`scaffold`), the JSON Schemas their editors check front matter with
(`schemas`), the web editor /redigera/ (`cms`), the preview's error page
(`preview`), the head both of those standalone pages share (`standalone`) and
the link check of a built site (`links`). Depends on `loft.content` only; the
build writes the web editor, and the `loft` command (`loft.cli`) runs the rest.
"""
