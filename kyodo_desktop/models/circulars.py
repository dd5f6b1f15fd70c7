"""Circulars (回覧) sent round the 班, and which 班 have returned theirs (Qt-free)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.register import Register
from kyodo_desktop.models.validation import clean_text


@dataclass(frozen=True)
class BlockState:
    block_id: int
    block: str
    returned_on: str | None


@dataclass
class CircularRecord:
    id: int
    title: str
    issued_on: str
    due_on: str | None
    kind: str
    blocks: list[BlockState] = field(default_factory=list)

    def late(self, today: date) -> list[str]:
        """班 that have not returned it although the due date has passed."""
        if not self.due_on or self.due_on >= today.isoformat():
            return []
        return [b.block for b in self.blocks if not b.returned_on]


def save_circular(reg: Register, *, title: str, issued: date, due: date | None, kind: str, body: str,
                  block_ids: list[int]) -> int:
    """Keep a circular that was printed for these 班, so its return can be followed up."""
    reg.session.require("output", "回覧を記録する")
    title = clean_text(title, field="題名", max_len=80, required=True)
    body = clean_text(body, field="本文", max_len=2000, multiline=True)
    for b in block_ids:
        reg.session.require_block(b, "ほかの班の回覧を記録する")
    with reg.writing("回覧の記録"):
        cur = reg.conn.execute(
            "INSERT INTO circulars (title, issued_on, due_on, kind, body, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (title, issued.isoformat(), due.isoformat() if due else None, kind, body, reg.now(), reg.actor),
        )
        cid = int(cur.lastrowid)
        reg.conn.executemany("INSERT INTO circular_blocks (circular_id, block_id) VALUES (?, ?)",
                             [(cid, b) for b in block_ids])
        reg._audit_row("insert", "circulars", cid, f"回覧「{title}」を{len(block_ids)}班に出しました")
    return cid


def list_circulars(reg: Register, limit: int = 100) -> list[CircularRecord]:
    """Newest first, each with its 班 (a 班長 sees their own 班 only)."""
    reg.session.require("register.read")
    visible, params = reg.session.block_filter_sql("cb.block_id")
    rows = reg.conn.execute(
        "SELECT c.id, c.title, c.issued_on, c.due_on, c.kind, cb.block_id, b.name, cb.returned_on "
        "FROM circulars c JOIN circular_blocks cb ON cb.circular_id = c.id JOIN blocks b ON b.id = cb.block_id "
        f"WHERE {visible} ORDER BY c.issued_on DESC, c.id DESC, b.sort_order", params,
    ).fetchall()
    out: dict[int, CircularRecord] = {}
    for cid, title, issued, due, kind, bid, block, returned in rows:
        rec = out.get(cid)
        if rec is None:
            if len(out) >= limit:
                break
            rec = out[cid] = CircularRecord(cid, title, issued, due, kind)
        rec.blocks.append(BlockState(bid, block, returned))
    return list(out.values())


def mark_returned(reg: Register, circular_id: int, block_id: int, on: date | None = None) -> None:
    """The 班 gave the circular back (None date: today). A 班長 may mark their own 班."""
    reg.session.require("register.write", "回覧の返却を記録する")
    reg.session.require_block(block_id, "ほかの班の回覧の返却を記録する")
    row = reg.conn.execute("SELECT returned_on FROM circular_blocks WHERE circular_id = ? AND block_id = ?",
                           (circular_id, block_id)).fetchone()
    if row is None:
        raise RegisterError("その班にはこの回覧を出していません。")
    day = (on or reg.today()).isoformat()
    with reg.writing("回覧の返却の記録"):
        reg.conn.execute("UPDATE circular_blocks SET returned_on = ? WHERE circular_id = ? AND block_id = ?",
                         (day, circular_id, block_id))
        reg._audit_row("update", "circulars", circular_id, f"回覧の返却を記録しました（班 {block_id}、{day}）")
