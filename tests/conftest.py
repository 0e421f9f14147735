"""Shared fixtures: the project root, ../shared (skipped when absent), a session-scoped spaCy pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def shared() -> Path:
    """``../shared`` (read-only material); tests that need it skip cleanly when it is absent."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is not present beside the project")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    from newsclaims.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def convert_text(nlp):
    """Convert an in-memory article text to a record dict (no files involved)."""
    import hashlib

    from newsclaims.pipeline import annotate, parse
    from newsclaims.record import Provenance, Record

    def _convert(text: str, *, id: str = "t", published: str | None = None) -> dict:
        rec = Record(id=id, text=text, source=Provenance(path=f"{id}.txt", sha256=hashlib.sha256(text.encode()).hexdigest(), published=published))
        ((rec, doc),) = list(parse(nlp, [rec]))
        return annotate(rec, doc).to_dict()

    return _convert


@pytest.fixture(scope="session")
def seed_record(root) -> dict:
    import json

    path = root / "data" / "articles" / "train-00000-of-00001.jsonl"
    with open(path, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    return next(r for r in records if r["id"] == "000_fdf2c5db0e68fe77")
