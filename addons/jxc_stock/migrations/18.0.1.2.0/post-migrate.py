# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Go-live (启用建账) arrives: a company that already has stock ledger rows is live already.
It gets a finished go-live whose cut-over date is the day of its first ledger row, so that no
opening document can be posted into its running books."""

from odoo import SUPERUSER_ID, api, fields

from odoo.addons.jxc_stock.utils import internal_context


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    cr.execute(
        """
        SELECT company_id, MIN(date)::date FROM jxc_stock_move
         WHERE company_id NOT IN (SELECT company_id FROM jxc_golive)
         GROUP BY company_id
        """
    )
    rows = cr.fetchall()
    if not rows:
        return
    golives = (
        env["jxc.golive"]
        .with_context(**internal_context())
        .create(
            [
                {
                    "company_id": company_id,
                    "cutover_date": first_day,
                    "state": "done",
                    "date_done": fields.Datetime.now(),
                }
                for company_id, first_day in rows
            ]
        )
    )
    for golive in golives:
        golive._message_log(
            body="Live before go-live existed: the cut-over date is the day of its first ledger row"
        )
