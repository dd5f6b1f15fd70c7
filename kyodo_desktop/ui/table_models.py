"""Qt item models over plain rows from ``models/``. Filtering and sorting happen in Python
(``HouseholdIndex.search``); the model is simply reset with the visible positions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from kyodo_desktop.models.search import HouseholdIndex, HouseholdRow
from kyodo_desktop.ui.i18n import tr

Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole


class HouseholdTableModel(QAbstractTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("", "班"), QT_TRANSLATE_NOOP("", "回覧順"), QT_TRANSLATE_NOOP("", "世帯主"),
               QT_TRANSLATE_NOOP("", "フリガナ"), QT_TRANSLATE_NOOP("", "住所"), QT_TRANSLATE_NOOP("", "電話"),
               QT_TRANSLATE_NOOP("", "人数"), QT_TRANSLATE_NOOP("", "会員区分"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[HouseholdRow] = []
        self._visible: list[int] = []

    def set_rows(self, index: HouseholdIndex | None, visible: list[int]) -> None:
        self.beginResetModel()
        self._rows = index.rows if index is not None else []
        self._visible = visible
        self.endResetModel()

    def row_at(self, row: int) -> HouseholdRow:
        return self._rows[self._visible[row]]

    def row_of_id(self, household_id: int) -> int:
        for n, pos in enumerate(self._visible):
            if self._rows[pos].id == household_id:
                return n
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        r = self._rows[self._visible[index.row()]]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                r.block_name, r.circulation_order, r.head_name or self.tr("（世帯主未設定）"), r.head_kana,
                r.address, r.phone, r.persons, r.member_label,
            )[col]
        if role == ID_ROLE:
            return r.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (1, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == 7 and r.status not in ("加入",):  # notr
            return self.tr("状態: {0}").format(r.status)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(self.COLUMNS[section])
        return None
