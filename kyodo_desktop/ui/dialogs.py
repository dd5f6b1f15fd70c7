"""Message boxes behind one seam, so tests can replace them and wording stays consistent."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QMessageBox, QWidget

from kyodo_desktop.ui.i18n import tr

#: Set by ``--smoke-test``: messages go to stderr instead of waiting for a click.
noninteractive = False


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    if noninteractive:
        print(f"{title}: {text}", file=sys.stderr)
        return
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.exec()


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    if noninteractive:
        print(f"{title}: {text}")
        return
    QMessageBox.information(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str, yes: str | None = None, no: str | None = None) -> bool:
    """``yes``/``no``: the buttons' words (by default 「はい」/「いいえ」)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes_btn = box.addButton(tr("はい") if yes is None else yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("いいえ") if no is None else no, QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is yes_btn
