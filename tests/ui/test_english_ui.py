"""The program in English: with the English translation loaded, the words of every page and tab —
buttons, tabs, group titles, table headers, window title, menus — are English. Data (names,
dates in 和暦, 班 names) may stay Japanese; so may the messages the models write (not yet
translated, see ui/i18n.py)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QTableView,
    QTabWidget,
)

from kyodo_desktop.ui.i18n import LANGUAGES, install_language
from kyodo_desktop.ui.main_window import NAV, MainWindow

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
#: data that may appear inside English texts: 和暦 dates, 班 names, the languages' own names (and
#: 「言語 / Language」, kept in both so that someone who reads only Japanese finds the way back)
DATA = re.compile(r"(令和|平成|昭和)\d+年(度)?(\d+月(\d+日)?)?|\d+月\d+日|\d+班|言語 / |" + "|".join(LANGUAGES.values()))


@pytest.fixture
def english(qapp):
    assert install_language(qapp, "en")
    yield
    install_language(qapp, "ja")


def _japanese(text: str) -> bool:
    return bool(JAPANESE.search(DATA.sub("", text or "")))


def test_every_page_speaks_english(qtbot, worker, english):
    win = MainWindow(worker)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    left: set[str] = set()
    checked = 0
    for menu in win.menuBar().actions():
        for action in [menu, *(menu.menu().actions() if menu.menu() else [])]:
            checked += 1
            if _japanese(action.text()):
                left.add(f"menu: {action.text()}")
    for key, _label in NAV:
        win.show_page(key)
        page = win.pages[key]
        for tab in page.findChildren(QTabWidget) or [None]:
            for i in range(tab.count() if tab is not None else 1):
                if tab is not None:
                    tab.setCurrentIndex(i)
                    checked += 1
                    if _japanese(tab.tabText(i)):
                        left.add(f"{key}: tab {tab.tabText(i)}")
                for b in page.findChildren(QAbstractButton):
                    if b.isVisible() and b.text():
                        checked += 1
                        if _japanese(b.text()):
                            left.add(f"{key}: button {b.text()}")
                for g in page.findChildren(QGroupBox):
                    if g.isVisible() and g.title():
                        checked += 1
                        if _japanese(g.title()):
                            left.add(f"{key}: group {g.title()}")
                for view in page.findChildren(QTableView):
                    if not view.isVisible() or view.model() is None:
                        continue
                    for c in range(view.horizontalHeader().count()):
                        header = view.model().headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
                        checked += 1
                        if isinstance(header, str) and _japanese(header):
                            left.add(f"{key}: column {header}")
    assert checked > 300
    assert sorted(left) == []


def test_the_language_choice_is_offered_in_each_language(qtbot, english):
    from kyodo_desktop.ui.display import DisplayTab

    chosen = []
    tab = DisplayTab(100, "標準", lambda *_a: None, language="en", on_language=chosen.append)
    qtbot.addWidget(tab)
    assert tab.chosen_language() == "en" and tab.language_button.text() and not _japanese(tab.language_button.text())
    tab.languages.button(0).click()
    tab.language_button.click()
    assert chosen == ["ja"]
    assert QApplication.translate("", "協働デスク") != "協働デスク"  # the English file is loaded
