import pytest

from eventdesk.extraction.numbers import age_of, parse_number, read_number, tokenize


@pytest.mark.parametrize("text,value", [
    ("six", 6), ("138", 138), ("two dozen", 24), ("1,000", 1000), ("a dozen", 12),
    ("twenty-one", 21), ("one hundred and twenty", 120), ("1.5 million", 1_500_000),
    ("three thousand five hundred", 3500), ("half a dozen", 6), ("at least 12", 12),
    ("more than 70", 70), ("nine people", 9),
    ("hundreds", None), ("dozens", None), ("several", None), ("a", None), ("the", None),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_ages_are_not_counts():
    assert age_of("three-year-old") == 3
    assert age_of("14-year-old") == 14
    assert age_of("six-month-old") == 0
    assert age_of("girl") is None


def test_tokens_carry_offsets():
    text = "Shells hit Kupiansk, wounding a 70-year-old woman."
    for t in tokenize(text):
        assert text[t.start:t.end] == t.text
    toks = tokenize(text)
    i = [t.low for t in toks].index("a")
    assert read_number(toks, i) is None  # "a" alone is not a count
