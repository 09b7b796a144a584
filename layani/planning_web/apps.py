from django.apps import AppConfig


class PlanningWebConfig(AppConfig):
    name = "layani.planning_web"
    label = "planning_web"
    verbose_name = "Planning pages (Musrenbang)"
