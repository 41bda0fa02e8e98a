"""Fault injection for tests: stop the process dead at the N-th write point, as a kill would.

Every durable write (an atomic file write, a rename into place, a folder swap) calls ``checkpoint``
before and after it. With ``TEIEDIT_FAULT_AT=N`` in the environment the N-th call ends the process at
once with ``os._exit`` (no clean-up, no ``finally``), which is what SIGKILL or a power cut leaves behind;
``TEIEDIT_FAULT_LOG=FILE`` appends every point's label to FILE, so a test can count the points of a run.
Without these variables a checkpoint costs one dictionary look-up.
"""

from __future__ import annotations

import os

#: The exit status of a process stopped by a fault (distinct from teiedit's 0, 1, 2 and from 130).
FAULT_EXIT = 86

_count = 0


def checkpoint(label: str) -> None:
    """A point where a crash must leave every file old or new; see the module docstring."""
    global _count
    at = os.environ.get("TEIEDIT_FAULT_AT")
    log = os.environ.get("TEIEDIT_FAULT_LOG")
    if at is None and log is None:
        return
    _count += 1
    if log:
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()} {_count} {label}\n")
    if at is not None and at.isdigit() and _count == int(at):
        os._exit(FAULT_EXIT)
