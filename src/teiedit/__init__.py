"""teiedit: plaintext sources to a validated, published TEI P5 scholarly edition."""

from __future__ import annotations

__version__ = "0.1.0"
