"""Composition root: settings, URL map and WSGI/ASGI entry points. Imports every app; nothing imports it."""
