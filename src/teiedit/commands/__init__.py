"""Sub-commands of the CLI, one module each; each module has ``add_parser(subparsers)``.

Adding a command is adding a module and a line in COMMANDS. The commands of the builders (html, pdf,
export) are generated from the BUILDERS table (commands/outputs.py): adding a builder adds no line here.
"""

from __future__ import annotations

from teiedit.commands import (
    build,
    cluster,
    convert,
    entities,
    importer,
    init,
    outputs,
    resolve,
    schema,
    serve,
    train,
    validate,
)
from teiedit.commands.base import Command

COMMANDS: list[Command] = [
    init,
    build,
    convert,
    resolve,
    validate,
    outputs.Renderers,
    schema,
    train,
    entities,
    outputs.Exports,
    importer,
    cluster,
    serve,
]
