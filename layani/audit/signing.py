"""The Ed25519 key that signs audit checkpoints.

The private key lives in a PEM file: the path in the setting ``LAYANI_AUDIT_SIGNING_KEY_FILE``, or,
when that is unset, ``DATA_DIR / "audit-signing-key.pem"``, created with mode 0600 on first use.

In production, set ``LAYANI_AUDIT_SIGNING_KEY_FILE`` and keep the file off the database server, and
out of the database's backups: whoever holds both the database and the key can rewrite history and
sign a matching checkpoint. A configured path that does not exist is an error rather than a reason to
mint a new key, because a silently replaced key would make every earlier checkpoint unverifiable.

The public key (``public_key_pem``) is meant to be published next to the checkpoints.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)

DEFAULT_KEY_FILE_NAME = "audit-signing-key.pem"


def signing_key_path() -> tuple[Path, bool]:
    """The key file's path, and whether it was configured explicitly."""
    configured = getattr(settings, "LAYANI_AUDIT_SIGNING_KEY_FILE", None)
    if configured:
        return Path(configured), True
    return Path(settings.DATA_DIR) / DEFAULT_KEY_FILE_NAME, False


def generate_key_file(path: Path) -> Ed25519PrivateKey:
    """Write a new private key to ``path``, readable by the owner only; refuse to overwrite."""
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        encoding=serialization.Encoding.PEM,
        format=serialization.PrivateFormat.PKCS8,
        encryption_algorithm=serialization.NoEncryption(),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    # O_EXCL: two processes starting at once must not each write a different key.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.fchmod(fd, 0o600)
        os.write(fd, pem)
        os.fsync(fd)
    finally:
        os.close(fd)
    logger.info("Created a new audit signing key at %s", path)
    return key


def load_signing_key() -> Ed25519PrivateKey:
    """The private key, creating the default key file on first use."""
    path, configured = signing_key_path()
    if not path.exists():
        if configured:
            raise ImproperlyConfigured(
                f"LAYANI_AUDIT_SIGNING_KEY_FILE points to {path}, which does not exist."
            )
        try:
            return generate_key_file(path)
        except FileExistsError:
            pass  # another process created it a moment ago; read theirs
    if path.stat().st_mode & 0o077:
        logger.warning("The audit signing key %s is readable by group or others.", path)
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ImproperlyConfigured(f"The audit signing key {path} is not an Ed25519 private key.")
    return key


def public_key() -> Ed25519PublicKey:
    """The public half of the signing key."""
    return load_signing_key().public_key()


def public_key_pem() -> str:
    """The public key as PEM text, for publishing next to the checkpoints."""
    return (
        public_key()
        .public_bytes(
            encoding=serialization.Encoding.PEM,
            format=serialization.PublicFormat.SubjectPublicKeyInfo,
        )
        .decode("ascii")
    )


def key_id(key: Ed25519PublicKey) -> str:
    """A short fingerprint naming a public key: the first 16 hex digits of SHA-256 of its bytes."""
    raw = key.public_bytes(
        encoding=serialization.Encoding.Raw, format=serialization.PublicFormat.Raw
    )
    return hashlib.sha256(raw).hexdigest()[:16]


def sign(statement: str, key: Ed25519PrivateKey) -> str:
    """The Ed25519 signature of a statement, as hex."""
    return key.sign(statement.encode("utf-8")).hex()


def signature_is_valid(statement: str, signature_hex: str, key: Ed25519PublicKey) -> bool:
    """True when ``signature_hex`` is the key's signature of exactly this statement."""
    try:
        key.verify(bytes.fromhex(signature_hex), statement.encode("utf-8"))
    except (InvalidSignature, ValueError):
        return False
    return True
