"""Which processing model the web and print stylesheets run: the edition's ODD compiled (over teiedit's own
models) into a dispatching stylesheet, handed to Saxon as the static parameter ``te:models``.

The compiled model is written once per content into a private folder of this process (Saxon includes
stylesheet modules by URI); its digest is part of the web builder's fingerprint, so editing the ODD
re-renders the pages it changes.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from teiedit.config import Settings
from teiedit.diagnostics import TeieditError
from teiedit.io import write_atomic
from teiedit.odd.pm_compile import CompiledModels, compile_processing_model, default_odd

#: The static parameters that name the compiled models, per output.
MODELS_PARAMS = {"web": "{urn:teiedit}models", "print": "{urn:teiedit}print-models"}

_lock = threading.Lock()
_folder: Path | None = None
_cache: dict[tuple[str, float], CompiledModels] = {}
#: The Rendering of each compiled model: every page asks for it, and its digest hashes the stylesheets.
_renderings: dict[tuple[str, float], Rendering] = {}


@dataclass(frozen=True)
class Rendering:
    """The compiled models of a build: the files Saxon includes and the digest that fingerprints them."""

    paths: dict[str, Path]  # output -> file
    digest: str

    @property
    def static(self) -> dict[str, str]:
        return {MODELS_PARAMS[o]: p.as_uri() for o, p in sorted(self.paths.items())}


def edition_odd(settings: Settings) -> Path:
    """The edition's ODD (schema/teiedit.odd of the edition), else teiedit's own."""
    own = settings.schema / "teiedit.odd"
    return own if own.is_file() else default_odd()


def _private_folder() -> Path:
    global _folder
    if _folder is None:
        _folder = Path(tempfile.mkdtemp(prefix="teiedit-pm-"))
        atexit.register(shutil.rmtree, _folder, True)
    return _folder


def rendering(settings: Settings) -> Rendering:
    """The edition's compiled processing model; an ODD whose models name unknown behaviours is an error."""
    odd = edition_odd(settings)
    key = (str(odd.resolve()), odd.stat().st_mtime)
    with _lock:
        known = _renderings.get(key)
        if known is not None and all(p.is_file() for p in known.paths.values()):
            return known
        if key not in _cache:
            _cache[key] = compile_processing_model(odd)
        compiled = _cache[key]
        if compiled.diagnostics:
            first = compiled.diagnostics[0]
            raise TeieditError(
                first.message,
                first.path,
                line=first.line,
                hint=(first.suggestion + "; " if first.suggestion else "")
                + "`teiedit schema` lists every problem of the ODD's models",
            )
        paths = {}
        digest = compiled.digest
        for output, data in compiled.xslt.items():
            path = _private_folder() / f"teiedit-pm-{output}-{digest[:20]}.xsl"
            if not path.is_file():
                write_atomic(path, data)
            paths[output] = path
        _renderings[key] = Rendering(paths, digest)
        return _renderings[key]
