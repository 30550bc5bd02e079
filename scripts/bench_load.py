"""What both sections of make bench send and measure: the conversation, the load of simultaneous
conversations over the REST channel, and the figures of a run (percentiles, throughput, memory).

``drive`` takes any target with ``port``, ``conversation`` and ``with_actions`` (ours: signed sessions; the
starter bot: any sender id): scripts/bench.py's bots and scripts/bench_cluster.py's nginx ports.
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import time
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
REQUEST_TIMEOUT_S = 120

# A complete intake in free Dutch text (the worked example of the spec): the greeting, the answers to the 29
# questions asked, and "ja" to the summary ("Klopt dit?"), which brings the results.
OUR_CONVERSATION = [
    "hallo", "ja, dat is goed", "ik ben een vrouw", "40", "drie", "twee boterhammen", "geen", "2 handjes", "1 keer",
    "geen", "een bakje yoghurt per week", "vier keer", "twee keer per dag", "2 tot 3 keer per week", "drie glazen",
    "elke maand", "soms", "soms", "bijna nooit", "vaak", "zes uur", "ik slik pantoprazol", "nee", "1 kuur", "nee",
    "weet ik niet", "acne", "5", "nee", "geen klachten", "ja",
]  # fmt: skip


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB."""
    total = 0
    pids = [pid]
    try:
        children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def percentile(values: list, q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


async def send(session, port: int, sender: str, text: str) -> list:
    url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
    async with session.post(url, json={"sender": sender, "message": text}) as response:
        response.raise_for_status()
        return await response.json()


async def new_sender(session, bot, name: str) -> str:
    """Our channel issues signed sessions; the starter bot's REST channel takes any sender id."""
    if not bot.with_actions:
        return name
    async with session.post(f"http://127.0.0.1:{bot.port}/webhooks/rest/session") as response:
        response.raise_for_status()
        return (await response.json())["session"]


async def converse(session, bot, name: str, latencies: list) -> None:
    sender = await new_sender(session, bot, name)
    for text in bot.conversation:
        began = time.perf_counter()
        await send(session, bot.port, sender, text)
        latencies.append((time.perf_counter() - began) * 1000)


async def drive(bot, concurrency: int, run_id: str) -> dict:
    latencies: list = []
    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        began = time.perf_counter()
        await asyncio.gather(
            *(converse(session, bot, f"{run_id}-{concurrency}-{i}", latencies) for i in range(concurrency))
        )
        elapsed = time.perf_counter() - began
    return {"concurrency": concurrency, "latencies": latencies, "elapsed_s": elapsed}


def pooled(runs: list) -> dict:
    """One figure set from several runs at the same concurrency."""
    latencies = [v for run in runs for v in run["latencies"]]
    elapsed = sum(run["elapsed_s"] for run in runs)
    cpu = sum(run.get("cpu_s", 0.0) for run in runs)  # scripts/bench_cost.py's timed_run keeps these two
    return {
        "cpu_ms_per_message": round(cpu * 1000 / len(latencies), 1),
        "load_average": round(statistics.mean(run.get("load_average", 0.0) for run in runs), 2),
        "concurrency": runs[0]["concurrency"],
        "rounds": len(runs),
        "messages": len(latencies),
        "p50_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(percentile(latencies, 95), 1),
        "p99_ms": round(percentile(latencies, 99), 1),
        "messages_per_s": round(len(latencies) / elapsed, 1),
        "latencies_ms": [round(v, 2) for v in latencies],
    }
