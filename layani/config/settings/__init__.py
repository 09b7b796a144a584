"""Settings per environment: base (shared), dev, test, prod. Choose with DJANGO_SETTINGS_MODULE."""
