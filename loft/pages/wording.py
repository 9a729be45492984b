"""Swedish wording shared by every page: counts, lists and sizes."""

from __future__ import annotations

from loft.content.model import Item

GENERIC_NOUNS = ("titel", "titlar")  # items of any type: news are not publications


def count_text(count: int, nouns: tuple[str, str] = GENERIC_NOUNS) -> str:
    return f"{count} {nouns[0] if count == 1 else nouns[1]}"


def mixed_count(items: list[Item], types) -> str:
    """Items counted by type: "2 rapporter, 1 mall och 3 nyheter" (news are not publications)."""
    counts = {}
    for item in items:
        counts[item.type.id] = counts.get(item.type.id, 0) + 1
    parts = [count_text(counts[t.id], t.count_nouns) for t in types if counts.get(t.id)]
    return join_and(parts) if parts else count_text(0)


def format_size(size: int) -> str:
    """Swedish file size: "350 kB", "1,2 MB"."""
    if size < 1000:
        return f"{size} byte"
    if size < 1_000_000:
        return f"{round(size / 1000)} kB"
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


def join_and(values: tuple[str, ...] | list[str]) -> str:
    """"A", "A och B", "A, B och C"."""
    values = list(values)
    if len(values) <= 1:
        return "".join(values)
    return ", ".join(values[:-1]) + " och " + values[-1]


def all_of(plural: str) -> str:
    """"Alla rapporter", but "Allt material" (a mass noun)."""
    return "Allt material" if plural.lower() == "material" else f"Alla {plural.lower()}"
