"""「Excelから取り込む」: choose a file, confirm the columns, look at what would change, tick and
apply. Thin: reading, planning and applying are models/importing; they run on the database thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.importing import plan as planning
from kyodo_desktop.models.importing.reader import read_file
from kyodo_desktop.models.importing.table import (
    FIELD_LABELS,
    Table,
    cell_text,
    column_key,
    find_table,
    fold_header,
)
from kyodo_desktop.ui import dialogs
from kyodo_desktop.ui.i18n import tr
from kyodo_desktop.ui.worker import DbWorker

KIND_LABELS = {"new": QT_TRANSLATE_NOOP("", "新規"), "changed": QT_TRANSLATE_NOOP("", "変更"),
               "unchanged": QT_TRANSLATE_NOOP("", "変更なし"), "conflict": QT_TRANSLATE_NOOP("", "要確認"),
               "error": QT_TRANSLATE_NOOP("", "エラー")}
FILTER = QT_TRANSLATE_NOOP("", "名簿のファイル (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;すべてのファイル (*)")


def _tables(_reg: Any, path: Path) -> list[Table]:
    return [t for s in read_file(path) if (t := find_table(s.name, s.rows)) is not None]


class ImportWizard(QDialog):
    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.path: Path | None = None
        self.tables: list[Table] = []
        self.plan: planning.ImportPlan | None = None
        self.result: planning.ImportResult | None = None
        self.setWindowTitle(self.tr("Excel・CSVの名簿を取り込む"))
        layout = QVBoxLayout(self)
        self.step = QLabel()
        f = self.step.font()
        f.setPointSizeF(f.pointSizeF() * 1.3)
        f.setBold(True)
        self.step.setFont(f)
        layout.addWidget(self.step)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._columns_page())
        self.pages.addWidget(self._preview_page())
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.back_btn = QPushButton(self.tr("戻る"))
        self.next_btn = QPushButton(self.tr("次へ"))
        self.cancel_btn = QPushButton(self.tr("やめる"))
        self.back_btn.clicked.connect(self.back)
        self.next_btn.clicked.connect(self.next)
        self.cancel_btn.clicked.connect(self.reject)
        row.addWidget(self.cancel_btn)
        row.addStretch(1)
        row.addWidget(self.back_btn)
        row.addWidget(self.next_btn)
        layout.addLayout(row)
        self.resize(1100, 720)
        self._show(0)

    # -- pages -----------------------------------------------------------------------------------

    def _file_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(self.tr(
            "いままでExcelなどで作ってきた名簿を取り込みます。班ごとのシート、表の上の題名、"
            "合計の行などはそのままで大丈夫です。取り込む前に、何が追加・変更されるかを確かめられます。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        choose = QPushButton(self.tr("ファイルを選ぶ…"))
        choose.setMinimumHeight(48)
        choose.clicked.connect(self.choose_file)
        layout.addWidget(choose)
        self.file_label = QLabel(self.tr("（まだ選んでいません）"))
        layout.addWidget(self.file_label)
        prof = QHBoxLayout()
        prof.addWidget(QLabel(self.tr("列の設定")))
        self.profile = QComboBox()
        self.profile.addItem(self.tr("見出しから自動で判断する"), "")
        for name in worker_profiles(self.worker):
            self.profile.addItem(self.tr("保存した設定: {0}").format(name), name)
        prof.addWidget(self.profile, 1)
        layout.addLayout(prof)
        layout.addStretch(1)
        return page

    def _columns_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        note = QLabel(self.tr("見出しごとに、名簿のどの項目として取り込むかを確かめてください。違っていたら選び直します。"))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.columns = QTableWidget(0, 4)
        self.columns.setHorizontalHeaderLabels([self.tr("シート"), self.tr("見出し"), self.tr("1行目の値"),
                                                self.tr("取り込む項目")])
        self.columns.verticalHeader().setVisible(False)
        self.columns.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        em = self.fontMetrics().horizontalAdvance("あ")  # notr
        self.columns.setColumnWidth(1, em * 10)
        self.columns.setColumnWidth(3, em * 12)
        layout.addWidget(self.columns, 1)
        save = QHBoxLayout()
        save.addWidget(QLabel(self.tr("この設定を名前をつけて保存（次回用）")))
        self.profile_name = QLineEdit()
        self.profile_name.setPlaceholderText(self.tr("例: 令和7年度の名簿"))
        save.addWidget(self.profile_name, 1)
        save_btn = QPushButton(self.tr("保存"))
        save_btn.clicked.connect(self.save_profile)
        save.addWidget(save_btn)
        layout.addLayout(save)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.preview = QTableWidget(0, 6)
        self.preview.setHorizontalHeaderLabels([self.tr("取り込む"), self.tr("種類"), self.tr("班"), self.tr("世帯主"),
                                                self.tr("人数"), self.tr("内容・注意（シート・行）")])
        self.preview.verticalHeader().setVisible(False)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.preview, 2)
        layout.addWidget(QLabel(self.tr("読めなかった値・お知らせ")))
        self.messages = QListWidget()
        layout.addWidget(self.messages, 1)
        return page

    # -- flow ------------------------------------------------------------------------------------

    def _show(self, n: int) -> None:
        self.pages.setCurrentIndex(n)
        self.step.setText([self.tr("1. ファイルを選ぶ"), self.tr("2. 列を確かめる"), self.tr("3. 取り込む内容を確かめる")][n])
        self.back_btn.setEnabled(n > 0)
        self.next_btn.setText(self.tr("取り込む") if n == 2 else self.tr("次へ"))
        self.status.clear()

    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("取り込む名簿"), str(Path.home()), tr(FILTER))
        if chosen:
            self.set_file(Path(chosen))

    def set_file(self, path: Path) -> None:
        self.path = path
        self.file_label.setText(str(path))

    def back(self) -> None:
        self._show(max(0, self.pages.currentIndex() - 1))

    def next(self) -> None:
        page = self.pages.currentIndex()
        try:
            if page == 0:
                self._read()
            elif page == 1:
                self._plan()
            else:
                self._apply()
        except (RegisterError, ValueError) as exc:
            self.status.setText("⚠ " + str(exc))

    def _read(self) -> None:
        if self.path is None:
            self.status.setText(self.tr("⚠ ファイルを選んでください。"))
            return
        self.tables = self.worker.call_responsive(_tables, self.path)
        if not self.tables:
            raise RegisterError(self.tr("表の見出し（氏名・住所・電話など）が見つかりません。"))
        saved = {}
        if self.profile.currentData():
            saved = self.worker.call(planning.get_profile, self.profile.currentData())
        self.columns.setRowCount(0)
        for t in self.tables:
            first = t.rows[0][1] if t.rows else []
            for col, header in enumerate(t.headers):
                if not header and not any(cell_text(row[col]) for _n, row in t.rows[:200] if col < len(row)):
                    continue
                header = header or self.tr("（見出しなし・{0}列目）").format(col + 1)
                r = self.columns.rowCount()
                self.columns.insertRow(r)
                sheet_item = QTableWidgetItem(t.sheet)
                sheet_item.setData(Qt.ItemDataRole.UserRole, column_key(t.sheet, col))
                self.columns.setItem(r, 0, sheet_item)
                self.columns.setItem(r, 1, QTableWidgetItem(header))
                self.columns.setItem(r, 2, QTableWidgetItem(cell_text(first[col]) if col < len(first) else ""))
                combo = QComboBox()
                combo.setAccessibleName(self.tr("{0} の項目").format(header))
                for key, label in FIELD_LABELS.items():
                    combo.addItem(label, key)
                current = saved.get(fold_header(header), t.columns.get(col, ""))
                if current.startswith("member:"):
                    combo.addItem(self.tr("世帯員 {0}（{1}）").format(current.split(":")[1], current.split(":")[2]), current)
                combo.setCurrentIndex(max(combo.findData(current), 0))
                self.columns.setCellWidget(r, 3, combo)
        self._show(1)

    def mapping(self) -> dict[str, str]:
        """The officer's choice for exactly each column (two 「電話」 columns can differ)."""
        out = {}
        for r in range(self.columns.rowCount()):
            combo = self.columns.cellWidget(r, 3)
            out[self.columns.item(r, 0).data(Qt.ItemDataRole.UserRole)] = combo.currentData()
        return out

    def header_mapping(self) -> dict[str, str]:
        """The same by header text, to keep as a profile for next year's file."""
        return {self.columns.item(r, 1).text(): self.columns.cellWidget(r, 3).currentData()
                for r in range(self.columns.rowCount())}

    def save_profile(self) -> None:
        try:
            self.worker.call(planning.save_profile, self.profile_name.text(), self.header_mapping())
        except RegisterError as exc:
            self.status.setText("⚠ " + str(exc))
            return
        self.status.setText(self.tr("設定「{0}」を保存しました。").format(self.profile_name.text()))

    def _plan(self) -> None:
        assert self.path is not None
        mapping = self.mapping()
        self.plan = self.worker.call_with_progress(
            lambda reg, progress: planning.plan_import(reg, self.path, mapping=mapping, progress=progress),
            label=self.tr("名簿を読んでいます…"), parent=self)
        p = self.plan
        s = p.summary()
        c = s["households"]
        text = self.tr("新規 {0}世帯・変更 {1}・変更なし {2}・要確認 {3}。合計行など {4}行は取り込みません。").format(
            c["new"], c["changed"], c["unchanged"], c["conflict"], s["skipped_rows"])
        if p.block_from_sheet:
            text += self.tr("\n班の列がないため、シート名を班の名前にします: {0}").format(self.tr("・").join(p.block_from_sheet))
        if p.missing:
            text += self.tr("\n⚠ 見つからない列: {0}（戻って選んでください）").format("、".join(p.missing))
        self.summary.setText(text)
        self.preview.setRowCount(len(p.households))
        bad_rows = {(m.sheet, m.row) for m in p.errors}
        for r, h in enumerate(p.households):
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            wanted = h.kind in ("new", "changed") and not any((h.sheet, n) in bad_rows for n in h.rows)
            tick.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
            self.preview.setItem(r, 0, tick)
            head = h.data.persons[h.data.head_index]
            detail = self.tr("、").join(self.tr("{0}: {1} → {2}").format(what, old or self.tr("（空）"), new)
                                        for what, old, new in h.changes[:4]) or h.note
            where = self.tr("（{0} {1}行目）").format(h.sheet, ",".join(str(x) for x in h.rows[:3]))
            for col, text_ in enumerate((tr(KIND_LABELS[h.kind]), h.block, head.full_name, str(len(h.data.persons)),
                                         detail + where), start=1):
                self.preview.setItem(r, col, QTableWidgetItem(text_))
        self.messages.clear()
        for m in p.messages:
            item = QListWidgetItem(("⚠ " if m.error else "") + str(m))
            if m.error:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.messages.addItem(item)
        self._show(2)
        if p.errors:
            self.status.setText(self.tr("⚠ 読めなかった値がある行は、直してから取り込むか、チェックを外してください。"))

    def chosen(self) -> set[int]:
        return {r for r in range(self.preview.rowCount())
                if self.preview.item(r, 0).checkState() == Qt.CheckState.Checked}

    def _apply(self) -> None:
        assert self.plan is not None
        include = self.chosen()
        if not include:
            self.status.setText(self.tr("⚠ 取り込む世帯にチェックをつけてください。"))
            return
        bad_rows = {(m.sheet, m.row) for m in self.plan.errors}
        if any((self.plan.households[i].sheet, n) in bad_rows for i in include for n in self.plan.households[i].rows):
            self.status.setText(self.tr("⚠ 読めなかった値のある行が選ばれています。チェックを外すか、ファイルを直してください。"))
            return
        if not dialogs.confirm(self, self.tr("取り込み"), self.tr(
                "{0}世帯を取り込みます。取り込む前に自動でバックアップを作ります。").format(len(include)),
                yes=self.tr("取り込む"), no=self.tr("やめる")):
            return
        plan = self.plan
        self.result = self.worker.call_with_progress(
            lambda reg, progress: planning.apply_plan(reg, plan, include=include, progress=progress),
            label=self.tr("取り込んでいます…（中止すると、何も取り込まれません）"), parent=self)
        self.accept()


def worker_profiles(worker: DbWorker) -> list[str]:
    try:
        return worker.call(planning.list_profiles)
    except RegisterError:
        return []
