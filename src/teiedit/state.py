"""What teiedit wrote into a TEI folder, so that it merges an editor's hand corrections instead of losing
them.

``<tei>/.teiedit-state.json`` records, per file a conversion wrote, the SHA-256 of the bytes written there
(a pure conversion or a merge), the SHA-256 of the pure conversion (the *base*, kept in
``<tei>/.teiedit/base/``), the source it came from (with the source's SHA-256), the conversion
fingerprint, and the conflicts of its last merge that are not resolved yet. The state is a cache of what
the files say themselves: every file a conversion writes carries a stamp (see :mod:`teiedit.stamp`), so a
lost or damaged state is rebuilt from the files and the bases, never by assuming hand edits.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from teiedit.io import sha256_bytes, write_text_atomic
from teiedit.stamp import Stamp, read_stamp

STATE_NAME = ".teiedit-state.json"
#: teiedit's own folder inside a TEI folder: bases, conflicts, the lock, transactions.
OWN_DIR = ".teiedit"
BASE_DIR = f"{OWN_DIR}/base"
#: The base a conflicting merge started from, kept until the conflict is resolved (`teiedit resolve`).
CONFLICTS_DIR = f"{OWN_DIR}/conflicts"
OWN_GITIGNORE = "lock\ntxn/\n"


@dataclass
class FileState:
    sha256: str
    source: str
    source_sha256: str
    fingerprint: str
    #: The pure conversion this file descends from (kept in .teiedit/base/); "" when unknown.
    base_sha256: str = ""
    #: The name the conversion gave the file (differs from the file's name when the editor renamed it).
    doc: str = ""
    #: Unresolved conflicts of the last merge (MergeConflict.to_json() each).
    conflicts: list[dict[str, object]] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "sha256": self.sha256,
            "base_sha256": self.base_sha256,
            "source": self.source,
            "source_sha256": self.source_sha256,
            "fingerprint": self.fingerprint,
        }
        if self.doc:
            data["doc"] = self.doc
        if self.conflicts:
            data["conflicts"] = self.conflicts
        return data

    @classmethod
    def from_json(cls, data: dict[str, object]) -> FileState:
        names = {f.name for f in dataclasses.fields(cls)}
        entry = cls(**{k: v for k, v in data.items() if k in names})  # type: ignore[arg-type]
        if not entry.base_sha256:
            entry.base_sha256 = (
                entry.sha256
            )  # states before bases: every entry was a pure conversion
        return entry


@dataclass
class TeiState:
    folder: Path
    files: dict[str, FileState] = field(default_factory=dict)
    #: Entries rebuilt from the files' stamps on load (the state had none for them).
    rebuilt: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, folder: Path) -> TeiState:
        """The folder's state; entries missing from the state file are rebuilt from the files."""
        folder = Path(folder)
        state = cls(folder=folder)
        for name, entry in read_entries(folder).items():
            try:
                state.files[name] = FileState.from_json(entry)
            except TypeError:
                continue  # a damaged entry is rebuilt below, like a missing one
        state._rebuild()
        return state

    def _rebuild(self) -> None:
        if not self.folder.is_dir():
            return
        for path in sorted(self.folder.glob("*.xml")):
            if path.name in self.files or not path.is_file():
                continue
            entry = entry_from_files(path, self.base_path(path.name))
            if entry is not None:
                self.files[path.name] = entry
                self.rebuilt.append(path.name)

    def save(self) -> None:
        data = {"files": {k: v.to_json() for k, v in sorted(self.files.items())}}
        write_text_atomic(
            self.folder / STATE_NAME, json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        )

    def base_path(self, name: str) -> Path:
        return self.folder / BASE_DIR / name

    def conflicts_path(self, name: str) -> Path:
        return self.folder / CONFLICTS_DIR / name

    def base_of(self, name: str, mine: bytes) -> bytes | None:
        """The pure conversion the file ``name`` (now ``mine``) descends from, or None when unknown."""
        base = self.base_path(name)
        entry = self.files.get(name)
        if base.is_file():
            data = base.read_bytes()
            if entry is None or not entry.base_sha256 or sha256_bytes(data) == entry.base_sha256:
                return data
        digest = sha256_bytes(mine)
        if entry is not None and digest == entry.sha256 == entry.base_sha256:
            return mine  # teiedit wrote these very bytes as a pure conversion
        stamp, intact = read_stamp(mine)
        return mine if stamp is not None and intact else None

    def is_hand_edited(self, name: str) -> bool:
        """True when the file exists and differs from the pure conversion it descends from."""
        path = self.folder / name
        if not path.exists():
            return False
        entry = self.files.get(name)
        return entry is None or sha256_bytes(path.read_bytes()) != entry.base_sha256

    def outputs_of(self, source: str) -> list[str]:
        return sorted(n for n, e in self.files.items() if e.source == source)

    def is_current(self, source: str, source_sha256: str, fingerprint: str) -> bool:
        """True when every output of this source was made from these bytes by this converter."""
        outs = self.outputs_of(source)
        return bool(outs) and all(
            self.files[n].source_sha256 == source_sha256
            and self.files[n].fingerprint == fingerprint
            and (self.folder / n).exists()
            for n in outs
        )


def read_entries(folder: Path) -> dict[str, dict[str, object]]:
    """The raw entries of the state file ({} when it is missing or damaged: it is rebuilt)."""
    path = Path(folder) / STATE_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files = data.get("files", {})
        return {str(k): v for k, v in files.items() if isinstance(v, dict)}
    except (OSError, ValueError, AttributeError):
        return {}


def write_entries(folder: Path, changes: dict[str, dict[str, object] | None]) -> None:
    """Replace (or with None remove) entries of the state file, keeping the others."""
    entries = read_entries(folder)
    for name, entry in changes.items():
        if entry is None:
            entries.pop(name, None)
        else:
            entries[name] = entry
    data = {"files": dict(sorted(entries.items()))}
    write_text_atomic(
        Path(folder) / STATE_NAME, json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    )


def entry_from_files(path: Path, base: Path) -> FileState | None:
    """A state entry rebuilt from a file's stamp and its base (None: no trace of a conversion)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    stamp, intact = read_stamp(data)
    base_data = base.read_bytes() if base.is_file() else b""
    base_stamp, base_intact = read_stamp(base_data) if base_data else (None, False)
    if base_stamp is not None and base_intact:
        return _entry(base_stamp, sha256_bytes(data), sha256_bytes(base_data))
    if stamp is not None and intact:
        digest = sha256_bytes(data)
        return _entry(stamp, digest, digest)
    if stamp is not None:  # edited, and its base is lost: known to come from teiedit, base unknown
        return _entry(stamp, sha256_bytes(data), "")
    return None


def _entry(stamp: Stamp, sha: str, base_sha: str) -> FileState:
    return FileState(
        sha256=sha,
        source=stamp.source,
        source_sha256=stamp.source_sha256,
        fingerprint=stamp.fingerprint,
        base_sha256=base_sha,
        doc=stamp.doc,
    )


#: The code whose output is the TEI a conversion writes (packages and modules of teiedit).
CONVERTER_PACKAGES = ("readers", "transforms", "entities", "repair", "brackets")
#: registers.py: the register model the entities pass matches with.
CONVERTER_MODULES = (
    "dates.py",
    "months.py",
    "dates_context.py",
    "serialize.py",
    "document.py",
    "mixed.py",
    "registers.py",
    "text.py",
    "language.py",
    "stamp.py",
)


def converter_fingerprint(
    registers: Path | None = None, settings: str = "", model: Path | None = None
) -> str:
    """A hash of teiedit's conversion code, of the labeller model used, of the edition's register files
    and of the settings that reach the TEI (``settings``, see ``config.settings_digest``): a changed
    converter, retrained model, register (a new spelling, a new person) or setting (a new publisher)
    means sources are converted again."""
    pkg = Path(__file__).parent
    h = hashlib.sha256()
    h.update(settings.encode("utf-8"))
    if model is not None and model.is_file():
        h.update(model.read_bytes())
    if registers is not None and registers.is_dir():
        for f in sorted(registers.glob("*.xml")):
            h.update(f.name.encode())
            h.update(f.read_bytes())
    for sub in CONVERTER_PACKAGES:
        for f in sorted(
            p for p in (pkg / sub).rglob("*") if p.suffix in (".py", ".crfsuite") and p.is_file()
        ):
            h.update(f.relative_to(pkg).as_posix().encode())
            h.update(f.read_bytes())
    for name in CONVERTER_MODULES:
        h.update((pkg / name).read_bytes())
    return h.hexdigest()[:16]
