"""`eventdesk eval` on a tiny gold file, with a fake Python API pipeline."""

from __future__ import annotations

import json
import sys
import types
from datetime import date

import pytest

from eventdesk.cli import main
from eventdesk.records import Actor, DateWindow, Document, Event, Place, Span

TEXT_A = ("Russian drones struck Odesa overnight, killing two people and wounding nine. "
          "Kyiv accused Moscow of terror.")
TEXT_B = "Ukraine and Poland agreed on Tuesday to open a new border crossing."

GOLD = [
    {"id": "a", "published": "2025-05-15", "text": TEXT_A, "events": [
        {"type": "ASSAULT", "actor1": {"country": "RUS", "sector": "MIL"},
         "actor2": {"country": "UKR", "sector": "CVL"},
         "location": {"name": "Odesa", "admin1": "Odesa", "country": "UKR", "lat": 46.4825,
                      "lon": 30.7233, "precision": "city"},
         "date": ["2025-05-14", "2025-05-15"], "fatalities": 2, "injuries": 9,
         "optional": False, "evidence": "Russian drones struck Odesa overnight"},
        {"type": "ACCUSE", "actor1": {"country": "UKR", "sector": "GOV"},
         "actor2": {"country": "RUS", "sector": "GOV"}, "location": None,
         "date": ["2025-05-14", "2025-05-15"], "fatalities": None, "injuries": None,
         "optional": False, "evidence": "Kyiv accused Moscow of terror"},
    ]},
    {"id": "b", "published": "2025-05-14", "events": [
        {"type": "AGREE", "alt_types": ["CONCEDE"], "actor1": {"country": "UKR", "sector": "GOV"},
         "actor2": {"country": "POL", "sector": "GOV"}, "location": None,
         "date": ["2025-05-13", "2025-05-13"], "optional": False,
         "evidence": "Ukraine and Poland agreed on Tuesday"},
    ]},
]


def _span(text: str, needle: str) -> Span:
    at = text.index(needle)
    return Span(at, at + len(needle), needle)


def fake_events(doc: Document) -> list[Event]:
    """What a decent extractor would say: the ASSAULT (one injury off) and a wrong-typed accusation."""
    if doc.id == "a":
        assert doc.published == date(2025, 5, 15)
        sent = _span(doc.text, "Russian drones struck Odesa overnight")
        assault = Event(doc_id="a", type="ASSAULT", trigger=_span(doc.text, "struck"),
                        sentence=sent, actor1=Actor("Russia", "RUS"), actor2=Actor("civilians", "UKR"),
                        location=Place("Odesa", "UKR", 46.48, 30.72, "city", admin1="Odesa"),
                        date=DateWindow(date(2025, 5, 14), date(2025, 5, 15)),
                        fatalities=2, injuries=8)
        reject = Event(doc_id="a", type="REJECT", trigger=_span(doc.text, "accused"),
                       sentence=_span(doc.text, "Kyiv accused Moscow of terror."),
                       actor1=Actor("Kyiv", "UKR"), actor2=Actor("Moscow", "RUS"))
        return [assault, reject]
    assert doc.text == TEXT_B  # read from --texts
    return [Event(doc_id="b", type="CONCEDE", trigger=_span(doc.text, "agreed"),
                  sentence=_span(doc.text, TEXT_B), actor1=Actor("Ukraine", "UKR"),
                  actor2=Actor("Poland", "POL"),
                  date=DateWindow(date(2025, 5, 13), date(2025, 5, 13)))]


class ProcessPipeline:
    def __init__(self) -> None:
        self.seen: list[str] = []

    def process(self, doc: Document) -> list[Event]:
        self.seen.append(doc.id)
        return fake_events(doc)


class PipePipeline(ProcessPipeline):
    def process(self, doc: Document) -> list[Event]:  # pragma: no cover - must not be used
        raise AssertionError("pipe() should be preferred")

    def pipe(self, docs):
        for doc in reversed(list(docs)):  # out of order on purpose
            yield doc, fake_events(doc)


@pytest.fixture
def gold_file(tmp_path):
    path = tmp_path / "tiny.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in GOLD) + "\n", encoding="utf-8")
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "b.txt").write_text(TEXT_B, encoding="utf-8")
    return path, texts


@pytest.fixture(params=[ProcessPipeline, PipePipeline])
def fake_api(request, monkeypatch):
    module = types.ModuleType("eventdesk.api")
    module.Pipeline = request.param
    monkeypatch.setitem(sys.modules, "eventdesk.api", module)
    return module


def test_eval_text_report(gold_file, fake_api, capsys):
    path, texts = gold_file
    assert main(["eval", str(path), "--texts", str(texts), "--errors"]) == 0
    out = capsys.readouterr().out
    assert "3 gold events" in out
    micro = next(line for line in out.splitlines() if line.startswith("micro"))
    assert micro.split()[1:4] == ["0.667", "0.667", "0.667"]  # 2 of 3, 1 false positive
    assert "MISS  g1 ACCUSE" in out and "type REJECT is not ACCUSE" in out
    assert "FP    p1 REJECT" in out and "[accused]" in out
    assert "injuries 9≠8" in out


def test_eval_json_and_limit(gold_file, fake_api, capsys):
    path, texts = gold_file
    assert main(["eval", str(path), "--texts", str(texts), "--json", "--errors"]) == 0
    data = json.loads(capsys.readouterr().out)
    (file_scores,) = data["files"]
    assert file_scores["micro"]["tp"] == 2 and file_scores["micro"]["fp"] == 1
    assert file_scores["per_type"]["AGREE"]["tp"] == 1  # CONCEDE is an alt type
    assert file_scores["fields"]["injuries"] == {"accuracy": 0.0, "correct": 0, "n": 1}
    assert file_scores["fields"]["fatalities"]["n"] == 1  # 'b' has no fatalities key
    assert [e["doc_id"] for e in file_scores["errors"]] == ["a"]
    assert main(["eval", str(path), "--json", "--limit", "1"]) == 0  # 'b' (no text) not read
    data = json.loads(capsys.readouterr().out)
    assert data["files"][0]["documents"] == 1


def test_eval_bad_input(tmp_path, fake_api, capsys):
    assert main(["eval", str(tmp_path / "nope.jsonl")]) == 2
    assert "gold file not found" in capsys.readouterr().err
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "t", "events": [{"type": "FIGHT"}]}\n')
    assert main(["eval", str(bad)]) == 2
    assert f"{bad}:1" in capsys.readouterr().err
    good = tmp_path / "g.jsonl"
    good.write_text('{"id": "x", "events": []}\n')
    assert main(["eval", str(good)]) == 2  # no text and no --texts
    assert "no 'text'" in capsys.readouterr().err


def test_missing_api_is_a_config_error(gold_file, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "eventdesk.api", None)  # import fails
    path, texts = gold_file
    assert main(["eval", str(path), "--texts", str(texts)]) == 2
    assert "Python API is not available" in capsys.readouterr().err


class RulePipeline(ProcessPipeline):
    """Events that name their trigger rules, and a lexicon that lists them."""

    RULES = {"struck": "assault.strike/strike:V", "accused": "accuse/accused",
             "agreed": "agree/agreed"}

    def rules(self):
        return tuple(self.RULES.values()) + ("protest/rally:V",)

    def process(self, doc):
        from eventdesk.records import Evidence

        return [e.replace(evidence=(Evidence("trigger", e.trigger,
                                             rule=self.RULES[e.trigger.text]),))
                for e in fake_events(doc)]


def test_eval_errors_and_rules_report_name_the_rules(gold_file, monkeypatch, capsys):
    module = types.ModuleType("eventdesk.api")
    module.Pipeline = RulePipeline
    monkeypatch.setitem(sys.modules, "eventdesk.api", module)
    path, texts = gold_file
    assert main(["eval", str(path), "--texts", str(texts), "--errors", "--rules"]) == 0
    out = capsys.readouterr().out
    assert "FP    p1 REJECT" in out and "[accused] rule accuse/accused" in out
    report = out[out.index("== trigger rules"):]
    assert "4 rules in the lexicon; 3 fired; 1 never fired; 3 fired in one document only" \
        in report
    never = report[report.index("never fired:"):report.index("fired in one document only:")]
    assert "protest/rally:V" in never and "strike:V" not in never
    assert "assault.strike/strike:V  [1 event: tp 1]  tiny.jsonl:a" in report
    assert "accuse/accused  [1 event: fp 1]  tiny.jsonl:a" in report
    assert main(["eval", str(path), "--texts", str(texts), "--json", "--rules"]) == 0
    data = json.loads(capsys.readouterr().out)["rules"]
    assert data["never_fired"] == ["protest/rally:V"]
    fired = {f["rule"]: f for f in data["fired"]}
    assert fired["agree/agreed"]["tp"] == 1 and fired["agree/agreed"]["documents"] == ["tiny.jsonl:b"]
