"""make bench: latency, throughput, memory, start-up and training time, ours beside Rasa's starter bot.

Everything runs on loopback. Each bot is trained (timed) and started one after the other (time
to the first answer; ours is up but idle while the baseline starts). Then complete simulated
conversations go over the REST channel at 1, 8 and 32 concurrent conversations, each level run
twice per bot in the order ours, baseline, baseline, ours, so that a machine whose speed drifts
during the run favours neither; the CPU time of the servers per message and the load average are kept
beside every run. Then one conversation at a time, the cost of a message by its place in it
(scripts/bench_cost.py). Prints each figure with ours / baseline and the targets, writes
results/bench.json, results/bench_latency.png and results/bench_curve.png. Then the cluster section
(scripts/bench_cluster.py): 1 against 2 Rasa servers behind nginx, and the cost of a message by its
place in the conversation. Then the report section (scripts/bench_report.py): reading an uploaded lab
report, a text PDF and a photo.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

from scripts import bench_cost
from scripts.bench_load import OUR_CONVERSATION, ROOT, VENV_BIN, drive, new_sender, pooled, rss_mb, send

LEVELS = (1, 8, 32)
START_TIMEOUT_S = 300

# The starter bot's own topics, repeated to the same length.
BASELINE_TURNS = ["hello", "I am sad", "yes", "great", "are you a bot?", "bye"]
BASELINE_CONVERSATION = (BASELINE_TURNS * 6)[: len(OUR_CONVERSATION)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Bot:
    """One assistant under test: how to train it and start it."""

    def __init__(self, name: str, workdir: Path, model: Path, conversation: list, with_actions: bool):
        self.name, self.workdir, self.model = name, workdir, model
        self.conversation, self.with_actions = conversation, with_actions
        self.processes: dict = {}
        self.port = free_port()
        self.workdir_tmp = Path(tempfile.mkdtemp(prefix=f"bench-{name}-"))

    def env(self) -> dict:
        return {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2", "LOG_LEVEL": "WARNING",
                "PYTHONWARNINGS": "ignore", "ACTION_PORT": str(self.action_port),
                "TRACKER_DB": str(self.workdir_tmp / "trackers.db"), "CHAT_SESSION_SECRET": "bench-secret",
                "INTAKE_DB_URL": f"sqlite:///{self.workdir_tmp / 'intakes.db'}"}  # fmt: skip

    def start(self) -> float:
        """Start the servers; seconds until the first answer."""
        self.action_port = free_port()
        began = time.monotonic()
        if self.with_actions:
            self.processes["actions"] = subprocess.Popen(
                [str(VENV_BIN / "python"), "-m", "scripts.action_server", "--actions", "actions", "--port",
                 str(self.action_port), "--quiet"],
                cwd=self.workdir, env=self.env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
        # Ours as make run starts it (scripts/rasa_cli.py), the starter bot with Rasa's own command.
        ours = [str(VENV_BIN / "python"), "-m", "scripts.rasa_cli"]
        command = ours if self.with_actions else [str(VENV_BIN / "rasa")]
        args = command + ["run", "--model", str(self.model), "--port", str(self.port), "--interface", "127.0.0.1",
                          "--credentials", str(self.workdir / "credentials.yml"), "--quiet"]  # fmt: skip
        if self.with_actions:
            args += ["--endpoints", str(self.workdir / "endpoints.yml")]
        self.processes["rasa"] = subprocess.Popen(
            args, cwd=self.workdir, env=self.env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        asyncio.run(self._first_answer())
        return time.monotonic() - began

    async def _first_answer(self):
        deadline = time.monotonic() + START_TIMEOUT_S
        async with aiohttp.ClientSession() as session:
            while time.monotonic() < deadline:
                try:
                    sender = await new_sender(session, self, "startup-probe")
                    reply = await send(session, self.port, sender, self.conversation[0])
                    if reply and not any(m.get("retry") for m in reply):  # not the error of a turn not completed
                        return
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.25)
        raise RuntimeError(f"{self.name} did not answer within {START_TIMEOUT_S} s")

    def memory(self) -> dict:
        return {name: round(rss_mb(process.pid), 1) for name, process in self.processes.items()}

    def stop(self) -> None:
        for process in self.processes.values():
            process.send_signal(signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def train(args: list, cwd: Path) -> float:
    began = time.monotonic()
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2", "PYTHONWARNINGS": "ignore"}
    subprocess.run(args, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - began


def measure(bots: dict, training: dict) -> dict:
    """Start the bots one after the other (timed), then drive both in the order A B B A at every
    level, so that a machine that gets faster or slower during the run favours neither."""
    results = {name: {"training_s": round(training[name], 1), "runs": []} for name in bots}
    try:
        for name, bot in bots.items():
            results[name]["startup_s"] = round(bot.start(), 1)
        names = list(bots)
        for level in LEVELS:
            runs: dict = {name: [] for name in names}
            for name in names + names[::-1]:
                run = functools.partial(asyncio.run, drive(bots[name], level, f"{name}-{time.time_ns()}"))
                runs[name].append(bench_cost.timed_run(bots[name], run))
            for name in names:
                results[name]["runs"].append(pooled(runs[name]))
        for name in names:  # one conversation at a time, the cost of each message by its position
            results[name]["curve"] = bench_cost.curve(bots[name])
        for name, bot in bots.items():
            results[name]["rss_mb"] = bot.memory()
            results[name]["rss_total_mb"] = round(sum(results[name]["rss_mb"].values()), 1)
    finally:
        for bot in bots.values():
            bot.stop()
    return results


def plot(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(1, len(LEVELS), figsize=(5 * len(LEVELS), 4), sharey=True)
    for axis, level in zip(axes, LEVELS):
        data, labels = [], []
        for name in ("ours", "baseline"):
            run = next(r for r in results[name]["runs"] if r["concurrency"] == level)
            data.append(run["latencies_ms"])
            labels.append(name)
        axis.boxplot(data, labels=labels, showfliers=True)
        axis.set_title(f"{level} concurrent conversation{'s' if level > 1 else ''}")
        axis.set_yscale("log")
    axes[0].set_ylabel("latency per message (ms, log scale)")
    figure.suptitle("Per-message latency over the REST channel: intake assistant vs Rasa starter bot")
    figure.tight_layout()
    figure.savefig(path, dpi=110)


def summary_rows(results: dict) -> list:
    ours, base = results["ours"], results["baseline"]
    rows = [
        ("training time (s)", ours["training_s"], base["training_s"]),
        ("start-up until first answer (s)", ours["startup_s"], base["startup_s"]),
        ("resident memory, Rasa server (MB)", ours["rss_mb"]["rasa"], base["rss_mb"]["rasa"]),
        ("resident memory, action server (MB)", ours["rss_mb"].get("actions", 0), base["rss_mb"].get("actions", 0)),
        ("resident memory, all servers (MB)", ours["rss_total_mb"], base["rss_total_mb"]),
    ]
    for level in LEVELS:
        o = next(r for r in ours["runs"] if r["concurrency"] == level)
        b = next(r for r in base["runs"] if r["concurrency"] == level)
        load = round((o["load_average"] + b["load_average"]) / 2, 2)
        figures = (("p50_ms", "p50", "ms"), ("p95_ms", "p95", "ms"), ("p99_ms", "p99", "ms"),
                   ("messages_per_s", "msg/s", "1/s"), ("cpu_ms_per_message", "CPU ms/msg", "ms"))  # fmt: skip
        for key, label, unit in figures:
            rows.append((f"{label} at {level} concurrent ({unit})", o[key], b[key], load))
    o_cpu, b_cpu = (sum(r["cpu_ms_per_message"] * r["messages"] for r in x["runs"]) / sum(r["messages"] for r in
                    x["runs"]) for x in (ours, base))  # fmt: skip
    rows.append(("CPU time of all servers per message, every level (ms)", round(o_cpu, 1), round(b_cpu, 1), None))
    flat, base_flat = bench_cost.flat_cost(ours["curve"]), bench_cost.flat_cost(base["curve"])
    load = ours["curve"]["load_average"]
    for key, label in (("first_5_questions_ms", "answers to the first 5 questions, p50 at 1 (ms)"),
                       ("last_5_questions_ms", "answers to the last 5 questions, p50 at 1 (ms)"),
                       ("last_5_over_first_5", "last 5 / first 5 (target <= 1.2)"),
                       ("results_turn_ms", "the results turn (ours), the 31st message (baseline) (ms)"),
                       ("results_over_first_question", "results turn / first question (target <= 1.5)")):  # fmt: skip
        rows.append((label, flat[key], base_flat[key], load))
    return rows


TARGETS = (  # figure, ours / baseline at most (or at least, for throughput)
    ("msg/s at 8 concurrent (1/s)", ">=", 1.0), ("msg/s at 32 concurrent (1/s)", ">=", 1.0),
    ("p95 at 8 concurrent (ms)", "<=", 1.0), ("p95 at 32 concurrent (ms)", "<=", 1.0),
    ("p50 at 1 concurrent (ms)", "<=", 1.0), ("training time (s)", "<=", 1.5),
    ("resident memory, all servers (MB)", "<=", 1.0),
)  # fmt: skip


def targets(results: dict) -> list:
    """Each target of the single section: met or not."""
    rows = {row["figure"]: row for row in results["summary"]}
    found = []
    for figure, sense, bound in TARGETS:
        if figure not in rows:
            continue
        ratio = rows[figure]["ratio"]
        found.append({"target": f"{figure}: ours / baseline {sense} {bound}", "ratio": ratio,
                      "met": ratio >= bound if sense == ">=" else ratio <= bound})  # fmt: skip
    flat = bench_cost.flat_cost(results["ours"]["curve"])
    for key, bound in bench_cost.TARGETS.items():
        found.append({"target": f"{key} (ours) <= {bound}", "ratio": flat[key], "met": flat[key] <= bound})
    return found


def summary(results: dict) -> list:
    """Each figure with ours / baseline (no ratio where the baseline has none, e.g. no action server)."""
    return [
        {"figure": name, "ours": o, "baseline": b, "ratio": round(o / b, 2) if b else None, "load_average": load}
        for name, o, b, *rest in summary_rows(results)
        for load in [rest[0] if rest else None]
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(ROOT / "results"))
    parser.add_argument("--section", choices=("all", "single", "cluster", "report"), default="all",
                        help="single: ours vs the starter bot; cluster: 1 vs 2 Rasa servers "
                             "(scripts/bench_cluster.py); report: reading an uploaded lab report "
                             "(scripts/bench_report.py)")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.section in ("all", "single"):
        single(out)
    if args.section in ("all", "cluster"):
        from scripts import bench_cluster

        bench_cluster.run(ROOT / "models" / "intake.tar.gz", out)
    if args.section in ("all", "report"):
        from scripts import bench_report

        bench_report.run(out)
    return 0


def single(out: Path) -> None:
    """Ours beside Rasa's starter bot (the section above)."""

    with tempfile.TemporaryDirectory(prefix="intake-bench-") as tmp:
        tmp = Path(tmp)
        print("Training our model (timed) ...", flush=True)
        rasa = str(VENV_BIN / "rasa")
        ours_training = train(
            [rasa, "train", "--force", "--out", str(tmp / "ours"), "--fixed-model-name", "bench"], ROOT
        )
        print("Creating and training the baseline (rasa init --no-prompt) ...", flush=True)
        base_dir = tmp / "baseline"
        base_dir.mkdir()
        base_training = train([rasa, "init", "--no-prompt", "--init-dir", str(base_dir)], tmp)
        base_model = next((base_dir / "models").glob("*.tar.gz"))
        shutil.rmtree(base_dir / "tests", ignore_errors=True)

        results = {"levels": list(LEVELS), "messages_per_conversation": len(OUR_CONVERSATION), "cores": os.cpu_count()}
        print("Measuring both, each level in the order ours, baseline, baseline, ours ...", flush=True)
        bots = {
            "ours": Bot("ours", ROOT, tmp / "ours" / "bench.tar.gz", OUR_CONVERSATION, True),
            "baseline": Bot("baseline", base_dir, base_model, BASELINE_CONVERSATION, False),
        }
        results.update(measure(bots, {"ours": ours_training, "baseline": base_training}))

    results["summary"] = summary(results)
    results["targets"] = targets(results)
    (out / "bench.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    plot(results, out / "bench_latency.png")
    bench_cost.plot({"ours": results["ours"]["curve"], "starter bot": results["baseline"]["curve"]},
                    out / "bench_curve.png")  # fmt: skip

    print(f"\n{'figure':58} {'ours':>9} {'baseline':>9} {'ours/base':>9} {'load avg':>8}")
    for row in results["summary"]:
        ratio = "-" if row["ratio"] is None else row["ratio"]
        load = "" if row["load_average"] is None else row["load_average"]
        print(f"{row['figure']:58} {row['ours']:>9} {row['baseline']:>9} {ratio:>9} {load:>8}")
    for name in ("ours", "baseline"):
        curve = results[name]["curve"]
        print(f"\n{name}: time per message by position (one conversation at a time, p50 of {curve['rounds']}, ms):")
        print("  " + " ".join(str(round(v)) for v in curve["p50_ms_by_position"]))
        print("  CPU ms: " + " ".join(str(round(v)) for v in curve["cpu_ms_by_position"]))
    print()
    for row in results["targets"]:
        print(f"{'met' if row['met'] else 'NOT MET':8} {row['ratio']:>6}  {row['target']}")
    print(f"(2 cores shared with other work: load average {os.getloadavg()[0]:.2f} at the end)")
    print(f"\nWrote {out / 'bench.json'}, {out / 'bench_latency.png'} and {out / 'bench_curve.png'}")


if __name__ == "__main__":
    sys.exit(main())
