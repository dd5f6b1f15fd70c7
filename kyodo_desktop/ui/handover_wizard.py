"""年度替わり・引継ぎ: a wizard over ``models/handover.py`` — 年度と会計 → 役員 → 班長 → 確認 →
引継ぎの書類. Nothing changes before the 確認 page's 「実行する」, which lists every change first;
the package (encrypted copy, recovery sheet, checklist) is written afterwards, to a folder such as
a USB stick."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.models import accounts_book as ab
from kyodo_desktop.models import handover as ho
from kyodo_desktop.models.accounts import find_persons
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.japanese import fiscal_year_label
from kyodo_desktop.models.validation import ValidationError
from kyodo_desktop.ui import dialogs
from kyodo_desktop.ui.i18n import tr
from kyodo_desktop.ui.widgets import heading
from kyodo_desktop.ui.worker import DbWorker

ERRORS = (RegisterError, ValidationError)
STEPS = (QT_TRANSLATE_NOOP("", "年度と会計"), QT_TRANSLATE_NOOP("", "役員"), QT_TRANSLATE_NOOP("", "班長"),
         QT_TRANSLATE_NOOP("", "確認"), QT_TRANSLATE_NOOP("", "引継ぎの書類"))


def default_year(worker: DbWorker) -> int:
    """This 年度 if its officers are not registered yet (the hand-over is late), else next 年度."""
    def find(reg) -> int:
        this = ab.year_of(reg, reg.today())
        known = reg.conn.execute("SELECT 1 FROM officers WHERE fiscal_year = ? AND role = '会長'", [this]).fetchone()  # notr: SQL
        return this + 1 if known else this
    return worker.call(find)


class PersonPicker(QDialog):
    """Find a person of the register by name or kana (or pick from a short list)."""

    def __init__(self, worker: DbWorker, title: str, choices: list[tuple[int, str]] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("名前・フリガナで探す"))
        self.search.setAccessibleName(self.tr("名前で探す"))
        layout.addWidget(self.search)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("見つかった人"))
        layout.addWidget(self.results, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.ok = QPushButton(self.tr("この人にする"))
        cancel = QPushButton(self.tr("やめる"))
        row.addWidget(self.ok)
        row.addWidget(cancel)
        layout.addLayout(row)
        self.ok.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        self.results.itemDoubleClicked.connect(lambda _i: self.accept())
        self.choices = choices
        self.found: list[tuple[int, str]] = []
        self.search.textChanged.connect(self._find)
        self._find("")
        self.resize(self.fontMetrics().horizontalAdvance("あ") * 24, self.fontMetrics().height() * 22)  # notr: a width measure

    def _find(self, text: str) -> None:
        if self.choices is not None:
            self.found = [c for c in self.choices if text.strip() in c[1].replace("　", "")] if text.strip() else self.choices
        else:
            self.found = [(pid, f"{name}（{block}）") for pid, name, block in self.worker.call(find_persons, text)]  # notr: _pick_officer splits at 「（」
        self.results.clear()
        self.results.addItems([name for _pid, name in self.found])
        if self.found:
            self.results.setCurrentRow(0)
        self.ok.setEnabled(bool(self.found))

    def chosen(self) -> int | None:
        row = self.results.currentRow()
        return self.found[row][0] if 0 <= row < len(self.found) else None


class HandoverWizard(QDialog):
    def __init__(self, worker: DbWorker, parent: QWidget | None = None, *, new_year: int | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.setWindowTitle(self.tr("年度替わり・引継ぎ"))
        self.applied = False
        self.package: ho.HandoverPackage | None = None
        layout = QVBoxLayout(self)
        self.step_label = QLabel()
        self.step_label.setAccessibleName(self.tr("いまの手順"))
        layout.addWidget(self.step_label)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("お知らせ"))
        layout.addWidget(self.error)
        row = QHBoxLayout()
        self.back = QPushButton(self.tr("戻る"))
        self.next = QPushButton(self.tr("次へ"))
        self.close_button = QPushButton(self.tr("閉じる"))
        row.addWidget(self.back)
        row.addStretch(1)
        row.addWidget(self.next)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.back.clicked.connect(lambda: self._go(-1))
        self.next.clicked.connect(lambda: self._go(1))
        self.close_button.clicked.connect(self.accept)

        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(new_year or default_year(worker))
        self.year.setAccessibleName(self.tr("新しい年度（西暦）"))
        self.plan = worker.call(ho.propose, self.year.value())
        self.pages.addWidget(self._year_page())
        self.pages.addWidget(self._officers_page())
        self.pages.addWidget(self._leaders_page())
        self.pages.addWidget(self._confirm_page())
        self.pages.addWidget(self._package_page())
        self.resize(self.fontMetrics().horizontalAdvance("あ") * 52, self.fontMetrics().height() * 36)  # notr: a width measure
        self._go(0)

    # -- pages ---------------------------------------------------------------------------------

    def _year_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.addWidget(heading(self.tr("年度と会計"), 1.2))
        form = QFormLayout()
        self.year_text = QLabel()
        year_row = QHBoxLayout()
        year_row.addWidget(self.year)
        year_row.addWidget(self.year_text)
        year_row.addStretch(1)
        form.addRow(self.tr("新しい年度:"), year_row)
        v.addLayout(form)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        v.addWidget(self.notes)
        self.close_books = QCheckBox(self.tr("前の年度の帳簿を締めて、残高を繰り越す（監査が済んでいるとき）"))
        v.addWidget(self.close_books)
        self.counted_box = QWidget()
        self.counted_form = QFormLayout(self.counted_box)
        v.addWidget(self.counted_box)
        self.assess = QCheckBox(self.tr("新しい年度の会費を加入世帯に割り当てる"))
        self.assess.setChecked(True)
        v.addWidget(self.assess)
        v.addStretch(1)
        self.counted: dict[str, QLineEdit] = {}
        self.year.valueChanged.connect(self._year_changed)
        self.close_books.toggled.connect(self.counted_box.setVisible)
        self._fill_year_page()
        return page

    def _fill_year_page(self) -> None:
        p = self.plan
        self.year_text.setText(self.tr("{0}（前の年度: {1}）").format(fiscal_year_label(p.new_year), fiscal_year_label(p.old_year)))
        self.notes.setText("\n".join(self.tr("・{0}").format(n) for n in p.notes))
        years = {y.fiscal_year: y for y in self.worker.call(ab.list_years)}
        can_close = p.old_year in years and years[p.old_year].state == "open"
        self.close_books.setEnabled(can_close)
        self.close_books.setChecked(False)
        self.counted_box.setVisible(False)
        while self.counted_form.rowCount():
            self.counted_form.removeRow(0)
        self.counted = {}
        if can_close:
            check = self.worker.call(ab.closing_check, p.old_year, {})
            for a in check.accounts:
                edit = QLineEdit()
                edit.setPlaceholderText(self.tr("帳簿の残高 {0}").format(ab.yen(a.book)))
                edit.setAccessibleName(self.tr("{0}の実際の残高").format(a.account))
                self.counted[a.account] = edit
                self.counted_form.addRow(self.tr("{0}の実際の残高（円）:").format(a.account), edit)

    def _year_changed(self, value: int) -> None:
        try:
            self.plan = self.worker.call(ho.propose, value)
        except ERRORS as exc:
            self.error.setText(f"⚠ {exc}")
            return
        self.error.clear()
        self._fill_year_page()
        self._fill_officers()
        self._fill_leaders()

    def _officers_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.addWidget(heading(self.tr("役員"), 1.2))
        v.addWidget(QLabel(self.tr("前の年度と同じ人が入っています。替わる役職は選んで「人を変える」を押してください。")))
        self.officer_table = QTableWidget(0, 2)
        self.officer_table.setHorizontalHeaderLabels([self.tr("役職"), self.tr("氏名")])
        self.officer_table.horizontalHeader().setStretchLastSection(True)
        self.officer_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.officer_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.officer_table.setAccessibleName(self.tr("新しい年度の役員"))
        v.addWidget(self.officer_table, 1)
        row = QHBoxLayout()
        self.role_choice = QComboBox()
        self.role_choice.addItems(list(ho.ROLES))
        self.role_choice.setEditable(True)
        self.role_choice.setAccessibleName(self.tr("役職"))
        change = QPushButton(self.tr("人を変える…"))
        add = QPushButton(self.tr("この役職に人を選ぶ…"))
        remove = QPushButton(self.tr("この役職を空ける"))
        row.addWidget(change)
        row.addWidget(remove)
        row.addStretch(1)
        row.addWidget(self.role_choice)
        row.addWidget(add)
        v.addLayout(row)
        change.clicked.connect(self._change_officer)
        remove.clicked.connect(self._remove_officer)
        add.clicked.connect(lambda: self._pick_officer(self.role_choice.currentText().strip(), add=True))
        self._fill_officers()
        return page

    def _fill_officers(self) -> None:
        rows = self.plan.officers
        self.officer_table.setRowCount(len(rows))
        for n, o in enumerate(rows):
            self.officer_table.setItem(n, 0, QTableWidgetItem(o.role))
            self.officer_table.setItem(n, 1, QTableWidgetItem(o.name))

    def _pick_officer(self, role: str, *, add: bool = False, replace_index: int | None = None) -> None:
        if not role:
            return
        picker = PersonPicker(self.worker, self.tr("{0}を選ぶ").format(role), parent=self)
        if picker.exec() != QDialog.DialogCode.Accepted or picker.chosen() is None:
            return
        person = picker.chosen()
        name = next(n for pid, n in picker.found if pid == person).split("（")[0]  # notr: a separator
        officers = list(self.plan.officers)
        choice = ho.OfficerChoice(role, person, name)
        if replace_index is not None:
            officers[replace_index] = choice
        elif add and role in ("監事",):  # a role two people hold  # notr: a stored role
            officers.append(choice)
        else:
            officers = [o for o in officers if o.role != role] + [choice]
        self.plan.officers = officers
        self._fill_officers()

    def _change_officer(self) -> None:
        row = self.officer_table.currentRow()
        if 0 <= row < len(self.plan.officers):
            self._pick_officer(self.plan.officers[row].role, replace_index=row)

    def _remove_officer(self) -> None:
        row = self.officer_table.currentRow()
        if 0 <= row < len(self.plan.officers):
            del self.plan.officers[row]
            self._fill_officers()

    def _leaders_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.addWidget(heading(self.tr("班長"), 1.2))
        hint = QLabel(self.tr("班長の当番表があればそこから、なければ回覧順で次の世帯（75歳以上だけの世帯は飛ばす）を入れてあります。"))
        hint.setWordWrap(True)
        v.addWidget(hint)
        self.leader_table = QTableWidget(0, 4)
        self.leader_table.setHorizontalHeaderLabels([self.tr("班"), self.tr("今の班長"), self.tr("新しい班長"), self.tr("決め方")])
        self.leader_table.horizontalHeader().setStretchLastSection(True)
        self.leader_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.leader_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.leader_table.setAccessibleName(self.tr("班長の交代"))
        v.addWidget(self.leader_table, 1)
        row = QHBoxLayout()
        change = QPushButton(self.tr("班長を選ぶ…"))
        keep = QPushButton(self.tr("今の班長のまま"))
        row.addWidget(change)
        row.addWidget(keep)
        row.addStretch(1)
        v.addLayout(row)
        change.clicked.connect(self._change_leader)
        keep.clicked.connect(self._keep_leader)
        self._fill_leaders()
        return page

    def _fill_leaders(self) -> None:
        rows = self.plan.leaders
        self.leader_table.setRowCount(len(rows))
        for n, c in enumerate(rows):
            for col, text in enumerate((c.block, c.current_name or self.tr("（なし）"), c.name or self.tr("（なし）"),
                                         tr(c.source))):
                self.leader_table.setItem(n, col, QTableWidgetItem(text))

    def _set_leader(self, row: int, person: int | None, source: str) -> None:
        c = self.plan.leaders[row]
        name = self.worker.call(ho.person_name, person)
        self.plan.leaders[row] = ho.LeaderChoice(c.block_id, c.block, person, name, source, c.current_id, c.current_name)
        self._fill_leaders()

    def _change_leader(self) -> None:
        row = self.leader_table.currentRow()
        if not 0 <= row < len(self.plan.leaders):
            return
        c = self.plan.leaders[row]
        people = self.worker.call(ho.block_people, c.block_id, self.plan.new_year)
        picker = PersonPicker(self.worker, self.tr("{0}の班長を選ぶ").format(c.block), people, parent=self)
        if picker.exec() == QDialog.DialogCode.Accepted and picker.chosen() is not None:
            self._set_leader(row, picker.chosen(), QT_TRANSLATE_NOOP("", "選択"))  # stored as it is

    def _keep_leader(self) -> None:
        row = self.leader_table.currentRow()
        if 0 <= row < len(self.plan.leaders):
            self._set_leader(row, self.plan.leaders[row].current_id, QT_TRANSLATE_NOOP("", "今年度のまま"))

    def _confirm_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.addWidget(heading(self.tr("確認"), 1.2))
        v.addWidget(QLabel(self.tr("「実行する」を押すと、次のことをまとめて行います（途中で失敗したときは何も変わりません）。")))
        self.change_list = QListWidget()
        self.change_list.setAccessibleName(self.tr("行うこと"))
        self.change_list.setWordWrap(True)
        v.addWidget(self.change_list, 1)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setAccessibleName(self.tr("直すこと"))
        v.addWidget(self.problems)
        self.apply_button = QPushButton(self.tr("実行する"))
        self.apply_button.clicked.connect(self.apply)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.apply_button)
        v.addLayout(row)
        return page

    def _package_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.addWidget(heading(self.tr("引継ぎの書類"), 1.2))
        text = QLabel(self.tr("新しい役員に渡すものを、フォルダー（USBメモリなど）に作ります: 台帳のコピー（暗号化済み・"
                              "開くにはパスワードが必要）、引継ぎチェックリスト（PDF）、希望すれば新しい復旧シート。"))
        text.setWordWrap(True)
        v.addWidget(text)
        row = QHBoxLayout()
        self.folder = QLineEdit()
        self.folder.setAccessibleName(self.tr("保存先のフォルダー"))
        browse = QPushButton(self.tr("選ぶ…"))
        browse.clicked.connect(self._browse)
        row.addWidget(QLabel(self.tr("保存先:")))
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        v.addLayout(row)
        self.new_code = QCheckBox(self.tr("復旧コードを新しくして、復旧シートを作る（前の復旧シートは使えなくなります）"))
        v.addWidget(self.new_code)
        self.package_button = QPushButton(self.tr("書類を作る"))
        self.package_button.clicked.connect(self.make_package)
        v.addWidget(self.package_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.package_result = QLabel()
        self.package_result.setWordWrap(True)
        v.addWidget(self.package_result)
        v.addStretch(1)
        return page

    # -- actions -------------------------------------------------------------------------------

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("引継ぎの書類の保存先"))
        if folder:
            self.folder.setText(folder)

    def _read_counted(self) -> dict[str, int] | None:
        if not self.close_books.isChecked():
            return None
        counted: dict[str, int] = {}
        for account, edit in self.counted.items():
            text = edit.text().strip().replace(",", "").replace("，", "").removesuffix("円")  # notr: parsing input
            if not text.isdigit():
                raise ValidationError(self.tr("実際の残高"), self.tr("「{0}」の実際の残高を数字で入れてください（例: 12000）。").format(account))
            counted[account] = int(text)
        return counted

    def _refresh_confirm(self) -> None:
        self.change_list.clear()
        self.change_list.addItems(self.worker.call(ho.describe, self.plan))
        problems = self.worker.call(ho.check, self.plan)
        self.problems.setText(self.tr("⚠ 直すこと:\n") + "\n".join(self.tr("・{0}").format(p) for p in problems) if problems else "")
        self.apply_button.setEnabled(not problems and not self.applied)

    def _go(self, step: int) -> None:
        n = self.pages.currentIndex()
        if step > 0 and n == 0:
            try:
                self.plan.close_books = self._read_counted()
            except ValidationError as exc:
                self.error.setText(f"⚠ {exc.message}")
                return
            self.plan.assess_dues = self.assess.isChecked()
        target = max(0, min(self.pages.count() - 1, n + step))
        if target == 4 and not self.applied:
            target = 3  # the papers come after 「実行する」
        if self.applied and target < 3:
            target = 3  # nothing to change any more
        self.error.clear()
        self.pages.setCurrentIndex(target)
        if target == 3:
            self._refresh_confirm()
        self.step_label.setText("　→　".join(f"【{tr(s)}】" if k == target else tr(s) for k, s in enumerate(STEPS)))
        self.back.setEnabled(target > 0 and not (self.applied and target <= 3))
        self.next.setEnabled(target < 3 or (target == 3 and self.applied))

    def apply(self) -> None:
        lines = self.worker.call(ho.describe, self.plan)
        if not dialogs.confirm(self, self.tr("年度替わり"), self.tr("{0}項目の変更をまとめて行います。よろしいですか？\n"
                                                      "（行う前に自動でバックアップを作ります）").format(len(lines)),
                               yes=self.tr("実行する"), no=self.tr("やめる")):
            return
        try:
            self.worker.call(lambda reg: reg.backup("handover"))
            result = self.worker.call(ho.apply, self.plan)
        except ERRORS as exc:
            self.error.setText(self.tr("⚠ {0}\n何も変えていません。").format(exc))
            return
        self.applied = True
        self._go(0)  # (stays on 確認, now with 「次へ」 to the papers)
        self.error.setText(self.tr("✓ {0}への年度替わりを行いました（{1}項目）。"
                                   "「次へ」で引継ぎの書類を作れます。").format(fiscal_year_label(result.new_year), len(result.changes)))

    def make_package(self) -> None:
        folder = self.folder.text().strip()
        if not folder:
            self.package_result.setText(self.tr("⚠ 保存先のフォルダーを選んでください。"))
            return
        try:
            self.package = self.worker.call(ho.write_package, Path(folder), self.plan.new_year,
                                            new_recovery_code=self.new_code.isChecked())
        except ERRORS as exc:
            self.package_result.setText(f"⚠ {exc}")
            return
        names = [self.package.register_copy.name, self.package.checklist.name]
        if self.package.recovery_sheet is not None:
            names.append(self.package.recovery_sheet.name)
        self.package_result.setText(self.tr("✓ 作りました:\n") + "\n".join(self.tr("・{0}").format(n) for n in names)
                                    + self.tr("\nチェックリストを印刷して、新しい役員と一緒に確かめてください。"))
