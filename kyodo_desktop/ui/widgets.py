"""Small widget helpers shared by the pages (one copy instead of one per page)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QSizePolicy,
    QWidget,
)


def heading(text: str, scale: float = 1.5) -> QLabel:
    """A bold heading ``scale`` times the text size, named for screen readers."""
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def scrolling(widget: QWidget) -> QScrollArea:
    """``widget`` in a scroll area: with large text on a small screen nothing is squeezed away."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(widget)
    return scroll


class FlowLayout(QLayout):
    """A row of buttons that wraps onto the next line when it does not fit — at 200 % text a row
    of six buttons is wider than the screen, and cut-off labels are worse than two lines.
    ``align_right`` puts the items at the right edge of each line (like a button row that starts
    with ``addStretch``)."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 6, align_right: bool = False) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.align_right = align_right
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt's name)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        width = sum(i.sizeHint().width() for i in self._visible()) + self._spacing * max(0, len(self._visible()) - 1)
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not (i.widget() is not None and i.widget().isHidden())]

    def _place(self, rect: QRect, *, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = 0
        for item in self._visible():
            hint = item.sizeHint()
            if lines[-1] and x + hint.width() > area.width():
                lines.append([])
                x = 0
            lines[-1].append((item, hint))
            x += hint.width() + self._spacing
        y = area.y()
        for line in lines:
            if not line:
                continue
            height = max(h.height() for _i, h in line)
            used = sum(h.width() for _i, h in line) + self._spacing * (len(line) - 1)
            x = area.x() + (max(0, area.width() - used) if self.align_right else 0)
            for item, hint in line:
                if move:
                    item.setGeometry(QRect(QPoint(x, y + (height - hint.height()) // 2), hint))
                x += hint.width() + self._spacing
            y += height + self._spacing
        return y - self._spacing - area.y() + m.top() + m.bottom()


def button_row(*widgets: QWidget, align_right: bool = True) -> QWidget:
    """``widgets`` in a row that wraps when the text is large (see :class:`FlowLayout`)."""
    holder = QWidget()
    flow = FlowLayout(holder, align_right=align_right)
    for w in widgets:
        flow.addWidget(w)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    holder.setSizePolicy(policy)
    return holder


def labelled(text: str, widget: QWidget) -> QWidget:
    """「班:」 and its box as one piece, so that a wrapping row never parts them."""
    from PySide6.QtWidgets import QHBoxLayout

    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    label = QLabel(text)
    label.setBuddy(widget)
    row.addWidget(label)
    row.addWidget(widget)
    return holder


def dialog_open(owner: QWidget) -> bool:
    """``owner`` already shows a dialog (its ``dialog`` attribute): bring it to the front and say so."""
    if getattr(owner, "dialog", None) is not None:
        owner.dialog.raise_()
        return True
    return False


def open_dialog(owner: QWidget, dlg: QWidget, done: Callable[[int], None] | None = None) -> None:
    """Show ``dlg`` window-modal without waiting for it (tests fill it in and press its buttons):
    it is ``owner.dialog`` while open; when it closes, ``done(result)`` runs and it is deleted."""
    owner.dialog = dlg
    dlg.setWindowModality(Qt.WindowModality.WindowModal)

    def closed(result: int) -> None:
        if owner.dialog is dlg:
            owner.dialog = None
        if done is not None:
            done(result)
        dlg.deleteLater()

    dlg.finished.connect(closed)
    dlg.open()


def refresh_shown(widget: QWidget | None) -> None:
    """Reload what ``widget`` (a page or tab just brought to the front) shows, if it can."""
    refresh = getattr(widget, "refresh", None)
    if refresh is not None:
        refresh()
