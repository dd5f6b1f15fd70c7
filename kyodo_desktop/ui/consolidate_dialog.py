"""校下・市の集計: collect the associations' yearly report workbooks, check them, add them up.

A thin window over ``models/consolidate.py`` (the same work as ``kyodo consolidate``) for the
officers of a 校下町会連合会 or the city: pick files and folders, say which 年度 to expect and which
city forms to recognise, 「集計する」, see what became of every file, save the summary workbook.

No register is open here (the reports are other associations' outputs), so the reading runs in a
thread of its own, not on the register's :class:`~kyodo_desktop.ui.worker.DbWorker` thread; the
window polls it with a timer, so it keeps painting and 「中止」 stays clickable, and the progress is
shown in the window itself (the officer sees which step is running without a pop-up).

Nothing is dropped: every file found is one row of the table — read, read with problems, not
readable (with the reason) or left out on purpose (lock files, hidden files) — and the counts
above the table are the model's own.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as futures_wait
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.export.consolidate_xlsx import SUM_HEADERS
from kyodo_desktop.models.consolidate import (
    ERROR,
    READ,
    SKIPPED,
    UNREADABLE,
    Consolidation,
    ConsolidationCancelled,
    DistrictTotal,
    FileResult,
    consolidate,
)
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.japanese import fiscal_year, fiscal_year_label
from kyodo_desktop.models.report_fields import FormMapping, default_mapping
from kyodo_desktop.ui import dialogs
from kyodo_desktop.ui.i18n import tr
from kyodo_desktop.ui.volunteers_tab import RowsModel, fit_to_screen, make_table, min_rows
from kyodo_desktop.ui.widgets import button_row, heading, scrolling

TITLE = QT_TRANSLATE_NOOP("", "校下・市の集計（報告書を集める）")
#: how often the window looks at the running work (ms): often enough for a smooth bar
POLL_MS = 50
#: the counts shown above the table: (key, label, what it means)
COUNTS: tuple[tuple[str, str, str], ...] = (
    ("read", QT_TRANSLATE_NOOP("", "読めた"), QT_TRANSLATE_NOOP("", "報告として読めたファイル（問題ありを含む）")),
    ("errors", QT_TRANSLATE_NOOP("", "問題あり"), QT_TRANSLATE_NOOP("", "読めたが誤りがあり、合計に含めなかった報告")),
    ("unreadable", QT_TRANSLATE_NOOP("", "読めなかった"),
     QT_TRANSLATE_NOOP("", "報告として読めなかったファイル（理由は表に）")),
    ("skipped", QT_TRANSLATE_NOOP("", "除いた"), QT_TRANSLATE_NOOP("", "一時ファイルなど、わざと読まなかったファイル")),
)
#: the 校下 table's sums (a subset of the summary workbook's, the numbers asked about first)
NO_DETAIL = QT_TRANSLATE_NOOP("", "行を選ぶと、そのファイルの問題をすべてここに出します。")
DISTRICT_KEYS = ("area_households", "member_households", "persons", "blocks", "aged_65", "aged_75",
                 "needs_help", "income_total", "expense_total", "carry_over")


def status_text(f: FileResult) -> str:
    """What became of a file, in words (the row's colour only repeats it)."""
    if f.status == UNREADABLE:
        return tr("⚠ 読めなかった")
    if f.status == SKIPPED:
        return tr("除いた")
    if f.has_errors:
        return tr("⚠ 問題あり（合計外）")
    if f.problems:
        return tr("読めた（注意あり）")
    return tr("読めた")


def _rank(f: FileResult) -> int:
    """The table's order: what needs a word with an association first, files left out on purpose last."""
    if f.status == UNREADABLE:
        return 0
    if f.status == SKIPPED:
        return 4
    return 1 if f.has_errors else 2 if f.problems else 3


def problem_text(f: FileResult, sep: str = "／") -> str:  # notr: a separator between problems
    """The reason a file was not read, or its problems (errors first), as one line."""
    if f.status != READ:
        return f.reason
    ordered = sorted(f.problems, key=lambda p: p.severity != ERROR)
    return sep.join(f"【{p.severity}】{p.text()}" for p in ordered)


def year_label(fy: int) -> str:
    try:
        return fiscal_year_label(fy)
    except Exception:  # noqa: BLE001 - a year before the eras' table is still a year
        return tr("{0}年度").format(fy)


def _load_mapping(path: Path) -> FormMapping:
    """One city form's layout, checked as the command line checks it (same messages)."""
    from kyodo_desktop.models.consolidate import load_mappings

    return load_mappings([str(path)])[0]


class ConsolidateDialog(QDialog):
    """Pick reports → 集計する → look → 集計表を保存…; see the module's docstring."""

    def __init__(self, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr(TITLE))
        self.setAcceptDrops(True)
        self.inputs: list[Path] = []
        self.mappings: list[tuple[Path, FormMapping]] = []
        self.result: Consolidation | None = None
        self.counts: dict[str, int] = {}
        self.saved: list[Path] = []  # summaries written from here: never read back as reports
        self._pool: ThreadPoolExecutor | None = None  # made on first use, ended on closing
        self._future: Future | None = None
        self._cancel = threading.Event()
        self._progress_state = (0, 0)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

        outer = QVBoxLayout(self)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(self.tr("町会から届いた年次報告（Excel）を集めて点検し、校下ごとの合計を出します。"
                               "ファイルかフォルダー（中のフォルダーも読みます）を追加して「集計する」を押してください。"
                               "読めないファイルも、理由をつけて必ず一覧に載ります。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self._inputs_box())
        layout.addWidget(self._run_row())
        layout.addWidget(self._results_box(), 1)
        outer.addWidget(scrolling(body), 1)  # large text on a small screen: scroll, never squeeze
        self.save_button = QPushButton(self.tr("集計表を保存…"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(lambda: self.save())
        self.close_button = QPushButton(self.tr("閉じる"))
        self.close_button.clicked.connect(self.reject)
        outer.addWidget(button_row(self.save_button, self.close_button))
        self._today = today or date.today()
        self.year.setValue(fiscal_year(self._today) - 1)  # reports come in after the 年度 ends
        self._update_year()
        self._update_buttons()
        fit_to_screen(self, 66 * 16, 52 * 16)

    # -- building ----------------------------------------------------------------------------

    def _inputs_box(self) -> QWidget:
        box = QGroupBox(self.tr("1. 集める報告"))
        grid = QVBoxLayout(box)
        self.file_list = QListWidget()
        self.file_list.setAccessibleName(self.tr("集める報告のファイルとフォルダー"))
        self.file_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        line = self.fontMetrics().height()
        self.file_list.setMinimumHeight(line * 3)
        self.file_list.setMaximumHeight(line * 5)  # the room below is for the results
        self.file_list.itemSelectionChanged.connect(self._update_buttons)
        grid.addWidget(self.file_list)
        self.add_files_button = QPushButton(self.tr("ファイルを追加…"))
        self.add_files_button.clicked.connect(self.choose_files)
        self.add_folder_button = QPushButton(self.tr("フォルダーを追加…"))
        self.add_folder_button.clicked.connect(self.choose_folder)
        self.remove_button = QPushButton(self.tr("外す"))
        self.remove_button.setAccessibleName(self.tr("選んだファイル・フォルダーを一覧から外す"))
        self.remove_button.clicked.connect(self.remove_selected)
        grid.addWidget(button_row(self.add_files_button, self.add_folder_button, self.remove_button,
                                  align_right=False))

        year_row = QHBoxLayout()
        self.check_year = QCheckBox(self.tr("年度を確かめる（違う年度の報告は「問題あり」にします）:"))
        self.check_year.toggled.connect(self._update_year)
        self.year = QSpinBox()
        self.year.setRange(1990, 2200)
        self.year.setSuffix(self.tr(" 年度"))
        self.year.setAccessibleName(self.tr("集計する年度（西暦）"))
        self.year.valueChanged.connect(self._update_year)
        self.year_wareki = QLabel()
        self.year_wareki.setAccessibleName(self.tr("集計する年度（和暦）"))
        year_row.addWidget(self.check_year)
        year_row.addWidget(self.year)
        year_row.addWidget(self.year_wareki)
        year_row.addStretch(1)
        grid.addLayout(year_row)

        grid.addWidget(QLabel(self.tr("市などの様式（標準様式はいつも読みます）:")))
        self.mapping_list = QListWidget()
        self.mapping_list.setAccessibleName(self.tr("追加した様式の対応表"))
        self.mapping_list.setMinimumHeight(line * 2)
        self.mapping_list.setMaximumHeight(line * 3)
        self.mapping_list.itemSelectionChanged.connect(self._update_buttons)
        grid.addWidget(self.mapping_list)
        self.add_mapping_button = QPushButton(self.tr("様式の対応表（JSON）を追加…"))
        self.add_mapping_button.clicked.connect(self.choose_mapping)
        self.remove_mapping_button = QPushButton(self.tr("様式を外す"))
        self.remove_mapping_button.clicked.connect(self.remove_mapping)
        grid.addWidget(button_row(self.add_mapping_button, self.remove_mapping_button, align_right=False))
        self.inputs_box = box
        return box

    def _run_row(self) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        self.run_button = QPushButton(self.tr("集計する"))
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.start)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("集計の進み具合"))
        self.progress.setFormat(self.tr("%v / %m 件"))
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.cancel_button = QPushButton(self.tr("中止"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.run_button)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        return holder

    def _results_box(self) -> QWidget:
        box = QGroupBox(self.tr("2. 結果"))
        layout = QVBoxLayout(box)
        self.status = QLabel(self.tr("まだ集計していません。"))
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("お知らせ"))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        counts = QGridLayout()
        self.count_labels: dict[str, QLabel] = {}
        for col, (key, label, tip) in enumerate(COUNTS):
            name = QLabel(tr(label))
            name.setToolTip(tr(tip))
            number = heading("—", 1.4)
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            number.setToolTip(tr(tip))
            name.setAlignment(Qt.AlignmentFlag.AlignCenter)
            counts.addWidget(name, 0, col)
            counts.addWidget(number, 1, col)
            self.count_labels[key] = number
        layout.addLayout(counts)

        self.tabs = QTabWidget()
        self.file_model = RowsModel((self.tr("ファイル"), self.tr("町会名"), self.tr("状態"), self.tr("問題")), self._file_cells, self,
                                    warn=lambda f: not f.accepted and f.status != SKIPPED,
                                    tooltip=lambda f, col: problem_text(f, "\n") if col == 3 else None)
        self.file_table = make_table(self.file_model, (14, 8, 11, 30), stretch=3, name=self.tr("ファイルごとの結果"))
        min_rows(self.file_table, 6)
        self.file_table.selectionModel().currentRowChanged.connect(self._show_detail)
        files_page = QWidget()
        fl = QVBoxLayout(files_page)
        fl.addWidget(self.file_table, 1)
        self.detail = QPlainTextEdit()  # a file may have many problems: a box that scrolls
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(tr(NO_DETAIL))
        self.detail.setAccessibleName(self.tr("選んだファイルの問題"))
        self.detail.setFixedHeight(self.fontMetrics().height() * 4 + 12)
        fl.addWidget(self.detail)
        self.tabs.addTab(files_page, self.tr("ファイルごと"))
        columns = (self.tr("校下"), self.tr("町会数"), self.tr("除いた報告"), *(SUM_HEADERS[k] for k in DISTRICT_KEYS),
                   self.tr("加入率"))
        numeric = range(1, len(columns))
        self.district_model = RowsModel(columns, self._district_cells, self, numeric=numeric)
        self.district_table = make_table(self.district_model, (9, 4, 5, *([6] * len(DISTRICT_KEYS)), 4),
                                         stretch=None, name=self.tr("校下ごとの合計"))
        min_rows(self.district_table, 6)
        self.tabs.addTab(self.district_table, self.tr("校下ごとの合計"))
        layout.addWidget(self.tabs, 1)
        return box

    # -- cells -------------------------------------------------------------------------------

    @staticmethod
    def _file_cells(f: FileResult) -> tuple[Any, ...]:
        return (f.name, f.value("association_name") or "", status_text(f), problem_text(f))

    @staticmethod
    def _district_cells(t: DistrictTotal) -> tuple[Any, ...]:
        rate = t.member_rate
        return (t.district, f"{t.associations:,}", f"{t.left_out:,}",
                *(f"{t.sums[k]:,}" for k in DISTRICT_KEYS), "" if rate is None else f"{rate:.1%}")

    # -- inputs ------------------------------------------------------------------------------

    def choose_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(self, self.tr("集める報告のファイル"), str(Path.home()),
                                                 self.tr("Excel (*.xlsx *.xlsm *.xls *.ods);;すべてのファイル (*)"))
        if chosen:
            self.add_paths(chosen)

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("報告を入れたフォルダー"), str(Path.home()))
        if chosen:
            self.add_paths([chosen])

    def add_paths(self, paths: Iterable[Path | str]) -> int:
        """Add files or folders (each once); returns how many were new."""
        added = 0
        for raw in paths:
            path = Path(raw)
            if any(_same(path, p) for p in self.inputs):
                continue
            self.inputs.append(path)
            kind = self.tr("フォルダー") if path.is_dir() else self.tr("ファイル")
            item = QListWidgetItem(self.tr("［{0}］ {1}").format(kind, path))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.file_list.addItem(item)
            added += 1
        self._update_buttons()
        return added

    def remove_selected(self) -> None:
        for item in self.file_list.selectedItems():
            path = Path(item.data(Qt.ItemDataRole.UserRole))
            self.inputs = [p for p in self.inputs if p != path]
            self.file_list.takeItem(self.file_list.row(item))
        self._update_buttons()

    def choose_mapping(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("様式の対応表（JSON）"), str(Path.home()),
                                                self.tr("様式の対応表 (*.json);;すべてのファイル (*)"))
        if chosen:
            self.add_mapping(Path(chosen))

    def add_mapping(self, path: Path | str) -> bool:
        """Read one city form's mapping; a bad one is refused with what is wrong (in the status
        line and a message box) and nothing is added."""
        path = Path(path)
        try:
            mapping = _load_mapping(path)
            if any(m.name == mapping.name for _p, m in self.mappings) or mapping.name == default_mapping().name:
                raise RegisterError(self.tr("{0}: 様式「{1}」はもう追加してあります。").format(path.name, mapping.name))
        except RegisterError as exc:
            self._say(self.tr("⚠ 様式の対応表を追加できません: {0}").format(exc))
            dialogs.show_error(self, self.tr("様式の対応表"), str(exc))
            return False
        self.mappings.append((path, mapping))
        item = QListWidgetItem(self.tr("{0}（{1}）").format(mapping.name, path.name))
        item.setToolTip(str(path))
        self.mapping_list.addItem(item)
        self._say(self.tr("様式「{0}」を追加しました。").format(mapping.name))
        self._update_buttons()
        return True

    def remove_mapping(self) -> None:
        for item in self.mapping_list.selectedItems():
            row = self.mapping_list.row(item)
            del self.mappings[row]
            self.mapping_list.takeItem(row)
        self._update_buttons()

    def set_fiscal_year(self, year: int | None) -> None:
        """The 年度 to expect (None: any year is accepted)."""
        self.check_year.setChecked(year is not None)
        if year is not None:
            self.year.setValue(year)

    def fiscal_year(self) -> int | None:
        return self.year.value() if self.check_year.isChecked() else None

    def _update_year(self) -> None:
        self.year.setEnabled(self.check_year.isChecked() and not self.running)
        self.year_wareki.setText(self.tr("（{0}）").format(year_label(self.year.value())))

    # -- drag and drop: files dropped from Explorer are added like 「ファイルを追加…」 -------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if event.mimeData().hasUrls() and not self.running:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        local = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if local:
            self.add_paths(local)
            event.acceptProposedAction()

    # -- running -----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._future is not None

    def start(self) -> bool:
        """Begin reading in the background; False (with a message) when there is nothing to read."""
        if self.running:
            return False
        if not self.inputs:
            self._say(self.tr("⚠ 集める報告のファイルかフォルダーを追加してください。"))
            return False
        self._show_result(None)
        self._cancel.clear()
        self._progress_state = (0, 0)
        self.progress.setRange(0, 0)  # busy until the number of files is known
        maps = [m for _p, m in self.mappings] + [default_mapping()]  # a city's form first: more specific
        inputs, year, exclude = list(self.inputs), self.fiscal_year(), list(self.saved)
        self._future = self._submit(consolidate, inputs, fiscal_year=year, mappings=maps,
                                         progress=self._progress, exclude=exclude)
        self._say(self.tr("集計しています…（途中でやめるときは「中止」）"))
        self._update_buttons()
        self._timer.start()
        return True

    def _progress(self, done: int, total: int) -> bool:
        """Called on the reading thread: remember where it is (the timer shows it) and say stop
        when 中止 was pressed."""
        self._progress_state = (done, total)
        return not self._cancel.is_set()

    def cancel(self) -> None:
        if self.running:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self._say(self.tr("中止しています…（読みかけのファイルを読み終えるまでお待ちください）"))

    def _poll(self) -> None:
        future = self._future
        if future is None:
            self._timer.stop()
            return
        done, total = self._progress_state
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        if not future.done():
            return
        self._timer.stop()
        self._future = None
        error = future.exception()
        if error is None:
            self._show_result(future.result())
        elif isinstance(error, ConsolidationCancelled):
            self._say(self.tr("中止しました。集計結果は作っていません。もう一度「集計する」を押すと始めから読みます。"))
        elif isinstance(error, RegisterError):
            self._say("⚠ " + str(error))
        elif isinstance(error, OSError):
            self._say(self.tr("⚠ 集計できませんでした（{0}）").format(error.strerror or error))
        else:
            self._say(self.tr("⚠ 集計できませんでした（{0}: {1}）").format(type(error).__name__, error))
        if error is not None:
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
        self._update_buttons()

    def wait(self, timeout: float = 120.0) -> None:
        """Block until the running work is over (for closing, and for tests)."""
        if self._future is not None:
            futures_wait([self._future], timeout=timeout)  # what it raised is for _poll to report
            self._poll()

    # -- results -----------------------------------------------------------------------------

    def _show_result(self, result: Consolidation | None) -> None:
        self.result = result
        files = result.files if result is not None else []
        self.file_model.set_rows(sorted(files, key=_rank))  # stable: the inputs' order within each kind
        self.district_model.set_rows([*result.district_totals(), result.grand_total()] if result else [])
        self.detail.clear()
        if result is None:
            self.counts = {}
            for label in self.count_labels.values():
                label.setText("—")
            self._update_buttons()
            return
        self.counts = {"read": len(result.with_status(READ)), "errors": len(result.with_errors),
                       "unreadable": len(result.with_status(UNREADABLE)),
                       "skipped": len(result.with_status(SKIPPED))}
        for key, label in self.count_labels.items():
            label.setText(self.tr("{0}件").format(f"{self.counts[key]:,}"))
            label.setAccessibleName(self.tr("{0} {1}件").format(tr(dict((k, n) for k, n, _t in COUNTS)[key]), self.counts[key]))
        grand = result.grand_total()
        self.progress.setRange(0, max(1, self.progress.maximum()))
        self.progress.setValue(self.progress.maximum())
        year = self.tr("{0}の報告として").format(year_label(result.fiscal_year)) if result.fiscal_year else ""
        self._say(self.tr("{year}ファイル {files}件を調べました（{seconds}秒）。"
                          "合計に含めた町会は {associations}（校下 {districts}）です。").format(
                      year=year, files=f"{len(files):,}", seconds=f"{result.seconds:.1f}",
                      associations=f"{grand.associations:,}", districts=len(result.district_totals()))
                  + (self.tr("「問題あり」「読めなかった」の町会には、表の「問題」を伝えて出し直してもらってください。")
                     if self.counts["errors"] or self.counts["unreadable"] else "")
                  + self.tr("「集計表を保存…」で Excel に保存できます。")
                  + (self.tr("\n⚠ {0}（「年度を確かめる」）").format(result.mixed_years()) if result.mixed_years() else ""))
        self._update_buttons()

    def _show_detail(self, current: Any, _previous: Any = None) -> None:
        if not current.isValid() or current.row() >= len(self.file_model.rows):
            return
        f: FileResult = self.file_model.row_at(current.row())
        text = problem_text(f, "\n") or self.tr("問題はありません。")
        self.detail.setPlainText(self.tr("{0}（{1}）:\n{2}").format(f.name, status_text(f), text))

    def row_of(self, name: str) -> int:
        """The table row of the file shown as ``name`` (−1 if none)."""
        return next((i for i, f in enumerate(self.file_model.rows) if f.name == name), -1)

    # -- saving ------------------------------------------------------------------------------

    def default_name(self) -> str:
        year = self.result.fiscal_year if self.result is not None else None
        return self.tr("集計表_{0}.xlsx").format(year_label(year)) if year else self.tr("集計表.xlsx")

    def save(self, target: Path | str | None = None) -> Path | None:
        """Write the summary workbook; an existing file is replaced only after asking once."""
        if self.result is None:
            self._say(self.tr("⚠ 先に「集計する」を押してください。"))
            return None
        if target is None:
            start = self.saved[-1].parent if self.saved else (self.inputs[0] if self.inputs else Path.home())
            start = start if start.is_dir() else start.parent
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("集計表の保存先"), str(start / self.default_name()), "Excel (*.xlsx)",
                options=QFileDialog.Option.DontConfirmOverwrite)  # asked below, once, in plain words
            if not chosen:
                return None
            target = chosen
        path = Path(target)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        if path.exists() and not dialogs.confirm(
                self, self.tr("集計表の保存"),
                self.tr("{0} はもうあります。置き換えますか？\n（{1}）").format(path.name, path.parent),
                yes=self.tr("置き換える"), no=self.tr("やめる")):
            self._say(self.tr("保存をやめました。"))
            return None
        from kyodo_desktop.export.consolidate_xlsx import save_summary

        result = self.result
        future = self._submit(save_summary, result, path)
        self.setEnabled(False)
        try:
            written = _wait_responsive(future)
        except (RegisterError, OSError) as exc:
            message = (str(exc) if isinstance(exc, RegisterError)
                       else self.tr("保存できませんでした（{0}）").format(exc.strerror or exc))
            self._say("⚠ " + message)
            dialogs.show_error(self, self.tr("集計表の保存"), message)
            return None
        finally:
            self.setEnabled(True)
        self.saved.append(Path(written))
        self._say(self.tr("集計表を保存しました: {0}").format(written))
        return Path(written)

    # -- state -------------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.status.setText(text)

    def _update_buttons(self) -> None:
        busy = self.running
        for w in (self.add_files_button, self.add_folder_button, self.add_mapping_button, self.check_year):
            w.setEnabled(not busy)
        self.year.setEnabled(not busy and self.check_year.isChecked())
        self.remove_button.setEnabled(not busy and bool(self.file_list.selectedItems()))
        self.remove_mapping_button.setEnabled(not busy and bool(self.mapping_list.selectedItems()))
        self.run_button.setEnabled(not busy and bool(self.inputs))
        self.cancel_button.setEnabled(busy and not self._cancel.is_set())
        self.save_button.setEnabled(not busy and self.result is not None)
        self.close_button.setEnabled(not busy)

    def _submit(self, fn: Any, *args: Any, **kwargs: Any) -> Future:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kyodo-consolidate")
        return self._pool.submit(fn, *args, **kwargs)

    def _end_pool(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None

    def reject(self) -> None:
        if self.running:  # Esc while reading: stop the reading first, never close under it
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.running:
            self.cancel()
            self.wait()
        self._end_pool()
        super().closeEvent(event)

    def done(self, code: int) -> None:
        if self.running:
            self.cancel()
            self.wait()
        self._end_pool()
        super().done(code)


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b


def _wait_responsive(future: Future) -> Any:
    """The future's result; the window keeps painting meanwhile (user input waits)."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    while True:
        try:
            return future.result(timeout=0.02)
        except TimeoutError:
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
