"""make bench, what a message costs: CPU time per message and the cost of a message by its place in the conversation.

- CPU time: the user and system time of every server process of a bot (ours: the Rasa server and the action server;
  the starter bot: its Rasa server), with their children, read from /proc before and after each run. Per message it
  does not depend on how busy the machine is the way latency and throughput do (the machine is shared).
- The curve: one conversation at a time, ``CURVE_ROUNDS`` rounds per bot, the median time and CPU time of each
  message by its position. "Flat cost": the median of the answers to the last 5 questions against the first 5
  (at most 1.2 x), and the results turn against the answer to the first question (at most 1.5 x).
- The load average (1 minute) is kept beside every run, so each figure says how busy the machine was.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import time
from pathlib import Path

import aiohttp

from scripts import bench_load

CURVE_ROUNDS = 8
# Positions in our conversation (scripts/bench_load.py, OUR_CONVERSATION): 0 the greeting, 1 to 29 the answers to the
# 29 questions asked, 30 "ja" to the summary, which brings the results.
FIRST_QUESTIONS = slice(1, 6)
LAST_QUESTIONS = slice(25, 30)
FIRST_QUESTION, RESULTS = 1, 30
TARGETS = {"last_5_over_first_5": 1.2, "results_over_first_question": 1.5}


def pids_of(pid: int) -> list:
    try:
        children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    except OSError:
        children = []
    return [pid] + [int(child) for child in children]


def cpu_seconds(pids: list) -> float:
    """User and system CPU time of the processes and their children so far."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for parent in pids:
        for pid in pids_of(parent):
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def load_average() -> float:
    return round(os.getloadavg()[0], 2)


def timed_run(bot, run) -> dict:
    """``run()`` (one bench_load.drive), with the bot's CPU time and the load average around it."""
    pids = [process.pid for process in bot.processes.values()]
    before, load_before = cpu_seconds(pids), load_average()
    result = run()
    result["cpu_s"] = cpu_seconds(pids) - before
    result["load_average"] = round((load_before + load_average()) / 2, 2)
    return result


async def one_conversation(bot, name: str) -> tuple:
    """Each message's time (ms) and the bot's CPU time for it (ms)."""
    pids = [process.pid for process in bot.processes.values()]
    latencies, cpu = [], []
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=bench_load.REQUEST_TIMEOUT_S)) as session:
        sender = await bench_load.new_sender(session, bot, name)
        for text in bot.conversation:
            used, began = cpu_seconds(pids), time.perf_counter()
            await bench_load.send(session, bot.port, sender, text)
            latencies.append((time.perf_counter() - began) * 1000)
            cpu.append((cpu_seconds(pids) - used) * 1000)
    return latencies, cpu


def curve(bot) -> dict:
    """The median time and CPU time of each message by its position, one conversation at a time."""
    loads = [load_average()]  # before the rounds, and after them below
    rounds = [asyncio.run(one_conversation(bot, f"curve-{i}-{time.time_ns()}")) for i in range(CURVE_ROUNDS)]
    latency = [round(statistics.median(values), 1) for values in zip(*(r[0] for r in rounds))]
    cpu = [round(statistics.mean(values), 1) for values in zip(*(r[1] for r in rounds))]  # 10 ms ticks: a mean
    return {"rounds": CURVE_ROUNDS, "p50_ms_by_position": latency, "cpu_ms_by_position": cpu,
            "load_average": round(statistics.mean(loads + [load_average()]), 2)}  # fmt: skip


def flat_cost(ours: dict) -> dict:
    """The flat-cost figures of our curve."""
    latency = ours["p50_ms_by_position"]
    first5, last5 = statistics.median(latency[FIRST_QUESTIONS]), statistics.median(latency[LAST_QUESTIONS])
    return {
        "first_5_questions_ms": first5,
        "last_5_questions_ms": last5,
        "last_5_over_first_5": round(last5 / first5, 2),
        "first_question_ms": latency[FIRST_QUESTION],
        "results_turn_ms": latency[RESULTS],
        "results_over_first_question": round(latency[RESULTS] / latency[FIRST_QUESTION], 2),
    }


def plot(curves: dict, path: Path) -> None:
    """The per-position curve of both bots: time and CPU time per message."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, (left, right) = plt.subplots(1, 2, figsize=(12, 4), sharex=True)
    for name, data in curves.items():
        positions = range(len(data["p50_ms_by_position"]))
        left.plot(positions, data["p50_ms_by_position"], marker="o", markersize=3, label=name)
        right.plot(positions, data["cpu_ms_by_position"], marker="o", markersize=3, label=name)
    left.set_ylabel("time per message, median (ms)")
    right.set_ylabel("CPU time of the servers per message, mean (ms)")
    for axis in (left, right):
        axis.set_xlabel("position in the conversation (0: greeting; ours: 30 = the results)")
        axis.set_ylim(bottom=0)
        axis.legend()
    figure.suptitle(f"Cost of a message by its place in the conversation, one at a time ({CURVE_ROUNDS} rounds)")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
