"""Compile an ODD's processing model: read the models (over teiedit's own defaults), check them against the
behaviours the stylesheets define, and make the dispatching stylesheet (``teiedit-pm.xsl``)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from teiedit.diagnostics import Diagnostic
from teiedit.odd.pm import ProcessingModel, behaviour_catalogue, check_models, read_models
from teiedit.odd.pm_xslt import models_to_xslt
from teiedit.resources import schema_dir, xslt_dir

#: The compiled processing model in schema/build/, per output: xslt/html/render.xsl includes the web one
#: (every element), xslt/print/document.xsl the print one (the elements whose print models differ).
PM_FILES = {"web": "teiedit-pm.xsl", "print": "teiedit-pm-print.xsl"}


@dataclass(frozen=True)
class CompiledModels:
    xslt: dict[str, bytes]  # output -> stylesheet
    diagnostics: list[Diagnostic]

    @property
    def digest(self) -> str:
        h = hashlib.sha256()
        for output in sorted(self.xslt):
            h.update(output.encode() + b"\0" + self.xslt[output])
        return h.hexdigest()

    def files(self) -> dict[str, bytes]:
        """File name (in schema/build/) -> bytes."""
        return {PM_FILES[o]: data for o, data in self.xslt.items()}


def default_odd() -> Path:
    """teiedit's own ODD, whose models render every element an edition's ODD does not model."""
    return schema_dir() / "teiedit.odd"


def load_processing_model(odd: Path) -> ProcessingModel:
    """The models of ``odd``, over those of teiedit's own ODD for the elements it does not model."""
    pm = read_models(odd)
    builtin = default_odd()
    if builtin.is_file() and builtin.resolve() != Path(odd).resolve():
        pm = pm.over(read_models(builtin))
    return pm


def compile_processing_model(odd: Path) -> CompiledModels:
    """The dispatching stylesheet of an ODD's processing model, and what is wrong with its models."""
    pm = load_processing_model(odd)
    catalogue = behaviour_catalogue(xslt_dir())
    return CompiledModels(models_to_xslt(pm, catalogue), check_models(pm, catalogue))
