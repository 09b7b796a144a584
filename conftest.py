"""Test configuration shared by every app's tests."""
