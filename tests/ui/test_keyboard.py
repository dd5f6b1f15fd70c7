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


def _tab_chain(page):
    """The page's controls in the order Tab visits them."""
    out, seen = [], set()
    w = page.nextInFocusChain()
    while w is not None and id(w) not in seen and w is not page:
        seen.add(id(w))
        if (page.isAncestorOf(w) and w.isVisible() and w.isEnabled()
                and w.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus):
            out.append(w)
        w = w.nextInFocusChain()
    return out


def test_tab_moves_in_reading_order_on_every_page(qtbot, worker):
    """Tab never jumps back to a row above in the same column: a control entirely above the one
    before it must start to the right of it (the next column of a two-column page)."""
    from PySide6.QtCore import QPoint

    win = MainWindow(worker)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    jumps = []
    for key, _label in NAV:
        win.show_page(key)
        page = win.pages[key]
        for tab in page.findChildren(QTabWidget) or [None]:
            for i in range(tab.count() if tab is not None else 1):
                if tab is not None:
                    tab.setCurrentIndex(i)
                qtbot.wait(1)
                chain = _tab_chain(page)
                for before, after in zip(chain, chain[1:], strict=False):
                    top_before = before.mapTo(win, QPoint(0, 0)).y()
                    bottom_after = after.mapTo(win, QPoint(0, after.height())).y()
                    right_before = before.mapTo(win, QPoint(before.width(), 0)).x()
                    left_after = after.mapTo(win, QPoint(0, 0)).x()
                    if bottom_after < top_before and left_after < right_before:
                        jumps.append(f"{key}: {before.accessibleName() or type(before).__name__} → "
                                     f"{after.accessibleName() or type(after).__name__}")
    assert jumps == [], "\n".join(jumps)
