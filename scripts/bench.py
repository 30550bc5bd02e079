"""make bench: latency, throughput, memory, start-up and training time, ours beside Rasa's starter bot.

Everything runs on loopback. Each bot is trained (timed) and started one after the other (time
to the first answer; ours is up but idle while the baseline starts). Then complete simulated
conversations go over the REST channel at 1, 8 and 32 concurrent conversations, each level run
twice per bot in the order ours, baseline, baseline, ours, so that a machine whose speed drifts
during the run favours neither. Prints each figure with ours / baseline, writes
results/bench.json and results/bench_latency.png. Then the cluster section (scripts/bench_cluster.py):
1 against 2 Rasa servers behind nginx, and the cost of a message by its place in the conversation. Then
the report section (scripts/bench_report.py): reading an uploaded lab report, a text PDF and a photo.
"""

from __future__ import annotations

import argparse
import asyncio
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
        args = [str(VENV_BIN / "rasa"), "run", "--model", str(self.model), "--port", str(self.port), "--interface",
                "127.0.0.1", "--credentials", str(self.workdir / "credentials.yml"), "--quiet"]  # fmt: skip
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
                runs[name].append(asyncio.run(drive(bots[name], level, f"{name}-{time.time_ns()}")))
            for name in names:
                results[name]["runs"].append(pooled(runs[name]))
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
        for key, label in (("p50_ms", "p50"), ("p95_ms", "p95"), ("p99_ms", "p99"), ("messages_per_s", "msg/s")):
            rows.append(
                (f"{label} at {level} concurrent ({'ms' if key != 'messages_per_s' else '1/s'})", o[key], b[key])
            )
    return rows


def summary(results: dict) -> list:
    """Each figure with ours / baseline (no ratio where the baseline has none, e.g. no action server)."""
    return [
        {"figure": name, "ours": o, "baseline": b, "ratio": round(o / b, 2) if b else None}
        for name, o, b in summary_rows(results)
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
    (out / "bench.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    plot(results, out / "bench_latency.png")

    print(f"\n{'figure':45} {'ours':>10} {'baseline':>10} {'ours/base':>10}")
    for row in results["summary"]:
        ratio = "-" if row["ratio"] is None else row["ratio"]
        print(f"{row['figure']:45} {row['ours']:>10} {row['baseline']:>10} {ratio:>10}")
    print(f"\nWrote {out / 'bench.json'} and {out / 'bench_latency.png'}")


if __name__ == "__main__":
    sys.exit(main())
