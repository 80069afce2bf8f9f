"""The persistent caches (SQLite folder and a real Redis server) and `citecheck cache`."""

from __future__ import annotations

import dataclasses
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from citecheck.match import is_settled
from citecheck.resolve import Resolver
from citecheck.resolve.cache import CacheRecoveredWarning, DiskCache, RedisCache, open_cache
from citecheck.settings import from_environment
from fakes import FakeServices
from samples import LI_CITED as LI


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    """A real redis-server on a free loopback port, for this module only."""
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server; .ci/run does)")
    pytest.importorskip("redis", reason="the redis package is not installed (test extra)")
    port = _free_port()
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_disk_cache_keeps_answers_with_their_own_expiry(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path, positive_days=1, negative_days=1 / 86400 / 10)
    cache.put("crossref", "doi", "10.1/found", [{"doi": "10.1/found"}])
    cache.put("crossref", "doi", "10.1/none", [])
    time.sleep(0.2)  # the negative answer lived 0.01 s
    assert cache.get("crossref", "doi", "10.1/found") == [{"doi": "10.1/found"}]
    assert cache.get("crossref", "doi", "10.1/none") is None
    assert cache.info()["entries"] == "1"
    assert cache.clear() == 1


def test_redis_cache_is_shared_between_runs(
    services: FakeServices, redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    RedisCache(redis_url).clear()
    monkeypatch.setenv("CITECHECK_CACHE_URL", redis_url)
    settings = from_environment(mailto="editor@example.org")
    assert settings.cache_url == redis_url
    first = Resolver(settings).resolve_all([LI], settled=is_settled)
    calls = services.total_calls()
    assert calls > 0
    # Another machine: no local cache folder, same Redis.
    elsewhere = dataclasses.replace(settings, cache_dir=None)
    again = Resolver(elsewhere).resolve_all([LI], settled=is_settled)
    assert again == first
    assert services.total_calls() == calls
    cache = open_cache(None, redis_url)
    assert cache is not None
    assert int(cache.info()["entries"]) >= 2
    assert cache.clear() >= 2


def test_redis_cache_honours_expiry(redis_url: str) -> None:
    cache = RedisCache(redis_url, positive_days=1, negative_days=1 / 86400)  # 1 s
    cache.put("pubmed", "pmid", "1", [])
    cache.put("pubmed", "pmid", "2", [{"pmid": "2"}])
    time.sleep(1.2)
    assert cache.get("pubmed", "pmid", "1") is None
    assert cache.get("pubmed", "pmid", "2") == [{"pmid": "2"}]


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "citecheck", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=60,
        check=False,
    )


def test_cache_info_and_clear_commands(services: FakeServices, example_path: Path) -> None:
    assert run(str(example_path)).returncode == 1
    info = run("cache", "info")
    assert info.returncode == 0
    assert f"location: {os.environ['CITECHECK_CACHE_DIR']}" in info.stdout
    entries = int(next(line for line in info.stdout.splitlines() if "entries" in line).split()[-1])
    assert entries > 0
    cleared = run("cache", "clear")
    assert cleared.stdout.strip() == f"removed {entries} cached look-ups"
    assert "entries: 0" in run("cache", "info").stdout


def test_an_unreachable_shared_cache_is_a_warning_not_a_failure(
    services: FakeServices, example_path: Path
) -> None:
    result = run(str(example_path), CITECHECK_CACHE_URL=f"redis://127.0.0.1:{_free_port()}/0")
    assert result.returncode == 1  # the check itself ran
    assert "cannot reach the Redis cache" in result.stderr
    assert "Traceback" not in result.stderr
    info = run("cache", "info", CITECHECK_CACHE_URL=f"redis://127.0.0.1:{_free_port()}/0")
    assert info.returncode == 2
    assert info.stderr.startswith("citecheck: error: cannot reach the Redis cache")


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_damaged_store_is_set_aside_and_rebuilt(tmp_path: Path, damage: str) -> None:
    cache = DiskCache(tmp_path)
    for i in range(300):
        cache.put("crossref", "doi", f"10.1/{i}", [{"title": "x" * 200}])
    cache.close()
    database = tmp_path / "cache.db"
    data = database.read_bytes()
    damaged = os.urandom(len(data)) if damage == "garbage" else data[: len(data) // 3]
    database.write_bytes(damaged)
    with pytest.warns(CacheRecoveredWarning, match="was damaged"):
        cache = DiskCache(tmp_path)
        assert cache.get("crossref", "doi", "10.1/5") is None
    [aside] = tmp_path.glob("cache.db.damaged-*")
    assert aside.read_bytes() == damaged  # kept for whoever wants to look at it
    cache.put("crossref", "doi", "10.1/5", [{"title": "again"}])
    assert cache.get("crossref", "doi", "10.1/5") == [{"title": "again"}]
    assert cache.info()["entries"] == "1"
    assert cache.clear() == 1
    assert not list(tmp_path.glob("cache.db.damaged-*"))  # clear removes the old ones too


def test_cache_commands_work_on_a_damaged_store(tmp_path: Path) -> None:
    (tmp_path / "cache.db").write_bytes(b"not a database at all" * 100)
    info = run("cache", "info", CITECHECK_CACHE_DIR=str(tmp_path))
    assert info.returncode == 0
    [warning] = info.stderr.splitlines()
    assert warning.startswith(f"citecheck: warning: the cache in {tmp_path} was damaged")
    assert "moved it aside to cache.db.damaged-" in warning
    assert "entries: 0" in info.stdout
    assert len(list(tmp_path.glob("cache.db.damaged-*"))) == 1
    (tmp_path / "cache.db").write_bytes(b"\0" * 4096)
    cleared = run("cache", "clear", CITECHECK_CACHE_DIR=str(tmp_path))
    assert (cleared.returncode, cleared.stdout.strip()) == (0, "removed 0 cached look-ups")
    assert "Traceback" not in cleared.stderr
    assert not list(tmp_path.glob("cache.db.damaged-*"))
