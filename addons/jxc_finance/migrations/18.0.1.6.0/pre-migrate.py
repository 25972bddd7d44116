# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Settlements store their entry's date (``entry_date``), so that the aging as of a past day
reads only the settlements of entries dated up to it. Filled here in one statement: the ORM
would compute the new stored field settlement by settlement."""


def migrate(cr, version):
    cr.execute("ALTER TABLE jxc_finance_payment_line ADD COLUMN IF NOT EXISTS entry_date date")
    cr.execute(
        """
        UPDATE jxc_finance_payment_line l
           SET entry_date = e.date
          FROM jxc_finance_entry e
         WHERE e.id = l.entry_id AND l.entry_date IS DISTINCT FROM e.date
        """
    )
