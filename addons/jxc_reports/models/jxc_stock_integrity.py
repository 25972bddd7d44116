# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import pytz

from odoo import api, models

from ..report.jxc_report_sale_period import PERIOD_TZ


class JxcStockIntegrity(models.Model):
    _inherit = "jxc.stock.integrity"

    @api.model
    def _find_mismatches(self):
        return super()._find_mismatches() + self._check_sale_periods()

    @api.model
    def _check_sale_periods(self):
        """The sales analysis's monthly sums agree with the ledger's deliveries and returns:
        one mismatch per month and key that differs (quantities, and revenue as the value)."""
        Period = self.env["jxc.report.sale.period"].sudo()
        tz = pytz.timezone(PERIOD_TZ)
        results = []
        for month, company, warehouse, categ, user, expected, actual in Period._jxc_mismatches():
            names = [
                record.display_name
                for record in (
                    self.env["res.company"].browse(company),
                    self.env["product.category"].browse(categ),
                    self.env["res.users"].browse(user),
                )
                if record
            ]
            results.append(
                {
                    "check_type": "sale_period",
                    "warehouse_id": warehouse,
                    "reference": " / ".join(
                        [f"{pytz.utc.localize(month).astimezone(tz):%Y-%m}", *names]
                    ),
                    "expected": expected[0],
                    "actual": actual[0],
                    "expected_value": expected[1],
                    "actual_value": actual[1],
                }
            )
        return results
