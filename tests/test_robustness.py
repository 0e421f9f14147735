"""No data loss and no surprises: atomic output folders (tested by killing processes midway),
byte-identical rebuilds, nothing written outside the output folder, no unsafe loaders, no network.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from newsclaims.errors import ArticleError, OutputError
from newsclaims.export import write_tree

ROOT = Path(__file__).resolve().parents[1]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def staging_left(folder: Path) -> list[str]:
    return [p.name for p in folder.parent.iterdir() if p.name.startswith(f".{folder.name}.staging-")]


OLD = {"articles/a.jsonl": b"old a\n", "articles/a.parquet": b"old parquet", "quotes/q.jsonl": b"old q\n"}
NEW = {"articles/a.jsonl": b"new a\n" * 1000, "articles/a.parquet": b"new parquet" * 1000, "quotes/q.jsonl": b"new q\n"}


def test_write_tree_swaps_the_folder_and_keeps_other_files(tmp_path):
    out = tmp_path / "data"
    assert write_tree(out, OLD)
    (out / "NOTES.md").write_text("hand-written", encoding="utf-8")
    assert write_tree(out, NEW)
    assert snapshot(out) == {**NEW, "NOTES.md": b"hand-written"}
    assert not write_tree(out, NEW)  # nothing changed: nothing written
    assert staging_left(out) == []


# A child process that writes NEW over OLD and SIGKILLs itself at one moment of write_tree.
KILLER = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    import newsclaims.export as export
    out, moment = Path(sys.argv[1]), sys.argv[2]
    new = {"articles/a.jsonl": b"new a\\n" * 1000, "articles/a.parquet": b"new parquet" * 1000, "quotes/q.jsonl": b"new q\\n"}
    die = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)
    if moment == "staging":  # after the first staged file is on disk
        real = os.fsync
        calls = []
        def fsync(fd):
            real(fd)
            calls.append(fd)
            if len(calls) == 2:
                die()
        export.os.fsync = fsync
    elif moment == "before-swap":
        export._exchange = die
    elif moment == "after-swap":
        real_exchange = export._exchange
        def exchange(a, b):
            real_exchange(a, b)
            die()
        export._exchange = exchange
    export.write_tree(out, new)
""")


@pytest.mark.parametrize("moment,expected", [("staging", OLD), ("before-swap", OLD), ("after-swap", NEW)])
def test_a_killed_write_leaves_the_old_or_the_new_folder_never_a_mix(tmp_path, moment, expected):
    out = tmp_path / "data"
    write_tree(out, OLD)
    proc = subprocess.run([sys.executable, "-c", KILLER, str(out), moment], capture_output=True)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    assert snapshot(out) == expected
    assert staging_left(out)  # the killed process left its staging folder...
    write_tree(out, NEW)
    assert staging_left(out) == []  # ...which the next write removes
    assert snapshot(out) == NEW


@pytest.mark.slow
def test_a_killed_build_leaves_the_previous_data_intact(tmp_path):
    """Kill a real ``newsclaims build`` the moment it starts writing data/."""
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    out = tmp_path / "data"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, "-m", "newsclaims", "build", "--seeds", str(seeds), "--out", str(out), "--jobs", "1"]
    subprocess.run(cmd, check=True, capture_output=True, env=env, cwd=tmp_path)
    old = snapshot(out)
    for seed in seeds.glob("*.txt"):
        seed.write_text(seed.read_text(encoding="utf-8") + "\nA paragraph added since the last build, the minister said.", encoding="utf-8")
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=tmp_path)
    try:
        deadline = time.monotonic() + 300
        while proc.poll() is None and not staging_left(out) and time.monotonic() < deadline:
            time.sleep(0.001)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    killed = snapshot(out)
    subprocess.run(cmd, check=True, capture_output=True, env=env, cwd=tmp_path)
    new = snapshot(out)
    assert new != old
    assert killed in (old, new)
    assert staging_left(out) == []


def test_two_builds_are_byte_identical(tmp_path, nlp):
    from newsclaims.build import build

    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    first, second = tmp_path / "one" / "data", tmp_path / "two" / "data"
    for out in (first, second):
        result = build(seeds, out, root=tmp_path, jobs=1)
        assert result.ok, result.errors
    assert snapshot(first) == snapshot(second)
    assert (first.parent / "README.md").read_bytes() == (second.parent / "README.md").read_bytes()


@pytest.mark.parametrize("rel", ["../escape.jsonl", "/abs.jsonl", "a/../../b.jsonl", "a\\b.jsonl", "", "a//b", "./a", "a/\x00"])
def test_output_names_cannot_leave_the_folder(tmp_path, rel):
    out = tmp_path / "data"
    with pytest.raises(OutputError):
        write_tree(out, {"ok.jsonl": b"x", rel: b"escaped"})
    assert not (tmp_path / "escape.jsonl").exists() and not out.exists()


def test_a_symlink_in_the_output_folder_does_not_lead_outside(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "data"
    out.mkdir()
    (out / "articles").symlink_to(outside)
    with pytest.raises(OutputError):
        write_tree(out, {"articles/a.jsonl": b"x"})
    assert list(outside.iterdir()) == []


def test_sidecar_metadata_cannot_name_paths(tmp_path):
    from newsclaims.ingest import read_article

    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"url": null, "publisher": null, "published": null, "license": "CC0-1.0", '
                                          '"language": "en", "id": "../../etc/x", "path": "/tmp/x"}', encoding="utf-8")
    with pytest.raises(ArticleError, match="Additional properties are not allowed"):
        read_article(tmp_path / "a.txt", root=tmp_path)


UNSAFE = re.compile(r"\b(yaml\.load\(|yaml\.unsafe_load|pickle\.loads?\(|marshal\.loads?|eval\(|exec\(|__import__\(|shelve\.)")


def test_no_unsafe_loaders_in_the_code():
    files = list((ROOT / "src").rglob("*.py")) + list((ROOT / "scripts").glob("*.py")) + list(ROOT.glob("*.py"))
    offenders = [f"{p.relative_to(ROOT)}:{i}: {line.strip()}" for p in files
                 for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if UNSAFE.search(line)]
    assert offenders == []


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_build_and_validate_need_no_network(tmp_path, nlp, no_network):
    from newsclaims.build import build
    from newsclaims.validate import Policy, validate_paths

    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    result = build(seeds, tmp_path / "data", root=tmp_path, jobs=1)
    assert result.ok, result.errors
    report = validate_paths([tmp_path / "data"], Policy(root=tmp_path))
    assert report.ok, [str(p) for p in report.problems]


def test_build_refuses_the_same_article_twice(tmp_path, nlp):
    from newsclaims.build import build

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("PARIS (AFP) — The minister said “yes”.", encoding="utf-8")
    (seeds / "b.txt").write_text("PARIS (AFP) — The minister said “yes”.", encoding="utf-8")
    result = build(seeds, tmp_path / "data", root=tmp_path, jobs=1)
    assert not result.ok
    assert result.errors == ["seeds/b.txt:1: /source/sha256: the same article as seeds/a.txt (same sha256): remove one of them"]
