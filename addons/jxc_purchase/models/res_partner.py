# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models

from odoo.addons.jxc_stock.utils import list_action

from .jxc_purchase_order import PRICE_GROUPS


class ResPartner(models.Model):
    """Supplier evaluation, computed from posted purchase documents of the current company."""

    _inherit = "res.partner"

    jxc_payment_days = fields.Integer(
        string="Payment Days",
        help="付款天数: days after receipt this supplier is paid (账期). New purchase orders "
        "start with it.",
    )
    jxc_purchase_order_ids = fields.One2many(
        "jxc.purchase.order", "partner_id", string="Purchase Orders"
    )
    jxc_purchase_count = fields.Integer(
        string="Purchase Order Count", compute="_compute_jxc_supplier_stats"
    )
    jxc_purchase_total = fields.Float(
        string="Purchased (Company Currency)",
        compute="_compute_jxc_supplier_stats",
        digits="Account",
        groups=PRICE_GROUPS,
    )
    jxc_on_time_rate = fields.Float(
        string="On-Time Rate (%)",
        compute="_compute_jxc_supplier_stats",
        help="Share of posted receipts done by the order's expected date.",
    )
    jxc_rejection_rate = fields.Float(
        string="Rejection Rate (%)",
        compute="_compute_jxc_supplier_stats",
        help="Rejected quantity over received (accepted + rejected) quantity.",
    )
    jxc_avg_lead_days = fields.Float(
        string="Average Lead Time (Days)",
        compute="_compute_jxc_supplier_stats",
        help="From order confirmation to posted receipt, on average.",
    )

    @api.depends_context("company")
    def _compute_jxc_supplier_stats(self):
        # One company's documents: totals in different currencies do not add up.
        company_id = self.env.company.id
        stats = {}
        if self.ids:
            self.env.flush_all()
            self.env.cr.execute(
                """
                SELECT o.partner_id,
                       COUNT(DISTINCT o.id) FILTER (WHERE o.state IN ('confirmed', 'done')),
                       COALESCE(SUM(o.amount_total_company)
                                FILTER (WHERE o.state IN ('confirmed', 'done')), 0)
                  FROM jxc_purchase_order o
                 WHERE o.partner_id = ANY(%s) AND o.company_id = %s
                 GROUP BY o.partner_id
                """,
                [self.ids, company_id],
            )
            for partner_id, count, total in self.env.cr.fetchall():
                stats[partner_id] = {"count": count, "total": float(total)}
            self.env.cr.execute(
                """
                SELECT o.partner_id,
                       COUNT(*),
                       COUNT(*) FILTER (WHERE o.date_planned IS NULL
                                           OR p.date_done <= o.date_planned),
                       AVG(EXTRACT(EPOCH FROM p.date_done - o.date_approve) / 86400.0)
                  FROM jxc_stock_picking p
                  JOIN jxc_purchase_order o ON o.id = p.purchase_id
                 WHERE p.picking_type = 'purchase_in' AND p.state = 'done'
                   AND o.partner_id = ANY(%s) AND o.company_id = %s
                 GROUP BY o.partner_id
                """,
                [self.ids, company_id],
            )
            for partner_id, receipts, on_time, lead in self.env.cr.fetchall():
                stats.setdefault(partner_id, {}).update(
                    on_time=100.0 * on_time / receipts if receipts else 0.0,
                    lead=float(lead or 0.0),
                )
            self.env.cr.execute(
                """
                SELECT l.partner_id, SUM(l.qty_received), SUM(l.qty_rejected)
                  FROM jxc_purchase_order_line l
                 WHERE l.partner_id = ANY(%s) AND l.state IN ('confirmed', 'done')
                   AND l.company_id = %s
                 GROUP BY l.partner_id
                """,
                [self.ids, company_id],
            )
            for partner_id, received, rejected in self.env.cr.fetchall():
                total = float(received or 0) + float(rejected or 0)
                stats.setdefault(partner_id, {})["rejection"] = (
                    100.0 * float(rejected or 0) / total if total else 0.0
                )
        for partner in self:
            values = stats.get(partner.id, {})
            partner.jxc_purchase_count = values.get("count", 0)
            partner.jxc_purchase_total = values.get("total", 0.0)
            partner.jxc_on_time_rate = values.get("on_time", 0.0)
            partner.jxc_rejection_rate = values.get("rejection", 0.0)
            partner.jxc_avg_lead_days = values.get("lead", 0.0)

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": _("Import Template for Suppliers (JXC)"),
                "template": "/jxc_purchase/static/xls/jxc_supplier_template.xlsx",
            },
            *super().get_import_templates(),
        ]

    def action_view_jxc_purchase_orders(self):
        self.ensure_one()
        return list_action(
            self.env,
            "jxc_purchase.jxc_purchase_order_action",
            [("partner_id", "=", self.id)],
            {"default_partner_id": self.id},
        )

    def action_view_jxc_last_prices(self):
        """The purchase lines of this supplier, newest first: its last prices per product."""
        self.ensure_one()
        return list_action(
            self.env,
            "jxc_purchase.jxc_purchase_order_line_action",
            [("partner_id", "=", self.id), ("state", "in", ("confirmed", "done"))],
            {"search_default_group_product": 1},
        )
