"""「名簿を書き出す」: purpose, order, one sheet or one per 班, Excel or CSV. Thin over export/."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.models import schema
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.ui.worker import DbWorker


class ExportDialog(QDialog):
    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.setWindowTitle(self.tr("名簿を書き出す"))
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("目的を選んでください。役員の内部利用以外では、その目的に同意した人だけが載ります。"))
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.purpose = QComboBox()
        for key in schema.OUTPUT_PURPOSES:
            label = schema.PURPOSES[key]
            self.purpose.addItem(label, key)
        self.order = QComboBox()
        self.order.addItem(self.tr("回覧順（班ごと）"), "circulation")
        self.order.addItem(self.tr("五十音順"), "gojuon")
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Excel（印刷向け）"), "xlsx")
        self.kind.addItem(self.tr("CSV（UTF-8）"), "utf-8-sig")
        self.kind.addItem(self.tr("CSV（Shift_JIS、古いソフト向け）"), "cp932")
        self.per_block = QCheckBox(self.tr("班ごとにシートを分ける"))
        self.seireki = QCheckBox(self.tr("日付を西暦で書く"))
        self.with_ids = QCheckBox(self.tr("あとで取り込み直せるよう、協働デスクIDの列をつける"))
        form.addRow(self.tr("目的"), self.purpose)
        form.addRow(self.tr("並び順"), self.order)
        form.addRow(self.tr("形式"), self.kind)
        form.addRow("", self.per_block)
        form.addRow("", self.seireki)
        form.addRow("", self.with_ids)
        layout.addLayout(form)
        from kyodo_desktop.export.register_xlsx import COLUMNS, DEFAULT_COLUMNS

        layout.addWidget(QLabel(self.tr("載せる列")))
        self.columns = QListWidget()
        for key, (header, _f) in COLUMNS.items():
            if key == "id":
                continue
            item = QListWidgetItem(header)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in DEFAULT_COLUMNS else Qt.CheckState.Unchecked)
            self.columns.addItem(item)
        layout.addWidget(self.columns)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存先を選んで書き出す…"))
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def export(self, target: Path | None = None) -> None:
        from kyodo_desktop.export.register_xlsx import (
            DEFAULT_COLUMNS,
            write_register_csv,
            write_register_xlsx,
        )

        kind = self.kind.currentData()
        suffix = ".xlsx" if kind == "xlsx" else ".csv"
        if target is None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("書き出し先"), self.tr("名簿{0}").format(suffix), f"*{suffix}")
            if not chosen:
                return
            target = Path(chosen)
        columns = tuple(self.columns.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.columns.count())
                        if self.columns.item(i).checkState() == Qt.CheckState.Checked) or DEFAULT_COLUMNS
        if self.with_ids.isChecked():  # the ids a re-import needs, added to the officer's own choice
            columns = ("id", *(() if "household_no" in columns else ("household_no",)), *columns)
        options = {"purpose": self.purpose.currentData(), "columns": columns, "order": self.order.currentData(),
                   "wareki": not self.seireki.isChecked()}
        try:
            if kind == "xlsx":
                result = self.worker.call_responsive(write_register_xlsx, target, per_block=self.per_block.isChecked(),
                                                     **options)
            else:
                result = self.worker.call_responsive(write_register_csv, target, encoding=kind, **options)
        except (RegisterError, OSError) as exc:
            self.status.setText("⚠ " + str(exc))
            return
        left = self.tr("（同意のない {0}人は載せていません）").format(result.left_out) if result.left_out else ""
        self.status.setText(self.tr("書き出しました: {0}（{1}世帯・{2}人）{3}").format(
            result.path, result.households, result.persons, left))
