# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, float_is_zero

from ..utils import (
    MAX_AMOUNT,
    MAX_PRICE,
    MAX_QUANTITY,
    format_bound,
    internal_context,
    is_internal,
    is_number,
)


class JxcStockPickingLine(models.Model):
    _name = "jxc.stock.picking.line"
    _inherit = ["jxc.document.line.mixin", "jxc.line.packaging.mixin"]
    _description = "Stock Document Line"
    _order = "picking_id, sequence, id"
    _check_company_auto = True
    _jxc_document_field = "picking_id"
    _jxc_system_fields = ("move_ids",)

    picking_id = fields.Many2one("jxc.stock.picking", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        related="picking_id.company_id", store=True, precompute=True, index=True
    )
    currency_id = fields.Many2one(related="picking_id.currency_id")
    state = fields.Selection(related="picking_id.state", store=True, precompute=True)
    picking_type = fields.Selection(related="picking_id.picking_type", store=True, precompute=True)
    warehouse_id = fields.Many2one(related="picking_id.warehouse_id")
    product_id = fields.Many2one(
        "product.product",
        required=True,
        domain="[('type', '=', 'consu')]",
        check_company=True,
        index=True,
    )
    name = fields.Char(string="Description")
    product_tracking = fields.Selection(related="product_id.tracking")
    use_expiration_date = fields.Boolean(related="product_id.use_expiration_date")
    product_uom_category_id = fields.Many2one(related="product_id.uom_id.category_id")
    quantity = fields.Float(
        string="Planned", digits="Product Unit of Measure", required=True, default=1.0
    )
    quantity_done = fields.Float(
        string="Done Quantity",
        digits="Product Unit of Measure",
        copy=False,
        help="Leave every line at 0 to post the planned quantities in full.",
    )
    uom_id = fields.Many2one(
        "uom.uom",
        string="Unit",
        required=True,
        compute="_compute_uom_id",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('category_id', '=', product_uom_category_id)]",
    )
    lot_id = fields.Many2one(
        "jxc.stock.lot",
        string="Lot / Serial",
        domain="[('product_id', '=', product_id)]",
        check_company=True,
    )
    lot_name = fields.Char(string="New Lot", help="Receipts: a lot created when posting.")
    expiration_date = fields.Date(string="Expiry Date")
    unit_cost = fields.Float(
        digits=(16, 4),
        compute="_compute_unit_cost",
        store=True,
        readonly=False,
        precompute=True,
        groups="jxc_stock.group_jxc_cost",
        help="Per unit of the line, in company currency. Receipts: the cost that enters the "
        "average; issues are valued at the average when posted.",
    )
    value = fields.Monetary(
        compute="_compute_value", store=True, precompute=True, groups="jxc_stock.group_jxc_cost"
    )
    available_quantity = fields.Float(
        string="Available",
        digits="Product Unit of Measure",
        compute="_compute_available_quantity",
        help="On hand minus reserved in the document's warehouse, in the line's unit.",
    )
    move_ids = fields.One2many("jxc.stock.move", "picking_line_id", string="Ledger Rows")
    return_of_line_id = fields.Many2one(
        "jxc.stock.picking.line",
        string="Returned Line",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    return_line_ids = fields.One2many(
        "jxc.stock.picking.line", "return_of_line_id", string="Return Lines"
    )
    quantity_returnable = fields.Float(
        string="Returnable",
        digits="Product Unit of Measure",
        compute="_compute_quantity_returnable",
        compute_sudo=True,
        help="Posted on this line and not yet returned, in the line's unit.",
    )

    @api.depends("product_id", "packaging_id")
    def _compute_uom_id(self):
        for line in self:
            if (
                line.packaging_id
                or not line.uom_id
                or line.uom_id.category_id != line.product_id.uom_id.category_id
            ):
                line.uom_id = line.product_id.uom_id

    @api.depends("product_id", "uom_id", "packaging_id")
    def _compute_unit_cost(self):
        averages = {}  # one query per company, not per line
        for company in self.picking_id.company_id:
            lines = self.filtered(lambda ln, c=company: ln.picking_id.company_id == c)
            averages[company] = self.env["jxc.stock.valuation"]._get_average_costs(
                lines.product_id, company
            )
        for line in self:
            if not line.product_id or not line.picking_id.company_id:
                line.unit_cost = 0.0
                continue
            average = averages[line.picking_id.company_id][line.product_id.id]
            line.unit_cost = line._price_from_base(average)

    @api.depends("quantity", "quantity_done", "unit_cost", "state")
    def _compute_value(self):
        for line in self:
            qty = line.quantity_done if line.state == "done" else line.quantity
            line.value = qty * line.unit_cost

    @api.depends("product_id", "lot_id", "uom_id", "packaging_id", "picking_id.warehouse_id")
    def _compute_available_quantity(self):
        Quant = self.env["jxc.stock.quant"]
        for line in self:
            if not line.product_id or not line.picking_id.warehouse_id:
                line.available_quantity = 0.0
                continue
            domain = [
                ("product_id", "=", line.product_id.id),
                ("warehouse_id", "=", line.picking_id.warehouse_id.id),
            ]
            if line.lot_id:
                domain.append(("lot_id", "=", line.lot_id.id))
            available = sum(Quant.search(domain).mapped("available_quantity"))
            line.available_quantity = line._qty_from_base(available)

    @api.depends("state", "move_ids", "return_line_ids.state", "return_line_ids.move_ids")
    def _compute_quantity_returnable(self):
        for line in self:
            if line.state != "done":
                line.quantity_returnable = 0.0
                continue
            posted = abs(sum(line.move_ids.mapped("quantity")))
            returned = abs(
                sum(
                    line.return_line_ids.filtered(lambda rl: rl.state == "done").move_ids.mapped(
                        "quantity"
                    )
                )
            )
            line.quantity_returnable = line._qty_from_base(posted - returned)

    @api.onchange("product_id")
    def _onchange_product_id(self):
        if self.product_id:
            self.name = self.product_id.display_name
            if self.picking_id.is_outgoing and self.product_id.tracking != "none":
                self.lot_id = self._get_fefo_lots()[:1]

    @api.onchange("lot_name")
    def _onchange_lot_name(self):
        if self.lot_name and self.product_id.use_expiration_date and not self.expiration_date:
            self.expiration_date = self._default_expiration_date()

    @api.constrains("product_id", "uom_id")
    def _check_uom_category(self):
        for line in self:
            if line.uom_id.category_id != line.product_id.uom_id.category_id:
                raise UserError(
                    _(
                        "%(doc)s, line %(line)s: unit %(uom)s is not a unit of %(product)s "
                        "(its units are %(category)s).",
                        doc=line.picking_id.name,
                        line=line._get_line_number(),
                        uom=line.uom_id.name,
                        product=line.product_id.display_name,
                        category=line.product_id.uom_id.category_id.name,
                    )
                )

    @api.constrains("quantity", "quantity_done")
    def _check_quantities(self):
        for line in self:
            rounding = line.uom_id.rounding or 0.001
            if float_compare(line.quantity, 0, precision_rounding=rounding) <= 0:
                raise UserError(
                    _(
                        "%(doc)s, line %(line)s (%(product)s): the quantity must be positive, "
                        "not %(qty)s.",
                        doc=line.picking_id.name,
                        line=line._get_line_number(),
                        product=line.product_id.display_name,
                        qty=line._format_quantity(line.quantity),
                    )
                )
            if float_compare(line.quantity_done, 0, precision_rounding=rounding) < 0:
                raise UserError(
                    _(
                        "%(doc)s, line %(line)s (%(product)s): the done quantity cannot be "
                        "negative (%(qty)s).",
                        doc=line.picking_id.name,
                        line=line._get_line_number(),
                        product=line.product_id.display_name,
                        qty=line._format_quantity(line.quantity_done),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if not is_internal(self.env):
            lines.picking_id._check_opening_rights()
        return lines

    def write(self, vals):
        if self and not is_internal(self.env):
            self.picking_id._check_opening_rights()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_opening_by_managers(self):
        if not is_internal(self.env):
            self.picking_id._check_opening_rights()

    @api.ondelete(at_uninstall=True)
    def _unlink_except_posted(self):
        # Never, not even from the documents' own methods: posted history stays.
        if any(line.state == "done" for line in self):
            raise UserError(_("Lines of a posted stock document cannot be deleted."))

    def copy_data(self, default=None):
        # Backorders and lot splits keep the line's cost, also when made by stock staff who
        # may not read it.
        if self._fields["unit_cost"].is_accessible(self.env) or "unit_cost" in (default or {}):
            return super().copy_data(default)
        return [
            vals
            for line in self
            for vals in super(JxcStockPickingLine, line).copy_data(
                dict(default or {}, unit_cost=line._get_unit_cost())
            )
        ]

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _prepare_reversal_line_vals(self):
        """Values of the line that reverses (红冲) this posted one; downstream addons add the
        order links, so that what the order received or delivered follows the reversal."""
        self.ensure_one()
        return {
            "product_id": self.product_id.id,
            "name": self.name,
            "quantity": self.quantity_done,
            "quantity_done": self.quantity_done,
            "uom_id": self.uom_id.id,
            "packaging_id": self.packaging_id.id,
            "lot_id": self.lot_id.id,
            "unit_cost": self._get_unit_cost(),
        }

    def _prepare_return_line_vals(self):
        """Values of the line that returns this one (downstream adds its order links)."""
        self.ensure_one()
        return {
            "product_id": self.product_id.id,
            "name": self.name,
            "quantity": self.quantity_returnable,
            "uom_id": self.uom_id.id,
            "packaging_id": self.packaging_id.id,
            "lot_id": self.lot_id.id,
            "unit_cost": self._get_unit_cost(),
            "return_of_line_id": self.id,
        }

    def _error_label(self, number=None):
        """ "DOC, line N (product)": how errors name this line."""
        return _(
            "%(doc)s, line %(line)s (%(product)s)",
            doc=self.picking_id.name,
            line=number or self._get_line_number(),
            product=self.product_id.display_name,
        )

    def _get_base_quantity(self, quantity):
        self.ensure_one()
        return self._qty_to_base(quantity, round=True)

    def _get_unit_cost(self):
        """The line's unit cost, for posting and copying: stock staff who may not see costs
        (field ``groups``) still post, return and split documents."""
        self.ensure_one()
        return self.sudo().unit_cost

    def _get_base_unit_cost(self):
        self.ensure_one()
        return self._price_to_base(self._get_unit_cost())

    def _default_expiration_date(self):
        self.ensure_one()
        days = self.product_id.expiration_time
        return fields.Date.context_today(self) + timedelta(days=days) if days else False

    def _check_postable(self, number=None):
        """Line-level checks before posting; errors name the document and the line."""
        self.ensure_one()
        if self.product_id.type != "consu":
            raise UserError(_("%s: only goods can be moved in stock.", self._error_label(number)))
        tracking = self.product_id.tracking
        if (
            tracking != "none"
            and not self.lot_id
            and not (self.lot_name and self.picking_id.is_incoming)
        ):
            raise UserError(
                _(
                    "%s: the product is tracked; enter a lot / serial number.",
                    self._error_label(number),
                )
            )
        if tracking == "serial" and float_compare(
            self._get_base_quantity(self.quantity_done),
            1,
            precision_rounding=self.product_id.uom_id.rounding,
        ):
            raise UserError(
                _(
                    "%(line)s: a serial number is one unit; the quantity is %(qty)s. Use one "
                    "line per serial number.",
                    line=self._error_label(number),
                    qty=self._format_quantity(self.quantity_done),
                )
            )
        if self.lot_id and self.lot_id.product_id != self.product_id:
            raise UserError(
                _(
                    "%(line)s: lot %(lot)s is not a lot of this product.",
                    line=self._error_label(number),
                    lot=self.lot_id.name,
                )
            )
        if float_compare(self._get_unit_cost(), 0, precision_digits=6) < 0:
            raise UserError(_("%s: the unit cost cannot be negative.", self._error_label(number)))

    @api.model
    def _get_opening_problems(self, product, uom, quantity, unit_cost, lot_name):
        """What is wrong with a line of opening stock (期初库存): ``[(column, reason)]``,
        empty when it is good. One set of checks for the lines typed on screen (checked when
        the document posts) and the rows of an imported file (all listed before anything is
        written; ``product`` and ``uom`` are ``None`` when the row names unknown ones).
        ``quantity`` is in ``uom``; ``unit_cost`` per ``uom``, tax-exclusive."""
        problems = []
        if product and product.type != "consu":
            problems.append(("product", _("%s is not a stockable good.", product.display_name)))
            return problems
        if product and uom and uom.category_id != product.uom_id.category_id:
            problems.append(
                (
                    "uom",
                    _(
                        "unit %(uom)s is not a unit of %(product)s (its units are %(category)s).",
                        uom=uom.name,
                        product=product.display_name,
                        category=product.uom_id.category_id.name,
                    ),
                )
            )
        if not is_number(quantity):
            problems.append(("quantity", _("the quantity is not a number.")))
        elif quantity <= 0:
            problems.append(("quantity", _("the quantity must be positive.")))
        elif quantity > MAX_QUANTITY:
            problems.append(
                ("quantity", _("the quantity is above %s.", format_bound(MAX_QUANTITY)))
            )
        if not is_number(unit_cost):
            problems.append(("unit_cost", _("the unit cost is not a number.")))
        elif unit_cost < 0:
            problems.append(("unit_cost", _("the unit cost cannot be negative.")))
        elif unit_cost > MAX_PRICE:
            problems.append(("unit_cost", _("the unit cost is above %s.", format_bound(MAX_PRICE))))
        if not problems and product and uom and uom.category_id == product.uom_id.category_id:
            # Within bounds as typed, and as posted: in the base unit, and as a value.
            base = uom._compute_quantity(quantity, product.uom_id, round=False)
            if base > MAX_QUANTITY:
                problems.append(
                    (
                        "quantity",
                        _(
                            "the quantity is above %(bound)s in the base unit (%(base)s).",
                            bound=format_bound(MAX_QUANTITY),
                            base=product.uom_id.name,
                        ),
                    )
                )
            elif quantity * unit_cost > MAX_AMOUNT:
                problems.append(
                    (
                        "unit_cost",
                        _("the value (quantity × cost) is above %s.", format_bound(MAX_AMOUNT)),
                    )
                )
        lot_name = (lot_name or "").strip()
        if not product:
            return problems
        if product.tracking != "none" and not lot_name:
            problems.append(
                (
                    "lot",
                    _("%s is tracked: a lot / serial number is required.", product.display_name),
                )
            )
        elif product.tracking == "none" and lot_name:
            problems.append(
                (
                    "lot",
                    _(
                        "%s is not tracked by lots or serials: leave the lot empty.",
                        product.display_name,
                    ),
                )
            )
        if (
            product.tracking == "serial"
            and is_number(quantity)
            and uom
            and uom.category_id == product.uom_id.category_id
            and float_compare(
                uom._compute_quantity(quantity, product.uom_id, round=False),
                1,
                precision_rounding=product.uom_id.rounding,
            )
        ):
            problems.append(
                ("quantity", _("a serial number is one unit: enter one row per serial number."))
            )
        return problems

    def _resolve_lots(self):
        """Receipts: turn typed lot names into lots (created if new) before posting, in one
        search and one create for all the lines."""
        lines = self.filtered(lambda ln: ln.lot_name and not ln.lot_id)
        wanted = {}
        for line in lines:
            key = (line.lot_name.strip(), line.product_id.id, line.company_id.id)
            wanted.setdefault(
                key, {"expiration_date": line.expiration_date or line._default_expiration_date()}
            )
        lots = self.env["jxc.stock.lot"]._get_or_create(wanted)
        by_lot = defaultdict(list)
        for line in lines:
            key = (line.lot_name.strip(), line.product_id.id, line.company_id.id)
            by_lot[lots[key]].append(line.id)
        for lot, line_ids in by_lot.items():
            self.browse(line_ids).with_context(**internal_context()).write({"lot_id": lot.id})
        for line in self.filtered(
            lambda ln: (
                ln.lot_id
                and ln.product_id.use_expiration_date
                and ln.picking_id.is_incoming
                and not ln.lot_id.expiration_date
            )
        ):
            line.lot_id.expiration_date = line.expiration_date or line._default_expiration_date()

    def _get_fefo_lots(self):
        """Lots with free stock in the document's warehouse, earliest expiry first."""
        self.ensure_one()
        quants = self.env["jxc.stock.quant"].search(
            [
                ("product_id", "=", self.product_id.id),
                ("warehouse_id", "=", self.picking_id.warehouse_id.id),
                ("lot_id", "!=", False),
                ("available_quantity", ">", 0),
            ]
        )
        today = fields.Date.context_today(self)
        quants = quants.filtered(
            lambda q: not q.lot_id.expiration_date or q.lot_id.expiration_date >= today
        )
        quants = quants.sorted(
            lambda q: (q.lot_id.expiration_date or fields.Date.to_date("9999-12-31"), q.lot_id.id)
        )
        return quants.lot_id

    def _split_by_fefo(self):
        """Give this line the FEFO lots it needs, splitting it when one lot is not enough."""
        self.ensure_one()
        base_needed = self._get_base_quantity(self.quantity)
        rounding = self.product_id.uom_id.rounding
        quants = self.env["jxc.stock.quant"].search(
            [
                ("product_id", "=", self.product_id.id),
                ("warehouse_id", "=", self.picking_id.warehouse_id.id),
                ("lot_id", "in", self._get_fefo_lots().ids),
            ]
        )
        by_lot = {q.lot_id: q.available_quantity for q in quants}
        takes = []
        for lot in self._get_fefo_lots():
            if float_is_zero(base_needed, precision_rounding=rounding):
                break
            take = min(by_lot.get(lot, 0.0), base_needed)
            if self.product_id.tracking == "serial":
                take = min(take, 1.0)
            takes.append((lot, take))
            base_needed -= take
        if not takes:
            return
        rest = float_compare(base_needed, 0, precision_rounding=rounding) > 0
        if rest:
            # Not enough in lots: keep the rest on a line without a lot, for the user to see.
            takes.append((self.env["jxc.stock.lot"], base_needed))
        unit = {}
        if self.packaging_id and len(takes) > 1:
            # Split across lots, a line in packagings would hold parts of one: count in the
            # base unit instead, which each lot's quantity is exact in.
            unit = {"packaging_id": False, "uom_id": self.product_id.uom_id.id}
            self.write(unit)
        for index, (lot, take) in enumerate(takes):
            vals = dict(unit, lot_id=lot.id, quantity=self._qty_from_base(take, round=True))
            if not index:
                self.write(vals)
            else:
                self.with_context(**internal_context()).copy(
                    dict(vals, picking_id=self.picking_id.id)
                )
