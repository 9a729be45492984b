"""YAML front matter, read with the line and column of every key and value."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from loft.content import limits
from loft.content.problems import Problem

# libyaml's parser is about 15 times faster; positions are the same.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# MkDocs 1.6's own split (mkdocs.utils.meta.YAML_RE, used by get_data): our reader
# accepts exactly what it splits, so MkDocs and we always agree on what the body is.
MKDOCS_SPLIT = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
# The line that ends the front matter: --- (or YAML's ...), trailing blanks allowed.
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
# Without YAML delimiters MkDocs reads leading "key: value" lines as MultiMarkdown
# metadata (mkdocs.utils.meta.META_RE) and leaves them out of the page.
MULTIMARKDOWN_META = re.compile(r"^[ ]{0,3}[A-Za-z0-9_-]+:")
# Bounds checked on the YAML events before anything is composed: libyaml's
# composer recurses once per level (100,000 nested [ end in a segfault) and
# aliases multiply (a "billion laughs" runs for minutes). Front matter is a flat
# list of fields whose values are text or lists of text: depth 2; 20 is ample.
MAX_BYTES = 64 * 1024
MAX_DEPTH = 20
# YAML with at most this many indicators that open a collection is composed
# first and its depth checked on the nodes (compose: one pass, not two).
_OPENERS = "-[{?:"
_SAFE_OPENERS = 10 * MAX_DEPTH
_SYNTAX_FIX = ("Kontrollera indrag och kolon; text som innehåller kolon (:) eller börjar med "
               "citattecken ska skrivas inom citattecken, till exempel title: \"Del 2: Insikter\".")
# Plain text in YAML is a str; anything else a bare word turned into (a number,
# true/false, a date) is shown back as something other than what was written.
STR_TAG = "tag:yaml.org,2002:str"
NULL_TAG = "tag:yaml.org,2002:null"
SCALAR_KINDS = {
    "tag:yaml.org,2002:int": "ett tal",
    "tag:yaml.org,2002:float": "ett tal",
    "tag:yaml.org,2002:bool": "ett sanningsvärde (true/false, yes/no)",
    "tag:yaml.org,2002:timestamp": "ett datum",
}


@dataclass
class FrontMatter:
    fields: dict[str, yaml.Node]  # key -> value node (keeps positions)
    key_lines: dict[str, tuple[int, int]]  # key -> (line, column), 1-based
    start_line: int  # line of the opening ---
    body: str
    body_line: int  # first line of the body
    # Set when MkDocs' loader would fail on this YAML (and show it as text): the
    # caller reports it unless a field's own problem already says what is wrong.
    unreadable: str | None = None


def node_position(node: yaml.Node, offset: int) -> tuple[int, int]:
    return node.start_mark.line + 1 + offset, node.start_mark.column + 1


def read(text: str, path: str, required: bool = True) -> tuple[FrontMatter | None, list[Problem]]:
    """Split as MkDocs does and parse within bounds; the problems say what is wrong and how to fix it.

    text is the file as read (BOM dropped, newlines normalised). Without `required`
    (the site's own pages) a file may have no front matter at all."""
    text = text.removeprefix("\ufeff")
    # Slices, not a split into lines: the body can be long and is kept whole.
    first_end = text.find("\n")
    first_line = text if first_end < 0 else text[:first_end]
    split = MKDOCS_SPLIT.match(text)
    if split is None:
        problem = _unsplit(text, first_line, first_end, required)
        if problem is None:  # a site page without front matter
            return FrontMatter({}, {}, 1, text, 1), limits.control_characters(text, path)
        return None, [Problem(path, 1, 1, "front matter", problem), *limits.control_characters(text, path)]
    yaml_text = split.group(1)
    body = text[split.end():]
    body_line = text.count("\n", 0, split.end()) + 1
    problems = limits.control_characters(text, path)
    if any(p.line is None or p.line < body_line for p in problems):
        return None, problems  # libyaml would stop at them with a traceback
    offset = 1  # YAML line 0 is file line 2
    if len(yaml_text.encode("utf-8")) > MAX_BYTES:
        return None, [Problem(path, 2, 1, "front matter",
                              f"front matter är större än {MAX_BYTES // 1024} KiB. Fälten ska vara "
                              "korta; flytta långa texter till brödtexten under front matter.")]
    loader, root, bound = compose(yaml_text, path, offset)
    if bound:
        return None, bound
    if root is None:
        return None, [Problem(path, 1, 1, "front matter",
                              "front matter är tom. Skriv fälten (title, date, ...) mellan de två "
                              "raderna med --- eller ta bort raderna.")]
    if not isinstance(root, yaml.MappingNode):
        return None, [Problem(path, 2, 1, "front matter",
                              "front matter ska bestå av fält i formen nyckel: värde, "
                              "till exempel title: Min rapport.")]
    fields: dict[str, yaml.Node] = {}
    key_lines: dict[str, tuple[int, int]] = {}
    for key_node, value_node in root.value:
        line, column = node_position(key_node, offset)
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in (STR_TAG, *SCALAR_KINDS):
            problems.append(Problem(path, line, column, "front matter",
                                    "ett fältnamn ska vara ett ord, till exempel title. Ta bort "
                                    "tecknen framför kolonet eller skriv fältet som namn: värde."))
            continue
        key = str(key_node.value)
        if key in fields:
            first = key_lines[key][0]
            problems.append(Problem(path, line, column, key,
                                    f"fältet förekommer två gånger (första gången på rad {first}). "
                                    "Ta bort det ena."))
            continue
        fields[key] = value_node
        key_lines[key] = (line, column)
    front = FrontMatter(fields, key_lines, 1, body, body_line)
    front.unreadable = _unconstructable(loader, root)
    loader.dispose()
    return front, problems


def _unconstructable(loader, root: yaml.Node) -> str | None:
    """Why MkDocs' loader (the same SafeLoader) would fail on this front matter, if it would:
    then MkDocs shows it as text. Text and null cannot fail and the shapes are checked
    already, so only the other scalars (numbers, dates, ...) are constructed: a date like
    2023-02-31 fails, and so does 0b_ (an empty binary number)."""
    pending = [root]
    while pending:  # depth is bounded by scan_events; a stack all the same
        node = pending.pop()
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                pending += (key, value)
        elif isinstance(node, yaml.SequenceNode):
            pending += node.value
        elif node.tag not in (STR_TAG, NULL_TAG):
            try:
                loader.construct_object(node)
            except Exception as error:  # noqa: BLE001 - any failure means MkDocs shows the YAML as text
                return f"{node.value}: {error}".split("\n")[0]
    return None


def _unsplit(text: str, first_line: str, first_end: int, required: bool) -> str | None:
    """Why MkDocs finds no front matter where the file seems to have one (None: it has none)."""
    if first_line.strip() == "---":
        if first_line.lstrip(" \t") != first_line:
            return ("raden --- som inleder front matter har mellanslag eller tabb före. Ta bort dem: "
                    "raden ska börja med ---.")
        closing = _CLOSING.search(text, first_end + 1) if first_end >= 0 else None
        if closing is None:
            return ("front matter avslutas aldrig. Lägg till en rad med bara --- "
                    "efter det sista fältet.")
        if closing.start() == first_end + 1:
            return ("front matter är tom. Skriv fälten (title, date, ...) mellan de två "
                    "raderna med --- eller ta bort raderna.")
        return ("raden --- som avslutar front matter är filens sista rad. Tryck Enter efter den, "
                "så att filen slutar med en tom rad.")
    if required:
        return ("filen börjar inte med front matter. Första raden ska vara --- "
                "följd av fälten (title, date, ...) och en avslutande rad ---.")
    if MULTIMARKDOWN_META.match(first_line):
        return ("första raden ser ut som ett fält (namn: text) och skulle försvinna från sidan. "
                "Börja sidan med front matter mellan två rader ---, eller skriv om första raden.")
    return None


def syntax_problem(error: yaml.YAMLError, path: str, offset: int, field: str = "front matter",
                   fix: str = _SYNTAX_FIX) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line, column = (mark.line + 1 + offset, mark.column + 1) if mark else (None, None)
    detail = " ".join(filter(None, [getattr(error, "context", None), getattr(error, "problem", None)]))
    return Problem(path, line, column, field, f"YAML-syntaxfel ({detail or error}). {fix}")


def scan_events(yaml_text: str, path: str, offset: int, max_depth: int = MAX_DEPTH,
                field: str = "front matter", fix: str = _SYNTAX_FIX) -> list[Problem]:
    """Depth, anchors, aliases and tags, found on the parser's events (libyaml's parser
    is iterative) before anything is composed; at most one problem."""
    depth = 0
    try:
        for event in yaml.parse(yaml_text, Loader=LOADER):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > max_depth:
                    return [_at(event, path, offset, field,
                                f"fälten är inbäddade i fler än {max_depth} nivåer. Skriv varje fält "
                                "som namn: värde, med en lista som mest.")]
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                return [_at(event, path, offset, field,
                            "ankare och hänvisningar (& och *) används inte här. Skriv ut värdet; "
                            "står & eller * först i en text, skriv texten inom citattecken.")]
            tag = getattr(event, "tag", None)
            if tag is not None and not isinstance(event, yaml.DocumentStartEvent):
                return [_at(event, path, offset, field,
                            f"typangivelsen {tag.replace('tag:yaml.org,2002:', '!!')} används inte här. "
                            "Ta bort den; står ! först i en text, skriv texten inom citattecken.")]
    except yaml.YAMLError as error:
        return [syntax_problem(error, path, offset, field, fix)]
    return []


def compose(yaml_text: str, path: str, offset: int, field: str = "front matter",
            fix: str = _SYNTAX_FIX) -> tuple[object, yaml.Node | None, list[Problem]]:
    """(loader, root node, []) of YAML within the bounds of scan_events, or (None, None,
    problems); the loader stays open for constructing scalars (dispose() it after)."""
    if _composes_safely(yaml_text):
        # One pass instead of two: the bounds are checked on the nodes. Anything
        # the nodes cannot tell (an error, too deep) is left to the two passes
        # below, which word it exactly as they always did.
        loader = LOADER(yaml_text)
        try:
            root = loader.get_single_node()
        except yaml.YAMLError:
            root = False
        if root is not False and not _deeper_than(root, MAX_DEPTH):
            return loader, root, []
        loader.dispose()
    bound = scan_events(yaml_text, path, offset, field=field, fix=fix)
    if bound:
        return None, None, bound
    loader = LOADER(yaml_text)
    try:
        return loader, loader.get_single_node(), []
    except yaml.YAMLError as error:
        loader.dispose()
        return None, None, [syntax_problem(error, path, offset, field, fix)]


def _composes_safely(yaml_text: str) -> bool:
    """Whether scan_events can have nothing to say but depth and syntax, and composing
    first is safe: without & * ! there is no anchor, alias or tag, and every level of
    nesting opens with an indicator of its own (- [ { ? :), so their count bounds the
    depth libyaml's composer recurses to (it crashes some 20,000 levels down)."""
    return ("&" not in yaml_text and "*" not in yaml_text and "!" not in yaml_text
            and sum(map(yaml_text.count, _OPENERS)) <= _SAFE_OPENERS)


def _deeper_than(root: yaml.Node | None, limit: int) -> bool:
    """Whether collections nest more than limit levels deep (as scan_events counts them)."""
    level = [root] if isinstance(root, (yaml.MappingNode, yaml.SequenceNode)) else []
    depth = 0
    while level:
        depth += 1
        if depth > limit:
            return True
        children = []
        for node in level:
            if isinstance(node, yaml.MappingNode):
                for pair in node.value:
                    children += pair
            else:
                children += node.value
        level = [n for n in children if isinstance(n, (yaml.MappingNode, yaml.SequenceNode))]
    return False


def _at(event, path: str, offset: int, field: str, message: str) -> Problem:
    mark = event.start_mark
    return Problem(path, mark.line + 1 + offset, mark.column + 1, field, message)


def plain_text_kind(node: yaml.Node) -> str | None:
    """What a bare scalar became when it is not text ("ett tal", ...); None for text."""
    if isinstance(node, yaml.ScalarNode) and node.tag not in (STR_TAG, NULL_TAG):
        return SCALAR_KINDS.get(node.tag, "något annat än text")
    return None


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG


def shape(node: yaml.Node) -> str:
    """What a node is, in the words of the messages: "lista", "samling av fält", "text"."""
    if isinstance(node, yaml.SequenceNode):
        return "lista"
    if isinstance(node, yaml.MappingNode):
        return "samling av fält"
    return "text"


def not_text_message(key: str, node: yaml.Node, kind: str) -> str:
    return (f"ska vara en text, men YAML läser {node.value} som {kind}. Skriv texten inom "
            f"citattecken, till exempel {key}: \"{node.value}\".")


def markup_message(value: str) -> str:
    return (f"\"{value}\" innehåller tecken som tolkas som HTML (< > eller &...;). "
            "Skriv texten utan dem, till exempel \"mindre än\" i stället för <.")
