from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    """Reports as citizens hand them in: content, identity (kept apart), attachments, channels."""

    name = "layani.intake"
    label = "intake"
    verbose_name = _("Intake")

    def ready(self) -> None:
        # The queue's entry points register themselves with the services (decision 0026).
        from . import tasks  # noqa: F401
