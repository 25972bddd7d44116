# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class JxcStockLot(models.Model):
    _name = "jxc.stock.lot"
    _description = "Lot / Serial Number"
    _inherit = ["mail.thread"]
    _order = "expiration_date, name, id"
    _check_company_auto = True

    name = fields.Char(string="Lot / Serial", required=True, tracking=True)
    product_id = fields.Many2one(
        "product.product",
        required=True,
        index=True,
        domain="[('type', '=', 'consu'), ('tracking', '!=', 'none')]",
        check_company=True,
    )
    product_tracking = fields.Selection(related="product_id.tracking")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    expiration_date = fields.Date(string="Expiry Date", tracking=True)
    quant_ids = fields.One2many("jxc.stock.quant", "lot_id", string="Stock")
    quantity = fields.Float(
        string="On Hand",
        compute="_compute_quantity",
        digits="Product Unit of Measure",
    )
    is_expired = fields.Boolean(compute="_compute_is_expired")
    note = fields.Text()
    barcode = fields.Char(
        copy=False,
        index="btree_not_null",
        help="Printed on the lot's label: scanning it adds this lot of its product.",
    )

    _sql_constraints = [
        (
            "name_product_company_uniq",
            "unique(name, product_id, company_id)",
            "A lot / serial number must be unique per product.",
        ),
    ]

    @api.model
    def _get_or_create(self, wanted):
        """``{(name, product id, company id): lot}`` for the lots ``wanted`` names —
        ``{(name, product id, company id): values of a new lot (expiry…)}`` — found in one
        search, the missing ones made in one create (documents name lots as typed)."""
        if not wanted:
            return {}
        existing = self.search(
            [
                ("name", "in", list({key[0] for key in wanted})),
                ("product_id", "in", list({key[1] for key in wanted})),
                ("company_id", "in", list({key[2] for key in wanted})),
            ]
        )
        lots = {(lot.name, lot.product_id.id, lot.company_id.id): lot for lot in existing}
        new = [key for key in wanted if key not in lots]
        created = self.create(
            [
                dict(wanted[key] or {}, name=key[0], product_id=key[1], company_id=key[2])
                for key in new
            ]
        )
        lots.update(zip(new, created, strict=True))
        return lots

    @api.depends("quant_ids.quantity")
    def _compute_quantity(self):
        for lot in self:
            lot.quantity = sum(lot.quant_ids.mapped("quantity"))

    @api.depends("expiration_date")
    def _compute_is_expired(self):
        today = fields.Date.context_today(self)
        for lot in self:
            lot.is_expired = bool(lot.expiration_date and lot.expiration_date < today)

    def write(self, vals):
        if {"product_id", "company_id"} & set(vals) and self.quant_ids:
            raise UserError(_("A lot that has been in stock keeps its product and company."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_stocked(self):
        # Ledger rows and quants would lose their lot (their foreign key sets it to NULL).
        stocked = self.filtered(
            lambda lot: (
                lot.quant_ids
                or self.env["jxc.stock.move"]
                .sudo()
                .search_count([("lot_id", "=", lot.id)], limit=1)
            )
        )
        if stocked:
            raise UserError(
                _(
                    "%s has been in stock: it cannot be deleted; archive its product instead.",
                    ", ".join(stocked.mapped("name")),
                )
            )

    @api.constrains("product_id")
    def _check_product_tracked(self):
        for lot in self:
            if lot.product_id.tracking == "none":
                raise ValidationError(
                    _(
                        "Product %(product)s is not tracked by lots or serials: lot %(lot)s "
                        "cannot be created.",
                        product=lot.product_id.display_name,
                        lot=lot.name,
                    )
                )

    @api.constrains("barcode", "company_id")
    def _check_barcode_unique(self):
        for lot in self.filtered("barcode"):
            self._check_barcode_free(lot.barcode, lot.company_id, exclude=lot)

    @api.model
    def _check_barcode_free(self, barcode, company, exclude=None):
        """A barcode names one product, packaging or lot of a company (``company`` empty:
        of any company). Read as superuser: the barcode may be used where the user cannot
        see it."""
        company_domain = [("company_id", "in", [False, company.id])] if company else []
        users = [
            (
                self.env["product.product"].sudo().with_context(active_test=False),
                _("product %s"),
            ),
            (self.env["product.packaging"].sudo(), _("packaging %s")),
            (self.sudo(), _("lot %s")),
        ]
        for Model, label in users:
            domain = [("barcode", "=", barcode), *company_domain]
            if Model._name == self._name:
                domain = [("barcode", "=", barcode)]
                if company:
                    domain.append(("company_id", "=", company.id))
            other = Model.search(domain)
            if exclude and exclude._name == Model._name:
                other -= exclude.sudo()
            if other:
                raise ValidationError(
                    _(
                        "Barcode %(barcode)s is already used by %(other)s: a barcode names "
                        "one product, packaging or lot.",
                        barcode=barcode,
                        other=label % other[:1].display_name,
                    )
                )

    def _compute_display_name(self):
        for lot in self:
            lot.display_name = (
                f"{lot.name} ({lot.expiration_date})" if lot.expiration_date else lot.name
            )
