"""Small widget helpers shared by the pages (one copy instead of one per page)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QWidget


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
