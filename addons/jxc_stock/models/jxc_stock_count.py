# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_is_zero

from ..utils import check_group, internal_context, list_action


class JxcStockCount(models.Model):
    """盘点单: snapshot the system quantities, count, post the differences (盘盈/盘亏).

    The variance is counted − snapshot: the count describes the shelves at snapshot time, so
    documents posted while the count is open stay in the ledger untouched and the adjustment
    only corrects what the count found different.
    """

    _name = "jxc.stock.count"
    _description = "Stock Count"
    _jxc_sequence_code = "jxc.stock.count"
    _inherit = ["jxc.document.mixin", "jxc.scan.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _jxc_locked_writable = ("note", "user_id")
    _jxc_posted_states = ("done",)

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
    category_ids = fields.Many2many("product.category", string="Categories")
    product_ids = fields.Many2many(
        "product.product", string="Products", domain="[('type', '=', 'consu')]"
    )
    date = fields.Datetime(string="Snapshot Time", readonly=True, copy=False, tracking=True)
    snapshot_move_id = fields.Integer(
        readonly=True, copy=False, help="Last ledger row id at snapshot time."
    )
    date_done = fields.Datetime(string="Posted On", readonly=True, copy=False)
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user, tracking=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("in_progress", "Counting"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    line_ids = fields.One2many("jxc.stock.count.line", "count_id", string="Lines")
    note = fields.Html()
    difference_value = fields.Monetary(
        compute="_compute_difference_value",
        string="Variance Value",
        groups="jxc_stock.group_jxc_cost",
    )
    counted_line_count = fields.Integer(compute="_compute_totals")
    line_count = fields.Integer(compute="_compute_totals")

    @api.depends("line_ids.difference_value")
    def _compute_difference_value(self):
        for count in self:
            count.difference_value = sum(count.line_ids.mapped("difference_value"))

    @api.depends("line_ids.is_counted")
    def _compute_totals(self):
        for count in self:
            count.counted_line_count = len(count.line_ids.filtered("is_counted"))
            count.line_count = len(count.line_ids)

    def _jxc_lines_editable(self):
        # Counted quantities are entered while counting.
        return self.state in ("draft", "in_progress")

    def _jxc_scan_check_state(self):
        # Starting a count replaces its lines with the snapshot: scans come after.
        if self.state != "in_progress":
            raise UserError(
                _(
                    "%(doc)s is %(state)s: scan while it is being counted (start it first).",
                    doc=self.display_name,
                    state=self._jxc_state_label(),
                )
            )

    def _jxc_scan_find_line(self, match):
        return self._jxc_scan_lot_lines(match)[:1]

    def _jxc_scan_apply(self, match):
        self._jxc_scan_check_tracking(match)
        return super()._jxc_scan_apply(match)

    def _jxc_scan_line_values(self, line, match):
        quantity = self._jxc_scan_quantity(match)
        if line:
            if match["product"].tracking == "serial" and line.is_counted and line.counted_quantity:
                raise UserError(
                    _(
                        "%(doc)s: serial number %(serial)s has already been counted.",
                        doc=self.display_name,
                        serial=line.lot_id.name or line.lot_name,
                    )
                )
            counted = line.counted_quantity if line.is_counted else 0.0
            return {"counted_quantity": counted + quantity, "is_counted": True}
        vals = {
            "product_id": match["product"].id,
            "counted_quantity": quantity,
            "is_counted": True,
        }
        if match["lot"]:
            vals["lot_id"] = match["lot"].id
        elif match["lot_name"]:
            vals["lot_name"] = match["lot_name"]
        return vals

    def action_start(self):
        """Take the snapshot: one line per stocked (product, lot) matching the filters."""
        self._check_action_rights()
        return self._action_start()

    def _action_start(self):
        for count in self:
            if count.state != "draft":
                raise UserError(_("%s has already started.", count.name))
            domain = [("warehouse_id", "=", count.warehouse_id.id), ("quantity", "!=", 0)]
            if count.category_ids:
                domain.append(("categ_id", "child_of", count.category_ids.ids))
            if count.product_ids:
                domain.append(("product_id", "in", count.product_ids.ids))
            self.env.cr.execute("SELECT COALESCE(MAX(id), 0) FROM jxc_stock_move")
            last_move = self.env.cr.fetchone()[0]
            quants = self.env["jxc.stock.quant"].search(domain)
            lines = [
                fields.Command.create(
                    {
                        "product_id": q.product_id.id,
                        "lot_id": q.lot_id.id,
                        "theoretical_quantity": q.quantity,
                    }
                )
                for q in quants
            ]
            for product in count.product_ids - quants.product_id:
                lines.append(
                    fields.Command.create({"product_id": product.id, "theoretical_quantity": 0.0})
                )
            count._jxc_write(
                {
                    "state": "in_progress",
                    "date": fields.Datetime.now(),
                    "snapshot_move_id": last_move,
                    "line_ids": [fields.Command.clear(), *lines],
                }
            )
        return True

    def action_validate(self):
        """Post gains and losses at the current average cost (stock managers only)."""
        self._check_validate_rights()
        return self._action_validate()

    def action_batch_validate(self):
        """Post the selected counts from the list (a server action), each as its button does,
        all or nothing per count; a notification lists what failed and why."""
        return self._jxc_batch("action_validate", ("done",), _("Validate"))

    def _check_validate_rights(self):
        check_group(
            self.env,
            "jxc_stock.group_jxc_stock_manager",
            _("Only stock managers can post stock counts."),
        )
        self._check_action_rights()

    def _jxc_batch_check_rights(self):
        self._check_validate_rights()

    def _action_validate(self):
        for count in self:
            if count.state != "in_progress":
                raise UserError(_("%s is not being counted: start it first.", count.name))
            counted = count.line_ids.filtered("is_counted")
            if not counted:
                raise UserError(_("%s: no line has been counted.", count.name))
            counted._resolve_lots()
            vals_list, posted_lines = [], []
            for line in counted:
                diff = line.difference_quantity
                if float_is_zero(diff, precision_rounding=line.product_id.uom_id.rounding):
                    continue
                vals_list.append(
                    {
                        "product_id": line.product_id.id,
                        "warehouse_id": count.warehouse_id.id,
                        "lot_id": line.lot_id.id,
                        "quantity": diff,
                        "move_type": "count_gain" if diff > 0 else "count_loss",
                        "reference": count.name,
                        "res_model": count._name,
                        "res_id": count.id,
                        "line_label": line.product_id.display_name,
                    }
                )
                posted_lines.append(line)
            moves = self.env["jxc.stock.move"]._post(vals_list)
            for line, move in zip(posted_lines, moves.sorted("id"), strict=True):
                line.with_context(**internal_context()).move_id = move
            uncounted = count.line_ids - counted
            count._jxc_write({"state": "done", "date_done": fields.Datetime.now()})
            if uncounted:
                count._message_log(
                    body=_(
                        "%(n)s line(s) were not counted and left unchanged: %(products)s",
                        n=len(uncounted),
                        products=", ".join(uncounted.mapped("product_id.display_name")[:20]),
                    )
                )
        return True

    def action_cancel(self):
        self._check_action_rights()
        if any(c.state == "done" for c in self):
            raise UserError(_("A posted count cannot be cancelled."))
        self._jxc_write({"state": "cancel"})
        return True

    def action_draft(self):
        self._check_action_rights()
        self.filtered(lambda c: c.state == "cancel")._jxc_write(
            {"state": "draft", "line_ids": [fields.Command.clear()]}
        )
        return True

    def action_view_moves(self):
        self.ensure_one()
        return list_action(
            self.env,
            "jxc_stock.jxc_stock_move_action",
            [("res_model", "=", self._name), ("res_id", "=", self.id)],
        )

    def action_import(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Import Counted Quantities"),
            "res_model": "jxc.stock.count.import",
            "view_mode": "form",
            "target": "new",
            "context": {"default_count_id": self.id},
        }
