"""Under /federation/: the signed inbox for Layani peers, LAPOR!'s documents, the console form."""

from django.urls import path

from . import console, views

app_name = "federation_api"

urlpatterns = [
    path("v1/inbox", views.inbox, name="inbox"),
    path("v1/lapor/<slug:deployment_id>", views.lapor, name="lapor"),
    path("konsol/<str:tracking_id>/teruskan/", console.refer, name="refer"),
]
