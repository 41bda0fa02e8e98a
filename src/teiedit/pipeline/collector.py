"""The cyclic garbage collector during a conversion: it leaves alone what was alive before the conversion.

A process that converts keeps large long-lived structures (the word list and letter model of the
repairs, the registers, the caches of word costs and emissions: hundreds of thousands of objects). Each
full collection the conversion's own allocations set off walked them all again, for nothing: they stay
alive. They are set aside (``gc.freeze``) while a conversion runs and given back after it (``gc.unfreeze``),
so that collections scan only the objects the conversion made; garbage is collected as before. A process
that freezes objects itself (a server before it forks), or that turned the collector off, is left as it is.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def older_objects_set_aside(fn: Callable[P, R]) -> Callable[P, R]:
    """``fn`` run with the objects alive before it out of the collector's sight (see the module)."""

    @wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        if gc.get_freeze_count() or not gc.isenabled():
            return fn(*args, **kwargs)
        gc.freeze()
        try:
            return fn(*args, **kwargs)
        finally:
            gc.unfreeze()

    return run
