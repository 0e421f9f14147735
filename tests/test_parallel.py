"""Multi-process and streaming convert: same bytes whatever ``--jobs``, lazy input, row-grouped Parquet."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsclaims import export
from newsclaims.errors import OutputError
from newsclaims.export import atomic_output, jsonl_bytes, parquet_bytes, record_writer
from newsclaims.pipeline import chunked, convert

PEOPLE = ["Maria Lopez", "Ahmed Khan", "John Carter", "Li Wei", "Fatima Noor", "Peter Smith"]
PLACES = ["ISLAMABAD", "GENEVA", "NAIROBI", "LIMA", "OSLO", "MANILA"]


def article(i: int) -> str:
    """A small synthetic wire story: dateline, a named speaker, a quote and an indirect claim."""
    who, other, place = PEOPLE[i % 6], PEOPLE[(i + 2) % 6], PLACES[i % 6]
    return (f"{place}, March {i % 28 + 1} (Reuters) - {who}, the finance minister, said on Tuesday that "
            f"talks number {i} would resume next week.\n\n"
            f"\"We are ready to sign the agreement,\" {who} told reporters. {other} said the plan "
            f"was too expensive and warned of delays.\n")


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsclaims", *args], capture_output=True, text=True)


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    for i in range(40):
        (folder / f"a{i:03d}.txt").write_text(article(i), encoding="utf-8")
    (folder / "a017.txt").write_bytes(b"\xff\xfe not utf-8 \xff")  # a bad article in the middle
    (folder / "a030.txt").write_text("   \n", encoding="utf-8")
    return folder


@pytest.mark.slow
def test_jobs_do_not_change_the_output(articles, tmp_path):
    runs = {}
    for jobs in (1, 2):
        jsonl, parquet = tmp_path / f"j{jobs}.jsonl", tmp_path / f"j{jobs}.parquet"
        result = cli("convert", str(articles), "--out", str(jsonl), "--out", str(parquet), "--jobs", str(jobs))
        assert result.returncode == 1, result.stderr  # the two bad articles
        errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
        assert len(errors) == 2 and "a017.txt" in errors[0] and "a030.txt" in errors[1]
        runs[jobs] = (jsonl.read_bytes(), parquet.read_bytes())
    assert runs[1][0] == runs[2][0]
    assert runs[1][1] == runs[2][1]
    records = [json.loads(line) for line in runs[1][0].decode("utf-8").splitlines()]
    assert [r["id"] for r in records] == [f"a{i:03d}" for i in range(40) if i not in (17, 30)]
    assert any(r["quotes"] or r["claims"] or r["actors"] for r in records)  # not a trivially empty output
    assert pq.read_table(tmp_path / "j1.parquet").to_pylist() == records


def test_convert_reads_its_input_lazily(articles):
    pulled = []

    def paths():
        for path in sorted(articles.glob("*.txt")):
            pulled.append(path)
            yield path

    outcomes = convert(paths(), jobs=1, chunk_size=4)
    first = next(outcomes)
    assert first.record is not None and first.record.id == "a000"
    assert len(pulled) <= 2 * 4  # the first two chunks, not the whole folder
    outcomes.close()


def test_chunked():
    assert list(chunked(iter(range(7)), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunked([], 3)) == []


def records(n: int) -> list[dict]:
    return [{"id": f"r{i}", "text": "x" * i} for i in range(n)]


def test_streamed_parquet_is_written_in_row_groups(tmp_path, monkeypatch):
    import pyarrow as pa

    monkeypatch.setattr(export, "ROW_GROUP_SIZE", 3)
    schema = pa.schema([("id", pa.string()), ("text", pa.string())])
    path = tmp_path / "out.parquet"
    with atomic_output(path) as fh:
        writer = export.ParquetStreamWriter(fh, schema)
        for record in records(7):
            writer.write(record)
        writer.close()
    assert pq.ParquetFile(path).metadata.num_row_groups == 3
    assert path.read_bytes() == parquet_bytes(records(7), schema)


@pytest.mark.parametrize("n", [0, 5])
def test_record_writer_gives_the_bytes_of_the_in_memory_writers(tmp_path, n, seed_record):
    rows = [dict(seed_record, id=f"s{i}") for i in range(n)]
    for suffix, expected in ((".jsonl", jsonl_bytes(rows)), (".parquet", parquet_bytes(rows))):
        path = tmp_path / f"out{suffix}"
        with record_writer(path) as writer:
            for row in rows:
                writer.write(row)
        assert path.read_bytes() == expected


def test_failed_output_leaves_nothing_behind(tmp_path):
    path = tmp_path / "out.jsonl"
    with pytest.raises(RuntimeError):
        with record_writer(path) as writer:
            writer.write({"id": "a"})
            raise RuntimeError("interrupted")
    assert list(tmp_path.iterdir()) == []


def test_unknown_output_format(tmp_path):
    with pytest.raises(OutputError, match="use .jsonl or .parquet"):
        with record_writer(tmp_path / "out.csv"):
            pass
    result = cli("convert", str(tmp_path), "--out", str(tmp_path / "out.csv"), "--jobs", "1")
    assert result.returncode == 2 and "use .jsonl or .parquet" in result.stderr


def test_records_cross_process_boundaries_unchanged(tmp_path):
    """Workers send records to the parent pickled; every record type round-trips to an equal value."""
    import pickle

    from newsclaims.pipeline import convert_chunk

    path = tmp_path / "a.txt"
    path.write_text(article(3) + "\nHe added: \"We will not wait.\"\n", encoding="utf-8")
    [outcome] = convert_chunk([path])
    record = outcome.record
    assert record.dateline and record.actors and record.quotes and record.claims  # every type is exercised
    back = pickle.loads(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
    assert back.record == record and back.record.to_dict() == record.to_dict()
    assert type(back.record.actors[0].mentions[0]) is type(record.actors[0].mentions[0])



WARM_UP_CHECK = """
import sys
from newsclaims.pipeline import convert_records, warm_up
from newsclaims.record import Provenance, Record

def loaded_tables():
    return {f"{m.__name__}.{name}" for m in list(sys.modules.values()) if getattr(m, "__name__", "").startswith("newsclaims")
            for name, f in vars(m).items()
            if hasattr(f, "cache_info") and f.cache_info().maxsize == 1 and f.cache_info().currsize}

warm_up()
before = loaded_tables()
texts = sys.argv[1:]
convert_records([Record(id=f"t{i}", text=t, source=Provenance(path="t", sha256="0" * 64)) for i, t in enumerate(texts)])
print(len(before), sorted(loaded_tables() - before))
"""


def test_warm_up_loads_every_table_a_conversion_needs():
    """Workers are forks of a process that ran warm_up(): what it leaves unloaded, each worker loads alone."""
    caps = ("MANAGUA, 12 APR 89 (RADIO SANDINO) -- [TEXT] INTERIOR MINISTER TOMAS BORGE TOLD REPORTERS THAT "
            "THE TALKS WITH THE CONTRAS IN HONDURAS HAD FAILED. \"WE WILL NOT NEGOTIATE,\" HE SAID.\n")
    out = subprocess.run([sys.executable, "-c", WARM_UP_CHECK, article(5), caps], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    count, missing = out.stdout.split(" ", 1)
    assert int(count) > 5 and missing.strip() == "[]", f"tables loaded only after warm-up: {missing}"


def test_workers_come_from_a_warmed_forkserver_where_there_is_one():
    import multiprocessing as mp

    from newsclaims.pipeline import worker_context

    expected = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
    assert worker_context().get_start_method() == expected
