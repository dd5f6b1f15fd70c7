"""The 避難行動要支援者名簿 on paper (Qt-free) — the only way the list leaves the program.
DOMAIN.md §1.2-E (協定: no copying, a 管理台帳 of each use, return after use), §2.3.

There is no Excel or CSV of this list. Every printed page carries, diagonally across it and in
its header, 「取扱注意 ○○町会 管理者 △△」 (△△: the officer who printed it), the date, and
「コピー禁止・使用後は返却」; with several copies each set says which it is (「1/3部」), so a lost
sheet can be traced to its copy. Each print is a row in the audit log — the 管理台帳 — with who,
when, how many copies and for what; the preview (``record=False``) makes the same pages, watermark
included, and records nothing until it is printed or saved.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from kyodo_desktop.export.documents import PrintResult, Progress, _clip, _fit, _save, _tick
from kyodo_desktop.export.pdf import FontChain, font_chain
from kyodo_desktop.models import schema
from kyodo_desktop.models import support as sp
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.households import get_association
from kyodo_desktop.models.japanese import age, to_wareki
from kyodo_desktop.models.register import Register
from kyodo_desktop.models.validation import clean_text

HANDLING = "コピー禁止・使用後は返却"
LIST_RULES = ("この名簿は避難支援のためだけに使い、ほかの人に見せないでください。"
              "なくさないよう保管し、使い終わったら名簿管理者へ返却してください。")
MAX_COPIES = 20
#: the audit log's purpose code for these prints (the officer's own words go in the summary)
AUDIT_PURPOSE = "BOSAI_SHARE"
TAKE_ALONG = ("薬・お薬手帳", "眼鏡", "補聴器", "入れ歯", "杖・歩行器", "おむつ", "保険証", "その他（　　　　）")


def mark_text(reg: Register) -> str:
    """「取扱注意 ○○町会 管理者 △△」: the association and the officer printing."""
    return f"取扱注意　{get_association(reg)['name']}　管理者　{reg.session.display_name}"


def _check(reg: Register, doing: str, purpose: str, copies: int, record: bool) -> str:
    reg.session.require("sensitive.read", doing)
    reg.session.require("output", doing)
    purpose = clean_text(purpose, field="目的", max_len=100, required=True)
    if not isinstance(copies, int) or not 1 <= copies <= MAX_COPIES:
        raise RegisterError(f"部数は1〜{MAX_COPIES}で指定してください（コピーの代わりに、必要な部数だけ印刷します）。")
    if record and reg.read_only:
        raise RegisterError("読み取り専用で開いているため、管理台帳に印刷の記録を残せません。要支援者の名簿は印刷できません。")
    return purpose


def _record(reg: Register, target: Path, summary: str, people: int, row_id: int | None = None) -> None:
    """The 管理台帳 entry; without it the printout must not exist."""
    try:
        reg.record("print", summary, purpose=AUDIT_PURPOSE, person_count=people, table="support_people", row_id=row_id)
    except BaseException:
        target.unlink(missing_ok=True)
        raise


# -- the page frame ----------------------------------------------------------------------------------------


def _watermark(c: Any, chain: FontChain, size: tuple[float, float], mark: str, second: str) -> None:
    """Diagonally across the page, over the content (translucent, so it cannot be covered)."""
    width, height = size
    c.saveState()
    c.setFillColorRGB(0.75, 0.1, 0.1)
    c.setFillAlpha(0.13)
    c.translate(width / 2, height / 2)
    c.rotate(math.degrees(math.atan2(height, width)))
    diagonal = math.hypot(width, height)
    big = min(46.0, diagonal * 0.78 / max(chain.width(mark, 1), 1))
    chain.draw(c, -chain.width(mark, big) / 2, big * 0.15, mark, big)
    small = big * 0.55
    chain.draw(c, -chain.width(second, small) / 2, -small * 1.6, second, small)
    for dy in (-height * 0.36, height * 0.36):
        s = big * 0.6
        chain.draw(c, -chain.width(mark, s) / 2, dy, mark, s)
    c.restoreState()


class _Frame:
    """Header, footer and watermark of every page of one copy set."""

    def __init__(self, c: Any, chain: FontChain, size: tuple[float, float], *, mark: str, made: str,
                 copy_label: str, margin: float) -> None:
        self.c, self.chain, self.size, self.mark, self.made = c, chain, size, mark, made
        self.copy_label, self.margin = copy_label, margin

    def head(self) -> float:
        """Draw the header; returns the y below it."""
        from reportlab.lib.units import mm

        c, chain = self.c, self.chain
        width, height = self.size
        left, right = self.margin, width - self.margin
        c.setFillColorRGB(0.7, 0.05, 0.05)
        chain.draw(c, left, height - 9 * mm, self.mark, 9.5)
        c.setFillColorRGB(0, 0, 0)
        info = f"印刷 {self.made}　{HANDLING}" + (f"　{self.copy_label}" if self.copy_label else "")
        chain.draw(c, right - chain.width(info, 9), height - 9 * mm, info, 9)
        c.setLineWidth(0.6)
        c.setStrokeColorRGB(0.7, 0.05, 0.05)
        c.line(left, height - 11 * mm, right, height - 11 * mm)
        c.setStrokeColorRGB(0, 0, 0)
        return height - 16 * mm

    def foot(self, page: int, pages: int, rules: str) -> None:
        from reportlab.lib.units import mm

        c, chain = self.c, self.chain
        width, _height = self.size
        left, right = self.margin, width - self.margin
        s = _fit(chain, rules, 8, right - left)
        chain.draw(c, left, 13 * mm, _clip(chain, rules, s, right - left), s)
        tail = f"{self.mark}　{HANDLING}"
        s = _fit(chain, tail, 8, (right - left) * 0.6)
        chain.draw(c, left, 8 * mm, tail, s)
        foot = f"{page} / {pages}" + (f"　（{self.copy_label}）" if self.copy_label else "")
        chain.draw(c, right - chain.width(foot, 9), 8 * mm, foot, 9)
        _watermark(c, chain, self.size, self.mark, f"{HANDLING}　{self.made}" + (
            f"　{self.copy_label}" if self.copy_label else ""))
        c.showPage()


def _lines(chain: FontChain, text: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines that fit ``width`` at ``size`` (by characters: Japanese has no spaces)."""
    out: list[str] = []
    for para in text.split("\n"):
        line = ""
        for ch in para:
            if line and chain.width(line + ch, size) > width:
                out.append(line)
                line = ch
            else:
                line += ch
        out.append(line)
    return out


def _fit_lines(chain: FontChain, text: str, width: float, lines: int, size: float = 9.0,
               smallest: float = 6.0) -> tuple[list[str], float]:
    """At most ``lines`` lines: the font shrinks down to ``smallest``, then the last line is cut with 「…」."""
    s = size
    while True:
        got = _lines(chain, text, s, width)
        if len(got) <= lines or s <= smallest:
            break
        s = max(smallest, s - 0.5)
    if len(got) > lines:
        got = got[:lines]
        got[-1] = _clip(chain, got[-1] + "……", s, width)
    return got, s


def _born(birth: str | None, today: date) -> str:
    if not birth:
        return ""
    born = date.fromisoformat(birth)
    return f"{to_wareki(born)}（{age(born, today)}歳）"


def _helpers_text(s: sp.SupportPerson) -> str:
    return "、".join(" ".join(x for x in (h.name, h.phone) if x) for h in s.helpers)


# -- the list ---------------------------------------------------------------------------------------------

#: (header, relative width)
LIST_COLUMNS = (("No.", 9), ("班", 10), ("氏名", 26), ("フリガナ", 22), ("生年月日（年齢）", 30), ("住所", 38),
                ("電話", 29), ("理由・要介護度", 30), ("同意", 10), ("避難先・経路", 34), ("地域支援者", 38),
                ("医療・配慮", 42), ("備考", 24))


def _list_row(n: int, s: sp.SupportPerson, today: date) -> list[str]:
    gone = s.register_status not in ("", "在籍")
    notes = ([f"名簿では{s.register_status}"] if gone else []) + [
        "市の名簿" if s.origin == sp.CITY else "町会で把握"] + ([s.notes] if s.notes else [])
    return [
        str(n), s.block if s.linked else "（名簿外）", s.name, s.kana, _born(s.birth_date, today), s.address, s.phone,
        "・".join(s.reasons) + (f"（{s.care_level}）" if s.care_level else ""), s.consent,
        "／".join(x for x in (s.evacuation_place, s.route_notes) if x), _helpers_text(s), s.medical_notes,
        "／".join(notes),
    ]


def write_support_list(reg: Register, target: Path, *, purpose: str, copies: int = 1,
                       block_ids: list[int] | None = None, consent_only: bool = True, record: bool = True,
                       progress: Progress = None) -> PrintResult:
    """The 避難行動要支援者名簿 on A4 (landscape), ``copies`` sets each marked 「n/N部」. By default the
    同意者名簿 (people who agreed to be shared); ``consent_only=False`` prints everyone on the list
    (基礎名簿 — e.g. in a real disaster, 災害対策基本法 §49-11 ③). ``block_ids``: only people of those
    班 (those not linked to the register are then left out). Needs ``sensitive.read`` and ``output``."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    purpose = _check(reg, "避難行動要支援者名簿を印刷する", purpose, copies, record)
    people = sp._load(reg, consent_only=consent_only, block_ids=block_ids)
    today = reg.today()
    chain = font_chain("gothic")
    assoc = get_association(reg)
    size = landscape(A4)
    width, height = size
    margin = 10 * mm
    left, right = margin, width - margin
    scale = (right - left) / sum(w for _h, w in LIST_COLUMNS)
    cols = [(h, w * scale) for h, w in LIST_COLUMNS]
    rows = [_list_row(n, s, today) for n, s in enumerate(people, start=1)]
    row_h = 10.5 * mm
    top_first = height - 44 * mm
    top_next = height - 18 * mm
    bottom = 18 * mm
    first_room = max(1, int((top_first - row_h - bottom) // row_h))
    room = max(1, int((top_next - row_h - bottom) // row_h))
    pages = 1 if len(rows) <= first_room else 1 + math.ceil((len(rows) - first_room) / room)
    current = sp.current_city_list(reg)
    scope = "同意者名簿（情報提供に同意した方）" if consent_only else "全員（基礎名簿・同意のない方を含む）"
    if block_ids is not None:
        scope += "　" + "・".join(r[0] for r in reg.conn.execute(
            f"SELECT name FROM blocks WHERE id IN ({','.join('?' * len(block_ids))}) ORDER BY sort_order, id",
            list(block_ids))) if block_ids else "　（班なし）"
    source = (f"市からの提供: {to_wareki(date.fromisoformat(current.received_on))}受領（協定: {current.agreement_ref}）"
              if current else "市からの提供: なし")
    source += f"　町会で把握した方: {sum(1 for s in people if s.origin == sp.LOCAL)}人"
    made = to_wareki(today)
    mark = mark_text(reg)
    target = Path(target)
    tmp = target.with_name(target.name + ".part")
    c = Canvas(str(tmp), pagesize=size, invariant=True)
    c.setTitle(f"{assoc['name']} 避難行動要支援者名簿（取扱注意）")
    total = pages * copies
    done = 0
    for copy in range(1, copies + 1):
        frame = _Frame(c, chain, size, mark=mark, made=made, copy_label=f"{copy}/{copies}部" if copies > 1 else "",
                       margin=margin)
        i = 0
        for page in range(1, pages + 1):
            y = frame.head()
            if page == 1:
                title = f"避難行動要支援者名簿　{scope.split('（')[0]}"
                chain.draw(c, (width - chain.width(title, 16)) / 2, y - 6 * mm, title, 16)
                y -= 13 * mm
                for line in (f"範囲: {scope}　{len(rows)}人", source,
                             f"目的: {purpose}　印刷: {made} {reg.session.display_name}"
                             + (f"　{copies}部のうち{copy}部目" if copies > 1 else "")):
                    s = _fit(chain, line, 10, right - left)
                    chain.draw(c, left, y, _clip(chain, line, s, right - left), s)
                    y -= 5.5 * mm
                y = top_first
            else:
                y = top_next
            take = first_room if page == 1 else room
            c.setLineWidth(0.5)
            c.setFillGray(0.88)
            c.rect(left, y - row_h * 0.7, right - left, row_h * 0.7, fill=1)
            c.setFillGray(0)
            x = left
            for n, (h, w) in enumerate(cols):
                if n:
                    c.line(x, y, x, y - row_h * 0.7)
                s = _fit(chain, h, 8.5, w - 1.5 * mm)
                chain.draw(c, x + (w - chain.width(h, s)) / 2, y - row_h * 0.7 + 2.2 * mm, h, s)
                x += w
            y -= row_h * 0.7
            for row in rows[i:i + take]:
                c.rect(left, y - row_h, right - left, row_h)
                x = left
                for n, ((_h, w), text) in enumerate(zip(cols, row, strict=True)):
                    if n:
                        c.line(x, y, x, y - row_h)
                    lines, s = _fit_lines(chain, text, w - 2 * mm, 2, 8.5 if n > 1 else 9)
                    gap = s * 1.15
                    ty = y - row_h / 2 + (len(lines) - 1) * gap / 2 - s * 0.35
                    for line in lines:
                        chain.draw(c, x + 1 * mm, ty, line, s)
                        ty -= gap
                    x += w
                y -= row_h
            i += take
            if not rows and page == 1:
                chain.draw(c, left, y - 8 * mm, "該当する方はいません。", 11)
            frame.foot(page, pages, LIST_RULES)
            done += 1
            _tick(progress, done, total, tmp)
    _save(c, tmp, target)
    if record:
        _record(reg, target,
                f"避難行動要支援者名簿を印刷しました（{scope}、{len(rows)}人・{copies}部、目的: {purpose}）", len(rows))
    else:  # the preview shows the same names on screen: that look is recorded too
        reg.record("view_sensitive", f"避難行動要支援者名簿を印刷プレビューで表示しました（{scope}、{len(rows)}人）",
                   person_count=len(rows), table="support_people")
    return PrintResult(target, total, len(rows), chain.warning)


# -- 個別避難支援計画 ----------------------------------------------------------------------------------------


class _Form:
    """A form that flows down A4 portrait pages: boxed rows of label and value, section headings."""

    def __init__(self, c: Any, chain: FontChain, frame_of: Callable[[], _Frame], rules: str, total: int = 1) -> None:
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.units import mm

        self.c, self.chain, self.mm = c, chain, mm
        self.size = A4
        self.left, self.right = 15 * mm, A4[0] - 15 * mm
        self.bottom = 20 * mm
        self.label_w = 34 * mm
        self.frame_of, self.rules, self.total = frame_of, rules, total
        self.pages: list[tuple[_Frame, int]] = []
        self.frame: _Frame | None = None
        self.y = 0.0
        self.page = 0

    def start(self) -> None:
        self.frame = self.frame_of()
        self.page = 1
        self.y = self.frame.head()

    def room(self, need: float) -> None:
        if self.y - need < self.bottom:
            self.finish_page()
            self.page += 1
            assert self.frame is not None
            self.y = self.frame.head()

    def finish_page(self) -> None:
        assert self.frame is not None
        self.frame.foot(self.page, self.total, self.rules)

    def title(self, text: str, sub: str) -> None:
        c, chain, mm = self.c, self.chain, self.mm
        width = self.size[0]
        chain.draw(c, (width - chain.width(text, 18)) / 2, self.y - 6 * mm, text, 18)
        self.y -= 12 * mm
        s = _fit(chain, sub, 9.5, self.right - self.left)
        chain.draw(c, self.right - chain.width(sub, s), self.y, sub, s)
        self.y -= 5 * mm

    def heading(self, text: str) -> None:
        c, chain, mm = self.c, self.chain, self.mm
        self.room(7 * mm + 22 * mm)  # never a heading alone at the foot of a page
        self.y -= 2 * mm
        c.setFillGray(0.85)
        c.rect(self.left, self.y - 6.5 * mm, self.right - self.left, 6.5 * mm, fill=1, stroke=0)
        c.setFillGray(0)
        chain.draw(c, self.left + 2 * mm, self.y - 4.7 * mm, text, 10.5)
        self.y -= 6.5 * mm

    def cells(self, pairs: list[tuple[str, str]], *, lines: int = 1, label_w: float | None = None) -> None:
        """One boxed row of (label, value) pairs sharing the width; values may wrap to ``lines``."""
        c, chain, mm = self.c, self.chain, self.mm
        h = (7.5 + 4.2 * (lines - 1)) * mm
        self.room(h)
        lw = label_w or (self.label_w if len(pairs) == 1 else 24 * mm)
        each = (self.right - self.left) / len(pairs)
        x = self.left
        c.setLineWidth(0.5)
        for label, value in pairs:
            c.setFillGray(0.95)
            c.rect(x, self.y - h, lw, h, fill=1)
            c.setFillGray(0)
            c.rect(x + lw, self.y - h, each - lw, h)
            s = _fit(chain, label, 9.5, lw - 2 * mm)
            chain.draw(c, x + 1.5 * mm, self.y - h / 2 - s * 0.35, label, s)
            got, s = _fit_lines(chain, value, each - lw - 3 * mm, lines, 10.5, 6.5)
            gap = s * 1.2
            ty = self.y - h / 2 + (len(got) - 1) * gap / 2 - s * 0.35
            for line in got:
                chain.draw(c, x + lw + 1.5 * mm, ty, line, s)
                ty -= gap
            x += each
        self.y -= h

    def table(self, headers: list[tuple[str, float]], rows: list[list[str]]) -> None:
        c, chain, mm = self.c, self.chain, self.mm
        h = 7.5 * mm
        scale = (self.right - self.left) / sum(w for _t, w in headers)
        cols = [(t, w * scale) for t, w in headers]
        self.room(h * 2)
        c.setFillGray(0.95)
        c.rect(self.left, self.y - h, self.right - self.left, h, fill=1)
        c.setFillGray(0)
        x = self.left
        for t, w in cols:
            c.rect(x, self.y - h, w, h)
            s = _fit(chain, t, 9.5, w - 2 * mm)
            chain.draw(c, x + (w - chain.width(t, s)) / 2, self.y - h / 2 - s * 0.35, t, s)
            x += w
        self.y -= h
        for row in rows:
            self.room(h)
            x = self.left
            for (_t, w), text in zip(cols, row, strict=True):
                c.rect(x, self.y - h, w, h)
                s = _fit(chain, text, 10.5, w - 3 * mm)
                chain.draw(c, x + 1.5 * mm, self.y - h / 2 - s * 0.35, _clip(chain, text, s, w - 3 * mm), s)
                x += w
            self.y -= h

    def boxes(self, label: str, options: tuple[str, ...], checked: set[str]) -> None:
        """A row of check boxes (■ ticked, □ not), wrapped to as many lines as needed."""
        c, chain, mm = self.c, self.chain, self.mm
        width = self.right - self.left - self.label_w - 3 * mm
        items = [("■" if o in checked else "□") + o for o in options]
        lines: list[str] = []
        line = ""
        for item in items:
            trial = f"{line}　{item}" if line else item
            if line and chain.width(trial, 10) > width:
                lines.append(line)
                line = item
            else:
                line = trial
        lines.append(line)
        h = (4 + 5 * len(lines)) * mm
        self.room(h)
        c.setFillGray(0.95)
        c.rect(self.left, self.y - h, self.label_w, h, fill=1)
        c.setFillGray(0)
        c.rect(self.left + self.label_w, self.y - h, self.right - self.left - self.label_w, h)
        chain.draw(c, self.left + 1.5 * mm, self.y - h / 2 - 3.3, label, 9.5)
        ty = self.y - 5.5 * mm
        for text in lines:
            chain.draw(c, self.left + self.label_w + 1.5 * mm, ty, text, 10)
            ty -= 5 * mm
        self.y -= h

    def text(self, text: str, size: float = 9.5) -> None:
        c, chain, mm = self.c, self.chain, self.mm
        for line in _lines(chain, text, size, self.right - self.left):
            self.room(5 * mm)
            chain.draw(c, self.left, self.y - 4 * mm, line, size)
            self.y -= 5 * mm

    def gap(self, mm_: float) -> None:
        self.y -= mm_ * self.mm


def _person_facts(reg: Register, s: sp.SupportPerson) -> dict[str, Any]:
    """What the register adds for a linked person: 性別, 携帯, 世帯構成, 緊急連絡先 (the person's, then
    the household's, by priority)."""
    facts: dict[str, Any] = {"sex": "", "mobile": "", "landline": "", "household": "", "contacts": []}
    if s.person_id is None:
        return facts
    row = reg.conn.execute("SELECT p.sex, p.mobile, h.landline, h.id FROM persons p JOIN households h "
                           "ON h.id = p.household_id WHERE p.id = ?", [s.person_id]).fetchone()
    if row is None:
        return facts
    facts.update(sex=row[0] or "", mobile=row[1] or "", landline=row[2] or "")
    members = ["本人" if pid == s.person_id else relation or "家族" for pid, relation in reg.conn.execute(
        "SELECT id, relation FROM persons WHERE household_id = ? AND status = '在籍' ORDER BY position, id", [row[3]])]
    facts["household"] = f"{len(members)}人" + (f"（{'・'.join(members)}）" if members else "")
    facts["contacts"] = reg.conn.execute(
        "SELECT name, relation, address, phone FROM emergency_contacts WHERE person_id = ? OR household_id = ? "
        "ORDER BY person_id IS NULL, priority, id LIMIT 2", [s.person_id, row[3]]).fetchall()
    return facts


def write_individual_plan(reg: Register, target: Path, *, support_id: int, purpose: str = "個別避難支援計画の作成・確認",
                          copies: int = 1, record: bool = True, progress: Progress = None) -> PrintResult:
    """The 個別避難支援計画 of one person (the fields of the city guidebook's form, DOMAIN §1.2-E):
    what the register and the list hold is printed, the rest left as boxes to fill in at the
    interview, with the consent statement and signature lines. Watermarked and recorded like
    the list."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    purpose = _check(reg, "個別避難支援計画を印刷する", purpose, copies, record)
    s = sp._get(reg, support_id, "この人の個別避難支援計画を印刷する")
    facts = _person_facts(reg, s)
    today = reg.today()
    chain = font_chain("gothic")
    assoc = get_association(reg)
    mark = mark_text(reg)
    made = to_wareki(today)
    target = Path(target)
    tmp = target.with_name(target.name + ".part")
    c = Canvas(str(tmp), pagesize=A4, invariant=True)
    c.setTitle(f"{assoc['name']} 個別避難支援計画（取扱注意）")
    rules = "この計画は避難支援のためだけに使い、ほかの人に見せないでください。" + HANDLING + "。"

    def draw(form: _Form) -> None:
        form.start()
        form.title("個別避難支援計画", f"作成日 {made}　更新日　　年　　月　　日")
        form.heading("1　ご本人")
        form.cells([("氏名", s.name), ("フリガナ", s.kana)])
        form.cells([("生年月日", _born(s.birth_date, today)), ("性別", facts["sex"])])
        form.cells([("住所", s.address)])
        form.cells([("電話", s.phone or facts["landline"]), ("携帯・FAX", facts["mobile"])])
        form.cells([("町会・班", f"{assoc['name']}　{s.block}" if s.linked else f"{assoc['name']}（名簿外）"),
                    ("担当民生委員", "")])
        form.heading("2　支援が必要な理由")
        form.boxes("理由", schema.SUPPORT_REASONS, set(s.reasons))
        form.cells([("要介護度", s.care_level), ("障害の種別・等級", "")])
        form.cells([("名簿への掲載", f"{s.consent}（{s.origin}）")])
        form.heading("3　緊急連絡先")
        contacts = [list(r) for r in facts["contacts"]] + [["", "", "", ""]] * 2
        form.table([("氏名", 30), ("続柄", 14), ("住所", 40), ("電話", 26)], contacts[:2])
        form.heading("4　住まいと暮らし")
        form.cells([("世帯構成", facts["household"])])
        form.cells([("建物の構造", "木造・鉄骨・鉄筋コンクリート（　　階建ての　　階）")])
        form.cells([("普段いる部屋", ""), ("寝室の位置", "")])
        form.heading("5　避難先と避難経路")
        form.cells([("避難先", s.evacuation_place)])
        form.cells([("避難経路・方法", s.route_notes)], lines=3)
        form.heading("6　避難支援者（地域支援者）")
        helpers = [[h.name, h.phone, h.relation] for h in s.helpers] + [["", "", ""]] * 3
        form.table([("氏名", 40), ("連絡先", 34), ("関係", 26)], helpers[:max(3, len(s.helpers))])
        form.heading("7　医療・配慮すること")
        form.cells([("医療・配慮", s.medical_notes)], lines=4)
        form.cells([("かかりつけ医", ""), ("服薬", "")])
        form.cells([("アレルギー", ""), ("血液型", "　　型")])
        form.boxes("持ち出す物", TAKE_ALONG, set())
        if s.notes:
            form.cells([("備考", s.notes)], lines=min(8, max(2, s.notes.count("\n") + 1)))
        form.heading("8　同意")
        form.text("私は、この計画の内容を、避難支援のために避難支援等関係者（自主防災組織・民生委員・地区社会福祉協議会・"
                  "消防分団など）に提供することに同意します。")
        form.gap(2)
        form.cells([("本人署名", ""), ("日付", "　　年　　月　　日")])
        form.cells([("代理人署名", ""), ("本人との続柄", "")])
        form.finish_page()

    # lay out once on a canvas that is never saved to count the pages, then draw for real (n / N)
    counter = Canvas(str(tmp), pagesize=A4, invariant=True)
    probe = _Form(counter, chain, lambda: _Frame(counter, chain, A4, mark=mark, made=made, copy_label="",
                                                 margin=15 * mm), rules)
    draw(probe)
    pages = probe.page
    total = pages * copies
    done = 0
    for copy in range(1, copies + 1):
        label = f"{copy}/{copies}部" if copies > 1 else ""
        form = _Form(c, chain, lambda label=label: _Frame(c, chain, A4, mark=mark, made=made, copy_label=label,
                                                          margin=15 * mm), rules, pages)
        draw(form)
        done += pages
        _tick(progress, done, total, tmp)
    _save(c, tmp, target)
    if record:
        _record(reg, target, f"個別避難支援計画（要支援者 番号 {support_id}）を印刷しました（{copies}部、目的: {purpose}）",
                1, row_id=support_id)
    else:
        reg.record("view_sensitive", f"個別避難支援計画（要支援者 番号 {support_id}）を印刷プレビューで表示しました",
                   person_count=1, table="support_people", row_id=support_id)
    return PrintResult(target, total, 1, chain.warning)
