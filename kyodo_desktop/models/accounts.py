"""Officer accounts and roles (Qt-free). Every account's way in is a slot in the key file
(see crypto.py); this module keeps the accounts table and the key file in step, inside one
transaction, so that a failed key-file write leaves the register as it was."""

from __future__ import annotations

from dataclasses import dataclass

from kyodo_desktop.models import crypto, schema
from kyodo_desktop.models.errors import PermissionDenied, RegisterError
from kyodo_desktop.models.register import Register, _add_account_row
from kyodo_desktop.models.validation import clean_text

#: the demo association's officers (their passwords are shown on the login screen)
DEMO_ADMIN = ("会長（デモ）", "demo-kaicho")
DEMO_ACCOUNTS = (
    ("役員（デモ）", "役員", "demo-yakuin"),
    ("1班 班長（デモ）", "班長", "demo-hancho"),
    ("閲覧（デモ）", "閲覧", "demo-etsuran"),
)


@dataclass(frozen=True)
class Account:
    id: int
    uid: str
    display_name: str
    role: str
    block_id: int | None
    block_name: str
    person_id: int | None
    person_name: str
    has_pin: bool
    created_at: str
    last_login_at: str | None
    disabled_at: str | None


@dataclass(frozen=True)
class Role:
    id: int
    name: str
    scope: str
    permissions: tuple[str, ...]
    description: str
    builtin: bool


def list_accounts(reg: Register) -> list[Account]:
    reg.session.require("accounts.manage", "アカウントの一覧を見る")
    rows = reg.conn.execute(
        "SELECT a.id, a.uid, a.display_name, r.name, a.block_id, coalesce(b.name, ''), a.person_id, "
        "coalesce(p.family_name || '　' || p.given_name, ''), a.has_pin, a.created_at, a.last_login_at, a.disabled_at "
        "FROM accounts a JOIN roles r ON r.id = a.role_id LEFT JOIN blocks b ON b.id = a.block_id "
        "LEFT JOIN persons p ON p.id = a.person_id ORDER BY a.disabled_at IS NOT NULL, a.id"
    ).fetchall()
    return [Account(*r[:7], r[7].strip("　"), bool(r[8]), *r[9:]) for r in rows]


def list_roles(reg: Register) -> list[Role]:
    rows = reg.conn.execute("SELECT id, name, scope, permissions, description, builtin FROM roles ORDER BY id")
    return [Role(i, n, sc, tuple(p.split()), d, bool(b)) for i, n, sc, p, d, b in rows]


def _account(reg: Register, uid: str) -> tuple[int, str, str, str | None]:
    row = reg.conn.execute(
        "SELECT a.id, a.display_name, r.name, a.disabled_at FROM accounts a JOIN roles r ON r.id = a.role_id "
        "WHERE a.uid = ?", (uid,)
    ).fetchone()
    if row is None:
        raise RegisterError("そのアカウントは見つかりません。")
    return row


def _check_block(reg: Register, block_id: int | None) -> None:
    if block_id is not None and not reg.conn.execute("SELECT 1 FROM blocks WHERE id = ?", (block_id,)).fetchone():
        raise RegisterError("その班は見つかりません。")


def add_account(
    reg: Register, display_name: str, role: str, password: str, *,
    person_id: int | None = None, block_id: int | None = None,
) -> str:
    """A new officer account with its password (管理者 only). Returns the account's uid."""
    reg.session.require("accounts.manage", "アカウントを作る")
    display_name = clean_text(display_name, field="表示名", max_len=50, required=True)
    password = crypto.check_new_password(password)
    _check_block(reg, block_id)
    if person_id is not None and not reg.conn.execute("SELECT 1 FROM persons WHERE id = ?", (person_id,)).fetchone():
        raise RegisterError("その人は名簿にいません。")
    with reg.changing_keys("アカウントの作成") as keys:
        uid = _add_account_row(reg, display_name, role, person_id=person_id, block_id=block_id)
        keys.add_slot(reg._key, kind="password", account_uid=uid, display_name=display_name, secret=password)
    return uid


def _enabled_admins(reg: Register) -> list[str]:
    return [r[0] for r in reg.conn.execute(
        "SELECT a.uid FROM accounts a JOIN roles r ON r.id = a.role_id "
        "WHERE a.disabled_at IS NULL AND r.permissions LIKE '%accounts.manage%'"
    )]


def disable_account(reg: Register, uid: str) -> None:
    """Disable an account: its password and PINs no longer unlock the register (the slots are
    removed from the key file), and it cannot log in. Its history stays in the audit log."""
    reg.session.require("accounts.manage", "アカウントを無効にする")
    account_id, name, _role, disabled = _account(reg, uid)
    if disabled:
        return
    if _enabled_admins(reg) == [uid]:
        raise RegisterError("最後の管理者のアカウントは無効にできません。先に別の管理者を作ってください。")
    with reg.changing_keys("アカウントを無効にする") as keys:
        reg.conn.execute("UPDATE accounts SET disabled_at = ?, has_pin = 0, updated_at = ? WHERE id = ?",
                         (reg.now(), reg.now(), account_id))
        keys.remove_slots(account_uid=uid)
        reg._audit_row("account_disable", "accounts", account_id, f"アカウント「{name}」を無効にしました")


def enable_account(reg: Register, uid: str, password: str) -> None:
    """Enable a disabled account again, with a new password (its old one was removed)."""
    reg.session.require("accounts.manage", "アカウントを有効にする")
    account_id, name, _role, _disabled = _account(reg, uid)
    password = crypto.check_new_password(password)
    with reg.changing_keys("アカウントを有効にする") as keys:
        reg.conn.execute("UPDATE accounts SET disabled_at = NULL, has_pin = 0, updated_at = ? WHERE id = ?",
                         (reg.now(), account_id))
        keys.remove_slots(account_uid=uid)
        keys.add_slot(reg._key, kind="password", account_uid=uid, display_name=name, secret=password)
        reg._audit_row("account_enable", "accounts", account_id, f"アカウント「{name}」を有効にしました")


def set_password(reg: Register, uid: str, new_password: str, *, current_password: str | None = None) -> None:
    """Change a password: one's own (the current password is asked for), or anyone's as 管理者."""
    own = uid == reg.session.account_uid
    if not own:
        reg.session.require("accounts.manage", "他の人のパスワードを変える")
    account_id, name, _role, disabled = _account(reg, uid)
    if disabled:
        raise RegisterError(f"「{name}」さんのアカウントは無効です。先に有効にしてください。")
    new_password = crypto.check_new_password(new_password)
    if own and reg.session.via != "recovery":
        if current_password is None:
            raise PermissionDenied("いまのパスワードを入力してください。")
        slots = reg.key_file.slots_for(uid, "password")
        try:
            ok = any(_try(reg, s, crypto.normalize_secret(current_password)) for s in slots)
        except crypto.CryptoError:
            ok = False
        if not ok:
            raise crypto.WrongSecretError("いまのパスワードが違います。")
    with reg.changing_keys("パスワードの変更") as keys:
        keys.remove_slots(account_uid=uid, kind="password")
        if not own:  # reset by 管理者 (forgotten or taken over): the old PINs go too
            keys.remove_slots(account_uid=uid, kind="pin")
            reg.conn.execute("UPDATE accounts SET has_pin = 0 WHERE id = ?", (account_id,))
        keys.add_slot(reg._key, kind="password", account_uid=uid, display_name=name, secret=new_password)
        reg.conn.execute("UPDATE accounts SET updated_at = ? WHERE id = ?", (reg.now(), account_id))
        reg._audit_row("password_change", "accounts", account_id, f"「{name}」さんのパスワードを変更しました")


def _try(reg: Register, slot: crypto.Slot, secret: str) -> bool:
    try:
        reg.key_file.unlock(slot, secret)
    except crypto.WrongSecretError:
        return False
    return True


def set_pin(reg: Register, pin: str, *, data_dir) -> None:
    """Set (or replace) the logged-in officer's PIN for this PC. A PIN is a convenience for the
    shared PC: it unlocks only together with this PC's device secret, never from a copied file."""
    uid = reg.session.account_uid
    if not uid:
        raise RegisterError("アカウントでログインしてから暗証番号を設定してください。")
    account_id, name, _role, _disabled = _account(reg, uid)
    from kyodo_desktop import paths

    if paths.portable_dir() is not None or paths.is_removable(data_dir):
        raise RegisterError(
            "USBメモリで持ち運ぶ設定では、暗証番号は使えません（このパソコン専用の鍵もUSBメモリに入るため）。"
            "パスワードで開いてください。"
        )
    pin = crypto.check_new_pin(pin)
    device, pepper = crypto.device_secret(data_dir)
    with reg.changing_keys("暗証番号の設定") as keys:
        keys.remove_slots(account_uid=uid, kind="pin", device=device)
        keys.add_slot(reg._key, kind="pin", account_uid=uid, display_name=name, secret=pin, pepper=pepper, device=device)
        reg.conn.execute("UPDATE accounts SET has_pin = 1, updated_at = ? WHERE id = ?", (reg.now(), account_id))
        reg._audit_row("pin_set", "accounts", account_id, f"「{name}」さんがこのパソコン用の暗証番号を設定しました")


def change_role(reg: Register, uid: str, role: str, *, block_id: int | None = None) -> None:
    reg.session.require("accounts.manage", "役割を変える")
    account_id, name, old_role, _disabled = _account(reg, uid)
    row = reg.conn.execute("SELECT id, scope, permissions FROM roles WHERE name = ?", (role,)).fetchone()
    if row is None:
        raise RegisterError(f"「{role}」という役割はありません。")
    if row[1] == "block" and block_id is None:
        raise RegisterError(f"「{role}」の役割には、担当する班を選んでください。")
    _check_block(reg, block_id)
    if "accounts.manage" not in row[2].split() and _enabled_admins(reg) == [uid]:
        raise RegisterError("最後の管理者の役割は変えられません。先に別の管理者を作ってください。")
    with reg.writing("役割の変更"):
        reg.conn.execute("UPDATE accounts SET role_id = ?, block_id = ?, updated_at = ? WHERE id = ?",
                         (row[0], block_id, reg.now(), account_id))
        reg._audit_row("role_change", "accounts", account_id, f"「{name}」さんの役割を{old_role}から{role}に変えました")


def set_role_permissions(reg: Register, role: str, permissions: list[str]) -> None:
    """Roles are data: 管理者 may grant or take away permissions (e.g. 要配慮個人情報 for 役員)."""
    reg.session.require("accounts.manage", "役割の権限を変える")
    unknown = [p for p in permissions if p not in schema.PERMISSIONS]
    if unknown:
        raise RegisterError(f"分からない権限です: {', '.join(unknown)}")
    row = reg.conn.execute("SELECT id, permissions FROM roles WHERE name = ?", (role,)).fetchone()
    if row is None:
        raise RegisterError(f"「{role}」という役割はありません。")
    if "accounts.manage" in row[1].split() and "accounts.manage" not in permissions:
        raise RegisterError("アカウント管理の権限を持つ役割から、その権限は外せません（誰も管理できなくなるため）。")
    with reg.writing("役割の権限の変更"):
        reg.conn.execute("UPDATE roles SET permissions = ? WHERE id = ?", (" ".join(permissions), row[0]))
        reg._audit_row("role_permissions", "roles", row[0], f"役割「{role}」の権限を変更しました: {' '.join(permissions)}")


def new_recovery_code(reg: Register, code: str | None = None) -> str:
    """Issue a new recovery sheet: the old code stops working. Returns the new code. ``code`` is one
    made beforehand with :func:`crypto.new_recovery_code` (so that its sheet can be written first:
    a code that never reached paper would leave the register without a working recovery code)."""
    reg.session.require("accounts.manage", "復旧シートを作り直す")
    code = code or crypto.new_recovery_code()
    with reg.changing_keys("復旧シートの再発行") as keys:
        keys.slots = [s for s in keys.slots if s.kind != "recovery"]
        keys.add_slot(reg._key, kind="recovery", account_uid="", display_name="復旧コード", secret=code)
        reg._audit_row("recovery_reissue", "accounts", None, "復旧シートを作り直しました（前のコードは使えません）")
    reg.recovery_code = code
    return code


def set_auto_lock_minutes(reg: Register, minutes: int) -> None:
    """How long the program waits without input before it hides the data (1–120 minutes)."""
    reg.session.require("accounts.manage", "自動ロックの時間を変える")
    if not isinstance(minutes, int) or not 1 <= minutes <= 120:
        raise RegisterError("自動ロックまでの時間は1〜120分で指定してください。")
    with reg.writing("自動ロックの設定"):
        reg.conn.execute("UPDATE association SET auto_lock_minutes = ?, updated_at = ? WHERE id = 1", (minutes, reg.now()))
        reg._audit_row("update", "association", 1, f"自動ロックまでの時間を{minutes}分にしました")


def find_persons(reg: Register, text: str, limit: int = 30) -> list[tuple[int, str, str]]:
    """People present in the register whose name or kana contains ``text``: (id, name, 班)."""
    reg.session.require("accounts.manage", "名簿の人を選ぶ")
    from kyodo_desktop.models.japanese import search_fold

    needle = search_fold(text.strip())
    if not needle:
        return []
    rows = reg.conn.execute(
        "SELECT p.id, p.family_name || '　' || p.given_name, coalesce(b.name, ''), p.search_text FROM persons p "
        "JOIN households h ON h.id = p.household_id LEFT JOIN blocks b ON b.id = h.block_id "
        "WHERE p.status = '在籍' ORDER BY p.sort_key, p.id"
    )
    out = []
    for pid, name, block, blob in rows:
        if needle in blob:
            out.append((pid, name.strip("　"), block))
            if len(out) >= limit:
                break
    return out


def link_person(reg: Register, uid: str, person_id: int | None) -> None:
    """Link an account to a person of the register (optional: for hand-over and 担い手 records)."""
    reg.session.require("accounts.manage", "アカウントと名簿の人を結び付ける")
    account_id, name, _role, _disabled = _account(reg, uid)
    if person_id is not None and not reg.conn.execute("SELECT 1 FROM persons WHERE id = ?", (person_id,)).fetchone():
        raise RegisterError("その人は名簿にいません。")
    with reg.writing("名簿の人との結びつけ"):
        reg.conn.execute("UPDATE accounts SET person_id = ?, updated_at = ? WHERE id = ?", (person_id, reg.now(), account_id))
        reg._audit_row("account_person", "accounts", account_id, f"「{name}」さんのアカウントを名簿の人（番号 {person_id}）と結びつけました"
                       if person_id is not None else f"「{name}」さんのアカウントと名簿の人の結びつけを外しました")


def add_demo_accounts(reg: Register) -> None:
    """The demo association's officers, one per default role; the 班長 is the first 班's leader."""
    first_block = reg.conn.execute("SELECT id, leader_person_id FROM blocks ORDER BY sort_order, id LIMIT 1").fetchone()
    for name, role, password in DEMO_ACCOUNTS:
        is_leader = role == "班長" and first_block is not None
        uid = add_account(reg, name, role, password, block_id=first_block[0] if is_leader else None,
                          person_id=first_block[1] if is_leader else None)
        del uid
