"""`make bench`: reply latency, throughput, memory and cold start of our assistant against stock `rasa init`.

Both assistants run on free ports of 127.0.0.1 at the same time, and are measured in alternating blocks so
that other jobs on the machine weigh on both alike. Prints a table and writes bench/RESULTS.md. Usage:

    .venv/bin/python bench/run.py [--messages 500] [--load-messages 200] [--with-training] [--fresh-stock]

Training time (--with-training, or BENCH_TRAINING=1) adds about ten minutes on two cores.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import bridge, cluster, diary, machine, nlu, training  # noqa: E402
from bench.load import WEBHOOK, Run, concurrent, parse_path, sequential, users_script  # noqa: E402
from bench.messages import CONVERSATIONS, PER_CONVERSATION, TOPIC_CONVERSATIONS, script  # noqa: E402
from bench.procmem import tree_mib, tree_size  # noqa: E402
from bench.report import Results, Row, latency_rows, markdown, text  # noqa: E402
from bench.stats import summary  # noqa: E402
from bench.targets import STOCK_DIR, Target, init_stock, start_ours, start_stock  # noqa: E402
from testbed.servers import model_path  # noqa: E402

WARM_UP = 20  # messages per assistant before measuring, not counted
BLOCK = 50  # sequential messages per turn when alternating between the assistants
USER_LEVELS = (1, 4, 16)
OUT = ROOT / "bench" / "RESULTS.md"
WORKDIR = ROOT / "var" / "bench"


def parse() -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=500, help="sequential messages per assistant")
    parser.add_argument("--load-messages", type=int, default=200, help="messages per concurrency level")
    parser.add_argument("--bridge-messages", type=int, default=200, help="for bench/telegram_bridge.py")
    parser.add_argument(
        "--with-training",
        action="store_true",
        default=os.environ.get("BENCH_TRAINING") == "1",
        help="also time `rasa train` from a clean and a warm cache (default: BENCH_TRAINING=1)",
    )
    parser.add_argument("--fresh-stock", action="store_true", help="recreate var/bench/stock even if it exists")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the markdown results")
    args = parser.parse_args()
    if not 1 <= args.messages <= 10_000 or not 16 <= args.load_messages <= 10_000:
        parser.error("--messages must be 1..10000 and --load-messages 16..10000")
    return args


async def alternate(
    targets: list[Target], count: int, prefix: str, parse: bool = False, conversations: list[list[str]] = CONVERSATIONS
) -> dict[str, Run]:
    """count sequential messages to each target, in blocks of BLOCK, alternating which goes first.

    To the REST channel, or with parse to /model/parse (NLU only).
    """
    scripts = {target.name: script(count, f"{prefix}-{target.name}", conversations) for target in targets}
    runs = {target.name: Run() for target in targets}
    for n, start in enumerate(range(0, count, BLOCK)):
        for target in targets if n % 2 == 0 else targets[::-1]:
            path = parse_path(target.token) if parse else WEBHOOK
            block = scripts[target.name][start : start + BLOCK]
            runs[target.name].extend(await sequential(target.url, block, path))
    return runs


def memory(target: Target) -> dict[str, float]:
    """RSS now (MiB) of each process tree of a target."""
    return {role: tree_mib(pid) for role, pid in target.pids.items()}


def serve_and_measure(args: argparse.Namespace, results: Results, run_id: str) -> None:
    """Start both assistants, measure cold start, latency, throughput and memory; always stop them."""
    shutil.rmtree(WORKDIR / "ours", ignore_errors=True)
    targets: list[Target] = []
    try:
        ours = start_ours(WORKDIR / "ours")
        targets.append(ours)
        started = {"ours": memory(ours)}
        stock = start_stock()
        targets.append(stock)
        started["stock"] = memory(stock)
        results.commands += ours.commands + stock.commands
        for phase in ("actions ready", "rasa ready", "first reply"):
            results.add(Row("Cold start (s, from launch)", phase, ours.cold_start[phase], stock.cold_start.get(phase)))

        asyncio.run(alternate(targets, WARM_UP, f"{run_id}-warm"))
        latency = asyncio.run(alternate(targets, args.messages, f"{run_id}-seq"))
        section = f"Reply latency, REST, {args.messages} sequential messages"
        results.add(*latency_rows(section, latency, aims=True))
        topics = asyncio.run(alternate(targets, args.messages, f"{run_id}-topics", conversations=TOPIC_CONVERSATIONS))
        section = f"Reply latency, REST, {args.messages} topic questions only (each answered by a custom action)"
        results.add(*latency_rows(section, topics, aims=True)[:4])
        parse = asyncio.run(alternate(targets, args.messages, f"{run_id}-nlu", parse=True))
        section = f"NLU only: POST /model/parse, the same {args.messages} messages"
        results.add(*latency_rows(section, parse)[:4])

        for users in USER_LEVELS:
            section = f"Throughput, {users} concurrent user(s), {args.load_messages} messages"
            runs: dict[str, Run] = {}
            for target in targets if users % 2 else targets[::-1]:
                load = users_script(users, args.load_messages, f"{run_id}-c{users}-{target.name}")
                runs[target.name] = asyncio.run(concurrent(target.url, load))
            results.add(Row(section, "messages/s", runs["ours"].per_second, runs["stock"].per_second))
            p95 = {name: summary(run.latencies_ms)["p95"] for name, run in runs.items()}
            results.add(Row(section, "p95 (ms)", p95["ours"], p95["stock"]))
            unanswered = {name: float(run.errors) for name, run in runs.items()}
            results.add(Row(section, "unanswered", unanswered["ours"], unanswered["stock"], 0))

        loaded = {"ours": memory(ours), "stock": memory(stock)}
        section = "Memory, RSS of the process tree (MiB)"
        for when, figures in (("after start", started), ("after load", loaded)):
            results.add(Row(section, f"Rasa server, {when}", figures["ours"]["rasa"], figures["stock"]["rasa"], 0))
            results.add(Row(section, f"action server, {when}", figures["ours"]["actions"], None, 0, "stock has none"))
            total = sum(figures["ours"].values())
            results.add(Row(section, f"total, {when}", total, figures["stock"]["rasa"], 0))
        peak = {target.name: sum(tree_mib(pid, "VmHWM") for pid in target.pids.values()) for target in targets}
        results.add(Row(section, "total, peak (VmHWM)", peak["ours"], peak["stock"], 0))
        sizes = ", ".join(f"{t.name} {role}: {tree_size(pid)}" for t in targets for role, pid in t.pids.items())
        results.notes.append(f"Processes per tree (1 = no forked workers): {sizes}.")
    finally:
        for target in reversed(targets):
            target.stop()


def main() -> None:
    """Run every measurement, print the table, write the results file."""
    args = parse()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that `finally` stops the servers
    run_id = time.strftime("%Y%m%d%H%M%S")
    WORKDIR.mkdir(parents=True, exist_ok=True)
    model = model_path()  # raises "run `make train` first" when the current model is missing
    options = " ".join(sys.argv[1:]) or "(defaults)"
    results = Results(machine=machine.describe(), options=f"bench/run.py {options}")
    results.machine["our model"] = str(model.relative_to(ROOT))

    print("Preparing the stock `rasa init` project (trains a model the first time)...", flush=True)
    init_command, init_seconds = init_stock(args.fresh_stock)
    results.commands.append(init_command + ("" if init_seconds is not None else "   # reused: existed already"))
    if init_seconds is not None:
        results.add(Row("Stock project", "`rasa init` incl. training (s)", None, init_seconds))
    else:
        results.notes.append(
            "The stock project in var/bench/stock was reused from an earlier run (its model's name carries the date"
            " it was trained); `--fresh-stock` recreates it and times `rasa init`."
        )

    print("Starting both assistants and measuring (a few minutes)...", flush=True)
    serve_and_measure(args, results, run_id)

    print("Starting the cluster and measuring it (a few minutes)...", flush=True)
    cluster.measure(results, args.load_messages, args.messages, run_id)

    print("Measuring the Telegram bridge...", flush=True)
    rss = bridge.rss()
    for when, mib in rss.items():
        results.add(Row("Telegram bridge (python -m bot), RSS (MiB)", when, mib, None, 0, "stub Rasa, stand-in API"))
    bridge_command, results.bridge_table = bridge.overhead(args.bridge_messages)
    results.commands.append(bridge_command)

    print("Timing the pain diary's chart and logging...", flush=True)
    for name, (timings, target) in diary.samples().items():
        p95 = summary(timings)["p95"]
        verdict = "met" if p95 <= target else "MISSED"
        results.add(
            Row(
                "Pain diary (python -m bench.diary)", f"{name}, p95 (ms)", p95, None, 1, f"aim <= {target:g}: {verdict}"
            )
        )
    results.commands.append("python -m bench.diary   # the same figures, alone")

    scores = nlu.macro_f1()
    if scores is None:
        results.add(Row("NLU quality", "intent macro-F1", None, None, 3, "run make evaluate"))
    else:
        f1, source = scores
        results.add(Row("NLU quality", "intent macro-F1", f1["ours"], f1["stock"], 3, "aim >= 0.95; see notes"))
        results.notes.append(f"NLU macro-F1 {source}.")
    blind = nlu.blind_accuracy()
    if blind is not None:
        accuracy, source = blind
        results.add(Row("NLU quality", "blind set, share answered right", accuracy, None, 3, "aim >= 0.97; see notes"))
        results.notes.append(f"Blind set {source}.")

    if args.with_training:
        print("Timing training: ours from a clean cache and warm, stock from clean (a few minutes)...", flush=True)
        train_command, seconds = training.measure(STOCK_DIR)
        results.commands.append(train_command)
        for when, (ours_seconds, stock_seconds) in seconds.items():
            met = stock_seconds is not None and ours_seconds <= 2 * stock_seconds
            note = f"aim <= 2x stock: {'met' if met else 'MISSED'}" if stock_seconds else ""
            results.add(Row("Training (s)", when, ours_seconds, stock_seconds, 1, note))
        results.notes.append(
            "Training: `rasa train` into a new temporary --out, first with RASA_CACHE_DIRECTORY pointing at an empty"
            " directory (clean), then again with the cache that run filled (warm); the stock project once, from an"
            " empty cache of its own. Logs: var/bench/train-*.log."
        )
    else:
        results.add(Row("Training (s)", "not measured", None, None, 0, "--with-training / BENCH_TRAINING=1"))

    results.machine["load average at end"] = machine.load()
    results.notes += NOTES
    table = text(results)
    print(table)
    args.out.write_text(markdown(results))
    print(f"Written to {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")


NOTES = [
    f"Messages: a fixed list of {PER_CONVERSATION}-message conversations (bench/messages.py), cycled; "
    "a new sender starts every conversation. Both assistants get the same messages.",
    f"Latency is measured by the client, one message at a time over one keep-alive connection, after {WARM_UP} "
    f"warm-up messages each; the assistants take turns in blocks of {BLOCK} messages.",
    "Throughput: each user sends its next message only after the previous reply; messages/s = answered / wall time.",
    "Ours stores conversations in SQLite (as testbed/servers.py and endpoints.yml do) and calls its action server; "
    "stock keeps them in memory and has no custom actions.",
    "Cold start: launch to the first answered REST message; ours launches the action server first, then Rasa "
    "(as scripts/with-actions does), readiness polled every 0.5 s (testbed/servers.py), the first reply every 0.1 s.",
    "Memory: VmRSS from /proc/<pid>/status, summed over each server's process tree; 'after start' is read right "
    "after the first reply. Shared pages count once per process.",
    "The load generator runs on the same machine as the servers and competes for its cores; other jobs may too "
    "(see the load averages). Ratios are fairer than absolute figures: both assistants ran side by side.",
    "Servers listen on free ports of 127.0.0.1 chosen at run time; the API tokens are random per run.",
]


if __name__ == "__main__":
    main()
