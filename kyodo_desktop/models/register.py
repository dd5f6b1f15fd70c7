"""The register file (台帳): opening, locking, migrating, backing up and restoring.

:func:`connect` is the only place a connection to a register is made, so pragmas (and,
later, SQLCipher encryption) live in one place. :class:`Register` is what the rest of the
program holds: the open file, its lock and the actor whose changes go to the audit log.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import filelock

if TYPE_CHECKING:
    from sqlite_utils import Database

import sqlcipher3.dbapi2 as sqlcipher

from kyodo_desktop.models import auth, crypto, schema
from kyodo_desktop.models.errors import PermissionDenied, RegisterError  # noqa: F401  (re-exported)

Clock = Callable[[], datetime]
#: errors from either SQLite binding (sqlcipher3's are not sqlite3's subclasses)
DB_ERRORS: tuple[type[BaseException], ...] = (sqlite3.Error, sqlcipher.Error)
DB_DATABASE_ERRORS: tuple[type[BaseException], ...] = (sqlite3.DatabaseError, sqlcipher.DatabaseError)
SQLITE_HEADER = b"SQLite format 3\x00"
#: Newest backups kept, plus the newest of each month for this many months.
KEEP_RECENT = 10
KEEP_MONTHS = 12
#: page cache of a register's connection, KiB (SQLite's default is 2 MiB). ``quick_check`` on
#: opening reads every page; with a cache that holds the whole file (12 MB for the 5,000-household
#: demo) it decrypts each page once instead of again for b-tree parents (84 → 66 ms there), and
#: the first pages shown and the opening backup then find the pages already decrypted.
CACHE_KIB = 32 * 1024


class RegisterLockedError(RegisterError):
    pass


class UnencryptedRegisterError(RegisterError):
    """A register from before encryption: it must be converted (:func:`encrypt_register`)."""


class NewerRegisterError(RegisterError):
    pass


def now_local() -> datetime:
    return datetime.now().replace(microsecond=0)


def translate_sqlite_error(exc: BaseException, path: Path | str, doing: str) -> RegisterError:
    """Turn an sqlite3/OS error into a message an officer can act on."""
    text = str(exc).lower()
    where = f"（{path}）"
    if "full" in text or getattr(exc, "errno", None) == 28:
        msg = f"ディスクがいっぱいのため、{doing}できませんでした{where}。変更は保存されていません。空き容量を作ってからもう一度お試しください。"
    elif "readonly" in text or "read-only" in text or isinstance(exc, PermissionError):
        msg = f"台帳ファイルが読み取り専用のため、{doing}できませんでした{where}。変更は保存されていません。"
    elif (
        "disk i/o" in text
        or "unable to open" in text
        or "no such table" in text
        or isinstance(exc, FileNotFoundError)
    ):
        msg = (
            f"台帳ファイルを読み書きできませんでした{where}。USBメモリが抜かれたか、"
            f"ファイルが移動された可能性があります。{doing}は行われていません。"
            "USBメモリを差し直してからもう一度お試しください。"
        )
    elif "locked" in text or "busy" in text:
        msg = f"台帳ファイルが他の処理で使用中のため、{doing}できませんでした{where}。少し待ってからもう一度お試しください。"
    elif "not a database" in text or "malformed" in text or "encrypted" in text:
        msg = f"台帳ファイルが壊れているか、台帳ではありません{where}。バックアップからの復元をお試しください。"
    else:
        msg = f"{doing}できませんでした{where}: {exc}"
    return RegisterError(msg, detail=repr(exc))


def _check_header(path: Path) -> bool:
    """Look at the file's first bytes. Returns True for an encrypted file (no plain header)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(100)
    except FileNotFoundError:
        raise RegisterError(f"台帳ファイルが見つかりません: {path}") from None
    except OSError as exc:
        raise translate_sqlite_error(exc, path, "台帳を開く") from exc
    if len(head) == 0:
        raise RegisterError(f"台帳ファイルが空です（0バイト）: {path}")
    if len(head) < 100:
        raise RegisterError(f"このファイルは協働デスクの台帳ではありません（短すぎます）: {path}")
    if not head.startswith(SQLITE_HEADER):
        if not crypto.key_file_path(path).exists():
            raise crypto.KeyFileError(
                f"このファイルは協働デスクの台帳ではないか、鍵ファイル（{crypto.key_file_path(path).name}）が"
                "見つかりません。台帳ファイルと鍵ファイルは2つで1組です。"
            )
        return True
    app_id = int.from_bytes(head[68:72], "big")
    if app_id not in (0, schema.APPLICATION_ID):
        raise RegisterError(f"このファイルは協働デスクの台帳ではありません（別のプログラムのデータです）: {path}")
    return False


def is_encrypted_register(path: Path) -> bool:
    """True for an encrypted register file (with its key file); False for a plain SQLite file.
    Anything else is refused with a :class:`RegisterError` that says what is wrong."""
    return _check_header(Path(path))


def connect(
    path: Path | str, key: bytes | None, *, read_only: bool = False, wal: bool | None = None, tune: bool = True
) -> Any:
    """Open a connection to a register file. The only function that does so.

    ``key`` is the 32-byte data key (SQLCipher); ``None`` opens a plain file (only to convert a
    register from before encryption). A wrong key fails here, before anything is written.
    ``wal=None`` chooses WAL on fixed disks and rollback journal on removable or network drives.
    """

    path = Path(path)
    if read_only:
        uri = path.resolve().as_uri() + "?mode=ro"
        conn = sqlcipher.connect(uri, uri=True, check_same_thread=True)
    else:
        conn = sqlcipher.connect(str(path), check_same_thread=True)
    try:
        if key is not None:
            conn.execute(crypto.sqlcipher_key_pragma(key))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DB_ERRORS:
        conn.close()
        raise
    if tune:
        tune_connection(conn, path, read_only=read_only, wal=wal)
    return conn


def tune_connection(conn: Any, path: Path, *, read_only: bool, wal: bool | None = None) -> None:
    """The pragmas of a working connection (after the checks of :func:`_probe`)."""
    from kyodo_desktop.paths import is_removable

    # Autocommit: no implicit transactions that could stay open (and keep later "atomic"
    # blocks from ever committing); every change is an explicit BEGIN … COMMIT (db.atomic()).
    conn.isolation_level = None
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    # deleted personal data (a purge, a replaced 要支援者 list) is overwritten, not left in free pages
    # (SQLCipher's default too; said here so that it does not depend on it)
    conn.execute("PRAGMA secure_delete = ON")
    if not read_only:
        if wal is None:
            wal = not is_removable(path)
        conn.execute(f"PRAGMA journal_mode = {'WAL' if wal else 'DELETE'}")
        conn.execute("PRAGMA synchronous = FULL" if not wal else "PRAGMA synchronous = NORMAL")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str
    size: int


BACKUP_REASONS = {
    "open": "開いたとき",
    "close": "閉じたとき",
    "migrate": "更新の前",
    "restore": "復元の前",
    "manual": "手動",
    "import": "取り込みの前",
}


def _backup_name(stem: str, when: datetime, reason: str) -> str:
    return f"{stem}-{when:%Y%m%d-%H%M%S}-{reason}{'.kyodo'}"


def list_backups(backup_dir: Path) -> list[BackupInfo]:
    """Backups in ``backup_dir``, newest first."""
    found: list[BackupInfo] = []
    for file in backup_dir.glob("*.kyodo"):
        parts = file.stem.rsplit("-", 3)
        if len(parts) != 4:
            continue
        _, day, clock, reason = parts
        try:
            when = datetime.strptime(day + clock, "%Y%m%d%H%M%S")
        except ValueError:
            continue
        found.append(BackupInfo(file, when, reason, file.stat().st_size))
    found.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return found


@dataclass(frozen=True)
class FoundBackup:
    """A backup of some register, found among all the backups kept on this PC."""

    register: str  # the register's file name without .kyodo (as it was when backed up)
    info: BackupInfo


def all_backups(backups_root: Path) -> list[FoundBackup]:
    """Every backup under ``backups_root`` (one folder per register), newest first: what is left on
    the PC when the register itself is lost (a USB stick gone, a broken disk)."""
    found: list[FoundBackup] = []
    if not backups_root.is_dir():
        return found
    for folder in sorted(p for p in backups_root.iterdir() if p.is_dir()):
        register = folder.name.rsplit("-", 1)[0]
        found.extend(FoundBackup(register, b) for b in list_backups(folder) if _openable(b.path))
    found.sort(key=lambda f: (f.info.taken_at, f.info.path.name), reverse=True)
    return found


def _openable(path: Path) -> bool:
    """A register file with what it needs to open (its key file, when encrypted)."""
    try:
        return not _check_header(path) or crypto.key_file_path(path).is_file()
    except (RegisterError, OSError):
        return False


def take_out_backup(backup: Path, target: Path) -> Path:
    """Copy a backup and its key file to ``target`` (a new register file) so that it can be opened
    and used as the register again; the backup itself stays as it was. Refuses to overwrite, and
    leaves nothing behind when the copy fails half way."""
    import shutil

    backup, target = Path(backup), Path(target)
    if target.suffix != ".kyodo":
        target = target.with_name(target.name + ".kyodo")
    key_src, key_dst = crypto.key_file_path(backup), crypto.key_file_path(target)
    if target.exists() or key_dst.exists():
        raise RegisterError(f"同じ名前の台帳がすでにあります: {target.name}（別の名前にしてください）")
    encrypted = _check_header(backup)  # a register at all (and its key file beside it when encrypted)
    if not target.parent.is_dir():
        raise RegisterError(f"保存先のフォルダーがありません: {target.parent}")
    made: list[Path] = []
    try:
        for src, dst in ((backup, target), *(((key_src, key_dst),) if encrypted else ())):
            part = dst.with_name(dst.name + ".part")
            shutil.copyfile(src, part)
            made.append(part)
            part.replace(dst)
            made[-1] = dst
    except OSError as exc:
        for p in made:
            with contextlib.suppress(OSError):
                p.unlink()
        raise translate_sqlite_error(exc, target, "バックアップから台帳を取り出す") from exc
    return target


#: backups taken before something that changes much: kept for :data:`KEEP_MONTHS` months whatever
#: the count (a restore or purge must stay undoable even after many openings)
KEEP_REASONS = ("migrate", "restore", "encrypt", "purge")


def rotate_backups(backup_dir: Path, today: date | None = None, *, protect: set[Path] | None = None) -> list[Path]:
    """Keep the newest :data:`KEEP_RECENT` backups, the newest one of each of the last
    :data:`KEEP_MONTHS` months and those of :data:`KEEP_REASONS` younger than that; delete the
    rest (never a path in ``protect``). Returns the deleted paths."""
    backups = list_backups(backup_dir)
    today = today or date.today()
    keep: set[Path] = {b.path for b in backups[:KEEP_RECENT]} | {Path(p) for p in (protect or set())}
    months_seen: set[tuple[int, int]] = set()
    for b in backups:  # newest first, so the first of each month is its newest
        month = (b.taken_at.year, b.taken_at.month)
        age_months = (today.year - month[0]) * 12 + today.month - month[1]
        if age_months < KEEP_MONTHS and month not in months_seen:
            months_seen.add(month)
            keep.add(b.path)
        if age_months < KEEP_MONTHS and b.reason.rstrip("0123456789") in KEEP_REASONS:
            keep.add(b.path)
    deleted = []
    for b in backups:
        if b.path not in keep:
            try:
                b.path.unlink()
            except OSError:
                continue  # still there: keep its key file too
            deleted.append(b.path)
            with contextlib.suppress(OSError):
                crypto.key_file_path(b.path).unlink(missing_ok=True)
    return deleted


def _copy_with_backup_api(source: Any, target: Path, key: bytes, key_file: crypto.KeyFile | None) -> None:
    """Copy an open register to ``target``, encrypted with the same key, with its key file."""
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    dest = sqlcipher.connect(str(tmp))
    try:
        dest.execute(crypto.sqlcipher_key_pragma(key))
        dest.execute("PRAGMA synchronous = OFF")  # a half-written .part is never used; flushed once below
        source.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    with tmp.open("rb+") as fh:  # on disk before it takes the backup's name
        os.fsync(fh.fileno())
    if key_file is not None:  # from memory: the register's own key file may be gone (USB pulled out)
        key_file.save(crypto.key_file_path(target), key)
    os.replace(tmp, target)


def verify_register_file(path: Path, key: bytes) -> dict[str, Any]:
    """Check that ``path`` is a healthy register this version can read with ``key``."""
    if not _check_header(path):
        raise UnencryptedRegisterError(f"このファイルは暗号化されていない台帳です: {path}")
    try:
        conn = connect(path, key, read_only=True, tune=False)
    except DB_ERRORS as exc:
        if "not a database" in str(exc):
            raise RegisterError(
                f"このファイルは、この台帳の鍵では開けません（別の町会の台帳か、壊れています）: {path.name}"
            ) from exc
        raise translate_sqlite_error(exc, path, "台帳を確認") from exc
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise RegisterError(f"台帳ファイルが壊れています（{result}）: {path}")
        names = _applied_migrations(conn)
        row = conn.execute("SELECT name FROM association WHERE id = 1").fetchone() if names else None
        households = conn.execute("SELECT count(*) FROM households").fetchone()[0] if names else 0
    except DB_DATABASE_ERRORS as exc:
        raise translate_sqlite_error(exc, path, "台帳を確認") from exc
    finally:
        conn.close()
    return {"association": row[0] if row else "", "households": households, "migrations": names}


def _probe(path: Path, key: bytes | None, *, writable: bool = False, keep: bool = False) -> Any:
    """Checks before a register is used: nothing is written (not even the journal mode) until a
    file proved to be a healthy register of a version we know. ``writable`` opens read-write (a
    leftover rollback journal is then played back; the lock must be held). Returns the applied
    migrations, or with ``keep`` (applied, connection): the checked connection, not yet tuned,
    whose page cache the first reads then use (SQLCipher decrypts each page once, not twice)."""
    try:
        conn = connect(path, key, read_only=not writable, tune=False)
    except DB_ERRORS as exc:
        if "not a database" in str(exc) and key is not None:
            raise RegisterError(
                "台帳ファイルが壊れているか、鍵ファイルがこの台帳のものではありません。"
                f"バックアップからの復元をお試しください: {path}"
            ) from exc
        raise
    try:
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise RegisterError(
                f"台帳ファイルに破損が見つかりました（{check}）。バックアップからの復元をお試しください: {path}"
            )
        applied = _applied_migrations(conn)
        if not applied:
            raise RegisterError(f"このファイルは協働デスクの台帳ではありません: {path}")
        known = schema.known_migration_names()
        if [n for n in applied if n not in known]:
            raise NewerRegisterError(
                "この台帳は新しい版の協働デスクで保存されています。この版では開けません。"
                "協働デスクを最新版に更新してから開いてください。"
                f"（台帳の版 {len(applied)}／このプログラムの版 {len(known)}）"
            )
    except BaseException:
        conn.close()
        raise
    if keep:
        return applied, conn
    conn.close()
    return applied


def _applied_migrations(conn: Any) -> list[str]:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?",
        (schema.MIGRATIONS_TABLE,),
    ).fetchone()
    if not exists:
        return []
    rows = conn.execute(
        f"SELECT name FROM [{schema.MIGRATIONS_TABLE}] WHERE migration_set = ? ORDER BY rowid",
        (schema.MIGRATION_SET,),
    )
    return [r[0] for r in rows]


@dataclass(frozen=True)
class Credentials:
    """Who is opening the register: an account (uid or display name) and a password or PIN,
    or the recovery code from the printed sheet."""

    user: str = ""
    secret: str = field(default="", repr=False)
    recovery_code: str = field(default="", repr=False)


def _data_dir() -> Path:
    from kyodo_desktop import paths

    return paths.data_dir()


def _find_account(key_file: crypto.KeyFile, user: str) -> tuple[str, str]:
    """The account by uid or display name: exactly as written first, then NFKC-folded (typed
    with the IME in another width) if that names exactly one account (山﨑 and 山崎 stay apart)."""
    import unicodedata

    accounts = key_file.accounts()
    wanted = (user or "").strip()
    for uid, name in accounts:
        if wanted in (uid, name):
            return uid, name
    fold = unicodedata.normalize("NFKC", wanted)
    found = [(uid, name) for uid, name in accounts if unicodedata.normalize("NFKC", name).strip() == fold]
    if len(found) == 1:
        return found[0]
    raise crypto.WrongSecretError(f"「{wanted[:50]}」という名前のアカウントはこの台帳にありません。")


def unlock(
    path: Path, credentials: Credentials, *, data_dir: Path | None = None, clock: Clock = now_local,
    key_file: crypto.KeyFile | None = None,
) -> tuple[bytes, crypto.KeyFile, str, str]:
    """Unwrap the data key. Returns (key, key file, account uid, via). Failed attempts are
    remembered on this PC and slow down further attempts (:class:`auth.LoginBackoff`)."""
    key_file = key_file or crypto.KeyFile.load(crypto.key_file_path(path))
    data_dir = data_dir or _data_dir()
    failures = auth.FailureLog(data_dir)
    now = clock()
    if credentials.recovery_code:
        failures.check(key_file.register_id, "#recovery", now)
        slots = [s for s in key_file.slots if s.kind == "recovery"]
        try:
            code = crypto.normalize_recovery_code(credentials.recovery_code)
            for slot in slots[: crypto.MAX_SLOTS_TRIED]:
                with contextlib.suppress(crypto.WrongSecretError):
                    return key_file.unlock(slot, code), key_file, "", "recovery"
        except crypto.WrongSecretError as exc:
            failures.failed(key_file.register_id, "#recovery", "復旧コード", now, str(exc))
            raise
        failures.failed(key_file.register_id, "#recovery", "復旧コード", now, "復旧コードが違います")
        raise crypto.WrongSecretError("復旧コードが違います。復旧シートの文字を確かめてください。")
    uid, name = _find_account(key_file, credentials.user)
    failures.check(key_file.register_id, uid, now)
    is_pin = credentials.secret.strip().isdigit() and len(crypto.normalize_secret(credentials.secret, what="暗証番号")) <= 6
    secret = crypto.normalize_secret(credentials.secret, what="暗証番号" if is_pin else "パスワード")
    if not secret:
        raise crypto.WrongSecretError("パスワードを入力してください。")
    if is_pin:
        device, pepper = crypto.device_secret(data_dir)
        slots = [s for s in key_file.slots_for(uid, "pin") if s.device == device]
        if not slots:
            raise crypto.WrongSecretError(
                "暗証番号は、設定したパソコンでだけ使えます。このパソコンではパスワードを入力してください。"
            )
    else:
        pepper = b""
        slots = key_file.slots_for(uid, "password")
    for slot in slots[: crypto.MAX_SLOTS_TRIED]:
        with contextlib.suppress(crypto.WrongSecretError):
            return key_file.unlock(slot, secret, pepper=pepper), key_file, uid, slot.kind
    what = "暗証番号" if is_pin else "パスワード"
    n = failures.failed(key_file.register_id, uid, name, now, f"{what}の誤り")
    wait = auth.wait_after(n)
    more = f"（続けて{n}回目。次は{int(wait)}秒待ってから入力できます）" if wait else ""
    raise crypto.WrongSecretError(f"{what}が違います。{more}")


def _initialise(conn: Any, stamp: str, association: dict[str, Any]) -> None:
    """Schema, identity and the association row of a new register."""
    from sqlite_utils import Database

    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    db = Database(conn)
    schema.apply_migrations(db)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION}")
    with db.atomic():
        db["association"].insert({**association, "created_at": stamp, "updated_at": stamp})
        conn.execute(
            "INSERT INTO audit_log (at, actor, action, table_name, row_id, summary) VALUES (?, ?, ?, ?, ?, ?)",
            (stamp, "システム", "create", "association", 1, f"台帳「{association['name']}」を作成しました"),
        )


def _add_account_row(
    reg: Register, display_name: str, role: str, *, person_id: int | None = None, block_id: int | None = None
) -> str:
    import uuid

    role_row = reg.conn.execute("SELECT id, scope FROM roles WHERE name = ?", (role,)).fetchone()
    if role_row is None:
        raise RegisterError(f"「{role}」という役割はありません。")
    if role_row[1] == "block" and block_id is None:
        raise RegisterError(f"「{role}」の役割には、担当する班を選んでください。")
    if reg.conn.execute("SELECT 1 FROM accounts WHERE display_name = ?", (display_name,)).fetchone():
        raise RegisterError(f"「{display_name}」という名前のアカウントはすでにあります。別の名前にしてください。")
    uid = uuid.uuid4().hex
    stamp = reg.now()
    cur = reg.conn.execute(
        "INSERT INTO accounts (uid, display_name, person_id, role_id, block_id, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (uid, display_name, person_id, role_row[0], block_id, stamp, stamp),
    )
    reg._audit_row("account_add", "accounts", cur.lastrowid, f"アカウント「{display_name}」（{role}）を作成しました")
    return uid


class Register:
    """One open register file. Create with :meth:`create` or :meth:`open`; always :meth:`close`."""

    def __init__(
        self,
        path: Path,
        conn: Any,
        *,
        key: bytes,
        key_file: crypto.KeyFile,
        session: auth.Session,
        lock: filelock.BaseFileLock | None,
        backup_dir: Path | None,
        read_only: bool,
        clock: Clock,
    ) -> None:
        self.path = path
        self.conn = conn
        self._key = key
        self.key_file = key_file
        self.session = session
        self._lock = lock
        self.backup_dir = backup_dir
        self.read_only = read_only
        self.clock = clock
        self._changes_at_open = conn.total_changes
        self.closed = False
        self._identity = self._file_identity()
        #: shown once after :meth:`create` (or a new sheet): the code to print on the recovery sheet
        self.recovery_code = ""
        #: things the officer should be told after opening (e.g. a key file that was edited)
        self.warnings: list[str] = []
        self._summarised = False

    @contextlib.contextmanager
    def summarised_audit(self) -> Iterator[None]:
        """Inside, row-by-row change entries are not written: a bulk change (an import) records
        itself as one entry with its counts and source instead."""
        before, self._summarised = self._summarised, True
        try:
            yield
        finally:
            self._summarised = before

    @property
    def actor(self) -> str:
        return self.session.display_name

    @property
    def key_path(self) -> Path:
        return crypto.key_file_path(self.path)

    def save_key_file(self) -> None:
        """Write the key file (atomically). Call inside :meth:`writing` so a failure rolls back."""
        if self.read_only:
            raise RegisterError("読み取り専用で開かれているため、鍵ファイルを書き換えられません。")
        try:
            self.key_file.save(self.key_path, self._key)
        except OSError as exc:
            raise translate_sqlite_error(exc, self.key_path, "鍵ファイルの保存") from exc

    @contextlib.contextmanager
    def changing_keys(self, doing: str) -> Iterator[crypto.KeyFile]:
        """One change to accounts and key slots together: yields a copy of the key file to change;
        it is written as the transaction's last step and becomes the register's key file only when
        the transaction commits. If anything fails, the key file on disk and in memory is as before."""
        import copy

        if self.read_only:
            raise RegisterError(f"読み取り専用で開かれているため、{doing}できません。")
        before = copy.deepcopy(self.key_file)
        draft = copy.deepcopy(self.key_file)
        written = False
        try:
            with self.writing(doing):
                yield draft
                try:
                    draft.save(self.key_path, self._key)
                except OSError as exc:
                    raise translate_sqlite_error(exc, self.key_path, doing) from exc
                written = True
        except BaseException:
            if written:  # the commit failed after the new key file was written: put the old one back
                with contextlib.suppress(OSError):
                    before.save(self.key_path, self._key)
            raise
        self.key_file = draft

    def unlock_key_with(self, account_uid: str, secret: str, data_dir: Path | None = None) -> str:
        """Check an officer's password or PIN against the key file without reopening (the
        auto-lock screen, switching user). Failures are written to the audit log."""
        try:
            _key, _kf, uid, via = unlock(self.path, Credentials(account_uid, secret), data_dir=data_dir,
                                         clock=self.clock, key_file=self.key_file)
        except crypto.WrongSecretError as exc:
            if not self.read_only:
                with contextlib.suppress(RegisterError), self.writing("記録"):
                    self._audit_row("login_failed", "accounts", None, f"ログインの失敗（{account_uid}）: {exc}")
            raise
        return via

    @cached_property
    def db(self) -> Database:
        """sqlite-utils' view of the connection, made on first use (importing sqlite-utils costs
        start-up time that reading the register does not need)."""
        from sqlite_utils import Database

        return Database(self.conn)

    def rows(self, sql: str, params: tuple | list = ()) -> list[dict[str, Any]]:
        """Run a read query and return its rows as dicts (no sqlite-utils needed)."""
        cur = self.conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def _file_identity(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_dev, st.st_ino)

    def check_file_still_there(self, doing: str) -> None:
        """The file may vanish under an open connection (USB stick pulled out, folder moved).
        SQLite would then write into the void; refuse instead."""
        if self._file_identity() != self._identity or self._identity is None:
            raise RegisterError(
                f"台帳ファイルが見つかりません（{self.path}）。USBメモリが抜かれたか、"
                f"ファイルが移動・削除された可能性があります。{doing}は行われていません。"
                "USBメモリを差し直して、台帳を開き直してください。"
            )

    # -- opening ---------------------------------------------------------------------------

    @staticmethod
    def _acquire_lock(path: Path) -> filelock.BaseFileLock:
        lock = filelock.FileLock(str(path) + ".lock", timeout=0, is_singleton=False)
        try:
            lock.acquire()
        except filelock.Timeout:
            raise RegisterLockedError(
                "この台帳は、いま別の協働デスクで開かれています。"
                "同じ台帳を二つ同時に書き換えることはできません。"
                f"もう一方を閉じてから開いてください。（{path.name}）"
            ) from None
        except OSError as exc:
            # A read-only medium cannot hold a lock file; the caller opens read-only then.
            raise translate_sqlite_error(exc, path, "台帳を開く") from exc
        return lock

    @classmethod
    def create(
        cls,
        path: Path | str,
        *,
        name: str,
        admin_name: str,
        password: str,
        kana: str = "",
        district: str = "",
        address: str = "",
        postal_code: str = "",
        default_area_code: str = "",
        fiscal_year_start_month: int = 4,
        purpose_of_use: str = "",
        backup_dir: Path | None = None,
        clock: Clock = now_local,
        admin_person_id: int | None = None,
    ) -> Register:
        """Make a new, empty, encrypted register; its creator becomes the first 管理者.
        Refuses to overwrite a file. ``reg.recovery_code`` holds the code for the recovery sheet."""
        from kyodo_desktop.models.validation import ValidationError, clean_text

        path = Path(path)
        name = clean_text(name, field="町会名", max_len=100, required=True)
        admin_name = clean_text(admin_name, field="管理者の名前", max_len=50, required=True)
        password = crypto.check_new_password(password)
        default_area_code = clean_text(default_area_code, field="市外局番", max_len=6)
        if default_area_code and not (default_area_code.isascii() and default_area_code.isdigit()
                                      and default_area_code.startswith("0") and 2 <= len(default_area_code) <= 5):
            raise ValidationError("市外局番", "0で始まる2〜5桁の数字で入力してください（例: 076）。", field="default_area_code")
        key_path = crypto.key_file_path(path)
        if path.exists() or key_path.exists():
            raise RegisterError(f"同じ名前のファイルがすでにあります。上書きはしません: {path}")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise translate_sqlite_error(exc, path, "台帳を作成") from exc
        lock = cls._acquire_lock(path)
        key = crypto.new_data_key()
        key_file = crypto.KeyFile(crypto.new_register_id())
        conn = None
        try:
            conn = connect(path, key)
            _initialise(conn, clock().isoformat(), {
                "id": 1,
                "name": name,
                "kana": clean_text(kana, field="町会名フリガナ", max_len=200),
                "district": clean_text(district, field="校下・地区", max_len=100),
                "address": clean_text(address, field="所在地", max_len=200),
                "postal_code": postal_code,
                "default_area_code": default_area_code,
                "fiscal_year_start_month": fiscal_year_start_month,
                "purpose_of_use": purpose_of_use or default_purpose(name),
                "register_id": key_file.register_id,
            })
            reg = cls(path, conn, key=key, key_file=key_file, session=auth.SYSTEM, lock=lock,
                      backup_dir=backup_dir, read_only=False, clock=clock)
            with reg.writing("台帳の作成"):
                uid = _add_account_row(reg, admin_name, "管理者", person_id=admin_person_id)
                reg.key_file.add_slot(key, kind="password", account_uid=uid, display_name=admin_name, secret=password)
                reg.recovery_code = crypto.new_recovery_code()
                reg.key_file.add_slot(key, kind="recovery", account_uid="", display_name="復旧コード",
                                      secret=reg.recovery_code)
                reg.save_key_file()
            reg.session = auth.load_session(conn, uid, "password")
            reg._changes_at_open = conn.total_changes
            return reg
        except BaseException as exc:
            if conn is not None:
                conn.close()
            lock.release()
            with contextlib.suppress(OSError):
                path.unlink()
            with contextlib.suppress(OSError):
                key_path.unlink()
            if isinstance(exc, DB_ERRORS):
                raise translate_sqlite_error(exc, path, "台帳を作成") from exc
            raise

    @classmethod
    def open(
        cls,
        path: Path | str,
        credentials: Credentials | None = None,
        *,
        backup_dir: Path | None = None,
        read_only: bool = False,
        clock: Clock = now_local,
        backup_on_open: bool = True,
        data_dir: Path | None = None,
    ) -> Register:
        """Unlock (password, PIN or recovery code), check, lock, migrate (after a copy) and back up.

        ``backup_on_open=False`` leaves the opening backup to the caller (the program takes it
        on the database thread right after the window is shown)."""
        path = Path(path)
        finish_interrupted_encryption(path)
        if not _check_header(path):
            try:
                _probe(path, None)  # a plain SQLite file that is not a register is refused as such
            except DB_ERRORS as exc:
                raise translate_sqlite_error(exc, path, "台帳を開く") from exc
            raise UnencryptedRegisterError(
                "この台帳は暗号化されていません（以前の版で作られた台帳です）。個人情報を守るため、"
                "開く前に暗号化します。管理者の名前とパスワードを決めて暗号化してください"
                f"（コマンドでは kyodo encrypt）: {path.name}"
            )
        if credentials is None:
            raise crypto.WrongSecretError("名前とパスワードを入力してください。")
        key, key_file, uid, via = unlock(path, credentials, data_dir=data_dir, clock=clock)
        if not read_only and not os.access(path, os.W_OK):
            read_only = True
        lock = None if read_only else cls._acquire_lock(path)
        conn = None
        try:
            # Look before touching: a file that is not a healthy register of a version we know
            # is refused before anything (even the journal mode) is written to it.
            # a USB stick pulled out mid-write leaves a "hot" journal: SQLite rolls it back on the
            # first read-write connection (a read-only one would fail), so probe read-write then
            applied, conn = _probe(path, key, writable=not read_only, keep=True)
            pending = [n for n in schema.known_migration_names() if n not in applied]
            tune_connection(conn, path, read_only=read_only)
            reg = cls(path, conn, key=key, key_file=key_file, session=auth.SYSTEM, lock=lock,
                      backup_dir=backup_dir, read_only=read_only, clock=clock)
            if pending:
                if read_only:
                    raise RegisterError(
                        "この台帳は古い版の形式で、更新が必要ですが、読み取り専用のため更新できません。"
                        f"書き込みできる場所にコピーしてから開いてください: {path}"
                    )
                reg.backup("migrate")
                schema.apply_migrations(reg.db)
                conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION}")
            reg.session = auth.recovery_session() if via == "recovery" else auth.load_session(conn, uid, via)
            if not key_file.mac_ok(key):
                reg.warnings.append(
                    "鍵ファイルが協働デスクの外で書き換えられています（表示名などが正しくない可能性があります）。"
                    "管理者はアカウントの一覧を確かめてください。"
                )
            if not read_only:
                failures = auth.FailureLog(data_dir or _data_dir()).succeeded(key_file.register_id, uid or "#recovery")
                with reg.writing("ログインの記録"):
                    for f in failures:
                        reg._audit_row("login_failed", "accounts", None,
                                       f"ログインの失敗（{f.get('name', '')}）: {f.get('reason', '')}",
                                       at=str(f.get("at", "")) or None, actor=str(f.get("name", "")))
                    if reg.session.account_id is not None:
                        conn.execute("UPDATE accounts SET last_login_at = ? WHERE id = ?",
                                     (reg.now(), reg.session.account_id))
                    how = {"password": "パスワード", "pin": "暗証番号", "recovery": "復旧コード"}.get(via, via)
                    reg._audit_row("login", "accounts", reg.session.account_id, f"ログイン（{how}）")
                    if reg.warnings:
                        reg._audit_row("key_file_edited", "accounts", None, reg.warnings[0])
                if backup_on_open and not pending:
                    reg.backup_if_changed("open")
            reg._changes_at_open = conn.total_changes
            return reg
        except BaseException as exc:
            if conn is not None:
                conn.close()
            if lock is not None:
                lock.release()
            if isinstance(exc, DB_ERRORS):
                raise translate_sqlite_error(exc, path, "台帳を開く") from exc
            raise

    # -- closing ---------------------------------------------------------------------------

    @property
    def changed_since_open(self) -> bool:
        return self.conn.total_changes != self._changes_at_open

    def close(self, *, backup: bool = True) -> None:
        if self.closed:
            return
        try:
            if self.conn.in_transaction:  # never commit half of something
                with contextlib.suppress(*DB_ERRORS):
                    self.conn.rollback()
            if backup and not self.read_only and self.changed_since_open:
                with contextlib.suppress(RegisterError):
                    self.backup("close")
            with contextlib.suppress(*DB_ERRORS):
                self.conn.close()
        finally:
            self.closed = True
            if self._lock is not None:
                self._lock.release()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    def now(self) -> str:
        return self.clock().isoformat()

    def today(self) -> date:
        return self.clock().date()

    @contextlib.contextmanager
    def writing(self, doing: str) -> Iterator[None]:
        """A transaction for one user-visible change. Errors become :class:`RegisterError`
        and the whole change is rolled back."""
        if self.read_only:
            raise RegisterError(f"この台帳は読み取り専用で開かれているため、{doing}できません。")
        if self.closed:
            raise RegisterError(f"台帳が閉じられているため、{doing}できません。")
        self.check_file_still_there(doing)
        try:
            with self._transaction():
                yield
        except (*DB_ERRORS, OSError) as exc:
            raise translate_sqlite_error(exc, self.path, doing) from exc

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """BEGIN … COMMIT (a savepoint when nested); everything rolled back on any error. Plain
        SQL, so that a login's audit row does not pay for importing sqlite-utils."""
        conn = self.conn
        if conn.in_transaction:
            name = f"kyodo_{os.urandom(8).hex()}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                if conn.in_transaction:
                    conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        conn.execute("BEGIN")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def audit(
        self,
        action: str,
        table: str,
        row_id: int | None,
        summary: str,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
    ) -> None:
        """Record one change in the audit log (call inside :meth:`writing`)."""
        if self._summarised:  # part of a bulk change that writes its own single entry
            return
        if before is not None and after is not None:
            keys = [k for k in after if before.get(k) != after.get(k) and k != "updated_at"]
            before = {k: before.get(k) for k in keys}
            after = {k: after.get(k) for k in keys}
        self._audit_row(action, table, row_id, summary, before=before, after=after)

    def _audit_row(
        self, action: str, table: str, row_id: int | None, summary: str, *,
        before: dict[str, Any] | None = None, after: dict[str, Any] | None = None,
        purpose: str | None = None, person_count: int | None = None,
        at: str | None = None, actor: str | None = None,
    ) -> None:
        self.conn.execute(
            "INSERT INTO audit_log (at, actor, account_id, action, table_name, row_id, summary, before, after, "
            "purpose, person_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                at or self.now(), self.actor if actor is None else actor, self.session.account_id, action, table,
                row_id, summary,
                json.dumps(before, ensure_ascii=False) if before is not None else None,
                json.dumps(after, ensure_ascii=False) if after is not None else None,
                purpose, person_count,
            ),
        )

    def record(self, action: str, summary: str, *, purpose: str | None = None, person_count: int | None = None,
               table: str = "", row_id: int | None = None) -> None:
        """Record a view, export or print (not a change) in the audit log, in its own transaction."""
        if self.read_only:
            return
        with self.writing("記録"):
            self._audit_row(action, table, row_id, summary, purpose=purpose, person_count=person_count)

    # -- backups ---------------------------------------------------------------------------

    def backup(self, reason: str = "manual", target: Path | None = None, *, protect: set[Path] | None = None) -> Path:
        """Copy the register with SQLite's backup API (consistent even while open), encrypted
        like the register and beside a copy of its key file. A copy to a place of one's choosing
        (``target`` outside the backup folder) is an output: it needs that permission and is recorded."""
        outside = target is not None and (self.backup_dir is None or Path(target).parent.resolve() != self.backup_dir.resolve())
        if outside:
            self.session.require("output", "台帳のコピーを作る")
        if self.conn.in_transaction:
            raise RegisterError("変更の保存中のため、いまはバックアップを作成できません。")
        if target is None:
            if self.backup_dir is None:
                raise RegisterError("バックアップの保存先が決まっていません。")
            self.backup_dir.mkdir(parents=True, exist_ok=True)
            when = self.clock()
            target = self.backup_dir / _backup_name(self.path.stem, when, reason)
            n = 1
            while target.exists():
                n += 1
                target = self.backup_dir / _backup_name(self.path.stem, when, f"{reason}{n}")
        try:
            _copy_with_backup_api(self.conn, Path(target), self._key, self.key_file)
        except (*DB_ERRORS, OSError) as exc:
            raise translate_sqlite_error(exc, target, "バックアップを作成") from exc
        if outside:
            self.record("backup_export", f"台帳のコピー（暗号化済み）を作成しました: {Path(target).name}")
        elif self.backup_dir is not None:
            rotate_backups(self.backup_dir, self.today(), protect=protect)
            self._remember_backup(Path(target))
        return Path(target)

    # actions that record something without changing the register's contents
    _NOT_CHANGES = ("login", "login_failed", "view_sensitive", "export", "print", "audit_export", "backup_export")

    def _last_change_id(self) -> int:
        marks = ",".join("?" * len(self._NOT_CHANGES))
        row = self.conn.execute(f"SELECT max(id) FROM audit_log WHERE action NOT IN ({marks})", self._NOT_CHANGES)
        return int(row.fetchone()[0] or 0)

    def _remember_backup(self, target: Path) -> None:
        assert self.backup_dir is not None
        state = {"register_id": self.key_file.register_id, "change_id": self._last_change_id(), "backup": target.name}
        with contextlib.suppress(OSError):
            tmp = self.backup_dir / "last-backup.json.part"
            tmp.write_text(json.dumps(state), encoding="utf-8")
            os.replace(tmp, self.backup_dir / "last-backup.json")

    def backup_if_changed(self, reason: str = "open") -> Path | None:
        """A backup unless the newest one already holds these contents (nothing but logins and
        outputs recorded since): opening a register ten times a day keeps ten distinct backups,
        not ten copies of one. Returns the new backup, or None when none was needed."""
        if self.backup_dir is not None:
            try:
                state = json.loads((self.backup_dir / "last-backup.json").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                state = {}
            if (isinstance(state, dict) and state.get("register_id") == self.key_file.register_id
                    and state.get("change_id") == self._last_change_id()
                    and (self.backup_dir / str(state.get("backup", ""))).is_file()
                    and crypto.key_file_path(self.backup_dir / str(state.get("backup", ""))).is_file()):
                return None
        return self.backup(reason)

    def restore(self, backup_path: Path | str) -> Path:
        """Replace the register's contents with a backup. The current state is backed up first
        (reason ``restore``), so a restore can itself be undone. Returns that safety copy."""
        backup_path = Path(backup_path)
        self.session.require("backup.restore")
        if self.read_only:
            raise RegisterError("読み取り専用で開かれているため、復元できません。")
        verify_register_file(backup_path, self._key)
        src = connect(backup_path, self._key, read_only=True, tune=False)
        try:
            unknown = [n for n in _applied_migrations(src) if n not in schema.known_migration_names()]
            if unknown:
                raise NewerRegisterError("このバックアップは新しい版の協働デスクで作られたため、この版では復元できません。")
            safety = self.backup("restore", protect={backup_path})
            try:
                src.backup(self.conn)
            except DB_ERRORS as exc:
                raise translate_sqlite_error(exc, self.path, "復元") from exc
        finally:
            src.close()
        pending = [n for n in schema.known_migration_names() if n not in _applied_migrations(self.conn)]
        if pending:
            schema.apply_migrations(self.db)
        with self.writing("復元の記録"):
            self.audit("restore", "association", 1, f"バックアップ {backup_path.name} から復元しました")
        return safety


def default_purpose(name: str) -> str:
    return (
        f"この名簿は{name}の運営・連絡・防災のためにのみ使用し、第三者に渡さないでください。"
        "不要になったら町会へ返却またはシュレッダー処理してください。"
    )



def _plain_tables_count(conn: Any) -> dict[str, int]:
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return {n: conn.execute(f"SELECT count(*) FROM [{n}]").fetchone()[0] for n in names}


def _export_encrypted(plain_path: Path, target: Path, key: bytes) -> dict[str, int]:
    """Copy a plain SQLite file into a new SQLCipher file (sqlcipher_export); returns row counts."""
    target.unlink(missing_ok=True)
    src = connect(plain_path, None, tune=False)
    try:
        src.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        counts = _plain_tables_count(src)
        version = src.execute("PRAGMA user_version").fetchone()[0]
        src.execute(f"ATTACH DATABASE ? AS enc KEY \"x'{key.hex()}'\"", (str(target),))
        src.execute("SELECT sqlcipher_export('enc')")
        src.execute(f"PRAGMA enc.user_version = {int(version)}")
        src.execute(f"PRAGMA enc.application_id = {schema.APPLICATION_ID}")
        src.execute("DETACH DATABASE enc")
    finally:
        src.close()
    return counts


@dataclass(frozen=True)
class Encrypted:
    """What :func:`encrypt_register` did: the recovery code to print (shown first, always) and
    anything afterwards that did not work (old backups, the first encrypted backup)."""

    recovery_code: str
    account_uid: str
    problems: tuple[str, ...] = ()


def _swap_in(new: Path, path: Path) -> None:
    """Put ``new`` in ``path``'s place and overwrite the old contents. With a hard link the
    old file keeps a second name while ``new`` takes the place in one atomic step; on file
    systems without hard links (FAT on many USB sticks) it steps aside by renaming."""
    side = path.with_name(path.name + ".unencrypted")
    side.unlink(missing_ok=True)
    try:
        os.link(path, side)
    except OSError:
        os.replace(path, side)
    os.replace(new, path)
    crypto.secure_delete(side)


def finish_interrupted_encryption(path: Path) -> bool:
    """If a conversion was cut off between writing the encrypted copy and putting it in place
    (power cut), finish it. Returns True if it did."""
    path = Path(path)
    new = path.with_name(path.name + ".encrypting")
    side = path.with_name(path.name + ".unencrypted")
    if path.exists() or not new.exists() or not crypto.key_file_path(path).exists():
        return False
    os.replace(new, path)
    crypto.secure_delete(side)
    return True


def encrypt_register(
    path: Path | str, *, admin_name: str, password: str, backup_dir: Path | None = None,
    clock: Clock = now_local, data_dir: Path | None = None,
) -> Encrypted:
    """Convert a register from before encryption, in place and safely: write an encrypted copy,
    verify it table by table, make its first 管理者, write the key file, then put the copy in
    place and overwrite the old file. Plain backups of it are converted too."""
    from kyodo_desktop.models.validation import clean_text

    path = Path(path)
    if _check_header(path):
        raise RegisterError(f"この台帳はすでに暗号化されています: {path.name}")
    admin_name = clean_text(admin_name, field="管理者の名前", max_len=50, required=True)
    password = crypto.check_new_password(password)
    key_path = crypto.key_file_path(path)
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise RegisterError(f"台帳ファイルの場所に書き込めないため、暗号化できません: {path}")
    lock = Register._acquire_lock(path)
    new = path.with_name(path.name + ".encrypting")
    try:
        _probe(path, None, writable=path.with_name(path.name + "-journal").exists())
        if key_path.exists():  # left by a conversion cut off before the swap: it fits no file
            os.replace(key_path, key_path.with_name(key_path.name + ".stale"))
        key = crypto.new_data_key()
        counts = _export_encrypted(path, new, key)
        key_file = crypto.KeyFile(crypto.new_register_id())
        conn = connect(new, key, wal=False)
        try:
            check = conn.execute("PRAGMA integrity_check").fetchone()[0]
            got = _plain_tables_count(conn)
            if check != "ok" or got != counts:
                raise RegisterError("暗号化した台帳の確認で食い違いが見つかったため、暗号化を中止しました。元の台帳はそのままです。")
            reg = Register(new, conn, key=key, key_file=key_file, session=auth.SYSTEM, lock=None,
                           backup_dir=None, read_only=False, clock=clock)
            schema.apply_migrations(reg.db)
            conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION}")
            code = crypto.new_recovery_code()
            with reg.writing("暗号化"):
                conn.execute("UPDATE association SET register_id = ? WHERE id = 1", (key_file.register_id,))
                uid = _add_account_row(reg, admin_name, "管理者")
                key_file.add_slot(key, kind="password", account_uid=uid, display_name=admin_name, secret=password)
                key_file.add_slot(key, kind="recovery", account_uid="", display_name="復旧コード", secret=code)
                reg._audit_row("encrypt", "association", 1, "台帳を暗号化しました（管理者アカウントを作成）")
        finally:
            conn.close()
        key_file.save(key_path, key)  # last before the swap: a cut-off conversion is finished on next open
        for suffix in ("-wal", "-shm", "-journal"):
            crypto.secure_delete(path.with_name(path.name + suffix))
        _swap_in(new, path)
    except BaseException:
        with contextlib.suppress(OSError):
            if path.exists():
                new.unlink(missing_ok=True)
                if not _check_header(path):  # still the plain original: the new key file fits nothing
                    key_path.unlink(missing_ok=True)
        raise
    finally:
        lock.release()
    problems: list[str] = []
    if backup_dir is not None and backup_dir.is_dir():
        problems += _encrypt_old_backups(backup_dir, key, key_file)
        try:
            reg2 = Register.open(path, Credentials(uid, password), backup_dir=backup_dir, clock=clock,
                                 data_dir=data_dir, backup_on_open=False)
            try:
                reg2.backup("encrypt")
            finally:
                reg2.close(backup=False)
        except RegisterError as exc:
            problems.append(f"暗号化後のバックアップを作成できませんでした: {exc}")
    return Encrypted(code, uid, tuple(problems))


def _encrypt_old_backups(backup_dir: Path, key: bytes, key_file: crypto.KeyFile) -> list[str]:
    """Backups taken before encryption hold the same personal data in the clear: encrypt each
    with the register's key (beside a copy of its key file) and overwrite the plain one. An
    unreadable plain backup is overwritten; a file error stops and is reported."""
    problems: list[str] = []
    for b in list_backups(backup_dir):
        try:
            plain = not _check_header(b.path)
        except RegisterError:
            continue
        if not plain:
            continue
        tmp = b.path.with_name(b.path.name + ".encrypting")
        try:
            _export_encrypted(b.path, tmp, key)
        except DB_ERRORS:  # not a readable register: of no use, and personal data in the clear
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
            crypto.secure_delete(b.path)
            continue
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
            problems.append(f"暗号化されていないバックアップが残っています（{exc.strerror or exc}）: {b.path}")
            break
        try:
            key_file.save(crypto.key_file_path(b.path), key)
            _swap_in(tmp, b.path)
        except OSError as exc:
            problems.append(f"暗号化されていないバックアップが残っています（{exc.strerror or exc}）: {b.path}")
            break
    return problems
