# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Value mismatches of earlier integrity checks move their figures to the fields that only the
cost group reads, like those of new checks."""


def migrate(cr, version):
    cr.execute(
        """
        UPDATE jxc_stock_integrity_line
           SET expected_value = expected, actual_value = actual, expected = NULL, actual = NULL
         WHERE check_type IN ('value', 'valuation_value') AND expected_value IS NULL
        """
    )
