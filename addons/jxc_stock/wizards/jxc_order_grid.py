# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tools import float_compare, float_is_zero
from odoo.tools.misc import clean_context

from ..utils import MAX_QUANTITY, check_number, check_numbers, format_number, is_number


class JxcOrderGrid(models.TransientModel):
    """多规格录入: the quantities of a product's variants in a grid — the last attribute's values
    as columns, the combinations of the others as rows — that become lines of a draft order.

    A cell edits the order's line for that variant in its default unit (and without packaging):
    the grid opens with that line's quantity, and applying it adds the difference to the line
    (creating the line if there is none, deleting it when a prefilled cell is set to 0). Every
    change goes through the order's own ``write``, as the user, so that the order's state rules,
    access rights and record rules apply as they do to lines entered by hand.
    """

    _name = "jxc.order.grid"
    _description = "Variant Grid Entry"

    res_model = fields.Char(string="Order Model", required=True)
    res_id = fields.Many2oneReference(string="Order", model_field="res_model", required=True)
    company_id = fields.Many2one("res.company", compute="_compute_order_info")
    product_flag = fields.Char(
        compute="_compute_order_info",
        help="The product field that marks what the order may hold (sale_ok, purchase_ok).",
    )
    product_tmpl_id = fields.Many2one("product.template", string="Product", required=True)
    uom_id = fields.Many2one("uom.uom", string="Unit", compute="_compute_uom_id")
    axis_label = fields.Char(compute="_compute_axis_label")
    line_ids = fields.One2many(
        "jxc.order.grid.line",
        "grid_id",
        string="Quantities",
        compute="_compute_line_ids",
        store=True,
        readonly=False,
    )

    @api.depends("res_model", "res_id")
    def _compute_order_info(self):
        for grid in self:
            order = grid._get_order(raise_if_not_found=False)
            grid.company_id = order.company_id
            grid.product_flag = order._jxc_grid_product_flag if order else False

    @api.depends("product_tmpl_id", "res_model")
    def _compute_uom_id(self):
        for grid in self:
            variant = grid.product_tmpl_id.product_variant_ids[:1]
            grid.uom_id = grid._default_uom(variant) if variant else False

    @api.depends("product_tmpl_id")
    def _compute_axis_label(self):
        for grid in self:
            lines = grid._get_axis_lines()
            grid.axis_label = " / ".join(
                [" • ".join(lines[:-1].attribute_id.mapped("name")), lines[-1:].attribute_id.name]
                if len(lines) > 1
                else lines.attribute_id.mapped("name")
            )

    @api.depends("product_tmpl_id", "res_model", "res_id")
    def _compute_line_ids(self):
        for grid in self:
            commands = [Command.clear()]
            order = grid._get_order(raise_if_not_found=False)
            if grid.product_tmpl_id and order:
                managed = grid._get_managed_lines(order)
                for vals in grid._get_cells():
                    line = managed.get(vals["product_id"])
                    vals["prefilled_quantity"] = vals["quantity"] = line.quantity if line else 0.0
                    commands.append(Command.create(vals))
            grid.line_ids = commands

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        # Before the ORM converts them: "abc", NaN or 1e300 get a clear error, not a traceback.
        for vals in vals_list:
            check_numbers(self, vals, self._description)
        grids = super().create(vals_list)
        grids._check_order_readable()
        return grids

    def write(self, vals):
        check_numbers(self, vals, self._description)
        res = super().write(vals)
        if {"res_model", "res_id"} & set(vals):
            self._check_order_readable()
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_apply(self):
        """Write the grid to the order: all of it, or nothing and a clear error."""
        self.ensure_one()
        order = self._get_order()
        order._check_action_rights()
        if order.state != "draft":
            raise UserError(
                _(
                    "%(order)s is %(state)s: variants can be entered in a grid only while it "
                    "is a draft.",
                    order=order.display_name,
                    state=order._jxc_state_label(),
                )
            )
        self._check_template(order)
        cells = self._check_cells(order)
        commands = self._prepare_line_commands(order, cells)
        if commands:
            order.write({"line_ids": commands})
        return {"type": "ir.actions.act_window_close"}

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------
    def _check_order_readable(self):
        """The cells are filled as superuser (a stored compute) with the order's quantities:
        only who may read the order opens a grid on it (not another company's, department's
        or salesperson's order)."""
        for grid in self:
            order = grid._get_order(raise_if_not_found=False)
            if order:
                order.check_access("read")

    def _check_template(self, order):
        template = self.product_tmpl_id
        name = template.display_name
        if template.company_id and template.company_id != order.company_id:
            raise UserError(
                _(
                    "%(order)s: %(product)s belongs to company %(company)s, not to the order's.",
                    order=order.display_name,
                    product=name,
                    company=template.company_id.name,
                )
            )
        flag = order._jxc_grid_product_flag
        if template.type != "consu" or (flag and not template[flag]):
            raise UserError(
                _(
                    "%(order)s: %(product)s cannot be ordered here (a service, or not "
                    "marked to be sold / purchased).",
                    order=order.display_name,
                    product=name,
                )
            )
        if not self._get_axis_lines():
            raise UserError(
                _(
                    "%(order)s: %(product)s has no variants; add it as a normal line.",
                    order=order.display_name,
                    product=name,
                )
            )

    def _check_cells(self, order):
        """{product: cell} of the grid, every quantity and variant checked."""
        template = self.product_tmpl_id
        cells = {}
        for cell in self.line_ids:
            product = cell.product_id
            label = _(
                "%(order)s, %(product)s", order=order.display_name, product=product.display_name
            )
            if product.product_tmpl_id != template:
                raise UserError(
                    _(
                        "%(line)s is not a variant of %(product)s.",
                        line=label,
                        product=template.display_name,
                    )
                )
            if not product.active:
                raise UserError(_("%s is archived: it cannot be ordered any more.", label))
            if product in cells:
                raise UserError(_("%s is in the grid twice.", label))
            for value in (cell.quantity, cell.prefilled_quantity):
                check_number(cell, value, label, _("the quantity"), MAX_QUANTITY)
                if is_number(value) and value < 0:
                    raise UserError(
                        _(
                            "%(line)s: the quantity cannot be negative (%(qty)s).",
                            line=label,
                            qty=format_number(self.env, value),
                        )
                    )
            cells[product] = cell
        return cells

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _get_order(self, raise_if_not_found=True):
        """The order the grid writes to (empty if there is none), without the grid's
        ``default_res_model`` / ``default_res_id``, which the lines, messages and followers
        the order creates must not take."""
        self.ensure_one()
        orders = self.env.registry["jxc.order.mixin"]._inherit_children
        if self.res_model in orders and self.res_id:
            env = self.env(context=clean_context(self.env.context))
            order = env[self.res_model].browse(self.res_id).exists()
            if order:
                return order
        if raise_if_not_found:
            raise UserError(_("The variant grid is not attached to an existing order."))
        return self.env["jxc.order.mixin"]

    def _line_model(self, order):
        return self.env[order._fields["line_ids"].comodel_name]

    def _default_uom(self, product):
        """The unit a new line of the order takes for ``product``."""
        order = self._get_order(raise_if_not_found=False)
        if not order:
            return product.uom_id
        return self._line_model(order).new({"product_id": product.id})._get_default_uom()

    def _get_axis_lines(self):
        """The template's attribute lines that make variants, in order; when some have
        several values, only those (an attribute with one value is the same in every cell)."""
        lines = self.product_tmpl_id.valid_product_template_attribute_line_ids.filtered(
            lambda line: line.attribute_id.create_variant != "no_variant"
        )
        return lines.filtered(lambda line: len(line.value_ids) > 1) or lines

    def _get_cells(self):
        """Values of the grid's cells: one per active variant of the template."""
        axes = self._get_axis_lines()
        if not axes:
            return []
        column_axis, row_axes = axes[-1], axes[:-1]

        def position(variant, axis):
            value = variant.product_template_attribute_value_ids.filtered(
                lambda v: v.attribute_line_id == axis
            )
            ordered = axis.product_template_value_ids.sorted(
                lambda v: (v.product_attribute_value_id.sequence, v.product_attribute_value_id.id)
            )
            return (ordered.ids.index(value.id) if value in ordered else len(ordered)), value

        keyed = []
        for variant in self.product_tmpl_id.product_variant_ids:
            rows = [position(variant, axis) for axis in row_axes]
            column = position(variant, column_axis)
            keyed.append((tuple(p for p, _v in rows), column[0], variant, rows, column[1]))
        keyed.sort(key=lambda k: (k[0], k[1], k[2].id))
        row_numbers = {}
        cells = []
        for row_key, column_number, variant, rows, column_value in keyed:
            row_number = row_numbers.setdefault(row_key, len(row_numbers))
            cells.append(
                {
                    "product_id": variant.id,
                    "row_sequence": row_number,
                    "row_name": " • ".join(v.name for _p, v in rows if v)
                    or self.product_tmpl_id.name,
                    "column_sequence": column_number,
                    "column_name": column_value.name or "",
                }
            )
        return cells

    def _get_managed_lines(self, order):
        """{product id: line}: per variant of the template, the order's line a cell edits — the
        first one in the unit a new line would take and without packaging."""
        managed = {}
        for line in order.line_ids:
            product = line.product_id
            if product.product_tmpl_id != self.product_tmpl_id or product.id in managed:
                continue
            if "packaging_id" in line._fields and line.packaging_id:
                continue
            if line.uom_id == self._default_uom(product):
                managed[product.id] = line
        return managed

    def _prepare_line_commands(self, order, cells):
        """Commands on the order's ``line_ids`` that apply ``cells`` (see the class)."""
        managed = self._get_managed_lines(order)
        commands = []
        for product, cell in cells.items():
            line = managed.get(product.id)
            rounding = (line.uom_id if line else self._default_uom(product)).rounding
            if not line:
                if float_compare(cell.quantity, 0, precision_rounding=rounding) > 0:
                    commands.append(
                        Command.create(
                            {
                                "product_id": product.id,
                                "name": product.display_name,
                                "quantity": cell.quantity,
                            }
                        )
                    )
                continue
            if float_is_zero(cell.quantity, precision_rounding=rounding):
                if float_compare(cell.prefilled_quantity, 0, precision_rounding=rounding) > 0:
                    commands.append(Command.delete(line.id))
                continue
            change = cell.quantity - cell.prefilled_quantity
            if float_is_zero(change, precision_rounding=rounding):
                continue
            quantity = line.quantity + change
            if float_compare(quantity, 0, precision_rounding=rounding) <= 0:
                commands.append(Command.delete(line.id))
            else:
                commands.append(Command.update(line.id, {"quantity": quantity}))
        return commands
