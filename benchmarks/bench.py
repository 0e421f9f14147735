"""Benchmark: newsclaims convert against raw spaCy, validation speed, memory and output sizes.

On the same texts (the articles of ``../shared/corpus``, repeated to ``--articles``), in one run:

* raw spaCy: read the files and run ``nlp.pipe`` with the same model, batch size and number of
  processes, discarding the Docs (the floor newsclaims cannot go below);
* ``newsclaims convert`` (the real command line, writing JSONL and Parquet);
* their ratio (convert articles/s ÷ raw articles/s; the target is ≥ 0.8);
* validation records/s (``newsclaims.validate.validate_paths`` on the converted JSONL), with one
  process and with ``--jobs``, the median of ``--repeat`` runs, and the CPU time per record;
* peak memory of each command (all its processes together, sampled) and its growth over the run:
  the sum of their PSS where the system reports it (Linux), so that pages the processes share
  (convert's workers are forks of one warmed-up process) count once; else the sum of their RSS;
* JSONL and Parquet bytes (and their ratio on the unique articles alone, without repeats);
* with ``--scaling 1,2,4,8,16``: instead of the above, the scaling curve: raw spaCy and convert at
  each process count on ``--per-process`` articles per process (the same sample of the corpus,
  repeated once per process, so every run has the same mix), their throughput and speed-up;
* with ``--profile N``: the time of each layer (parse, truecasing, each extractor, export) on N
  articles, and the hottest newsclaims functions.

The machine is shared, so timings are noisy: the articles are cut into ``--blocks`` blocks and raw
spaCy and convert alternate on each block (raw first on even blocks, convert first on odd ones),
so that a burst of load from elsewhere hits both alike. Both are timed as whole commands
(interpreter start and model load included) from the same fresh processes.

Run from the project root (needs the ``bench`` extra, ``pip install -e '.[bench]'``)::

    .venv/bin/python benchmarks/bench.py                       # 10,000 articles, all cores
    .venv/bin/python benchmarks/bench.py --articles 1000 --jobs 1 --profile 200
    .venv/bin/python benchmarks/bench.py --scaling 1,2,4,8,16 --per-process 100
    .venv/bin/python benchmarks/bench.py --validate-only corpus.jsonl --jobs 2 --repeat 5   # validation alone

The table goes to stdout, the same numbers as JSON to ``--json`` (default
``benchmarks/results/bench-<articles>-j<jobs>.json``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
BATCH_SIZE = 16  # the chunk size of newsclaims.pipeline: one nlp.pipe batch per chunk
SAMPLE_EVERY_S = 0.25
MIB = 1024 * 1024
WARM_UP = 5  # articles annotated before the extractors are timed
MIN_GROWTH_ARTICLES = 2000  # caches fill over the first ~500 articles: shorter runs cannot tell growth


# --------------------------------------------------------------------------------------- inputs

def corpus_articles(corpus: Path) -> list[Path]:
    from newsclaims.ingest import iter_article_paths

    paths = list(iter_article_paths([corpus]))
    if not paths:
        raise SystemExit(f"no articles under {corpus}")
    return paths


def materialise(sources: list[Path], n: int, blocks: int, workdir: Path) -> list[Path]:
    """Write ``n`` article files into ``blocks`` folders: the corpus repeated in order.

    Repeat ``r`` of an article gets a distinct file name and a last line ``(repeat r)``, so that
    ids and checksums stay unique (a validator rightly rejects the same article twice).
    """
    folders = [workdir / f"block{b}" for b in range(blocks)]
    for folder in folders:
        folder.mkdir(parents=True)
    per_block = -(-n // blocks)
    texts = [p.read_bytes() for p in sources]
    for i in range(n):
        r, k = divmod(i, len(sources))
        data = texts[k] if r == 0 else texts[k].rstrip() + f"\n\n(repeat {r})\n".encode()
        name = f"{i:06d}_{sources[k].stem}.txt"
        (folders[i // per_block] / name).write_bytes(data)
    return folders


# ------------------------------------------------------------------------------------ measuring

def process_memory(p) -> tuple[int, int]:
    """Bytes of memory ``p`` (a psutil.Process) uses, and its RSS: the first is its PSS (shared
    pages divided among the processes that share them) where the system reports it, else its RSS."""
    import psutil

    try:
        info = p.memory_full_info()
    except psutil.AccessDenied:
        info = p.memory_info()
    return getattr(info, "pss", info.rss), info.rss


def memory_measure() -> str:
    import psutil

    return "PSS" if hasattr(psutil.Process().memory_full_info(), "pss") else "RSS"


class Sampler:
    """Samples the summed memory (:func:`process_memory`) of a process and all its descendants,
    and the largest RSS among them, until it ends (psutil). Keys say ``rss`` for both measures."""

    def __init__(self, pid: int):
        import psutil

        self.proc = psutil.Process(pid)
        self.samples: list[tuple[float, int, int]] = []  # (seconds, tree memory, largest process RSS)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._t0 = time.perf_counter()
        self._thread.start()

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            used, rss = [], []
            try:
                for p in [self.proc, *self.proc.children(recursive=True)]:
                    try:
                        u, r = process_memory(p)
                    except psutil.Error:
                        continue
                    used.append(u)
                    rss.append(r)
            except psutil.Error:
                break
            if used:
                self.samples.append((time.perf_counter() - self._t0, sum(used), max(rss)))
            self._stop.wait(SAMPLE_EVERY_S)

    def stop(self) -> dict:
        self._stop.set()
        self._thread.join()
        if not self.samples:
            return {"peak_rss_mib": None, "peak_process_rss_mib": None, "growth_mib_per_1000": None}
        return {
            "peak_rss_mib": max(s[1] for s in self.samples) / MIB,
            "peak_process_rss_mib": max(s[2] for s in self.samples) / MIB,
            "samples": [(round(t, 2), round(tree / MIB, 1)) for t, tree, _ in self.samples],
        }


def adopt_orphans() -> None:
    """Become the reaper of this process's orphaned descendants (Linux): convert's workers are
    forked by a forkserver that outlives the command's own process by a moment, and their CPU
    time reaches ``RUSAGE_CHILDREN`` only if someone waits for it."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def reap_orphans() -> None:
    """Wait for every descendant left over from a finished command (see :func:`adopt_orphans`)."""
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def _children_cpu_s() -> float:
    """User + system CPU seconds of every descendant waited for so far (a command's worker
    processes count once the command has reaped them)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_measured(cmd: list[str], *, env: dict | None = None) -> dict:
    """Run a command, timing it (wall clock and CPU of all its processes) and sampling its memory;
    fail loudly if it fails. CPU time is what a busy, shared machine distorts least."""
    cpu0 = _children_cpu_s()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    sampler = Sampler(proc.pid)
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    reap_orphans()
    cpu = _children_cpu_s() - cpu0
    mem = sampler.stop()
    if proc.returncode not in (0, 1):  # convert exits 1 when some article was refused
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-3000:]}")
    return {"wall_s": wall, "cpu_s": cpu, "stdout": out, "stderr": err, **mem}


def quarter_peaks(samples: list[tuple[float, float]], wall: float) -> list[float | None]:
    """The peak RSS (MiB) in each quarter of a run's time."""
    quarters: list[list[float]] = [[], [], [], []]
    for t, m in samples:
        quarters[min(3, int(4 * t / wall))].append(m)
    return [max(q) if q else None for q in quarters]


def growth_per_1000(samples: list[tuple[float, float]], articles: int, wall: float) -> float | None:
    """RSS growth (MiB per 1000 articles) between the peaks of the second and the last quarter of a run.

    Progress is taken as proportional to time (a warm run's throughput is steady). Peaks per
    quarter, not single samples: RSS swings with the size of the batch in hand, and the first
    quarter is start-up (model, gazetteers, caches filling). None for runs too short to tell.
    """
    peaks = quarter_peaks(samples, wall)
    if articles < MIN_GROWTH_ARTICLES or peaks[1] is None or peaks[3] is None:
        return None
    return (peaks[3] - peaks[1]) / (articles / 2) * 1000


RAW_SPACY = """
import json, sys, time
from pathlib import Path
from newsclaims.nlp import load_nlp
folder, jobs, model = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] or None
t0 = time.perf_counter()
nlp = load_nlp(model)
t1 = time.perf_counter()
texts = (p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt")))
n = sum(1 for _ in nlp.pipe(texts, batch_size=int(sys.argv[4]), n_process=jobs))
print(json.dumps({"articles": n, "load_s": t1 - t0, "pipe_s": time.perf_counter() - t1}))
"""


def raw_spacy(folder: Path, jobs: int, model: str | None) -> dict:
    return run_measured([sys.executable, "-c", RAW_SPACY, str(folder), str(jobs), model or "", str(BATCH_SIZE)])


def newsclaims_convert(folder: Path, out: Path, jobs: int, model: str | None) -> dict:
    cmd = [sys.executable, "-m", "newsclaims", "convert", str(folder),
           "--out", str(out.with_suffix(".jsonl")), "--out", str(out.with_suffix(".parquet")), "--jobs", str(jobs)]
    if model:
        cmd += ["--model", model]
    return run_measured(cmd)


def measure_validation(paths: list[Path], jobs: int, repeat: int = 3) -> dict:
    """``validate_paths`` on ``paths`` with one process and with ``jobs``: the median of ``repeat``
    runs each, and the CPU time per record (all processes; steadier than wall time on a busy machine)."""
    from newsclaims.validate import validate_paths

    validate_paths(paths[:1])  # load the schema and compile the validator outside the timing
    result: dict = {"by_jobs": {}}
    for j in sorted({1, jobs}):
        walls, cpus = [], []
        for _ in range(repeat):
            c0, t0 = cpu_seconds(), time.perf_counter()
            report = validate_paths(paths, jobs=j)
            walls.append(time.perf_counter() - t0)
            cpus.append(cpu_seconds() - c0)
        wall = statistics.median(walls)
        result["by_jobs"][str(j)] = {"seconds": wall, "records_per_s": report.records / wall if wall else None,
                                     "runs_s": walls, "cpu_us_per_record": statistics.median(cpus) / max(report.records, 1) * 1e6}
    head = result["by_jobs"][str(jobs)]
    result.update(records=report.records, problems=len(report.problems), jobs=jobs, seconds=head["seconds"],
                  records_per_s=head["records_per_s"], problems_by_rule=dict(report.by_rule()))
    return result


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def validation_report(val: dict) -> str:
    rows = [(f"validation, {j} process{'es' if j != '1' else ''}",
             f"{v['records_per_s']:,.0f} records/s (median of {len(v['runs_s'])}; {v['cpu_us_per_record']:.0f} us CPU per record)")
            for j, v in val["by_jobs"].items()]
    rows.append(("records validated", f"{val['records']:,} ({val['problems']} problems)  (target >= 50,000 records/s on 2 cores)"))
    return table(rows)


def unique_sizes(jsonl: Path, unique: int) -> dict:
    """JSONL and Parquet bytes of the first ``unique`` records (one copy of the corpus)."""
    from newsclaims.export import jsonl_bytes, parquet_bytes

    with open(jsonl, encoding="utf-8") as fh:
        records = [json.loads(line) for _, line in zip(range(unique), fh)]
    j, p = len(jsonl_bytes(records)), len(parquet_bytes(records))
    return {"records": len(records), "jsonl_bytes": j, "parquet_bytes": p, "parquet_over_jsonl": p / j if j else None}


# ------------------------------------------------------------------------------- memory profile

def memory_profile(sources: list[Path], n: int, workdir: Path, model: str | None, every: int = 50) -> dict:
    """RSS of this process along ``convert`` (one process) of ``n`` articles streamed to JSONL and Parquet.

    Progress is exact here (articles done), so the growth over the second half of the run is a
    direct measurement, from which a run of 100,000 articles is extrapolated.
    """
    import psutil

    from newsclaims.export import record_writer
    from newsclaims.pipeline import convert

    proc = psutil.Process()
    paths = (sources[i % len(sources)] for i in range(n))
    points: list[tuple[int, float]] = [(0, proc.memory_info().rss / MIB)]
    t0 = time.perf_counter()
    with record_writer(workdir / "memory.jsonl") as jsonl, record_writer(workdir / "memory.parquet") as parquet:
        for i, outcome in enumerate(convert(paths, jobs=1, model=model), 1):
            if outcome.record is not None:
                record = outcome.record.to_dict()
                jsonl.write(record)
                parquet.write(record)
            if i % every == 0 or i == n:
                points.append((i, proc.memory_info().rss / MIB))
    half = [m for i, m in points if i >= n / 2]
    first_half_peak = max(m for i, m in points if 0 < i <= n / 2) if n >= 2 * every else None
    growth = (max(half) - first_half_peak) / (n / 2) * 1000 if first_half_peak is not None else None
    peak = max(m for _, m in points)
    return {"articles": n, "seconds": time.perf_counter() - t0, "points": [(i, round(m, 1)) for i, m in points],
            "peak_rss_mib": peak, "growth_mib_per_1000_second_half": growth,
            "peak_rss_mib_at_100000_estimate": None if growth is None else peak + max(0.0, growth) * (100_000 - n) / 1000}


def memory_report(m: dict) -> str:
    step = max(1, len(m["points"]) // 8)
    shown = ", ".join(f"{i}: {v:.0f}" for i, v in m["points"][::step] + ([m["points"][-1]] if (len(m["points"]) - 1) % step else []))
    growth = m["growth_mib_per_1000_second_half"]
    return table([
        ("memory profile (convert, 1 process)", f"{m['articles']} articles in {m['seconds']:.0f} s"),
        ("RSS (MiB) after N articles", shown),
        ("peak RSS", f"{m['peak_rss_mib']:.0f} MiB"),
        ("growth, 2nd half vs 1st-half peak", "n/a" if growth is None else f"{growth:+.1f} MiB per 1000 articles"),
        ("peak RSS at 100,000 (extrapolated)", "n/a" if growth is None else f"{m['peak_rss_mib_at_100000_estimate']:.0f} MiB  (target < 1024)"),
    ])


# ------------------------------------------------------------------------------------ profiling

def profile_layers(sources: list[Path], n: int, model: str | None) -> dict:
    """Time each layer of the pipeline on ``n`` articles in this process, and cProfile extraction."""
    import cProfile
    import pstats

    from newsclaims import pipeline
    from newsclaims.export import dumps_record, parquet_bytes
    from newsclaims.ingest import read_article
    from newsclaims.nlp import load_nlp, prepare_text

    paths = [sources[i % len(sources)] for i in range(n)]
    nlp = load_nlp(model)
    times: dict[str, float] = {}

    def timed(name, fn):
        def wrapper(*args, **kwargs):
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                times[name] = times.get(name, 0.0) + time.perf_counter() - t
        return wrapper

    t = time.perf_counter()
    records = [read_article(p, root=ROOT) for p in paths]
    times["read + provenance"] = time.perf_counter() - t
    t = time.perf_counter()
    for r in records:
        prepare_text(r.text)
    times["truecasing check (prepare_text)"] = time.perf_counter() - t
    t = time.perf_counter()
    with nlp.memory_zone():
        docs = [doc for _, doc in pipeline.parse(nlp, records, batch_size=BATCH_SIZE)]
        times["spaCy parse (incl. prepare_text)"] = time.perf_counter() - t
        # every extraction function annotate() calls, found by name, so new stages are timed too
        stages = {name: fn for name, fn in vars(pipeline).items()
                  if callable(fn) and getattr(fn, "__module__", "").startswith("newsclaims.extract")}
        originals = dict(stages)
        t = time.perf_counter()  # first calls load gazetteers, word lists...: a one-time cost per process
        for record, doc in list(zip(records, docs))[:WARM_UP]:
            pipeline.annotate(record, doc)
        times["extractors' first calls (one-time loading)"] = time.perf_counter() - t
        try:
            for name, fn in stages.items():
                setattr(pipeline, name, timed(name, fn))
            for record, doc in zip(records, docs):
                pipeline.annotate(record, doc)
        finally:
            for name, fn in originals.items():
                setattr(pipeline, name, fn)
        profiler = cProfile.Profile()  # a second pass, under the profiler, for the hot spots
        profiler.enable()
        for record, doc in zip(records, docs):
            pipeline.annotate(record, doc)
        profiler.disable()
    t = time.perf_counter()
    dicts = [r.to_dict() for r in records]
    times["to_dict"] = time.perf_counter() - t
    t = time.perf_counter()
    for d in dicts:
        dumps_record(d)
    times["JSONL serialisation"] = time.perf_counter() - t
    t = time.perf_counter()
    parquet_bytes(dicts)
    times["Parquet serialisation"] = time.perf_counter() - t
    stats = pstats.Stats(profiler)
    hot = []
    for (file, line, func), (_, nc, tt, ct, _) in stats.stats.items():  # type: ignore[attr-defined]
        if "newsclaims" in file:
            hot.append({"function": f"{Path(file).parent.name}/{Path(file).name}:{line} {func}", "calls": nc,
                        "tottime_s": tt, "cumtime_s": ct})
    hot.sort(key=lambda h: -h["cumtime_s"])
    return {"articles": n, "seconds": times, "hot": hot[:20],
            "note": "hot spots from a second pass under cProfile, whose overhead inflates pure-Python code"}


# -------------------------------------------------------------------------------------- scaling

def sample_folder(sample: list[Path], copies: int, folder: Path) -> Path:
    """``copies`` copies of the ``sample`` articles in one folder (copy r > 0 marked as in :func:`materialise`)."""
    folder.mkdir(parents=True)
    texts = [p.read_bytes() for p in sample]
    for r in range(copies):
        for k, data in enumerate(texts):
            if r:
                data = data.rstrip() + f"\n\n(repeat {r})\n".encode()
            (folder / f"{r:03d}{k:04d}_{sample[k].stem}.txt").write_bytes(data)
    return folder


def scaling(sources: list[Path], counts: list[int], per_process: int, model: str | None, workdir: Path) -> dict:
    """Raw spaCy and convert at each process count, ``per_process`` articles per process.

    Weak scaling: ``p`` processes get ``p`` copies of one fixed sample of the corpus (every k-th
    article), so each process has the same work at every ``p`` and throughput should grow
    ``p``-fold. Start-up (interpreter, model, gazetteers; measured once on one article) is paid
    once per run whatever ``p``; the steady-state figures leave it out.
    """
    step = max(1, len(sources) // per_process)
    sample = [sources[(i * step) % len(sources)] for i in range(per_process)]
    one = sample_folder(sample[:1], 1, workdir / "one")
    out = workdir / "out"
    out.mkdir()
    startup = {"raw": raw_spacy(one, 1, model)["wall_s"], "convert": newsclaims_convert(one, out / "one", 1, model)["wall_s"]}
    rows = []
    for i, p in enumerate(counts):
        folder = sample_folder(sample, p, workdir / f"p{p}")
        n = p * per_process
        row: dict = {"processes": p, "articles": n}
        for what in (("raw", "convert") if i % 2 == 0 else ("convert", "raw")):
            print(f"{p} processes: {what} on {n} articles ...", file=sys.stderr, flush=True)
            run = raw_spacy(folder, p, model) if what == "raw" else newsclaims_convert(folder, out / f"p{p}", p, model)
            steady = run["wall_s"] - startup[what]
            row[what] = {"wall_s": run["wall_s"], "cpu_s": run["cpu_s"], "articles_per_s": n / run["wall_s"],
                         "steady_articles_per_s": n / steady if steady > 0 else None,
                         "peak_rss_mib": run["peak_rss_mib"]}
        rows.append(row)
        shutil.rmtree(folder)
    base = rows[0]
    for row in rows:
        for what in ("raw", "convert"):
            r, b = row[what], base[what]
            r["speedup"] = r["articles_per_s"] / b["articles_per_s"] * base["processes"]
            r["steady_speedup"] = (r["steady_articles_per_s"] / b["steady_articles_per_s"] * base["processes"]
                                   if r["steady_articles_per_s"] and b["steady_articles_per_s"] else None)
        row["convert_over_raw"] = row["convert"]["articles_per_s"] / row["raw"]["articles_per_s"]
        row["convert_over_raw_cpu"] = row["raw"]["cpu_s"] / row["convert"]["cpu_s"] if row["convert"]["cpu_s"] else None
    return {"per_process": per_process, "startup_s": startup, "rows": rows}


def scaling_report(s: dict) -> str:
    def num(x, fmt):
        return "n/a" if x is None else format(x, fmt)

    lines = [f"scaling: {s['per_process']} articles per process (weak scaling); start-up per run "
             f"raw {s['startup_s']['raw']:.1f} s, convert {s['startup_s']['convert']:.1f} s; "
             "speed-up relative to 1 process (steady: start-up left out); CPU: convert / raw in CPU time",
             f"{'processes':>9} {'articles':>8} {'raw art/s':>10} {'speed-up':>8} {'steady':>7} "
             f"{'convert art/s':>13} {'speed-up':>8} {'steady':>7} {'conv/raw':>8} {'CPU':>5} {'conv RSS MiB':>12}"]
    for r in s["rows"]:
        raw, conv = r["raw"], r["convert"]
        lines.append(f"{r['processes']:>9} {r['articles']:>8} {raw['articles_per_s']:>10.1f} {raw['speedup']:>8.2f} "
                     f"{num(raw['steady_speedup'], '.2f'):>7} {conv['articles_per_s']:>13.1f} {conv['speedup']:>8.2f} "
                     f"{num(conv['steady_speedup'], '.2f'):>7} {r['convert_over_raw']:>8.2f} "
                     f"{num(r.get('convert_over_raw_cpu'), '.2f'):>5} {conv['peak_rss_mib']:>12.0f}")
    return "\n".join(lines)


# -------------------------------------------------------------------------------------- report

def save(path: Path, result: dict) -> None:
    """Write ``result`` as JSON to ``path`` and say where."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"\nJSON: {path}")


def table(rows: list[tuple[str, str]]) -> str:
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k:<{width}}  {v}" for k, v in rows)


def main(argv: list[str] | None = None) -> int:
    default_jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10_000, help="articles to convert (the corpus repeated; default 10000)")
    ap.add_argument("--jobs", type=int, default=default_jobs, help=f"processes for both spaCy and convert (default: all cores, {default_jobs})")
    ap.add_argument("--blocks", type=int, default=2, help="interleaved raw/convert blocks (default 2)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of .txt articles (default ../shared/corpus)")
    ap.add_argument("--model", default=None, help="spaCy model (default: newsclaims' default)")
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="also time each layer on N articles in-process")
    ap.add_argument("--json", type=Path, default=None, help="where to write the JSON results")
    ap.add_argument("--keep", type=Path, default=None, help="keep the inputs and outputs in this folder")
    ap.add_argument("--profile-only", action="store_true", help="only time the layers (--profile N), no benchmark")
    ap.add_argument("--validate-only", type=Path, nargs="+", default=None, metavar="PATH",
                    help="only time newsclaims validate on these JSONL/Parquet files, with 1 and --jobs processes")
    ap.add_argument("--repeat", type=int, default=3, help="validation runs per process count; the median is reported (default 3)")
    ap.add_argument("--scaling", default=None, metavar="P1,P2,...",
                    help="only the scaling curve: raw spaCy and convert at these process counts (e.g. 1,2,4,8,16)")
    ap.add_argument("--per-process", type=int, default=100, help="articles per process for --scaling (default 100)")
    ap.add_argument("--memory-only", type=int, default=0, metavar="N",
                    help="only profile memory: convert N articles in this process, RSS every 50 (no benchmark)")
    args = ap.parse_args(argv)
    adopt_orphans()
    if args.validate_only:
        val = measure_validation(args.validate_only, args.jobs, args.repeat)
        print(validation_report(val))
        if args.json:
            save(args.json, {"validation": val, "cpus": os.cpu_count(), "python": platform.python_version()})
        return 0
    if args.scaling:
        counts = sorted({int(c) for c in args.scaling.split(",")})
        if not counts or counts[0] < 1:
            ap.error("--scaling takes positive process counts, e.g. 1,2,4,8,16")
        with tempfile.TemporaryDirectory(prefix="newsclaims-bench-") as tmp:
            curve = scaling(corpus_articles(args.corpus), counts, args.per_process, args.model, Path(tmp))
        curve.update({"python": platform.python_version(), "cpus": os.cpu_count(),
                      "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())})
        print(scaling_report(curve))
        save(args.json or ROOT / "benchmarks" / "results" / f"scaling-{'-'.join(map(str, counts))}-x{args.per_process}.json",
             {"scaling": curve})
        return 0
    if args.memory_only:
        with tempfile.TemporaryDirectory(prefix="newsclaims-bench-") as tmp:
            memory = memory_profile(corpus_articles(args.corpus), args.memory_only, Path(tmp), args.model)
        print(memory_report(memory))
        save(args.json or ROOT / "benchmarks" / "results" / f"memory-{args.memory_only}.json", {"memory_profile": memory})
        return 0
    if args.profile_only:
        if not args.profile:
            ap.error("--profile-only needs --profile N")
        profile = profile_layers(corpus_articles(args.corpus), args.profile, args.model)
        print(profile_report(profile))
        if args.json:
            args.json.write_text(json.dumps({"profile": profile}, indent=2) + "\n", encoding="utf-8")
        return 0
    if args.articles < args.blocks:
        ap.error("--articles must be at least --blocks")
    try:
        import psutil  # noqa: F401
    except ImportError:
        ap.error("psutil is missing: pip install -e '.[bench]'")

    sources = corpus_articles(args.corpus)
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="newsclaims-bench-"))
    if args.keep and workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    result: dict = {"articles": args.articles, "jobs": args.jobs, "blocks": args.blocks,
                    "corpus_articles": len(sources), "python": platform.python_version(),
                    "cpus": os.cpu_count(), "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                    "memory_measure": memory_measure()}
    try:
        folders = materialise(sources, args.articles, args.blocks, workdir / "in")
        out = workdir / "out"
        out.mkdir()
        # start-up (interpreter, imports, model, gazetteers) measured on one article, for the
        # steady-state ratio: short runs are otherwise dominated by it
        one = workdir / "one"
        one.mkdir()
        shutil.copy(next(folders[0].glob("*.txt")), one)
        print("start-up costs on one article ...", file=sys.stderr, flush=True)
        startup = {"raw": raw_spacy(one, 1, args.model)["wall_s"],
                   "convert": newsclaims_convert(one, out / "one", 1, args.model)["wall_s"]}
        result["startup_s"] = startup
        runs = []
        for b, folder in enumerate(folders):
            n = sum(1 for _ in folder.glob("*.txt"))
            order = ("raw", "convert") if b % 2 == 0 else ("convert", "raw")
            block = {"block": b, "articles": n}
            for what in order:
                print(f"block {b + 1}/{len(folders)}: {what} on {n} articles ...", file=sys.stderr, flush=True)
                if what == "raw":
                    block["raw"] = raw_spacy(folder, args.jobs, args.model)
                    block["raw"]["inner"] = json.loads(block["raw"].pop("stdout").strip().splitlines()[-1])
                else:
                    block["convert"] = newsclaims_convert(folder, out / f"block{b}", args.jobs, args.model)
                    block["convert"].pop("stdout")
                    # counted, not copied: error messages may quote the (research-only) article text
                    block["convert"]["error_lines"] = sum(line.startswith("error:") for line in block["convert"]["stderr"].splitlines())
                block[what].pop("stderr")
                block[what]["articles_per_s"] = n / block[what]["wall_s"]
                block[what]["growth_mib_per_1000"] = growth_per_1000(block[what]["samples"], n, block[what]["wall_s"])
                block[what]["rss_quarter_peaks_mib"] = quarter_peaks(block[what]["samples"], block[what]["wall_s"])
            runs.append(block)
        result["blocks_detail"] = runs
        raw_s = sum(b["raw"]["wall_s"] for b in runs)
        conv_s = sum(b["convert"]["wall_s"] for b in runs)
        jsonls = [out / f"block{b}.jsonl" for b in range(len(folders))]
        parquets = [out / f"block{b}.parquet" for b in range(len(folders))]
        converted = sum(1 for p in jsonls for _ in open(p, encoding="utf-8"))
        result["raw_spacy"] = {"seconds": raw_s, "articles_per_s": args.articles / raw_s,
                               "model_load_s": statistics.mean(b["raw"]["inner"]["load_s"] for b in runs)}
        result["convert"] = {"seconds": conv_s, "articles_per_s": args.articles / conv_s, "records": converted,
                             "refused": args.articles - converted}
        result["convert_over_raw"] = result["convert"]["articles_per_s"] / result["raw_spacy"]["articles_per_s"]
        raw_cpu, conv_cpu = sum(b["raw"]["cpu_s"] for b in runs), sum(b["convert"]["cpu_s"] for b in runs)
        result["raw_spacy"]["cpu_s"], result["convert"]["cpu_s"] = raw_cpu, conv_cpu
        result["convert_over_raw_cpu"] = raw_cpu / conv_cpu if conv_cpu else None
        steady_raw, steady_conv = raw_s - startup["raw"] * len(runs), conv_s - startup["convert"] * len(runs)
        result["convert_over_raw_steady"] = steady_raw / steady_conv if steady_conv > 0 and steady_raw > 0 else None
        result["validation"] = measure_validation(jsonls, args.jobs, args.repeat)
        grow = [b["convert"]["growth_mib_per_1000"] for b in runs if b["convert"]["growth_mib_per_1000"] is not None]
        peak = max(b["convert"]["peak_rss_mib"] for b in runs)
        result["memory"] = {
            "convert_peak_rss_mib": peak,
            "convert_peak_process_rss_mib": max(b["convert"]["peak_process_rss_mib"] for b in runs),
            "raw_spacy_peak_rss_mib": max(b["raw"]["peak_rss_mib"] for b in runs),
            "convert_growth_mib_per_1000_articles": statistics.mean(grow) if grow else None,
        }
        if grow:
            per_run = args.articles / len(folders)
            result["memory"]["convert_peak_rss_mib_at_100000_estimate"] = peak + max(0.0, statistics.mean(grow)) * (100_000 - per_run) / 1000
        jb, pb = sum(p.stat().st_size for p in jsonls), sum(p.stat().st_size for p in parquets)
        result["sizes"] = {"jsonl_bytes": jb, "parquet_bytes": pb, "parquet_over_jsonl": pb / jb,
                           "unique": unique_sizes(jsonls[0], min(len(sources), args.articles))}
        if args.profile:
            print(f"profiling the layers on {args.profile} articles ...", file=sys.stderr, flush=True)
            result["profile"] = profile_layers(sources, args.profile, args.model)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)

    for block in result["blocks_detail"]:
        for what in ("raw", "convert"):
            block[what].pop("samples", None)
    path = args.json or ROOT / "benchmarks" / "results" / f"bench-{args.articles}-j{args.jobs}.json"
    print(report(result))
    save(path, result)
    return 0


def report(r: dict) -> str:
    mem, size, val = r["memory"], r["sizes"], r["validation"]
    est = mem.get("convert_peak_rss_mib_at_100000_estimate")
    growth = mem["convert_growth_mib_per_1000_articles"]
    rows = [
        ("articles (corpus repeated)", f"{r['articles']:,} ({r['corpus_articles']} unique), {r['blocks']} interleaved blocks"),
        ("processes", str(r["jobs"])),
        ("raw spaCy nlp.pipe", f"{r['raw_spacy']['articles_per_s']:.1f} articles/s ({r['raw_spacy']['seconds']:.0f} s)"),
        ("newsclaims convert", f"{r['convert']['articles_per_s']:.1f} articles/s ({r['convert']['seconds']:.0f} s, {r['convert']['records']:,} records, {r['convert']['refused']} refused)"),
        ("convert / raw spaCy", f"{r['convert_over_raw']:.2f}  (target >= 0.80)"),
        ("  the same, start-up left out", "n/a" if r.get("convert_over_raw_steady") is None else
         f"{r['convert_over_raw_steady']:.2f}  (start-up per run: raw {r['startup_s']['raw']:.1f} s, convert {r['startup_s']['convert']:.1f} s)"),
        ("  the same in CPU time", "n/a" if r.get("convert_over_raw_cpu") is None else
         f"{r['convert_over_raw_cpu']:.2f}  (CPU s of all processes: raw {r['raw_spacy']['cpu_s']:.0f}, convert {r['convert']['cpu_s']:.0f})"),
        *((f"validation, {j} process{'es' if j != '1' else ''}", f"{v['records_per_s']:,.0f} records/s ({v['cpu_us_per_record']:.0f} us CPU per record)")
          for j, v in val.get("by_jobs", {}).items()),
        ("validation", f"{val['records_per_s']:,.0f} records/s with {val.get('jobs', r['jobs'])} ({val['records']:,} records, {val['problems']} problems)  (target >= 50,000)"),
        (f"peak {r.get('memory_measure', 'RSS')} convert (all processes)", f"{mem['convert_peak_rss_mib']:.0f} MiB (largest process RSS {mem['convert_peak_process_rss_mib']:.0f} MiB)"),
        (f"peak {r.get('memory_measure', 'RSS')} raw spaCy", f"{mem['raw_spacy_peak_rss_mib']:.0f} MiB"),
        ("convert RSS peak per quarter of run", " / ".join("-" if q is None else f"{q:.0f}" for q in r["blocks_detail"][-1]["convert"]["rss_quarter_peaks_mib"]) + " MiB (last block)"),
        ("RSS growth, 2nd to 4th quarter", f"n/a (runs under {MIN_GROWTH_ARTICLES} articles)" if growth is None else f"{growth:+.1f} MiB per 1000 articles"),
        ("peak RSS at 100,000 (extrapolated)", "n/a" if est is None else f"{est:.0f} MiB  (target < 1024)"),
        ("JSONL bytes", f"{size['jsonl_bytes']:,}"),
        ("Parquet bytes", f"{size['parquet_bytes']:,}  ({size['parquet_over_jsonl']:.2f} x JSONL; target <= 0.50)"),
        ("Parquet / JSONL, unique articles", f"{size['unique']['parquet_over_jsonl']:.2f}  ({size['unique']['records']} records)"),
    ]
    text = table(rows)
    if "profile" in r:
        text += "\n" + profile_report(r["profile"])
    return text


def profile_report(p: dict) -> str:
    total = sum(v for k, v in p["seconds"].items() if k != "truecasing check (prepare_text)" and "one-time" not in k)
    lines = [f"layers on {p['articles']} articles, one process ({p['note']}):"]
    for k, v in p["seconds"].items():
        if "one-time" in k:
            lines.append(f"  {k:<34} {v:7.2f} s  (not counted below)")
            continue
        lines.append(f"  {k:<34} {v:7.2f} s  {1000 * v / p['articles']:7.2f} ms/article  {100 * v / total:5.1f} %")
    lines.append("hottest newsclaims functions (cumulative):")
    for h in p["hot"][:12]:
        lines.append(f"  {h['cumtime_s']:7.2f} s cum {h['tottime_s']:7.2f} s own {h['calls']:>8} calls  {h['function']}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
