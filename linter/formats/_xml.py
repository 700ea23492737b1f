"""A small, safe XML tree for the zipped-XML formats (.odt, .ofd) and for
pdftotext's output.

expat with every entity declaration refused: no internal entity expansion
(no "billion laughs"), no external entities or DTDs fetched. Namespaced tags
read as ``{uri}local``.
"""
from __future__ import annotations

from xml.parsers import expat

from ..errors import InputError


class Node:
    """An element: its tag, attributes and children (Nodes and strings)."""

    __slots__ = ("tag", "attrs", "children")

    def __init__(self, tag: str, attrs: dict[str, str]):
        self.tag = tag
        self.attrs = attrs
        self.children: list[Node | str] = []

    @property
    def local(self) -> str:
        return self.tag.rsplit("}", 1)[-1]

    def elements(self):
        return (c for c in self.children if isinstance(c, Node))

    def find(self, local: str) -> "Node | None":
        return next((c for c in self.elements() if c.local == local), None)

    def iter(self, local: str):
        """Descendants (and self) with this local name, in document order."""
        stack = [self]
        while stack:
            node = stack.pop()
            if node.local == local:
                yield node
            stack.extend(reversed(list(node.elements())))

    def get(self, local: str, default: str | None = None) -> str | None:
        """An attribute by local name, whatever its namespace."""
        for key, value in self.attrs.items():
            if key.rsplit("}", 1)[-1] == local:
                return value
        return default

    def text(self) -> str:
        """All character data below this element."""
        out: list[str] = []
        stack: list[Node | str] = [self]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                out.append(item)
            else:
                stack.extend(reversed(item.children))
        return "".join(out)


class _Refused(Exception):
    pass


def parse(data: bytes, name: str, allow_doctype: bool = False) -> Node:
    """Parse ``data`` into a Node tree or raise InputError naming ``name``."""
    parser = expat.ParserCreate(namespace_separator="}")
    root = Node("", {})
    stack = [root]

    def start(tag, attrs):
        node = Node("{" + tag if "}" in tag else tag, attrs)
        stack[-1].children.append(node)
        stack.append(node)

    def end(tag):
        stack.pop()

    def chars(data):
        children = stack[-1].children
        if children and isinstance(children[-1], str):
            children[-1] += data
        else:
            children.append(data)

    def refuse(*_):
        raise _Refused("entity declarations are not allowed")

    def doctype(*_):
        if not allow_doctype:
            raise _Refused("a DOCTYPE is not allowed")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.buffer_text = True
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(data, True)
    except _Refused as exc:
        raise InputError(f"{name}: refused: {exc}") from None
    except expat.ExpatError as exc:
        raise InputError(f"{name}: malformed XML ({expat.errors.messages.get(exc.code, 'error')}, "
                         f"line {exc.lineno})") from None
    top = next(root.elements(), None)
    if top is None:
        raise InputError(f"{name}: empty XML")
    return top
