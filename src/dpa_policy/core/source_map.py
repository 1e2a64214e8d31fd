"""Where each value and key of a YAML document was written, found when asked for.

The strict loader (:mod:`.loader`) keeps the parser's node tree beside the data it built;
a position is looked up by walking that tree along a data path, which costs a few steps for
the few values that are ever located (a finding, a problem), instead of recording the
position of every value of every document up front.
"""

from __future__ import annotations

from typing import Any, Iterator, Union

from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from ..findings import Position

PathKey = tuple[Union[str, int], ...]


def position(mark: Any) -> Position:
    """A parser mark (0-based) as a 1-based line and column."""
    return Position(mark.line + 1, mark.column + 1)


class SourceMap:
    """Where each value and mapping key of a document was written.

    Paths are tuples of mapping keys and sequence indexes, e.g. ``("clauses", "audit", "notice")``.
    The map keeps the parser's node tree and walks it when a position is asked for.
    """

    __slots__ = ("_root",)

    def __init__(self, root: Any = None) -> None:
        self._root = root

    def locate(self, path: PathKey) -> Position:
        """Position of the value at ``path``; for a path that is absent, the key of the
        nearest ancestor that is present (a missing clause points at its parent key)."""
        key_node, node, found = self._walk(path)
        if node is None:
            return Position(1, 1)
        if found or key_node is None:
            return position(node.start_mark)
        return position(key_node.start_mark)

    def key(self, path: PathKey) -> Position:
        """Position of the mapping key at ``path`` (falls back to :meth:`locate`)."""
        key_node, _, found = self._walk(path)
        if found and key_node is not None:
            return position(key_node.start_mark)
        return self.locate(path)

    def _walk(self, path: PathKey) -> tuple[Any, Any, bool]:
        """(key node, value node) of the deepest part of ``path`` that is present, and
        whether that is all of it. The key node is None for the root and sequence items."""
        key_node, node = None, self._root
        if node is None:
            return None, None, not path
        for part in path:
            cls = node.__class__
            if cls is MappingNode and isinstance(part, str):
                for key, value in node.value:
                    if key.value == part and key.__class__ is ScalarNode:
                        key_node, node = key, value
                        break
                else:
                    return key_node, node, False
            elif cls is SequenceNode and type(part) is int and 0 <= part < len(node.value):
                key_node, node = None, node.value[part]
            else:
                return key_node, node, False
        return key_node, node, True

    @property
    def values(self) -> dict[PathKey, Position]:
        """Every value's position by path (the whole map at once: for inspection and tests)."""
        return {path: position(node.start_mark) for path, _, node in self._entries()}

    @property
    def keys(self) -> dict[PathKey, Position]:
        """Every mapping key's position by path."""
        return {path: position(key.start_mark) for path, key, _ in self._entries() if key is not None}

    def _entries(self) -> Iterator[tuple[PathKey, Any, Any]]:
        pending: list[tuple[PathKey, Any, Any]] = [((), None, self._root)] if self._root is not None else []
        while pending:
            path, key, node = pending.pop()
            yield path, key, node
            if node.__class__ is MappingNode:
                pending.extend((path + (k.value,), k, v) for k, v in node.value if k.__class__ is ScalarNode)
            elif node.__class__ is SequenceNode:
                pending.extend((path + (i,), None, v) for i, v in enumerate(node.value))
