"""Hostile text an editor could write, each the smallest body that shows its case.

REJECTED: markup the sanitizer removes; the build and `loft check` must fail
naming the file and the line, and what is published would be inert anyway.
INERT: hostile-looking text that is fine to publish because it stays text
(code, escaped characters, titles with Markdown in them); the built pages are
loaded in Chromium by tests/browser/test_hostile_pages.py.
"""

from __future__ import annotations

# name -> (body, a word the message must contain)
REJECTED: dict[str, tuple[str, str]] = {
    # handlers hidden after / or a newline
    "svg-slash-onload": ("<svg/onload=alert(1)>", "<svg>"),
    "input-autofocus": ("<input/autofocus/onfocus=alert(1)>", "<input>"),
    "img-newline-onerror": ("<img src=x\nonerror=alert(1)>", "onerror"),
    "img-onerror": ('<img src="bild.png" onerror="alert(1)">', "onerror"),
    "details-ontoggle": ("<details open ontoggle=alert(1)><summary>S</summary>x</details>", "ontoggle"),
    "abbr-onmouseover": ('<abbr title="x" onmouseover="alert(1)">A</abbr>', "onmouseover"),
    "div-markdown-onclick": ('<div markdown="1" onclick="alert(1)">\n\nText\n\n</div>', "onclick"),
    "a-with-onclick": ('<a href="https://example.org" onclick="alert(1)">x</a>', "onclick"),
    # disguised schemes
    "entity-javascript": ("[x](&#106;avascript:alert(1))", "javascript"),
    "tab-entity-javascript": ('<a href="java&#9;script:alert(1)">x</a>', "javascript"),
    "newline-javascript": ('<a href="java\nscript:alert(1)">x</a>', "javascript"),
    "tab-javascript": ('<a href="java\tscript:alert(1)">x</a>', "javascript"),
    "mixed-case-javascript": ('<a href="JaVaScRiPt:alert(1)">x</a>', "javascript"),
    "leading-space-javascript": ('<a href=" javascript:alert(1)">x</a>', "javascript"),
    "hex-entity-colon": ('<a href="&#x6A;avascript&colon;alert(1)">x</a>', "javascript"),
    "decimal-colon": ('<a href="javascript&#58;alert(1)">x</a>', "javascript"),
    "markdown-javascript": ("[klicka](javascript:alert(1))", "javascript"),
    "reference-javascript": ("[x][r]\n\n[r]: javascript:alert(1)", "javascript"),
    "footnote-javascript": ("Text[^1]\n\n[^1]: [x](javascript:alert(1))", "javascript"),
    "vbscript": ('<a href="vbscript:msgbox(1)">x</a>', "vbscript"),
    "data-html": ("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "data"),
    "file-scheme": ('<a href="file:///etc/passwd">x</a>', "file"),
    "backslash-host": ('<a href="\\\\evil.example/x">x</a>', "adressen"),
    # attr_list handlers
    "attr-list-paragraph": ('Text\n{: onclick="alert(1)" }', "onclick"),
    "attr-list-heading": ('## Rubrik {: onclick="alert(1)" }', "onclick"),
    "attr-list-link": ('[länk](https://example.org){: onmouseover="alert(1)" }', "onmouseover"),
    "attr-list-style": ("Text\n{: style=\"position:fixed;inset:0\" }", "style"),
    "attr-list-theme-id": ("Text\n{: #__config }", "__config"),
    # the old fence tracker fooled
    "one-line-fence": ("```x```\n<script>alert(1)</script>", "<script>"),
    "indented-fence": ("    ```\n\n<script>alert(1)</script>", "<script>"),
    "tilde-fence-one-line": ("~~~x~~~\n\n<script>alert(1)</script>", "<script>"),
    # elements that run, embed, restyle or redirect
    "script": ("<script>alert(1)</script>", "<script>"),
    "script-src": ('<script src="https://evil.example/x.js"></script>', "<script>"),
    "iframe": ('<iframe src="https://example.org"></iframe>', "<iframe>"),
    "object": ('<object data="x.swf"></object>', "<object>"),
    "embed": ('<embed src="x.swf">', "<embed>"),
    "base": ('<base href="https://evil.example/">', "<base>"),
    "meta-refresh": ('<meta http-equiv="refresh" content="0;url=https://evil.example">', "<meta>"),
    "style-element": ("<style>body{display:none}</style>", "<style>"),
    "link-stylesheet": ('<link rel="stylesheet" href="https://evil.example/x.css">', "<link>"),
    "frameset": ('<frameset><frame src="https://evil.example"></frameset>', "<frameset>"),
    "form": ('<form action="https://evil.example"><button>Skicka</button></form>', "<form>"),
    "math-mutation": ("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "<math>"),
    "svg-animate": ("<svg><animate onbegin=alert(1) attributeName=x dur=1s>", "<svg>"),
    "video-source": ("<video><source onerror=alert(1)></video>", "<video>"),
    "audio": ("<audio src=x onerror=alert(1)>", "<audio>"),
    "body-onload": ("<body onload=alert(1)>", "<body>"),
    "marquee": ("<marquee onstart=alert(1)>x</marquee>", "<marquee>"),
    "template": ("<template><script>alert(1)</script></template>", "<template>"),
    "noscript-mutation": ('<noscript><p title="</noscript><img src=x onerror=alert(1)>">', "<noscript>"),
    "textarea": ("<textarea><script>alert(1)</script></textarea>", "<textarea>"),
    "xmp": ("<xmp><script>alert(1)</script></xmp>", "<xmp>"),
    "isindex": ("<isindex action=javascript:alert(1) type=image>", "<isindex>"),
    "style-attribute": ('<p style="position:fixed;top:0">x</p>', "style"),
    "target-blank": ('<a href="https://example.org" target="_blank">x</a>', "target"),
    "td-background": ('<table><tr><td background="javascript:alert(1)">x</td></tr></table>', "background"),
    "xlink-href": ('<a xlink:href="javascript:alert(1)">x</a>', "xlink:href"),
    "srcset": ('<img src="bild.png" srcset="https://tracker.example/a.png 2x" alt="">', "srcset"),
    # images that track readers
    "remote-image": ("![spårning](https://tracker.example/pixel.gif)", "bilder"),
    "protocol-relative-image": ('<img src="//tracker.example/p.gif" alt="">', "bilder"),
    "data-image": ('<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" alt="">', "bilder"),
    "theme-id-clobbering": ('<p id="__config">{"base": "https://evil.example"}</p>', "__config"),
}

# name -> (front-matter fields, body): accepted, and published as text.
INERT: dict[str, tuple[dict, str]] = {
    "script-in-code-block": ({}, "```html\n<script>alert(1)</script>\n```"),
    "handler-in-inline-code": ({}, "Skriv inte `<img src=x onerror=alert(1)>` i texten."),
    "escaped-script": ({}, "&lt;script&gt;alert(1)&lt;/script&gt;"),
    "comment-with-script": ({}, "Före.\n\n<!-- <script>alert(1)</script> -->\n\nEfter."),
    "markdown-link-title": ({"title": "[x](javascript:alert(1))"}, "Text."),
    "attr-list-title": ({"title": "Titel {: onclick=\"alert(1)\" }"}, "Text."),
    "emphasis-title": ({"title": "**Fet** och _kursiv_ `kod`"}, "Text."),
    "markdown-in-summary": ({"summary": "[x](javascript:alert(1)) och {: onclick=x }"}, "Text."),
    "markdown-in-authors": ({"authors": ["*Anna* [x](javascript:alert(1))"]}, "Text."),
    "allowed-html": ({}, "<details open><summary>Mer</summary>\n\nInnehåll.\n\n</details>\n\n"
                         "<abbr title=\"Research Institutes of Sweden\">RISE</abbr>"),
}
