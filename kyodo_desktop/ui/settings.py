"""Typed settings: every key with its type and default, stored through QSettings (INI file).

User preferences live here; nothing else in the program calls QSettings directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings


@dataclass(frozen=True)
class Option:
    key: str
    type: type
    default: Any
    doc: str


#: (the docs describe the settings for the code; they are never shown, so not translated)
OPTIONS = {
    o.key: o
    for o in (
        Option("register/last_path", str, "", "最後に開いた台帳ファイル"),  # notr
        Option("login/last_user", str, "", "最後にログインしたアカウント（uid、名前は含まない）"),  # notr
        Option("ui/text_scale", int, 100, "文字の大きさ（%、100〜200）"),  # notr
        Option("ui/theme", str, "標準", "配色（標準・高コントラスト）"),  # notr
        Option("ui/language", str, "ja", "画面の言語（ja・en）"),  # notr
        Option("ui/geometry", bytes, b"", "ウィンドウの位置と大きさ"),  # notr
        Option("ui/welcome_done", bool, False, "はじめての起動の案内を済ませたか"),  # notr
        Option("print/font", str, "", "印刷に使うフォントのファイル（空なら標準: 同梱の IPAex ゴシック・OSのフォント）"),  # notr
    )
}


class Settings:
    def __init__(self, path: Path) -> None:
        self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    def get(self, key: str) -> Any:
        opt = OPTIONS[key]
        value = self._qs.value(key, opt.default)
        if value is None:
            return opt.default
        try:
            if opt.type is bool:
                return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
            if opt.type is bytes:
                return bytes(value) if value else b""
            value = opt.type(value)
        except (TypeError, ValueError):
            return opt.default
        if key == "ui/text_scale":
            value = max(100, min(200, value))
        return value

    def set(self, key: str, value: Any) -> None:
        opt = OPTIONS[key]
        if not isinstance(value, opt.type):
            raise TypeError(f"{key} expects {opt.type.__name__}")
        self._qs.setValue(key, value)
        self._qs.sync()
