"""A memo for one screened text's closures ('is this sentence about someone?', asked per finding).

functools.cache builds an lru_cache wrapper (update_wrapper and all) each time it is called, and the
screen makes about ten such closures per text: a cost paid on every answer. A dict does the same job.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def memo(fn: Callable[..., T]) -> Callable[..., T]:
    """fn's result per argument tuple, computed once (arguments must be hashable)."""
    saved: dict[tuple, T] = {}

    def once(*key):
        try:
            return saved[key]
        except KeyError:
            value = saved[key] = fn(*key)
            return value

    return once
