"""make bench, report section: how long reading an uploaded lab report takes on this machine.

A one-page text PDF (the seed report's layout) and a phone photo of the table layout (tilted 3 degrees,
blurred, JPEG quality 60), both made by tests/report_reading/fixtures.py. Each is read 5 times in this
process (``read_report``) and 5 times through the worker process the server uses (``read_isolated``:
a forked child per file, time and memory limits), after one warm-up read that also starts the worker.
Prints the medians and the targets (text PDF at most 1 s, photo at most 10 s); writes
results/bench_report.json. `python -m scripts.bench --section report` runs only this.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

ROUNDS = 5
TARGETS = {"text_pdf": 1.0, "photo": 10.0}


def timed(read, data: bytes) -> float:
    started = time.perf_counter()
    read(data)
    return time.perf_counter() - started


def run(out: Path) -> dict:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # as the worker runs Tesseract
    from bot.report_reading.reader import read_report
    from bot.report_reading.sandbox import read_isolated, stop_worker
    from tests.report_reading.fixtures import photo, seed_layout, table_layout

    files = {"text_pdf": seed_layout().pdf, "photo": photo(table_layout().pdf, 3.0, blur=1.0, quality=60)}
    stop_worker()
    started = time.perf_counter()
    read_isolated(files["text_pdf"])
    results = {"cores": os.cpu_count(), "rounds": ROUNDS, "worker_start_and_first_pdf_s": round(
        time.perf_counter() - started, 3), "load_average": os.getloadavg()[0]}  # fmt: skip
    for name, data in files.items():
        read_isolated(data)  # warm-up
        in_process = [timed(read_report, data) for _ in range(ROUNDS)]
        isolated = [timed(read_isolated, data) for _ in range(ROUNDS)]
        results[name] = {
            "bytes": len(data),
            "in_process_median_s": round(statistics.median(in_process), 3),
            "worker_median_s": round(statistics.median(isolated), 3),
            "worker_max_s": round(max(isolated), 3),
            "target_s": TARGETS[name],
            "met": statistics.median(isolated) <= TARGETS[name],
        }
    stop_worker()
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench_report.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"\nReading a lab report ({results['cores']} cores, load average {results['load_average']:.1f}):")
    print(f"{'file':10} {'in process':>12} {'via worker':>12} {'worst':>8} {'target':>8}  met")
    for name in files:
        row = results[name]
        print(f"{name:10} {row['in_process_median_s']:>11.2f}s {row['worker_median_s']:>11.2f}s "
              f"{row['worker_max_s']:>7.2f}s {row['target_s']:>7.1f}s  {'yes' if row['met'] else 'NO'}")
    print(f"worker start and first PDF: {results['worker_start_and_first_pdf_s']:.2f}s")
    print(f"Wrote {out / 'bench_report.json'}")
    return results


if __name__ == "__main__":
    run(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "results")
