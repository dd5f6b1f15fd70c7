"""「印刷」: choose a document and its options, see its pages, print them or save the PDF.

The PDF is made by export/documents on the database thread into a private temporary folder
(overwritten and removed when the window closes: it holds personal data), shown with PDFium,
and recorded in the audit log only when it is printed or saved.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.export import documents as docs
from kyodo_desktop.export import roster_docs
from kyodo_desktop.models import schema
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.households import list_blocks
from kyodo_desktop.models.privacy import record_output
from kyodo_desktop.ui.i18n import tr
from kyodo_desktop.ui.worker import DbWorker

KINDS = (
    ("circular", QT_TRANSLATE_NOOP("", "回覧板（表紙と押印欄）")),
    ("register", QT_TRANSLATE_NOOP("", "名簿")),
    ("labels", QT_TRANSLATE_NOOP("", "宛名ラベル")),
    ("elders", QT_TRANSLATE_NOOP("", "敬老会の名簿")),
    ("household-sheet", QT_TRANSLATE_NOOP("", "記載内容の確認用紙")),
    ("postcards", QT_TRANSLATE_NOOP("", "はがきの宛名（縦書き）")),
    ("activity-summary", QT_TRANSLATE_NOOP("", "活動のまとめ（1枚）")),
    ("sign-in", QT_TRANSLATE_NOOP("", "行事の受付名簿")),
    ("rsvp", QT_TRANSLATE_NOOP("", "行事の出欠表（班ごと）")),
)
#: the documents of a 当番表 (after the others in the chooser: they need a roster with its turns given out)
ROSTER_KINDS = (
    ("roster", QT_TRANSLATE_NOOP("", "当番表")),
    ("duty-slips", QT_TRANSLATE_NOOP("", "当番札")),
)
#: the period of a 当番表 or 当番札
ROSTER_PERIODS = (
    ("3months", QT_TRANSLATE_NOOP("", "これから3か月")),
    ("fiscal", QT_TRANSLATE_NOOP("", "今年度")),
    ("custom", QT_TRANSLATE_NOOP("", "指定…")),
)
#: the documents of the books (会計・報告), of one 年度
BOOK_KINDS = (
    ("collection-book", QT_TRANSLATE_NOOP("", "会費集金簿（班ごと）")),
    ("settlement", QT_TRANSLATE_NOOP("", "収支決算書・会計監査報告書")),
    ("budget", QT_TRANSLATE_NOOP("", "収支予算書")),
    ("receipts", QT_TRANSLATE_NOOP("", "会費の領収書")),
)
#: the 防災 documents printed in advance (the 班 choice above is their only option)
BOUSAI_KINDS = (
    ("phone-tree", QT_TRANSLATE_NOOP("", "緊急連絡網（班ごと）")),
    ("safety-check", QT_TRANSLATE_NOOP("", "安否確認シート（記入用・班ごと）")),
    ("safety-tally", QT_TRANSLATE_NOOP("", "安否確認の集計表（記入用）")),
    ("bousai", QT_TRANSLATE_NOOP("", "防災台帳（資機材・避難場所・組織）")),
)


def render_page(path: Path, index: int, scale: float) -> QImage:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        bitmap = pdf[index].render(scale=scale, rev_byteorder=True)
        fmt = QImage.Format.Format_RGBX8888 if bitmap.n_channels == 4 else QImage.Format.Format_RGB888
        return QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, fmt).copy()
    finally:
        pdf.close()


def draw_on_printer(parent: QWidget, pdf: Path, pages: int, printer: Any, painter: QPainter) -> int:
    """Draw each page of ``pdf`` on an open ``painter`` at the printer's resolution (at most 300
    dpi: sharp text; more only costs time and memory), with a progress dialog whose 「中止」 aborts
    the print. Ends the painter. Returns the pages printed."""
    progress = QProgressDialog(tr("印刷しています…"), tr("中止"), 0, pages, parent)
    progress.setWindowTitle(tr("印刷"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(800)
    printed = 0
    try:
        dpi = min(printer.resolution(), 300)
        for n in range(pages):
            QApplication.processEvents()  # the window keeps painting; 「中止」 is heard
            if progress.wasCanceled():
                printer.abort()
                break
            if n:
                printer.newPage()
            image = render_page(pdf, n, dpi / 72)
            rect = painter.viewport()
            size = image.size().scaled(rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(rect.x(), rect.y(), size.width(), size.height())
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(rect)
            printed += 1
            progress.setValue(printed)
    finally:
        painter.end()
        progress.close()
        progress.deleteLater()
    return printed


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


class PrintPreview(QDialog):
    def __init__(self, worker: DbWorker, parent: QWidget | None = None, *, kind: str = "circular",
                 remember_font: Callable[[str], None] | None = None, event_id: int | None = None,
                 roster_id: int | None = None, fiscal_year: int | None = None, block_id: int | None = None,
                 household_ids: list[int] | None = None) -> None:
        """``fiscal_year``, ``block_id``, ``household_ids``: what a book document starts with (the
        会計・報告 page passes its 年度, the 班 shown and the household chosen for a 領収書)."""
        super().__init__(parent)
        self._household_ids = household_ids
        self.worker = worker
        self.remember_font = remember_font or (lambda _path: None)
        self._auto = QTimer(self)  # option changes refresh the preview once the clicking stops
        self._auto.setSingleShot(True)
        self._auto.setInterval(350)
        self._auto.timeout.connect(self.refresh)
        self._dir = Path(tempfile.mkdtemp(prefix="kyodo-print-"))
        self.pdf: Path | None = None
        self.result: docs.PrintResult | None = None
        self.page = 0
        self.pages = 0
        self.setWindowTitle(self.tr("印刷"))
        row = QHBoxLayout(self)
        side = QVBoxLayout()
        self.kind = QComboBox()
        for key, label in KINDS + BOOK_KINDS + BOUSAI_KINDS + ROSTER_KINDS:
            self.kind.addItem(tr(label), key)
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        self.kind.setAccessibleName(self.tr("書類"))
        side.addWidget(QLabel(self.tr("書類")))
        side.addWidget(self.kind)
        self.block = QComboBox()
        self.block.addItem(self.tr("すべての班"), None)
        for b in worker.call(list_blocks):
            self.block.addItem(b.name, b.id)
        if block_id is not None:
            self.block.setCurrentIndex(max(self.block.findData(block_id), 0))
        side.addWidget(QLabel(self.tr("班")))
        side.addWidget(self.block)
        self.options = QStackedWidget()
        self.options.addWidget(self._circular_options())
        self.options.addWidget(self._register_options())
        self.options.addWidget(self._label_options())
        self.options.addWidget(self._elder_options())
        self.options.addWidget(QWidget())
        self.options.addWidget(QWidget())
        self.options.addWidget(self._summary_options())
        event_options = self._event_options(event_id)
        self.options.addWidget(event_options)  # 受付名簿
        self.options.addWidget(QWidget())  # 出欠表: the same event choice (shown by _kind_changed)
        self.options.addWidget(self._book_options(fiscal_year))  # 集金簿
        for _key in BOOK_KINDS[1:]:
            self.options.addWidget(QWidget())  # 決算書, 予算書, 領収書: the same 年度 (shown by _kind_changed)
        for _key in BOUSAI_KINDS:
            self.options.addWidget(QWidget())  # 連絡網 … 防災台帳: only the 班
        self.options.addWidget(self._roster_options(roster_id))  # 当番表
        self.options.addWidget(QWidget())  # 当番札: the same roster and period (shown by _kind_changed)
        side.addWidget(self.options)
        update = QPushButton(self.tr("プレビューを更新"))
        update.clicked.connect(self.refresh)
        side.addWidget(update)
        fonts = QHBoxLayout()
        self.font_label = QLabel()
        self.font_label.setWordWrap(True)
        choose_font = QPushButton(self.tr("フォント…"))
        choose_font.setToolTip(self.tr("印刷に使うフォント（TrueType .ttf / .ttc）を選びます"))
        choose_font.clicked.connect(lambda: self.choose_font())
        standard_font = QPushButton(self.tr("標準"))
        standard_font.setToolTip(self.tr("同梱のフォントとOSのフォントで印刷します"))
        standard_font.clicked.connect(self.use_standard_font)
        fonts.addWidget(self.font_label, 1)
        fonts.addWidget(choose_font)
        fonts.addWidget(standard_font)
        side.addLayout(fonts)
        self._show_font()
        side.addStretch(1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        side.addWidget(self.status)
        self.print_btn = QPushButton(self.tr("印刷…"))
        self.print_btn.clicked.connect(self.print_pages)
        self.save_btn = QPushButton(self.tr("PDFで保存…"))
        self.save_btn.clicked.connect(self.save_pdf)
        side.addWidget(self.print_btn)
        side.addWidget(self.save_btn)
        close = QPushButton(self.tr("閉じる"))
        close.clicked.connect(self.reject)
        side.addWidget(close)
        left = QWidget()
        left.setLayout(side)
        left.setFixedWidth(330)
        row.addWidget(left)
        view = QVBoxLayout()
        nav = QHBoxLayout()
        self.prev_btn = QPushButton(self.tr("前のページ"))
        self.next_btn = QPushButton(self.tr("次のページ"))
        self.page_label = QLabel()
        self.zoom = QComboBox()
        for z in (50, 75, 100, 150):
            self.zoom.addItem(f"{z}%", z)
        self.zoom.setCurrentIndex(1)
        self.prev_btn.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next_btn.clicked.connect(lambda: self.show_page(self.page + 1))
        self.zoom.currentIndexChanged.connect(lambda _i: self.show_page(self.page))
        for w in (self.prev_btn, self.page_label, self.next_btn):
            nav.addWidget(w)
        nav.addStretch(1)
        nav.addWidget(QLabel(self.tr("拡大")))
        nav.addWidget(self.zoom)
        view.addLayout(nav)
        self.canvas = QLabel()
        self.canvas.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.canvas.setAccessibleName(self.tr("ページ"))
        scroll = QScrollArea()
        scroll.setWidget(self.canvas)
        scroll.setWidgetResizable(True)
        view.addWidget(scroll, 1)
        row.addLayout(view, 1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for combo in (self.block, self.purpose, self.order, self.per_sheet, self.rule, self.circular_kind,
                      self.summary_year):
            combo.currentIndexChanged.connect(lambda _i: self._auto.start())
        self.event.currentIndexChanged.connect(lambda _i: self._auto.start())
        self.roster.currentIndexChanged.connect(lambda _i: self._auto.start())
        self.book_year.currentIndexChanged.connect(lambda _i: self._auto.start())
        self.period.currentIndexChanged.connect(self._period_changed)
        for edit in (self.period_from, self.period_to):
            edit.editingFinished.connect(self._auto.start)
        for spin in (self.skip, self.age, self.sign_in_rows):
            spin.valueChanged.connect(lambda _v: self._auto.start())
        self.columns.itemChanged.connect(lambda _item: self._auto.start())
        self.cover.toggled.connect(lambda _on: self._auto.start())
        self._kind_changed()
        self.resize(1200, 860)

    # -- options ---------------------------------------------------------------------------------

    def _circular_options(self) -> QWidget:
        w = QWidget()
        form = QFormLayout(w)
        self.title = QLineEdit(self.tr("回覧"))
        self.due = QLineEdit()
        self.due.setPlaceholderText(self.tr("例: 令和8年12月5日"))
        self.circular_kind = QComboBox()
        self.circular_kind.addItems(list(docs.CIRCULAR_KINDS))
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText(self.tr("お知らせの本文（なくても可）"))
        form.addRow(self.tr("題名"), self.title)
        form.addRow(self.tr("班長へ戻す日"), self.due)
        form.addRow(self.tr("区分"), self.circular_kind)
        form.addRow(self.tr("本文"), self.body)
        self.attachment: Path | None = None
        attach = QPushButton(self.tr("お知らせのPDFを添付…"))
        attach.clicked.connect(self.choose_attachment)
        self.attachment_label = QLabel(self.tr("（添付なし）"))
        self.attachment_label.setWordWrap(True)
        form.addRow(attach, self.attachment_label)
        return w

    def choose_attachment(self, path: Path | None = None) -> None:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("添付するPDF"), str(Path.home()), "PDF (*.pdf)")
            if not chosen:
                return
            path = Path(chosen)
        self.attachment = path
        self.attachment_label.setText(path.name)
        self.refresh()

    def _register_options(self) -> QWidget:
        w = QWidget()
        form = QFormLayout(w)
        self.purpose = QComboBox()
        for key in schema.OUTPUT_PURPOSES:
            label = schema.PURPOSES[key]
            self.purpose.addItem(label, key)
        self.order = QComboBox()
        self.order.addItem(self.tr("回覧順"), "circulation")
        self.order.addItem(self.tr("五十音順"), "gojuon")
        form.addRow(self.tr("目的"), self.purpose)
        form.addRow(self.tr("並び順"), self.order)
        from kyodo_desktop.export.register_xlsx import COLUMNS, DEFAULT_COLUMNS

        self.columns = QListWidget()
        self.columns.setAccessibleName(self.tr("載せる列"))
        for key, (header, _f) in COLUMNS.items():
            if key == "id":
                continue
            item = QListWidgetItem(header)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in DEFAULT_COLUMNS else Qt.CheckState.Unchecked)
            self.columns.addItem(item)
        self.columns.setMaximumHeight(190)
        form.addRow(self.tr("載せる列"), self.columns)
        self.cover = QCheckBox(self.tr("つける"))
        self.cover.setToolTip(self.tr("1ページ目に、名簿の目的・載せた範囲と取扱いのお願いを印刷します"))
        self.cover.setChecked(True)
        form.addRow(self.tr("表紙"), self.cover)
        return w

    def chosen_columns(self) -> tuple[str, ...]:
        return tuple(self.columns.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.columns.count())
                     if self.columns.item(i).checkState() == Qt.CheckState.Checked)

    def _show_font(self) -> None:
        from kyodo_desktop.export import pdf

        chosen = pdf.user_font()
        self.font_label.setText(self.tr("フォント: {0}").format(chosen.name if chosen else self.tr("標準")))

    def choose_font(self, path: Path | None = None) -> None:
        """Use a font file of the user's choice first; remembered on this PC. A file that cannot
        be used is reported on the preview, and the standard fonts print instead."""
        from kyodo_desktop.export import pdf

        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("印刷に使うフォント"), "",
                                                    self.tr("TrueType フォント (*.ttf *.ttc);;すべてのファイル (*)"))
            if not chosen:
                return
            path = Path(chosen)
        pdf.set_user_font(path)
        self.remember_font(str(path))
        self._show_font()
        self.refresh()

    def use_standard_font(self) -> None:
        from kyodo_desktop.export import pdf

        pdf.set_user_font(None)
        self.remember_font("")
        self._show_font()
        self.refresh()

    def _label_options(self) -> QWidget:
        w = QWidget()
        form = QFormLayout(w)
        self.per_sheet = QComboBox()
        for n in docs.LABEL_LAYOUTS:
            self.per_sheet.addItem(self.tr("{0}面").format(n), n)
        self.skip = QSpinBox()
        self.skip.setRange(0, 23)
        form.addRow(self.tr("ラベル用紙"), self.per_sheet)
        form.addRow(self.tr("使用済みの枚数"), self.skip)
        return w

    def _elder_options(self) -> QWidget:
        w = QWidget()
        form = QFormLayout(w)
        self.age = QSpinBox()
        self.age.setRange(60, 110)
        self.age.setValue(75)
        self.as_of = QLineEdit()
        self.as_of.setPlaceholderText(self.tr("基準日（空欄なら今日）"))
        self.rule = QComboBox()
        self.rule.addItem(self.tr("法律の数え方"), "legal")
        self.rule.addItem(self.tr("誕生日に1歳加算"), "birthday")
        self.rule.addItem(self.tr("数え年"), "kazoe")
        form.addRow(self.tr("年齢（以上）"), self.age)
        form.addRow(self.tr("基準日"), self.as_of)
        form.addRow(self.tr("数え方"), self.rule)
        return w

    def _summary_options(self) -> QWidget:
        from kyodo_desktop.models.japanese import fiscal_year, fiscal_year_label

        w = QWidget()
        form = QFormLayout(w)
        self.summary_year = QComboBox()
        this = fiscal_year(date.today())
        for fy in range(this, this - 10, -1):
            self.summary_year.addItem(fiscal_year_label(fy), fy)
        self.summary_year.setAccessibleName(self.tr("年度"))
        form.addRow(self.tr("年度"), self.summary_year)
        return w

    def _event_options(self, event_id: int | None) -> QWidget:
        """The event for a 受付名簿 or 出欠表: this 年度's and next 年度's, newest first."""
        from kyodo_desktop.models import activity as act
        from kyodo_desktop.models.japanese import fiscal_year

        w = QWidget()
        form = QFormLayout(w)
        self.event = QComboBox()
        self.event.setAccessibleName(self.tr("行事"))
        this = fiscal_year(date.today())
        rows = [r for fy in (this + 1, this, this - 1) for r in reversed(self.worker.call(act.list_events, fiscal_year=fy))]
        if event_id is not None and all(r.id != event_id for r in rows):
            chosen = self.worker.call(act.get_event, event_id)
            self.event.addItem(f"{chosen.starts_at[:10]}　{chosen.title}", event_id)
        for r in rows:
            self.event.addItem(f"{r.starts_at[:10]}　{r.title}", r.id)
        if event_id is not None:
            self.event.setCurrentIndex(max(self.event.findData(event_id), 0))
        self.sign_in_rows = QSpinBox()
        self.sign_in_rows.setRange(5, 200)
        self.sign_in_rows.setValue(30)
        form.addRow(self.tr("行事"), self.event)
        form.addRow(self.tr("受付名簿の行数"), self.sign_in_rows)
        return w

    def _roster_options(self, roster_id: int | None) -> QWidget:
        """The 当番表 (a 班長 sees their own 班's only) and the period of a 当番表 or 当番札."""
        from kyodo_desktop.models.households import get_association
        from kyodo_desktop.models.rosters import list_rosters

        w = QWidget()
        form = QFormLayout(w)
        self.roster = QComboBox()
        self.roster.setAccessibleName(self.tr("当番表"))
        for r in self.worker.call(list_rosters):
            self.roster.addItem(r.name, r.id)
        if roster_id is not None:
            self.roster.setCurrentIndex(max(self.roster.findData(roster_id), 0))
        # a long name (「○○ステーション（集会所横）のごみ当番」) must not widen the panel: the list shows it whole
        self.roster.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.roster.setMinimumContentsLength(12)
        self.roster.view().setMinimumWidth(420)
        self.roster.setToolTip(self.roster.currentText())
        self.roster.currentTextChanged.connect(self.roster.setToolTip)
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("期間"))
        for key, label in ROSTER_PERIODS:
            self.period.addItem(tr(label), key)
        self.period_from = QLineEdit()
        self.period_from.setPlaceholderText(self.tr("例: 令和8年4月1日"))
        self.period_from.setAccessibleName(self.tr("期間の始まり"))
        self.period_to = QLineEdit()
        self.period_to.setPlaceholderText(self.tr("空欄なら決めてある所まで"))
        self.period_to.setAccessibleName(self.tr("期間の終わり"))
        self._fiscal_start_month = self.worker.call(
            lambda reg: int(get_association(reg).get("fiscal_year_start_month") or 4))
        form.addRow(QLabel(self.tr("当番表")))
        form.addRow(self.roster)
        form.addRow(self.tr("期間"), self.period)
        form.addRow(self.tr("から"), self.period_from)
        form.addRow(self.tr("まで"), self.period_to)
        hint = QLabel(self.tr("当番は「当番表」の「○月○日まで決める」で決めた分だけ印刷できます。"))
        hint.setWordWrap(True)
        form.addRow(hint)
        self._period_changed(notify=False)
        return w

    def _book_options(self, fiscal_year: int | None) -> QWidget:
        """The 年度 of a book document: the years whose books are kept, newest first."""
        from kyodo_desktop.models import accounts_book as ab

        w = QWidget()
        form = QFormLayout(w)
        self.book_year = QComboBox()
        self.book_year.setAccessibleName(self.tr("会計の年度"))
        for y in reversed(self.worker.call(ab.list_years)):
            self.book_year.addItem(self.tr("{label}（{state}）").format(label=y.label, state=y.state_label), y.fiscal_year)
        if fiscal_year is not None:
            self.book_year.setCurrentIndex(max(self.book_year.findData(fiscal_year), 0))
        form.addRow(self.tr("年度"), self.book_year)
        hint = QLabel(self.tr("集金簿と領収書は「班」で選んだ班の分です。決算書は締める前なら見込みの数字です。"))
        hint.setWordWrap(True)
        form.addRow(hint)
        return w

    def _period_changed(self, _index: int = 0, *, notify: bool = True) -> None:
        custom = self.period.currentData() == "custom"
        self.period_from.setEnabled(custom)
        self.period_to.setEnabled(custom)
        if notify:
            self._auto.start()

    def roster_period(self) -> tuple[date | None, date | None]:
        """The chosen period, by the register's today: (None, None) leaves it to the document."""
        from kyodo_desktop.models.japanese import fiscal_year, fiscal_year_range, parse_date

        choice = self.period.currentData()
        if choice == "custom":
            first = parse_date(self.period_from.text()) if self.period_from.text().strip() else None
            last = parse_date(self.period_to.text()) if self.period_to.text().strip() else None
            return first, last
        today = self.worker.call(lambda reg: reg.today())
        if choice == "fiscal":
            return fiscal_year_range(fiscal_year(today, self._fiscal_start_month), self._fiscal_start_month)
        import calendar

        month = today.month + 2  # three months on (0-based), the day before the same day of the month
        year, month = today.year + month // 12, month % 12 + 1
        later = date(year, month, min(today.day, calendar.monthrange(year, month)[1]))
        return today, later - timedelta(days=1)

    def _kind_changed(self) -> None:
        shared = {"rsvp": "sign-in", "duty-slips": "roster", "settlement": "collection-book", "budget": "collection-book",
                  "receipts": "collection-book"}  # these share the options of another document
        key = self.kind.currentData()
        self.sign_in_rows.setEnabled(key != "rsvp")
        self.options.setCurrentIndex(self.kind.findData(shared.get(key, key)))
        self.refresh()

    # -- making and showing --------------------------------------------------------------------------

    def _make(self, target: Path, *, record: bool) -> docs.PrintResult:
        from kyodo_desktop.models.japanese import parse_date

        kind = self.kind.currentData()
        blocks = [self.block.currentData()] if self.block.currentData() is not None else None
        if kind == "circular":
            due = parse_date(self.due.text()) if self.due.text().strip() else None
            notice = docs.Circular(self.title.text(), date.today(), due, self.circular_kind.currentText(),
                                   self.body.toPlainText(), self.attachment)
            return self._run(docs.write_circular, notice, target, block_ids=blocks, record=record)
        if kind == "register":
            return self._run(docs.write_register_pdf, target, purpose=self.purpose.currentData(),
                             order=self.order.currentData(), block_ids=blocks, record=record,
                             columns=self.chosen_columns(), cover=self.cover.isChecked())
        if kind == "labels":
            return self._run(docs.write_labels, target, per_sheet=self.per_sheet.currentData(),
                             skip=min(self.skip.value(), self.per_sheet.currentData() - 1), block_ids=blocks,
                             record=record)
        if kind == "elders":
            as_of = parse_date(self.as_of.text()) if self.as_of.text().strip() else None
            return self._run(docs.write_elders, target, age=self.age.value(), as_of=as_of,
                             rule=self.rule.currentData(), record=record)
        if kind == "postcards":
            return self._run(docs.write_postcards, target, block_ids=blocks, record=record)
        if kind in ("sign-in", "rsvp"):
            if self.event.currentData() is None:
                raise RegisterError(self.tr("印刷する行事がありません。先に「行事」で行事を登録してください。"))
            if kind == "sign-in":
                return self._run(docs.write_sign_in_sheet, target, event_id=self.event.currentData(),
                                 rows=self.sign_in_rows.value(), record=record)
            return self._run(docs.write_rsvp_list, target, event_id=self.event.currentData(), block_ids=blocks,
                             record=record)
        if kind in ("roster", "duty-slips"):
            if self.roster.currentData() is None:
                raise RegisterError(self.tr("印刷する当番表がありません。先に「当番表」で当番表を作り、"
                                            "「○月○日まで決める」で当番を決めてください。"))
            first, last = self.roster_period()
            if kind == "roster":
                return self._run(roster_docs.write_roster, target, roster_id=self.roster.currentData(), start=first,
                                 end=last, block_ids=blocks, record=record)
            return self._run(roster_docs.write_duty_slips, target, roster_id=self.roster.currentData(), start=first,
                             end=last, record=record)
        if kind in dict(BOOK_KINDS):
            return self._make_book(kind, target, blocks, record=record)
        if kind in dict(BOUSAI_KINDS):
            from kyodo_desktop.export import bousai_docs

            if kind == "bousai":
                return self._run(bousai_docs.write_bousai_register, target, record=record)
            write = {"phone-tree": bousai_docs.write_phone_tree, "safety-check": bousai_docs.write_safety_sheets,
                     "safety-tally": bousai_docs.write_safety_tally}[kind]
            return self._run(write, target, block_ids=blocks, record=record)
        if kind == "activity-summary":
            from kyodo_desktop.export.activity_summary import write_activity_summary

            return self._run(write_activity_summary, target, fiscal_year=self.summary_year.currentData(), record=record)
        return self._run(docs.write_household_sheets, target, block_ids=blocks, record=record)

    def _make_book(self, kind: str, target: Path, blocks: list[int] | None, *, record: bool) -> docs.PrintResult:
        from kyodo_desktop.export import accounts_docs

        fy = self.book_year.currentData()
        if fy is None:
            raise RegisterError(self.tr("帳簿をつけている年度がありません。先に「会計・報告」で「年度を開く」を行ってください。"))
        if kind == "collection-book":
            return self._run(accounts_docs.write_collection_book, target, fiscal_year=fy, block_ids=blocks, record=record)
        if kind == "settlement":
            return self._run(accounts_docs.write_settlement, target, fiscal_year=fy, record=record)
        if kind == "budget":
            return self._run(accounts_docs.write_budget, target, fiscal_year=fy, record=record)
        return self._run(accounts_docs.write_receipts, target, fiscal_year=fy, household_ids=self._household_ids,
                         block_id=blocks[0] if blocks else None, record=record)

    def _run(self, fn: Callable[..., docs.PrintResult], *args: Any, **kwargs: Any) -> docs.PrintResult:
        """On the database thread; the window keeps painting, and a long document shows its
        progress with 「中止」."""
        return self.worker.call_with_progress(fn, *args, label=self.tr("{0}を作っています…").format(
            self.kind.currentText()), parent=self, **kwargs)

    def refresh(self) -> None:
        self._auto.stop()
        target = self._dir / "preview.pdf"
        try:
            self.result = self._make(target, record=False)
        except docs.PrintCancelled:
            self.status.setText(self.tr("プレビューの作成を中止しました。"))
            self.pdf = None
            self.canvas.clear()
            self._update_buttons()
            return
        except (RegisterError, ValueError) as exc:
            self.status.setText("⚠ " + str(exc))
            self.pdf = None
            self.canvas.clear()
            self._update_buttons()
            return
        self.pdf = target
        self.pages = page_count(target)
        text = self.tr("{0}ページ・{1}件").format(self.result.pages, self.result.households)
        self.status.setText(text + (f"\n⚠ {self.result.warning}" if self.result.warning else ""))
        self.show_page(0)

    def show_page(self, n: int) -> None:
        if self.pdf is None or not self.pages:
            return
        self.page = max(0, min(n, self.pages - 1))
        image = render_page(self.pdf, self.page, self.zoom.currentData() / 100 * 1.4)
        self.canvas.setPixmap(QPixmap.fromImage(image))
        self.page_label.setText(f"{self.page + 1} / {self.pages}")
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.pdf is not None
        self.prev_btn.setEnabled(has and self.page > 0)
        self.next_btn.setEnabled(has and self.page < self.pages - 1)
        self.print_btn.setEnabled(has)
        self.save_btn.setEnabled(has)

    def _record(self, how: str) -> None:
        assert self.result is not None
        kind = self.kind.currentData()
        purpose = self.purpose.currentData() if kind == "register" else (
            "KAIRAN" if kind in ("circular", "roster", "duty-slips") else
            "RENRAKUMOU" if kind == "phone-tree" else "OFFICER_INTERNAL")
        # the log keeps the Japanese name of the document (not the translated one on the screen)
        what = dict(KINDS + BOOK_KINDS + BOUSAI_KINDS + ROSTER_KINDS).get(kind, self.kind.currentText())
        if kind in ("roster", "duty-slips"):
            what += f"「{self.roster.currentText()}」"
        if kind in dict(BOOK_KINDS):
            what += f" {self.book_year.currentText()}"
        self.worker.call(record_output, f"{what}（{how}）", purpose, self.result.households, action="print")  # notr: the audit log
        if self.kind.currentData() == "circular":  # kept, so its return can be followed up on the 回覧 page
            from kyodo_desktop.models.circulars import save_circular
            from kyodo_desktop.models.japanese import parse_date

            chosen = self.block.currentData()
            blocks = [chosen] if chosen is not None else [self.block.itemData(i) for i in range(1, self.block.count())]
            due = parse_date(self.due.text()) if self.due.text().strip() else None
            self.worker.call(save_circular, title=self.title.text(), issued=date.today(), due=due,
                             kind=self.circular_kind.currentText(), body=self.body.toPlainText(), block_ids=blocks)

    def save_pdf(self, target: Path | None = None) -> Path | None:
        if self.pdf is None:
            return None
        if target is None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("PDFの保存先"), f"{self.kind.currentText()}.pdf",
                                                    "PDF (*.pdf)")
            if not chosen:
                return None
            target = Path(chosen)
        try:
            shutil.copyfile(self.pdf, target)
        except OSError as exc:
            self.status.setText("⚠ " + self.tr("保存できませんでした: {0}").format(exc.strerror or exc))
            return None
        self._record(f"PDF {target.name}")
        self.status.setText(self.tr("保存しました: {0}").format(target))
        return target

    def print_pages(self, printer: Any = None) -> bool:
        """The system print dialog, then each page drawn at the printer's resolution."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if self.pdf is None:
            return False
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return False
        painter = QPainter()
        if not painter.begin(printer):
            self.status.setText("⚠ " + self.tr("プリンターが使えません。接続と電源を確かめてください。"))
            return False
        printed = draw_on_printer(self, self.pdf, self.pages, printer, painter)
        if printed < self.pages:
            if printed:  # pages may have reached the printer: the print is recorded all the same
                self._record(f"印刷・{printed}ページで中止")  # notr
            self.status.setText(self.tr("印刷を中止しました（{0} / {1}ページ）。").format(printed, self.pages))
            return False
        self._record("印刷")  # notr
        self.status.setText(self.tr("印刷しました（{0}ページ）。").format(self.pages))
        return True

    def done(self, result: int) -> None:
        from kyodo_desktop.models.crypto import secure_delete

        for f in self._dir.glob("*"):
            secure_delete(f)  # the preview held personal data
        shutil.rmtree(self._dir, ignore_errors=True)
        super().done(result)
