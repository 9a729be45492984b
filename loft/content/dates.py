"""Dates as editors write them: a day, a month or only a year."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)
_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
FORMAT_HELP = "Skriv datumet som ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ, till exempel 2023-05-15."


class DateError(ValueError):
    """The text is not a date we accept; the message is Swedish."""


@dataclass(frozen=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        match = _PATTERN.match(text.strip())
        if not match:
            raise DateError(f"\"{text}\" är inte ett datum i rätt form. {FORMAT_HELP}")
        year, month, day = (int(g) if g else None for g in match.groups())
        if not 1900 <= year <= 2100:
            raise DateError(f"året {year} är orimligt. {FORMAT_HELP}")
        if month is not None and not 1 <= month <= 12:
            raise DateError(f"\"{text}\": månad {month} finns inte (1–12). {FORMAT_HELP}")
        if day is not None:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise DateError(
                    f"\"{text}\" finns inte: {MONTHS[month - 1]} {year} har {last} dagar."
                )
        return cls(year, month, day)

    @property
    def iso(self) -> str:
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        return text

    @property
    def swedish(self) -> str:
        """"15 maj 2023", "maj 2023" or "2023"."""
        if self.day:
            return f"{self.day} {MONTHS[self.month - 1]} {self.year}"
        if self.month:
            return f"{MONTHS[self.month - 1]} {self.year}"
        return str(self.year)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        # A date known only to the month or year sorts before the precise dates in it.
        return (self.year, self.month or 0, self.day or 0)
