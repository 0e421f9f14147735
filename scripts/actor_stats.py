#!/usr/bin/env python3
"""Actors across a corpus: actors and persons per article, and how many pronoun sources of quotes
and claims ("he said") name an actor that the article also names.

    python scripts/actor_stats.py ../shared/corpus [--jobs N] [--sample-out FILE]

Prints one line per source folder and a total; research-only text is read in place, never copied.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

from newsclaims.pipeline import convert

PRONOUNS = frozenset({"he", "she", "him", "her", "his", "they", "them", "their", "it", "its", "we", "i"})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="folder of <source>/*.txt articles (e.g. ../shared/corpus)")
    parser.add_argument("--jobs", "-j", type=int, default=1)
    parser.add_argument("--sample-out", type=Path, default=None, help="write each record's actors as JSONL here")
    args = parser.parse_args(argv)
    paths = sorted(p for p in args.corpus.glob("*/*.txt") if p.name != "SOURCE.txt")
    if not paths:
        print(f"no articles under {args.corpus}/<source>/*.txt", file=sys.stderr)
        return 1
    stats: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    by_pronoun: collections.Counter = collections.Counter()
    named_by_pronoun: collections.Counter = collections.Counter()
    out = open(args.sample_out, "w", encoding="utf-8") if args.sample_out else None
    for outcome in convert(paths, root=args.corpus, jobs=args.jobs):
        s = stats[Path(outcome.path).parts[0]]
        if outcome.record is None:
            s["errors"] += 1
            continue
        record = outcome.record
        s["articles"] += 1
        s["actors"] += len(record.actors)
        s["persons"] += sum(a.type == "person" for a in record.actors)
        actors = {a.id: a for a in record.actors}
        for item in [*record.quotes, *record.claims]:
            if item.source is None or item.source.text.strip().lower() not in PRONOUNS:
                continue
            word = item.source.text.strip().lower()
            s["pronoun sources"] += 1
            by_pronoun[word] += 1
            speaker = actors.get(item.speaker)
            if speaker and any(m.text.strip().lower() not in PRONOUNS for m in speaker.mentions):
                s["named"] += 1
                named_by_pronoun[word] += 1
        if out:
            out.write(json.dumps({"path": outcome.path, "actors": [a.to_dict() for a in record.actors]}, ensure_ascii=False) + "\n")
    if out:
        out.close()
    total: collections.Counter = collections.Counter()
    for source, s in sorted(stats.items()):
        total.update(s)
        print(_line(source, s))
    print(_line("all", total))
    print("pronoun sources naming an actor, by pronoun: " + ", ".join(
        f"{w} {named_by_pronoun[w]}/{n}" for w, n in by_pronoun.most_common()))
    return 0


def _line(name: str, s: collections.Counter) -> str:
    n = max(1, s["articles"])
    share = s["named"] / s["pronoun sources"] if s["pronoun sources"] else 0.0
    return (f"{name:<22} {s['articles']:>4} articles ({s['errors']} errors)  {s['actors'] / n:5.1f} actors/article  "
            f"{s['persons'] / n:4.1f} persons/article  pronoun sources naming an actor {s['named']}/{s['pronoun sources']} ({share:.0%})")


if __name__ == "__main__":
    sys.exit(main())
