"""Train the cue model on the PolNeAR train split and write it to the package resources.

    python scripts/train_cue_model.py ../shared/eval/polnear/train

Only feature weights (lemmas, labels, numbers) are written; no PolNeAR text enters the project.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsclaims.extract.cue_model import MODEL, format_model, train

OUT = Path(__file__).resolve().parents[1] / "src" / "newsclaims" / "resources" / MODEL


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", help="PolNeAR train split folder (text/ and attributions/)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--model", default=None, help="spaCy model to parse with")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    weights = train(args.split, model=args.model, limit=args.limit)
    args.out.write_text(format_model(weights, source=f"PolNeAR {Path(args.split).name} split"), encoding="utf-8")
    print(f"wrote {args.out} ({len(weights)} features)")


if __name__ == "__main__":
    main()
