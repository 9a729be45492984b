"""Items kept as folders (index.md + attachments), in reports/ and in docs/nyheter/."""

from __future__ import annotations

from helpers import news, office_file, report


def test_folder_items_publish_their_files_beside_the_page(make_project, build):
    project = make_project({
        "docs/nyheter/dagar/index.md": news("Dagar", "2023-05-15", ["kultur"]) + "\n![Deltagare i samtal](bild.png)\n",
        "docs/nyheter/dagar/bild.png": b"\x89PNG\r\n\x1a\n" + b"0" * 100,
        "docs/nyheter/dagar/program.pdf": b"%PDF-1.4 " + b"0" * 400_000,
        "materials/mall/index.md": report("Mall", "2023", ["kultur"]),
        "materials/mall/mall-workshop.pptx": office_file("pptx", padding=2_500_000),
    })
    result = build(project)
    assert result.returncode == 0, result.output
    news_page = result.read("nyheter/dagar/index.html")
    assert 'src="bild.png"' in news_page and (result.site / "nyheter/dagar/bild.png").is_file()
    assert 'href="program.pdf"' in news_page and "(PDF, 400 kB)" in news_page
    assert (result.site / "nyheter/dagar/program.pdf").stat().st_size == 400_009
    template_page = result.read("material/mall/index.html")
    assert 'href="mall-workshop.pptx"' in template_page and "(PowerPoint, PPTX, 2,5 MB)" in template_page
    assert (result.site / "material/mall/mall-workshop.pptx").is_file()


def test_a_news_file_name_that_is_not_a_slug_gets_a_clean_address(make_project, build):
    result = build(make_project({"docs/nyheter/Stor Nyhet Å.md": news("Stor nyhet", "2024-01-02")}))
    assert result.returncode == 0, result.output
    assert (result.site / "nyheter/stor-nyhet-a/index.html").is_file()
    assert not (result.site / "nyheter/Stor Nyhet Å").exists()
