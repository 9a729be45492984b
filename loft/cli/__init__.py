"""The `loft` command for editors and maintainers, one module a command.

    loft check [FIL ...]          kontrollera innehållet (eller bara de här filerna/mapparna)
    loft new rapport|mall|nyhet "Rubrik" [--publicera]   (ett utkast om inte --publicera)
    loft list principer|kommuner|utgivare|sprak|typer
    loft schema [--check]         skriv om schemas/ från data/ (make gör det själv)
    loft links [site]             kontrollera länkarna i en byggd webbplats (utvecklare)
    loft diff GAMMAL NY           sidor som lagts till, ändrats och tagits bort mellan två byggen
    loft export MAPP              hela webbplatsen för en byggare utan hooks, t.ex. Zensical (utvecklare)
    loft search-index [site]      sökindex (Pagefind) för en byggd webbplats (utvecklare)

Modules: `main` (the Swedish parser and dispatch), `output` (what every
command prints), and one a command: `check`, `new`, `values` (loft list),
`schema`, `links`, `diff`, `export`, `search_index`.

A new command is a new module here with NAME, HELP, `arguments(parser)` and
`run(args, project)`, named in `main.COMMANDS`. The top of the layers: it may
use every other part of `loft`.
"""
