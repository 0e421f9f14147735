"""Train the cue model on the PolNeAR train split and write it to the package resources.

    python scripts/train_cue_model.py ../shared/eval/polnear/train
    python scripts/train_cue_model.py ../shared/eval/polnear/train --cross-validate 5

Only feature weights (lemmas, labels, numbers) are written; no PolNeAR text enters the project.

``--cross-validate K`` writes nothing: it splits the articles into K folds (article i in fold
i mod K), fits the model on K-1 folds, runs the whole pipeline on the held-out fold with it, and
scores the pooled held-out predictions as ``newsclaims eval attributions`` does, so that feature
sets and thresholds can be compared on train without scoring a model on the articles it was fitted
to. Parsed docs are cached under ``--cache`` (as ``scripts/attribution_errors.py`` does).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newsclaims.extract.cue_model import (
    MODEL,
    NESTED_THRESHOLD,
    THRESHOLD,
    article_examples,
    examples,
    fit,
    format_model,
    using_model,
)

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsclaims" / "resources" / MODEL


def parsed_split(split: Path, *, cache: Path, limit: int | None, model: str | None):
    """The split's gold articles and their parsed docs (cached as ``scripts/attribution_errors.py`` caches them)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from attribution_errors import parsed_docs

    from newsclaims.evaluate.polnear import read_split
    from newsclaims.nlp import load_nlp

    articles = read_split(split, limit=limit)
    return articles, parsed_docs(load_nlp(model), [a.text for a in articles], cache)


def cross_validate(split: Path, folds: int, *, cache: Path, limit: int | None, threshold: float = THRESHOLD,
                   nested_threshold: float = NESTED_THRESHOLD, model: str | None = None):
    """``(text, gold items, held-out predicted items)`` of every article of ``split`` under
    ``folds``-fold cross-fitting, for :func:`newsclaims.evaluate.attributions.score`."""
    from newsclaims.evaluate.attributions import scored_article
    from newsclaims.extract.cues import speech_lemmas

    articles, docs = parsed_split(split, cache=cache, limit=limit, model=model)
    per_article = [article_examples(a, d) for a, d in zip(articles, docs)]
    speech = speech_lemmas()
    scored: list = [None] * len(articles)
    for fold in range(folds):
        weights = fit([ex for i, exs in enumerate(per_article) if i % folds != fold for ex in exs])
        with using_model(weights, threshold, nested_threshold):
            for i in range(fold, len(articles), folds):
                scored[i] = scored_article(articles[i], docs[i], speech)
    return scored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", type=Path, help="PolNeAR train split folder (text/ and attributions/)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--model", default=None, help="spaCy model to parse with")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--cross-validate", type=int, default=0, metavar="K",
                        help="print pooled held-out scores of K-fold cross-fitting instead of writing the model")
    parser.add_argument("--threshold", type=float, default=THRESHOLD, help="keep threshold (with --cross-validate)")
    parser.add_argument("--nested-threshold", type=float, default=NESTED_THRESHOLD,
                        help="keep threshold of a cue inside a kept content (with --cross-validate)")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/attr-cache"), help="parsed-doc cache")
    args = parser.parse_args()
    if args.cross_validate:
        from newsclaims.evaluate.attributions import score

        t0 = time.perf_counter()
        result = score(cross_validate(args.split, args.cross_validate, cache=args.cache, limit=args.limit,
                                threshold=args.threshold, nested_threshold=args.nested_threshold, model=args.model))
        print(f"{args.cross_validate}-fold cross-fitted, threshold {args.threshold}, nested {args.nested_threshold} ({time.perf_counter() - t0:.0f} s)")
        print(result.format())
        return
    articles, docs = parsed_split(args.split, cache=args.cache, limit=args.limit, model=args.model)
    weights = fit(examples(articles, docs))
    args.out.write_text(format_model(weights, source=f"PolNeAR {Path(args.split).name} split"), encoding="utf-8")
    print(f"wrote {args.out} ({len(weights)} features)")


if __name__ == "__main__":
    main()
