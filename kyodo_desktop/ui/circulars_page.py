"""回覧: the circulars sent round, which 班 have returned theirs, and a new one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.models.circulars import CircularRecord, list_circulars, mark_returned
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.ui.worker import DbWorker


class CircularsPage(QWidget):
    def __init__(self, worker: DbWorker, new_circular: Callable[[], None]) -> None:
        super().__init__()
        self.worker = worker
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("回覧"))
        f = title.font()
        f.setPointSizeF(f.pointSizeF() * 1.4)
        f.setBold(True)
        title.setFont(f)
        layout.addWidget(title)
        row = QHBoxLayout()
        new = QPushButton(self.tr("新しい回覧を印刷…"))
        new.clicked.connect(new_circular)
        self.returned_btn = QPushButton(self.tr("班から戻ったことを記録…"))
        self.returned_btn.clicked.connect(self.record_return)
        row.addWidget(new)
        row.addWidget(self.returned_btn)
        row.addStretch(1)
        layout.addLayout(row)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("題名"), self.tr("発行日"), self.tr("班長へ戻す日"),
                                              self.tr("戻った班"), self.tr("まだ戻っていない班")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.status = QLabel()
        layout.addWidget(self.status)
        self.records: list[CircularRecord] = []

    def refresh(self) -> None:
        self.records = self.worker.call(list_circulars)
        today = self.worker.call(lambda reg: reg.today())
        self.table.setRowCount(len(self.records))
        for r, rec in enumerate(self.records):
            back = sum(1 for b in rec.blocks if b.returned_on)
            missing = [b.block for b in rec.blocks if not b.returned_on]
            late = self.tr("（期限を過ぎています）") if rec.late(today) else ""
            for c, text in enumerate((rec.title, rec.issued_on, rec.due_on or "", f"{back} / {len(rec.blocks)}",
                                      self.tr("・").join(missing) + late)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.status.setText(self.tr("{0}件").format(len(self.records)))

    def record_return(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            self.status.setText(self.tr("⚠ 回覧を選んでください。"))
            return
        rec = self.records[row]
        waiting = [b for b in rec.blocks if not b.returned_on]
        if not waiting:
            self.status.setText(self.tr("この回覧はすべての班から戻っています。"))
            return
        name, ok = QInputDialog.getItem(self, self.tr("回覧の返却"), self.tr("戻ってきた班"),
                                        [b.block for b in waiting], 0, False)
        if not ok:
            return
        block = next(b for b in waiting if b.block == name)
        try:
            self.worker.call(mark_returned, rec.id, block.block_id)
        except RegisterError as exc:
            self.status.setText("⚠ " + str(exc))
            return
        self.refresh()
