"""Where labels go: the first candidate position that overlaps nothing already drawn.

A greedy placement over a grid of occupied boxes: node marks first, then node labels (the focus
and the best-connected nodes choose first), then edge labels. It is deterministic, so the same
graph gives the same picture.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

_CELL = 80.0


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle, top-left corner and size, in picture units."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def overlap(self, other: Box) -> float:
        """The area the two boxes share."""
        dx = min(self.right, other.right) - max(self.x, other.x)
        dy = min(self.bottom, other.bottom) - max(self.y, other.y)
        return dx * dy if dx > 0 and dy > 0 else 0.0


def bounds(boxes: Iterable[Box]) -> Box:
    """The smallest box around all `boxes`."""
    boxes = list(boxes)
    x, y = min(b.x for b in boxes), min(b.y for b in boxes)
    return Box(x, y, max(b.right for b in boxes) - x, max(b.bottom for b in boxes) - y)


class Occupied:
    """Boxes already drawn, bucketed in a grid so that a lookup stays local."""

    def __init__(self) -> None:
        self._grid: dict[tuple[int, int], list[Box]] = {}

    def _cells(self, b: Box):
        for i in range(int(b.x // _CELL), int(b.right // _CELL) + 1):
            for j in range(int(b.y // _CELL), int(b.bottom // _CELL) + 1):
                yield i, j

    def add(self, b: Box) -> None:
        for cell in self._cells(b):
            self._grid.setdefault(cell, []).append(b)

    def overlap(self, b: Box) -> float:
        seen: set[int] = set()
        total = 0.0
        for cell in self._cells(b):
            for other in self._grid.get(cell, ()):
                if id(other) not in seen:
                    seen.add(id(other))
                    total += b.overlap(other)
        return total

    def place(
        self, candidates: list[Box], max_overlap: float | None = None
    ) -> tuple[Box | None, float]:
        """The first free candidate (else the least covered one), now occupied, and its overlap.

        With `max_overlap`, a best candidate still covering more than that is not placed (None):
        an edge label may be left out where the picture is crowded, a node label never.
        """
        best, best_overlap = candidates[0], float("inf")
        for c in candidates:
            covered = self.overlap(c)
            if covered < best_overlap:
                best, best_overlap = c, covered
            if covered == 0:
                break
        if max_overlap is not None and best_overlap > max_overlap:
            return None, best_overlap
        self.add(best)
        return best, best_overlap
