"""Sub-commands of the CLI, one module each; each module has ``add_parser(subparsers)``.

Adding a command is adding a module and a line in COMMANDS.
"""

from __future__ import annotations

from teiedit.commands import (
    build,
    convert,
    entities,
    export,
    importer,
    init,
    render,
    schema,
    train,
    validate,
)
from teiedit.commands.base import Command

COMMANDS: list[Command] = [
    init,
    build,
    convert,
    validate,
    render.Html,
    render.Pdf,
    schema,
    train,
    entities,
    export,
    importer,
]
