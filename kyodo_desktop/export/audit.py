"""The 管理台帳 (audit log extract) as a CSV file that Excel opens directly (UTF-8 with BOM)."""

from __future__ import annotations

import csv
import os
from collections.abc import Sequence
from pathlib import Path

from kyodo_desktop.models.audit import AuditEntry
from kyodo_desktop.models.register import Register
from kyodo_desktop.models.schema import PURPOSES

HEADER = ("番号", "日時", "操作した人", "操作", "内容", "目的", "人数")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    # a cell starting with = + - @ would be a formula in Excel: keep it text
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def write_audit_csv(reg: Register, entries: Sequence[AuditEntry], target: Path) -> Path:
    """Write the entries; the export itself is recorded in the audit log."""
    reg.session.require("audit.read", "操作の記録を出力する")
    target = Path(target)
    tmp = target.with_name(target.name + ".part")
    with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        for e in entries:
            w.writerow([e.id, e.at.replace("T", " "), _cell(e.actor), e.action_label, _cell(e.summary),
                        PURPOSES.get(e.purpose or "", e.purpose or ""), e.person_count if e.person_count is not None else ""])
    os.replace(tmp, target)
    reg.record("audit_export", f"操作の記録（管理台帳）を{len(entries)}件出力しました: {target.name}")
    return target
