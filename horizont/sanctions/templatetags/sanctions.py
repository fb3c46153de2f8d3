from __future__ import annotations

from typing import Any

from django import template

from horizont.sanctions import labels

register = template.Library()


@register.filter
def lookup(table: dict[str, Any], key: object) -> Any:
    """``{{ table|lookup:key }}``: the entry of a dict, or the key itself."""
    return labels.label(table, key)


@register.filter
def schema_label(value: object) -> Any:
    return labels.label(labels.SCHEMAS, value)


@register.filter
def id_type_label(value: object) -> Any:
    return labels.label(labels.ID_TYPES, value)


@register.filter
def list_name(version: Any) -> Any:
    """``{{ version|list_name }}``: a stored list's name in the reader's language."""
    return labels.list_name(version.list_id, version.title)
