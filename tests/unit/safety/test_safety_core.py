"""The safety core: the Markdown dialect matches mkdocs.yml, trusted blocks
survive conversion and only they escape sanitizing, and the CSP hashes only
the theme's scripts outside <main>."""

from __future__ import annotations

import base64
import hashlib

import yaml

from harness import REPO
from loft.safety import csp
from loft.safety import dialect
from loft.safety import sanitizer
from loft.safety.trusted import compose, finish, trusted


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: None)


def test_the_dialect_is_what_mkdocs_yml_enables():
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    names, configs = [], {}
    for entry in config["markdown_extensions"]:
        name, options = (entry, None) if isinstance(entry, str) else next(iter(entry.items()))
        names.append(name)
        if options:
            configs[name] = options
    assert names == dialect.EXTENSIONS
    assert configs == dialect.CONFIGS


def test_trusted_blocks_pass_unchanged_and_editor_text_is_sanitized_on_its_own():
    core = '<form id="loft-search"><input name="q"></form>'
    text = f"# Rubrik\n\n{trusted(core)}\n\n<div>\n\nRedaktörens text <script>x()</script>\n\n{trusted('</div>')}\n"
    source = compose(text)
    assert "<form" not in source.markdown and len(source.blocks) == 2
    html = dialect.render(source.markdown)
    seen: list[str] = []
    out, lost = finish(html, source.blocks, sanitizer.sanitize, seen.append)
    assert lost == 0
    assert core in out  # the core's own form, untouched
    assert "<script" not in out and "x()" not in out
    # The editor's unclosed <div> is closed in its own stretch, before the core's </div>.
    assert out.index("</div>") < out.rindex("</div>")
    assert any("<script>" in part for part in seen)


def test_a_forged_wrapper_is_only_text():
    forged = "<!--loft-trusted:0000000000000000--><script>x()</script><!--/loft-trusted:0000000000000000-->"
    source = compose(f"Text\n\n{forged}\n")
    assert source.blocks == []
    out, _ = finish(dialect.render(source.markdown), source.blocks, sanitizer.sanitize)
    assert "<script" not in out


THEME = ['{#- generated -#}\n<script>__md_scope=new URL("{{ base_url }}",location)</script>',
         "<script>var palette=1</script>"]


def test_csp_hashes_the_theme_scripts_outside_main_only():
    theme, content = "var palette=1", "alert(1)"
    page = ("<html><head><meta charset=\"utf-8\"><script>" + theme + "</script>"
            '<script type="application/ld+json">{"a": 1}</script></head><body>'
            f"<main><script>{content}</script></main>"
            '<script id="__config" type="application/json">{}</script><script src="x.js"></script></body></html>')
    digest = base64.b64encode(hashlib.sha256(theme.encode()).digest()).decode()
    patterns = csp.theme_script_patterns(THEME)
    assert csp.script_hashes(page, patterns) == [f"'sha256-{digest}'"]
    out = csp.apply(page, patterns)
    assert out.index('http-equiv="Content-Security-Policy"') < out.index("<script>")
    assert f"script-src 'self' 'sha256-{digest}' 'wasm-unsafe-eval'" in out
    for directive in ("default-src 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
                      "style-src 'self'", "img-src 'self' data:"):
        assert directive in out
    assert "frame-ancestors" not in out and "frame-ancestors 'none'" in csp.policy([], header=True)
    assert "unsafe-inline" not in out and "unsafe-eval'" not in out.replace("wasm-unsafe-eval'", "")


def test_a_closing_main_in_the_content_does_not_widen_the_hashed_part():
    page = ("<html><head><meta charset=\"utf-8\"></head><body><main><p>&lt;/main&gt;</p>"
            "</main><script>theme()</script><main><script>planted()</script></main></body></html>")
    digest = base64.b64encode(hashlib.sha256(b"planted()").digest()).decode()
    assert f"'sha256-{digest}'" not in csp.script_hashes(page, csp.theme_script_patterns(THEME))


def test_only_the_theme_scripts_get_hashes_even_in_the_head():
    """A script that reached the head (say through a title) is not the theme's: no hash."""
    patterns = csp.theme_script_patterns(THEME)
    page = ('<html><head><meta charset="utf-8"><script>__md_scope=new URL("../..",location)</script>'
            '<title>x</title><script>alert(1)</script>'
            '<script>__md_scope=new URL("x",location);alert(1)</script></head><body></body></html>')
    digest = base64.b64encode(hashlib.sha256(b'__md_scope=new URL("../..",location)').digest()).decode()
    assert csp.script_hashes(page, patterns) == [f"'sha256-{digest}'"]


def test_one_text_leaves_nothing_behind_in_the_reused_converter():
    first = dialect.render("*[RISE]: Research Institutes of Sweden\n\nRISE[^1]\n\n[^1]: Not.\n")
    assert "<abbr" in first and "footnote" in first
    assert dialect.render("RISE och text[^1]\n") == "<p>RISE och text[^1]</p>"


def test_verdicts_are_kept_by_script_text_so_a_page_gets_hashes_only_for_its_own_scripts():
    """One ThemeScripts serves a whole build: what it learnt from one page never
    gives another page a hash for a script that page does not hold."""
    patterns = csp.theme_script_patterns(THEME)
    deep, shallow = '__md_scope=new URL("../..",location)', '__md_scope=new URL(".",location)'

    def page(*scripts: str, main: str = "") -> str:
        return ('<html><head><meta charset="utf-8">' + "".join(f"<script>{s}</script>" for s in scripts)
                + f"</head><body><main>{main}</main></body></html>")

    def token(script: str) -> str:
        return f"'sha256-{base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()}'"

    assert csp.script_hashes(page(deep, "var palette=1"), patterns) == [token(deep), token("var palette=1")]
    assert csp.script_hashes(page(shallow), patterns) == [token(shallow)]
    assert csp.script_hashes(page(), patterns) == []
    # The same text inside <main> is an editor's, whatever was learnt of it outside.
    assert csp.script_hashes(page(main=f"<script>{deep}</script>"), patterns) == []
    assert csp.script_hashes(page("alert(1)", deep), patterns) == [token(deep)]
    assert csp.script_hashes(page("alert(1)"), patterns) == []
    # A plain list of patterns (no verdicts kept between calls) gives the same.
    assert csp.script_hashes(page(deep, "alert(1)"), list(patterns)) == [token(deep)]


def test_the_last_closing_main_counts_in_any_letter_case():
    page = ('<html><head><meta charset="utf-8"></head><body><main></main><script>var palette=1</script>'
            "</MAIN></body></html>")
    assert csp.script_hashes(page, csp.theme_script_patterns(THEME)) == []
    # The policy goes right after the charset, once.
    out = csp.apply(page + page, csp.theme_script_patterns(THEME))
    assert out.count("Content-Security-Policy") == 1
    assert out.startswith('<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"')
