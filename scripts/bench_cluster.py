"""The cluster section of make bench: 1 against 2 Rasa servers behind nginx, and the cost of a message by its
place in the conversation.

One cluster (scripts/cluster.py: nginx, 2 Rasa servers, 2 action servers, PostgreSQL, Redis) and a second
nginx that sends everything to Rasa server 1 only; both share the action servers and the stores, so the
only difference is the number of Rasa servers. At 8 and 32 concurrent conversations each setup runs
twice, in the order 1, 2, 2, 1 (the machine's speed drifts). Then one conversation at a time, several
rounds, gives the time of each message by its position. With py-spy installed, Rasa server 1 is profiled
during a 32-concurrent run of the 1-server setup (results/cluster_profile.txt).

    python -m scripts.bench_cluster [--model models/intake.tar.gz] [--out results]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts import bench_cost, bench_load, cluster

LEVELS = (8, 32)
CURVE_ROUNDS = 6


class Target:
    """What bench_load.drive needs: a port with our REST channel and the conversation to send."""

    def __init__(self, name: str, port: int):
        self.name, self.port = name, port
        self.conversation, self.with_actions = bench_load.OUR_CONVERSATION, True


def one_server_nginx(directory: Path, port: int, spare_port: int, state: dict) -> subprocess.Popen:
    """An nginx like the cluster's whose Rasa upstream is server 1 only."""
    prefix = directory / "nginx-one"
    (prefix / "tmp").mkdir(parents=True, exist_ok=True)
    (prefix / "nginx.conf").write_text(cluster.nginx_conf(prefix, port, spare_port, 10))
    actions = [(s["port"], True) for name, s in state["services"].items() if name.startswith("actions-")]
    (prefix / "upstreams.conf").write_text(cluster.upstreams([(state["services"]["rasa-1"]["port"], True)], actions))
    process = subprocess.Popen([cluster.Cluster.nginx_binary(), "-p", str(prefix), "-c", str(prefix / "nginx.conf")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.time() + 20
    while not cluster.http_ok(f"http://127.0.0.1:{port}/health/live"):
        if time.time() > deadline:
            raise RuntimeError("the 1-server nginx did not start")
        time.sleep(0.3)
    return process


def profile(pid: int, seconds: int, out: Path):
    """py-spy, when installed, on one server: a subprocess that writes its samples to ``out``."""
    spy = shutil.which("py-spy") or str(bench_load.VENV_BIN / "py-spy")
    if not Path(spy).exists():
        return None
    return subprocess.Popen([spy, "record", "--pid", str(pid), "--duration", str(seconds), "--format", "raw",
                             "--output", str(out), "--gil"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip


# Steps of a turn, each matched by a frame "function (file" anywhere in a sample's stack.
STEPS = {
    "NLU (parse_message)": "parse_message (rasa/core/processor.py",
    "read the tracker (query, replay the events)": "_retrieve (rasa/core/tracker_store.py",
    "policies and actions (prediction loop)": "_run_prediction_loop (rasa/core/processor.py",
    "  of which the action server call": "request (rasa/utils/endpoints.py",
    "  of which tracker copies per action": "copy (rasa/shared/core/trackers.py",
    "save the tracker": "save (rasa/core/tracker_store.py",
    "PostgreSQL client (psycopg2, SQLAlchemy)": "sqlalchemy/",
    "Redis client (lock store)": "redis/",
    "TensorFlow (DIET inference)": "tensorflow/",
    "JSON (events in and out)": "json/",
}


def breakdown(raw: Path) -> list:
    """From py-spy's raw output (``--gil``: only the thread holding Python's lock, i.e. the server's CPU
    time, waits for PostgreSQL or Redis left out): the share of samples in which each step appears."""
    counts = dict.fromkeys(STEPS, 0)
    busy = 0
    for line in raw.read_text().splitlines():
        stack, _, n = line.rpartition(" ")
        if stack.split(";")[-1].startswith("_worker ("):
            continue  # a thread-pool worker waiting for work
        busy += int(n)
        for step, marker in STEPS.items():
            if marker in stack:
                counts[step] += int(n)
    return [{"step": step, "share": round(n / busy, 3)} for step, n in counts.items()] if busy else []


def curve(target: Target) -> dict:
    """Median time of each message by its position, one conversation at a time."""
    rounds = [asyncio.run(bench_load.drive(target, 1, f"curve-{i}-{time.time_ns()}"))["latencies"]
              for i in range(CURVE_ROUNDS)]  # fmt: skip
    per_position = [round(statistics.median(values), 1) for values in zip(*rounds)]
    return {"rounds": CURVE_ROUNDS, "p50_ms_by_position": per_position,
            **bench_cost.flat_cost({"p50_ms_by_position": per_position})}  # fmt: skip


def measure(model: Path, out: Path) -> dict:
    directory = Path(tempfile.mkdtemp(prefix="intake-bench-cluster-"))
    base = cluster.free_port_block(12)
    env = {"RASA_PORT": str(base), "ACTION_PORT": str(base + 4), "CLUSTER_PG_PORT": str(base + 8),
           "CLUSTER_REDIS_PORT": str(base + 9), "CLUSTER_REPLICAS": "2", "CLUSTER_ACTION_REPLICAS": "2",
           "CLUSTER_MODEL": str(model), "CHAT_SESSION_SECRET": "bench-secret",
           "RASA_AUTH_TOKEN": "bench-token"}  # fmt: skip
    process = cluster.launch(directory, env)
    one = None
    try:
        state = cluster.wait_ready(process, directory)
        one = one_server_nginx(directory, base + 10, base + 11, state)
        targets = {"1 server": Target("1 server", base + 10), "2 servers": Target("2 servers", base)}
        results: dict = {"levels": list(LEVELS), "runs": {name: [] for name in targets}}
        for level in LEVELS:
            runs: dict = {name: [] for name in targets}
            for name in ["1 server", "2 servers", "2 servers", "1 server"]:
                spy = None
                if level == 32 and name == "1 server" and not runs[name]:
                    spy = profile(state["services"]["rasa-1"]["pid"], 15, out / "cluster_profile.raw")
                runs[name].append(asyncio.run(bench_load.drive(targets[name], level, f"{name}-{time.time_ns()}")))
                if spy is not None:
                    spy.wait(timeout=60)
            for name in targets:
                results["runs"][name].append(bench_load.pooled(runs[name]))
        results["rss_mb"] = {name: round(bench_load.rss_mb(s["pid"]), 1) for name, s in state["services"].items()
                             if s["pid"] and name.startswith(("rasa-", "actions-"))}  # fmt: skip
        results["curve"] = curve(targets["1 server"])
        if (out / "cluster_profile.raw").exists():
            results["profile_rasa_32_concurrent_1_server"] = breakdown(out / "cluster_profile.raw")
        return results
    finally:
        if one is not None:
            one.send_signal(signal.SIGQUIT)
            one.wait(timeout=30)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=180)
        shutil.rmtree(directory, ignore_errors=True)


def summary(results: dict) -> list:
    rows = []
    for level in LEVELS:
        one, two = (next(r for r in results["runs"][n] if r["concurrency"] == level) for n in ("1 server", "2 servers"))
        for key, label, unit in (("messages_per_s", "msg/s", "1/s"), ("p50_ms", "p50", "ms"), ("p95_ms", "p95", "ms"),
                                 ("p99_ms", "p99", "ms")):  # fmt: skip
            rows.append({"figure": f"{label} at {level} concurrent ({unit})", "one": one[key], "two": two[key],
                         "ratio": round(two[key] / one[key], 2)})  # fmt: skip
    return rows


def report(results: dict) -> None:
    print("\nCluster: nginx + PostgreSQL + Redis + 2 action servers, with 1 and with 2 Rasa servers")
    print(f"{'figure':32} {'1 server':>10} {'2 servers':>10} {'2 / 1':>8}")
    for row in results["summary"]:
        print(f"{row['figure']:32} {row['one']:>10} {row['two']:>10} {row['ratio']:>8}")
    for name, mb in results["rss_mb"].items():
        print(f"resident memory, {name} (MB){'':<10} {mb:>10}")
    c = results["curve"]
    print(f"\nTime per message by position (1 conversation at a time, p50 of {c['rounds']} rounds, ms):")
    print("  " + " ".join(str(round(v)) for v in c["p50_ms_by_position"]))
    print(f"  the first 5 questions {c['first_5_questions_ms']} ms, the last 5 {c['last_5_questions_ms']} ms: "
          f"{c['last_5_over_first_5']} (target <= 1.2); the results turn {c['results_turn_ms']} ms, "
          f"{c['results_over_first_question']} x the first question (target <= 1.5)")
    profile = results.get("profile_rasa_32_concurrent_1_server", [])
    if profile:
        print("\nWhere Rasa server 1 spends its CPU time (py-spy --gil, 32 concurrent, 1 server; steps overlap):")
    for row in profile:
        print(f"  {row['share']:6.1%}  {row['step']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default=str(bench_load.ROOT / "models" / "intake.tar.gz"))
    parser.add_argument("--out", default=str(bench_load.ROOT / "results"))
    args = parser.parse_args()
    run(Path(args.model), Path(args.out))
    return 0


def run(model: Path, out: Path) -> dict:
    """Measure, print, and write results/bench_cluster.json."""
    out.mkdir(parents=True, exist_ok=True)
    print("Cluster section: starting the cluster and measuring 1 and 2 Rasa servers ...", flush=True)
    results = measure(model, out)
    results["summary"] = summary(results)
    (out / "bench_cluster.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    report(results)
    print(f"\nWrote {out / 'bench_cluster.json'}")
    return results


if __name__ == "__main__":
    sys.exit(main())
