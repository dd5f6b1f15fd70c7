"""市の様式を登録: map a city's (or 校下's) own Excel form to the yearly report's fields, once.

The officer picks the form the city sent; :func:`report_forms.guess_mapping` proposes a cell for
every field from the form's labels, and the dialog shows, for each field, where it would be
written (a sheet chosen from the form's own sheets and a cell typed like 「C6」), whether the
label was found, and what that cell of the form holds now — so a wrong proposal (a cell that
already holds a heading or a formula) is visible before anything is saved. 「確かめる」 runs
:func:`report_forms.check_mapping`: errors (a formula would be overwritten, a sheet is missing,
two fields on one cell) block 「保存」, notes (a merged cell moved to its top-left) are only shown.
Any edit after a check asks for another check, so what is saved is always what was checked. The
model checks again on save and writes all or nothing; a refusal keeps the dialog open.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.models import report_forms as rf
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.report_fields import (
    FIELDS,
    TABLES,
    FormMapping,
    TablePlace,
    join_cell,
    split_cell,
)
from kyodo_desktop.models.validation import ValidationError
from kyodo_desktop.ui.books_dialogs import combo, line_edit
from kyodo_desktop.ui.i18n import tr
from kyodo_desktop.ui.volunteers_tab import button, error_label, fit_to_screen, note, scrolling
from kyodo_desktop.ui.worker import DbWorker

ERRORS = (RegisterError, ValidationError)
UNUSED = QT_TRANSLATE_NOOP("", "（使わない）")
FOUND = QT_TRANSLATE_NOOP("", "見つかった")
NOT_FOUND = QT_TRANSLATE_NOOP("", "見つからない")


def cell_text(wb: Any, sheet: str, coordinate: str) -> str:
    """What a cell of the form holds, in words (a formula says so: it must not be written over)."""
    if sheet not in wb.sheetnames:
        return tr("（このシートは様式にありません）")
    try:
        value = wb[sheet][coordinate].value
    except (ValueError, KeyError, AttributeError):
        return ""
    if value is None:
        return tr("（空欄）")
    text = " ".join(str(value).split())
    if text.startswith("="):
        return tr("数式 {text}").format(text=text[:30])
    return text[:30] + ("…" if len(text) > 30 else "")


@dataclass
class FieldRow:
    """The widgets of one field's row."""

    key: str
    sheet: QComboBox
    cell: QLineEdit
    state: QLabel
    current: QLabel


@dataclass
class TableRow:
    key: str
    sheet: QComboBox
    first_row: QSpinBox
    max_rows: QSpinBox
    columns: dict[str, str]
    state: QLabel


class FormMappingDialog(QDialog):
    """The mapping of one form: guessed, corrected, checked and saved under a name.

    Raises :class:`report_forms.FormError` on construction when ``path`` is not a usable .xlsx
    form (the tab shows the message; nothing was saved)."""

    def __init__(self, worker: DbWorker, path: Path | str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.path = Path(path)
        self.info = rf.inspect_form(self.path)
        self.guess = rf.guess_mapping(self.path, mapping_name=self.path.stem)
        self.workbook = rf.load_form(self.path)
        self.checked: FormMapping | None = None
        self.problems: list[rf.Problem] = []
        self.result_value: tuple[int, list[rf.Problem]] | None = None
        self.setWindowTitle(self.tr("市の様式を登録"))
        outer = QVBoxLayout(self)
        outer.addWidget(note(self.tr(
            "様式「{name}」の見出しから、項目を書き込むセルを推測しました。シートとセル（例: C6）を"
            "確かめて、違うところは直してください。使わない項目はシートを「{unused}」にします。"
            "直したら「確かめる」を押してください。問題がなければ「保存」できます。").format(
                name=self.path.name, unused=tr(UNUSED))))
        for warning in self.info.warnings:
            outer.addWidget(note(f"⚠ {warning}"))

        body = QWidget()
        v = QVBoxLayout(body)
        v.setContentsMargins(0, 0, 0, 0)
        fields_box = QGroupBox(self.tr("項目とセル"))
        grid = QGridLayout(fields_box)
        for col, head in enumerate((self.tr("項目"), self.tr("シート"), self.tr("セル"), self.tr("見出し"),
                                     self.tr("様式の今の中身"))):
            caption = QLabel(f"<b>{head}</b>")
            grid.addWidget(caption, 0, col)
        self.rows: dict[str, FieldRow] = {}
        sheets = [(tr(UNUSED), None)] + [(s, s) for s in self.info.sheets]
        for n, f in enumerate(FIELDS, start=1):
            ref = self.guess.mapping.fields.get(f.key)
            sheet, coordinate = (None, "")
            if ref:
                s, letters, r = split_cell(ref)
                sheet, coordinate = s, f"{letters}{r}"
            label = QLabel(f.label + (self.tr("（必須）") if f.required else ""))
            if f.help:
                label.setToolTip(f.help)
            sheet_box = combo(sheets, name=self.tr("{label}のシート").format(label=f.label), current=sheet)
            cell = line_edit(coordinate, name=self.tr("{label}のセル").format(label=f.label), placeholder=self.tr("例: C6"))
            cell.setMaximumWidth(cell.fontMetrics().horizontalAdvance("AAA9999") + 30)
            label.setBuddy(sheet_box)
            found = self.guess.found.get(f.key)
            state = QLabel(self.tr("{found}（{cell}）").format(found=tr(FOUND), cell=f"{split_cell(found)[1]}{split_cell(found)[2]}")
                           if found else f"⚠ {tr(NOT_FOUND)}")
            current = QLabel()
            current.setAccessibleName(self.tr("{label}のセルの今の中身").format(label=f.label))
            row = FieldRow(f.key, sheet_box, cell, state, current)
            self.rows[f.key] = row
            for col, w in enumerate((label, sheet_box, cell, state, current)):
                grid.addWidget(w, n, col)
            sheet_box.currentIndexChanged.connect(lambda _i, row=row: self._edited(row))
            cell.textChanged.connect(lambda _t, row=row: self._edited(row))
            self._show_current(row)
        grid.setColumnStretch(4, 1)
        v.addWidget(fields_box)

        tables_box = QGroupBox(self.tr("表（1行目の位置と行数）"))
        tgrid = QGridLayout(tables_box)
        for col, head in enumerate((self.tr("表"), self.tr("シート"), self.tr("1行目"), self.tr("行数"), self.tr("列"),
                                     self.tr("見出し"))):
            tgrid.addWidget(QLabel(f"<b>{head}</b>"), 0, col)
        self.tables: dict[str, TableRow] = {}
        for n, (key, (label_text, columns)) in enumerate(TABLES.items(), start=1):
            place = self.guess.mapping.tables.get(key)
            sheet_box = combo(sheets, name=self.tr("表「{label}」のシート").format(label=label_text),
                              current=place.sheet if place else None)
            first = QSpinBox()
            first.setRange(1, 1_048_576)
            first.setValue(place.first_row if place else 1)
            first.setAccessibleName(self.tr("表「{label}」の1行目").format(label=label_text))
            rows_spin = QSpinBox()
            rows_spin.setRange(1, 100_000)
            rows_spin.setValue(place.max_rows if place else 1)
            rows_spin.setAccessibleName(self.tr("表「{label}」の行数").format(label=label_text))
            names = dict(columns)
            cols = dict(place.columns) if place else {}
            columns_text = self.tr("・").join(self.tr("{name} {letter}列").format(name=names[c], letter=letter)
                                             for c, letter in cols.items()) or self.tr("（見出しが見つかりません）")
            state = QLabel(tr(FOUND) if place else f"⚠ {tr(NOT_FOUND)}")
            row = TableRow(key, sheet_box, first, rows_spin, cols, state)
            self.tables[key] = row
            if not cols:  # no columns known: the table cannot be placed from here
                sheet_box.setEnabled(False)
                sheet_box.setToolTip(self.tr("様式に表の見出し（例: 事業名・参加者数）が見つからないため、この表は書き込みません。"))
                first.setEnabled(False)
                rows_spin.setEnabled(False)
            columns_label = QLabel(columns_text)
            columns_label.setWordWrap(True)
            for col, w in enumerate((QLabel(self.tr("表「{label}」").format(label=label_text)), sheet_box, first, rows_spin, columns_label, state)):
                tgrid.addWidget(w, n, col)
            sheet_box.currentIndexChanged.connect(lambda _i: self._changed())
            first.valueChanged.connect(lambda _v: self._changed())
            rows_spin.valueChanged.connect(lambda _v: self._changed())
        tgrid.setColumnStretch(4, 1)
        v.addWidget(tables_box)
        outer.addWidget(scrolling(body), 1)

        name_row = QHBoxLayout()
        self.name = line_edit(self.guess.mapping.name, name=self.tr("様式の名前"), placeholder=self.tr("例: 金沢市 町会実態報告書"))
        caption = QLabel(self.tr("様式の名前"))
        caption.setBuddy(self.name)
        name_row.addWidget(caption)
        name_row.addWidget(self.name, 1)
        self.check_btn = button(self.tr("確かめる"), self.check)
        name_row.addWidget(self.check_btn)
        outer.addLayout(name_row)
        self.report = note()
        self.report.setAccessibleName(self.tr("確かめた結果"))
        outer.addWidget(self.report)
        self.error = error_label()
        outer.addWidget(self.error)

        box = QDialogButtonBox()
        self.save_button: QPushButton = box.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = box.addButton(self.tr("キャンセル"), QDialogButtonBox.ButtonRole.RejectRole)
        for b in box.buttons():  # Enter in a field never saves by accident
            b.setAutoDefault(False)
            b.setDefault(False)
            b.setMinimumHeight(40)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        outer.addWidget(box)
        self._gate()
        fit_to_screen(self, 1200, 880)

    # -- reading the widgets ------------------------------------------------------------------------

    def mapping(self) -> FormMapping:
        """The mapping the widgets show. Raises ValidationError naming the field whose cell cannot
        be read."""
        fields: dict[str, str] = {}
        for f in FIELDS:
            row = self.rows[f.key]
            sheet = row.sheet.currentData()
            cell = row.cell.text().strip().upper()
            if sheet is None:
                continue
            if not cell:
                raise ValidationError(f.label, self.tr("「{label}」のセルが空です。セル（例: C6）を入れるか、シートを「{unused}」にしてください。"
                                                       ).format(label=f.label, unused=tr(UNUSED)), field=f.key)
            try:
                letters = cell.rstrip("0123456789")
                ref = join_cell(sheet, letters, int(cell[len(letters):] or "0"))
                split_cell(ref)
            except (ValidationError, ValueError):
                raise ValidationError(f.label, self.tr("「{label}」のセル「{cell}」が読めません（例: C6）。").format(
                    label=f.label, cell=row.cell.text().strip()), field=f.key) from None
            fields[f.key] = ref
        tables: dict[str, TablePlace] = {}
        for key, t in self.tables.items():
            sheet = t.sheet.currentData()
            if sheet is None or not t.columns:
                continue
            tables[key] = TablePlace(sheet, t.first_row.value(), dict(t.columns), t.max_rows.value())
        return FormMapping(name=self.name.text().strip() or self.guess.mapping.name, fields=fields, tables=tables,
                           sheets=self.info.sheets)

    # -- events -------------------------------------------------------------------------------------

    def _show_current(self, row: FieldRow) -> None:
        sheet = row.sheet.currentData()
        cell = row.cell.text().strip().upper()
        row.current.setText("" if sheet is None or not cell else cell_text(self.workbook, sheet, cell))
        row.cell.setEnabled(sheet is not None)

    def _edited(self, row: FieldRow) -> None:
        self._show_current(row)
        self._changed()

    def _changed(self) -> None:
        """Anything edited: what was checked no longer holds."""
        if self.checked is not None:
            self.checked = None
            self.report.setText(self.tr("直したところがあります。もう一度「確かめる」を押してください。"))
        self._gate()

    def why_not_save(self) -> str:
        reg = self.worker.register
        if reg is None:
            return self.tr("台帳が開かれていません。")
        if getattr(reg, "read_only", False):
            return self.tr("台帳を読み取り専用で開いているため、登録できません。")
        if not reg.session.can(rf.WRITE):
            return self.tr("「{name}」さん（{role}）には様式を登録する権限がありません。").format(
                name=reg.session.display_name, role=reg.session.role)
        if self.checked is None:
            return self.tr("先に「確かめる」を押してください。")
        if rf.errors_of(self.problems):
            return self.tr("直すところがあります（上の ⚠ の行）。")
        return ""

    def _gate(self) -> None:
        reason = self.why_not_save()
        self.save_button.setEnabled(not reason)
        self.save_button.setToolTip(self.tr("使えません: {reason}").format(reason=reason) if reason
                                    else self.tr("この対応で様式を登録します"))
        self.save_button.setAccessibleDescription(self.save_button.toolTip())

    def check(self) -> list[rf.Problem]:
        """Check the mapping on the form; show errors (they block saving) and notes."""
        self.error.setText("")
        self.checked = None
        try:
            mapping = self.mapping()
            self.problems = rf.check_mapping(self.path, mapping)
        except (*ERRORS, OSError) as exc:
            self.problems = []
            self.report.setText("")
            self.error.setText(f"⚠ {exc}")
            self._gate()
            return []
        errors = rf.errors_of(self.problems)
        notes = [p for p in self.problems if p.severity != "error"]
        lines: list[str] = []
        if errors:
            lines.append(self.tr("⚠ 直すところがあります（このままでは保存できません）:"))
            lines += [f"　⚠ {p}" for p in errors]
        else:
            lines.append(self.tr("問題はありません（項目 {fields}・表 {tables}）。「保存」で登録できます。").format(
                fields=len(mapping.fields), tables=len(mapping.tables)))
        if notes:
            lines.append(self.tr("お知らせ:"))
            lines += [self.tr("　・{note}").format(note=p) for p in notes]
        self.report.setText("\n".join(lines))
        self.checked = mapping
        self._gate()
        return self.problems

    def save(self) -> None:
        if not self.save_button.isEnabled() or self.checked is None:
            return
        name = self.name.text().strip()
        try:
            self.result_value = self.worker.call(rf.save_form, name, self.checked, form=self.path,
                                                 form_filename=self.path.name)
        except (*ERRORS, OSError) as exc:
            self.error.setText(self.tr("⚠ {exc}\n（登録していません。直してからもう一度「保存」を押してください。）").format(exc=exc))
            return
        self.accept()


__all__ = ["FormMappingDialog", "cell_text"]
