# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..utils import internal_context, list_action

COST = "jxc_stock.group_jxc_cost"


class JxcStockCostAdjustment(models.Model):
    """成本调整单: value-only corrections of the stock value (and so the moving average) of
    products in a warehouse, with a reason, posted by a stock manager and corrected by its
    reversal (红冲). Quantities do not move."""

    _name = "jxc.stock.cost.adjustment"
    _description = "Cost Adjustment"
    _jxc_sequence_code = "jxc.stock.cost.adjustment"
    _inherit = ["jxc.document.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _jxc_locked_writable = ("note", "user_id")
    _jxc_posted_states = ("posted", "reversed")
    _jxc_unlink_states = ("draft",)

    name = fields.Char(string="Number", required=True, readonly=True, copy=False, default="/")
    warehouse_id = fields.Many2one(
        "jxc.stock.warehouse",
        required=True,
        tracking=True,
        check_company=True,
        domain=[("jxc_allowed", "=", True)],
        default=lambda self: self.env["jxc.stock.picking"]._default_warehouse_id(),
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    reason = fields.Char(required=True, tracking=True, help="Why the cost is corrected.")
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user, tracking=True
    )
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
    posted_by_id = fields.Many2one(
        "res.users", string="Approved By", readonly=True, copy=False, tracking=True
    )
    date_reversed = fields.Datetime(string="Reversed On", readonly=True, copy=False)
    line_ids = fields.One2many(
        "jxc.stock.cost.adjustment.line", "adjustment_id", string="Lines", copy=True
    )
    note = fields.Html()
    amount_total = fields.Monetary(
        compute="_compute_amount_total", store=True, string="Value Change", groups=COST
    )
    move_count = fields.Integer(compute="_compute_move_count")

    @api.depends("line_ids.value_change", "line_ids.posted_value", "state")
    def _compute_amount_total(self):
        for adjustment in self:
            field = "value_change" if adjustment.state == "draft" else "posted_value"
            adjustment.amount_total = sum(adjustment.line_ids.mapped(field))

    def _compute_move_count(self):
        Move = self.env["jxc.stock.move"]
        for adjustment in self:
            adjustment.move_count = Move.search_count(
                [("res_model", "=", self._name), ("res_id", "=", adjustment.id)]
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _check_manager(self, what):
        if not self.env.su and not self.env.user.has_group("jxc_stock.group_jxc_stock_manager"):
            raise AccessError(what)
        self._check_action_rights()

    def action_post(self):
        """Approve and post (stock managers only)."""
        self._check_manager(_("Only stock managers can post cost adjustments."))
        return self._action_post()

    def action_reverse(self):
        """红冲 (stock managers only)."""
        self._check_manager(_("Only stock managers can reverse cost adjustments."))
        return self._action_reverse()

    def _action_post(self):
        Move = self.env["jxc.stock.move"]
        for adjustment in self:
            if adjustment.state != "draft":
                raise UserError(_("%s is not a draft: it cannot be posted.", adjustment.name))
            if not adjustment.line_ids:
                raise UserError(_("%s has no lines.", adjustment.name))
            company = adjustment.company_id
            # The values are computed under the locks the posting takes again.
            valuations = self.env["jxc.stock.valuation"]._lock(
                adjustment.line_ids.product_id.ids, company.id
            )
            running = {p: float(row["value"]) for p, row in valuations.items()}
            vals_list = []
            for number, line in enumerate(adjustment.line_ids, start=1):
                label = _("line %(n)s (%(product)s)", n=number, product=line.product_id.name)
                line._check_in_stock(label)
                row = valuations[line.product_id.id]
                if line.adjust_by == "unit_cost":
                    value = (
                        company.currency_id.round(line.new_unit_cost * float(row["quantity"]))
                        - running[line.product_id.id]
                    )
                else:
                    value = line.value_change
                value = company.currency_id.round(value)
                if company.currency_id.is_zero(value):
                    raise UserError(
                        _(
                            "%(doc)s, %(line)s: the adjustment changes no value.",
                            doc=adjustment.name,
                            line=label,
                        )
                    )
                running[line.product_id.id] += value
                vals_list.append(
                    {
                        "product_id": line.product_id.id,
                        "warehouse_id": adjustment.warehouse_id.id,
                        "lot_id": line.lot_id.id,
                        "value": value,
                        "reference": adjustment.name,
                        "res_model": adjustment._name,
                        "res_id": adjustment.id,
                        "line_label": label,
                    }
                )
            moves = Move._post_value_adjustments(vals_list)
            for line, move in zip(adjustment.line_ids, moves, strict=True):
                line.with_context(**internal_context()).write(
                    {"move_id": move.id, "posted_value": move.sudo().value}
                )
            adjustment._jxc_write(
                {
                    "state": "posted",
                    "date_done": fields.Datetime.now(),
                    "posted_by_id": self.env.user.id,
                }
            )
        return True

    def _action_reverse(self):
        for adjustment in self:
            if adjustment.state != "posted":
                raise UserError(
                    _("%s is not posted: only posted adjustments are reversed.", adjustment.name)
                )
            adjustment.line_ids.move_id._reverse_value_rows(
                {
                    "reference": adjustment.name,
                    "res_model": adjustment._name,
                    "res_id": adjustment.id,
                }
            )
            adjustment._jxc_write({"state": "reversed", "date_reversed": fields.Datetime.now()})
            adjustment._message_log(body=_("Reversed (红冲): the values are taken back."))
        return True

    def action_view_moves(self):
        self.ensure_one()
        return list_action(
            self.env,
            "jxc_stock.jxc_stock_move_action",
            [("res_model", "=", self._name), ("res_id", "=", self.id)],
        )
