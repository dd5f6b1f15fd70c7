"""補助金: the subsidy cases of a 年度 on the 会計・報告 page, with their steps, deadlines,
attachments checklist, linked events, the 入金 and the 実績報告書.

The rules live in :mod:`kyodo_desktop.models.subsidies` (the programs' rates and caps as data,
the order of the steps, deadlines, a closed year, permissions, audit); this tab only shows them
and hands on what the officer typed. A refusal is shown in the model's own words and nothing has
changed. Nothing is told by colour alone: a deadline that has passed says 「期限切れ」 in the
text, one that is near says 「あと3日」. A button that cannot be used is greyed out and its tooltip
says why. The page (:class:`kyodo_desktop.ui.books_page.BooksPage`) adds this tab with
``add_tab`` and gives it the 年度 through :meth:`SubsidyTab.set_fiscal_year`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.models import accounts_book as ab
from kyodo_desktop.models import schema
from kyodo_desktop.models import subsidies as sb
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.japanese import fiscal_year_label, to_wareki
from kyodo_desktop.models.register import Register
from kyodo_desktop.models.validation import ValidationError
from kyodo_desktop.ui import books_dialogs as bd
from kyodo_desktop.ui import dialogs
from kyodo_desktop.ui.bousai_tab import say
from kyodo_desktop.ui.i18n import tr
from kyodo_desktop.ui.volunteers_tab import (
    RowsModel,
    big_checks,
    button,
    fit_to_screen,
    make_table,
    min_rows,
    note,
    select_where,
    selected_row,
    shortcut,
    show_problem,
)
from kyodo_desktop.ui.widgets import button_row, dialog_open, open_dialog, scrolling
from kyodo_desktop.ui.worker import DbWorker

ERRORS = (RegisterError, ValidationError)
OUTPUT = "output"
#: a deadline this close is told as 「あと n日」 in the list (and marked ⚠)
SOON_DAYS = 14
STEP_KINDS = {"advance": QT_TRANSLATE_NOOP("", "進めた"), "skip": QT_TRANSLATE_NOOP("", "とばして進めた"),
              "correction": QT_TRANSLATE_NOOP("", "訂正（戻した）")}


# -- words for dates and deadlines ------------------------------------------------------------------------


def wareki(value: str | date | None) -> str:
    if not value:
        return ""
    d = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return to_wareki(d)


def due_text(due: sb.DueDate | None, today: date) -> str:
    """「申請 令和8年10月16日・期限切れ（43日過ぎ）」 / 「…・あと3日」 / 「…・今日まで」: the state in
    words, so that nobody needs the colour to see it."""
    if due is None:
        return ""
    left = due.days_left(today)
    if left < 0:
        state = tr("⚠ 期限切れ（{n}日過ぎ）").format(n=-left)
    elif left == 0:
        state = tr("⚠ 今日まで")
    elif left <= SOON_DAYS:
        state = tr("⚠ あと{n}日").format(n=left)
    else:
        state = tr("あと{n}日").format(n=left)
    return tr("{step} {due}・{state}").format(step=due.step, due=wareki(due.due_on), state=state)


def next_due(dues: list[sb.DueDate]) -> sb.DueDate | None:
    """The first deadline not met yet."""
    open_ = [d for d in dues if d.done_on is None]
    return min(open_, key=lambda d: d.due_on) if open_ else None


def yen_or_blank(n: int | None) -> str:
    return "" if n is None else f"{n:,}"


def parse_yen(text: str) -> int | None:
    """「213,400」「２１３４００円」 → 213400; blank → None; anything else raises ValueError. Only for
    the live estimate: what is saved is checked by the model."""
    s = unicodedata.normalize("NFKC", text).replace(",", "").replace("円", "").replace("¥", "").strip()  # notr
    return int(s) if s else None


def grant_text(program: sb.Program, cost: int | None, units: int | None) -> str:
    """The grant worked out as the officer would on paper, or why it cannot be yet."""
    if cost is None:
        return tr("経費がまだ入っていないため、補助額を計算できません。")
    try:
        return sb.compute_grant(cost, program, units if program.unit_cap is not None else None).text
    except ValidationError as exc:
        return f"⚠ {exc}"


# -- what the tab shows, read on the database thread ---------------------------------------------------------


@dataclass(frozen=True)
class CaseRow:
    case: sb.SubsidyCase
    due: sb.DueDate | None
    estimate: int | None  # the grant on the planned cost (before a 交付決定)


@dataclass(frozen=True)
class Detail:
    case: sb.SubsidyCase
    program: sb.Program
    steps: list[sb.Step]
    dues: list[sb.DueDate]
    attachments: list[sb.Attachment]
    linked: list[tuple[int, str]]
    events: list[tuple[int, str]]  # the 年度's events not linked yet
    year_closed: bool


def _estimate(case: sb.SubsidyCase, program: sb.Program) -> int | None:
    cost = case.actual_cost if case.actual_cost is not None else case.planned_cost
    if cost is None:
        return None
    try:
        return sb.compute_grant(cost, program, case.units if program.unit_cap is not None else None).amount
    except ValidationError:
        return None


def load_cases(reg: Register, fy: int) -> list[CaseRow]:
    programs = {p.id: p for p in sb.list_programs(reg, include_retired=True)}
    out = []
    for c in sb.list_cases(reg, fiscal_year=fy):
        dues = [] if c.cancelled_on else sb.due_dates(reg, c.id)
        out.append(CaseRow(c, next_due(dues), _estimate(c, programs[c.program_id])))
    return out


def year_closed(reg: Register, fy: int) -> bool:
    """A closed 年度's cases are locked (the model refuses; the buttons say so beforehand)."""
    row = reg.conn.execute("SELECT state FROM fiscal_years WHERE fiscal_year = ?", [fy]).fetchone()
    return row is not None and row[0] == "closed"


def _event_label(starts_at: str, title: str) -> str:
    return f"{wareki(starts_at)}　{title}"


def load_detail(reg: Register, case_id: int) -> Detail:
    from kyodo_desktop.models import activity as act

    case = sb.get_case(reg, case_id)
    program = sb.get_program(reg, case.program_id)
    linked_ids = sb.linked_events(reg, case_id)
    year_events = act.list_events(reg, fiscal_year=case.fiscal_year)
    titles = {e.id: _event_label(e.starts_at, e.title) for e in year_events}
    linked = []
    for eid in linked_ids:
        if eid not in titles:  # linked from another 年度
            e = act.get_event(reg, eid)
            titles[eid] = _event_label(e.starts_at, e.title)
        linked.append((eid, titles[eid]))
    return Detail(case, program, sb.list_steps(reg, case_id), sb.due_dates(reg, case_id),
                  sb.attachments(reg, case_id), linked,
                  [(e.id, titles[e.id]) for e in year_events if e.id not in linked_ids],
                  year_closed(reg, case.fiscal_year))


# -- dialogs --------------------------------------------------------------------------------------------


class NewCaseDialog(bd.BookDialog):
    """「新しい申請」: the program (its rule shown), 件名, 予定経費, 数量 when the program caps per
    unit, the work day; the grant is worked out as the officer types. The model's warnings (the
    same program within its re-use period, more units than the association's size …) are shown
    first; a second 「作る」 makes the case anyway."""

    def __init__(self, worker: DbWorker, fy: int, programs: list[sb.Program], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("新しい補助金の申請"), parent, ok_text=self.tr("記録を作る"), intro=self.tr(
            "{year}の補助金の記録を作ります。作ったあと「次の段階へ」で事前相談・申請…と進めます。").format(
                year=fiscal_year_label(fy)))
        self.worker, self.fy = worker, fy
        self.programs = {p.id: p for p in programs}
        self.program = self.add(self.tr("補助制度"), bd.combo([(p.name, p.id) for p in programs],
                                                            name=self.tr("補助制度")))
        self.rule = note()
        self.rule.setAccessibleName(self.tr("補助の決まり"))
        self.form.addRow("", self.rule)
        self.title = self.add(self.tr("件名"), bd.line_edit(name=self.tr("件名"),
                                                          placeholder=self.tr("例: 第3ステーション 金属ボックス")))
        self.cost = self.add(self.tr("予定経費（円）"), bd.line_edit(name=self.tr("予定経費"),
                                                                 placeholder=self.tr("例: 213,400")))
        self.units_caption = QLabel(self.tr("数量"))
        self.units = bd.line_edit(name=self.tr("数量"), placeholder=self.tr("例: 3"))
        self.units_caption.setBuddy(self.units)
        self.form.addRow(self.units_caption, self.units)
        self.fields[self.tr("数量")] = self.units
        self.work_on = self.add(self.tr("作業日・実施日（分かれば）"), bd.date_edit(self.tr("作業日・実施日"), None))
        self.notes = self.add(self.tr("備考"), bd.line_edit(name=self.tr("備考")))
        self.grant = note()
        self.grant.setAccessibleName(self.tr("補助額の見込み"))
        self.grant.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(self.tr("補助額の見込み"), self.grant)
        self.warnings = note()
        self.warnings.setAccessibleName(self.tr("注意"))
        self.warnings.setVisible(False)
        self.body.addWidget(self.warnings)
        self.shown_warnings: list[str] | None = None
        self.program.currentIndexChanged.connect(lambda _i: self._program_changed())
        for edit in (self.cost, self.units):
            edit.textChanged.connect(lambda _t: self._recompute())
        self._program_changed()
        self.fit(640, 520)

    def chosen(self) -> sb.Program | None:
        return self.programs.get(self.program.currentData())

    def _program_changed(self) -> None:
        p = self.chosen()
        if p is None:
            self.rule.setText(self.tr("使える補助制度がありません。"))
            return
        lines = [self.tr("決まり: {rule}").format(rule=p.rule), self.tr("段階: {steps}").format(steps=" → ".join(p.steps))]
        if p.apply_within_days:
            lines.append(self.tr("申請は作業日から{n}日以内（作業日を入れてください）").format(n=p.apply_within_days))
        if p.attachments:
            lines.append(self.tr("添付書類: {items}").format(items=self.tr("・").join(p.attachments)))
        self.rule.setText("\n".join(lines))
        per_unit = p.unit_cap is not None
        self.units_caption.setText(self.tr("数量（{unit}）").format(unit=p.unit_label) if per_unit else self.tr("数量"))
        self.units_caption.setVisible(per_unit)
        self.units.setVisible(per_unit)
        self.shown_warnings = None
        self.warnings.setVisible(False)
        self._recompute()

    def _recompute(self) -> None:
        p = self.chosen()
        if p is None:
            self.grant.setText("")
            return
        try:
            cost = parse_yen(self.cost.text())
            units = parse_yen(self.units.text()) if p.unit_cap is not None else None
        except ValueError:
            self.grant.setText(self.tr("⚠ 予定経費と数量は数字で入れてください（例: 213,400）。"))
            return
        self.grant.setText(grant_text(p, cost, units))

    def case_data(self) -> sb.CaseData:
        p = self.chosen()
        if p is None:
            raise ValidationError(self.tr("補助制度"), self.tr("補助制度を選んでください。"), field="program")
        return sb.CaseData(p.id, self.fy, self.title.text(), planned_cost=self.cost.text(),
                           units=self.units.text() if p.unit_cap is not None else None,
                           work_on=self.work_on.value() or None, notes=self.notes.text())

    def submit(self) -> bool:
        self.error.clear()
        try:
            warnings = self.worker.call(sb.case_warnings, self.case_data())
        except ERRORS as exc:
            show_problem(self.error, exc)
            return False
        if warnings and warnings != self.shown_warnings:
            self.shown_warnings = warnings
            self.warnings.setText(self.tr("⚠ 注意（このままでも作れます）:\n")
                                  + "\n".join(self.tr("・{warning}").format(warning=w) for w in warnings))
            self.warnings.setVisible(True)
            self.ok_button.setText(self.tr("注意を確かめたうえで作る"))
            return False
        return super().submit()

    def save(self) -> tuple[int, list[str]]:
        return self.worker.call(sb.add_case, self.case_data())


class AdvanceDialog(bd.BookDialog):
    """「次の段階へ」: the next step chosen already, the day, a note. 交付決定 asks the amount and
    the number of the notice; a later step asks why the steps between are skipped; 「訂正」 goes
    back, with a reason."""

    def __init__(self, worker: DbWorker, case: sb.SubsidyCase, program: sb.Program, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("補助金の手続きを進める"), parent, ok_text=self.tr("記録する"), intro=self.tr(
            "{program}「{title}」　今の段階: {status}\n"
            "段階: {steps}（入金は「入金を記録」で、出納簿と一緒に記録します）").format(
                program=case.program, title=case.title, status=case.status_label, steps=" → ".join(program.steps)))
        self.worker, self.case, self.program = worker, case, program
        self.correction = QCheckBox(self.tr("前の段階に戻す（訂正）"))
        self.correction.setAccessibleName(self.tr("訂正"))
        self.correction.setStyleSheet(big_checks(self.correction))
        self.form.addRow("", self.correction)
        self.step = self.add(self.tr("段階"), bd.combo([], name=self.tr("段階")))
        self.on = self.add(self.tr("日付"), bd.date_edit(self.tr("日付"), today))
        default = sb.compute_grant(case.planned_cost, program, case.units if program.unit_cap is not None else None) \
            if case.planned_cost is not None and (program.unit_cap is None or case.units) else None
        self.granted = self.add(self.tr("交付決定額（円）"), bd.line_edit(
            bd.amount_text(default.amount) if default else "", name=self.tr("交付決定額"),
            placeholder=self.tr("交付決定通知書の金額")))
        self.decision_no = self.add(self.tr("交付決定番号"), bd.line_edit(
            name=self.tr("交付決定番号"), placeholder=self.tr("例: 金環第123号（なくても可）")))
        self.note_edit = self.add(self.tr("理由・メモ"), bd.line_edit(name=self.tr("理由・メモ")))
        self.hint = note()
        self.hint.setAccessibleName(self.tr("この段階について"))
        self.body.addWidget(self.hint)
        self.correction.toggled.connect(lambda _on: self._fill_steps())
        self.step.currentIndexChanged.connect(lambda _i: self._step_changed())
        self._fill_steps()
        self.fit(620, 460)

    def _here(self) -> int:
        steps = self.program.steps
        return steps.index(self.case.status) if self.case.status in steps else -1

    def _fill_steps(self) -> None:
        steps, here = self.program.steps, self._here()
        if self.correction.isChecked():
            choices = list(steps[:max(here, 0)])
        else:
            choices = [s for s in steps[here + 1:] if s != sb.RECEIPT_STEP]
        self.step.blockSignals(True)
        self.step.clear()
        for s in choices:
            self.step.addItem(s, s)
        self.step.setCurrentIndex(len(choices) - 1 if self.correction.isChecked() and choices else 0)
        self.step.blockSignals(False)
        self._step_changed()

    def skipped(self) -> tuple[str, ...]:
        step = self.step.currentData()
        if step is None or self.correction.isChecked():
            return ()
        return self.program.steps[self._here() + 1:self.program.steps.index(step)]

    def _step_changed(self) -> None:
        step = self.step.currentData()
        deciding = step == "交付決定" and not self.correction.isChecked()  # notr: a step's name (data)
        for widget in (self.granted, self.decision_no):
            widget.setEnabled(deciding)
        skipped = self.skipped()
        if step is None:
            self.hint.setText(self.tr("進められる段階がありません。") if not self.correction.isChecked()
                              else self.tr("戻せる段階がありません。"))
        elif self.correction.isChecked():
            self.hint.setText(self.tr("「{step}」に戻します。理由を「理由・メモ」に書いてください（これまでの記録は残ります）。")
                              .format(step=step))
        elif skipped:
            self.hint.setText(self.tr("⚠ 「{steps}」をとばします。とばす理由を「理由・メモ」に書いてください。")
                              .format(steps=self.tr("・").join(skipped)))
        elif deciding:
            self.hint.setText(self.tr("交付決定通知書の金額と番号を入れてください。"))
        else:
            self.hint.setText("")

    def save(self) -> int:
        step = self.step.currentData()
        if step is None:
            raise RegisterError(self.tr("記録できる段階がありません。"))
        deciding = step == "交付決定" and not self.correction.isChecked()  # notr: a step's name (data)
        return self.worker.call(sb.advance, self.case.id, step, self.on.value() or "", self.note_edit.text(),
                                correction=self.correction.isChecked(),
                                granted=self.granted.text() if deciding else None,
                                decision_no=self.decision_no.text() if deciding else "")


class ReceiptDialog(bd.BookDialog):
    """「入金を記録」: the 入金 step and the 市補助金 line of the cash book, together."""

    def __init__(self, worker: DbWorker, case: sb.SubsidyCase, program: sb.Program, today: date,
                 parent: QWidget | None = None) -> None:
        left = max((case.granted or 0) - case.received, 0)
        super().__init__(self.tr("補助金の入金を記録"), parent, ok_text=self.tr("入金を記録する"), intro=self.tr(
            "{program}「{title}」　交付決定額 {granted}・入金済 {received}\n"
            "入金の段階と、出納簿の収入（市補助金）を一緒に記録します。どちらか一方だけが残ることはありません。").format(
                program=case.program, title=case.title, granted=ab.yen(case.granted or 0), received=ab.yen(case.received)))
        self.worker, self.case = worker, case
        accounts = [(a.name, a.name) for a in worker.call(ab.list_money_accounts)]
        self.amount = self.add(self.tr("入金額（円）"), bd.line_edit(bd.amount_text(left), name=self.tr("入金額")))
        self.on = self.add(self.tr("入金日"), bd.date_edit(self.tr("入金日"), today))
        self.account = self.add(self.tr("口座"), bd.combo(accounts, name=self.tr("口座"),
                                                        current="普通預金"))  # notr: the account's name (data)
        self.note_edit = self.add(self.tr("理由・メモ"), bd.line_edit(name=self.tr("理由・メモ")))
        here = program.steps.index(case.status) if case.status in program.steps else -1
        skipped = program.steps[here + 1:program.steps.index(sb.RECEIPT_STEP)]
        self.hint = note(self.tr("⚠ 「{steps}」がまだ記録されていません。このまま入金にするときは、"
                                 "とばす理由を「理由・メモ」に書いてください。").format(steps=self.tr("・").join(skipped))
                         if skipped else "")
        self.hint.setAccessibleName(self.tr("この入金について"))
        self.body.addWidget(self.hint)
        self.fit(600, 380)

    def save(self) -> int:
        return self.worker.call(sb.record_receipt, self.case.id, self.on.value() or "", self.amount.text(),
                                self.account.currentData() or "普通預金", note=self.note_edit.text())  # notr


class CancelCaseDialog(bd.BookDialog):
    """「取り下げ」 with a reason; asked once more before it is written. The case and its history
    stay, marked 取り下げ."""

    def __init__(self, worker: DbWorker, case: sb.SubsidyCase, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("補助金の取り下げ"), parent, ok_text=self.tr("取り下げる"), intro=self.tr(
            "{program}「{title}」を取り下げます。記録と経過は消えずに残り、「取り下げ」と表示されます。").format(
                program=case.program, title=case.title))
        self.worker, self.case = worker, case
        self.reason = self.add(self.tr("取り下げる理由"), bd.line_edit(
            name=self.tr("取り下げる理由"), placeholder=self.tr("例: 業者の見積りが予算を超えたため")))
        self.fit(600, 300)

    def submit(self) -> bool:
        if self.reason.text().strip() and not dialogs.confirm(
                self, self.tr("取り下げ"), self.tr("「{title}」を取り下げます。よろしいですか？").format(title=self.case.title),
                yes=self.tr("取り下げる"), no=self.tr("やめる")):
            return False
        return super().submit()

    def save(self) -> None:
        self.worker.call(sb.cancel_case, self.case.id, self.reason.text())


class ProgramsDialog(QDialog):
    """「制度の一覧」: each program with its rule, steps, deadlines and attachments, as wrapped
    text (a table of rules is too wide to read at a large text size). Read only: the rules are
    data, changed with ``save_program``."""

    def __init__(self, programs: list[sb.Program], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("補助制度の一覧"))
        layout = QVBoxLayout(self)
        layout.addWidget(note(self.tr("補助制度ごとの決まり（補助率・上限・端数・段階・期限・添付書類）です。")))
        body = QWidget()
        column = QVBoxLayout(body)
        #: the text shown for each program, by its name
        self.texts: dict[str, str] = {}
        for p in programs:
            box = QGroupBox(p.name + (self.tr("（使わなくなった制度）") if p.retired_on else ""))
            inner = QVBoxLayout(box)
            text = self.describe(p)
            label = note(text)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAccessibleName(p.name)
            inner.addWidget(label)
            column.addWidget(box)
            self.texts[p.name] = text
        column.addStretch(1)
        layout.addWidget(scrolling(body), 1)
        box = QDialogButtonBox()
        close = box.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("閉じる"))
        close.setMinimumHeight(40)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        fit_to_screen(self, 760, 640)

    @staticmethod
    def describe(p: sb.Program) -> str:
        # a static method: the module's tr (context "")
        lines = [tr("決まり: {rule}").format(rule=p.rule), tr("窓口: {funder}").format(funder=p.funder or tr("（なし）")),
                 tr("段階: {steps}").format(steps=" → ".join(p.steps))]
        limits = []
        if p.apply_within_days:
            limits.append(tr("申請は作業日から{n}日以内").format(n=p.apply_within_days))
        if p.report_within_days:
            limits.append(tr("実績報告は完了から{n}日以内").format(n=p.report_within_days))
        if p.report_by_year_end and "実績報告" in p.steps:  # notr: a step's name (data)
            limits.append(tr("実績報告は年度末まで"))
        if limits:
            lines.append(tr("期限: {limits}").format(limits=tr("、").join(limits)))
        if p.households_per_unit:
            lines.append(tr("数量の目安: 会員{n}世帯に1{unit}").format(n=p.households_per_unit, unit=p.unit_label))
        if p.attachments:
            lines.append(tr("添付書類: {items}").format(items=tr("・").join(p.attachments)))
        if p.reuse_years:
            lines.append(tr("同じ補助は{n}年間受けられません").format(n=p.reuse_years))
        if p.notes:
            lines.append(tr("備考: {notes}").format(notes=p.notes))
        return "\n".join(lines)


# -- the tab --------------------------------------------------------------------------------------------


class SubsidyTab(QWidget):
    """The year's cases above; the chosen case's steps, deadlines, checklist, events and grant
    below; and what may be done with it."""

    COLUMNS = (QT_TRANSLATE_NOOP("", "制度"), QT_TRANSLATE_NOOP("", "件名"), QT_TRANSLATE_NOOP("", "状況"),
               QT_TRANSLATE_NOOP("", "次の期限"), QT_TRANSLATE_NOOP("", "予定経費"), QT_TRANSLATE_NOOP("", "補助額"))
    STEP_COLUMNS = (QT_TRANSLATE_NOOP("", "日付"), QT_TRANSLATE_NOOP("", "段階"), QT_TRANSLATE_NOOP("", "記録"),
                    QT_TRANSLATE_NOOP("", "理由・メモ"), QT_TRANSLATE_NOOP("", "記録した人"))

    def __init__(self, worker: DbWorker) -> None:
        super().__init__()
        self.worker = worker
        self.fiscal_year: int | None = None
        self.year_closed = False
        self.today = date.today()
        self.detail: Detail | None = None
        self.dialog: QDialog | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        layout = QVBoxLayout(body)
        outer.addWidget(scrolling(body))

        self.summary = note()
        self.summary.setAccessibleName(self.tr("補助金のまとめ"))
        layout.addWidget(self.summary)
        self.model = RowsModel(tuple(tr(c) for c in self.COLUMNS), self._cells, self, numeric=(4, 5),
                               warn=lambda r: r.due is not None and r.due.days_left(self.today) <= SOON_DAYS,
                               muted=lambda r: r.case.cancelled_on is not None)
        self.table = make_table(self.model, (14, 14, 8, 27, 7, 11), stretch=1, name=self.tr("補助金の一覧"))
        min_rows(self.table, 5)
        self.table.doubleClicked.connect(lambda _i: self.advance())
        shortcut(self.table, "Return", self.advance)  # Enter on a case: 「次の段階へ」
        layout.addWidget(self.table)
        layout.addWidget(note(self.tr("⚠ の行: 期限を過ぎたか、期限が近い（{n}日以内）補助金です。補助額の「見込み」は、"
                                      "交付決定の前に予定経費から計算した額です。").format(n=SOON_DAYS)))

        self.new_btn = button(self.tr("新しい申請…"), self.new_case)
        self.advance_btn = button(self.tr("次の段階へ…"), self.advance)
        self.receipt_btn = button(self.tr("入金を記録…"), self.record_receipt)
        self.cancel_btn = button(self.tr("取り下げ…"), self.cancel_case)
        self.report_btn = button(self.tr("実績報告書を作る…"), lambda: self.make_report())
        self.programs_btn = button(self.tr("制度の一覧…"), self.show_programs)
        layout.addWidget(button_row(self.new_btn, self.advance_btn, self.receipt_btn, self.cancel_btn,
                                    self.report_btn, self.programs_btn, align_right=False))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout.addWidget(self.message)

        self.box = QGroupBox(self.tr("選んだ補助金"))
        detail = QVBoxLayout(self.box)
        self.case_text = note()
        self.case_text.setAccessibleName(self.tr("選んだ補助金の内容"))
        self.case_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        detail.addWidget(self.case_text)
        self.grant_text = note()
        self.grant_text.setAccessibleName(self.tr("補助額の計算"))
        detail.addWidget(self.grant_text)
        self.dues_text = note()
        self.dues_text.setAccessibleName(self.tr("期限"))
        detail.addWidget(self.dues_text)
        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        detail.addLayout(columns)

        left.addWidget(QLabel(self.tr("<b>手続きの経過</b>")))
        self.steps_model = RowsModel(tuple(tr(c) for c in self.STEP_COLUMNS), self._step_cells, self,
                                     muted=lambda s: s.kind == "correction")
        self.steps_table = make_table(self.steps_model, (9, 6, 8, 14, 7), stretch=3, name=self.tr("手続きの経過"))
        min_rows(self.steps_table, 4)
        left.addWidget(self.steps_table)
        left.addWidget(QLabel(self.tr("<b>結び付けた行事</b>（実績報告書の事業報告になります）")))
        self.linked = QListWidget()
        self.linked.setAccessibleName(self.tr("結び付けた行事"))
        line = self.linked.fontMetrics().height()
        self.linked.setMinimumHeight(line * 4)
        self.linked.setMaximumHeight(line * 8)
        left.addWidget(self.linked)
        link_row = QHBoxLayout()
        self.event_combo = QComboBox()
        self.event_combo.setAccessibleName(self.tr("結び付ける行事"))
        self.event_combo.setMinimumContentsLength(16)
        self.link_btn = button(self.tr("結び付ける"), self.link_event)
        self.unlink_btn = button(self.tr("外す"), self.unlink_event)
        link_row.addWidget(self.event_combo, 1)
        link_row.addWidget(self.link_btn)
        link_row.addWidget(self.unlink_btn)
        left.addLayout(link_row)

        right.addWidget(QLabel(self.tr("<b>添付書類</b>（そろったものに印）")))
        self.checks_host = QWidget()
        self.checks = QVBoxLayout(self.checks_host)
        self.checks.setContentsMargins(4, 0, 0, 0)
        right.addWidget(self.checks_host)
        right.addStretch(1)
        self.check_boxes: dict[str, QCheckBox] = {}
        layout.addWidget(self.box)
        layout.addStretch(1)

        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        self.linked.currentRowChanged.connect(lambda _r: self._gate())
        self._show_detail(None)

    # -- the 年度 and the list ------------------------------------------------------------------------

    def set_fiscal_year(self, fy: int | None) -> None:
        """The page's 年度; with none opened yet, the 年度 of today (cases need no open books)."""
        self.fiscal_year = fy

    def _year(self) -> int | None:
        if self.fiscal_year is not None:
            return self.fiscal_year
        if self.worker.register is None:
            return None
        return self.worker.call(lambda reg: ab.year_of(reg, reg.today()))

    def refresh(self) -> None:
        keep = self.selected_id()
        if self.worker.register is None:
            return
        self.today = self.worker.call(lambda reg: reg.today())
        fy = self._year()
        rows = self.worker.call(load_cases, fy) if fy is not None else []
        self.year_closed = fy is not None and self.worker.call(year_closed, fy)
        self.model.set_rows(rows)
        running = [r for r in rows if r.case.cancelled_on is None]
        late = sum(1 for r in running if r.due is not None and r.due.days_left(self.today) < 0)
        self.summary.setText(self.tr("{year}の補助金 {n}件（進行中 {running}件{late}）　{today}現在").format(
            year=fiscal_year_label(fy) if fy else "", n=len(rows), running=len(running),
            late=self.tr("、⚠ 期限切れ {n}件").format(n=late) if late else "", today=to_wareki(self.today)))
        if keep is not None:
            self.select_case(keep)
        if self.selected_id() is None:
            self._show_detail(None)
        self._gate()

    def _cells(self, r: CaseRow) -> tuple[Any, ...]:
        c = r.case
        if c.granted is not None:
            grant = self.tr("{amount}（交付決定）").format(amount=f"{c.granted:,}")
        elif r.estimate is not None:
            grant = self.tr("{amount}（見込み）").format(amount=f"{r.estimate:,}")
        else:
            grant = ""
        status = c.status_label + (self.tr("・入金 {amount}円").format(amount=f"{c.received:,}")
                                   if c.received and c.status != sb.RECEIPT_STEP else "")
        return (c.program, c.title, status, due_text(r.due, self.today), yen_or_blank(c.planned_cost), grant)

    @staticmethod
    def _step_cells(s: sb.Step) -> tuple[Any, ...]:
        # a static method: the module's tr (context "")
        kind = tr(STEP_KINDS.get(s.kind, s.kind)) + (tr("（{steps}）").format(steps=tr("・").join(s.skipped))
                                                     if s.skipped else "")
        return (wareki(s.on_date), s.step, kind, s.note, s.entered_by)

    def selected(self) -> CaseRow | None:
        return selected_row(self.table)

    def selected_id(self) -> int | None:
        r = self.selected()
        return r.case.id if r is not None else None

    def select_case(self, case_id: int) -> None:
        select_where(self.table, lambda r: r.case.id == case_id)

    def _selection_changed(self) -> None:
        r = self.selected()
        try:
            self._show_detail(self.worker.call(load_detail, r.case.id) if r is not None else None)
        except ERRORS as exc:
            say(self.message, str(exc), error=True)
            self._show_detail(None)

    # -- the chosen case --------------------------------------------------------------------------------

    def _show_detail(self, d: Detail | None) -> None:
        self.detail = d
        self.box.setEnabled(d is not None)
        while self.checks.count():
            item = self.checks.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.check_boxes = {}
        self.linked.clear()
        self.event_combo.clear()
        if d is None:
            self.box.setTitle(self.tr("選んだ補助金"))
            self.case_text.setText(self.tr("一覧で補助金を選ぶと、ここに経過・期限・添付書類・行事が出ます。"))
            self.grant_text.setText("")
            self.dues_text.setText("")
            self.steps_model.set_rows([])
            self._gate()
            return
        c, p = d.case, d.program
        self.box.setTitle(self.tr("選んだ補助金: {title}").format(title=c.title))
        parts = [self.tr("{name}（{funder}）　{year}　整理番号 {uid}").format(
                     name=p.name, funder=p.funder or self.tr("窓口なし"), year=c.year_label, uid=c.uid),
                 self.tr("状況: {status}").format(status=c.status_label)
                 + (self.tr("（{on} 取り下げ: {reason}）").format(on=wareki(c.cancelled_on), reason=c.cancel_reason)
                    if c.cancelled_on else ""),
                 self.tr("予定経費 {amount}").format(amount=ab.yen(c.planned_cost or 0))
                 + (self.tr("・実際の経費 {amount}").format(amount=ab.yen(c.actual_cost)) if c.actual_cost
                    is not None else "")
                 + (self.tr("・数量 {units}{unit}").format(units=c.units, unit=p.unit_label) if c.units else "")
                 + (self.tr("・交付決定額 {amount}").format(amount=ab.yen(c.granted)) if c.granted is not None else "")
                 + (self.tr("（{no}）").format(no=c.decision_no) if c.decision_no else "")
                 + self.tr("・入金済 {amount}").format(amount=ab.yen(c.received))]
        if d.year_closed:
            parts.append(self.tr("🔒 {year}は締め済みのため、見るだけです。").format(year=c.year_label))
        self.case_text.setText("\n".join(parts))
        cost = c.actual_cost if c.actual_cost is not None else c.planned_cost
        which = self.tr("実際の経費") if c.actual_cost is not None else self.tr("予定経費")
        self.grant_text.setText(self.tr("補助額の計算（{which}・{rule}）: {grant}").format(
            which=which, rule=p.rule, grant=grant_text(p, cost, c.units)))
        lines = []
        for due in d.dues:
            if due.done_on is not None:
                state = self.tr("済（{on}）").format(on=wareki(due.done_on))
                lines.append(self.tr("・{step} {due}まで（{basis}）— {state}").format(
                    step=due.step, due=wareki(due.due_on), basis=due.basis, state=state))
            else:
                lines.append(self.tr("・{due}（{basis}）").format(due=due_text(due, self.today), basis=due.basis))
        self.dues_text.setText(self.tr("期限:\n") + "\n".join(lines) if lines
                               else self.tr("期限: この制度には決まった期限がありません。"))
        self.steps_model.set_rows(d.steps)
        for a in d.attachments:
            box = QCheckBox(a.item + (self.tr("（{on}）").format(on=wareki(a.done_on)) if a.done_on else ""))
            box.setAccessibleName(self.tr("添付書類 {item}").format(item=a.item))
            box.setStyleSheet(big_checks(box))
            box.setChecked(a.done)
            box.toggled.connect(lambda on, item=a.item: self.set_attachment(item, on))
            self.checks.addWidget(box)
            self.check_boxes[a.item] = box
        if not d.attachments:
            self.checks.addWidget(QLabel(self.tr("この制度には添付書類の一覧がありません。")))
        for eid, label in d.linked:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, eid)
            self.linked.addItem(item)
        for eid, label in d.events:
            self.event_combo.addItem(label, eid)
        if not d.events:
            self.event_combo.addItem(self.tr("（結び付けられる行事がありません）"), None)
        self._gate()

    # -- permissions ---------------------------------------------------------------------------------------

    def why_not(self, permission: str) -> str:
        """Why the officer may not do what needs ``permission`` with the chosen case, or ""."""
        reg = self.worker.register
        if reg is None:
            return self.tr("台帳が開かれていません。")
        if getattr(reg, "read_only", False) and permission != OUTPUT:
            return self.tr("台帳を読み取り専用で開いているため、変更できません。")
        if not reg.session.can(permission):
            return self.tr("「{name}」さん（{role}）には"
                           "「{permission}」権限がありません。").format(
                name=reg.session.display_name, role=reg.session.role,
                permission=schema.PERMISSIONS.get(permission, permission))
        return ""

    def _gate_button(self, b: QPushButton, permission: str, tip: str, need: str = "") -> None:
        reason = self.why_not(permission) or need
        b.setEnabled(not reason)
        b.setToolTip(self.tr("使えません: {reason}").format(reason=reason) if reason else tip)
        b.setAccessibleDescription(b.toolTip())

    def _gate(self) -> None:
        d = self.detail
        c = d.case if d is not None else None
        pick = "" if c is not None else self.tr("一覧で補助金を選んでください")
        fixed = ""
        if c is not None and c.cancelled_on:
            fixed = self.tr("「{title}」は取り下げ済みです").format(title=c.title)
        elif d is not None and d.year_closed:
            fixed = self.tr("{year}は締め済みのため、見るだけです").format(year=c.year_label)
        self._gate_button(self.new_btn, sb.WRITE,
                          self.tr("この年度の補助金の記録を作ります（制度を選ぶと補助額の見込みが出ます）"),
                          self.tr("この年度は締め済みのため、新しい補助金の記録は作れません") if self.year_closed else "")
        self._gate_button(self.advance_btn, sb.WRITE, self.tr("選んだ補助金を次の段階（申請・交付決定・完了…）に進めます"
                                                              "（まちがえたときは訂正として前の段階に戻せます）"),
                          pick or fixed)
        no_grant = c is not None and c.granted is None
        self._gate_button(self.receipt_btn, sb.WRITE, self.tr("補助金の入金と、出納簿の収入（市補助金）を一緒に記録します"),
                          pick or (self.tr("「{title}」は取り下げ済みです").format(title=c.title)
                                   if c is not None and c.cancelled_on else "")
                          or (self.tr("先に「次の段階へ」で交付決定額を記録してください") if no_grant else ""))
        self._gate_button(self.cancel_btn, sb.WRITE, self.tr("選んだ補助金を、理由を書いて取り下げます（記録は残ります）"),
                          pick or fixed or (self.tr("入金（{amount}）があるため取り下げられません").format(
                              amount=ab.yen(c.received)) if c is not None and c.received else ""))
        self._gate_button(self.report_btn, OUTPUT, self.tr("選んだ補助金の実績報告書（PDF）を作って保存します"), pick)
        self.programs_btn.setEnabled(self.worker.register is not None)
        self.programs_btn.setToolTip(self.tr("補助制度ごとの補助率・上限・段階・期限・添付書類を見ます"))
        can_change = c is not None and not fixed and not self.why_not(sb.WRITE)
        reason = self.why_not(sb.WRITE) or fixed
        for box in self.check_boxes.values():
            box.setEnabled(can_change)
            box.setToolTip(self.tr("使えません: {reason}").format(reason=reason) if reason
                           else self.tr("印を付けると、そろった日が記録されます"))
        self._gate_button(self.link_btn, sb.WRITE, self.tr("選んだ行事をこの補助金に結び付けます"),
                          pick or fixed or ("" if self.event_combo.currentData() is not None
                                            else self.tr("結び付けられる行事がありません")))
        self._gate_button(self.unlink_btn, sb.WRITE, self.tr("一覧で選んだ行事を、この補助金から外します"),
                          pick or fixed or ("" if self.linked.currentItem() is not None
                                            else self.tr("外す行事を「結び付けた行事」で選んでください")))

    # -- actions ---------------------------------------------------------------------------------------

    def _show(self, dlg: QDialog, on_accept: Any) -> None:
        """``dlg`` window-modal without blocking (tests fill it and press its buttons)."""
        if not dialog_open(self):
            open_dialog(self, dlg, lambda result: result == QDialog.DialogCode.Accepted and on_accept())

    def _after(self, text: str, case_id: int | None = None) -> None:
        """Something was written: show it, and tell the page (the 出納簿 tab reloads when next
        shown — a 入金 adds a line there)."""
        page = self.parentWidget()
        while page is not None and not hasattr(page, "add_tab"):
            page = page.parentWidget()
        if page is not None and callable(getattr(page, "changed", None)):
            page.changed()
        keep = case_id if case_id is not None else self.selected_id()
        self.refresh()
        if keep is not None:
            self.select_case(keep)
            self._selection_changed()
        say(self.message, text)

    def new_case(self) -> None:
        fy = self._year()
        if fy is None or not self.new_btn.isEnabled():
            return
        programs = self.worker.call(sb.list_programs)
        dlg = NewCaseDialog(self.worker, fy, programs, self)

        def done() -> None:
            cid, warnings = dlg.result_value
            self._after(self.tr("補助金の記録を作りました。")
                        + (self.tr(" 注意: {warnings}").format(warnings=" ".join(warnings)) if warnings else ""), cid)

        self._show(dlg, done)

    def advance(self) -> None:
        d = self.detail
        if d is None or not self.advance_btn.isEnabled():
            return
        dlg = AdvanceDialog(self.worker, d.case, d.program, self.today, self)
        self._show(dlg, lambda: self._after(self.tr("「{title}」を「{step}」として記録しました。").format(
            title=d.case.title, step=dlg.step.currentData())))

    def record_receipt(self) -> None:
        d = self.detail
        if d is None or not self.receipt_btn.isEnabled():
            return
        dlg = ReceiptDialog(self.worker, d.case, d.program, self.today, self)
        self._show(dlg, lambda: self._after(self.tr("「{title}」の入金を記録し、出納簿に記帳しました"
                                                    "（摘要に整理番号 {uid}）。").format(title=d.case.title, uid=d.case.uid)))

    def cancel_case(self) -> None:
        d = self.detail
        if d is None or not self.cancel_btn.isEnabled():
            return
        dlg = CancelCaseDialog(self.worker, d.case, self)
        self._show(dlg, lambda: self._after(self.tr("「{title}」を取り下げました（記録は残っています）。").format(
            title=d.case.title)))

    def set_attachment(self, item: str, done: bool) -> None:
        d = self.detail
        if d is None:
            return
        try:
            self.worker.call(sb.set_attachment, d.case.id, item, done)
        except ERRORS as exc:
            say(self.message, self.tr("{error}（添付書類の記録は変わっていません）").format(error=exc), error=True)
            self._selection_changed()
            return
        self._after(self.tr("添付書類「{item}」をそろったにしました。").format(item=item) if done
                    else self.tr("添付書類「{item}」をまだにしました。").format(item=item))

    def link_event(self) -> None:
        d, eid = self.detail, self.event_combo.currentData()
        if d is None or eid is None or not self.link_btn.isEnabled():
            return
        label = self.event_combo.currentText()
        self._call(sb.link_event, d.case.id, eid, done=self.tr("行事「{label}」を結び付けました。").format(label=label))

    def unlink_event(self) -> None:
        d, item = self.detail, self.linked.currentItem()
        if d is None or item is None or not self.unlink_btn.isEnabled():
            return
        self._call(sb.unlink_event, d.case.id, item.data(Qt.ItemDataRole.UserRole),
                   done=self.tr("行事「{label}」を外しました。").format(label=item.text()))

    def _call(self, fn: Any, *args: Any, done: str) -> None:
        try:
            self.worker.call(fn, *args)
        except ERRORS as exc:
            say(self.message, self.tr("{error}（何も変わっていません）").format(error=exc), error=True)
            return
        self._after(done)

    def make_report(self, target: Path | None = None) -> Path | None:
        """The 実績報告書 of the chosen case as a PDF, to ``target`` or a file the officer chooses."""
        from kyodo_desktop.export.subsidy_docs import write_subsidy_report

        d = self.detail
        if d is None or not self.report_btn.isEnabled():
            return None
        if target is None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("実績報告書の保存先"),
                                                    self.tr("{title} 実績報告書.pdf").format(title=d.case.title),
                                                    "PDF (*.pdf)")
            if not chosen:
                return None
            target = Path(chosen)
        try:
            result = self.worker.call_with_progress(write_subsidy_report, target, case_id=d.case.id,
                                                    label=self.tr("実績報告書を作っています…"), parent=self)
        except (*ERRORS, OSError) as exc:
            say(self.message, self.tr("実績報告書を作れませんでした: {error}").format(error=exc), error=True)
            return None
        say(self.message, self.tr("実績報告書を保存しました（{pages}ページ）: {path}").format(
            pages=result.pages, path=result.path) + (f"\n⚠ {result.warning}" if result.warning else ""))
        return result.path

    def show_programs(self) -> None:
        if self.worker.register is None:
            return
        dlg = ProgramsDialog(self.worker.call(sb.list_programs, include_retired=True), self)
        self._show(dlg, lambda: None)
