"""Checks on what officers type, with messages in plain Japanese naming the field."""

from __future__ import annotations

import unicodedata


class ValidationError(ValueError):
    """Bad input. ``field`` is the database column (or ``""``); ``label`` its Japanese name."""

    def __init__(self, label: str, message: str, *, field: str = "") -> None:
        super().__init__(f"{label}: {message}" if label else message)
        self.label = label
        self.message = message
        self.field = field


def clean_text(
    value: object,
    *,
    field: str,
    max_len: int = 200,
    required: bool = False,
    multiline: bool = False,
    column: str = "",
) -> str:
    """Normalise one text field: ``None`` → "", trim, refuse control characters and overlong text.

    ``field`` is the label shown to the officer (e.g. 「氏（姓）」).
    """
    text = "" if value is None else str(value)
    # No Unicode normalisation here: NFC/NFKC would turn CJK compatibility ideographs in
    # people's names (e.g. U+FA19) into other code points. Names are kept as typed.
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.strip()
    for pos, ch in enumerate(text, start=1):
        if ch == "\n" and multiline:
            continue
        if ch == "\t" and multiline:
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cs") or ch in "\u2028\u2029":
            shown = f"U+{ord(ch):04X}"
            raise ValidationError(
                field,
                f"{pos}文字目に入力できない制御文字（{shown}）が含まれています。削除してください。",
                field=column,
            )
    if required and not text:
        raise ValidationError(field, "入力してください（空欄にはできません）。", field=column)
    if len(text) > max_len:
        raise ValidationError(
            field, f"長すぎます（{len(text):,}文字）。{max_len:,}文字以内にしてください。", field=column
        )
    return text
