# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class JxcSaleOrderLine(models.Model):
    _name = "jxc.sale.order.line"
    _inherit = ["jxc.sale.order.line", "jxc.order.line.invoice.mixin"]
    _jxc_invoice_direction = "sale"
    _jxc_invoice_picking_types = ("sale_out", "sale_return")

    invoice_line_ids = fields.One2many(
        "jxc.finance.invoice.line", "sale_line_id", string="Invoice Lines"
    )
    amount_invoiced = fields.Monetary(
        string="Invoiced",
        compute="_compute_invoiced",
        store=True,
        precompute=True,
        currency_field="company_currency_id",
        help="Posted invoices, tax included, in company currency.",
    )
    amount_to_invoice = fields.Monetary(
        string="To Invoice",
        compute="_compute_invoiced",
        store=True,
        precompute=True,
        currency_field="company_currency_id",
        help="The value of the quantity to invoice at the order's prices, tax included, in "
        "company currency.",
    )

    @api.depends(
        "qty_delivered",
        "qty_returned",
        "price_total",
        "quantity",
        "invoice_line_ids.state",
        "invoice_line_ids.quantity",
        "invoice_line_ids.price_total",
    )
    def _compute_invoiced(self):
        return super()._compute_invoiced()

    def _jxc_billed_quantity(self, qty_cancelled=None):
        """What the customer pays for: ordered − cancelled − returned (line unit; returned
        from the posted moves, not the rounded ``qty_returned``, so that single bottles of a
        line in cases credit exactly their share). ``qty_cancelled``: instead of the line's."""
        self.ensure_one()
        cancelled = self.qty_cancelled if qty_cancelled is None else qty_cancelled
        return self.quantity - cancelled - self._qty_from_base(self._base_posted("sale_return"))
