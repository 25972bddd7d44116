# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_round

from ..utils import format_number


class JxcLinePackagingMixin(models.AbstractModel):
    """Lines entered in a unit of measure or in one of the product's packagings (多单位).

    A line with a packaging counts its ``quantity`` in packagings (50 箱) and prices it per
    packaging (98.50 a case stays 98.50); its ``uom_id`` is the product's base unit. Without a
    packaging, ``quantity`` and prices are in ``uom_id``. Every conversion between the line's
    unit and the product's base unit goes through ``_qty_to_base`` / ``_qty_from_base`` /
    ``_price_to_base`` / ``_price_from_base``; the ledger, quants and reservations are always in
    the base unit. The concrete model has ``product_id``, ``uom_id`` and ``quantity``.
    """

    _name = "jxc.line.packaging.mixin"
    _description = "JXC Line in Units or Packagings"

    packaging_id = fields.Many2one(
        "product.packaging",
        compute="_compute_packaging_id",
        store=True,
        readonly=False,
        precompute=True,
        ondelete="restrict",
        index="btree_not_null",
        domain="[('product_id', '=', product_id)]",
        check_company=True,
        help="Enter the line in the product's packaging (e.g. 箱 = 12 瓶): the quantity counts "
        "packagings and the price is per packaging.",
    )
    quantity_display = fields.Char(
        string="Quantity (Base Unit)",
        compute="_compute_quantity_display",
        help="What was entered, with the quantity in the product's base unit beside it, "
        "e.g. 50 箱 (600 瓶).",
    )

    @api.depends("product_id")
    def _compute_packaging_id(self):
        for line in self:
            if line.packaging_id.product_id != line.product_id:
                line.packaging_id = False

    @api.depends("quantity", "uom_id", "packaging_id", "product_id")
    def _compute_quantity_display(self):
        for line in self:
            line.quantity_display = line._format_quantity(line.quantity)

    @api.constrains("product_id", "packaging_id", "uom_id")
    def _check_packaging(self):
        for line in self.filtered("packaging_id"):
            if line.packaging_id.product_id != line.product_id:
                raise UserError(
                    _(
                        "%(line)s: packaging %(packaging)s is not a packaging of %(product)s.",
                        line=line._jxc_line_label(line._jxc_document(), line),
                        packaging=line.packaging_id.name,
                        product=line.product_id.display_name,
                    )
                )
            if line.uom_id != line.product_id.uom_id:
                raise UserError(
                    _(
                        "%(line)s: a line in packaging %(packaging)s is counted in packagings; "
                        "its unit must be the product's base unit %(uom)s, not %(other)s.",
                        line=line._jxc_line_label(line._jxc_document(), line),
                        packaging=line.packaging_id.name,
                        uom=line.product_id.uom_id.name,
                        other=line.uom_id.name,
                    )
                )

    # Conversions between the line's unit (a packaging or ``uom_id``) and the base unit.

    def _qty_to_base(self, quantity, round=False):
        """``quantity`` in the line's unit → the product's base unit."""
        self.ensure_one()
        base_uom = self.product_id.uom_id
        if self.packaging_id:
            qty = quantity * self.packaging_id.qty
            return float_round(qty, precision_rounding=base_uom.rounding) if round else qty
        if not self.uom_id or not base_uom:
            return quantity
        return self.uom_id._compute_quantity(quantity, base_uom, round=round)

    def _qty_from_base(self, quantity, round=False):
        """``quantity`` in the product's base unit → the line's unit."""
        self.ensure_one()
        base_uom = self.product_id.uom_id
        if self.packaging_id:
            qty = quantity / self.packaging_id.qty
            return float_round(qty, precision_rounding=base_uom.rounding) if round else qty
        if not self.uom_id or not base_uom:
            return quantity
        return base_uom._compute_quantity(quantity, self.uom_id, round=round)

    def _price_to_base(self, price):
        """A price per line unit → per base unit (unrounded)."""
        self.ensure_one()
        if self.packaging_id:
            return price / self.packaging_id.qty
        if not self.uom_id or not self.product_id.uom_id:
            return price
        return self.uom_id._compute_price(price, self.product_id.uom_id)

    def _price_from_base(self, price):
        """A price per base unit → per line unit (unrounded)."""
        self.ensure_one()
        if self.packaging_id:
            return price * self.packaging_id.qty
        if not self.uom_id or not self.product_id.uom_id:
            return price
        return self.product_id.uom_id._compute_price(price, self.uom_id)

    def _scan_pick_line(self, packaging, convert):
        """Of these lines (one product's), the one a scan of ``packaging`` (or of units, when
        empty) adds to: one in that packaging; else, when ``convert`` (lines that cannot be
        added, e.g. a receipt's lines of an order), the first; else one not in a packaging."""
        same = self.filtered(lambda ln: ln.packaging_id == packaging)
        if same or not convert:
            return (same or self.filtered(lambda ln: not ln.packaging_id))[:1]
        return self[:1]

    def _scan_unit_values(self, packaging, count):
        """``count`` units (or packagings, when ``packaging``) of a scan in this line's unit:
        ``(unit values, quantity)``. In a line in another packaging than the scan's, they are
        base units and the unit values turn the line to counting base units (no line holds
        part of a packaging)."""
        self.ensure_one()
        base = count * (packaging.qty if packaging else 1.0)
        if packaging and packaging == self.packaging_id:
            return {}, count
        if not self.packaging_id:
            return {}, self._qty_from_base(base)
        return {"packaging_id": False, "uom_id": self.product_id.uom_id.id}, base

    def _scan_add_values(self, field, packaging, count):
        """Values that add a scan (see :meth:`_scan_unit_values`) to ``field`` of this line."""
        unit, quantity = self._scan_unit_values(packaging, count)
        vals = dict(unit)
        for name in ("quantity", "quantity_done") if unit else (field,):
            if name in self._fields:
                vals[name] = self._qty_to_base(self[name]) if unit else self[name]
        vals[field] += quantity
        return vals

    @api.model
    def _scan_new_line_values(self, match):
        """Unit, packaging and quantity of a new line for a scan."""
        product, packaging = match["product"], match["packaging"]
        return {
            "product_id": product.id,
            "name": product.display_name,
            "uom_id": product.uom_id.id,
            "packaging_id": packaging.id,
            "quantity": match["count"],
        }

    def _same_unit(self, other):
        """Whether ``other`` (a line of this mixin) counts in the same unit as this line."""
        self.ensure_one()
        return self.packaging_id == other.packaging_id and self.uom_id == other.uom_id

    def _unit_name(self):
        """What the line counts in: the packaging's name, else the unit's."""
        self.ensure_one()
        return self.packaging_id.name or self.uom_id.name or self.product_id.uom_id.name or ""

    def _format_quantity(self, quantity):
        """``quantity`` of the line as users read it: "50 箱 (600 瓶)", or "600 瓶" when the line
        is in the base unit."""
        self.ensure_one()
        if not self.product_id:
            return ""
        note = self._format_base_note(quantity)
        text = f"{self._format_number(quantity)} {self._unit_name()}"
        return f"{text} {note}" if note else text

    def _format_base_note(self, quantity):
        """ "(600 瓶)": ``quantity`` of the line in the base unit, when the line counts in
        another unit or a packaging; else ""."""
        self.ensure_one()
        base_uom = self.product_id.uom_id
        if not self.packaging_id and (not self.uom_id or self.uom_id == base_uom):
            return ""
        base = self._qty_to_base(quantity, round=True)
        return f"({self._format_number(base)} {base_uom.name})"

    def _format_number(self, number):
        return format_number(self.env, number)
