"""Wars between states fought on one state's soil (``data/actors/wars.csv``).

A state's own forces fighting at home with no foe named ("Ukrainian troops recaptured
Robotyne", "the army advanced south of Bakhmut") fight the invader's forces, not an armed
group of their own country. The table names, for each such state, the state whose forces
hold part of its territory and since when; :func:`invader` answers for a country and a day.

    >>> invader("UKR", date(2023, 8, 28))
    'RUS'
    >>> invader("UKR", date(2019, 5, 1)) is None
    True
"""

from __future__ import annotations

import csv
import functools
from datetime import date
from pathlib import Path

from eventdesk.errors import ConfigError

PATH = Path(__file__).resolve().parent.parent / "data" / "actors" / "wars.csv"


@functools.lru_cache(maxsize=1)
def _table() -> tuple[tuple[str, str, date, date | None], ...]:
    rows = []
    try:
        with PATH.open(encoding="utf-8", newline="") as fh:
            for n, row in enumerate(csv.DictReader(fh), start=2):
                try:
                    since = date.fromisoformat(row["since"].strip())
                    until = date.fromisoformat(row["until"].strip()) \
                        if (row.get("until") or "").strip() else None
                except (KeyError, ValueError) as exc:
                    raise ConfigError(f"{PATH.name}:{n}: bad date ({exc})") from exc
                country, adversary = row["country"].strip(), row["adversary"].strip()
                if len(country) != 3 or len(adversary) != 3 or country == adversary:
                    raise ConfigError(f"{PATH.name}:{n}: country and adversary must be two "
                                      f"different ISO3 codes, not {country!r}/{adversary!r}")
                rows.append((country, adversary, since, until))
    except OSError as exc:
        raise ConfigError(f"cannot read {PATH}: {exc}") from exc
    return tuple(rows)


def invader(country: str | None, day: date | None) -> str | None:
    """The state whose forces fight on ``country``'s soil on ``day``, if the table has one."""
    if not country or day is None:
        return None
    for c, adversary, since, until in _table():
        if c == country and since <= day and (until is None or day <= until):
            return adversary
    return None


def foe(country: str | None, day: date | None) -> str | None:
    """The state at war with ``country`` on ``day`` by the table, either side of a row
    (Ukraine's foe is Russia since 2022-02-24, and Russia's is Ukraine from the same day),
    or None when the table has none or more than one.

    Drones or missiles downed over a state at war, with no sender named ("air defences downed
    drones over the city of Kaluga"), were that state's foe's.

    >>> foe("RUS", date(2023, 5, 30))
    'UKR'
    >>> foe("ISR", date(2024, 4, 14)) is None
    True
    """
    if not country or day is None:
        return None
    foes = {b if a == country else a for a, b, since, until in _table()
            if country in (a, b) and since <= day and (until is None or day <= until)}
    return foes.pop() if len(foes) == 1 else None
