"""身份证号/手机号: validation, Excel-mangling detection, masking and the keyed hash."""

from __future__ import annotations

from datetime import date

import pytest

from app.services import personal
from app.services.personal import BadIdNumber, BadPhone

# A syntactically valid number (check digit computed, not a real person).
BODY = "33048119900101123"
VALID = BODY + personal.id_check_digit(BODY)


def test_check_digit_of_the_gb11643_example() -> None:
    # The standard's worked example: 11010519491231002X.
    assert personal.id_check_digit("11010519491231002") == "X"
    assert personal.normalize_id_number("11010519491231002x") == "11010519491231002X"


def test_valid_number_is_normalised_from_spaces_and_fullwidth_digits() -> None:
    spaced = " " + VALID[:6] + " " + VALID[6:] + " "
    assert personal.normalize_id_number(spaced) == VALID
    fullwidth = VALID.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert personal.normalize_id_number(fullwidth) == VALID


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        (330481199001011234, "stored as a number"),
        (3.30481199001011e17, "stored as a number"),
        ("3.30481E+17", "scientific notation"),
        ("3.30481199001011E17", "scientific notation"),
        ("330481199001011000.0", "stored as a number"),
        ("330481900101123", "15 digits"),
        (BODY, "only 17 digits"),
        ("33048119900101123Y", "18 characters"),
        ("abc", "18 characters"),
        ("990481199001011234", "province"),
        ("330481199013011230", "birth date"),
        ("330481210001011234", "birth date"),  # year 2100: in the future
    ],
)
def test_bad_and_excel_mangled_numbers_are_refused_with_the_reason(
    value: object, fragment: str
) -> None:
    with pytest.raises(BadIdNumber) as err:
        personal.normalize_id_number(value, today=date(2026, 11, 23))
    assert fragment in err.value.untranslated


def test_wrong_check_digit_is_refused() -> None:
    wrong = BODY + ("1" if VALID[-1] != "1" else "2")
    with pytest.raises(BadIdNumber, match="typed wrong"):
        personal.normalize_id_number(wrong)


def test_text_that_lost_its_last_digits_to_excel_is_explained() -> None:
    body = "33048119900101100"
    text = body + "0"
    if personal.id_check_digit(body) == "0":  # pragma: no cover - pick another body
        pytest.skip("accidentally valid")
    with pytest.raises(BadIdNumber, match="Excel"):
        personal.normalize_id_number(text)


def test_birth_date_and_sex_come_from_the_number() -> None:
    assert personal.id_birth_date(VALID) == date(1990, 1, 1)
    assert personal.id_sex(VALID) == ("M" if int(VALID[16]) % 2 else "F")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("+86 13812345678", "13812345678"),
        ("8613812345678", "13812345678"),
        (13812345678, "13812345678"),
        (13812345678.0, "13812345678"),
    ],
)
def test_mobile_numbers_are_normalised(raw: object, expected: str) -> None:
    assert personal.normalize_phone(raw) == expected


@pytest.mark.parametrize("raw", ["1381234567", "23812345678", "0573-87001234", "phone", "1.38E+10"])
def test_bad_mobile_numbers_are_refused(raw: str) -> None:
    with pytest.raises(BadPhone):
        personal.normalize_phone(raw)


def test_masks_show_first_three_and_last_four() -> None:
    assert personal.mask_id("330481199001011234") == "330***********1234"
    assert personal.mask_phone("13812345678") == "138****5678"
    assert personal.mask_id("") == personal.mask_phone("") == ""
    assert personal.mask_phone("12345") == "*****"


def test_a_masked_name_keeps_the_surname() -> None:
    assert personal.mask_name("张三") == "张*"
    assert personal.mask_name("王小明") == "王**"
    assert personal.mask_name("欧阳娜娜") == "欧阳**"  # a two-character surname stays whole
    assert personal.mask_name("王") == "王"
    assert personal.mask_name("") == ""


def test_keyed_hash_depends_on_key_and_kind() -> None:
    a = personal.keyed_hash(b"k1", "id", VALID)
    assert a == personal.keyed_hash(b"k1", "id", VALID)
    assert a != personal.keyed_hash(b"k2", "id", VALID)
    assert a != personal.keyed_hash(b"k1", "phone", VALID)
    assert VALID not in a and len(a) == 64
