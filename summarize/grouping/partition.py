"""Disjoint sets over 0..n-1: the union-find that story linking and copy detection share."""

from __future__ import annotations

__all__ = ["Partition"]


class Partition:
    """Items 0..n-1 in groups that only ever merge (union-find with path halving)."""

    def __init__(self, n: int) -> None:
        self._parent = list(range(n))

    def root(self, k: int) -> int:
        """The representative of `k`'s group."""
        parent = self._parent
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def join(self, a: int, b: int) -> None:
        """Merge the groups of `a` and `b`."""
        self._parent[self.root(a)] = self.root(b)

    def groups(self) -> list[list[int]]:
        """Every group's members in increasing order, groups ordered by their first member."""
        found: dict[int, list[int]] = {}
        for k in range(len(self._parent)):
            found.setdefault(self.root(k), []).append(k)
        return list(found.values())
