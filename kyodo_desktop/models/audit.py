"""The audit log as the association's 管理台帳: who did, viewed, exported or printed what (Qt-free)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kyodo_desktop.models.register import Register

ACTION_LABELS = {
    "create": "作成", "demo": "デモ作成", "insert": "追加", "update": "変更", "status": "状態の記録", "move": "移動",
    "reorder": "回覧順", "restore": "復元", "login": "ログイン", "login_failed": "ログイン失敗",
    "account_add": "アカウント作成", "account_disable": "アカウント無効化", "account_enable": "アカウント有効化",
    "password_change": "パスワード変更", "pin_set": "暗証番号設定", "role_change": "役割変更",
    "role_permissions": "役割の権限変更", "recovery_reissue": "復旧シート再発行", "encrypt": "暗号化",
    "consent": "同意", "consent_withdraw": "同意の撤回", "sensitive_add": "要配慮情報の記録",
    "sensitive_delete": "要配慮情報の削除", "view_sensitive": "要配慮情報の閲覧", "export": "出力",
    "print": "印刷", "purge": "記録の消去", "key_file_edited": "鍵ファイルの異常", "audit_export": "管理台帳の出力", "backup_export": "台帳のコピー",
    "import": "取り込み", "delete": "削除", "account_person": "アカウントと人の結び付け", "import_profile": "取り込み設定",
}


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    actor: str
    action: str
    summary: str
    purpose: str | None
    person_count: int | None

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)


def actors(reg: Register) -> list[str]:
    reg.session.require("audit.read")
    return [r[0] for r in reg.conn.execute("SELECT DISTINCT actor FROM audit_log WHERE actor <> '' ORDER BY actor")]


def query(
    reg: Register, *, actor: str | None = None, actions: tuple[str, ...] | None = None,
    since: date | None = None, until: date | None = None, text: str = "", limit: int = 5000,
) -> list[AuditEntry]:
    """Entries newest first, filtered by who, what and when (both dates included)."""
    reg.session.require("audit.read", "操作の記録（管理台帳）を見る")
    where, params = ["1"], []
    if actor:
        where.append("actor = ?")
        params.append(actor)
    if actions:
        where.append(f"action IN ({','.join('?' * len(actions))})")
        params.extend(actions)
    if since:
        where.append("at >= ?")
        params.append(since.isoformat())
    if until:
        where.append("at < ?")
        params.append(date.fromordinal(until.toordinal() + 1).isoformat())
    if text:
        where.append("instr(summary, ?) > 0")
        params.append(text)
    rows = reg.conn.execute(
        f"SELECT id, at, actor, action, summary, purpose, person_count FROM audit_log WHERE {' AND '.join(where)} "
        "ORDER BY id DESC LIMIT ?", [*params, int(limit)]
    ).fetchall()
    return [AuditEntry(*r) for r in rows]
