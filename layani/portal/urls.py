from django.urls import path

from . import track, views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("lacak/", track.track, name="track"),
    path("lacak/<str:tracking_id>/", track.my_report, name="my-report"),
    path("lacak/<str:tracking_id>/<slug:action>/", track.reporter_action, name="reporter-action"),
]
