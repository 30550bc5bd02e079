"""The intake record store against a real PostgreSQL server that this test starts (Debian's postgresql)."""

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from datetime import datetime, timedelta, timezone

import pytest

from bot.records import IntakeRecord, RecordStore
from bot.scoring import compute_scores
from tests.answers import WORKED_EXAMPLE


def pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        pytest.fail("PostgreSQL is not installed: run `make test` (it installs it) or apt-get install postgresql")
    return found[-1]


def as_postgres(args, **kwargs):
    """Run a PostgreSQL tool as the postgres user when we are root (the server refuses to run as root)."""
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    return subprocess.run(prefix + args, check=True, capture_output=True, text=True, **kwargs)


@pytest.fixture(scope="module")
def postgres_url():
    directory = tempfile.mkdtemp(prefix="intake-pg-")
    if os.geteuid() == 0:
        shutil.chown(directory, "postgres", "postgres")
    data, sock = os.path.join(directory, "data"), directory
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    as_postgres([pg_bin("initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8"])
    as_postgres([pg_bin("pg_ctl"), "-D", data, "-w", "-l", os.path.join(directory, "log"), "-o",
                 f"-p {port} -k {sock} -c listen_addresses=127.0.0.1", "start"])  # fmt: skip
    try:
        as_postgres([pg_bin("createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "intakes"])
        yield f"postgresql+psycopg2://postgres@127.0.0.1:{port}/intakes"
    finally:
        as_postgres([pg_bin("pg_ctl"), "-D", data, "-m", "fast", "stop"])
        time.sleep(0.5)
        shutil.rmtree(directory, ignore_errors=True)


def test_records_on_postgresql(postgres_url):
    store = RecordStore(postgres_url)
    now = datetime.now(timezone.utc)
    scores = compute_scores(WORKED_EXAMPLE)
    old = IntakeRecord("IN-PGOLD2", "pg-1", WORKED_EXAMPLE, scores, {"kind": "skincare_consult"}, [],
                       None, now - timedelta(days=100))  # fmt: skip
    advice = [{"id": "ppi", "title": "t", "text": "x", "sources": []}]
    new = IntakeRecord("IN-PGNEW2", "pg-2", WORKED_EXAMPLE, scores, {"kind": "skincare_consult"}, advice,
                       now - timedelta(minutes=5), now)  # fmt: skip
    store.save(old)
    store.save(new)
    assert store.get("IN-PGNEW2") == new
    assert [r.reference for r in store.listing()] == ["IN-PGNEW2", "IN-PGOLD2"]  # newest first
    assert store.purge(timedelta(days=90)) == 1
    assert store.delete_for_sender("pg-2") == 1
    assert store.get("IN-PGNEW2") is None and store.listing() == []
