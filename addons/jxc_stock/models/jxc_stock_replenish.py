# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.tools import float_compare, float_round

from ..utils import check_numbers


class JxcStockReplenish(models.Model):
    """补货建议: one suggestion per rule whose projected stock is below its min.

    projected = on hand − reserved − recorded shortages + incoming. Each suggestion carries
    its arithmetic in words. ``_get_incoming_quantities`` and the order creation are the
    extension points jxc_purchase fills in.
    """

    _name = "jxc.stock.replenish"
    _description = "Replenishment Suggestion"
    _order = "warehouse_id, product_id"

    rule_id = fields.Many2one("jxc.stock.rule", required=True, ondelete="cascade", index=True)
    product_id = fields.Many2one(related="rule_id.product_id", store=True)
    warehouse_id = fields.Many2one(related="rule_id.warehouse_id", store=True)
    company_id = fields.Many2one(related="rule_id.company_id", store=True)
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    on_hand = fields.Float(digits="Product Unit of Measure", readonly=True)
    reserved = fields.Float(digits="Product Unit of Measure", readonly=True)
    shortage = fields.Float(digits="Product Unit of Measure", readonly=True)
    incoming = fields.Float(digits="Product Unit of Measure", readonly=True)
    projected = fields.Float(digits="Product Unit of Measure", readonly=True)
    min_quantity = fields.Float(string="Min", digits="Product Unit of Measure", readonly=True)
    max_quantity = fields.Float(string="Max", digits="Product Unit of Measure", readonly=True)
    suggested_quantity = fields.Float(string="Suggested", digits="Product Unit of Measure")
    explanation = fields.Char(readonly=True)
    date = fields.Datetime(string="Computed On", readonly=True, default=fields.Datetime.now)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_numbers(self, vals, self._description)
        return super().create(vals_list)

    def write(self, vals):
        for suggestion in self:
            check_numbers(suggestion, vals, suggestion.product_id.display_name)
        return super().write(vals)

    @api.model
    def action_compute(self):
        """Recompute every suggestion of the user's companies."""
        self.search([("company_id", "in", self.env.companies.ids)]).unlink()
        rules = self.env["jxc.stock.rule"].search([("company_id", "in", self.env.companies.ids)])
        self.create(self._prepare_suggestions(rules))
        return self.env["ir.actions.act_window"]._for_xml_id("jxc_stock.jxc_stock_replenish_action")

    @api.model
    def _prepare_suggestions(self, rules):
        if not rules:
            return []
        self.env.flush_all()
        rules._refresh_effective_min()
        pairs = list({(r.product_id.id, r.warehouse_id.id) for r in rules})
        # Expired lots are never promised, so they do not count as stock here either.
        self.env.cr.execute(
            """
            SELECT q.product_id, q.warehouse_id, SUM(q.quantity), SUM(q.reserved_quantity)
              FROM jxc_stock_quant q
              LEFT JOIN jxc_stock_lot l ON l.id = q.lot_id
             WHERE (q.product_id, q.warehouse_id) IN %s
               AND (l.expiration_date IS NULL OR l.expiration_date >= %s)
             GROUP BY q.product_id, q.warehouse_id
            """,
            [tuple(pairs), fields.Date.context_today(self)],
        )
        stock = {(p, w): (float(q), float(r)) for p, w, q, r in self.env.cr.fetchall()}
        self.env.cr.execute(
            """
            SELECT product_id, warehouse_id, SUM(shortage_quantity)
              FROM jxc_stock_reservation
             WHERE state = 'open' AND (product_id, warehouse_id) IN %s
             GROUP BY product_id, warehouse_id
            """,
            [tuple(pairs)],
        )
        shortages = {(p, w): float(s) for p, w, s in self.env.cr.fetchall()}
        incoming = self._get_incoming_quantities(rules)
        vals_list = []
        for rule in rules:
            key = (rule.product_id.id, rule.warehouse_id.id)
            on_hand, reserved = stock.get(key, (0.0, 0.0))
            shortage = shortages.get(key, 0.0)
            inc = incoming.get(key, 0.0)
            projected = on_hand - reserved - shortage + inc
            min_qty = rule.effective_min
            rounding = rule.product_id.uom_id.rounding
            if float_compare(projected, min_qty, precision_rounding=rounding) >= 0:
                continue
            target = max(rule.max_quantity, min_qty)
            need = target - projected
            qty = math.ceil(float_round(need / rule.multiple, precision_digits=6)) * rule.multiple
            vals_list.append(
                {
                    "rule_id": rule.id,
                    "on_hand": on_hand,
                    "reserved": reserved,
                    "shortage": shortage,
                    "incoming": inc,
                    "projected": projected,
                    "min_quantity": min_qty,
                    "max_quantity": target,
                    "suggested_quantity": qty,
                    "explanation": self._explain(
                        on_hand,
                        reserved,
                        shortage,
                        inc,
                        projected,
                        min_qty,
                        target,
                        qty,
                        rule.multiple,
                    ),
                }
            )
        return vals_list

    @api.model
    def _explain(
        self, on_hand, reserved, shortage, incoming, projected, min_qty, target, qty, multiple
    ):
        def fmt(number):
            return f"{number:g}"

        text = _(
            "On hand %(on_hand)s − reserved %(reserved)s − shortage %(shortage)s + incoming "
            "%(incoming)s = %(projected)s < min %(min)s → up to max %(max)s, suggest %(qty)s",
            on_hand=fmt(on_hand),
            reserved=fmt(reserved),
            shortage=fmt(shortage),
            incoming=fmt(incoming),
            projected=fmt(projected),
            min=fmt(min_qty),
            max=fmt(target),
            qty=fmt(qty),
        )
        if multiple != 1:
            text += _(" (rounded up to a multiple of %s)", fmt(multiple))
        return text

    @api.model
    def _get_incoming_quantities(self, rules):
        """{(product id, warehouse id): quantity on its way}. jxc_purchase adds confirmed,
        not yet received purchase quantities; here, transfers are posted at once, so none."""
        return defaultdict(float)
