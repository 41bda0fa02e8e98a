"""What ``teiedit import`` did with each file, and the report an editor reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiedit.diagnostics import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, Diagnostic, Level
from teiedit.exchange.conflicts import Conflict
from teiedit.io import sha256_bytes


@dataclass
class ImportedFile:
    """The outcome for one input file."""

    source: Path
    status: str = ""  # imported | unchanged | merged | kept | included | refused
    name: str = ""  # file name in tei/imported
    reason: str = ""  # why refused / included / how stored
    hint: str = ""
    line: int = 0
    schema: str = ""
    schema_reason: str = ""
    problems: list[Diagnostic] = field(default_factory=list)
    xinclude: list[Path] = field(default_factory=list)
    fallbacks: list[str] = field(default_factory=list)
    #: What was done to an older form of TEI to import it (entities expanded, P4 converted).
    upgraded: list[str] = field(default_factory=list)
    role: str = ""
    #: Places both the editor's corrections and a new import changed (MergeConflict.to_json() each).
    merge_conflicts: list[dict[str, object]] = field(default_factory=list)
    source_sha256: str = ""
    stored_sha256: str = ""
    # working state, not reported
    data: bytes = b""
    tree: etree._ElementTree | None = None
    fragment: str = ""

    def to_json(self, target_dir: Path) -> dict[str, object]:
        return {
            "name": self.name,
            "file": str(target_dir / self.name) if self.name else "",
            "source": str(self.source),
            "status": self.status,
            "reason": self.reason,
            "role": self.role,
            "source_sha256": self.source_sha256,
            "stored_sha256": self.stored_sha256,
            "stored_as": "resolved XInclude"
            if self.xinclude or self.fallbacks
            else ("; ".join(self.upgraded) if self.upgraded else "byte-identical copy"),
            "xinclude": [
                {"file": str(p), "sha256": sha256_bytes(p.read_bytes())} for p in self.xinclude
            ],
            "xinclude_fallbacks": self.fallbacks,
            "schema": self.schema,
            "schema_reason": self.schema_reason,
            "problems": [d.to_json() for d in self.problems],
            "merge_conflicts": self.merge_conflicts,
        }


@dataclass
class ImportReport:
    files: list[ImportedFile]
    conflicts: list[Conflict]
    target_dir: Path

    @property
    def exit_code(self) -> int:
        if any(f.status == "refused" for f in self.files):
            return EXIT_ERROR
        if any(f.problems for f in self.files):
            return EXIT_FINDINGS
        return EXIT_OK

    def to_json(self) -> dict[str, object]:
        return {
            "files": [f.to_json(self.target_dir) for f in self.files],
            "conflicts": [c.to_json() for c in self.conflicts],
        }


def report_lines(
    report: ImportReport, *, max_problems: int = 5, max_conflicts: int = 20
) -> list[Diagnostic]:
    """The report as diagnostics an editor reads top to bottom."""
    out: list[Diagnostic] = []
    for item in report.files:
        if item.status == "refused":
            out.append(
                Diagnostic(
                    message=f"not imported: {item.reason}",
                    path=str(item.source),
                    line=item.line,
                    level=Level.FATAL,
                    suggestion=item.hint,
                    origin="import",
                )
            )
            continue
        if item.status == "included":
            out.append(
                Diagnostic(
                    message=item.reason, path=str(item.source), level=Level.INFO, origin="import"
                )
            )
            continue
        verb = {
            "imported": "imported as",
            "merged": "imported again into",
            "kept": "imported again, your corrected file kept:",
        }.get(item.status, "already imported, unchanged:")
        n = len(item.problems)
        summary = f"{verb} {report.target_dir.name}/{item.name} ({item.role}); "
        summary += f"{n} schema problem{'s' if n != 1 else ''}" if n else "valid"
        summary += f" (schema: {item.schema_reason})"
        if item.reason:
            summary += f"; {item.reason}"
        out.append(
            Diagnostic(message=summary, path=str(item.source), level=Level.INFO, origin="import")
        )
        for mc in item.merge_conflicts:
            out.append(
                Diagnostic(
                    message=f"conflict ({mc['what']} at {mc['where']}): your reading {mc['mine']!r} is "
                    f"kept; the new import reads {mc['fresh']!r}",
                    path=str(report.target_dir / item.name),
                    line=int(str(mc.get("line", 0))),
                    level=Level.WARNING,
                    origin="import",
                )
            )
        for d in item.problems[:max_problems]:
            out.append(d)
        if n > max_problems:
            out.append(
                Diagnostic(
                    message=f"… and {n - max_problems} more (see the manifest)",
                    path=str(item.source),
                    level=Level.ERROR,
                    origin="import",
                )
            )
    for c in report.conflicts[:max_conflicts]:
        out.append(
            Diagnostic(
                message=c.message(),
                level=Level.WARNING,
                origin="registers",
                path=c.entries[0].file,
                line=c.entries[0].line,
            )
        )
    if len(report.conflicts) > max_conflicts:
        out.append(
            Diagnostic(
                message=f"… and {len(report.conflicts) - max_conflicts} more register "
                "conflicts (see the manifest)",
                level=Level.WARNING,
                origin="registers",
            )
        )
    return out
