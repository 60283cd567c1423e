"""站点密钥 — the station's signing key pair and card key.

Made once by the first-run wizard and kept in ``<data>/keys`` with mode 0600:

* ``signing_ed25519.pem`` — Ed25519 private key (PKCS#8, unencrypted: the
  station PC has no one to type a passphrase at 6 a.m.; the file permissions
  and the PC's account are the protection).  Signs sync files (DESIGN §5).
* ``signing_ed25519.pub`` — its public key, enrolled at the township.
* ``card.key`` — 32 random bytes; HMAC key for QR cards (DESIGN §4).  The
  township may later replace it with a shared key from its config package
  (:func:`replace_card_key`, atomically).
* ``encrypt_x25519.pem`` — X25519 private key: the township seals the secrets of
  its config package (shared card key, keyed-hash key) for this public key.
  Made at set-up, or on first need for a station set up before it existed
  (:func:`encryption_key`).

The card key is read through :func:`card_key` only: cached per keys folder and
read again when the file changes (a township's config package replacing it).

The fingerprint shown on both screens is the SHA-256 of the raw public key,
in groups of four hex digits.
"""

from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

SIGNING_KEY = "signing_ed25519.pem"
PUBLIC_KEY = "signing_ed25519.pub"
CARD_KEY = "card.key"
ENCRYPT_KEY = "encrypt_x25519.pem"


def _write_private(path: Path, data: bytes) -> None:
    """Write *data* so that only the owner can read it, atomically."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    os.chmod(path, 0o600)


def fingerprint(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    digest = hashlib.sha256(raw).hexdigest()[:32].upper()
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def fingerprint_of_pem(pem: bytes) -> str | None:
    """The fingerprint of the public half of a signing-key file (None: not such a key)."""
    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError):
        return None
    return fingerprint(key.public_key()) if isinstance(key, Ed25519PrivateKey) else None


@dataclass(frozen=True)
class StationKeys:
    signing: Ed25519PrivateKey
    card_key: bytes

    @property
    def public(self) -> Ed25519PublicKey:
        return self.signing.public_key()

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public)

    @property
    def public_hex(self) -> str:
        return self.public.public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        ).hex()


def create_keys(folder: Path) -> StationKeys:
    """Make new keys in *folder*; refuses to overwrite existing ones."""
    folder.mkdir(parents=True, exist_ok=True)
    if (folder / SIGNING_KEY).exists() or (folder / CARD_KEY).exists():
        raise FileExistsError(f"station keys already exist in {folder}")
    signing = Ed25519PrivateKey.generate()
    pem = signing.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    _write_private(folder / SIGNING_KEY, pem)
    pub = signing.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    (folder / PUBLIC_KEY).write_bytes(pub)
    card_key = os.urandom(32)
    _write_private(folder / CARD_KEY, card_key)
    encryption_key(folder)
    return StationKeys(signing, card_key)


def _raw_public(public: X25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


_encrypt_lock = threading.Lock()


def encryption_key(folder: Path) -> X25519PrivateKey:
    """The station's X25519 key (made now, mode 0600, if this station has none yet)."""
    path = Path(folder) / ENCRYPT_KEY
    with _encrypt_lock:
        if not path.exists():
            folder.mkdir(parents=True, exist_ok=True)
            key = X25519PrivateKey.generate()
            pem = key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
            _write_private(path, pem)
            return key
    loaded = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(loaded, X25519PrivateKey):
        raise ValueError("the station encryption key is not an X25519 key")
    return loaded


def encryption_public_hex(folder: Path) -> str:
    return _raw_public(encryption_key(folder).public_key()).hex()


def encryption_fingerprint(public_hex: str) -> str:
    """The fingerprint of a raw X25519 public key (hex), grouped like the signing one."""
    digest = hashlib.sha256(bytes.fromhex(public_hex)).hexdigest()[:32].upper()
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def replace_card_key(folder: Path, data: bytes) -> None:
    """Put *data* in place as the card key, atomically (:func:`card_key` re-reads it)."""
    if len(data) < 16:
        raise ValueError("a card key has at least 16 bytes")
    _write_private(Path(folder) / CARD_KEY, data)


_card_keys: dict[Path, tuple[tuple[int, int, int], bytes]] = {}
_card_keys_lock = threading.Lock()


def card_key(folder: Path) -> bytes:
    """The QR card key of the keys *folder* — the one place it is read.

    Cached per folder, keyed by the file's modification time, size and inode, so
    a replaced key (a township's shared key from its config package, written
    atomically) is read again on the next call, and the GUI thread's callers
    cost a ``stat``.
    """
    path = Path(folder).absolute() / CARD_KEY
    info = path.stat()
    stamp = (info.st_mtime_ns, info.st_size, info.st_ino)
    with _card_keys_lock:
        cached = _card_keys.get(path)
        if cached is not None and cached[0] == stamp:
            return cached[1]
    data = path.read_bytes()
    with _card_keys_lock:
        _card_keys[path] = (stamp, data)
    return data


def load_keys(folder: Path) -> StationKeys:
    pem = (folder / SIGNING_KEY).read_bytes()
    signing = serialization.load_pem_private_key(pem, password=None)
    if not isinstance(signing, Ed25519PrivateKey):
        raise ValueError("the station signing key is not an Ed25519 key")
    return StationKeys(signing, card_key(folder))
