from django.urls import path

from . import console

app_name = "planning_console"

urlpatterns = [
    path("", console.desk, name="desk"),
    path("ekspor.<str:fmt>", console.export, name="export"),
    path("impor/", console.import_page, name="import"),
]
