# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.jxc_stock.utils import format_money, list_action

COST = "jxc_stock.group_jxc_cost"


class JxcPurchaseLandedCost(models.Model):
    """采购费用分摊: freight, insurance, customs… paid for goods received by posted purchase
    receipts, allocated over the receipts' lines by quantity, amount or weight into their
    cost through the ledger's cost-correction engine (the share still in stock into the
    moving average, the share already gone out to cost of goods sold). Finance posts the
    payable to each carrier."""

    _name = "jxc.purchase.landed.cost"
    _description = "Landed Cost"
    _jxc_sequence_code = "jxc.purchase.landed.cost"
    _inherit = ["jxc.document.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _jxc_locked_writable = ("note",)
    _jxc_posted_states = ("posted", "reversed")
    _jxc_unlink_states = ("draft",)

    name = fields.Char(string="Number", required=True, readonly=True, copy=False, default="/")
    date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        tracking=True,
        help="The accounting date of the costs: the carriers' payables are dated on it.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    picking_ids = fields.Many2many(
        "jxc.stock.picking",
        "jxc_purchase_landed_cost_picking_rel",
        "landed_cost_id",
        "picking_id",
        string="Receipts",
        check_company=True,
        domain="[('picking_type', '=', 'purchase_in'), ('state', '=', 'done'), "
        "('is_reversal', '=', False), ('company_id', '=', company_id)]",
    )
    split_method = fields.Selection(
        [("quantity", "By Quantity"), ("amount", "By Amount"), ("weight", "By Weight")],
        string="Allocation",
        required=True,
        default="quantity",
        tracking=True,
    )
    cost_line_ids = fields.One2many(
        "jxc.purchase.landed.cost.line", "landed_cost_id", string="Costs", copy=True
    )
    allocation_ids = fields.One2many(
        "jxc.purchase.landed.cost.allocation",
        "landed_cost_id",
        string="Allocation Lines",
        readonly=True,
    )
    amount_total = fields.Monetary(compute="_compute_amount_total", store=True, string="Total")
    state = fields.Selection(
        [("draft", "Draft"), ("posted", "Posted"), ("reversed", "Reversed")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    date_done = fields.Datetime(string="Posted On", readonly=True, copy=False)
    posted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_reversed = fields.Datetime(string="Reversed On", readonly=True, copy=False)
    note = fields.Html()
    move_count = fields.Integer(compute="_compute_move_count")

    @api.depends("cost_line_ids.amount")
    def _compute_amount_total(self):
        for cost in self:
            cost.amount_total = sum(cost.cost_line_ids.mapped("amount"))

    def _compute_move_count(self):
        Move = self.env["jxc.stock.move"].sudo()
        for cost in self:
            cost.move_count = Move.search_count(
                [("res_model", "=", self._name), ("res_id", "=", cost.id)]
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _check_post_rights(self):
        if not self.env.su and not self.env.user.has_group(
            "jxc_purchase.group_jxc_purchase_manager"
        ):
            raise AccessError(_("Only purchase managers can post or reverse landed costs."))
        self._check_action_rights()

    def action_compute(self):
        """Show the allocation of a draft (posting computes it again)."""
        self._check_action_rights()
        for cost in self:
            if cost.state != "draft":
                raise UserError(_("%s is posted: its allocation is final.", cost.name))
            cost._jxc_write(
                {
                    "allocation_ids": [fields.Command.clear()]
                    + [fields.Command.create(v) for v in cost._get_allocation_values()]
                }
            )
        return True

    def action_post(self):
        self._check_post_rights()
        return self._action_post()

    def action_reverse(self):
        """红冲: take the costs back out of stock and cost of goods sold, and the payables."""
        self._check_post_rights()
        return self._action_reverse()

    def _check_can_post(self):
        self.ensure_one()
        if self.state != "draft":
            raise UserError(_("%s is not a draft: it cannot be posted.", self.name))
        if not self.cost_line_ids:
            raise UserError(_("%s: enter the costs to allocate.", self.name))
        for number, line in enumerate(self.cost_line_ids, start=1):
            if self.currency_id.compare_amounts(line.amount, 0) <= 0:
                raise UserError(
                    _(
                        "%(doc)s, cost line %(n)s (%(cost)s): the amount must be positive, "
                        "not %(amount)s.",
                        doc=self.name,
                        n=number,
                        cost=line.name or line._cost_type_label(),
                        amount=format_money(self.env, line.amount, self.currency_id),
                    )
                )
        if not self.picking_ids:
            raise UserError(_("%s: choose the receipts the costs are for.", self.name))
        for picking in self.sudo().picking_ids:
            if picking.company_id != self.company_id:
                raise UserError(
                    _(
                        "%(doc)s: receipt %(receipt)s belongs to %(company)s, not %(ours)s.",
                        doc=self.name,
                        receipt=picking.name,
                        company=picking.company_id.name,
                        ours=self.company_id.name,
                    )
                )
            if (
                picking.picking_type != "purchase_in"
                or picking.state != "done"
                or picking.is_reversal
                or picking.reversal_ids
            ):
                raise UserError(
                    _(
                        "%(doc)s: %(receipt)s is not a posted purchase receipt (or it was "
                        "reversed); costs are allocated over posted receipts only.",
                        doc=self.name,
                        receipt=picking.name,
                    )
                )

    def _get_receipt_lines(self):
        """The receipts' lines that received goods, with what they received (base unit)."""
        self.ensure_one()
        result = []
        for line in self.sudo().picking_ids.sorted("id").line_ids:
            moves = line.move_ids.filtered(lambda m: m.quantity > 0)
            if moves:
                result.append(
                    {
                        "line": line,
                        "quantity": sum(moves.mapped("quantity")),
                        "value": sum(moves.mapped("value")),
                    }
                )
        return result

    def _get_allocation_values(self):
        """Allocation line values: the total of the costs over the receipts' lines in
        proportion to their quantity, value or weight, each rounded to the cent, the last line
        taking what rounding left, so that the lines add up to the total exactly."""
        self.ensure_one()
        self._check_can_post()
        lines = self._get_receipt_lines()
        if not lines:
            raise UserError(_("%s: the receipts received nothing.", self.name))
        if self.split_method == "weight":
            missing = [i["line"].product_id for i in lines if i["line"].product_id.weight <= 0]
            if missing:
                raise UserError(
                    _(
                        "%(doc)s: allocation by weight needs the weight of every product; "
                        "%(products)s has none. Enter it or allocate by quantity or amount.",
                        doc=self.name,
                        products=", ".join(p.display_name for p in missing[:10]),
                    )
                )
        for item in lines:
            item["weight"] = item["line"].product_id.weight * item["quantity"]
        basis = {"quantity": "quantity", "amount": "value", "weight": "weight"}[self.split_method]
        total_basis = sum(item[basis] for item in lines)
        if total_basis <= 0:
            raise UserError(_("%s: the receipts' lines have nothing to allocate over.", self.name))
        currency = self.currency_id
        total = currency.round(sum(self.cost_line_ids.mapped("amount")))
        values, allocated = [], 0.0
        for index, item in enumerate(lines):
            if index == len(lines) - 1:
                amount = currency.round(total - allocated)
            else:
                amount = currency.round(total * item[basis] / total_basis)
            allocated += amount
            values.append(
                {
                    "picking_line_id": item["line"].id,
                    "product_id": item["line"].product_id.id,
                    "quantity": item["quantity"],
                    "received_value": item["value"],
                    "weight": item["weight"],
                    "amount": amount,
                }
            )
        return values

    def _action_post(self):
        Move = self.env["jxc.stock.move"]
        Line = self.env["jxc.stock.picking.line"]
        for cost in self:
            cost._check_can_post()
            values = cost._get_allocation_values()
            results = Move._post_cost_corrections(
                [
                    {
                        "picking_line": Line.browse(v["picking_line_id"]),
                        "amount": v["amount"],
                        "reference": cost.name,
                        "res_model": cost._name,
                        "res_id": cost.id,
                    }
                    for v in values
                ]
            )
            for vals, result in zip(values, results, strict=True):
                vals.update(stock_amount=result["stock"], cogs_amount=result["cogs"])
            cost._jxc_write(
                {
                    "allocation_ids": [fields.Command.clear()]
                    + [fields.Command.create(v) for v in values],
                    "state": "posted",
                    "date_done": fields.Datetime.now(),
                    "posted_by_id": self.env.user.id,
                }
            )
            cost._after_post()
        return True

    def _after_post(self):
        """Hook: what else posting does (jxc_finance posts the carriers' payables)."""

    def _action_reverse(self):
        for cost in self:
            if cost.state != "posted":
                raise UserError(
                    _("%s is not posted: only posted landed costs are reversed.", cost.name)
                )
            moves = self.env["jxc.stock.move"].search(
                [
                    ("res_model", "=", cost._name),
                    ("res_id", "=", cost.id),
                    ("is_reversal", "=", False),
                ]
            )
            moves._reverse_value_rows(
                {"reference": cost.name, "res_model": cost._name, "res_id": cost.id}
            )
            cost._jxc_write({"state": "reversed", "date_reversed": fields.Datetime.now()})
            cost._message_log(body=_("Reversed (红冲)."))
            cost._after_reverse()
        return True

    def _after_reverse(self):
        """Hook: what else reversing does (jxc_finance reverses the payables)."""

    def action_view_moves(self):
        self.ensure_one()
        return list_action(
            self.env,
            "jxc_stock.jxc_stock_move_action",
            [("res_model", "=", self._name), ("res_id", "=", self.id)],
        )
