"""JSON and XML as GeoReport v2 clients expect them, and the error list both formats share.

Views build plain Python data (dicts in the spec's key order, lists, strings, numbers, booleans,
None) and hand it here with the names of the XML root and item elements. JSON lists are top-level
arrays; XML has the declaration, no namespace, an element for every key (empty when the value is
None) and the spec's element names for nested lists.
"""

from __future__ import annotations

import json
import re
from typing import Any

# Only builds XML, never parses input.
from xml.etree import ElementTree as ET  # nosec B405

from django.http import HttpResponse

JSON_TYPE = "application/json; charset=utf-8"
XML_TYPE = "text/xml; charset=utf-8"
FORMATS = ("xml", "json")

#: The XML element of each item of a nested list, by the list's key.
ITEM_ELEMENTS = {
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
    "notes": "note",
}
# Characters XML 1.0 cannot carry at all; they are dropped from XML output (JSON keeps them).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class Open311Error(Exception):
    """A request the server refuses: an HTTP status (400, 403 or 404) and a human description."""

    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.description = description


def render(data: Any, fmt: str, *, root: str, item: str = "", status: int = 200) -> HttpResponse:
    """`data` as an HTTP response in `fmt`; a list needs `item`, the XML name of its elements."""
    if fmt == "json":
        body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        return HttpResponse(body.encode("utf-8"), content_type=JSON_TYPE, status=status)
    element = ET.Element(root)
    if isinstance(data, list):
        for entry in data:
            _fill(ET.SubElement(element, item), entry)
    else:
        _fill(element, data)
    xml = ET.tostring(element, encoding="unicode", short_empty_elements=True)
    body = '<?xml version="1.0" encoding="utf-8"?>\n' + xml
    return HttpResponse(body.encode("utf-8"), content_type=XML_TYPE, status=status)


def render_errors(errors: list[Open311Error], fmt: str) -> HttpResponse:
    """The spec's error list; the HTTP status is the first error's."""
    data = [{"code": e.status, "description": e.description} for e in errors]
    return render(
        data, fmt if fmt in FORMATS else "xml", root="errors", item="error", status=errors[0].status
    )


def _fill(element: ET.Element, value: Any) -> None:
    if isinstance(value, dict):
        for key, child in value.items():
            sub = ET.SubElement(element, key)
            if isinstance(child, list):
                for entry in child:
                    _fill(ET.SubElement(sub, ITEM_ELEMENTS.get(key, "item")), entry)
            else:
                _fill(sub, child)
    elif value is None:
        return
    elif isinstance(value, bool):
        element.text = "true" if value else "false"
    else:
        element.text = _XML_INVALID.sub("", str(value))
