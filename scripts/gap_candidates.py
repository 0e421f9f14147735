"""Where the pronoun resolver loses GAP referents: a breakdown of the rows by what happened to the name.

    python scripts/gap_candidates.py ../shared/eval/gap/gap-validation.tsv [--limit N] [--show CATEGORY]

For every row whose pronoun refers to A or B, the referent is either chosen (right), a candidate
ranked below another (ranker), or no candidate of the pronoun at all; then the name is a person
that the binding, gender or reach constraints left out, an actor of another type (a person typed
as place or organisation), or no actor (a name recognition missed). Counts per pronoun gender;
``--show`` lists the row ids of one category. Prints ids and counts only, no GAP text. The packaged
ranker was trained on GAP validation and development, so on those the breakdown is in-sample.
"""

from __future__ import annotations

import argparse
import collections
from pathlib import Path

from newsclaims.evaluate.coref import diagnose, parse_examples, read_gap
from newsclaims.extract.actors import extract_actors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", help="GAP TSV (e.g. gap-development.tsv)")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--model", default=None, help="spaCy model to parse with")
    parser.add_argument("--cache", default=None, help="folder keeping parsed snippets between runs")
    parser.add_argument("--show", default=None, help="list the row ids of this category")
    args = parser.parse_args()
    rows = read_gap(args.gold, limit=args.limit)
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    shown: list[str] = []
    for ex, doc in zip(rows, parse_examples(rows, model=args.model, cache=args.cache)):
        trace: list = []
        actors = extract_actors(doc, coref_trace=trace)
        cands = next((c for at, c in trace if at == ex.pronoun_offset), [])
        cat = diagnose(ex, actors, cands)
        counts[cat][ex.gender] += 1
        if cat == args.show:
            shown.append(ex.id)
    total = collections.Counter({g: sum(c[g] for c in counts.values()) for g in ("masculine", "feminine")})
    print(f"GAP {Path(args.gold).name}: {len(rows)} rows")
    print(f"{'':<46}{'masculine':>14}{'feminine':>14}")
    for cat, c in sorted(counts.items(), key=lambda kv: -sum(kv[1].values())):
        cells = "".join(f"{c[g]:>6} {c[g] / total[g]:>6.1%}" if total[g] else f"{0:>14}" for g in ("masculine", "feminine"))
        print(f"{cat:<46}{cells}")
    if args.show is not None:
        print(f"{args.show}: {' '.join(shown) or '(none)'}")


if __name__ == "__main__":
    main()
