# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Period balances by year arrive (``period`` = ``year``, the column filled with ``month``
for the rows so far): sum them from the month balances, in one statement; postings keep
both from here on."""

import logging

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    cr.execute("LOCK TABLE jxc_stock_period_balance IN SHARE ROW EXCLUSIVE MODE")
    cr.execute("DELETE FROM jxc_stock_period_balance WHERE period = 'year'")
    cr.execute(
        """
        INSERT INTO jxc_stock_period_balance
               (period, date, company_id, product_id, warehouse_id, move_type, categ_id,
                quantity, value, move_count, create_uid, create_date, write_uid, write_date)
        SELECT 'year', date_trunc('year', date)::date, company_id, product_id, warehouse_id,
               move_type, MIN(categ_id), SUM(quantity), SUM(value), SUM(move_count), 1,
               now() at time zone 'UTC', 1, now() at time zone 'UTC'
          FROM jxc_stock_period_balance
         WHERE period = 'month'
         GROUP BY 2, 3, 4, 5, 6
         ORDER BY 3, 2, 4, 5, 6
        """
    )
    _logger.info("jxc_stock: %s period balances by year summed from the months", cr.rowcount)
    # The reports choose their plans from the table's statistics, which know no years yet.
    cr.execute("ANALYZE jxc_stock_period_balance")
