# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command
from odoo.tools import float_compare, float_round

from ..forecasting import lead_sigma, service_z
from ..utils import MAX_QUANTITY, format_number, list_action, number_ok


class JxcStockReplenish(models.Model):
    """补货建议: one suggestion per rule whose projected stock is below its min.

    projected = on hand − reserved − recorded shortages + incoming (draft transfers count
    as reserved at their source and incoming at their destination). Each suggestion carries
    its arithmetic in words. ``_get_incoming_quantities`` and the order creation are the
    extension points jxc_purchase fills in.

    Forecast rules replace min / max by a reorder point and an order-up-to level from the
    product's forecast (jxc.stock.forecast). Before buying, stock that another warehouse of
    the company holds above its own max / order-up-to is suggested as a transfer (调拨建议).
    """

    _name = "jxc.stock.replenish"
    _inherit = ["jxc.number.mixin"]
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
    kind = fields.Selection(
        [("purchase", "Purchase"), ("transfer", "Transfer")],
        string="Suggestion",
        required=True,
        default="purchase",
        readonly=True,
    )
    source_warehouse_id = fields.Many2one(
        "jxc.stock.warehouse",
        string="From Warehouse",
        readonly=True,
        help="Transfers: the warehouse that holds the stock above its own needs.",
    )
    explanation = fields.Char(readonly=True)
    date = fields.Datetime(string="Computed On", readonly=True, default=fields.Datetime.now)

    @api.constrains("suggested_quantity")
    def _check_suggested_quantity(self):
        for suggestion in self:
            if suggestion.suggested_quantity < 0:
                raise ValidationError(
                    _(
                        "%s: the suggested quantity cannot be negative (0: no document).",
                        suggestion.product_id.display_name,
                    )
                )

    @api.model
    def action_compute(self):
        """Recompute every suggestion of the user's companies."""
        self.search([("company_id", "in", self.env.companies.ids)]).unlink()
        rules = self.env["jxc.stock.rule"].search([("company_id", "in", self.env.companies.ids)])
        self.create(self._prepare_suggestions(rules))
        return self.env["ir.actions.act_window"]._for_xml_id("jxc_stock.jxc_stock_replenish_action")

    @api.model
    def _prepare_suggestions(self, rules):
        """Suggestions for ``rules``. The company's rules of their products in the other
        warehouses are read too, as superuser, for the stock those warehouses hold above
        their own needs: users limited to some warehouses see no other warehouse's rule,
        and got purchases where a transfer was due."""
        if not rules:
            return []
        own = set(rules.ids)
        rules = rules.sudo() | rules.sudo().search(
            [
                ("company_id", "in", rules.company_id.ids),
                ("product_id", "in", rules.product_id.ids),
            ]
        )
        self.env.flush_all()
        forecasts = rules._get_forecasts()
        rules._refresh_effective_min(forecasts)
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
        drafted_out, drafted_in = self._get_draft_transfers(rules)
        for key, qty in drafted_in.items():
            incoming[key] += qty
        for key, qty in drafted_out.items():
            on_hand, reserved = stock.get(key, (0.0, 0.0))
            stock[key] = (on_hand, reserved + qty)
        states = []
        surplus = {}
        for rule in rules:
            key = (rule.product_id.id, rule.warehouse_id.id)
            on_hand, reserved = stock.get(key, (0.0, 0.0))
            shortage = shortages.get(key, 0.0)
            inc = incoming.get(key, 0.0)
            projected = on_hand - reserved - shortage + inc
            min_qty, target, levels_text = self._get_levels(rule, forecasts.get(key))
            self._check_level(rule, max(min_qty, target))
            rounding = rule.product_id.uom_id.rounding
            if float_compare(projected, target, precision_rounding=rounding) > 0:
                # Above its own needs: free for the other warehouses (what is on hand).
                free = min(projected - target, on_hand - reserved)
                if free > 0:
                    surplus[key] = free
            if rule.id not in own:
                continue
            states.append(
                (
                    rule,
                    {
                        "rule_id": rule.id,
                        "on_hand": on_hand,
                        "reserved": reserved,
                        "shortage": shortage,
                        "incoming": inc,
                        "projected": projected,
                        "min_quantity": min_qty,
                        "max_quantity": target,
                    },
                    levels_text,
                )
            )
        vals_list = []
        for rule, common, levels_text in states:
            projected, min_qty = common["projected"], common["min_quantity"]
            target = common["max_quantity"]
            rounding = rule.product_id.uom_id.rounding
            if float_compare(projected, min_qty, precision_rounding=rounding) >= 0:
                continue
            need = target - projected
            transferred = []
            for source in self._get_transfer_sources(rule):
                source_key = (rule.product_id.id, source.id)
                free = surplus.get(source_key, 0.0)
                if need <= 0 or float_compare(free, 0, precision_rounding=rounding) <= 0:
                    continue
                qty = min(free, need)
                surplus[source_key] = free - qty
                need -= qty
                transferred.append((source, qty))
                vals_list.append(
                    dict(
                        common,
                        kind="transfer",
                        source_warehouse_id=source.id,
                        suggested_quantity=qty,
                        explanation=self._explain_transfer(
                            source, free, qty, projected, min_qty, target, levels_text
                        ),
                    )
                )
            if float_compare(need, 0, precision_rounding=rounding) <= 0:
                continue
            multiple = self._get_order_multiple(rule)
            qty = math.ceil(float_round(need / multiple, precision_digits=6)) * multiple
            self._check_level(rule, qty)
            explanation = self._explain(
                *(common[f] for f in ("on_hand", "reserved", "shortage", "incoming")),
                projected,
                min_qty,
                target,
                qty,
                multiple,
            )
            if levels_text:
                explanation = levels_text + explanation
            for source, transfer_qty in transferred:
                explanation += _(
                    " (after a transfer of %(qty)s from %(warehouse)s)",
                    qty=format_number(self.env, transfer_qty),
                    warehouse=source.display_name,
                )
            vals_list.append(
                dict(common, kind="purchase", suggested_quantity=qty, explanation=explanation)
            )
        return vals_list

    @api.model
    def _check_level(self, rule, quantity):
        """A rule whose levels or suggestion come to more than a quantity can hold is named
        (else the suggestion's bounds would fail, naming no rule)."""
        if not number_ok(quantity, MAX_QUANTITY):
            raise UserError(
                _(
                    "%(rule)s: its levels or suggestion come to %(qty)s, above %(max)s. Lower "
                    "its max, order multiple, lead time or review period.",
                    rule=rule.display_name,
                    qty=format_number(self.env, quantity),
                    max=format_number(self.env, MAX_QUANTITY),
                )
            )

    @api.model
    def _get_transfer_sources(self, rule):
        """The other warehouses of the rule's company, in their order."""
        return self.env["jxc.stock.warehouse"].search(
            [("company_id", "=", rule.company_id.id), ("id", "!=", rule.warehouse_id.id)]
        )

    @api.model
    def _get_lead_days(self, rule):
        """Days from ordering to receiving (jxc_purchase: the supplier's lead time)."""
        return rule.lead_days

    @api.model
    def _get_order_multiple(self, rule):
        """Suggestions are rounded up to this (jxc_purchase: forecast rules without a
        multiple of their own take the product's purchase packaging)."""
        return rule.multiple

    @api.model
    def _get_levels(self, rule, forecast):
        """(reorder point or min, order-up-to or max, words for the forecast arithmetic)."""
        min_qty = rule.effective_min
        if rule.replenish_method != "forecast":
            return min_qty, max(rule.max_quantity, min_qty), ""
        if not forecast:
            return (
                min_qty,
                max(rule.max_quantity, min_qty),
                _("No forecast for this product yet: min / max. "),
            )

        def fmt(number):
            return format_number(self.env, number, 1)

        weekly, sigma = forecast.weekly_forecast, forecast.sigma
        lead_weeks = self._get_lead_days(rule) / 7.0
        level = rule._get_service_level()
        z = service_z(level)
        safety = z * lead_sigma(sigma, lead_weeks)
        reorder = weekly * lead_weeks + safety
        review = weekly * rule.review_weeks
        up_to = reorder + review
        text = _(
            "Forecast weekly demand %(weekly)s ± %(sigma)s (%(method)s), lead time %(lead)s "
            "week(s) → reorder point %(weekly)s × %(lead)s + safety stock %(z)s × %(sigma)s × "
            "√%(lead)s = %(reorder)s (service level %(level)s%%); order-up-to %(reorder)s + "
            "%(weekly)s × %(review)s review week(s) = %(up_to)s. ",
            weekly=fmt(weekly),
            sigma=fmt(sigma),
            method=dict(forecast._fields["method"]._description_selection(self.env)).get(
                forecast.method
            ),
            lead=fmt(lead_weeks),
            z=format_number(self.env, z, digits=2),
            reorder=fmt(reorder),
            level=fmt(level),
            review=rule.review_weeks,
            up_to=fmt(up_to),
        )
        return reorder, up_to, text

    @api.model
    def _explain_transfer(self, source, free, qty, projected, min_qty, target, levels_text):
        def fmt(number):
            return format_number(self.env, number)

        return levels_text + _(
            "Projected %(projected)s < %(min)s; %(warehouse)s holds %(free)s above its own needs "
            "→ transfer %(qty)s first (up to %(target)s)",
            projected=fmt(projected),
            min=fmt(min_qty),
            warehouse=source.display_name,
            free=fmt(free),
            qty=fmt(qty),
            target=fmt(target),
        )

    @api.model
    def _explain(
        self, on_hand, reserved, shortage, incoming, projected, min_qty, target, qty, multiple
    ):
        def fmt(number):
            return format_number(self.env, number)

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
        """{(product id, warehouse id): quantity on its way}. jxc_purchase adds purchase
        quantities not yet received; transfers: see ``_get_draft_transfers``."""
        return defaultdict(float)

    @api.model
    def _get_draft_transfers(self, rules):
        """({key: quantity}, {key: quantity}) of the draft transfers of the rules' products,
        by (product id, warehouse id): out of their source (counted as reserved there), into
        their destination (counted as incoming), so that recomputing after the one step
        suggests none of them again. Read as superuser: a user limited to some warehouses
        is told of the transfers into them from the others too."""
        drafted_out, drafted_in = defaultdict(float), defaultdict(float)
        lines = (
            self.env["jxc.stock.picking.line"]
            .sudo()
            .search(
                [
                    ("picking_type", "=", "internal"),
                    ("state", "=", "draft"),
                    ("product_id", "in", rules.product_id.ids),
                ]
            )
        )
        for line in lines:
            quantity = line._get_base_quantity(line.quantity)
            picking = line.picking_id
            drafted_out[(line.product_id.id, picking.warehouse_id.id)] += quantity
            drafted_in[(line.product_id.id, picking.dest_warehouse_id.id)] += quantity
        return drafted_out, drafted_in

    def action_create_documents(self):
        """Draft transfers (and, with purchases, draft purchase orders) from the selected
        suggestions in one step. The suggestions made into documents are deleted; those
        left (quantity 0, or see ``_create_documents``) stay, and the user is told why."""
        documents, notes = self._create_documents()
        created = [records for records, _xml_id in documents if records]
        if not created:
            raise UserError(" ".join([_("Nothing to create from these suggestions."), *notes]))
        # No f-string inside _(): Babel's extraction (Odoo's translation export) evaluates
        # the strings of the call and skips the whole file when one fails.
        counts = ", ".join(f"{len(records)} × {records._description}" for records in created)
        message = _("Created: %s.", counts)
        self.env.user._bus_send(
            "simple_notification",
            {
                "type": "warning" if notes else "success",
                "message": " ".join([message, *notes]),
                "sticky": bool(notes),
            },
        )
        records, xml_id = next((r, x) for r, x in documents if r)
        return list_action(self.env, xml_id, [("id", "in", records.ids)])

    def _create_documents(self):
        """([(created records, window action xml id)], [why suggestions were left]);
        jxc_purchase adds its orders."""
        transfers = self.filtered(lambda s: s.kind == "transfer")
        # Transfers are created and posted from their source warehouse.
        left = transfers.filtered(lambda s: not s.source_warehouse_id.jxc_allowed)
        notes = []
        if left:
            notes.append(
                _(
                    "Transfers left to the users of %s, where they are posted from.",
                    ", ".join(left.source_warehouse_id.mapped("display_name")),
                )
            )
        pickings = (transfers - left)._create_transfers()
        return [(pickings, "jxc_stock.jxc_stock_picking_action_internal")], notes

    def _create_transfers(self):
        """Draft transfers from transfer suggestions, one per source and destination; the
        suggestions of no quantity are left."""
        made = self.filtered(lambda s: s.suggested_quantity > 0)
        groups = defaultdict(list)
        for suggestion in made:
            groups[(suggestion.source_warehouse_id, suggestion.warehouse_id)].append(suggestion)
        pickings = self.env["jxc.stock.picking"]
        for (source, dest), suggestions in groups.items():
            pickings |= pickings.create(
                {
                    "picking_type": "internal",
                    "company_id": source.company_id.id,
                    "warehouse_id": source.id,
                    "dest_warehouse_id": dest.id,
                    "origin": _("Replenishment"),
                    "line_ids": [
                        Command.create(
                            {"product_id": s.product_id.id, "quantity": s.suggested_quantity}
                        )
                        for s in suggestions
                    ],
                }
            )
        made.unlink()
        return pickings
