"""Train the pronoun ranker on GAP validation + development, or measure it by cross-validation.

    python scripts/train_coref_model.py ../shared/eval/gap/gap-validation.tsv ../shared/eval/gap/gap-development.tsv
    python scripts/train_coref_model.py ../shared/eval/gap/gap-validation.tsv ../shared/eval/gap/gap-development.tsv --cross-validate 5
    python scripts/train_coref_model.py ... --cross-validate 5 --repeats 5

GAP's development split is its training/development data and GAP test is the split the team
verifies on, so the ranker is fitted on validation and development; any file named *test* is
refused. Because development is then seen in training, its honest score is the cross-validated
one: ``--cross-validate K`` splits the LAST file into K folds, resolves each fold with a ranker
fitted on the other files plus the other folds, and prints the pooled held-out predictions scored as
``newsclaims eval coref`` scores them (F1 overall / masculine / feminine, bias F/M); it writes no
model. ``--repeats N`` repeats it over N splits (the plain one, then N-1 with the rows shuffled) and
prints the mean: one split's bias moves by about 0.01 with the split alone. Without it the ranker is fitted on all rows and written to the package resources, with the
training files (name, sha256, rows) in its header. Only feature weights and a threshold are
written; no GAP text. ``--cache DIR`` keeps the parsed snippets (spaCy DocBin) between runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsclaims.evaluate.coref import read_gap
from newsclaims.extract.coref_model import L2, MODEL, cross_validate, format_model, sha256, train

OUT = Path(__file__).resolve().parents[1] / "src" / "newsclaims" / "resources" / MODEL


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", help="GAP TSVs to train on (gap-validation.tsv gap-development.tsv)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--model", default=None, help="spaCy model to parse with")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N rows of each file")
    parser.add_argument("--rounds", type=int, default=1, help="training rounds (each traces with the previous model)")
    parser.add_argument("--l2", type=float, nargs="+", default=[L2],
                        help="L2 penalty strength; several values are each cross-validated (default %(default)s, the one cross-validation chose)")
    parser.add_argument("--cross-validate", type=int, default=0, metavar="K",
                        help="K-fold cross-validation over the last file; prints scores, writes no model")
    parser.add_argument("--repeats", type=int, default=1, metavar="N",
                        help="with --cross-validate: also N-1 splits with shuffled folds, and the mean of all N")
    parser.add_argument("--cache", type=Path, default=None, help="folder keeping parsed snippets between runs")
    args = parser.parse_args()
    for gold in args.gold:
        if "test" in Path(gold).name.lower():
            parser.error(f"{gold}: GAP test is the split the team verifies on; never train on it")
    if args.cross_validate:
        for l2 in args.l2:
            results = cross_validate(args.gold, folds=args.cross_validate, model=args.model, limit=args.limit,
                                     rounds=args.rounds, l2=l2, cache=args.cache, seeds=range(args.repeats))
            print(f"l2 {l2:g}, rounds {args.rounds}:")
            for result in results:
                print(result.format())
            if len(results) > 1:
                print(mean_line(results))
        return
    if len(args.l2) != 1:
        parser.error("give one --l2 when training (choose it with --cross-validate)")
    weights, threshold = train(args.gold, model=args.model, limit=args.limit, rounds=args.rounds, l2=args.l2[0],
                               cache=args.cache)
    sources = [(Path(gold).name, sha256(gold), len(read_gap(gold, limit=args.limit))) for gold in args.gold]
    args.out.write_text(format_model(weights, threshold, sources=sources, settings=f"l2={args.l2[0]:g} rounds={args.rounds}"),
                        encoding="utf-8")
    print(f"wrote {args.out} ({len(weights)} features, threshold {threshold:.2f})")


def mean_line(results) -> str:
    """The mean F1 (overall, masculine, feminine) and bias of repeated cross-validation, with the
    spread of the overall F1 and of the bias."""
    from statistics import mean, pstdev

    overall = [r.overall.f1 for r in results]
    bias = [r.bias for r in results]
    return (f"Mean of {len(results)} splits: f1 {mean(overall):.4f} (sd {pstdev(overall):.4f})  "
            f"masculine {mean(r.masculine.f1 for r in results):.4f}  feminine {mean(r.feminine.f1 for r in results):.4f}  "
            f"bias {mean(bias):.4f} (sd {pstdev(bias):.4f})")


if __name__ == "__main__":
    main()
