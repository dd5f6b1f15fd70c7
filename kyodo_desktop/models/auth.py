"""Who is logged in and what their role allows (Qt-free).

Every public function in ``models/`` that reads or changes personal data asks the register's
:class:`Session` first (:meth:`Session.require`, :meth:`Session.require_block`), so the command
line and every screen obey the same rules; hiding a button is only a courtesy on top.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kyodo_desktop.models import schema
from kyodo_desktop.models.errors import PermissionDenied, RegisterError

#: consecutive failures allowed before waiting starts, and the longest wait
FREE_ATTEMPTS = 3
MAX_WAIT_SECONDS = 300


@dataclass(frozen=True)
class Session:
    """The logged-in officer. ``block_ids`` is None for roles that see every 班."""

    account_id: int | None
    account_uid: str
    display_name: str
    role: str
    permissions: frozenset[str]
    block_ids: frozenset[int] | None = None
    via: str = "password"  # password, pin, recovery, system

    def can(self, permission: str) -> bool:
        return permission in self.permissions

    def require(self, permission: str, doing: str = "") -> None:
        if permission not in self.permissions:
            what = doing or schema.PERMISSIONS.get(permission, permission)
            raise PermissionDenied(f"「{self.display_name}」さん（{self.role}）には、{what}権限がありません。")

    def sees_block(self, block_id: int | None) -> bool:
        return self.block_ids is None or block_id in self.block_ids

    def require_block(self, block_id: int | None, doing: str = "この世帯を扱う") -> None:
        if not self.sees_block(block_id):
            raise PermissionDenied(
                f"「{self.display_name}」さん（{self.role}）が扱えるのは自分の班だけです。{doing}ことはできません。"
            )

    def block_filter_sql(self, column: str) -> tuple[str, list[int]]:
        """A WHERE fragment limiting ``column`` (a block id) to the visible 班 ("1" if all)."""
        if self.block_ids is None:
            return "1", []
        ids = sorted(self.block_ids)
        if not ids:
            return "0", []
        return f"{column} IN ({','.join('?' * len(ids))})", ids


#: used for creating and migrating a register and in code that acts for no officer
SYSTEM = Session(None, "", "システム", "システム", frozenset(schema.PERMISSIONS), None, "system")


def load_session(conn: sqlite3.Connection, account_uid: str, via: str) -> Session:
    row = conn.execute(
        "SELECT a.id, a.display_name, a.block_id, a.disabled_at, r.name, r.scope, r.permissions "
        "FROM accounts a JOIN roles r ON r.id = a.role_id WHERE a.uid = ?",
        (account_uid,),
    ).fetchone()
    if row is None:
        raise RegisterError("このアカウントは台帳に登録されていません。管理者に確かめてください。")
    account_id, name, block_id, disabled_at, role, scope, perms = row
    if disabled_at:
        raise RegisterError(f"「{name}」さんのアカウントは無効になっています（{disabled_at[:10]}）。管理者に確かめてください。")
    blocks: frozenset[int] | None = None
    if scope == "block":
        blocks = frozenset([block_id]) if block_id is not None else frozenset()
    return Session(account_id, account_uid, name, role, frozenset(perms.split()), blocks, via)


def recovery_session() -> Session:
    return Session(None, "", "復旧コード", "管理者", frozenset(schema.PERMISSIONS), None, "recovery")


# -- failed logins --------------------------------------------------------------------------------


class LoginBackoff(RegisterError):
    def __init__(self, message: str, wait_seconds: float) -> None:
        super().__init__(message)
        self.wait_seconds = wait_seconds


def wait_after(failures: int) -> float:
    """Seconds to wait after ``failures`` consecutive failures: none for the first few, then doubling."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return float(min(2 ** (failures - FREE_ATTEMPTS + 1), MAX_WAIT_SECONDS))


class FailureLog:
    """Failed logins, kept on this PC (the register cannot be written before it is unlocked).
    They are copied into the register's audit log at the next successful login."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / "login-failures.json"

    def _read(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self, data: dict) -> None:
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(self.path.name + ".part")
            tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, self.path)

    @staticmethod
    def _key(register_id: str, account: str) -> str:
        return f"{register_id}/{account}"

    def check(self, register_id: str, account: str, now: datetime) -> None:
        entry = self._read().get(self._key(register_id, account))
        if not isinstance(entry, dict):
            return
        try:  # an edited or damaged file must not stop logins
            failures = int(entry.get("count", 0))
            last = datetime.fromisoformat(str(entry.get("last")))
        except (TypeError, ValueError):
            return
        left = wait_after(failures) - (now - last).total_seconds()
        if left > 0:
            raise LoginBackoff(
                f"パスワードを続けて{failures}回まちがえたため、あと{int(left) + 1}秒待ってから入力してください。", left
            )

    def failed(self, register_id: str, account: str, name: str, now: datetime, reason: str) -> int:
        data = self._read()
        key = self._key(register_id, account)
        entry = data.get(key) if isinstance(data.get(key), dict) else {}
        try:
            count = int(entry.get("count", 0))
        except (TypeError, ValueError):
            count = 0
        entry["count"] = count + 1
        entry["last"] = now.isoformat()
        pending = entry.get("pending") if isinstance(entry.get("pending"), list) else []
        pending.append({"at": now.isoformat(), "name": name, "reason": reason})
        entry["pending"] = pending[-200:]
        data[key] = entry
        self._write(data)
        return entry["count"]

    def succeeded(self, register_id: str, account: str) -> list[dict]:
        """Reset the count; return the failures not yet written to the audit log (for every
        account of this register, so that attempts on other names are recorded too)."""
        data = self._read()
        pending: list[dict] = []
        for key, entry in list(data.items()):
            if key.startswith(register_id + "/") and isinstance(entry, dict):
                pending.extend(e for e in entry.get("pending", []) if isinstance(e, dict))
                entry["pending"] = []
                if key == self._key(register_id, account):
                    entry["count"] = 0
        self._write(data)
        return pending
