"""Problems: content errors as values, collected over the whole corpus."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file, said in Swedish with the fix spelled out."""

    path: str  # POSIX path from the repository root
    line: int | None
    column: int | None
    field: str
    message: str

    def format(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        return f"{where}: {self.field}: {self.message}"


class ContentError(Exception):
    """Raised at the edge when problems were found; carries all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = in_order(problems)
        super().__init__(format_report(self.problems))


def in_order(problems) -> list[Problem]:
    """Problems as an editor reads them: by file, line, column, field."""
    return sorted(problems, key=lambda p: (p.path, p.line or 0, p.column or 0, p.field))


def format_report(problems: list[Problem]) -> str:
    problems = in_order(problems)
    count = len(problems)
    files = len({p.path for p in problems})
    head = (
        f"Innehållet har {count} fel i {files} {'fil' if files == 1 else 'filer'} "
        "som måste rättas innan webbplatsen kan byggas:"
    )
    return "\n".join([head, *(f"  {p.format()}" for p in problems)])
