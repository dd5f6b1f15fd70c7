"""同意と要配慮個人情報 of one household: shown and recorded from the household editor.
Each answer is saved at once, as its own dated record (the history stays)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.models import privacy, schema
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.households import HouseholdData
from kyodo_desktop.models.validation import ValidationError
from kyodo_desktop.ui.wareki_edit import WarekiDateEdit

Call = Callable[..., Any]  # worker.call


class PrivacyDialog(QDialog):
    def __init__(self, household: HouseholdData, call: Call, *, can_write: bool, can_sensitive: bool,
                 can_write_sensitive: bool, today: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.household = household
        self.call = call
        self.today = today
        self.setWindowTitle(self.tr("同意と要配慮個人情報"))
        layout = QVBoxLayout(self)
        note = QLabel(self.tr(
            "名簿の配布や回覧など、役員の内部利用を超えて使うには、本人（または世帯）の同意が必要です。"
            "ここでの記録はすぐに保存され、履歴が残ります。"))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.subject = QComboBox()
        self.subject.setAccessibleName(self.tr("対象"))
        self.subject.addItem(self.tr("世帯全体"), ("household", household.id))
        for p in household.persons:
            if p.id is not None:
                self.subject.addItem(f"{p.family_name} {p.given_name}".strip(), ("person", p.id))
        self.subject.currentIndexChanged.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("対象")))
        top.addWidget(self.subject, 1)
        layout.addLayout(top)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        consent_tab = QWidget()
        cl = QVBoxLayout(consent_tab)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("目的"), self.tr("いまの状態"), self.tr("日付"), self.tr("方法")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        cl.addWidget(self.table)
        form = QFormLayout()
        self.date = WarekiDateEdit(label=self.tr("日付"), today=today, show_age=False)
        self.date.setValue(today.isoformat())
        self.date.setAccessibleName(self.tr("同意日"))
        self.method = QComboBox()
        self.method.addItems(list(schema.CONSENT_METHODS))
        self.form_version = QLineEdit()
        self.form_version.setPlaceholderText(self.tr("例: 令和8年度 名簿調査票"))
        form.addRow(self.tr("日付"), self.date)
        form.addRow(self.tr("方法"), self.method)
        form.addRow(self.tr("様式"), self.form_version)
        cl.addLayout(form)
        row = QHBoxLayout()
        self.grant_btn = QPushButton(self.tr("同意を記録"))
        self.refuse_btn = QPushButton(self.tr("不同意を記録"))
        self.withdraw_btn = QPushButton(self.tr("撤回を記録"))
        for b in (self.grant_btn, self.refuse_btn, self.withdraw_btn):
            b.setEnabled(can_write)
            row.addWidget(b)
        self.grant_btn.clicked.connect(lambda: self._record(True))
        self.refuse_btn.clicked.connect(lambda: self._record(False))
        self.withdraw_btn.clicked.connect(self._withdraw)
        cl.addLayout(row)
        self.tabs.addTab(consent_tab, self.tr("同意"))

        self.sensitive_table: QTableWidget | None = None
        if can_sensitive:
            st = QWidget()
            sl = QVBoxLayout(st)
            warn = QLabel(self.tr("要配慮個人情報（健康・障害など）は、本人の同意を得て、必要なものだけを記録します。"
                                  "見た記録も残ります。一般の名簿や出力には含まれません。"))
            warn.setWordWrap(True)
            sl.addWidget(warn)
            self.sensitive_table = QTableWidget(0, 3)
            self.sensitive_table.setHorizontalHeaderLabels([self.tr("種類"), self.tr("内容"), self.tr("本人の同意日")])
            self.sensitive_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
            self.sensitive_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            sl.addWidget(self.sensitive_table)
            sf = QFormLayout()
            self.kind = QComboBox()
            self.kind.addItems(list(schema.SENSITIVE_KINDS))
            self.detail = QLineEdit()
            self.sensitive_date = WarekiDateEdit(label=self.tr("本人の同意日"), today=today, show_age=False)
            sf.addRow(self.tr("種類"), self.kind)
            sf.addRow(self.tr("内容"), self.detail)
            sf.addRow(self.tr("本人の同意日"), self.sensitive_date)
            sl.addLayout(sf)
            add = QPushButton(self.tr("記録する"))
            add.setEnabled(can_write_sensitive)
            add.clicked.connect(self._add_sensitive)
            sl.addWidget(add)
            self.sensitive_tab = st
            self.tabs.addTab(st, self.tr("要配慮個人情報"))
            self.tabs.currentChanged.connect(lambda _i: self._refresh_sensitive())
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("閉じる"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 620)
        self.refresh()

    def _subject(self) -> dict[str, int]:
        kind, ident = self.subject.currentData()
        return {"person_id": ident} if kind == "person" else {"household_id": ident}

    def refresh(self) -> None:
        current = self.call(privacy.current_consents, self.household.id)
        subject = self._subject()
        person = subject.get("person_id")
        self.table.setRowCount(len(schema.CONSENT_PURPOSES))
        self._current: dict[str, privacy.Consent | None] = {}
        for r, purpose in enumerate(schema.CONSENT_PURPOSES):
            own = current.get((purpose, person)) if person is not None else current.get((purpose, None))
            inherited = current.get((purpose, None)) if person is not None and own is None else None
            c = own or inherited
            self._current[purpose] = own
            if c is None:
                state = self.tr("未確認")
            elif c.withdrawn_on:
                state = self.tr("撤回（{0}）").format(c.withdrawn_on)
            else:
                state = self.tr("同意") if c.granted else self.tr("不同意")
            if inherited is not None:
                state += self.tr("（世帯の記録）")
            cells = (schema.PURPOSES[purpose], state, (c.granted_on or "") if c else "", c.method if c else "")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(256, purpose)
                self.table.setItem(r, col, item)
        if self.table.currentRow() < 0:
            self.table.selectRow(0)
        if self.sensitive_table is not None and self.tabs.currentWidget() is self.sensitive_tab:
            self._refresh_sensitive()

    def _purpose(self) -> str | None:
        row = self.table.currentRow()
        return schema.CONSENT_PURPOSES[row] if row >= 0 else None

    def _record(self, granted: bool) -> None:
        purpose = self._purpose()
        if purpose is None:
            return
        day = self.date.value()
        try:
            self.call(privacy.set_consent, purpose=purpose, granted=granted, granted_on=day,
                      method=self.method.currentText(), form_version=self.form_version.text(), **self._subject())
        except (RegisterError, ValidationError) as exc:
            self.status.setText("⚠ " + str(exc))
            return
        self.status.setText(self.tr("記録しました。"))
        self.refresh()

    def _withdraw(self) -> None:
        purpose = self._purpose()
        c = self._current.get(purpose) if purpose else None
        if c is None or not c.granted or c.withdrawn_on:
            self.status.setText(self.tr("⚠ 撤回できる同意がありません（世帯の記録は「世帯全体」で撤回します）。"))
            return
        day = self.date.value()
        try:
            self.call(privacy.withdraw_consent, c.id, day or self.today)
        except (RegisterError, ValidationError) as exc:
            self.status.setText("⚠ " + str(exc))
            return
        self.status.setText(self.tr("撤回を記録しました。"))
        self.refresh()

    def _refresh_sensitive(self) -> None:
        if self.sensitive_table is None:
            return
        person = self._subject().get("person_id")
        self.sensitive_table.setRowCount(0)
        if person is None:
            self.status.setText(self.tr("要配慮個人情報は人ごとに記録します。上で人を選んでください。"))
            return
        try:
            records = self.call(privacy.list_sensitive, person)
        except RegisterError as exc:
            self.status.setText("⚠ " + str(exc))
            return
        self.sensitive_table.setRowCount(len(records))
        for r, rec in enumerate(records):
            for col, text in enumerate((rec.kind, rec.detail, rec.consent_on or "")):
                self.sensitive_table.setItem(r, col, QTableWidgetItem(text))

    def _add_sensitive(self) -> None:
        person = self._subject().get("person_id")
        if person is None:
            self.status.setText(self.tr("⚠ 人を選んでください。"))
            return
        day = self.sensitive_date.value()
        try:
            self.call(privacy.add_sensitive, person, self.kind.currentText(), self.detail.text(), day)
        except (RegisterError, ValidationError) as exc:
            self.status.setText("⚠ " + str(exc))
            return
        self.detail.clear()
        self.status.setText(self.tr("記録しました。"))
        self._refresh_sensitive()
