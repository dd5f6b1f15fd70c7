"""Circulars kept and followed up: which 班 have not returned theirs."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.models import accounts as acc
from kyodo_desktop.models import households as hh
from kyodo_desktop.models.circulars import list_circulars, mark_returned, save_circular
from kyodo_desktop.models.errors import PermissionDenied
from kyodo_desktop.models.register import Credentials, Register


def test_returns_are_followed_per_block_and_a_hancho_marks_their_own(register, tmp_path):
    b1, b2 = hh.add_block(register, "1班"), hh.add_block(register, "2班")
    cid = save_circular(register, title="清掃のお知らせ", issued=date(2026, 11, 20), due=date(2026, 11, 27),
                        kind="要返信", body="", block_ids=[b1, b2])
    mark_returned(register, cid, b1, date(2026, 11, 25))
    rec = list_circulars(register)[0]
    assert [(b.block, b.returned_on) for b in rec.blocks] == [("1班", "2026-11-25"), ("2班", None)]
    assert rec.late(date(2026, 11, 28)) == ["2班"] and rec.late(date(2026, 11, 26)) == []
    acc.add_account(register, "1班長", "班長", "hancho-pass-4", block_id=b1)
    path = register.path
    register.close()
    hancho = Register.open(path, Credentials("1班長", "hancho-pass-4"), backup_dir=tmp_path / "b")
    try:
        assert [b.block for b in list_circulars(hancho)[0].blocks] == ["1班"]
        with pytest.raises(PermissionDenied):
            mark_returned(hancho, cid, b2)
    finally:
        hancho.close()
