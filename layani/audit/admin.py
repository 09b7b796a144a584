"""Read-only admin views of the audit log: nobody adds, changes or deletes entries by hand."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import AuditCheckpoint, AuditEntry


class ReadOnlyAdmin(admin.ModelAdmin):
    """Viewing only; the database refuses changes anyway, this keeps the buttons away."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ["sequence", "occurred_at", "action", "actor_ref", "object_type", "object_ref"]
    list_filter = ["visibility", "object_type"]
    search_fields = ["=object_ref", "=actor_ref", "action"]
    show_full_result_count = False


@admin.register(AuditCheckpoint)
class AuditCheckpointAdmin(ReadOnlyAdmin):
    list_display = ["entry_sequence", "created_at", "entry_count", "public_key_id"]
    readonly_fields = ["statement"]
