"""Shared fixtures: the trained model in-process (rasa Agent) with the real action code behind a local action server."""

import asyncio
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODEL = Path(os.environ.get("INTAKE_TEST_MODEL") or ROOT / "models" / "intake.tar.gz")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def action_server(tmp_path_factory):
    port = free_port()
    database = tmp_path_factory.mktemp("records") / "intakes.db"
    env = {**os.environ, "CLINIC_NAME": "Testkliniek", "CLINIC_BOOKING_URL": "https://kliniek.example/plan",
           "INTAKE_DB_URL": f"sqlite:///{database}"}  # fmt: skip
    process = subprocess.Popen(
        [sys.executable, "-m", "scripts.action_server", "--actions", "actions", "--port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail("the action server did not start")
            time.sleep(0.3)
    yield f"http://127.0.0.1:{port}/webhook"
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture(scope="session")
def loop():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


@pytest.fixture(scope="session")
def agent(action_server, loop):
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run `make train` (make test does it for you)")
    import logging

    from rasa.core.agent import Agent
    from rasa.utils.endpoints import EndpointConfig
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)

    async def load():
        return Agent.load(str(MODEL), action_endpoint=EndpointConfig(url=action_server))

    return loop.run_until_complete(load())
