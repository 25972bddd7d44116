# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Scanning (扫码开单) arrives: lots get a barcode. The column is added empty here, before the
update, so that the unique (barcode, company) constraint and its index are built at once on
a table that may hold many lots, with nothing to check."""


def migrate(cr, version):
    cr.execute("ALTER TABLE jxc_stock_lot ADD COLUMN IF NOT EXISTS barcode varchar")
