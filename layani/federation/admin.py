"""Peers are configured in the admin (or with `layani federation add-peer`); the outbox is read."""

from __future__ import annotations

from django.contrib import admin

from .models import Hop, InboundMessage, OutboxMessage, Peer


@admin.register(Peer)
class PeerAdmin(admin.ModelAdmin):
    list_display = ("deployment_id", "agency", "kind", "base_url", "active")
    list_filter = ("kind", "active")
    fields = (
        "agency",
        "kind",
        "deployment_id",
        "base_url",
        "secret",
        "service_user",
        "active",
        "notes",
    )
    raw_id_fields = ("agency", "service_user")


@admin.register(Hop)
class HopAdmin(admin.ModelAdmin):
    list_display = (
        "report",
        "peer",
        "direction",
        "remote_tracking_id",
        "active",
        "bounces",
        "delivered_at",
    )
    list_filter = ("direction", "active", "peer")
    readonly_fields = (
        "report",
        "peer",
        "direction",
        "remote_tracking_id",
        "reason",
        "sent_fields",
        "active",
        "bounces",
        "created_at",
        "delivered_at",
    )

    def has_add_permission(self, request: object) -> bool:
        return False


@admin.register(OutboxMessage)
class OutboxAdmin(admin.ModelAdmin):
    list_display = (
        "key",
        "kind",
        "attempts",
        "next_attempt_at",
        "delivered_at",
        "given_up",
        "last_error",
    )
    list_filter = ("kind", "given_up")
    readonly_fields = (
        "hop",
        "kind",
        "key",
        "payload",
        "created_at",
        "attempts",
        "next_attempt_at",
        "last_error",
        "delivered_at",
    )
    fields = (*readonly_fields, "given_up")

    def has_add_permission(self, request: object) -> bool:
        return False


@admin.register(InboundMessage)
class InboundAdmin(admin.ModelAdmin):
    list_display = ("key", "peer", "kind", "received_at")
    readonly_fields = ("peer", "key", "kind", "report", "received_at")

    def has_add_permission(self, request: object) -> bool:
        return False
