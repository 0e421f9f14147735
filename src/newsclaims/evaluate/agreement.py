"""How far PolNeAR's annotators agree with each other, next to the pipeline on the same articles.

Some PolNeAR articles were marked by several annotators. Scoring every annotator against every other
one (each ordered pair: one as gold, the other as prediction) with the scorer of
:mod:`newsclaims.evaluate.attributions` gives the agreement the gold itself reaches on content
overlap, exact content, speaker and cue; scoring the pipeline against each annotator of the same
articles puts the system on the same footing. A target above the annotators' own agreement measures
the annotation as much as the system.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import permutations
from pathlib import Path

from newsclaims.errors import NewsclaimsError
from newsclaims.evaluate.attributions import KEYS, Result, article_record, gold_items, score, scored_article
from newsclaims.evaluate.polnear import GoldArticle, read_annotators


@dataclass(slots=True)
class Agreement:
    articles: int
    markings: int
    annotators: Result
    system: Result

    def format(self) -> str:
        lines = [f"PolNeAR articles marked by several annotators: {self.articles} ({self.markings} markings)"]
        widths = [max(12, len(k) + 2) for k in KEYS]
        lines.append(f"{'':34}" + "".join(f"{k:>{w}}" for k, w in zip(KEYS, widths)))
        for label, result in (("annotator vs annotator", self.annotators), ("system vs each annotator", self.system)):
            for which in result.counts:
                s = result.scores(which)
                lines.append(f"{label:26}{which:8}" + "".join(f"{s[k]:>{w}.3f}" for k, w in zip(KEYS, widths)))
        return "\n".join(lines)


def agreement_rows(markings: list[GoldArticle], doc, speech_lemmas: frozenset[str]):
    """``(annotator rows, system rows)`` of one article as :func:`score` takes them: every ordered
    pair of its annotators, and the pipeline's items (``doc`` annotated) against each annotator."""
    text, first, pred = scored_article(markings[0], doc, speech_lemmas)
    items = [first] + [gold_items(m, doc, speech_lemmas) for m in markings[1:]]
    pairs = [(text, items[i], items[j]) for i, j in permutations(range(len(markings)), 2)]
    return pairs, [(text, gold, pred) for gold in items]


def evaluate(gold: str | Path, *, model: str | None = None, limit: int | None = None) -> Agreement:
    """Annotator-vs-annotator and system-vs-annotator scores on the articles of a PolNeAR split
    folder that several annotators marked."""
    from newsclaims.extract.cues import speech_lemmas
    from newsclaims.nlp import load_nlp
    from newsclaims.pipeline import parse

    articles = read_annotators(gold, limit=limit)
    if not articles:
        raise NewsclaimsError(f"{gold}: no article there was marked by several annotators")
    nlp = load_nlp(model)
    speech = speech_lemmas()
    human, system = [], []
    for markings, (_, doc) in zip(articles, parse(nlp, [article_record(m[0]) for m in articles])):
        pairs, against = agreement_rows(markings, doc, speech)
        human += pairs
        system += against
    return Agreement(len(articles), sum(len(m) for m in articles), score(human), score(system))
