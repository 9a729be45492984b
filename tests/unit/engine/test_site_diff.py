"""`loft diff`: pages added, changed and removed between two built sites."""

from __future__ import annotations

import pytest

from harness import run_build
from helpers import report
from loft.cli.main import main
from loft.engine.site_diff import address, compare, markdown, page_text


def write(root, files):
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8") if isinstance(text, str) else path.write_bytes(text)


PAGE = ('<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="{csp}">'
        '<meta name="generator" content="{gen}"></head><body><nav>Meny</nav><main><h1>{title}</h1>'
        '<p>{text}</p></main></body></html>')


def test_compare_finds_added_changed_removed_and_ignores_spurious_differences(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    write(old, {"index.html": PAGE.format(csp="a", gen="x", title="Start", text="Hej"),
                "rapporter/a/index.html": PAGE.format(csp="a", gen="x", title="A", text="Första"),
                "rapporter/b/index.html": PAGE.format(csp="a", gen="x", title="B", text="Borta"),
                "rapporter/a/a.pdf": b"%PDF-1", "pagefind/x.pf": "1", "assets/x.css": "a"})
    write(new, {"index.html": PAGE.format(csp="b", gen="y", title="Start", text="Hej"),
                "rapporter/a/index.html": PAGE.format(csp="b", gen="y", title="A", text="Andra &amp; nya"),
                "rapporter/c/index.html": PAGE.format(csp="b", gen="y", title="C", text="Ny"),
                "rapporter/a/a.pdf": b"%PDF-2", "rapporter/c/c.pdf": b"%PDF", "pagefind/x.pf": "2",
                "assets/x.css": "b"})
    diff = compare(old, new)
    assert diff.added == ["rapporter/c/index.html"]
    assert diff.changed == ["rapporter/a/index.html"]  # not index.html: only its policy and generator differ
    assert diff.removed == ["rapporter/b/index.html"]
    assert diff.files_added == ["rapporter/c/c.pdf"] and diff.files_changed == ["rapporter/a/a.pdf"]
    assert diff.files_removed == []  # pagefind/ and assets/ are machinery
    assert diff.texts["rapporter/a/index.html"] == (["A", "Första"], ["A", "Andra & nya"])
    text = markdown(diff)
    assert "**1** nya sidor, **1** ändrade och **1** borttagna" in text
    assert "- `rapporter/c/`" in text and "- `rapporter/b/`" in text and "-Första" in text and "+Andra & nya" in text
    assert "Meny" not in text  # only the page's own content
    assert "[`rapporter/c/`](https://pr.example.org/rapporter/c/)" in markdown(diff, "https://pr.example.org/")


def test_identical_sites_say_so(tmp_path):
    write(tmp_path / "a", {"index.html": PAGE.format(csp="a", gen="x", title="S", text="T")})
    write(tmp_path / "b", {"index.html": PAGE.format(csp="b", gen="y", title="S", text="T")})
    assert "Inga sidor eller filer ändras" in markdown(compare(tmp_path / "a", tmp_path / "b"))


def test_address_and_text():
    assert address("index.html") == "/" and address("rapporter/x/index.html") == "rapporter/x/"
    assert address("404.html") == "404.html"
    assert page_text("<main><h1>T</h1><script>x()</script><ul><li>a</li><li>b&lt;</li></ul></main>") == \
        ["T", "a", "b<"]


@pytest.mark.build
def test_loft_diff_of_two_real_builds_names_the_new_report_and_its_listings(make_project, tmp_path, capsys):
    project = make_project({"reports/gammal.md": report("Gammal rapport", "2022")})
    first = run_build(project)
    assert first.returncode == 0, first.output
    before = tmp_path / "fore"
    first.site.rename(before)
    (project / "reports/ny/index.md").parent.mkdir(parents=True)
    (project / "reports/ny/index.md").write_text(report("Ny rapport", "2024", municipalities=("lidingo",)),
                                                encoding="utf-8")
    (project / "reports/ny/ny.pdf").write_bytes(b"%PDF-1.4\n")
    second = run_build(project)
    assert second.returncode == 0, second.output
    assert main(["diff", str(before), str(second.site)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("## Förhandsgranskning: så ändras webbplatsen")
    added = out.split("### Nya sidor")[1].split("###")[0]
    assert "- `rapporter/ny/`" in added and "- `ar/2024/`" in added
    changed = out.split("### Ändrade sidor")[1].split("###")[0]
    assert "- `rapporter/`" in changed and "- `kommuner/lidingo/`" in changed
    assert "- `rapporter/gammal/`" not in out  # unchanged pages are not listed
    assert "- `rapporter/ny/ny.pdf`" in out
    assert "Sammanfattning av Ny rapport." in out  # the new page's text, readable in the summary
    # Two builds of the same content: nothing to report.
    third = run_build(project)
    again = tmp_path / "igen"
    third.site.rename(again)
    fourth = run_build(project)
    assert main(["diff", str(again), str(fourth.site)]) == 0
    assert "Inga sidor eller filer ändras" in capsys.readouterr().out


def test_loft_diff_needs_two_built_sites(tmp_path, capsys):
    assert main(["diff", str(tmp_path / "finns-inte"), str(tmp_path)]) == 2
    assert "ingen byggd webbplats" in capsys.readouterr().err
