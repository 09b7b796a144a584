"""`{% map_settings as m %}`: what basemap.js needs (tiles or none, the outlines' URL with its
version, the covered provinces), for pages whose views do not pass it (the console's case map)."""

from __future__ import annotations

from typing import Any

from django import template

from layani.portal.places import map_settings as _map_settings

register = template.Library()


@register.simple_tag
def map_settings() -> dict[str, Any]:
    return _map_settings()
