"""The preview (`make serve`, i.e. `mkdocs serve`) when content has errors.

A build that fails leaves MkDocs' server waiting for a good build: every
request hangs, and a server started with a broken file exits. So in the
preview a content error never fails the build. The site becomes one Swedish
page, written as `index.html` and `404.html` (which the server answers for any
address), listing every problem in the words and form of `loft check`
(file:line:column: field: message, the message ending with the fix). When the
file is fixed the next rebuild gives the site back, and the page, polling the
server's own reload endpoint from a script on the site, reloads itself.

Plain Python: the hooks decide when to use it (hooks/loft_site.py).
"""

from __future__ import annotations

import html
import tempfile
from pathlib import Path

from loft.editor.standalone import page_head
from loft.content.problems import Problem, format_report, in_order

RELOAD_SCRIPT = "loft-forhandsgranskning.js"
STYLESHEET = "loft-fel.css"
# Only the site's own script and stylesheet; nothing else runs or loads.
POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
          "img-src 'self'; base-uri 'self'; form-action 'none'; object-src 'none'")

# MkDocs' reload endpoint: /livereload/<epoch>/<id> answers at once with the
# current build's epoch when it is newer than <epoch>, else when the next build
# is done (or after a minute). The inline script MkDocs injects for the same
# purpose is blocked by the pages' Content-Security-Policy; this one is a file.
_SCRIPT = """// Förhandsgranskningen (make serve): ladda om sidan när ett nytt bygge är klart.
(function () {
  "use strict";
  var epoch = 0;
  function poll() {
    fetch("/livereload/" + epoch + "/" + Date.now(), {cache: "no-store"})
      .then(function (response) { return response.text(); })
      .then(function (text) {
        var next = parseInt(text, 10);
        if (epoch && next > epoch) { window.location.reload(); return; }
        epoch = next || epoch;
        poll();
      })
      .catch(function () { window.setTimeout(poll, 1000); });
  }
  poll();
})();
"""

_CSS = """body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
  line-height: 1.5; color: #1a1a1a; background: #fff; }
h1 { font-size: 1.6rem; color: #8b0000; }
ol { padding-left: 1.5rem; }
li { margin: 0 0 1rem; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f4f4f4; border-left: 4px solid #8b0000;
  padding: .5rem .75rem; margin: .25rem 0; font-size: .95rem; }
"""


def error_page(problems: list[Problem], base: str = "/") -> str:
    """The whole preview as one page: every problem, escaped, as loft check prints it."""
    ordered = in_order(problems)
    summary = html.escape(format_report(ordered).splitlines()[0])
    items = "\n".join(f"<li><pre>{html.escape(p.format())}</pre></li>" for p in ordered)
    base = html.escape(base if base.endswith("/") else base + "/")
    head = page_head(title="Innehållet har fel – förhandsgranskning av LOFT kunskapsbank",
                     policy=POLICY, robots="noindex", links=(f'<link rel="stylesheet" href="{base}{STYLESHEET}">',))
    return f"""{head}<body>
<main>
<h1>Förhandsgranskningen väntar på en rättelse</h1>
<p>{summary}</p>
<ol>
{items}
</ol>
<p>Varje rad är samma som <code>loft check</code> skriver: fil, rad och kolumn, fältet och vad
du ska göra. Alla meddelanden och hur du rättar dem står i CONTRIBUTING.md, avsnitt 11.</p>
<p>Spara filen när du har rättat den. Webbplatsen byggs om och den här sidan laddas om av sig
själv.</p>
</main>
<script src="{base}{RELOAD_SCRIPT}"></script>
</body>
</html>
"""


def error_files(problems: list[Problem], base: str = "/") -> dict[str, str]:
    """What the preview's site holds while content has errors (site-relative path -> text)."""
    page = error_page(problems, base)
    return {"index.html": page, "404.html": page, STYLESHEET: _CSS, RELOAD_SCRIPT: _SCRIPT}


def reload_files() -> dict[str, str]:
    """Written beside a good preview build, for its pages' reload script."""
    return {RELOAD_SCRIPT: _SCRIPT}


def reload_tag(base: str = "/") -> str:
    base = base if base.endswith("/") else base + "/"
    return f'<script src="{html.escape(base)}{RELOAD_SCRIPT}"></script>'


def with_reload(page: str, base: str = "/") -> str:
    """A preview page with the reload script at the end of its body (outside <main>)."""
    at = page.rfind("</body>")
    return page if at < 0 else page[:at] + reload_tag(base) + page[at:]


def write(site_dir: str | Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        target = Path(site_dir) / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


_EMPTY: list[str] = []


def empty_docs_dir() -> str:
    """An empty folder for MkDocs to walk instead of a docs/ it must not walk
    (links or special files there: loft/safety/inputs.py). One per process."""
    if not _EMPTY:
        _EMPTY.append(tempfile.mkdtemp(prefix="loft-tom-docs-"))
    return _EMPTY[0]
