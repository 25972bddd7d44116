# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase

from ..utils import amount_to_chinese


class TestAmountInWords(TransactionCase):
    """人民币大写 as bills write it (#15, part)."""

    def test_worked_amounts(self):
        for amount, words in (
            (0.00, "零元整"),
            (0.05, "伍分"),
            (0.5, "伍角"),
            (10.00, "壹拾元整"),
            (12.05, "壹拾贰元零伍分"),
            (1005, "壹仟零伍元整"),
            (1234.56, "壹仟贰佰叁拾肆元伍角陆分"),
            (20000, "贰万元整"),
            (1000000.10, "壹佰万元零壹角"),
            (100000001, "壹亿零壹元整"),
            (100200300.45, "壹亿零贰拾万零叁佰元零肆角伍分"),
            (1e12, "壹万亿元整"),
            (-3.2, "负叁元贰角"),
            (0.005, "壹分"),  # half up to the fen
        ):
            with self.subTest(amount=amount):
                self.assertEqual(amount_to_chinese(amount), words)
