"""The checkpoint signing key: where it lives, how it is created, and how it is published."""

from __future__ import annotations

import stat

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.core.exceptions import ImproperlyConfigured

from layani.audit import signing


def test_the_default_key_is_created_once_under_data_dir_readable_by_the_owner_only(
    settings, tmp_path
):
    settings.LAYANI_AUDIT_SIGNING_KEY_FILE = None
    settings.DATA_DIR = tmp_path / "data"
    first = signing.public_key_pem()
    path = tmp_path / "data" / "audit-signing-key.pem"
    assert path.exists()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert signing.public_key_pem() == first


def test_a_configured_key_file_that_is_missing_is_a_configuration_error(settings, tmp_path):
    settings.LAYANI_AUDIT_SIGNING_KEY_FILE = str(tmp_path / "missing.pem")
    with pytest.raises(ImproperlyConfigured, match="does not exist"):
        signing.load_signing_key()


def test_a_key_file_is_never_overwritten(signing_key_file):
    with pytest.raises(FileExistsError):
        signing.generate_key_file(signing_key_file)


def test_the_published_public_key_verifies_signatures():
    pem = signing.public_key_pem()
    assert pem.startswith("-----BEGIN PUBLIC KEY-----")
    published = serialization.load_pem_public_key(pem.encode("ascii"))
    assert isinstance(published, Ed25519PublicKey)
    signature = signing.sign("statement", signing.load_signing_key())
    assert signing.signature_is_valid("statement", signature, published)
    assert not signing.signature_is_valid("statement!", signature, published)
    assert not signing.signature_is_valid("statement", "not hex", published)
