"""What teiedit wrote into a TEI folder, so that it never overwrites an editor's hand corrections.

``<tei>/.teiedit-state.json`` records, per file written by a conversion, the SHA-256 of the bytes written,
the source it came from (with the source's SHA-256) and the converter fingerprint. A file whose current
bytes differ from what teiedit wrote has been edited by hand and is left alone.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from teiedit.io import sha256_file, write_text_atomic

STATE_NAME = ".teiedit-state.json"


@dataclass
class FileState:
    sha256: str
    source: str
    source_sha256: str
    fingerprint: str

    def to_json(self) -> dict[str, str]:
        return {
            "sha256": self.sha256,
            "source": self.source,
            "source_sha256": self.source_sha256,
            "fingerprint": self.fingerprint,
        }


@dataclass
class TeiState:
    folder: Path
    files: dict[str, FileState] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path) -> TeiState:
        path = Path(folder) / STATE_NAME
        state = cls(folder=Path(folder))
        if path.is_file():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                for name, entry in data.get("files", {}).items():
                    state.files[name] = FileState(**entry)
            except (ValueError, TypeError):
                pass  # a damaged state file only costs a re-conversion check; hand edits stay safe
        return state

    def save(self) -> None:
        data = {"files": {k: v.to_json() for k, v in sorted(self.files.items())}}
        write_text_atomic(
            self.folder / STATE_NAME, json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        )

    def is_hand_edited(self, name: str) -> bool:
        """True when the file exists and is not byte-identical to what teiedit last wrote there."""
        path = self.folder / name
        if not path.exists():
            return False
        entry = self.files.get(name)
        return entry is None or sha256_file(path) != entry.sha256

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


#: The code whose output is the TEI a conversion writes (packages and modules of teiedit).
CONVERTER_PACKAGES = ("readers", "transforms", "entities", "repair", "brackets")
#: registers.py: the register model the entities pass matches with.
CONVERTER_MODULES = (
    "dates.py",
    "serialize.py",
    "document.py",
    "mixed.py",
    "registers.py",
    "text.py",
    "language.py",
)


def converter_fingerprint(registers: Path | None = None) -> str:
    """A hash of teiedit's conversion code and of the edition's register files: a changed converter or
    register (a new spelling, a new person) means sources are converted again."""
    pkg = Path(__file__).parent
    h = hashlib.sha256()
    if registers is not None and registers.is_dir():
        for f in sorted(registers.glob("*.xml")):
            h.update(f.name.encode())
            h.update(f.read_bytes())
    for sub in CONVERTER_PACKAGES:
        for f in sorted((pkg / sub).rglob("*.py")):
            h.update(f.relative_to(pkg).as_posix().encode())
            h.update(f.read_bytes())
    for name in CONVERTER_MODULES:
        h.update((pkg / name).read_bytes())
    return h.hexdigest()[:16]
