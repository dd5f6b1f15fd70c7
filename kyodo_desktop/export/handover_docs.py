"""引継ぎチェックリスト (Qt-free): what the new officers receive at the yearly hand-over, on one or
two A4 pages with a box to tick for each item and lines for both sides to sign.

It names the new officers and the 班長 of each 班 (that is what the hand-over is about) but no
other member of the register, and nothing from the restricted 要支援者 store: only where its
paper copy and agreement are kept.
"""

from __future__ import annotations

from pathlib import Path

from kyodo_desktop.export.accounts_docs import _pages, _signature, _title, _write_pages
from kyodo_desktop.export.documents import PrintResult, Progress
from kyodo_desktop.models import accounts_book as ab
from kyodo_desktop.models.households import get_association
from kyodo_desktop.models.japanese import fiscal_year_label
from kyodo_desktop.models.privacy import record_output
from kyodo_desktop.models.register import Register


def _officer_rows(reg: Register, fy: int) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    rows = reg.conn.execute(
        "SELECT o.role, p.family_name || '　' || p.given_name, coalesce(b.name, ''), coalesce(b.sort_order, 0) "
        "FROM officers o JOIN persons p ON p.id = o.person_id LEFT JOIN blocks b ON b.id = o.block_id "
        "WHERE o.fiscal_year = ? ORDER BY o.block_id IS NOT NULL, b.sort_order, o.id", [fy]).fetchall()
    officers = [(r[0], r[1]) for r in rows if not r[2]]
    leaders = [(r[2], r[1]) for r in rows if r[2]]
    return officers, leaders


def _books_line(reg: Register, fy: int) -> str:
    years = {y.fiscal_year: y for y in ab.list_years(reg)}
    old = years.get(fy - 1)
    if old is None:
        return f"{fiscal_year_label(fy - 1)}の帳簿はこのプログラムにありません"
    if old.state == "closed":
        return f"{fiscal_year_label(fy - 1)}は締め済み（次年度繰越金 {ab.yen(old.carry_over or 0)}）"
    return f"{fiscal_year_label(fy - 1)}はまだ締めていません（監査のあと「会計・報告」で締めます）"


def write_handover_checklist(reg: Register, target: Path, *, fiscal_year: int, register_copy: str = "",
                             recovery_sheet: str = "", record: bool = True, progress: Progress = None) -> PrintResult:
    """The checklist for handing over to ``fiscal_year``'s officers."""
    from reportlab.lib.units import mm

    reg.session.require("output", "引継ぎのチェックリストを印刷する")
    assoc = get_association(reg)
    label = fiscal_year_label(fiscal_year)
    officers, leaders = _officer_rows(reg, fiscal_year)
    p = _pages()
    _title(p, f"{label}　引継ぎチェックリスト", [f"{assoc['name']}{'　' + assoc['district'] if assoc.get('district') else ''}",
                                               "受け取ったものに ✓ を付け、最後に前任・後任が署名してください。"])
    items: list[tuple[str, str]] = [
        ("台帳ファイルのコピー（暗号化済み）", register_copy or "（ファイル名を記入: ＿＿＿＿＿＿＿＿）"),
        ("台帳を開くアカウント", "新しい役員のアカウントを作り、辞めた役員のものは無効に（設定 → 役員アカウント）"),
        ("復旧シート", f"新しい復旧コード（前のシートは無効）: {recovery_sheet}" if recovery_sheet
         else "作り直していません。前の復旧シートを引き継ぐ"),
        ("会計の帳簿", _books_line(reg, fiscal_year)),
        ("通帳・印鑑・現金", "通帳の残高と出納簿の残高が合っていることを一緒に確かめる"),
        ("領収書・請求書のつづり", "5年間保存（会計細則）"),
        ("収支決算書・会計監査報告書", "総会で承認されたもの"),
        ("印刷した名簿", "回収したか、裁断したか（配ったものは回収）"),
        ("要支援者名簿（紙）と協定書", "保管場所と、見てよい人を引き継ぐ（中身はここに書かない）"),
        ("防災倉庫・集会所の鍵", "本数を確かめる"),
        ("補助金の書類", "申請中・実績報告前のものがあれば、期限を伝える"),
    ]
    row_h = 8 * mm
    cols = [("済", 9, "c"), ("引き継ぐもの", 62, "l"), ("内容・確かめること", 125, "l")]
    # (□, not ☐: the bundled IPAex font has no U+2610)
    p.table(cols, [(["□", what, note], False) for what, note in items], row_h=row_h, caption="引き継ぐもの")
    p.y -= 4 * mm
    p.room(24 * mm)
    p.y -= 6 * mm
    p.text(p.left, p.y, "上記のとおり引き継ぎました。　令和　　年　　月　　日", 11)
    p.y -= 12 * mm
    _signature(p, p.left, "前任")
    _signature(p, p.left + 90 * mm, "後任")
    p.y -= 10 * mm
    if officers:
        p.table([("役職", 40, "l"), ("氏名", 80, "l")], [([r, n], False) for r, n in officers], row_h=7 * mm,
                caption=f"{label}の役員")
        p.y -= 5 * mm
    if leaders:
        half = (len(leaders) + 1) // 2
        rows = [([*leaders[k], *(leaders[k + half] if k + half < len(leaders) else ("", ""))], False)
                for k in range(half)]
        p.table([("班", 25, "l"), ("班長", 55, "l"), ("班", 25, "l"), ("班長", 55, "l")], rows, row_h=7 * mm,
                caption=f"{label}の班長（{len(leaders)}班）")
        p.y -= 5 * mm
    pages = _write_pages(reg, Path(target), p, f"{label} 引継ぎチェックリスト", progress)
    if record:
        record_output(reg, f"{label} 引継ぎチェックリスト（PDF）{Path(target).name}", "OFFICER_INTERNAL",
                      len(officers) + len(leaders), action="print")
    return PrintResult(Path(target), pages, len(officers) + len(leaders), p.chain.warning)
