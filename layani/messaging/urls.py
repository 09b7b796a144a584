"""Inbound messaging webhooks under /messaging/<gateway>/."""

from django.urls import path

from . import views

app_name = "messaging"

urlpatterns = [
    path("<slug:slug>/inbound", views.inbound, name="inbound"),
    path("<slug:slug>/email", views.inbound_email, name="inbound-email"),
]
