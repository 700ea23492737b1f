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
            try:
                self._data.move_to_end(key)
            except KeyError:  # another thread evicted it meanwhile: the value is still good
                pass
        return value

    def put(self, key, value) -> None:
        self._data[key] = value
        while len(self._data) > self.size:
            try:
                self._data.popitem(last=False)
            except KeyError:  # another thread emptied it meanwhile
                break
