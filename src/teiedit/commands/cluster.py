"""teiedit cluster start: a Dask distributed scheduler with worker processes on this machine, for
``teiedit build --cluster ADDRESS`` (here, or from another machine that sees the same files)."""

from __future__ import annotations

import argparse
import signal
import sys
import time

from teiedit.commands.base import Subparsers, UsageParser
from teiedit.diagnostics import EXIT_OK, TeieditError

HELP = """\
Start a Dask scheduler and WORKERS worker processes (one thread each) on this machine and print the
scheduler's address; `teiedit build --cluster ADDRESS` (or `[cluster] scheduler = "ADDRESS"` in
teiedit.toml) then runs conversion, validation, web pages and print parts as tasks on them. Runs until stopped
(Ctrl-C). Workers on other machines join with `dask worker ADDRESS`; every worker must see the
edition folder at the same path and have teiedit installed."""


def add_parser(sub: Subparsers) -> None:
    p = sub.add_parser(
        "cluster", help="start a local Dask cluster for teiedit build --cluster", description=HELP
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=UsageParser)
    start = actions.add_parser("start", help="start a scheduler and workers", description=HELP)
    start.add_argument("--workers", type=int, default=0, help="worker processes (default: cores)")
    start.add_argument("--host", default="127.0.0.1", help="address to listen on (default: local)")
    start.add_argument("--port", type=int, default=8786, help="scheduler port (0: any free port)")
    start.add_argument(
        "--memory", default="auto", metavar="LIMIT", help="memory per worker (e.g. 2GB; auto)"
    )
    start.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.action != "start":
        raise TeieditError("say what to do", hint="teiedit cluster start")
    try:
        from distributed import LocalCluster
    except ImportError:
        raise TeieditError(
            "the cluster needs Dask distributed, which is not installed",
            hint="pip install 'teiedit[cluster]'",
        ) from None
    from teiedit.workers import cores

    if args.workers < 0:
        raise TeieditError("--workers must be 0 or more", hint="0 starts one per core")
    import dask

    # No dashboard is started, so the workers' statistical profiler (a sample every 10 ms) feeds
    # nothing, and the event-loop and system monitors need no fine ticks: with the defaults an idle
    # cluster of two workers spent about 0.08 s of CPU a second, with these about a quarter of that.
    # The worker processes take this configuration from their nannies.
    dask.config.set(
        {
            "distributed.worker.profile.enabled": False,
            "distributed.admin.tick.interval": "1s",
            "distributed.admin.system-monitor.interval": "2s",
        }
    )
    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=args.workers or cores(),
        threads_per_worker=1,
        processes=True,
        host=args.host,
        scheduler_port=args.port,
        dashboard_address=None,
        memory_limit=args.memory,
    )

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)  # stopped by another process: close the workers too
    sys.stdout.write(f"scheduler at {cluster.scheduler_address}\n")
    sys.stdout.flush()
    try:
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        cluster.close()
    return EXIT_OK
