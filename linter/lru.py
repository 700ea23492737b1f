"""A bounded mapping that forgets the least recently used entry first: the
line cache of the engine, and the per-line caches of pure functions in rules."""
from __future__ import annotations

from collections import OrderedDict


class LRU:
    def __init__(self, size: int):
        self.size = size
        self._data: OrderedDict = OrderedDict()

    def get(self, key):
        value = self._data.get(key)
        if value is not None:
            self._data.move_to_end(key)
        return value

    def put(self, key, value) -> None:
        self._data[key] = value
        if len(self._data) > self.size:
            self._data.popitem(last=False)
