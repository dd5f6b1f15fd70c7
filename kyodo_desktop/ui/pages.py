"""The main window's pages: ホーム, 名簿, and the plain notice for pages still to come."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.models import households as hh
from kyodo_desktop.models.register import RegisterError
from kyodo_desktop.models.search import ORDER_CIRCULATION, ORDER_GOJUON, HouseholdIndex
from kyodo_desktop.models.stats import counts
from kyodo_desktop.ui import dialogs
from kyodo_desktop.ui.i18n import tr
from kyodo_desktop.ui.table_models import HouseholdTableModel
from kyodo_desktop.ui.widgets import button_row, heading, labelled

if TYPE_CHECKING:
    from kyodo_desktop.ui.worker import DbWorker


class HomePage(QWidget):
    """The association's numbers today, per 班, and the latest changes. ``open_safety_check``
    (optional) is what the 「安否確認」 button does: one click to the safety-check screen."""

    def __init__(self, worker: DbWorker, open_safety_check: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.worker = worker
        self.preloaded = worker.prefetch(self.load)
        layout = QVBoxLayout(self)
        self.title = heading("")
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        self.safety_button = QPushButton(self.tr("安否確認"))
        font = self.safety_button.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.safety_button.setFont(font)
        self.safety_button.setMinimumHeight(self.safety_button.fontMetrics().height() * 2 + 8)
        self.safety_button.setMinimumWidth(self.safety_button.fontMetrics().horizontalAdvance(self.tr("安否確認")) * 2)
        self.safety_button.setAccessibleName(self.tr("安否確認"))
        self.safety_button.setToolTip(self.tr("災害や訓練のとき、一人ずつ無事かどうかを記録する画面を開きます"))
        self.safety_button.setStyleSheet(
            "QPushButton { background: #b3261e; color: white; border: 2px solid #7a1a14; border-radius: 6px;"
            " padding: 4px 20px; } QPushButton:focus { border: 3px solid #f0a000; }")
        self.safety_button.setVisible(open_safety_check is not None)
        if open_safety_check is not None:
            self.safety_button.clicked.connect(lambda _checked=False: open_safety_check())
        top.addWidget(self.safety_button)
        layout.addLayout(top)
        self.as_of = QLabel()
        layout.addWidget(self.as_of)
        # 補助金 deadlines missed or within two weeks: said on the first screen, in words
        self.deadlines = QLabel()
        self.deadlines.setWordWrap(True)
        self.deadlines.setAccessibleName(self.tr("補助金の期限"))
        self.deadlines.setVisible(False)
        layout.addWidget(self.deadlines)
        cards = QGridLayout()
        self.cards: dict[str, QLabel] = {}
        for n, (key, label) in enumerate(
            [("households", self.tr("世帯数")), ("member_households", self.tr("加入世帯")), ("persons", self.tr("人数")),
             ("age_65_plus", self.tr("65歳以上")), ("age_75_plus", self.tr("75歳以上"))]
        ):
            box = QFrame()
            box.setFrameShape(QFrame.Shape.StyledPanel)
            v = QVBoxLayout(box)
            cap = QLabel(label)
            value = QLabel("—")
            f = value.font()
            f.setPointSizeF(f.pointSizeF() * 2)
            f.setBold(True)
            value.setFont(f)
            value.setAccessibleName(label)
            v.addWidget(cap)
            v.addWidget(value)
            cards.addWidget(box, 0, n)
            self.cards[key] = value
        layout.addLayout(cards)
        # below the cards, the page scrolls: the 班 and the latest changes, then the dashboard
        from kyodo_desktop.ui.dashboard import DashboardWidget

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        body = QVBoxLayout(inner)
        body.setContentsMargins(0, 0, 8, 0)
        row = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("<b>班ごとの世帯数</b>")))
        self.blocks = QTableWidget(0, 3)
        self.blocks.setHorizontalHeaderLabels([self.tr("班"), self.tr("世帯数"), self.tr("加入世帯")])
        self.blocks.verticalHeader().setVisible(False)
        self.blocks.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.blocks.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        left.addWidget(self.blocks)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("<b>最近の変更</b>")))
        self.recent = QListWidget()
        right.addWidget(self.recent)
        row.addLayout(left, 1)
        row.addLayout(right, 2)
        lines = self.fontMetrics().height()
        for table in (self.blocks, self.recent):  # about ten lines each; the page scrolls on
            table.setMinimumHeight(lines * 14)
        body.addLayout(row)
        body.addSpacing(lines)
        self.dashboard = DashboardWidget(worker)
        body.addWidget(self.dashboard)
        body.addStretch(1)
        self.scroll.setWidget(inner)
        layout.addWidget(self.scroll, 1)

    @staticmethod
    def load(reg: Any) -> tuple[dict, dict, list, list]:
        from kyodo_desktop.models import subsidies

        due = subsidies.overdue(reg, reg.today(), within_days=14)
        return hh.get_association(reg), counts(reg), hh.recent_changes(reg, 15), due

    def refresh(self) -> None:
        preloaded, self.preloaded = self.preloaded, None
        assoc, c, recent, due = self.worker.call_preloaded(preloaded, self.load)
        district = self.tr("（{district}）").format(district=assoc["district"]) if assoc["district"] else ""
        self.title.setText(f"{assoc['name']}{district}")
        from datetime import date

        from kyodo_desktop.models.japanese import to_wareki

        today = date.fromisoformat(c["as_of"])
        self.as_of.setText(self.tr("{date} 現在").format(date=to_wareki(today)))
        lines = []
        for d in due[:5]:
            left = d.days_left(today)
            when = (self.tr("期限切れ（{n}日過ぎ）").format(n=-left) if left < 0 else self.tr("今日まで") if left == 0
                    else self.tr("あと{n}日").format(n=left))
            lines.append(self.tr("⚠ 補助金「{title}」の{step}: {date}まで（{when}）").format(
                title=d.title, step=d.step, date=to_wareki(d.due_on), when=when))
        if len(due) > 5:
            lines.append(self.tr("ほか{n}件（「会計・報告」→「補助金」）").format(n=len(due) - 5))
        self.deadlines.setText("\n".join(lines))
        self.deadlines.setVisible(bool(lines))
        for key, label in self.cards.items():
            label.setText(f"{c[key]:,}")
        self.blocks.setRowCount(len(c["blocks"]))
        for n, (name, count) in enumerate(c["blocks"].items()):
            members = c["block_member_households"].get(name, 0)
            for col, value in enumerate((name, f"{count:,}", f"{members:,}")):
                item = QTableWidgetItem(value)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.blocks.setItem(n, col, item)
        self.recent.clear()
        for r in recent:
            when = f"{to_wareki(date.fromisoformat(r['at'][:10]))} {r['at'][11:16]}"
            self.recent.addItem(f"{when}　{r['summary']}" + (self.tr("（{actor}）").format(actor=r["actor"]) if r["actor"] else ""))
        self.dashboard.refresh()  # on the database thread, after these numbers are on the screen


#: the 状態 filter: its label (shown through tr()) → the register statuses it shows
STATUS_FILTERS = {
    QT_TRANSLATE_NOOP("", "住んでいる世帯（加入・非加入）"): ("加入", "非加入"),  # notr — statuses
    QT_TRANSLATE_NOOP("", "加入世帯のみ"): ("加入",),  # notr — statuses
    QT_TRANSLATE_NOOP("", "非加入の世帯"): ("非加入",),  # notr — statuses
    QT_TRANSLATE_NOOP("", "転出・退会・死亡"): ("転出", "退会", "死亡"),  # notr — statuses
    QT_TRANSLATE_NOOP("", "すべて"): None,
}


class RegisterPage(QWidget):
    """名簿: the household list with search-as-you-type, filters, sort and 回覧順 moves."""

    def __init__(self, worker: DbWorker, open_editor: Any) -> None:
        super().__init__()
        self.worker = worker
        self.open_editor = open_editor
        self.index: HouseholdIndex | None = None
        # loaded in the background while the window is built, used by the first visit if still current
        self.preloaded = worker.prefetch(lambda reg: (HouseholdIndex.load(reg), hh.list_blocks(reg)))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("名簿（世帯の一覧）")))
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("名前・フリガナで検索"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("検索"))
        self.search.setToolTip(self.tr("ひらがな・カタカナ、全角・半角、髙・高などの違いは気にせず検索できます"))
        self.search.setMinimumWidth(200)  # (the filters beside it wrap under each other first)
        bar.addWidget(QLabel(self.tr("検索:")))
        bar.addWidget(self.search, 1)
        self.block_filter = QComboBox()
        self.block_filter.setAccessibleName(self.tr("班で絞り込み"))
        self.status_filter = QComboBox()
        for label in STATUS_FILTERS:
            self.status_filter.addItem(tr(label), label)
        self.status_filter.setAccessibleName(self.tr("状態で絞り込み"))
        self.order = QComboBox()
        self.order.addItem(self.tr("回覧順"), ORDER_CIRCULATION)
        self.order.addItem(self.tr("五十音順"), ORDER_GOJUON)
        self.order.setAccessibleName(self.tr("並び順"))
        # the filters wrap under each other with large text, each label staying with its box
        bar.addWidget(button_row(labelled(self.tr("班:"), self.block_filter),
                                 labelled(self.tr("状態:"), self.status_filter),
                                 labelled(self.tr("並び順:"), self.order)))
        layout.addLayout(bar)

        self.model = HouseholdTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        vh = self.table.verticalHeader()
        vh.setVisible(False)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never size rows to contents
        vh.setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        em = self.fontMetrics().horizontalAdvance("あ")  # notr
        for col, width in enumerate((3, 3.5, 7, 9, 14, 7, 2.5, 5)):
            # at least as wide as its header (in English the words are longer than the Japanese)
            self.table.setColumnWidth(col, max(int(width * em + 16), header.sectionSizeHint(col)))
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)  # 住所 takes the rest
        self.table.setAccessibleName(self.tr("世帯の一覧"))
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.count_label = QLabel()
        buttons.addWidget(self.count_label)
        self.add_btn = QPushButton(self.tr("世帯を追加"))
        self.edit_btn = QPushButton(self.tr("開く・編集"))
        self.up_btn = QPushButton(self.tr("回覧順を上へ"))
        self.down_btn = QPushButton(self.tr("回覧順を下へ"))
        self.block_btn = QPushButton(self.tr("班を追加"))
        for b in (self.add_btn, self.edit_btn, self.up_btn, self.down_btn, self.block_btn):
            b.setMinimumHeight(36)
        buttons.addWidget(button_row(self.add_btn, self.edit_btn, self.up_btn, self.down_btn, self.block_btn), 1)
        layout.addLayout(buttons)

        self.search.textChanged.connect(self.apply_filter)
        self.block_filter.currentIndexChanged.connect(self.apply_filter)
        self.status_filter.currentIndexChanged.connect(self.apply_filter)
        self.order.currentIndexChanged.connect(self.apply_filter)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.activated.connect(lambda _i: self.edit_selected())
        self.add_btn.clicked.connect(lambda: self.open_editor(None))
        self.edit_btn.clicked.connect(self.edit_selected)
        self.up_btn.clicked.connect(lambda: self.move_selected(-1))
        self.down_btn.clicked.connect(lambda: self.move_selected(1))
        self.block_btn.clicked.connect(self.add_block)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)
        QShortcut(QKeySequence.StandardKey.New, self, activated=lambda: self.open_editor(None))

    # -- data ----------------------------------------------------------------------------------

    def refresh(self, keep_id: int | None = None) -> None:
        if keep_id is None:
            keep_id = self.selected_id()
        preloaded, self.preloaded = self.preloaded, None
        self.index, blocks = self.worker.call_preloaded(
            preloaded, lambda reg: (HouseholdIndex.load(reg), hh.list_blocks(reg)))
        current = self.block_filter.currentData()
        self.block_filter.blockSignals(True)
        self.block_filter.clear()
        self.block_filter.addItem(self.tr("すべての班"), None)
        for b in blocks:
            self.block_filter.addItem(b.name, b.id)
        pos = self.block_filter.findData(current)
        self.block_filter.setCurrentIndex(max(pos, 0))
        self.block_filter.blockSignals(False)
        self.apply_filter()
        if keep_id is not None:
            self.select_id(keep_id)

    def apply_filter(self) -> None:
        if self.index is None:
            return
        visible = self.index.search(
            self.search.text(),
            block_id=self.block_filter.currentData(),
            statuses=STATUS_FILTERS[self.status_filter.currentData()],
            order=self.order.currentData(),
        )
        self.model.set_rows(self.index, visible)
        self.count_label.setText(self.tr("{n}世帯を表示").format(n=f"{len(visible):,}"))
        circ = self.order.currentData() == ORDER_CIRCULATION
        session = self.worker.register.session if self.worker.register is not None else None
        can_write = session is not None and session.can("register.write")
        # the checks are in models/; greying out only tells the officer before they try
        self.add_btn.setEnabled(can_write)
        self.block_btn.setEnabled(session is not None and session.can("association.write"))
        self.up_btn.setEnabled(circ and can_write)
        self.down_btn.setEnabled(circ and can_write)
        tip = "" if circ else self.tr("回覧順を変えるには、並び順を「回覧順」にしてください")
        self.up_btn.setToolTip(tip)
        self.down_btn.setToolTip(tip)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return self.model.row_at(rows[0].row()).id

    def select_id(self, household_id: int) -> None:
        row = self.model.row_of_id(household_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    # -- actions -------------------------------------------------------------------------------

    def edit_selected(self) -> None:
        hid = self.selected_id()
        if hid is None:
            dialogs.show_info(self, self.tr("名簿"), self.tr("一覧から世帯を選んでください。"))
            return
        self.open_editor(hid)

    def move_selected(self, step: int) -> None:
        hid = self.selected_id()
        if hid is None:
            return
        try:
            self.worker.call(hh.move_in_circulation, hid, step)
        except RegisterError as exc:
            dialogs.show_error(self, self.tr("回覧順"), str(exc))
            return
        self.refresh(keep_id=hid)

    def add_block(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(self, self.tr("班を追加"), self.tr("新しい班の名前（例: 12班）:"))
        if not ok:
            return
        try:
            self.worker.call(hh.add_block, name)
        except (RegisterError, ValueError) as exc:
            dialogs.show_error(self, self.tr("班を追加"), str(exc))
            return
        self.refresh()


def focus_later(widget: QWidget) -> None:
    QTimer.singleShot(0, widget.setFocus)
