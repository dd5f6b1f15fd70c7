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
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import filelock

if TYPE_CHECKING:
    from sqlite_utils import Database

from kyodo_desktop.models import schema

Clock = Callable[[], datetime]
SQLITE_HEADER = b"SQLite format 3\x00"
#: Newest backups kept, plus the newest of each month for this many months.
KEEP_RECENT = 10
KEEP_MONTHS = 12


class RegisterError(Exception):
    """A problem with the register file, with a message for the officer in plain Japanese."""

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message


class RegisterLockedError(RegisterError):
    pass


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


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as fh:
            head = fh.read(100)
    except FileNotFoundError:
        raise RegisterError(f"台帳ファイルが見つかりません: {path}") from None
    except OSError as exc:
        raise translate_sqlite_error(exc, path, "台帳を開く") from exc
    if len(head) == 0:
        raise RegisterError(f"台帳ファイルが空です（0バイト）: {path}")
    if not head.startswith(SQLITE_HEADER) or len(head) < 100:
        raise RegisterError(f"このファイルは協働デスクの台帳ではありません: {path}")
    app_id = int.from_bytes(head[68:72], "big")
    if app_id not in (0, schema.APPLICATION_ID):
        raise RegisterError(f"このファイルは協働デスクの台帳ではありません（別のプログラムのデータです）: {path}")


def connect(path: Path | str, *, read_only: bool = False, wal: bool | None = None) -> sqlite3.Connection:
    """Open a connection to a register file. The only function that does so.

    ``wal=None`` chooses WAL on fixed disks and rollback journal on removable or network drives.
    """
    from kyodo_desktop.paths import is_removable

    path = Path(path)
    if read_only:
        uri = path.resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, check_same_thread=True)
    else:
        conn = sqlite3.connect(str(path), check_same_thread=True)
    # Autocommit: no implicit transactions that could stay open (and keep later "atomic"
    # blocks from ever committing); every change is an explicit BEGIN … COMMIT (db.atomic()).
    conn.isolation_level = None
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    if not read_only:
        if wal is None:
            wal = not is_removable(path)
        conn.execute(f"PRAGMA journal_mode = {'WAL' if wal else 'DELETE'}")
        conn.execute("PRAGMA synchronous = FULL" if not wal else "PRAGMA synchronous = NORMAL")
    return conn


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


def rotate_backups(backup_dir: Path, today: date | None = None) -> list[Path]:
    """Keep the newest :data:`KEEP_RECENT` backups and the newest one of each of the last
    :data:`KEEP_MONTHS` months; delete the rest. Returns the deleted paths."""
    backups = list_backups(backup_dir)
    today = today or date.today()
    keep: set[Path] = {b.path for b in backups[:KEEP_RECENT]}
    months_seen: set[tuple[int, int]] = set()
    for b in backups:  # newest first, so the first of each month is its newest
        month = (b.taken_at.year, b.taken_at.month)
        age_months = (today.year - month[0]) * 12 + today.month - month[1]
        if age_months < KEEP_MONTHS and month not in months_seen:
            months_seen.add(month)
            keep.add(b.path)
    deleted = []
    for b in backups:
        if b.path not in keep:
            with contextlib.suppress(OSError):
                b.path.unlink()
                deleted.append(b.path)
    return deleted


def _copy_with_backup_api(source: sqlite3.Connection, target: Path) -> None:
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    dest = sqlite3.connect(str(tmp))
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    os.replace(tmp, target)


def verify_register_file(path: Path) -> dict[str, Any]:
    """Check that ``path`` is a healthy register this version can read. Returns facts about it."""
    _check_header(path)
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise translate_sqlite_error(exc, path, "台帳を確認") from exc
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise RegisterError(f"台帳ファイルが壊れています（{result}）: {path}")
        names = _applied_migrations(conn)
        row = conn.execute("SELECT name FROM association WHERE id = 1").fetchone() if names else None
        households = conn.execute("SELECT count(*) FROM households").fetchone()[0] if names else 0
    except sqlite3.DatabaseError as exc:
        raise translate_sqlite_error(exc, path, "台帳を確認") from exc
    finally:
        conn.close()
    return {"association": row[0] if row else "", "households": households, "migrations": names}


def _probe(path: Path) -> list[str]:
    """Read-only checks before a register is opened for writing. Returns the applied migrations."""
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise RegisterError(
                f"台帳ファイルに破損が見つかりました（{check}）。バックアップからの復元をお試しください: {path}"
            )
        applied = _applied_migrations(conn)
    finally:
        conn.close()
    if not applied:
        raise RegisterError(f"このファイルは協働デスクの台帳ではありません: {path}")
    known = schema.known_migration_names()
    if [n for n in applied if n not in known]:
        raise NewerRegisterError(
            "この台帳は新しい版の協働デスクで保存されています。この版では開けません。"
            "協働デスクを最新版に更新してから開いてください。"
            f"（台帳の版 {len(applied)}／このプログラムの版 {len(known)}）"
        )
    return applied


def _applied_migrations(conn: sqlite3.Connection) -> list[str]:
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


class Register:
    """One open register file. Create with :meth:`create` or :meth:`open`; always :meth:`close`."""

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        *,
        lock: filelock.BaseFileLock | None,
        backup_dir: Path | None,
        actor: str,
        read_only: bool,
        clock: Clock,
    ) -> None:
        self.path = path
        self.conn = conn
        self._lock = lock
        self.backup_dir = backup_dir
        self.actor = actor
        self.read_only = read_only
        self.clock = clock
        self._changes_at_open = conn.total_changes
        self.closed = False
        self._identity = self._file_identity()

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
        kana: str = "",
        district: str = "",
        address: str = "",
        postal_code: str = "",
        default_area_code: str = "",
        fiscal_year_start_month: int = 4,
        purpose_of_use: str = "",
        actor: str = "",
        backup_dir: Path | None = None,
        clock: Clock = now_local,
    ) -> Register:
        """Make a new, empty register for an association. Refuses to overwrite a file."""
        from kyodo_desktop.models.validation import ValidationError, clean_text

        path = Path(path)
        name = clean_text(name, field="町会名", max_len=100, required=True)
        default_area_code = clean_text(default_area_code, field="市外局番", max_len=6)
        if default_area_code and not (default_area_code.isascii() and default_area_code.isdigit()
                                      and default_area_code.startswith("0") and 2 <= len(default_area_code) <= 5):
            raise ValidationError("市外局番", "0で始まる2〜5桁の数字で入力してください（例: 076）。", field="default_area_code")
        if path.exists():
            raise RegisterError(f"同じ名前のファイルがすでにあります。上書きはしません: {path}")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise translate_sqlite_error(exc, path, "台帳を作成") from exc
        lock = cls._acquire_lock(path)
        try:
            conn = connect(path)
            conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
            from sqlite_utils import Database

            db = Database(conn)
            schema.apply_migrations(db)
            conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION}")
            stamp = clock().isoformat()
            with db.atomic():
                db["association"].insert(
                    {
                        "id": 1,
                        "name": name,
                        "kana": clean_text(kana, field="町会名フリガナ", max_len=200),
                        "district": clean_text(district, field="校下・地区", max_len=100),
                        "address": clean_text(address, field="所在地", max_len=200),
                        "postal_code": postal_code,
                        "default_area_code": default_area_code,
                        "fiscal_year_start_month": fiscal_year_start_month,
                        "purpose_of_use": purpose_of_use or default_purpose(name),
                        "created_at": stamp,
                        "updated_at": stamp,
                    }
                )
                db["audit_log"].insert(
                    {
                        "at": stamp,
                        "actor": actor,
                        "action": "create",
                        "table_name": "association",
                        "row_id": 1,
                        "summary": f"台帳「{name}」を作成しました",
                    }
                )
        except sqlite3.Error as exc:
            lock.release()
            with contextlib.suppress(OSError):
                path.unlink()
            raise translate_sqlite_error(exc, path, "台帳を作成") from exc
        except BaseException:
            lock.release()
            raise
        return cls(
            path, conn, lock=lock, backup_dir=backup_dir, actor=actor, read_only=False, clock=clock
        )

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        actor: str = "",
        backup_dir: Path | None = None,
        read_only: bool = False,
        clock: Clock = now_local,
        backup_on_open: bool = True,
    ) -> Register:
        """Open an existing register: check it, lock it, migrate it (after a copy), back it up.

        ``backup_on_open=False`` leaves the opening backup to the caller (the program takes it
        on the database thread right after the window is shown)."""
        path = Path(path)
        _check_header(path)
        if not read_only and not os.access(path, os.W_OK):
            read_only = True
        lock = None if read_only else cls._acquire_lock(path)
        conn = None
        try:
            # Look before touching: a file that is not a healthy register of a version we know
            # is refused before anything (even the journal mode) is written to it.
            applied = _probe(path)
            known = schema.known_migration_names()
            pending = [n for n in known if n not in applied]
            conn = connect(path, read_only=read_only)
            reg = cls(
                path,
                conn,
                lock=lock,
                backup_dir=backup_dir,
                actor=actor,
                read_only=read_only,
                clock=clock,
            )
            if pending:
                if read_only:
                    raise RegisterError(
                        "この台帳は古い版の形式で、更新が必要ですが、読み取り専用のため更新できません。"
                        f"書き込みできる場所にコピーしてから開いてください: {path}"
                    )
                reg.backup("migrate")
                schema.apply_migrations(reg.db)
                conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION}")
            elif not read_only and backup_on_open:
                reg.backup("open")
            reg._changes_at_open = conn.total_changes
            return reg
        except sqlite3.Error as exc:
            if conn is not None:
                conn.close()
            if lock is not None:
                lock.release()
            raise translate_sqlite_error(exc, path, "台帳を開く") from exc
        except BaseException:
            if conn is not None:
                conn.close()
            if lock is not None:
                lock.release()
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
                with contextlib.suppress(sqlite3.Error):
                    self.conn.rollback()
            if backup and not self.read_only and self.changed_since_open:
                with contextlib.suppress(RegisterError):
                    self.backup("close")
            with contextlib.suppress(sqlite3.Error):
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
    def writing(self, doing: str) -> Iterator[Database]:
        """A transaction for one user-visible change. Errors become :class:`RegisterError`
        and the whole change is rolled back."""
        if self.read_only:
            raise RegisterError(f"この台帳は読み取り専用で開かれているため、{doing}できません。")
        if self.closed:
            raise RegisterError(f"台帳が閉じられているため、{doing}できません。")
        self.check_file_still_there(doing)
        try:
            with self.db.atomic():
                yield self.db
        except (sqlite3.Error, OSError) as exc:
            raise translate_sqlite_error(exc, self.path, doing) from exc

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
        if before is not None and after is not None:
            keys = [k for k in after if before.get(k) != after.get(k) and k != "updated_at"]
            before = {k: before.get(k) for k in keys}
            after = {k: after.get(k) for k in keys}
        self.db["audit_log"].insert(
            {
                "at": self.now(),
                "actor": self.actor,
                "action": action,
                "table_name": table,
                "row_id": row_id,
                "summary": summary,
                "before": json.dumps(before, ensure_ascii=False) if before is not None else None,
                "after": json.dumps(after, ensure_ascii=False) if after is not None else None,
            }
        )

    # -- backups ---------------------------------------------------------------------------

    def backup(self, reason: str = "manual", target: Path | None = None) -> Path:
        """Copy the register with SQLite's backup API (consistent even while open)."""
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
            _copy_with_backup_api(self.conn, Path(target))
        except (sqlite3.Error, OSError) as exc:
            raise translate_sqlite_error(exc, target, "バックアップを作成") from exc
        if self.backup_dir is not None and Path(target).parent == self.backup_dir:
            rotate_backups(self.backup_dir, self.today())
        return Path(target)

    def restore(self, backup_path: Path | str) -> Path:
        """Replace the register's contents with a backup. The current state is backed up first
        (reason ``restore``), so a restore can itself be undone. Returns that safety copy."""
        backup_path = Path(backup_path)
        if self.read_only:
            raise RegisterError("読み取り専用で開かれているため、復元できません。")
        verify_register_file(backup_path)
        src = sqlite3.connect(backup_path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            unknown = [n for n in _applied_migrations(src) if n not in schema.known_migration_names()]
            if unknown:
                raise NewerRegisterError("このバックアップは新しい版の協働デスクで作られたため、この版では復元できません。")
            safety = self.backup("restore")
            try:
                src.backup(self.conn)
            except sqlite3.Error as exc:
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

