"""班長用シート in the program: make one for a 班, and take one back (choose per conflict)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.export.hancho_sheet import HanchoReturn, apply_hancho_changes
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.ui.i18n import tr
from kyodo_desktop.ui.worker import DbWorker


class HanchoReturnDialog(QDialog):
    """The 班長's changes, ticked unless the register changed the same field meanwhile."""

    def __init__(self, worker: DbWorker, ret: HanchoReturn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.ret = ret
        self.applied: int | None = None
        self.setWindowTitle(self.tr("班長用シートの取り込み — {0}").format(ret.block))
        layout = QVBoxLayout(self)
        conflicts = sum(c.conflict for c in ret.changes)
        intro = QLabel(self.tr(
            "班長が直したところです。「名簿のいま」が「書き出したとき」と違う行は、書き出した後に名簿でも変更されたものです"
            "（食い違い: {0}件）。取り込むものにチェックをつけてください。").format(conflicts))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(ret.changes), 6)
        self.table.setHorizontalHeaderLabels([self.tr("取り込む"), self.tr("人"), self.tr("項目"), self.tr("書き出したとき"),
                                              self.tr("班長の記入"), self.tr("名簿のいま")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for r, c in enumerate(ret.changes):
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            tick.setCheckState(Qt.CheckState.Unchecked if c.conflict else Qt.CheckState.Checked)
            self.table.setItem(r, 0, tick)
            empty = self.tr("（空）")
            for col, text in enumerate((c.name, c.label, c.exported or empty, c.sheet or empty,
                                        (c.register or empty) + (self.tr("　⚠ 食い違い") if c.conflict else "")), start=1):
                self.table.setItem(r, col, QTableWidgetItem(text))
        layout.addWidget(self.table, 2)
        layout.addWidget(QLabel(self.tr("新しく書き足された人: {0}人（取り込むと新しい世帯になります）").format(len(ret.new_rows))))
        layout.addWidget(QLabel(self.tr("退会・転出の確認（名簿からは消しません。世帯の編集で記録してください）")))
        self.confirm = QListWidget()
        for _u, name, why in ret.to_confirm:
            self.confirm.addItem(self.tr("{0}（{1}）").format(name, why))
        for line in ret.messages:
            self.confirm.addItem("⚠ " + line)
        layout.addWidget(self.confirm, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("チェックしたものを取り込む"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("やめる"))
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1000, 640)

    def accepted_rows(self) -> set[int]:
        return {r for r in range(self.table.rowCount()) if self.table.item(r, 0).checkState() == Qt.CheckState.Checked}

    def apply(self) -> None:
        accept = self.accepted_rows()
        try:
            self.applied = self.worker.call_responsive(apply_hancho_changes, self.ret, accept=accept)
        except (RegisterError, ValueError) as exc:  # ValidationError(s) too: nothing was written
            self.status.setText("⚠ " + str(exc))
            return
        self.accept()


def choose_file(parent: QWidget) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    chosen, _ = QFileDialog.getOpenFileName(parent, tr("班長用シート"), str(Path.home()), "Excel (*.xlsx)")
    return Path(chosen) if chosen else None
