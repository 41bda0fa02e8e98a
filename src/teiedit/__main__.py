"""`python -m teiedit` runs the command-line interface."""

from __future__ import annotations

import sys

from teiedit.cli import main

sys.exit(main())
