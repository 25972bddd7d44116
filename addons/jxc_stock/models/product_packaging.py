# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import UserError

from ..utils import MAX_PRICE, MAX_QUANTITY, check_numbers, format_bound, is_number


class ProductPackaging(models.Model):
    """A product's packaging (箱 = 12 瓶) as document lines use it: its content is fixed once a
    line uses it, so that what documents say they moved never changes afterwards."""

    _inherit = "product.packaging"

    @api.depends("name", "qty", "product_id.uom_id")
    def _compute_display_name(self):
        res = super()._compute_display_name()
        for packaging in self.filtered(lambda p: p.name and p.product_id):
            qty = f"{packaging.qty:f}".rstrip("0").rstrip(".")
            packaging.display_name = f"{packaging.name} ({qty} {packaging.product_id.uom_id.name})"
        return res

    @api.model_create_multi
    def create(self, vals_list):
        # Before the insert: the database's own check would answer in its own words.
        for vals in vals_list:
            check_numbers(self, vals, lambda v=vals: _("Packaging %s", v.get("name") or ""))
            if "qty" in vals:
                self._check_jxc_qty_value(vals["qty"], vals.get("name"))
        return super().create(vals_list)

    @api.constrains("barcode")
    def _check_barcode_not_lot(self):
        # Odoo checks packagings against products and packagings; JXC adds its lots.
        for packaging in self.filtered("barcode"):
            self.env["jxc.stock.lot"]._check_barcode_free(
                packaging.barcode, packaging.company_id, exclude=packaging
            )

    @api.constrains("qty")
    def _check_jxc_qty(self):
        for packaging in self:
            packaging._check_jxc_qty_value(packaging.qty, packaging.name)

    @api.model
    def _check_jxc_qty_value(self, qty, name):
        if not is_number(qty) or not 0 < qty <= MAX_QUANTITY:
            raise UserError(
                _(
                    "Packaging %(packaging)s: the content must be a number above 0 and at "
                    "most %(max)s, not %(qty)s.",
                    packaging=name or "",
                    max=format_bound(MAX_QUANTITY),
                    qty=qty,
                )
            )

    def _check_jxc_price(self, field_name):
        """A packaging price (``field_name``, added by purchase and sales) is a number from 0
        to ``MAX_PRICE``."""
        label = self._fields[field_name]._description_string(self.env)
        for packaging in self.sudo():
            price = packaging[field_name]
            if not is_number(price) or not 0 <= price <= MAX_PRICE:
                raise UserError(
                    _(
                        "Packaging %(packaging)s of %(product)s: %(field)s must be between 0 "
                        "and %(max)s, not %(price)s.",
                        packaging=packaging.name,
                        product=packaging.product_id.display_name,
                        field=label,
                        max=format_bound(MAX_PRICE),
                        price=price,
                    )
                )

    @api.model
    def _get_jxc_line_models(self):
        """Models of lines that may be entered in a packaging (extended by purchase and
        sales for their order lines)."""
        return ["jxc.stock.picking.line"]

    def _get_jxc_used_packagings(self):
        """The packagings of ``self`` that some document line uses."""
        used = self.browse()
        for model in self._get_jxc_line_models():
            lines = self.env[model].sudo().with_context(active_test=False)
            groups = lines._read_group([("packaging_id", "in", self.ids)], ["packaging_id"])
            used |= self.browse([packaging.id for (packaging,) in groups])
        return used

    def write(self, vals):
        check_numbers(self, vals, lambda: _("Packaging %s", ", ".join(self.mapped("name"))))
        if "qty" in vals:
            for packaging in self:
                self._check_jxc_qty_value(vals["qty"], vals.get("name", packaging.name))
        if {"qty", "product_id"} & set(vals):
            for packaging in self._get_jxc_used_packagings():
                changed = ("qty" in vals and vals["qty"] != packaging.qty) or (
                    "product_id" in vals and vals["product_id"] != packaging.product_id.id
                )
                if changed:
                    raise UserError(
                        _(
                            "Packaging %(packaging)s of %(product)s is used on documents: its "
                            "product and content cannot change. Add a new packaging instead.",
                            packaging=packaging.name,
                            product=packaging.product_id.display_name,
                        )
                    )
        res = super().write(vals)
        if vals.get("company_id"):
            self._check_jxc_used_company()
        return res

    def _check_jxc_used_company(self):
        """A used packaging stays readable by the companies of the lines that use it."""
        for packaging in self._get_jxc_used_packagings().filtered("company_id"):
            for model in self._get_jxc_line_models():
                lines = self.env[model].sudo().with_context(active_test=False)
                if lines.search_count(
                    [
                        ("packaging_id", "=", packaging.id),
                        ("company_id", "!=", packaging.company_id.id),
                    ],
                    limit=1,
                ):
                    raise UserError(
                        _(
                            "Packaging %(packaging)s of %(product)s is used on documents of "
                            "other companies: it cannot belong to %(company)s only.",
                            packaging=packaging.name,
                            product=packaging.product_id.display_name,
                            company=packaging.company_id.name,
                        )
                    )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        for packaging in self._get_jxc_used_packagings():
            raise UserError(
                _(
                    "Packaging %(packaging)s of %(product)s is used on documents and cannot "
                    "be deleted.",
                    packaging=packaging.name,
                    product=packaging.product_id.display_name,
                )
            )
