"""The wars table (resolve.wars): which state's forces fight on another's soil, and since when."""

from __future__ import annotations

from datetime import date

import pytest

from eventdesk.errors import ConfigError
from eventdesk.resolve import wars


def test_invader_by_country_and_day():
    assert wars.invader("UKR", date(2023, 8, 28)) == "RUS"
    assert wars.invader("UKR", date(2022, 2, 23)) is None  # before the full-scale invasion
    assert wars.invader("RUS", date(2024, 8, 20)) == "UKR"  # the Kursk incursion
    assert wars.invader("RUS", date(2024, 5, 1)) is None
    assert wars.invader("FRA", date(2024, 5, 1)) is None
    assert wars.invader(None, date(2024, 5, 1)) is None
    assert wars.invader("UKR", None) is None


@pytest.mark.parametrize("row, message", [
    ("UKR,RUS,2022-13-01,,x", "bad date"),
    ("UKR,UKR,2022-02-24,,x", "two different ISO3 codes"),
    ("UK,RUS,2022-02-24,,x", "two different ISO3 codes"),
])
def test_bad_rows_name_the_file_and_line(tmp_path, monkeypatch, row, message):
    path = tmp_path / "wars.csv"
    path.write_text("country,adversary,since,until,war\n" + row + "\n", encoding="utf-8")
    monkeypatch.setattr(wars, "PATH", path)
    wars._table.cache_clear()
    try:
        with pytest.raises(ConfigError, match=message) as info:
            wars.invader("UKR", date(2023, 1, 1))
        assert "wars.csv:2" in str(info.value)
    finally:
        monkeypatch.undo()
        wars._table.cache_clear()


def test_foe_either_side_of_a_row():
    assert wars.foe("RUS", date(2023, 5, 30)) == "UKR"  # air war before the incursion
    assert wars.foe("UKR", date(2023, 5, 30)) == "RUS"
    assert wars.foe("RUS", date(2021, 5, 30)) is None
    assert wars.foe("ISR", date(2024, 4, 14)) is None
    assert wars.foe(None, date(2024, 4, 14)) is None
