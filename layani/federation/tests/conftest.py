import pytest


@pytest.fixture(autouse=True)
def _no_kick(settings):
    # Tests run delivery passes themselves (the immediate task backend would run them on commit).
    settings.LAYANI_FEDERATION_KICK = False
    settings.LAYANI_FEDERATION_ID = "layani-sleman"
