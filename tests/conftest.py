"""Shared fixtures: the spaCy model and the pipeline are loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold"


@pytest.fixture(scope="session")
def nlp():
    from eventdesk.annotate.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def pipeline():
    from eventdesk.api import Pipeline

    return Pipeline()
