"""Keys for the encrypted register (Qt-free). The design is written down in docs/encryption.md.

A random 256-bit *data key* encrypts the register with SQLCipher (raw key, so opening costs no
key derivation of its own). The data key is never stored in the clear: the *key file* beside
the register holds it wrapped (AES-256-GCM) once per way in — each officer's password, each
officer's PIN on one PC, and the recovery code printed at setup. A wrapping key is derived from
the secret with argon2id (:data:`KDF_PARAMS`, 0.3–1 s by design); the GCM tag makes a wrong
secret and a tampered slot fail alike, and its associated data binds each slot to its register,
account and kind so that slots cannot be moved between accounts.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import secrets
import unicodedata
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from kyodo_desktop.models.errors import RegisterError

KEY_FILE_SUFFIX = "-key"  # 町会.kyodo → 町会.kyodo-key
KEY_FILE_FORMAT = "kyodo-keyfile"
KEY_FILE_VERSION = 1
DATA_KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
MAX_SECRET_CHARS = 256
MIN_PASSWORD_CHARS = 8
PIN_DIGITS = (4, 6)
MAX_KEY_FILE_BYTES = 1_000_000

#: argon2id parameters for new slots: about 0.3–0.4 s and 256 MiB on this project's 2-core
#: reference machine; an older office PC takes up to about 1 s. Stored per slot, so they can be
#: raised later without breaking existing key files.
KDF_PARAMS = {"name": "argon2id", "time_cost": 3, "memory_kib": 262_144, "parallelism": 2}
#: bounds accepted from a key file (a tampered file must not make us allocate 64 GB)
_KDF_LIMITS = {"time_cost": (1, 10), "memory_kib": (8_192, 1_048_576), "parallelism": (1, 8)}
#: slots tried per login at most (a tampered key file must not make a login take minutes)
MAX_SLOTS_TRIED = 4

# Crockford's base32: no I, L, O, U; on input O→0 and I/L→1, so a misread sheet still works.
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_GROUPS = 7
RECOVERY_GROUP_LEN = 4  # 28 characters = 140 bits


class CryptoError(RegisterError):
    """A problem with a secret or the key file."""


class WrongSecretError(CryptoError):
    pass


class KeyFileError(CryptoError):
    pass


# -- secrets ---------------------------------------------------------------------------------


def normalize_secret(secret: str, *, what: str = "パスワード") -> str:
    """NFKC, so that a password typed with the IME in full-width mode still works."""
    if not isinstance(secret, str):
        raise CryptoError(f"{what}が文字列ではありません。")
    if len(secret) > MAX_SECRET_CHARS * 4:
        raise CryptoError(f"{what}が長すぎます（{MAX_SECRET_CHARS}文字まで）。")
    text = unicodedata.normalize("NFKC", secret)
    if len(text) > MAX_SECRET_CHARS:
        raise CryptoError(f"{what}が長すぎます（{MAX_SECRET_CHARS}文字まで）。")
    if any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") for c in text):
        raise CryptoError(f"{what}に使えない文字（制御文字など）が含まれています。")
    return text


def check_new_password(password: str) -> str:
    text = normalize_secret(password)
    if len(text) < MIN_PASSWORD_CHARS:
        raise CryptoError(f"パスワードは{MIN_PASSWORD_CHARS}文字以上にしてください。")
    if text.strip() != text:
        raise CryptoError("パスワードの最初と最後に空白は使えません。")
    if len(set(text)) < 3:
        raise CryptoError("同じ文字ばかりのパスワードは使えません。")
    return text


def check_new_pin(pin: str) -> str:
    text = normalize_secret(pin, what="暗証番号")
    lo, hi = PIN_DIGITS
    if not (text.isascii() and text.isdigit() and lo <= len(text) <= hi):
        raise CryptoError(f"暗証番号は{lo}〜{hi}桁の数字にしてください。")
    if len(set(text)) == 1 or text in "0123456789" or text in "9876543210":
        raise CryptoError("「1111」や「1234」のような推測しやすい暗証番号は使えません。")
    return text


def new_recovery_code() -> str:
    n = RECOVERY_GROUPS * RECOVERY_GROUP_LEN
    raw = "".join(secrets.choice(_CROCKFORD) for _ in range(n))
    return format_recovery_code(raw)


def format_recovery_code(raw: str) -> str:
    return "-".join(raw[i:i + RECOVERY_GROUP_LEN] for i in range(0, len(raw), RECOVERY_GROUP_LEN))


def normalize_recovery_code(code: str) -> str:
    """Accept the code as typed: any case, spaces or hyphens, full-width, O/I/L misreadings."""
    text = unicodedata.normalize("NFKC", str(code)).upper()
    text = "".join(c for c in text if not c.isspace() and c not in "-ー－‐")
    text = text.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))
    n = RECOVERY_GROUPS * RECOVERY_GROUP_LEN
    if len(text) != n or any(c not in _CROCKFORD for c in text):
        raise WrongSecretError(f"復旧コードの形が違います（英数字{n}文字、4文字ずつの区切り）。")
    return format_recovery_code(text)


# -- key derivation and wrapping ----------------------------------------------------------------


def _check_kdf(params: dict[str, Any]) -> dict[str, int]:
    if not isinstance(params, dict) or params.get("name") != "argon2id":
        raise KeyFileError("鍵ファイルの形式が正しくありません（鍵の導出方式）。")
    out = {}
    for name, (lo, hi) in _KDF_LIMITS.items():
        value = params.get(name)
        if not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi:
            raise KeyFileError("鍵ファイルの形式が正しくありません（鍵の導出パラメータ）。")
        out[name] = value
    return out


def import_backends() -> None:
    """Import argon2 and AES-GCM (imported on first use otherwise): the program does this before it
    starts unlocking on the database thread, so that thread is not held up importing them while the
    main thread loads Qt (both need Python's GIL for importing; the derivation itself runs without it)."""
    import argon2.low_level  # noqa: F401
    import cryptography.exceptions  # noqa: F401
    import cryptography.hazmat.primitives.ciphers.aead  # noqa: F401


def derive_wrapping_key(secret: str, salt: bytes, params: dict[str, Any], *, pepper: bytes = b"") -> bytes:
    """argon2id(secret, salt); a PIN slot mixes in this PC's device secret (``pepper``)."""
    from argon2.low_level import Type, hash_secret_raw

    p = _check_kdf(params)
    key = hash_secret_raw(
        secret.encode("utf-8"), salt, time_cost=p["time_cost"], memory_cost=p["memory_kib"],
        parallelism=p["parallelism"], hash_len=32, type=Type.ID,
    )
    if pepper:
        key = hmac.new(pepper, key, hashlib.sha256).digest()
    return key


def wrap_key(wrapping_key: bytes, data_key: bytes, aad: bytes) -> tuple[bytes, bytes]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(NONCE_BYTES)
    return nonce, AESGCM(wrapping_key).encrypt(nonce, data_key, aad)


def unwrap_key(wrapping_key: bytes, nonce: bytes, wrapped: bytes, aad: bytes) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        key = AESGCM(wrapping_key).decrypt(nonce, wrapped, aad)
    except (InvalidTag, ValueError):
        return None
    return key if len(key) == DATA_KEY_BYTES else None


def new_data_key() -> bytes:
    return os.urandom(DATA_KEY_BYTES)


def sqlcipher_key_pragma(data_key: bytes) -> str:
    """``PRAGMA key`` with a raw key: SQLCipher then skips its own PBKDF2."""
    if len(data_key) != DATA_KEY_BYTES:
        raise ValueError("data key must be 32 bytes")
    return f"PRAGMA key = \"x'{data_key.hex()}'\""


# -- the key file -----------------------------------------------------------------------------------


def key_file_path(register_path: Path | str) -> Path:
    p = Path(register_path)
    return p.with_name(p.name + KEY_FILE_SUFFIX)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any, what: str) -> bytes:
    try:
        return base64.b64decode(str(text).encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise KeyFileError(f"鍵ファイルの形式が正しくありません（{what}）。") from None


@dataclass
class Slot:
    """One way to unwrap the data key. ``kind`` is ``password``, ``pin`` or ``recovery``."""

    id: str
    kind: str
    account_uid: str
    display_name: str
    salt: str
    nonce: str
    wrapped: str
    kdf: dict[str, Any] = field(default_factory=lambda: dict(KDF_PARAMS))
    device: str = ""  # PIN slots: the PC they work on

    def aad(self, register_id: str) -> bytes:
        return "|".join(("kyodo-slot-v1", register_id, self.id, self.kind, self.account_uid, self.device)).encode()


@dataclass
class KeyFile:
    register_id: str
    slots: list[Slot] = field(default_factory=list)
    mac: str = ""

    # -- reading and writing --

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise KeyFileError(
                f"鍵ファイルが見つかりません: {path.name}\n"
                "台帳ファイルと鍵ファイル（名前の最後が「-key」）は2つで1組です。"
                "コピーや移動のときは、必ず両方をいっしょに扱ってください。"
            ) from None
        except OSError as exc:
            raise KeyFileError(f"鍵ファイルを読めません: {path.name}（{exc}）") from exc
        if size == 0 or size > MAX_KEY_FILE_BYTES:
            raise KeyFileError(f"鍵ファイルが壊れています（大きさが正しくありません）: {path.name}")
        try:
            data = json.loads(path.read_bytes().decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            raise KeyFileError(f"鍵ファイルが壊れています（途中で切れているか、書き換えられています）: {path.name}") from None
        except OSError as exc:
            raise KeyFileError(f"鍵ファイルを読めません: {path.name}（{exc}）") from exc
        return cls.from_json(data, path.name)

    @classmethod
    def from_json(cls, data: Any, name: str = "鍵ファイル") -> KeyFile:
        bad = KeyFileError(f"鍵ファイルの形式が正しくありません: {name}")
        if not isinstance(data, dict) or data.get("format") != KEY_FILE_FORMAT:
            raise bad
        if data.get("version") != KEY_FILE_VERSION:
            raise KeyFileError(f"この鍵ファイルは新しい版の協働デスクで作られています。協働デスクを更新してください: {name}")
        slots = []
        raw_slots = data.get("slots")
        if not isinstance(data.get("register_id"), str) or not isinstance(raw_slots, list):
            raise bad
        for raw in raw_slots:
            if not isinstance(raw, dict):
                raise bad
            try:
                slot = Slot(**{k: raw[k] for k in Slot.__dataclass_fields__ if k in raw})
            except TypeError:
                raise bad from None
            if slot.kind not in ("password", "pin", "recovery") or not all(
                isinstance(getattr(slot, k), str) for k in ("id", "account_uid", "display_name", "salt", "nonce", "wrapped", "device")
            ):
                raise bad
            _check_kdf(slot.kdf)
            slots.append(slot)
        return cls(register_id=data["register_id"], slots=slots, mac=str(data.get("mac", "")))

    def _body(self) -> dict[str, Any]:
        return {
            "format": KEY_FILE_FORMAT,
            "version": KEY_FILE_VERSION,
            "register_id": self.register_id,
            "slots": [asdict(s) for s in self.slots],
        }

    def compute_mac(self, data_key: bytes) -> str:
        body = json.dumps(self._body(), ensure_ascii=False, sort_keys=True).encode("utf-8")
        mac_key = hmac.new(data_key, b"kyodo key file mac", hashlib.sha256).digest()
        return hmac.new(mac_key, body, hashlib.sha256).hexdigest()

    def mac_ok(self, data_key: bytes) -> bool:
        return hmac.compare_digest(self.mac, self.compute_mac(data_key))

    def save(self, path: Path, data_key: bytes) -> None:
        """Write atomically (temporary file, fsync, rename), sealed with a MAC under the data key."""
        self.mac = self.compute_mac(data_key)
        text = json.dumps({**self._body(), "mac": self.mac}, ensure_ascii=False, indent=1)
        tmp = path.with_name(path.name + ".part")
        with tmp.open("w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)

    # -- slots --

    def add_slot(
        self, data_key: bytes, *, kind: str, account_uid: str, display_name: str, secret: str,
        pepper: bytes = b"", device: str = "", params: dict[str, Any] | None = None,
    ) -> Slot:
        salt = os.urandom(SALT_BYTES)
        kdf = dict(params or KDF_PARAMS)
        slot = Slot(id=uuid.uuid4().hex, kind=kind, account_uid=account_uid, display_name=display_name,
                    salt=_b64(salt), nonce="", wrapped="", kdf=kdf, device=device)
        wk = derive_wrapping_key(secret, salt, kdf, pepper=pepper)
        nonce, wrapped = wrap_key(wk, data_key, slot.aad(self.register_id))
        slot.nonce, slot.wrapped = _b64(nonce), _b64(wrapped)
        self.slots.append(slot)
        return slot

    def remove_slots(self, *, account_uid: str, kind: str | None = None, device: str | None = None) -> int:
        before = len(self.slots)
        self.slots = [s for s in self.slots if not (
            s.account_uid == account_uid and (kind is None or s.kind == kind) and (device is None or s.device == device)
        )]
        return before - len(self.slots)

    def unlock(self, slot: Slot, secret: str, *, pepper: bytes = b"") -> bytes:
        """The data key, or :class:`WrongSecretError` (wrong secret and tampered slot look alike)."""
        salt = _unb64(slot.salt, "ソルト")
        nonce = _unb64(slot.nonce, "ナンス")
        wrapped = _unb64(slot.wrapped, "鍵")
        wk = derive_wrapping_key(secret, salt, slot.kdf, pepper=pepper)
        key = unwrap_key(wk, nonce, wrapped, slot.aad(self.register_id))
        if key is None:
            raise WrongSecretError("パスワードが違います。")
        return key

    def slots_for(self, account_uid: str, kind: str | None = None) -> list[Slot]:
        return [s for s in self.slots if s.account_uid == account_uid and (kind is None or s.kind == kind)]

    def accounts(self) -> list[tuple[str, str]]:
        """(account_uid, display_name) of everyone who can log in, in the file's order."""
        seen: dict[str, str] = {}
        for s in self.slots:
            if s.kind != "recovery":
                seen.setdefault(s.account_uid, s.display_name)
        return list(seen.items())


def new_register_id() -> str:
    return uuid.uuid4().hex


def secure_delete(path: Path) -> None:
    """Overwrite a file with zeros, flush, then remove it (best effort: flash memory may keep
    old blocks elsewhere, which is why the register itself is encrypted)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    with contextlib.suppress(OSError), path.open("r+b") as fh:
        chunk = b"\0" * 1_048_576
        left = size
        while left > 0:
            n = min(left, len(chunk))
            fh.write(chunk[:n])
            left -= n
        fh.flush()
        os.fsync(fh.fileno())
    path.unlink(missing_ok=True)


# -- this PC ---------------------------------------------------------------------------------------


def device_secret(data_dir: Path) -> tuple[str, bytes]:
    """(device id, secret) of this PC, made on first use. PIN slots need it, so a PIN works only
    on the PC where it was set — a copied register file cannot be opened with a PIN elsewhere."""
    path = data_dir / "device.key"
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raw = b""
    if len(raw) != 32:
        data_dir.mkdir(parents=True, exist_ok=True)
        raw = os.urandom(32)
        tmp = path.with_name("device.key.part")
        tmp.write_bytes(raw)
        with contextlib.suppress(OSError):
            os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    return hashlib.sha256(b"kyodo device id" + raw).hexdigest()[:16], raw
