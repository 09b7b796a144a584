from django.urls import path

from . import views

app_name = "planning_web"

urlpatterns = [
    path("", views.index, name="index"),
    path("akuntabilitas/", views.accountability, name="accountability"),
    path("wilayah/<str:code>/", views.region_page, name="region"),
    path("wilayah/<str:code>/peta.json", views.region_points, name="region-points"),
    path("usulan/<str:code>/", views.proposal_page, name="proposal"),
    path("usulan/<str:code>/tantangan/", views.challenge, name="challenge"),
    path("usulan/<str:code>/dukung/", views.support, name="support"),
]
