"""地域課題: the local issue log in the stages of マッチ箱, requests to the city and their answers,
and the estimated households of the area per 年度 (for the membership rate).

One tab of the 行事 page (ActivityPage). The rules are in ``models/partners.py``.
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.models import households as hh
from kyodo_desktop.models import partners as pt
from kyodo_desktop.models import schema
from kyodo_desktop.models.japanese import fiscal_year, fiscal_year_label
from kyodo_desktop.ui import dialogs
from kyodo_desktop.ui.i18n import tr
from kyodo_desktop.ui.volunteers_tab import (
    ERRORS,
    CheckGrid,
    RowsModel,
    big_checks,
    button,
    can,
    error_label,
    fit_to_screen,
    make_read_only,
    make_table,
    min_rows,
    note,
    scrolling,
    scrolling_body,
    select_where,
    selected_row,
    shortcut,
    show_problem,
)
from kyodo_desktop.ui.wareki_edit import WarekiDateEdit
from kyodo_desktop.ui.worker import DbWorker

#: one line for each マッチ箱 (ha4go) stage, in plain words (the keys are the stages as stored;
#: both are shown through tr())
STAGE_HELP = {
    QT_TRANSLATE_NOOP("", "議論と調査"): QT_TRANSLATE_NOOP("", "困りごとについて話し合い、現地や原因を調べている段階です。"),
    QT_TRANSLATE_NOOP("", "企画と試作中"): QT_TRANSLATE_NOOP("", "解決の方法を考え、試しにやってみている段階です。"),
    QT_TRANSLATE_NOOP("", "運用中"): QT_TRANSLATE_NOOP("", "取り組みが決まり、続けて行っている段階です。"),
    QT_TRANSLATE_NOOP("", "休止・終了"): QT_TRANSLATE_NOOP(
        "", "解決した、または取り組みを休んでいる段階です（一覧では「終わった課題」になります）。"),
}
ALL_STAGES = ""

ISSUE_COLUMNS = (QT_TRANSLATE_NOOP("", "課題"), QT_TRANSLATE_NOOP("", "分野"), QT_TRANSLATE_NOOP("", "班/場所"),
                 QT_TRANSLATE_NOOP("", "発見日"), QT_TRANSLATE_NOOP("", "段階"), QT_TRANSLATE_NOOP("", "次にすること"),
                 QT_TRANSLATE_NOOP("", "期限"), QT_TRANSLATE_NOOP("", "協力団体"), QT_TRANSLATE_NOOP("", "市への要望"))


def _place(i: pt.IssueRow) -> str:
    return tr("・").join(x for x in (i.block, i.place) if x)


def _requests(i: pt.IssueRow) -> str:
    if not i.requests:
        return ""
    return (tr("{n}件（未回答 {unanswered}）").format(n=i.requests, unanswered=i.unanswered) if i.unanswered
            else tr("{n}件（回答済み）").format(n=i.requests))


def _overdue(i: pt.IssueRow, today: str) -> bool:
    return bool(i.due_on) and i.due_on < today and i.stage != "休止・終了"  # type: ignore[operator]  # notr


def _link_html(url: str) -> str:
    url = url.strip()
    if url.startswith(("http://", "https://")):
        safe = html.escape(url, quote=True)
        return f'<a href="{safe}">{safe}</a>'
    return ""


class IssueDialog(QDialog):
    """Add or change an issue, with every field."""

    def __init__(self, worker: DbWorker, issue_id: int | None = None, *, read_only: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.read_only = read_only
        self.saved_id: int | None = None
        today, blocks, partners = worker.call(lambda reg: (
            reg.today(), hh.list_blocks(reg), pt.list_partners(reg, include_retired=True)))
        self.original = worker.call(pt.get_issue, issue_id) if issue_id is not None else pt.IssueData("")
        self.setWindowTitle(self.tr("地域課題を追加") if issue_id is None else self.tr("地域課題"))
        outer = QVBoxLayout(self)
        columns = scrolling_body(outer)
        left = QFormLayout()
        right = QVBoxLayout()
        columns.addLayout(left, 4)
        columns.addSpacing(12)
        columns.addLayout(right, 6)
        o = self.original

        self.title = QLineEdit(o.title)
        self.title.setPlaceholderText(self.tr("例: 通学路の街路灯が暗い"))
        self.category = QComboBox()
        self.category.addItems(list(schema.ISSUE_CATEGORIES))
        self.category.setCurrentText(o.category)
        self.block = QComboBox()
        self.block.addItem(self.tr("（町会全体・班なし）"), None)
        for b in blocks:
            self.block.addItem(b.name, b.id)
        if o.block_id is not None and self.block.findData(o.block_id) < 0:
            self.block.addItem(self.tr("（ほかの班）"), o.block_id)
        self.block.setCurrentIndex(max(self.block.findData(o.block_id), 0))
        self.place = QLineEdit(o.place)
        self.place.setPlaceholderText(self.tr("例: 泉野小学校の北側の交差点"))
        self.reporter = QLineEdit(o.reporter)
        self.reporter.setPlaceholderText(self.tr("例: 3班 班長"))
        self.found_on = WarekiDateEdit(label=self.tr("発見日"), today=today, show_age=False)
        self.found_on.setValue(o.found_on or today.isoformat())
        self.due_on = WarekiDateEdit(label=self.tr("期限"), today=today, show_age=False)
        self.due_on.setValue(o.due_on)
        for label, w in ((self.tr("課題"), self.title), (self.tr("分野"), self.category), (self.tr("班"), self.block),
                         (self.tr("場所"), self.place), (self.tr("報告者"), self.reporter),
                         (self.tr("発見日"), self.found_on), (self.tr("期限（なければ空欄）"), self.due_on)):
            w.setAccessibleName(label.split("（")[0])  # notr — the label without its note in brackets
            left.addRow(label, w)

        right.addWidget(QLabel(self.tr("内容")))
        self.description = QPlainTextEdit(o.description)
        self.description.setTabChangesFocus(True)
        self.description.setAccessibleName(self.tr("内容"))
        self.description.setPlaceholderText(self.tr("何が困っているか、いつから、だれが困っているか"))
        self.description.setFixedHeight(self.fontMetrics().height() * 3 + 16)
        right.addWidget(self.description)
        stage_row = QHBoxLayout()
        stage_row.addWidget(QLabel(self.tr("段階")))
        self.stage = QComboBox()
        self.stage.addItems(list(schema.ISSUE_STAGES))
        self.stage.setCurrentText(o.stage)
        self.stage.setAccessibleName(self.tr("段階"))
        self.stage.setToolTip(self.tr("マッチ箱と同じ段階です: 議論と調査 → 企画と試作中 → 運用中 → 休止・終了"))
        stage_row.addWidget(self.stage, 1)
        right.addLayout(stage_row)
        self.stage_help = note()
        self.stage_help.setAccessibleName(self.tr("段階の説明"))
        right.addWidget(self.stage_help)
        right.addWidget(QLabel(self.tr("次にすること")))
        self.next_action = QPlainTextEdit(o.next_action)
        self.next_action.setTabChangesFocus(True)
        self.next_action.setAccessibleName(self.tr("次にすること"))
        self.next_action.setPlaceholderText(self.tr("例: 11月の役員会で市への要望書を決める"))
        self.next_action.setFixedHeight(self.fontMetrics().height() * 2 + 16)
        right.addWidget(self.next_action)
        right.addWidget(QLabel(self.tr("協力団体")))
        self.partners = CheckGrid(2)
        self.partners.setMinimumWidth(self.fontMetrics().horizontalAdvance("あ") * 32)  # notr
        names = {p.id: p.name + (self.tr("（休止）") if p.retired_on else "") for p in partners
                 if p.retired_on is None or p.id in o.partner_ids}
        self.partner_ids = {n: pid for pid, n in names.items()}
        self.partners.set_items(list(names.values()))
        self.partners.set_checked([names[i] for i in o.partner_ids if i in names])
        if not names:
            right.addWidget(note(self.tr("（協力団体はまだ登録されていません）")))
        scroll = QScrollArea()
        scroll.setWidget(self.partners)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rows = (len(names) + 1) // 2
        line = self.partners.sizeHint().height() // max(rows, 1)
        scroll.setFixedHeight(min(rows, 6) * line + 4)
        right.addWidget(scroll)
        right.addWidget(QLabel(self.tr("マッチ箱などのページ（http:// か https://）")))
        self.url = QLineEdit(o.external_url)
        self.url.setAccessibleName(self.tr("マッチ箱などのページ"))
        self.url.setPlaceholderText("https://")
        right.addWidget(self.url)
        self.link = QLabel()
        self.link.setOpenExternalLinks(True)
        self.link.setTextFormat(Qt.TextFormat.RichText)
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.link.setAccessibleName(self.tr("ページを開く"))
        self.link.setWordWrap(True)
        right.addWidget(self.link)
        right.addStretch(1)

        self.error = error_label()
        outer.addWidget(self.error)
        buttons = QDialogButtonBox()
        if read_only:
            buttons.addButton(QDialogButtonBox.StandardButton.Close).setText(self.tr("閉じる"))
        else:
            buttons.addButton(self.tr("保存する"), QDialogButtonBox.ButtonRole.AcceptRole)
            buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("キャンセル"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)

        self.stage.currentTextChanged.connect(self._stage_changed)
        self.url.textChanged.connect(self._url_changed)
        self._stage_changed(self.stage.currentText())
        self._url_changed(self.url.text())
        if read_only:
            make_read_only(self)
        self.title.setFocus()
        fit_to_screen(self, 1120, 640)

    def _stage_changed(self, stage: str) -> None:
        self.stage_help.setText(tr(STAGE_HELP.get(stage, "")))

    def _url_changed(self, text: str) -> None:
        link = _link_html(text)
        self.link.setText(self.tr("開く: ") + link if link else "")
        self.link.setVisible(bool(link))

    def data(self) -> pt.IssueData:
        return pt.IssueData(
            title=self.title.text(), found_on=self.found_on.value(), description=self.description.toPlainText(),
            category=self.category.currentText(), block_id=self.block.currentData(), place=self.place.text(),
            reporter=self.reporter.text(), stage=self.stage.currentText(), next_action=self.next_action.toPlainText(),
            due_on=self.due_on.value(), external_url=self.url.text(),
            partner_ids=[self.partner_ids[n] for n in self.partners.checked()], id=self.original.id)

    def save(self) -> None:
        if self.read_only:
            self.reject()
            return
        try:
            self.saved_id = self.worker.call(pt.save_issue, self.data())
        except ERRORS as exc:
            show_problem(self.error, exc)
            return
        self.accept()


class CityRequestDialog(QDialog):
    """A new request to the city, or the city's answer to one."""

    def __init__(self, worker: DbWorker, *, issue_id: int | None = None, request: pt.CityRequest | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.issue_id = issue_id
        self.request = request
        today: date = worker.call(lambda reg: reg.today())
        answering = request is not None
        self.setWindowTitle(self.tr("市からの回答を記録") if answering else self.tr("市への要望を記録"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        if request is not None:
            asked = note(self.tr("{0}　{1}\n{2}").format(request.asked_on, request.addressed_to, request.request))
            asked.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(self.tr("要望"), asked)
        self.day = WarekiDateEdit(label=self.tr("回答日") if answering else self.tr("要望日"), today=today,
                                  show_age=False)
        self.day.setValue((request.answered_on if request and request.answered_on else None) or today.isoformat())
        form.addRow(self.tr("回答日") if answering else self.tr("要望日"), self.day)
        self.to = QLineEdit()
        if not answering:
            self.to.setPlaceholderText(self.tr("例: 市 道路管理課"))
            self.to.setAccessibleName(self.tr("宛先"))
            form.addRow(self.tr("宛先"), self.to)
        self.text = QPlainTextEdit(request.answer if request else "")
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(self.tr("回答") if answering else self.tr("内容"))
        self.text.setPlaceholderText(self.tr("例: 来年度に街路灯を1基設置する") if answering
                                     else self.tr("例: 通学路の街路灯の増設をお願いします"))
        self.text.setFixedHeight(self.fontMetrics().height() * 4 + 16)
        form.addRow(self.tr("回答") if answering else self.tr("内容"), self.text)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("記録する"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("キャンセル"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.text if answering else self.to).setFocus()
        self.resize(620, 0)

    def save(self) -> None:
        try:
            if self.request is not None:
                self.worker.call(pt.answer_city_request, self.request.id, self.text.toPlainText(),
                                 answered_on=self.day.value())
            else:
                self.worker.call(pt.add_city_request, self.text.toPlainText(), asked_on=self.day.value(),
                                 addressed_to=self.to.text(), issue_id=self.issue_id)
        except ERRORS as exc:
            show_problem(self.error, exc)
            return
        self.accept()


class IssuesTab(QWidget):
    """地域課題: the issue list with filters, the chosen issue's requests to the city, and the
    households of the area per 年度."""

    def __init__(self, worker: DbWorker) -> None:
        super().__init__()
        self.setStyleSheet(big_checks(self))
        self.worker = worker
        self._today = ""
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("検索:")))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("課題・内容・場所の言葉"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("課題を検索"))
        bar.addWidget(self.search, 2)
        bar.addWidget(QLabel(self.tr("段階:")))
        self.stage = QComboBox()
        self.stage.setAccessibleName(self.tr("段階で絞り込み"))
        self.stage.addItem(self.tr("すべての段階"), ALL_STAGES)
        for s in schema.ISSUE_STAGES:
            self.stage.addItem(tr(s), s)
        bar.addWidget(self.stage)
        self.open_only = QCheckBox(self.tr("終わっていない課題だけ"))
        self.open_only.setChecked(True)
        bar.addWidget(self.open_only)
        layout.addLayout(bar)
        self.model = RowsModel([tr(c) for c in ISSUE_COLUMNS], self._cells, self, warn=lambda i: _overdue(i, self._today),
                               muted=lambda i: i.stage == "休止・終了", tooltip=self._tooltip)  # notr — a stored stage
        self.table = make_table(self.model, (9.5, 4, 6, 5.5, 5.5, 8, 6, 5.5, 7), stretch=5, name=self.tr("地域課題の一覧"))
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.table.activated.connect(lambda _i: self.edit())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.show_requests())
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        min_rows(self.table, 4)
        row = QHBoxLayout()
        self.count = QLabel()
        row.addWidget(self.count, 1)
        self.add_btn = button(self.tr("課題を追加…"), self.add)
        self.edit_btn = button(self.tr("開く・変更…"), self.edit)
        row.addWidget(self.add_btn)
        row.addWidget(self.edit_btn)
        top_layout.addLayout(row)

        bottom = QWidget()
        lower = QHBoxLayout(bottom)
        lower.setContentsMargins(0, 0, 0, 0)
        box = QGroupBox(self.tr("市への要望"))
        bl = QVBoxLayout(box)
        self.requests_title = note()
        bl.addWidget(self.requests_title)
        self.requests = RowsModel((self.tr("要望日"), self.tr("宛先"), self.tr("内容"), self.tr("回答日"), self.tr("回答")),
                                  lambda r: (r.asked_on, r.addressed_to, r.request.replace("\n", " "),
                                             r.answered_on or self.tr("未回答"), r.answer.replace("\n", " ")),
                                  self, warn=lambda r: r.answered_on is None)
        self.requests_table = make_table(self.requests, (6, 6, 10, 5, 8), stretch=4, name=self.tr("市への要望"))
        self.requests_table.activated.connect(lambda _i: self.answer_request())
        bl.addWidget(self.requests_table, 1)
        rb = QHBoxLayout()
        rb.addStretch(1)
        self.request_btn = button(self.tr("要望を追加…"), self.add_request)
        self.answer_btn = button(self.tr("回答を記録…"), self.answer_request)
        rb.addWidget(self.request_btn)
        rb.addWidget(self.answer_btn)
        bl.addLayout(rb)
        lower.addWidget(box, 3)

        box = QGroupBox(self.tr("区域内の世帯数（加入率のため）"))
        al = QVBoxLayout(box)
        self.area = RowsModel((self.tr("年度"), self.tr("世帯数")),
                              lambda a: (fiscal_year_label(a[0]), self.tr("{n}世帯").format(n=f"{a[1]:,}")), self,
                              numeric=(1,))
        self.area_table = make_table(self.area, (6, 5), stretch=1, name=self.tr("区域内の世帯数"))
        self.area_table.setMinimumHeight(self.area_table.verticalHeader().defaultSectionSize() * 3)
        al.addWidget(self.area_table, 1)
        form = QGridLayout()
        self.area_year = QSpinBox()
        self.area_year.setRange(1989, 2200)
        self.area_year.setSuffix(self.tr("年度"))
        self.area_year.setAccessibleName(self.tr("年度"))
        self.area_year_label = QLabel()
        self.area_year.valueChanged.connect(lambda y: self.area_year_label.setText(fiscal_year_label(y)))
        self.area_count = QSpinBox()
        self.area_count.setRange(0, 9_999_999)
        self.area_count.setGroupSeparatorShown(True)
        self.area_count.setSuffix(self.tr(" 世帯"))
        self.area_count.setAccessibleName(self.tr("区域内の世帯数"))
        self.area_source = QLineEdit()
        self.area_source.setPlaceholderText(self.tr("例: 市の住民基本台帳"))
        self.area_source.setAccessibleName(self.tr("出典"))
        self.area_btn = button(self.tr("記録する"), self.save_area)
        form.addWidget(QLabel(self.tr("年度")), 0, 0)
        form.addWidget(self.area_year, 0, 1)
        form.addWidget(self.area_year_label, 0, 2)
        form.addWidget(QLabel(self.tr("世帯数")), 1, 0)
        form.addWidget(self.area_count, 1, 1)
        form.addWidget(QLabel(self.tr("出典")), 2, 0)
        form.addWidget(self.area_source, 2, 1, 1, 2)
        form.addWidget(self.area_btn, 3, 2)  # below the last field: fill in, then record (Tab order = reading order)
        form.setColumnStretch(1, 1)
        al.addLayout(form)
        self.area_status = note()
        al.addWidget(self.area_status)
        lower.addWidget(box, 2)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(scrolling(bottom))
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([560, 340])
        layout.addWidget(self.splitter, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.load_issues)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.stage.currentIndexChanged.connect(lambda _i: self.load_issues())
        self.open_only.toggled.connect(lambda _on: self.load_issues())
        shortcut(self, QKeySequence.StandardKey.New, self.add)
        shortcut(self, QKeySequence.StandardKey.Find, self.search.setFocus)

    def _cells(self, i: pt.IssueRow) -> tuple[Any, ...]:
        due = i.due_on or ""
        if _overdue(i, self._today):
            due = f"⚠ {due}"
        return (i.title, i.category, _place(i), i.found_on, tr(i.stage), i.next_action.replace("\n", " "), due,
                i.partners, _requests(i))

    def _tooltip(self, i: pt.IssueRow, col: int) -> str | None:
        if col == 6 and _overdue(i, self._today):
            return self.tr("期限（{0}）を過ぎています").format(i.due_on)
        if col == 4:
            help_text = STAGE_HELP.get(i.stage)
            return tr(help_text) if help_text else None
        return None

    # -- data -----------------------------------------------------------------------------------

    def refresh(self) -> None:
        writable = can(self.worker, "activity.write")
        area_ok = can(self.worker, "association.write")
        self.add_btn.setEnabled(writable)
        self.edit_btn.setText(self.tr("開く・変更…") if writable else self.tr("開く…"))
        for w in (self.area_year, self.area_count, self.area_source, self.area_btn):
            w.setEnabled(area_ok)
        self.area_btn.setToolTip("" if area_ok else self.tr("区域内の世帯数を記録するには、町会の情報を変更する権限（管理者）が必要です"))
        today, area = self.worker.call(lambda reg: (reg.today(), pt.area_households(reg)))
        self._today = today.isoformat()
        start = int(self.worker.call(hh.get_association).get("fiscal_year_start_month") or 4)
        if not area_ok or self.area_count.value() == 0:
            fy = fiscal_year(today, start)
            self.area_year.setValue(fy)
            self.area_count.setValue(area.get(fy, 0))
        self.area.set_rows(sorted(area.items(), reverse=True))
        if not area_ok:
            self.area_status.setText(self.tr("世帯数の記録は管理者ができます。"))
        self.load_issues()

    def load_issues(self, keep: int | None = None) -> None:
        self._timer.stop()  # a search typed just before is included now
        if self.worker.register is None:
            return
        current = selected_row(self.table)
        keep = keep if keep is not None else (current.id if current is not None else None)
        stage = self.stage.currentData() or None
        open_only, text = self.open_only.isChecked(), self.search.text()
        rows = self.worker.call(lambda reg: pt.list_issues(reg, stage=stage, open_only=open_only, text=text))
        self.model.set_rows(rows)
        late = sum(1 for r in rows if _overdue(r, self._today))
        self.count.setText(self.tr("{0}件").format(len(rows)) + (self.tr("（⚠ 期限切れ {0}件）").format(late) if late else ""))
        if keep is not None:
            select_where(self.table, lambda r: r.id == keep)
        if selected_row(self.table) is None and rows:
            self.table.selectRow(0)
        self.show_requests()

    def show_requests(self) -> None:
        issue = selected_row(self.table)
        writable = can(self.worker, "activity.write")
        self.edit_btn.setEnabled(issue is not None)
        self.request_btn.setEnabled(writable and issue is not None)
        self.answer_btn.setEnabled(writable and issue is not None)
        if issue is None:
            self.requests_title.setText(self.tr("課題を選ぶと、その課題で市に出した要望が出ます。"))
            self.requests.set_rows([])
            return
        self.requests_title.setText(self.tr("「{0}」について市に出した要望").format(issue.title))
        self.requests.set_rows(self.worker.call(pt.list_city_requests, issue.id))

    # -- actions --------------------------------------------------------------------------------

    def add(self) -> None:
        if not can(self.worker, "activity.write"):
            return
        dialog = IssueDialog(self.worker, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.load_issues(keep=dialog.saved_id)

    def edit(self) -> None:
        issue = selected_row(self.table)
        if issue is None:
            return
        dialog = IssueDialog(self.worker, issue.id, read_only=not can(self.worker, "activity.write"), parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.load_issues(keep=issue.id)

    def add_request(self) -> None:
        issue = selected_row(self.table)
        if issue is None or not can(self.worker, "activity.write"):
            return
        dialog = CityRequestDialog(self.worker, issue_id=issue.id, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.load_issues(keep=issue.id)

    def answer_request(self) -> None:
        issue = selected_row(self.table)
        request = selected_row(self.requests_table)
        if issue is None or not can(self.worker, "activity.write"):
            return
        if request is None:
            dialogs.show_info(self, self.tr("市からの回答"), self.tr("「市への要望」の一覧から要望を選んでください。"))
            return
        dialog = CityRequestDialog(self.worker, request=request, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.load_issues(keep=issue.id)
            select_where(self.requests_table, lambda r: r.id == request.id)

    def save_area(self) -> None:
        year, n = self.area_year.value(), self.area_count.value()
        try:
            self.worker.call(pt.set_area_households, year, n, self.area_source.text())
        except ERRORS as exc:
            self.area_status.setStyleSheet("color: #b00020; font-weight: bold;")
            show_problem(self.area_status, exc)
            return
        self.area_status.setStyleSheet("")
        self.area_status.setText(self.tr("{0}の区域内の世帯数を{1:,}世帯にしました。").format(fiscal_year_label(year), n))
        self.area.set_rows(sorted(self.worker.call(pt.area_households).items(), reverse=True))
