"""Train the boundary chooser on the PolNeAR train split and write it to the package resources.

    python scripts/train_boundary_model.py ../shared/eval/polnear/train
    python scripts/train_boundary_model.py ../shared/eval/polnear/train --cross-validate 5

Only feature weights (lemmas, labels, numbers) are written; no PolNeAR text enters the project.

``--cross-validate K`` writes nothing: it splits the articles into K folds (article i in fold
i mod K), fits the chooser on K-1 folds, runs the whole pipeline on the held-out fold with it, and
scores the pooled held-out predictions as ``newsclaims eval attributions`` does; it also prints how
often the chooser picks the gold edge among the candidates, against keeping the content as it is.
With ``--cue-model`` the cue model is cross-fitted on the same folds too (both held out). Parsed
docs are cached under ``--cache`` (as ``scripts/attribution_errors.py`` does).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newsclaims.extract.boundary_model import (
    END_MARGIN,
    MODEL,
    START_MARGIN,
    article_groups,
    fit_groups,
    format_boundary_model,
    group_accuracy,
    using_model,
)

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsclaims" / "resources" / MODEL


def cross_validate(articles, docs, groups, folds: int, *, cue_model: bool = False, margins: tuple[float, float] = (END_MARGIN, START_MARGIN)):
    """``(scored articles, accuracy lines)`` of ``folds``-fold cross-fitting of the chooser."""
    from contextlib import ExitStack

    from newsclaims.evaluate.attributions import scored_article
    from newsclaims.extract import cue_model as cues
    from newsclaims.extract.cues import speech_lemmas

    speech = speech_lemmas()
    cue_examples = [cues.article_examples(a, d) for a, d in zip(articles, docs)] if cue_model else None
    scored: list = [None] * len(articles)
    tally = [0, 0, 0, 0, 0, 0]
    for fold in range(folds):
        train = [i for i in range(len(articles)) if i % folds != fold]
        weights = fit_groups([g for i in train for g in groups[i][0]], [g for i in train for g in groups[i][1]])
        held = range(fold, len(articles), folds)
        for side in (0, 1):
            n, right, kept = group_accuracy([g for i in held for g in groups[i][side]], weights)
            tally[3 * side:3 * side + 3] = [a + b for a, b in zip(tally[3 * side:3 * side + 3], (n, right, kept))]
        with ExitStack() as stack:
            if cue_model:
                stack.enter_context(cues.using_model(cues.fit([ex for i in train for ex in cue_examples[i]])))
            stack.enter_context(using_model(weights, *margins))
            for i in held:
                scored[i] = scored_article(articles[i], docs[i], speech)
    lines = [f"held-out {side} groups {n}: chooser right {right} ({right / max(n, 1):.3f}), as-is right {kept} ({kept / max(n, 1):.3f})"
             for side, (n, right, kept) in (("end", tally[:3]), ("start", tally[3:]))]
    return scored, lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", type=Path, help="PolNeAR train split folder (text/ and attributions/)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--model", default=None, help="spaCy model to parse with")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--cross-validate", type=int, default=0, metavar="K",
                        help="print pooled held-out scores of K-fold cross-fitting instead of writing the model")
    parser.add_argument("--cue-model", action="store_true", help="cross-fit the cue model on the same folds too")
    parser.add_argument("--end-margin", type=float, default=END_MARGIN, help="(with --cross-validate)")
    parser.add_argument("--start-margin", type=float, default=START_MARGIN, help="(with --cross-validate)")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/attr-cache"), help="parsed-doc cache")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "scripts"))
    from train_cue_model import parsed_split

    t0 = time.perf_counter()
    articles, docs = parsed_split(args.split, cache=args.cache, limit=args.limit, model=args.model)
    groups = [article_groups(a, d) for a, d in zip(articles, docs)]
    if args.cross_validate:
        from newsclaims.evaluate.attributions import KEYS, score

        scored, lines = cross_validate(articles, docs, groups, args.cross_validate, cue_model=args.cue_model,
                                       margins=(args.end_margin, args.start_margin))
        print(f"{args.cross_validate}-fold cross-fitted boundary chooser (margins {args.end_margin}, {args.start_margin})"
              f"{' and cue model' if args.cue_model else ''} ({time.perf_counter() - t0:.0f} s)")
        print("\n".join(lines))
        result = score(scored)
        print(result.format())
        print("all, 4 places: " + ", ".join(f"{k} {v:.4f}" for k, v in result.scores("all").items() if k in KEYS))
        return
    weights = fit_groups([g for a in groups for g in a[0]], [g for a in groups for g in a[1]])
    args.out.write_text(format_boundary_model(weights, source=f"PolNeAR {Path(args.split).name} split"), encoding="utf-8")
    print(f"wrote {args.out} ({len(weights)} features)")


if __name__ == "__main__":
    main()
