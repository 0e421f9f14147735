#!/usr/bin/env python3
"""Long fuzz run of the converter: N generated adversarial articles (default 100,000).

Each input goes the way of a file through ``convert``: its bytes are decoded by the ingest stage
(``decode_article``), parsed and annotated in batches (``convert_records``), and the record is
validated. The property is the one of ``tests/test_fuzz.py``: a valid record or a located error,
never a crash. Inputs run in-process, in batches, so 100,000 fit in minutes on two cores.

    .venv/bin/python scripts/fuzz_convert.py --n 100000 --save fuzz-failures/

Prints a summary (and ``--json`` one JSON object); exit 1 when any input crashed, produced an
invalid record, or made an extractor fail.
"""

from __future__ import annotations

import argparse
import codecs
import hashlib
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

from newsclaims.errors import ArticleError
from newsclaims.ingest import decode_article
from newsclaims.nlp import load_nlp
from newsclaims.pipeline import convert_records
from newsclaims.record import Provenance, Record
from newsclaims.validate import load_policy, record_problems

ROOT = Path(__file__).resolve().parents[1]

PIECES = [
    "WASHINGTON (AP) — ", "TASHKENT (Web Desk/Agencies): ", "NEW DELHI: ", "SAN SALVADOR, 27 SEP 88 (ACAN-EFE) -- ",
    "Paris, Nov 9 (Reuters) - ", "MOSCOW, April 1 , 1997 (AFP) ", "New York, Apr 28 (IANS): ", "On Thursday", " on Monday",
    " said", " says", " wrote", " told reporters", " according to officials", " reaffirmed support for", " denied",
    "“", "”", "\"", "'", "‘", "’", "«", "»", "``", "''", "“nested ‘inner’ quote”", "\"unbalanced", "”reversed“",
    "President Ilham Aliyev", "PM Kakar", "Caretaker Prime Minister Anwaar-ul-Haq Kakar", "He", "she", "they", "It",
    "@anwaar_kakar", "@x", "Mr. Smith", "the ministry", "the Pentagon", "Pakistan", "Azerbaijan's", "U.S.", "the U.N.",
    "😀", "🇵🇰", "👩‍👩‍👧", "مرحبا بالعالم", "שלום עולם", "\u200f", "\u202e", "\u200b", "\u00a0", "\ufeff", "\u2028",
    ".", ",", ":", ";", " ", " ", " ", "\n", "\r\n", "\r", "\t", "\n\n", "—", "–", "-", "(", ")", "[", "]",
    "— Anwaar ul Haq Kakar (@anwaar_kakar) November 9, 2023", "pic.twitter.com/0yFsz7qjEd", "https://t.co/x",
    "2023-11-09", "Feb 30", "31 September", "1,000", "IIOJK", "SAID", "ALL CAPS WIRE COPY SAID THE MINISTER ",
    "Reuter", "(AP)", "By RICHARD KEIL", "Associated Press Writer", "#ECOSummit2023", "&amp;", "<p>", "\\u0000",
]


def generate(rng: random.Random, max_pieces: int) -> bytes:
    """One adversarial article: pieces and random characters, odd encodings, or raw bytes."""
    roll = rng.random()
    if roll < 0.08:
        return rng.randbytes(rng.randrange(0, 200))
    if roll < 0.10:
        return rng.choice([b"", b" ", b"\n\n", b"\r\n\t ", codecs.BOM_UTF8, codecs.BOM_UTF8 + b" \n", b"\x00", b"\xff"])
    parts = []
    for _ in range(rng.randrange(0, max_pieces)):
        if rng.random() < 0.85:
            parts.append(rng.choice(PIECES))
        else:
            parts.append("".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0xA0, 0x2FFF), rng.randrange(0x1F300, 0x1FAFF)]))
                                 for _ in range(rng.randrange(1, 8))))
    data = "".join(parts).encode("utf-8")
    roll = rng.random()
    if roll < 0.1:
        data = codecs.BOM_UTF8 + data
    elif roll < 0.2:
        data = data.replace(b"\n", b"\r\n")
    elif roll < 0.3:
        data = data.upper()
    elif roll < 0.33 and data:
        cut = rng.randrange(len(data))
        data = data[:cut] + bytes([rng.randrange(0x80, 0x100)]) + data[cut + 1:]  # likely invalid UTF-8
    return data


def run_shard(start: int, stop: int, *, seed: int, batch_size: int, max_pieces: int, model: str | None) -> dict:
    """Inputs ``start..stop`` (input i is generated from ``seed`` and i alone: any split gives the
    same inputs). Returns counters and the failing inputs."""
    policy = load_policy(ROOT)
    load_nlp(model)
    counts: Counter = Counter()
    errors: Counter = Counter()
    invalid_rules: Counter = Counter()
    failures: list[tuple[str, bytes, str]] = []
    for first in range(start, stop, batch_size):
        batch: list[Record] = []
        inputs: dict[str, bytes] = {}
        for i in range(first, min(first + batch_size, stop)):
            data = generate(random.Random(f"{seed}-{i}"), max_pieces)
            name = f"fuzz-{i:06d}"
            inputs[name] = data
            try:
                text = decode_article(data, f"{name}.txt")
            except ArticleError as exc:
                counts["located error"] += 1
                errors[exc.reason.split(":")[0].split(" at byte")[0]] += 1
                continue
            except Exception as exc:  # noqa: BLE001 - a crash is what this script looks for
                counts["crash"] += 1
                failures.append((name, data, f"crash in ingest: {type(exc).__name__}: {exc}"))
                continue
            batch.append(Record(id=name, text=text, source=Provenance(path=f"{name}.txt", sha256=hashlib.sha256(data).hexdigest())))
        if not batch:
            continue
        try:
            outcomes = convert_records(batch, model=model)
        except Exception as exc:  # noqa: BLE001
            counts["crash"] += len(batch)
            failures.extend((r.id, inputs[r.id], f"crash in convert: {type(exc).__name__}: {exc}") for r in batch)
            continue
        for record, outcome in zip(batch, outcomes):
            if outcome.error is not None:
                counts["extraction failure"] += 1
                failures.append((record.id, inputs[record.id], str(outcome.error)))
                continue
            problems = [p for p in record_problems(outcome.record.to_dict()) if policy.level(p.rule) == "error"]
            if problems:
                counts["invalid record"] += 1
                invalid_rules.update(p.rule for p in problems)
                failures.append((record.id, inputs[record.id], "; ".join(f"{p.pointer}: {p.message}" for p in problems[:3])))
            else:
                counts["valid record"] += 1
    return {"counts": counts, "errors": errors, "invalid_rules": invalid_rules, "failures": failures}


def _shard(args: tuple) -> dict:
    start, stop, kwargs = args
    return run_shard(start, stop, **kwargs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="number of inputs (default 100,000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--batch", type=int, default=256, help="articles per parser batch")
    parser.add_argument("--max-pieces", type=int, default=40, help="most pieces per generated article")
    parser.add_argument("--jobs", type=int, default=1, help="processes (default 1)")
    parser.add_argument("--model", default=None, help="spaCy model")
    parser.add_argument("--save", type=Path, default=None, help="folder to write failing inputs to")
    parser.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    args = parser.parse_args(argv)

    kwargs = {"seed": args.seed, "batch_size": args.batch, "max_pieces": args.max_pieces, "model": args.model}
    shard = max(args.batch, 2_000)
    tasks = [(a, min(a + shard, args.n), kwargs) for a in range(0, args.n, shard)]
    counts: Counter = Counter()
    errors: Counter = Counter()
    invalid_rules: Counter = Counter()
    failures: list[tuple[str, bytes, str]] = []
    started = time.perf_counter()
    if args.jobs > 1:
        import multiprocessing as mp

        pool = mp.get_context("spawn").Pool(args.jobs)
        results = pool.imap(_shard, tasks)
    else:
        pool, results = None, map(_shard, tasks)
    done = 0
    for (a, b, _), result in zip(tasks, results):
        done += b - a
        counts.update(result["counts"])
        errors.update(result["errors"])
        invalid_rules.update(result["invalid_rules"])
        failures.extend(result["failures"])
        print(f"{done:,}/{args.n:,} inputs, {time.perf_counter() - started:.0f}s, {counts['crash']} crashes, "
              f"{counts['invalid record']} invalid, {counts['extraction failure']} extraction failures", file=sys.stderr, flush=True)
    if pool is not None:
        pool.close()
        pool.join()
    seconds = time.perf_counter() - started
    if args.save and failures:
        args.save.mkdir(parents=True, exist_ok=True)
        for name, data, why in failures:
            (args.save / f"{name}.txt").write_bytes(data)
            (args.save / f"{name}.why").write_text(why + "\n", encoding="utf-8")
    summary = {
        "inputs": done, "seconds": round(seconds, 1), "inputs_per_second": round(done / seconds, 1), "jobs": args.jobs,
        "valid_records": counts["valid record"], "located_errors": counts["located error"],
        "located_error_reasons": dict(errors.most_common()), "invalid_records": counts["invalid record"],
        "invalid_rules": dict(invalid_rules.most_common()), "extraction_failures": counts["extraction failure"],
        "crashes": counts["crash"], "seed": args.seed,
    }
    if args.json:
        print(json.dumps(summary))
    else:
        print(f"{done:,} inputs in {seconds:.1f}s ({done / seconds:,.0f}/s, {args.jobs} processes): "
              f"{counts['valid record']:,} valid records, {counts['located error']:,} located errors, "
              f"{counts['invalid record']:,} invalid records, {counts['extraction failure']:,} extraction failures, "
              f"{counts['crash']:,} crashes")
        for reason, n in errors.most_common():
            print(f"  {n:8,}  located error: {reason}")
        for rule, n in invalid_rules.most_common():
            print(f"  {n:8,}  invalid record: {rule}")
        for name, _data, why in failures[:10]:
            print(f"  {name}: {why}")
    bad = counts["crash"] + counts["invalid record"] + counts["extraction failure"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
