from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Users (citizens and staff), staff roles and their agency memberships."""

    name = "layani.accounts"
    label = "accounts"
    verbose_name = _("Accounts")
