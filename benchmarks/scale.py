#!/usr/bin/env python3
"""Editions of any size: per stage, CPU seconds, wall seconds, peak memory, cores used and the ratio to
the floor (lxml parse + serialise of the same corpus), on synthetic editions of N documents (copies of
this edition's documents with new ids, titles and links: benchmarks/synthetic.py) or on a real one.

    PYTHONPATH=src python benchmarks/scale.py --documents 1000 [--jobs N] [--pdf] [--keep DIR]
    PYTHONPATH=src python benchmarks/scale.py --documents 10000 --no-site --no-builds
    PYTHONPATH=src python benchmarks/scale.py --import-tei FOLDER_OR_TAR [--pdf]   (a real corpus)

--no-site leaves out the site-level pages (index, timeline, registers, search: the web edition's own
work, whose cost is not linear yet) and --no-builds the three whole builds, which include them.

Each stage runs in a process of its own (its CPU includes its worker processes'). Memory: "peak MB" is
the peak of its largest process (the kernel's figure for the stage and every process it started), "all
MB" the peak of their sum at any moment (the stage's process and its workers at once, sampled from
/proc every 0.2 s); the web stage also prints the peak of the build's own process before and after the
site pages. --web-only leaves out the floors, load and validate (the ratios to the floor are then empty). Stages: floor (parse + serialise), RELAX NG floor (parse + validate), validate
(RNG + Schematron), web (the document pages, then the site-level pages: index, timeline, registers,
search, reported apart), print (optional: slow), and a whole `teiedit build` three times: cold, with
nothing changed, with one document changed. Targets (issue 21): web <= 15x the floor at 10,000
documents, no page over 2 MB, validation <= 2x the RELAX NG floor, peak memory flat from 1,000 to 10,000
documents, a rebuild with nothing changed <= 2 s and with one document changed <= 5 s at 1,000.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# a script's folder comes first on sys.path: keep benchmarks/ off it (see benchmarks/pdf.py)
sys.path = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(REPO / "src"))


# -- stages, each run in a process of its own -----------------------------------------------------


def _stage(
    name: str, root: Path, jobs: int, site: bool = True, limit: int = 0, pages: bool = True
) -> dict[str, object]:
    """Run one stage here; returns figures the parent prints (besides CPU, wall and memory)."""
    from lxml import etree

    from teiedit.config import load_settings
    from teiedit.edition import Edition, record_cache
    from teiedit.edition_files import edition_tei_files
    from teiedit.workers import Workers

    settings = load_settings(root)
    files = edition_tei_files(settings)
    if name == "floor":
        for f in files:
            etree.tostring(etree.parse(str(f)))
        return {"files": len(files), "bytes": sum(f.stat().st_size for f in files)}
    if name == "rng-floor":
        rng = etree.RelaxNG(etree.parse(str(settings.rng)))
        for f in files:
            rng.validate(etree.parse(str(f)))
        return {}
    with Workers(jobs=jobs) as workers:
        if name == "load":
            edition = Edition.load(settings)
            return {"documents": len(edition)}
        if name == "validate":  # as `teiedit validate tei/`: every file read, parsed and checked
            from teiedit.validate import validate_paths
            from teiedit.validate.schemas import edition_schemas

            report = validate_paths(files, edition_schemas(settings), workers)
            return {"invalid": report.count_invalid_files()}
        if name in ("web", "print"):
            from teiedit.builder import BuildOptions
            from teiedit.builders.registry import get_builder

            if not site:  # the document pages only: no index, registers, entity pages or search
                from teiedit.builders import html
                from teiedit.builders.sitepages import SiteRun

                html.render_site = lambda *a, **k: SiteRun([], {})  # type: ignore[assignment]
                html.render_search = lambda *a, **k: []  # type: ignore[assignment]
            if not pages:  # the site pages only: the document pages are not rendered
                from teiedit.builders import html

                html.render_pages = lambda *a, **k: None  # type: ignore[assignment]
            edition = Edition.load(settings, cache=record_cache(settings))
            # this process's CPU so far: start-up and loading (no worker has started yet)
            loaded_cpu = time.process_time()
            if limit and name == "print":  # the print edition of the first ``limit`` documents
                edition = Edition.from_files(settings, edition_tei_files(settings)[:limit])
            marks: list[tuple[str, float, float, float]] = []

            def say(message: str) -> None:
                own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                marks.append((message, time.process_time(), time.perf_counter(), own))

            options = BuildOptions(progress=say, workers=workers, force=True)
            t_cpu = time.process_time()
            builder = "html" if name == "web" else "pdf"
            get_builder(builder).build(edition, settings.out / builder, options)
            end_cpu, end_wall = time.process_time(), time.perf_counter()
            site = next((m for m in marks if "index" in m[0] and "render" in m[0]), None)
            out: dict[str, object] = {"documents": len(edition)}
            if site is not None:
                out["site_cpu"] = end_cpu - site[1]
                out["site_wall"] = end_wall - site[2]
                out["own_before_site_mb"] = site[3]
            out["own_peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            out["own_cpu"] = end_cpu - t_cpu
            out["load_cpu"] = loaded_cpu
            return out
    raise SystemExit(f"unknown stage {name}")


def run_stage(
    name: str, root: Path, jobs: int, site: bool = True, limit: int = 0, pages: bool = True
) -> dict[str, float]:
    """Run a stage in a new process: its CPU (with its children's), wall time and peak memory."""
    with tempfile.NamedTemporaryFile("r", suffix=".json") as result:
        cmd = [sys.executable, __file__, "--stage", name, str(root), "--jobs", str(jobs)]
        cmd += ([] if site else ["--no-site"]) + ["--pdf-documents", str(limit)]
        cmd += [] if pages else ["--no-pages"]
        t = time.perf_counter()
        proc = subprocess.Popen([*cmd, "--result", result.name], env=_env())
        with TreeMemory(proc.pid) as tree:
            _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        if status != 0:
            raise SystemExit(f"stage {name} failed ({status})")
        extra = json.loads(Path(result.name).read_text() or "{}")
    return {
        "cpu": usage.ru_utime + usage.ru_stime,
        "wall": wall,
        "rss_mb": usage.ru_maxrss / 1024,
        "tree_mb": tree.peak_mb,
        **{k: float(v) for k, v in extra.items()},
    }


def run_command(args: list[str], cwd: Path) -> dict[str, float]:
    """A teiedit command in a new process: CPU (children included), wall, peak memory."""
    t = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "teiedit", *args], cwd=cwd, env=_env(), stdout=subprocess.DEVNULL
    )
    with TreeMemory(proc.pid) as tree:
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"teiedit {' '.join(args)} failed ({status})")
    cpu = usage.ru_utime + usage.ru_stime
    return {"cpu": cpu, "wall": wall, "rss_mb": usage.ru_maxrss / 1024, "tree_mb": tree.peak_mb}


class TreeMemory:
    """The peak of the summed resident memory of a process and its descendants (the build and its
    workers at once), sampled from /proc every 0.2 s while the block runs (0 where there is no /proc).
    The kernel's figure (``ru_maxrss``) is the peak of the largest process alone."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak_mb = pid, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> TreeMemory:
        if Path("/proc/self/stat").is_file():
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _watch(self) -> None:
        page_kb = os.sysconf("SC_PAGE_SIZE") / 1024
        while not self._stop.wait(0.2):
            parents: dict[int, int] = {}
            rss: dict[int, int] = {}
            for stat in Path("/proc").glob("[0-9]*/stat"):
                try:
                    text = stat.read_text()
                except OSError:  # the process ended meanwhile
                    continue
                fields = text[text.rindex(")") + 2 :].split()
                pid = int(stat.parent.name)
                parents[pid], rss[pid] = int(fields[1]), int(fields[21])
            tree, grew = {self.pid}, True
            while grew:
                more = {p for p, parent in parents.items() if parent in tree} - tree
                grew, tree = bool(more), tree | more
            total = sum(rss.get(p, 0) for p in tree) * page_kb / 1024
            self.peak_mb = max(self.peak_mb, total)


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO / "src"), "SOURCE_DATE_EPOCH": "1700000000"}


# -- editions --------------------------------------------------------------------------------------


def synthetic(root: Path, documents: int) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from synthetic import make_edition

    make_edition(root, documents)


def imported(root: Path, source: Path, work: Path) -> int:
    """A new edition at ``root`` with the TEI files of ``source`` (a folder or a .tar.xz) imported."""
    if source.suffix in (".xz", ".gz", ".tar") or source.name.endswith(".tar.xz"):
        unpacked = work / "unpacked"
        with tarfile.open(source) as tar:
            tar.extractall(unpacked, filter="data")
        source = unpacked
    subprocess.run(
        [
            sys.executable,
            "-m",
            "teiedit",
            "init",
            str(root),
            "--title",
            "Imported",
            "--editor",
            "Bench",
        ],
        check=True,
        env=_env(),
        stdout=subprocess.DEVNULL,
    )
    files = sorted(source.rglob("*.xml"))
    subprocess.run(
        [sys.executable, "-m", "teiedit", "import", str(source), "--into", str(root)],
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return len(files)


# -- report ----------------------------------------------------------------------------------------


def line(name: str, f: dict[str, float], floor: float, note: str = "") -> str:
    cores = f["cpu"] / f["wall"] if f["wall"] else 0
    ratio = f"{f['cpu'] / floor:7.1f}x" if floor else "       "
    tree = f.get("tree_mb", 0.0)
    return (
        f"{name:34s} {f['cpu']:9.2f} {f['wall']:9.2f} {f['rss_mb']:8.0f} {tree:8.0f} {cores:6.2f}"
        f" {ratio}  {note}"
    )


def largest_pages(folder: Path) -> tuple[int, str, int]:
    sizes = [(p.stat().st_size, p.name) for p in folder.rglob("*") if p.is_file()]
    big = max(sizes, default=(0, ""))
    return big[0], big[1], sum(1 for s, _ in sizes if s > 2 * 1024 * 1024)


def same_on_a_cluster(root: Path, workers: int, build: list[str], floor: float) -> None:
    """The cluster scaled down: a copy of the edition built cold on a local Dask cluster of
    ``workers`` processes must write the files the incremental builds on one machine wrote."""
    copy = root.with_name(root.name + "-cluster")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("out"))
    start = [sys.executable, "-m", "teiedit", "cluster", "start", "--workers", str(workers)]
    cluster = subprocess.Popen(
        [*start, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=_env()
    )
    try:
        assert cluster.stdout is not None
        address = cluster.stdout.readline().decode().split()[-1]
        jobs = build.index("--jobs")
        on_cluster = [*build[:jobs], *build[jobs + 2 :], "--cluster", address]
        # the CPU of the workers is not the build's own: the figure is the client's
        figures = run_command(on_cluster, copy)
        print(line(f"teiedit build, cold, {workers} cluster workers", figures, floor))
    finally:
        cluster.terminate()
        cluster.wait(timeout=60)

    def files(top: Path) -> dict[str, bytes]:
        return {
            str(f.relative_to(top)): f.read_bytes()
            for folder in ("tei", "out/html", "out/pdf")
            for f in sorted((top / folder).rglob("*"))
            if f.is_file() and ".teiedit-parts" not in f.parts and f.name != "lock"
        }

    here, there = files(root), files(copy)
    differ = [n for n in sorted(set(here) | set(there)) if here.get(n) != there.get(n)]
    print(
        f"  {len(there)} files; differing from the builds on one machine: {len(differ)} {differ[:5]}"
    )
    shutil.rmtree(copy, ignore_errors=True)


def documents(root: Path) -> list[Path]:
    """The edition's documents (registers, front matter and teiedit's hidden folders left out)."""
    tei = root / "tei"
    return sorted(
        f
        for f in tei.rglob("*.xml")
        if not any(
            p.startswith(".") or p in ("registers", "front") for p in f.relative_to(tei).parts
        )
    )


def check_pages(root: Path) -> None:
    """Every document has its page: nothing was lost."""
    from teiedit.edition import safe_page_names

    docs = documents(root)
    made = {p.stem for p in (root / "out" / "html").glob("*.html")}
    missing = [d for d, page in zip(docs, safe_page_names(docs), strict=True) if page not in made]
    print(
        f"  {len(docs)} documents, {len(made)} HTML pages; documents without a page: {len(missing)}"
    )


SITE_PAGES = {"index", "timeline", "persons", "places", "orgs", "search"}


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--documents", type=int, default=1000)
    ap.add_argument("--import-tei", type=Path, help="a real corpus: a folder or .tar.xz of TEI")
    ap.add_argument("--jobs", type=int, default=0, help="processes (0: one per core)")
    ap.add_argument("--pdf", action="store_true", help="also the print edition (slow)")
    ap.add_argument("--keep", type=Path, help="build in this folder and keep it")
    ap.add_argument("--no-site", action="store_true", help="web: the document pages only")
    ap.add_argument(
        "--pdf-documents", type=int, default=0, help="print only the first N documents (0: all)"
    )
    ap.add_argument("--reuse", action="store_true", help="with --keep: use the edition made before")
    ap.add_argument("--pdf-builds", action="store_true", help="the whole builds with print too")
    ap.add_argument(
        "--cluster", type=int, default=0, help="also build on a local cluster of N worker processes"
    )
    ap.add_argument("--no-builds", action="store_true", help="leave out the three whole builds")
    ap.add_argument(
        "--no-pages", action="store_true", help="web: the site pages only (no document page)"
    )
    ap.add_argument(
        "--web-only", action="store_true", help="leave out the floors, load and validate stages"
    )
    ap.add_argument("--stage", help=argparse.SUPPRESS)
    ap.add_argument("--result", help=argparse.SUPPRESS)
    ap.add_argument("root", nargs="?", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # figures as they come
    if args.stage:
        figures = _stage(
            args.stage,
            args.root,
            args.jobs,
            site=not args.no_site,
            limit=args.pdf_documents,
            pages=not args.no_pages,
        )
        Path(args.result).write_text(json.dumps(figures))
        return 0

    work = Path(args.keep or tempfile.mkdtemp(prefix="teiedit-scale-"))
    root = work / "edition"
    reuse = args.reuse and (root / "teiedit.toml").is_file()
    if root.exists() and not reuse:
        shutil.rmtree(root)
    if reuse:
        what = f"the edition in {root}"
    elif args.import_tei:
        given = imported(root, args.import_tei, work)
        what = f"{given} TEI files imported from {args.import_tei.name}"
    else:
        synthetic(root, args.documents)
        what = f"{args.documents} synthetic documents"
    print(f"{what}; jobs {args.jobs or os.cpu_count()}; load average {os.getloadavg()[0]:.1f}")
    print(
        f"{'stage':34s} {'CPU s':>9s} {'wall s':>9s} {'peak MB':>8s} {'all MB':>8s} {'cores':>6s}"
        f" {'/floor':>8s}"
    )
    floor = {"cpu": 0.0}
    if not args.web_only:
        floor = run_stage("floor", root, args.jobs)
        n, size = int(floor.get("files", 0)), floor.get("bytes", 0) / 1e6
        print(line("floor: lxml parse + serialise", floor, 0, f"{n} files, {size:.0f} MB"))
        rng = run_stage("rng-floor", root, args.jobs)
        print(line("RELAX NG floor: parse + validate", rng, floor["cpu"]))
        print(line("load (read, parse, records)", run_stage("load", root, args.jobs), floor["cpu"]))
        val = run_stage("validate", root, args.jobs)
        note = f"{val['cpu'] / rng['cpu']:.2f}x the RELAX NG floor; {val.get('invalid', 0):.0f} invalid"
        print(line("validate (RNG + Schematron)", val, floor["cpu"], note))
    web = run_stage("web", root, args.jobs, site=not args.no_site, pages=not args.no_pages)
    print(line("web edition (all pages)", web, floor["cpu"]))
    site = web.get("site_cpu", 0.0)
    pages = {"cpu": web["cpu"] - site, "wall": web["wall"] - web.get("site_wall", 0), "rss_mb": 0}
    print(line("  of which document pages", pages, floor["cpu"]))
    # the document pages' figure holds the loading of the edition (its own stage above): apart
    load = {"cpu": web.get("load_cpu", 0.0), "wall": 0.0, "rss_mb": 0}
    print(line("    start-up and loading the edition", load, floor["cpu"]))
    rendering = {"cpu": pages["cpu"] - load["cpu"], "wall": 0.0, "rss_mb": 0}
    print(line("    rendering the pages", rendering, floor["cpu"]))
    site_f = {"cpu": site, "wall": web.get("site_wall", 0.0), "rss_mb": 0}
    print(line("  of which site pages (one process)", site_f, floor["cpu"]))
    print(
        f"  the build's own process: peak {web.get('own_before_site_mb', 0):.0f} MB before the site"
        f" pages, {web.get('own_peak_mb', 0):.0f} MB at the end"
    )
    size, name, over = largest_pages(root / "out" / "html")
    print(f"  largest file {size / 1e6:.2f} MB ({name}); {over} files over 2 MB")
    if not args.no_pages:
        check_pages(root)
    if args.pdf:
        limit = args.pdf_documents
        printed = run_stage("print", root, args.jobs, limit=limit)
        what = f"print edition ({limit} documents)" if limit else "print edition (all PDFs)"
        print(line(what, printed, floor["cpu"]))
        pdfs = {p.stem for p in (root / "out" / "pdf").glob("*.pdf")}
        made = {p.stem for p in (root / "out" / "html").glob("*.html")}
        if not limit:
            print(f"  {len(pdfs)} PDFs; pages without a PDF: {len(made - pdfs - SITE_PAGES)}")
        else:
            print(f"  {len(pdfs)} PDFs, {printed['cpu'] / limit:.2f} s CPU per document")
    if args.no_builds:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        return 0
    shutil.rmtree(root / "out", ignore_errors=True)
    build = ["build", "--jobs", str(args.jobs)] + ([] if args.pdf_builds else ["--no-pdf"])
    print(line("teiedit build, cold", run_command(build, root), floor["cpu"]))
    print(line("teiedit build, nothing changed", run_command(build, root), floor["cpu"]))
    victim = documents(root)[-1]
    victim.write_bytes(victim.read_bytes().replace(b"</TEI>", b"<!-- touched --></TEI>", 1))
    print(line("teiedit build, one document changed", run_command(build, root), floor["cpu"]))
    check_pages(root)
    if args.cluster:
        same_on_a_cluster(root, args.cluster, build, floor["cpu"])
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
