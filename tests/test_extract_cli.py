"""`eventdesk extract` on files, stdin and JSONL, including bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from eventdesk.cli import main

ARTICLE = ("Russian artillery shelled the town of Marhanets on Monday, wounding two people, "
           "the regional governor said.\n")


@pytest.fixture(autouse=True)
def _warm(pipeline, monkeypatch):
    # the CLI builds its own Pipeline; share the loaded one to keep the tests fast
    import eventdesk.api

    monkeypatch.setattr(eventdesk.api, "Pipeline", lambda **kw: pipeline)


def test_table_output(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    assert main(["extract", str(f), "--published", "2025-03-04"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("TYPE")
    assert "ASSAULT" in out and "Marhanets" in out and "2025-03-03" in out


def test_jsonl_input_and_output(tmp_path, capsys):
    docs = tmp_path / "docs.jsonl"
    docs.write_text(
        json.dumps({"id": "d1", "text": ARTICLE, "published": "2025-03-04", "extra": 1}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "d2", "published": "2025-03-04"}) + "\n",
        encoding="utf-8")
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "d2.txt").write_text("Police detained 40 protesters in Minsk on Sunday.\n")
    code = main(["extract", "--jsonl", str(docs), "--texts", str(texts), "--format", "jsonl"])
    captured = capsys.readouterr()
    events = [json.loads(line) for line in captured.out.splitlines()]
    assert {e["doc_id"] for e in events} == {"d1", "d2"}
    assert f"{docs}:2" in captured.err and "malformed JSON" in captured.err
    assert code == 2


def test_strict_stops_at_first_bad_line(tmp_path, capsys):
    docs = tmp_path / "docs.jsonl"
    docs.write_text("[1, 2]\n" + json.dumps({"id": "d1", "text": ARTICLE}) + "\n")
    assert main(["extract", "--jsonl", str(docs), "--strict", "--format", "jsonl"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "not a JSON object" in captured.err


def test_binary_and_undecodable_files(tmp_path, capsys):
    b = tmp_path / "image.bin"
    b.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Les forces ont bombard\xe9 la ville.".encode("latin-1"))
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    code = main(["extract", str(b), str(latin), str(good), "--published", "2025-03-04"])
    captured = capsys.readouterr()
    assert code == 2
    assert f"{b}: binary file" in captured.err
    assert f"{latin}: not UTF-8" in captured.err
    assert "Marhanets" in captured.out  # the good file is still coded
    assert "Traceback" not in captured.err


def test_missing_file_and_no_input(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nope.txt")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["extract"]) == 2
    assert "no input" in capsys.readouterr().err


def test_missing_published_warns(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE)
    assert main(["extract", str(f)]) == 0
    assert "no publication date" in capsys.readouterr().err


def test_stdin_in_a_real_process(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "eventdesk", "extract", "-", "--published", "2025-03-04",
         "--format", "json"],
        input=ARTICLE.encode(), capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    events = json.loads(proc.stdout)
    assert events and events[0]["type"] == "ASSAULT"
    assert events[0]["location"]["name"] == "Marhanets"


FOLLOW_UPS = ("Drone strike hits Kherson market\n\n"
              "A Russian drone struck a market in Kherson on Saturday morning, the governor "
              "said. The attack also damaged two buses and a shop. In the spring of 2023 "
              "the same market was shelled for a week.\n")


def test_explain_table_and_json(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(FOLLOW_UPS, encoding="utf-8")
    assert main(["extract", str(f), "--published", "2025-05-10", "--explain"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert sum(line.startswith("ASSAULT") for line in lines) == 1
    explained = [line for line in lines if line.startswith("  ")]
    assert explained and all("[" in line and "«" in line for line in explained)
    assert main(["extract", str(f), "--published", "2025-05-10", "--explain",
                 "--format", "jsonl"]) == 0
    record = json.loads(capsys.readouterr().out.splitlines()[0])
    assert len(record["events"]) == 1
    rules = {d["rule"] for d in record["decisions"]}
    assert rules & {"merge.within", "incident.headline", "incident.follow_up"}
    assert all(d["reason"] and d["sentence"]["text"] for d in record["decisions"])
