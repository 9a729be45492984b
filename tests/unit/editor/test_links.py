"""The internal link check of a built site (loft links)."""

from __future__ import annotations

from harness import write_files
from loft.cli.main import main
from loft.editor.links import check_site, site_base


SITE = {
    "index.html": '<a href="rapporter/">R</a> <a href="om/#mal">Om</a> <img src="bild.png">'
                  '<a href="https://example.org/">Ute</a> <a href="mailto:a@b.se">Mejl</a> <a href="#top">Topp</a>',
    "bild.png": "",
    "om/index.html": '<a href="../">Start</a> <a href="../rapporter/a/rapport%20ett.pdf">PDF</a>'
                     '<link href="../assets/saknas.css" rel="stylesheet">',
    "rapporter/index.html": '<a href="a/">A</a> <a href="b/">B</a> <a href="../../utanfor/">X</a>'
                            '<a href="a/?q=1&amp;r=2">Fråga</a>',
    "rapporter/a/index.html": '<script src="../../assets/app.js"></script>',
    "rapporter/a/rapport ett.pdf": "",
    "assets/app.js": "",
    "404.html": '<a href="/rapporter/">R</a> <a href="/saknas/">S</a>',
}


def test_every_broken_internal_link_is_found_and_nothing_else(tmp_path):
    write_files(tmp_path, SITE)
    checked, broken = check_site(tmp_path)
    found = {(b.page, b.url) for b in broken}
    assert found == {
        ("om/index.html", "../assets/saknas.css"),
        ("rapporter/index.html", "b/"),
        ("rapporter/index.html", "../../utanfor/"),
        ("404.html", "/saknas/"),
    }
    assert checked == 14  # external, mailto: links are not counted
    reasons = {b.url: b.reason for b in broken}
    assert reasons["b/"] == "filen rapporter/b/index.html finns inte i den byggda webbplatsen"
    assert reasons["../../utanfor/"] == "pekar utanför webbplatsen"


def test_root_relative_links_must_start_with_the_published_path(tmp_path):
    write_files(tmp_path, {"index.html": "", "404.html": '<a href="/loft/">Start</a> <a href="/annat/">X</a>'})
    assert site_base("https://exempel.github.io/loft/") == "/loft/" and site_base(None) == "/"
    _, broken = check_site(tmp_path, base="/loft/")
    assert [(b.url, b.reason) for b in broken] == [("/annat/", "börjar inte med webbplatsens sökväg /loft/")]


def test_loft_links_command(tmp_path, make_project, monkeypatch, capsys):
    project = make_project()
    write_files(project / "site", SITE)
    monkeypatch.chdir(project)
    assert main(["links"]) == 1
    out, err = capsys.readouterr()
    assert "rapporter/index.html: b/: filen rapporter/b/index.html finns inte" in out
    assert "4 trasiga interna länkar av 14" in err
    write_files(project / "good", {"index.html": '<a href="./">Här</a>'})
    assert main(["links", "good"]) == 0
    assert main(["links", "finns-inte"]) == 2
