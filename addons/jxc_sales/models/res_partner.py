# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    """Customer history for sales staff, computed from the current company's confirmed orders."""

    _inherit = "res.partner"

    jxc_sale_order_ids = fields.One2many("jxc.sale.order", "partner_id", string="Sale Orders")
    jxc_sale_count = fields.Integer(string="Sale Order Count", compute="_compute_jxc_sale_stats")
    jxc_sale_total = fields.Float(
        string="Sold (Company Currency)",
        digits="Account",
        compute="_compute_jxc_sale_stats",
        groups="jxc_sales.group_jxc_sales_user",
    )
    jxc_last_sale_date = fields.Datetime(string="Last Order", compute="_compute_jxc_sale_stats")

    @api.depends_context("company")
    def _compute_jxc_sale_stats(self):
        # One company's orders: totals in different currencies do not add up.
        stats = {}
        if self.ids:
            groups = (
                self.env["jxc.sale.order"]
                .sudo()
                ._read_group(
                    [
                        ("partner_id", "in", self.ids),
                        ("state", "in", ("confirmed", "done")),
                        ("company_id", "=", self.env.company.id),
                    ],
                    ["partner_id"],
                    ["__count", "amount_total_company:sum", "date_order:max"],
                )
            )
            stats = {partner.id: (count, total, last) for partner, count, total, last in groups}
        for partner in self:
            count, total, last = stats.get(partner.id, (0, 0.0, False))
            partner.jxc_sale_count = count
            partner.jxc_sale_total = total
            partner.jxc_last_sale_date = last

    def action_view_jxc_sale_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("jxc_sales.jxc_sale_order_action")
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_view_jxc_sale_prices(self):
        """This customer's order lines, newest first: the last price per product."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "jxc_sales.jxc_sale_order_line_action"
        )
        action["domain"] = [("partner_id", "=", self.id), ("state", "in", ("confirmed", "done"))]
        action["context"] = {"search_default_group_product": 1}
        return action
