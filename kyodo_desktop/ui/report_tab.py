"""年次報告 (a tab of 会計・報告): the year's report package — an Excel workbook and a PDF — with one button.

The tab shows, for the 年度 chosen at the top of the page, what the report will say before it is
made: the key numbers from :func:`yearly_report.collect` (加入世帯数, 会員数, 班数, 行事, 収入・
支出・繰越) and, as ⚠ lines in words, what is missing or provisional (「会計の記録がありません」,
a 会長 not registered …), so the officer can fix the register first. The 基準日 (the day households
are counted) defaults to the year's last day, or today while the year runs. The layout is either
the built-in 「標準様式（協働デスク）」 or a city form registered once with
:class:`~kyodo_desktop.ui.report_form_dialog.FormMappingDialog`; the saved forms are listed here,
with their mapping given to the 校下 as JSON or retired (kept, so a past report can be made again).

「報告書を作る」 asks for a folder and runs :func:`export.yearly_report.report_package` off the GUI
thread with a progress dialog and 「中止」; the package refuses to overwrite files and leaves both
files or neither, so a refusal here always means nothing was written.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.export.yearly_report import report_package
from kyodo_desktop.models import accounts_book as ab
from kyodo_desktop.models import report_forms as rf
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.japanese import fiscal_year_label, to_wareki
from kyodo_desktop.models.report_fields import FIELD_BY_KEY, TABLES, ReportData
from kyodo_desktop.models.validation import ValidationError
from kyodo_desktop.models.yearly_report import collect, default_as_of
from kyodo_desktop.ui import dialogs
from kyodo_desktop.ui.books_dialogs import combo, date_edit
from kyodo_desktop.ui.books_page import OUTPUT, BooksPage
from kyodo_desktop.ui.bousai_tab import say
from kyodo_desktop.ui.i18n import tr
from kyodo_desktop.ui.volunteers_tab import (
    RowsModel,
    button,
    make_table,
    min_rows,
    note,
    selected_row,
)
from kyodo_desktop.ui.widgets import button_row, dialog_open, heading, open_dialog, scrolling
from kyodo_desktop.ui.worker import DbWorker

ERRORS = (RegisterError, ValidationError)
DEFAULT_LAYOUT = QT_TRANSLATE_NOOP("", "標準様式（協働デスク）")
MAKE_TEXT = QT_TRANSLATE_NOOP("", "報告書を作る（Excel と PDF）")
#: the numbers shown before the report is made: (field key, unit); yen fields are shown as money
PREVIEW: tuple[tuple[str, str], ...] = (
    ("association_name", ""), ("president_name", ""), ("member_households", QT_TRANSLATE_NOOP("", "世帯")),
    ("persons", QT_TRANSLATE_NOOP("", "人")), ("blocks", QT_TRANSLATE_NOOP("", "班")),
    ("events", QT_TRANSLATE_NOOP("", "件")), ("participants", QT_TRANSLATE_NOOP("", "人")),
    ("income_total", "円"), ("expense_total", "円"), ("carry_over", "円"),  # notr: 円 is a key (shown as money)
)


def value_text(value: Any, unit: str) -> str:
    """A preview value in words: 「123世帯」, 「456,000円」, 「—（記録なし）」."""
    if value is None:
        return tr("—（記録なし）")
    if unit == "円":  # notr: a key of PREVIEW
        return ab.yen(int(value))
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}{tr(unit) if unit else ''}"
    return str(value)


def _form_cells(f: rf.SavedForm) -> tuple[Any, ...]:
    return (f.name, f.form_filename or tr("（ファイルなし）"),
            tr("項目 {fields}・表 {tables}").format(fields=len(f.mapping.fields), tables=len(f.mapping.tables)),
            f.updated_at[:10], f.updated_by)


class ReportTab(QWidget):
    """年次報告: preview of a 年度's report, the layout to fill, and the button that makes both files."""

    def __init__(self, worker: DbWorker) -> None:
        super().__init__()
        self.worker = worker
        self.fiscal_year: int | None = None
        self.data: ReportData | None = None
        self.dialog: QWidget | None = None
        self.last_files: tuple[Path, Path] | None = None
        self._year_set = False

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(heading(self.tr("年次報告"), 1.25))
        layout.addWidget(note(self.tr("市や校下に出す年次報告（町会の概要・班別世帯数・事業報告・収支決算・地域課題）を、"
                                      "Excel と PDF の二つのファイルで作ります。作る前に、下の数字と ⚠ の行を確かめてください。")))
        self.year_label = QLabel()
        self.year_label.setAccessibleName(self.tr("報告する年度"))
        font = self.year_label.font()
        font.setBold(True)
        self.year_label.setFont(font)
        layout.addWidget(self.year_label)

        choose = QGridLayout()
        self.as_of = date_edit(self.tr("基準日"), None)
        self.as_of.setToolTip(self.tr("世帯数・人数を数える日です（ふつうは年度の最後の日）"))
        as_of_caption = QLabel(self.tr("基準日（世帯・人数を数える日）"))
        as_of_caption.setBuddy(self.as_of)
        self.as_of_reset_btn = button(self.tr("年度末に戻す"), self.reset_as_of,
                                      tip=self.tr("基準日を年度の最後の日（年度の途中なら今日）に戻します"))
        choose.addWidget(as_of_caption, 0, 0)
        choose.addWidget(self.as_of, 0, 1)
        choose.addWidget(self.as_of_reset_btn, 0, 2)
        self.layout_combo = combo([(tr(DEFAULT_LAYOUT), None)], name=self.tr("報告書の様式"))
        self.layout_combo.setMinimumContentsLength(18)
        layout_caption = QLabel(self.tr("報告書の様式"))
        layout_caption.setBuddy(self.layout_combo)
        self.register_form_btn = button(self.tr("市の様式を登録…"), lambda: self.open_form_dialog())
        choose.addWidget(layout_caption, 1, 0)
        choose.addWidget(self.layout_combo, 1, 1)
        choose.addWidget(self.register_form_btn, 1, 2)
        choose.setColumnStretch(3, 1)
        layout.addLayout(choose)

        preview_box = QGroupBox(self.tr("報告書の主な数字"))
        grid = QGridLayout(preview_box)
        self.preview: dict[str, QLabel] = {}
        for n, (key, _unit) in enumerate(PREVIEW):
            caption = QLabel(FIELD_BY_KEY[key].label)
            value = QLabel()
            value.setAccessibleName(FIELD_BY_KEY[key].label)
            caption.setBuddy(value)
            self.preview[key] = value
            grid.addWidget(caption, n // 2, (n % 2) * 2)
            grid.addWidget(value, n // 2, (n % 2) * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout.addWidget(preview_box)
        self.notes = note()
        self.notes.setAccessibleName(self.tr("報告書について気をつけること"))
        layout.addWidget(self.notes)

        self.make_btn = QPushButton(tr(MAKE_TEXT))
        self.make_btn.setAutoDefault(False)
        big = self.make_btn.font()
        big.setPointSizeF(big.pointSizeF() * 1.25)
        big.setBold(True)
        self.make_btn.setFont(big)
        self.make_btn.setMinimumHeight(self.make_btn.fontMetrics().height() + 28)
        self.make_btn.clicked.connect(lambda _c=False: self.make_package())
        layout.addWidget(self.make_btn)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("結果"))
        layout.addWidget(self.message)
        self.open_folder_btn = button(self.tr("保存したフォルダーを開く"), self.open_folder)
        self.open_folder_btn.setVisible(False)
        layout.addWidget(button_row(self.open_folder_btn, align_right=False))

        forms_box = QGroupBox(self.tr("登録した市の様式"))
        v = QVBoxLayout(forms_box)
        self.forms = RowsModel((self.tr("名前"), self.tr("様式のファイル"), self.tr("対応"), self.tr("登録日"), self.tr("登録した人")),
                               _form_cells, self)
        self.forms_table = make_table(self.forms, (14, 14, 8, 6, 8), stretch=1, name=self.tr("登録した市の様式"))
        min_rows(self.forms_table, 3)
        v.addWidget(self.forms_table)
        self.export_btn = button(self.tr("JSONに書き出す…"), lambda: self.export_form())
        self.retire_btn = button(self.tr("使わない…"), self.retire_form)
        v.addWidget(button_row(self.export_btn, self.retire_btn, align_right=False))
        self.forms_message = QLabel()
        self.forms_message.setWordWrap(True)
        v.addWidget(self.forms_message)
        layout.addWidget(forms_box)
        layout.addStretch(1)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(body))
        self.as_of.changed.connect(self.load_preview)
        self.layout_combo.currentIndexChanged.connect(lambda _i: self.load_preview())
        self.forms_table.selectionModel().selectionChanged.connect(lambda *_a: self._gate())

    # -- what the page calls ---------------------------------------------------------------------------

    def set_fiscal_year(self, fiscal_year: int | None) -> None:
        """The 年度 chosen on the page (None before any books were opened: the 年度 of today). A new
        年度 resets the 基準日 to its default."""
        if fiscal_year is None and self.worker.register is not None:
            fiscal_year = self.worker.call(lambda reg: ab.year_of(reg, reg.today()))
        if fiscal_year != self.fiscal_year or not self._year_set:
            self.fiscal_year = fiscal_year
            self._year_set = True
            self._set_default_as_of()

    def refresh(self) -> None:
        """Reload the saved forms and the preview (after a login or a change elsewhere)."""
        if not self._year_set:
            self.set_fiscal_year(None)
        self.load_forms()
        self.load_preview()

    # -- loading ---------------------------------------------------------------------------------------

    def _set_default_as_of(self) -> None:
        if self.fiscal_year is None or self.worker.register is None:
            return
        self.as_of.setValue(self.worker.call(default_as_of, self.fiscal_year).isoformat())

    def reset_as_of(self) -> None:
        self._set_default_as_of()
        self.load_preview()

    def chosen_as_of(self) -> date:
        """The 基準日 typed; ValidationError when it is not a date."""
        d = self.as_of.date()
        if d is None:
            text = self.as_of.edit.text().strip()
            raise ValidationError(self.tr("基準日"), self.tr("基準日を入れてください（例: 令和8年3月31日）。") if not text
                                  else self.tr("基準日「{text}」が日付として読めません（例: 令和8年3月31日）。").format(text=text),
                                  field="as_of")
        return d

    def form_id(self) -> int | None:
        return self.layout_combo.currentData()

    def load_forms(self) -> None:
        keep = self.layout_combo.currentData()
        try:
            forms = self.worker.call(rf.list_forms) if self.worker.register is not None else []
        except ERRORS as exc:
            forms = []
            say(self.forms_message, str(exc), error=True)
        self.forms.set_rows(forms)
        self.layout_combo.blockSignals(True)
        try:
            self.layout_combo.clear()
            self.layout_combo.addItem(tr(DEFAULT_LAYOUT), None)
            for f in forms:
                self.layout_combo.addItem(self.tr("{name}（市の様式）").format(name=f.name), f.id)
            self.layout_combo.setCurrentIndex(max(self.layout_combo.findData(keep), 0))
        finally:
            self.layout_combo.blockSignals(False)
        self._gate()

    def load_preview(self) -> None:
        fy = self.fiscal_year
        self.data = None
        self.year_label.setText(self.tr("{year}の年次報告").format(year=fiscal_year_label(fy)) if fy is not None else "")
        try:
            if fy is None or self.worker.register is None:
                raise RegisterError(self.tr("台帳が開かれていません。"))
            as_of = self.chosen_as_of()
            self.data = self.worker.call(collect, fy, as_of=as_of)
        except ERRORS as exc:
            for label in self.preview.values():
                label.setText("—")
            self.notes.setText(f"⚠ {exc}")
            self._gate()
            return
        for key, unit in PREVIEW:
            self.preview[key].setText(value_text(self.data.values.get(key), unit))
        lines = [f"⚠ {n}" for n in self.data.notes] + [f"⚠ {n}" for n in self.layout_problems()]
        self.notes.setText("\n".join(lines) if lines else self.tr("空欄の必須項目はありません。"))
        self._gate()

    def layout_problems(self) -> list[str]:
        """What the chosen city form cannot hold this year (a table longer than the form's lines),
        said before the officer presses the button; the package refuses it anyway."""
        saved = next((f for f in self.forms.rows if f.id == self.form_id()), None)
        if saved is None or self.data is None:
            return []
        out = []
        for key, place in saved.mapping.tables.items():
            n = len(self.data.tables.get(key) or [])
            if n > place.max_rows:
                out.append(self.tr("様式「{form}」の表「{table}」には{max_rows}行までしか入りませんが、"
                                   "この年度は{n}行あります。様式を登録し直すか、{default}で作ってください。").format(
                    form=saved.name, table=TABLES[key][0], max_rows=place.max_rows, n=n, default=tr(DEFAULT_LAYOUT)))
        return out

    # -- permissions -------------------------------------------------------------------------------------

    def why_not(self, permission: str, *, open_year: bool = False) -> str:
        """Why the officer may not do what needs ``permission`` (the page's rule; the report does
        not need the year's books to be open), or ""."""
        return BooksPage.why_not(self, permission, open_year=False)  # type: ignore[arg-type]

    def gate(self, b: QPushButton, permission: str, tip: str, *, need: str | None = None) -> None:
        BooksPage.gate(self, b, permission, tip, open_year=False, need=need)  # type: ignore[arg-type]

    def _gate(self) -> None:
        reg = self.worker.register
        whole = None if reg is None or reg.session.block_ids is None else \
            self.tr("年次報告は町会全体の数を載せるため、すべての班を扱える役割の方が作ってください。")
        self.gate(self.make_btn, OUTPUT, self.tr("選んだ年度の年次報告を、Excel と PDF で保存します（フォルダーを選びます）"),
                  need=whole or (None if self.fiscal_year is not None else self.tr("年度が決まっていません")))
        self.gate(self.register_form_btn, rf.WRITE, self.tr("市や校下から届いた Excel の様式を登録し、項目とセルを対応づけます"))
        self.gate(self.retire_btn, rf.WRITE, self.tr("選んだ様式を、これからの報告で使わなくします（登録は残ります）"),
                  need=None if selected_row(self.forms_table) else self.tr("様式を一覧で選んでください"))
        self.gate(self.export_btn, rf.READ, self.tr("選んだ様式の対応表を JSON で保存します（校下に渡すため）"),
                  need=None if selected_row(self.forms_table) else self.tr("様式を一覧で選んでください"))

    # -- making the package --------------------------------------------------------------------------------

    def make_package(self, folder: Path | str | None = None) -> tuple[Path, Path] | None:
        """Ask for a folder (unless given) and write both files there; the result is shown in words."""
        if not self.make_btn.isEnabled() or self.fiscal_year is None:
            return None
        try:
            as_of = self.chosen_as_of()
        except ValidationError as exc:
            say(self.message, str(exc), error=True)
            return None
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("年次報告の保存先のフォルダー"))
            if not chosen:
                return None
            folder = chosen
        self.open_folder_btn.setVisible(False)
        label = self.tr("{year}の年次報告を作っています…").format(year=fiscal_year_label(self.fiscal_year))
        try:
            xlsx, pdf = self.worker.call_with_progress(report_package, Path(folder), fiscal_year=self.fiscal_year,
                                                       as_of=as_of, form_id=self.form_id(), label=label, parent=self)
        except (*ERRORS, OSError) as exc:
            say(self.message, self.tr("{exc}\n（報告書は作っていません。ファイルは何も保存していません。）").format(exc=exc), error=True)
            return None
        self.last_files = (Path(xlsx), Path(pdf))
        say(self.message, self.tr("年次報告を作りました（基準日 {as_of}）。\n"
                                  "Excel: {xlsx}\nPDF: {pdf}\n保存先: {folder}").format(
            as_of=to_wareki(as_of), xlsx=Path(xlsx).name, pdf=Path(pdf).name, folder=Path(folder)))
        self.open_folder_btn.setVisible(True)
        return self.last_files

    def open_folder(self) -> None:
        if self.last_files is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_files[0].parent)))

    # -- city forms ------------------------------------------------------------------------------------------

    def open_form_dialog(self, path: Path | str | None = None) -> Any:
        """Pick the city's .xlsx (unless given) and open the mapping dialog (not blocking)."""
        from PySide6.QtWidgets import QDialog

        from kyodo_desktop.ui.report_form_dialog import FormMappingDialog

        if not self.register_form_btn.isEnabled():
            return None
        if dialog_open(self):
            return self.dialog
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("市の様式（Excel）を選ぶ"), "",
                                                    self.tr("Excel (*.xlsx *.xlsm);;すべて (*)"))
            if not chosen:
                return None
            path = chosen
        try:
            dlg = FormMappingDialog(self.worker, path, self)
        except (*ERRORS, OSError) as exc:
            say(self.forms_message, self.tr("{exc}\n（様式は登録していません。）").format(exc=exc), error=True)
            return None

        def closed(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and dlg.result_value is not None:
                fid, problems = dlg.result_value
                self.load_forms()
                self.layout_combo.setCurrentIndex(max(self.layout_combo.findData(fid), 0))
                notes = "".join(self.tr("\n・{problem}").format(problem=p) for p in problems)
                say(self.forms_message, self.tr("様式「{name}」を登録しました。報告書の様式で選べます。{notes}").format(
                    name=dlg.name.text().strip(), notes=notes))

        open_dialog(self, dlg, closed)
        return dlg

    def export_form(self, target: Path | str | None = None) -> Path | None:
        saved = selected_row(self.forms_table)
        if saved is None or not self.export_btn.isEnabled():
            return None
        if target is None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("対応表の保存先"),
                                                    self.tr("{name}_対応表.json").format(name=saved.name), "JSON (*.json)")
            if not chosen:
                return None
            target = chosen
        try:
            out = rf.export_mapping(saved.mapping, target)
        except (*ERRORS, OSError) as exc:
            say(self.forms_message, str(exc), error=True)
            return None
        say(self.forms_message, self.tr("対応表を保存しました: {path}").format(path=out))
        return out

    def retire_form(self) -> None:
        saved = selected_row(self.forms_table)
        if saved is None or not self.retire_btn.isEnabled():
            return
        if not dialogs.confirm(self, self.tr("様式を使わない"),
                               self.tr("様式「{name}」を、これからの報告書で使わなくします。登録は残るため、"
                                       "過去の報告書は作り直せます。よろしいですか？").format(name=saved.name),
                               yes=self.tr("使わなくする"), no=self.tr("やめる")):
            return
        try:
            self.worker.call(rf.retire_form, saved.id)
        except ERRORS as exc:
            say(self.forms_message, str(exc), error=True)
            return
        self.load_forms()
        say(self.forms_message, self.tr("様式「{name}」を使わなくしました（登録は残っています）。").format(name=saved.name))


__all__ = ["DEFAULT_LAYOUT", "MAKE_TEXT", "ReportTab", "value_text"]
