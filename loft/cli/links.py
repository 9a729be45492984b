"""loft links [MAPP]: every internal link of a built site leads somewhere."""

from __future__ import annotations

from pathlib import Path

import yaml

from loft.cli.output import err
from loft.content.project import Project
from loft.editor.links import check_site, site_base

NAME = "links"
HELP = "kontrollera interna länkar i en byggd webbplats"


def arguments(parser) -> None:
    parser.add_argument("site", nargs="?", default="site", metavar="MAPP")
    parser.add_argument("--base", help="sökvägen webbplatsen publiceras under (standard: från site_url)")


def _site_url(root: Path) -> str | None:
    """site_url from mkdocs.yml, read without MkDocs (its !ENV and other tags ignored)."""

    class _Tolerant(yaml.SafeLoader):
        pass

    _Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Tolerant) or {}
    return config.get("site_url")


def run(args, project: Project) -> int:
    folder = Path(args.site) if Path(args.site).is_absolute() else Path.cwd() / args.site
    if not folder.is_dir():
        err(f"{args.site}: ingen byggd webbplats. Bygg först med: make build")
        return 2
    checked, broken = check_site(folder, args.base or site_base(_site_url(project.root)))
    for link in broken:
        print(link.format())
    if broken:
        err(f"\n{len(broken)} trasiga interna länkar av {checked}.")
        return 1
    print(f"Inga trasiga länkar: {checked} interna länkar kontrollerade.")
    return 0
