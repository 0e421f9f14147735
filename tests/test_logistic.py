"""The L-BFGS logistic regression shared by the cue model, boundary chooser and pronoun ranker."""

from __future__ import annotations

import math
import random

import pytest

from newsclaims.extract.cue_model import fit as fit_cues
from newsclaims.extract.cue_model import probability
from newsclaims.extract.logistic import BIAS, fit


def _rows(n: int, seed: int = 0) -> tuple[list[dict[str, float]], list[bool]]:
    """Rows drawn from a known model: P(y) = sigmoid(-1 + 2 a - 3 b)."""
    rng = random.Random(seed)
    rows, labels = [], []
    for _ in range(n):
        row = {k: 1.0 for k in ("a", "b") if rng.random() < 0.5}
        z = -1.0 + 2.0 * row.get("a", 0.0) - 3.0 * row.get("b", 0.0)
        rows.append(row)
        labels.append(rng.random() < 1.0 / (1.0 + math.exp(-z)))
    return rows, labels


def test_the_fit_recovers_the_weights_of_the_data():
    weights = fit(*_rows(20000), l2=0.0)
    assert weights == pytest.approx({BIAS: -1.0, "a": 2.0, "b": -3.0}, abs=0.15)


def test_the_fit_does_not_depend_on_the_order_of_the_examples():
    rows, labels = _rows(2000)
    order = list(range(len(rows)))
    random.Random(1).shuffle(order)
    first = fit(rows, labels, l2=3.0)
    again = fit([rows[i] for i in order], [labels[i] for i in order], l2=3.0)
    assert again == pytest.approx(first, abs=1e-5)


def test_the_penalty_shrinks_the_weights_but_not_the_intercept():
    rows, labels = _rows(400)
    loose, tight = fit(rows, labels, l2=0.0), fit(rows, labels, l2=1000.0)
    assert abs(tight["a"]) < abs(loose["a"]) / 3 and abs(tight["b"]) < abs(loose["b"]) / 3
    # with the features all but silenced the intercept still carries the base rate
    base = sum(labels) / len(labels)
    assert 1.0 / (1.0 + math.exp(-tight[BIAS])) == pytest.approx(base, abs=0.05)


def test_the_cue_model_drops_rare_features_and_keeps_the_intercept_name():
    examples = [(["bias", "lemma=say"], True)] * 30 + [(["bias", "lemma=walk"], False)] * 30 + [(["bias", "lemma=once"], True)]
    weights = fit_cues(examples, l2=0.1, min_count=3)
    assert "lemma=once" not in weights  # seen once
    assert probability(["bias", "lemma=say"], weights) > 0.9 > 0.1 > probability(["bias", "lemma=walk"], weights)
