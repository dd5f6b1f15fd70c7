"""Every action reachable by keyboard, with a name: on every page and every tab of the main window,
each visible control (button, box, field, list) takes focus with Tab and says what it is (its
text or an accessible name, which screen readers read out)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTabWidget,
)

from kyodo_desktop.ui.main_window import NAV, MainWindow

CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QAbstractItemView, QAbstractSpinBox)


def _controls(page):
    for cls in CONTROLS:
        for w in page.findChildren(cls):
            if not (w.isVisible() and w.isEnabled()) or isinstance(w, QHeaderView):
                continue
            if isinstance(w.parent(), QLineEdit):  # a field's own clear button
                continue
            if w.objectName().startswith("qt_"):  # Qt's own parts (scroll arrows of a tab bar …)
                continue
            yield w


def test_every_control_on_every_page_takes_tab_focus_and_has_a_name(qtbot, worker):
    win = MainWindow(worker)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    unreachable, nameless, seen = [], [], 0
    for key, _label in NAV:
        win.show_page(key)
        page = win.pages[key]
        tabs = page.findChildren(QTabWidget) or [None]
        for tab in tabs:
            for i in range(tab.count() if tab is not None else 1):
                if tab is not None:
                    tab.setCurrentIndex(i)
                for w in _controls(page):
                    seen += 1
                    text = w.text() if isinstance(w, (QAbstractButton, QLineEdit)) else ""
                    where = f"{key}: {type(w).__name__} {text or w.accessibleName()!r}"
                    if not w.focusPolicy() & Qt.FocusPolicy.TabFocus:
                        unreachable.append(where)
                    if not (text or w.accessibleName()) and not isinstance(w, QAbstractItemView):
                        nameless.append(where + f" (placeholder {getattr(w, 'placeholderText', lambda: '')()!r})")
    assert seen > 150  # the walk really went through the pages and their tabs
    assert not sorted(set(unreachable)), "controls Tab never reaches"
    assert not sorted(set(nameless)), "controls without a name for screen readers"
