"""Train the pronoun ranker on GAP validation and write it to the package resources.

    python scripts/train_coref_model.py ../shared/eval/gap/gap-validation.tsv

Train on GAP validation only: development is the split `newsclaims eval coref` reports, test the
one the team verifies on. Only feature weights and a threshold are written; no GAP text.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsclaims.extract.coref_model import MODEL, format_model, train

OUT = Path(__file__).resolve().parents[1] / "src" / "newsclaims" / "resources" / MODEL


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", help="GAP TSV to train on (gap-validation.tsv)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--model", default=None, help="spaCy model to parse with")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=1, help="training rounds (each traces with the previous model)")
    args = parser.parse_args()
    if "development" in Path(args.gold).name or "test" in Path(args.gold).name:
        parser.error(f"{args.gold}: train on GAP validation; development and test are for measuring")
    weights, threshold = train(args.gold, model=args.model, limit=args.limit, rounds=args.rounds)
    args.out.write_text(format_model(weights, threshold, source=f"GAP {Path(args.gold).name}"), encoding="utf-8")
    print(f"wrote {args.out} ({len(weights)} features, threshold {threshold:.2f})")


if __name__ == "__main__":
    main()
