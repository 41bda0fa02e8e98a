"""The library API the CLI calls: convert, validate, build. Incremental; never overwrites hand edits."""

from __future__ import annotations

import os
from copy import deepcopy as copy_tree
from dataclasses import dataclass, field, replace
from pathlib import Path

from teiedit.config import Settings, settings_digest
from teiedit.diagnostics import Diagnostic, Level, Progress, Report, TeieditError
from teiedit.document import TeiDocument, slugify
from teiedit.edition import Edition, record_cache
from teiedit.front_matter import placeholder_findings
from teiedit.io import read_text
from teiedit.lock import folder_lock
from teiedit.per_source import ConvertOptions, check_source_profiles, for_source, set_kind
from teiedit.pipeline.clashes import without_name_clashes
from teiedit.pipeline.collector import older_objects_set_aside
from teiedit.pipeline.validation import validate_edition, validation_cache
from teiedit.readers import Conversion, Source, get_reader
from teiedit.readers.cascade.model import model_path
from teiedit.readers.cascade.reader import CascadeReader
from teiedit.serialize import serialize_tei
from teiedit.source_check import check_sources
from teiedit.staging import sweep_leftovers, sweep_temporary_files
from teiedit.state import TeiState, converter_fingerprint
from teiedit.text import is_xml_safe, page_breaks_to_pb, xml_safe
from teiedit.transaction import recover
from teiedit.transforms import PassContext, run_passes
from teiedit.update import PENDING_DIR, Planned, Updater
from teiedit.workers import Workers, using

__all__ = [
    "PENDING_DIR",
    "ConvertOptions",
    "SourceResult",
    "build",
    "convert_files",
    "validate_edition",
    "validation_cache",
]


@dataclass
class SourceResult:
    """The outcome of converting one source, as the JSON report shows it."""

    source: str
    profile: str = ""
    outputs: list[str] = field(default_factory=list)
    kept_hand_edited: list[dict[str, str]] = field(default_factory=list)
    #: Files whose hand edits were merged with the fresh conversion ({"file", "conflicts"}).
    merged: list[dict[str, str]] = field(default_factory=list)
    #: Places both the editor and the conversion changed ({"file", "line", "where", "mine", "fresh"}).
    conflicts: list[dict[str, object]] = field(default_factory=list)
    skipped_unchanged: bool = False
    conversion: Conversion | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    records: dict[str, list[dict[str, object]]] = field(default_factory=dict)
    removed: list[str] = field(
        default_factory=list
    )  # outputs of an earlier conversion no longer made

    def to_json(self) -> dict[str, object]:
        conv = self.conversion
        return {
            "source": self.source,
            "profile": self.profile,
            "outputs": self.outputs,
            "skipped_unchanged": self.skipped_unchanged,
            "kept_hand_edited": self.kept_hand_edited,
            "merged": self.merged,
            "conflicts": self.conflicts,
            "removed": self.removed,
            "set_aside": [s.to_json() for s in conv.set_aside] if conv else [],
            "orphan_notes": conv.orphan_notes if conv else [],
            "decisions": conv.decisions if conv else [],
            "carried_elsewhere": [s.to_json() for s in conv.spans] if conv else [],
            "repairs": self.records.get("repair", []),
            "passes": {k: v for k, v in self.records.items() if k != "repair"},
            "replaced_characters": [r.to_json() for r in conv.source.replaced] if conv else [],
            "diagnostics": [d.to_json() for d in self.diagnostics],
        }


@older_objects_set_aside
def convert_text(
    source: Source, edition: Settings, options: ConvertOptions
) -> tuple[Conversion, list[Diagnostic], dict[str, list[dict[str, object]]]]:
    """Pure core: a decoded source to TEI documents, with all passes run (no file system)."""
    if not is_xml_safe(source.text):  # text given in memory: the decoding layer's policy applies
        safe = xml_safe(source.text)
        source = replace(
            source,
            text=safe.text,
            replaced=safe.replaced,
            encoding_decision="; ".join([source.encoding_decision, *safe.decisions()]),
        )
    if options.profile:
        reader = get_reader(options.profile)
        decision = f"profile {reader.name!r} chosen by the user"
    else:
        reader = CascadeReader(model=options.model)
        decision = "read by the cascade (segment, label, assemble); kinds decided per document"
    conversion = reader.read(source, edition)
    conversion.decisions.insert(0, decision)
    conversion.decisions.insert(1, source.encoding_decision)
    for doc in conversion.documents:  # the source's page ends the reader left as markers
        conversion.decisions.extend(page_breaks_to_pb(doc.root).decisions())
    ctx = PassContext(settings=edition, options={"repair": options.repair, **options.pass_options})
    diags: list[Diagnostic] = list(conversion.diagnostics)
    for doc in conversion.documents:
        diags.extend(run_passes(doc, ctx, strict=options.strict, only=options.passes))
    if options.kind:  # after the passes, which make profileDesc when the reader wrote none
        conversion.decisions.extend(set_kind(conversion.documents, options.kind))
    return conversion, diags, ctx.records


def source_from_file(path: Path) -> Source:
    decoded = read_text(path)
    return Source(
        text=decoded.text,
        name=slugify(Path(path).stem),
        filename=Path(path).name,
        sha256=decoded.sha256,
        encoding_decision=decoded.decision,
        replaced=decoded.replaced,
    )


def schema_hrefs(out_dir: Path, edition: Settings) -> tuple[str | None, str | None]:
    """Relative hrefs from the output folder to the compiled schemas, for the xml-model PIs."""

    def rel(target: Path) -> str:
        return Path(os.path.relpath(target, out_dir)).as_posix()

    return rel(edition.rng), rel(edition.sch)


def convert_files(
    paths: list[Path],
    out_dir: Path,
    edition: Settings,
    options: ConvertOptions,
    progress: Progress | None = None,
    workers: Workers | None = None,
) -> list[SourceResult]:
    """Convert sources into ``out_dir``; unchanged sources are skipped, hand edits are merged.

    A source that cannot be read is reported in its result (an error diagnostic) and the others are
    still converted. Everything is written as one transaction under the folder's lock (see
    :mod:`teiedit.update`); a transaction a killed run left is finished first. The conversions run on
    ``workers`` when there are many (each source is one task; only this process writes).
    """
    out_dir = Path(out_dir)
    with folder_lock(out_dir, say=progress):
        recover(out_dir)
        sweep_temporary_files(out_dir)
        _tidy_pending(out_dir)
        return _convert_locked(paths, out_dir, edition, options, progress, workers)


def _tidy_pending(out_dir: Path) -> None:
    """Remove pending conversions the editor has taken (copied over the file they were kept beside)."""
    pending = out_dir / PENDING_DIR
    if not pending.is_dir():
        return
    for path in pending.glob("*.xml"):
        target = out_dir / path.name
        if target.is_file() and target.read_bytes() == path.read_bytes():
            path.unlink()


@dataclass
class _Converted:
    """What converting one source gives back from a worker: the conversion (its trees left out, they
    do not travel between processes; the report does not need them), its findings and its files."""

    conversion: Conversion
    diagnostics: list[Diagnostic]
    records: dict[str, list[dict[str, object]]]
    payloads: list[tuple[str, bytes]]
    damaged: bool  # a pass reported a fatal problem: nothing of it is written


def _convert_task(
    task: tuple[Source, Settings, ConvertOptions, str | None, str | None],
) -> _Converted:
    """Convert one source to the bytes of its TEI files (a task for teiedit.workers)."""
    source, edition, options, rng_href, sch_href = task
    conversion, diags, records = convert_text(source, edition, options)
    damaged = any(d.level is Level.FATAL for d in diags)
    payloads: list[tuple[str, bytes]] = []
    if not damaged:  # never write a document a pass damaged
        payloads = [
            (f"{doc.name}.xml", serialize_tei(doc.tree, rng_href=rng_href, sch_href=sch_href))
            for doc in conversion.documents
        ]
    return _Converted(replace(conversion, documents=[]), diags, records, payloads, damaged)


def _convert_locked(
    paths: list[Path],
    out_dir: Path,
    edition: Settings,
    options: ConvertOptions,
    progress: Progress | None,
    workers: Workers | None,
) -> list[SourceResult]:
    state = TeiState.load(out_dir)
    check_source_profiles(edition)
    digest, model = settings_digest(edition), model_path(edition.root, options.model)
    fingerprint = converter_fingerprint(edition.registers, digest, model)
    results: list[SourceResult] = []
    rng_href, sch_href = schema_hrefs(out_dir.resolve(), edition)
    # 1. Convert everything in memory: nothing is written before every source is converted.
    todo: list[tuple[SourceResult, Source, Settings, ConvertOptions, str]] = []
    said = 0

    def say(name: str) -> None:
        nonlocal said
        said += 1
        if progress:
            progress(f"converting {name} ({said}/{len(paths)})")

    if progress:
        progress(f"converting {len(paths)} sources")
    for path in paths:
        path = Path(path)
        result = SourceResult(source=str(path))
        results.append(result)
        try:
            source = source_from_file(path)
        except TeieditError as exc:  # one unreadable source never stops the others
            result.diagnostics.append(replace(exc.diagnostic, level=Level.ERROR, origin="convert"))
            say(path.name)
            continue
        per = edition.source_settings(path.name)
        # a source's own settings are part of its fingerprint (none: the edition's fingerprint)
        own = (
            converter_fingerprint(edition.registers, digest + per.digest(), model)
            if per.digest()
            else ""
        )
        if not options.force and state.is_current(path.name, source.sha256, own or fingerprint):
            result.skipped_unchanged = True
            result.outputs = [str(out_dir / n) for n in state.outputs_of(path.name)]
            say(path.name)
            continue
        # the source's own settings and the labeller model travel with its task (for a worker elsewhere)
        source_edition, source_options = for_source(per, edition, options)
        todo.append((result, source, source_edition, replace(source_options, model=model), own))
    skipped = len(results) - len(todo)  # unreadable or unchanged: nothing to convert
    tasks = [(source, ed, opts, rng_href, sch_href) for _, source, ed, opts, _ in todo]

    def done(n: int) -> None:  # n tasks converted so far (in order)
        while said < skipped + n:
            say(todo[said - skipped][1].filename)

    with using(workers) as pool:
        converted = pool.map(_convert_task, tasks, done=done, chunk=1)
    planned: list[tuple[SourceResult, Planned]] = []
    for (result, source, _, _, own), made in zip(todo, converted, strict=True):
        result.conversion, result.diagnostics = made.conversion, made.diagnostics
        result.records, result.profile = made.records, made.conversion.profile
        if not made.damaged:
            planned.append((result, Planned(source.filename, source.sha256, made.payloads, own)))
    planned = without_name_clashes(planned, state, {Path(p).name for p in paths}, out_dir)
    # 2. Write (merging hand edits), as one transaction.
    updater = Updater(out_dir, state, fingerprint, force=options.force)
    outcomes = [(result, updater.plan(p)) for result, p in planned]
    updater.commit()
    for result, outcome in outcomes:
        result.outputs += outcome.outputs
        result.merged, result.conflicts = outcome.merged, outcome.conflicts
        result.kept_hand_edited, result.removed = outcome.kept, outcome.removed
        result.diagnostics += [
            Diagnostic(
                message="changed while teiedit was converting; left as it is (convert again)",
                path=p,
                level=Level.WARNING,
                origin="convert",
            )
            for p in outcome.skipped
        ]
    if state.rebuilt and not planned:
        state.save()  # what was rebuilt from the files' stamps is kept
    return results


@dataclass
class BuildResult:
    conversions: list[SourceResult]
    validation: Report
    html_pages: list[Path]
    pdfs: list[Path]
    #: What the print edition left out, and why (a document too large to print); no validity finding.
    left_out: list[Diagnostic] = field(default_factory=list)


def build(
    settings: Settings,
    *,
    force: bool = False,
    progress: Progress | None = None,
    pdf: bool = True,
    workers: Workers | None = None,
) -> BuildResult:
    """Convert changed sources into tei/, load the edition (each file read once; a file unchanged
    since the last build is not parsed for it), validate its own documents, write out/html and
    out/pdf. Per-document work runs on ``workers`` (default: this machine's cores).

    One build at a time per edition: the build holds the lock of tei/ (a second one waits, then exits).
    """
    with folder_lock(settings.tei, say=progress):
        # What killed runs left in out/, also when this build does not write that output.
        for folder in ("html", "pdf"):
            sweep_leftovers(settings.out / folder)
            sweep_temporary_files(settings.out / folder)
        sweep_temporary_files(record_cache(settings).parent)  # the records and findings kept
        return _build(settings, force=force, progress=progress, pdf=pdf, workers=workers)


def _build(
    settings: Settings,
    *,
    force: bool,
    progress: Progress | None,
    pdf: bool,
    workers: Workers | None,
) -> BuildResult:
    from teiedit.builder import BuildOptions
    from teiedit.builders.registry import get_builder

    sources, findings = check_sources(settings)
    with using(workers) as pool:
        conversions = convert_files(
            sources, settings.tei, settings, ConvertOptions(force=force), progress, pool
        )
        if progress:
            progress("loading the edition")
        edition = Edition.load(settings, cache=None if force else record_cache(settings))
        report = validate_edition(edition, progress, pool, cache=not force)
        for finding in findings:  # files of sources/ that are no plaintext, an empty folder
            report.add(finding)
        # A document that cannot be read (a repeated xml:id, say) is reported and left out; the rest
        # builds.
        report.extend(edition.problems)
        # pages link to their PDF only when this build writes the print edition
        options = BuildOptions({"link_pdf": pdf}, progress=progress, force=force, workers=pool)
        if progress:
            progress("writing the web edition")
        page_notes: list[Diagnostic] = []  # what a page leaves out (an image not found, say)
        html = get_builder("html").build(
            edition, settings.out / "html", replace(options, notice=page_notes.append)
        )
        report.extend(page_notes)
        if progress:
            progress("making the site harvestable")
        # What the site cannot publish (no base_url, no email...) is listed with what to do.
        site_notes: list[Diagnostic] = []
        get_builder("site").build(
            edition, settings.out / "html", replace(options, notice=site_notes.append)
        )
        report.extend(site_notes)
        pdfs: list[Path] = []
        left_out: list[Diagnostic] = []
        if pdf:
            if progress:
                progress("writing the print edition")
            # a document too large to print is reported and left out; the rest is written
            pdfs = get_builder("pdf").build(
                edition, settings.out / "pdf", replace(options, notice=left_out.append)
            )
            failed = {d.path for d in left_out if d.rule == "print-failed"}
            unprinted = frozenset(ed.page for ed in edition.documents() if str(ed.path) in failed)
            if unprinted:  # their pages link a PDF the layout engine could not make: written again
                again = get_builder("html").build(
                    edition,
                    settings.out / "html",
                    replace(options, values={**options.values, "unprinted": unprinted}),
                )
                html = sorted({*html, *again})
            from teiedit.builders.publish import publish_pdfs

            # the site links pdf/<page>.pdf: its PDFs are in it, wherever it is served from
            publish_pdfs(settings.out / "pdf", settings.out / "html")
    for finding in placeholder_findings(settings):  # what the title page and the site would print
        report.add(finding)
    return BuildResult(conversions, report, html, pdfs, left_out)


def unlinked_mentions(settings: Settings, documents: list[TeiDocument]) -> list[dict[str, object]]:
    """What the entities pass leaves unlinked in each document, and why (run on a copy: nothing changes)."""
    found: list[dict[str, object]] = []
    for doc in documents:
        copy = TeiDocument(tree=copy_tree(doc.tree), name=doc.name)
        ctx = PassContext(settings=settings)
        run_passes(copy, ctx, strict=False, only=["entities"])
        found += [r for r in ctx.records.get("entities", []) if "reason" in r and "ref" not in r]
    return found
