# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class JxcStockIntegrityLine(models.Model):
    _name = "jxc.stock.integrity.line"
    _description = "Stock Integrity Mismatch"

    check_id = fields.Many2one("jxc.stock.integrity", required=True, ondelete="cascade", index=True)
    check_type = fields.Selection(
        [
            ("quantity", "On hand vs ledger"),
            ("value", "Stock value vs ledger"),
            ("available", "Available vs on hand − reserved"),
            ("reserved", "Reserved vs open reservations"),
            ("valuation_quantity", "Average-cost quantity vs ledger"),
            ("valuation_value", "Average-cost value vs ledger"),
            ("ledger_source", "Ledger row of a missing or unposted document"),
            ("posted_twice", "Document line posted twice"),
            ("not_posted", "Document done without ledger rows"),
            ("reservation_demand", "Reservation of a missing demand"),
            ("negative_average", "Negative stock value or average cost"),
            ("value_only_quantity", "Cost correction row with a quantity"),
            ("period_balance", "Period balance vs ledger by month"),
        ],
        required=True,
    )
    product_id = fields.Many2one("product.product")
    warehouse_id = fields.Many2one("jxc.stock.warehouse")
    lot_id = fields.Many2one("jxc.stock.lot", string="Lot / Serial")
    res_model = fields.Char(string="Document Model")
    res_id = fields.Many2oneReference(string="Document ID", model_field="res_model")
    reference = fields.Char(string="Document")
    expected = fields.Float(digits=(16, 4), help="What the ledger (or reservations) says.")
    actual = fields.Float(digits=(16, 4), help="What the stored figure says.")
    # Value mismatches give their figures here, for those who may see stock values.
    expected_value = fields.Float(
        digits=(16, 4), groups="jxc_stock.group_jxc_cost", help="The value the ledger says."
    )
    actual_value = fields.Float(
        digits=(16, 4), groups="jxc_stock.group_jxc_cost", help="The stored value."
    )
