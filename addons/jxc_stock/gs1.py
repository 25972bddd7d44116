# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""GS1-128 element strings (the barcodes on cartons: GTIN, lot, expiry, count).

A pure parser, after Odoo's ``barcodes_gs1_nomenclature`` but without its nomenclature
records (JXC does not install Odoo's barcode client). Understood:

- the symbology identifier ``]C1`` (GS1-128), ``]e0`` (DataBar), ``]d2`` (DataMatrix),
  ``]Q3`` (QR) and the FNC1 separator (GS, ``\\x1d``) that ends a variable-length field;
- the human readable form ``(01)06901234567892(10)L42``;
- fields of predefined length (GTIN, dates…) need no separator, so a scanner that drops
  FNC1 still gives a usable code when the variable field (lot, serial) comes last.
"""

import calendar
import datetime
import re

from odoo.tools.barcode import get_barcode_check_digit

FNC1 = "\x1d"
SYMBOLOGY_IDENTIFIERS = ("]C1", "]e0", "]d2", "]Q3")

# Data length of the application identifiers with a predefined length, by the AI's first two
# digits (GS1 General Specifications, 5.10.1).
_FIXED_LENGTHS = {
    "00": 18,
    "01": 14,
    "02": 14,
    "03": 14,
    "04": 16,
    "11": 6,
    "12": 6,
    "13": 6,
    "15": 6,
    "16": 6,
    "17": 6,
    "20": 2,
    "41": 13,
}
_FIXED_LENGTHS.update({str(prefix): 6 for prefix in range(31, 37)})
# Maximum data length of the variable-length AIs JXC reads or skips.
_VARIABLE_LENGTHS = {
    "10": 20,
    "21": 20,
    "22": 20,
    "30": 8,
    "37": 8,
    "240": 30,
    "241": 30,
    "250": 30,
    "251": 30,
    "400": 30,
    "401": 30,
    "403": 30,
}
_VARIABLE_LENGTHS.update({str(ai): 90 for ai in range(90, 100)})
_NUMERIC = {"00", "01", "02", "03", "11", "12", "13", "15", "16", "17", "20", "30", "37"}
_HUMAN_READABLE = re.compile(r"\((\d{2,4})\)([^()]+)")


class Gs1Error(ValueError):
    """The code is marked as GS1 but cannot be read (the message says why, in English)."""


def _ai_length(data):
    """Length of the application identifier ``data`` starts with."""
    head = data[:2]
    if head in {str(prefix) for prefix in range(31, 37)} | {"70", "71", "72", "80", "81"}:
        return 4
    if head in ("23", "24", "25", "40", "41", "42"):
        return 3
    return 2


def _valid_length(ai, value):
    fixed = _FIXED_LENGTHS.get(ai[:2])
    if fixed:
        return len(ai) == _ai_length(ai) and len(value) == fixed
    return ai in _VARIABLE_LENGTHS and 0 < len(value) <= _VARIABLE_LENGTHS[ai]


def _split(data):
    """[(ai, value)] of a GS1 element string without its symbology identifier."""
    match = _HUMAN_READABLE.match(data)
    if match:
        pairs = _HUMAN_READABLE.findall(data)
        if "".join(f"({ai}){value}" for ai, value in pairs) != data:
            return None
        return pairs if all(_valid_length(ai, value) for ai, value in pairs) else None
    pairs = []
    data = data.lstrip(FNC1)
    while data:
        size = _ai_length(data)
        ai = data[:size]
        fixed = _FIXED_LENGTHS.get(ai[:2])
        if fixed:
            value, data = data[size : size + fixed], data[size + fixed :]
            if len(value) != fixed:
                return None
            data = data.removeprefix(FNC1)
        elif ai in _VARIABLE_LENGTHS:
            end = data.find(FNC1, size)
            value, data = (data[size:], "") if end < 0 else (data[size:end], data[end + 1 :])
            if not value or len(value) > _VARIABLE_LENGTHS[ai]:
                return None
        else:
            return None
        pairs.append((ai, value))
    return pairs


def gs1_date(value):
    """``YYMMDD`` as a date: the century closest to today (GS1 7.12), day 00 = the month's
    last day."""
    today = datetime.date.today()
    year_diff = int(value[:2]) - today.year % 100
    century = today.year // 100
    if 51 <= year_diff <= 99:
        century -= 1
    elif -99 <= year_diff <= -50:
        century += 1
    year, month, day = century * 100 + int(value[:2]), int(value[2:4]), int(value[4:6])
    if not 1 <= month <= 12:
        raise Gs1Error(f"invalid month in date {value}")
    if day == 0:
        day = calendar.monthrange(year, month)[1]
    try:
        return datetime.date(year, month, day)
    except ValueError as error:
        raise Gs1Error(f"invalid date {value}") from error


def parse(code):
    """The fields of GS1 code ``code``, or ``None`` when it is not one.

    :return: ``{"gtin", "lot", "serial", "expiration_date", "count"}`` (missing ones
        ``None``). A code without a symbology identifier, FNC1 or parentheses counts as GS1
        only when it carries a GTIN (AI 01 or 02), so plain product codes that happen to
        start with ``10`` or ``21`` are not read as lots.
    :raise Gs1Error: a GS1 code with an impossible date or GTIN check digit.
    """
    explicit = code.startswith(SYMBOLOGY_IDENTIFIERS) or FNC1 in code or code.startswith("(")
    data = code[3:] if code.startswith(SYMBOLOGY_IDENTIFIERS) else code
    pairs = _split(data)
    if not pairs:
        return None
    fields = dict(pairs)
    if len(fields) != len(pairs):
        return None
    if any(ai in _NUMERIC and not value.isdigit() for ai, value in pairs):
        return None
    gtin = fields.get("01") or fields.get("02")
    if not explicit and not gtin:
        return None
    if not ({"01", "02", "10", "21"} & set(fields)):
        return None
    if gtin and get_barcode_check_digit(gtin) != int(gtin[-1]):
        raise Gs1Error(f"wrong check digit in GTIN {gtin}")
    count = fields.get("30") or fields.get("37")
    expiry = fields.get("17") or fields.get("15")
    return {
        "gtin": gtin,
        "lot": fields.get("10"),
        "serial": fields.get("21"),
        "expiration_date": gs1_date(expiry) if expiry else None,
        "count": int(count) if count else None,
    }


def gtin_candidates(gtin):
    """The barcodes a GTIN-14 may be stored as: itself, EAN-13, UPC-A and EAN-8."""
    candidates = [gtin]
    for size in (13, 12, 8):
        if gtin[: len(gtin) - size].strip("0") == "":
            candidates.append(gtin[-size:])
    return candidates
