"""The head of the two pages that are not the theme's: the web editor
(/redigera/) and the preview's error page. Each carries its own
Content-Security-Policy and is never indexed."""

from __future__ import annotations

import html


def page_head(*, title: str, policy: str, robots: str, description: str | None = None,
              links: tuple[str, ...] = ()) -> str:
    """From <!doctype html> to </head>, a line a tag. links: whole <link> tags."""
    lines = [
        "<!doctype html>",
        '<html lang="sv">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="robots" content="{robots}">',
        *([f'<meta name="description" content="{html.escape(description)}">'] if description else []),
        f"<title>{html.escape(title)}</title>",
        *links,
        "</head>",
    ]
    return "\n".join(lines) + "\n"
