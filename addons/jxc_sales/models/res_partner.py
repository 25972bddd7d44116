# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression

from odoo.addons.jxc_stock.utils import list_action

CUSTOMER_IMPORT_TEMPLATE = "/jxc_sales/static/xls/jxc_customer_template.xlsx"
# Odoo's partner pricelist: the form's field and the company-dependent value it stores.
PRICELIST_FIELDS = {"property_product_pricelist", "specific_property_product_pricelist"}


class ResPartner(models.Model):
    """Customer history for sales staff, computed from confirmed orders; which customers a
    salesperson limited to their own documents sells to."""

    _inherit = "res.partner"

    jxc_sale_order_ids = fields.One2many("jxc.sale.order", "partner_id", string="Sale Orders")
    jxc_sale_count = fields.Integer(string="Sale Order Count", compute="_compute_jxc_sale_stats")
    jxc_sale_total = fields.Float(
        string="Sold (Company Currency)",
        digits="Account",
        compute="_compute_jxc_sale_stats",
        groups="jxc_sales.group_jxc_sales_user",
    )
    jxc_last_sale_date = fields.Datetime(string="Last Order", compute="_compute_jxc_sale_stats")
    # Restricting res.partner itself would break Odoo: the limit is on what is sold to whom.
    jxc_sales_allowed = fields.Boolean(
        string="Can Sell To",
        compute="_compute_jxc_sales_allowed",
        search="_search_jxc_sales_allowed",
        help="Whether you may sell to this customer: salespeople limited to their own "
        "documents sell to the customers whose salesperson they are and to those without one.",
    )

    @api.depends_context("uid", "company")
    def _compute_jxc_sale_stats(self):
        # What the user may read (salespeople limited to their own documents count theirs),
        # of one company: totals in different currencies do not add up.
        Order = self.env["jxc.sale.order"]
        if not Order.has_access("read"):
            Order = Order.sudo()
        stats = {}
        if self.ids:
            groups = Order._read_group(
                [
                    ("partner_id", "in", self.ids),
                    ("state", "in", ("confirmed", "done")),
                    ("company_id", "=", self.env.company.id),
                ],
                ["partner_id"],
                ["__count", "amount_total_company:sum", "date_order:max"],
            )
            stats = {partner.id: (count, total, last) for partner, count, total, last in groups}
        for partner in self:
            count, total, last = stats.get(partner.id, (0, 0.0, False))
            partner.jxc_sale_count = count
            partner.jxc_sale_total = total
            partner.jxc_last_sale_date = last

    @api.depends("commercial_partner_id.user_id")
    @api.depends_context("uid")
    def _compute_jxc_sales_allowed(self):
        limited = self.env.user._jxc_sells_own_documents_only()
        for partner in self:
            salesperson = partner.commercial_partner_id.user_id
            partner.jxc_sales_allowed = not limited or salesperson.id in (False, self.env.uid)

    def _search_jxc_sales_allowed(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Search “Can Sell To” with = or != True / False."))
        allowed = (operator == "=") == value
        if not self.env.user._jxc_sells_own_documents_only():
            return expression.TRUE_DOMAIN if allowed else expression.FALSE_DOMAIN
        domain = [
            "|",
            ("commercial_partner_id.user_id", "=", self.env.uid),
            ("commercial_partner_id.user_id", "=", False),
        ]
        return domain if allowed else ["!", *domain]

    jxc_can_choose_pricelist = fields.Boolean(
        string="Can Choose Pricelists",
        compute="_compute_jxc_can_choose_pricelist",
        help="Whether you may choose customers' pricelists (sales managers).",
    )

    @api.depends_context("uid")
    def _compute_jxc_can_choose_pricelist(self):
        self.jxc_can_choose_pricelist = not self._jxc_pricelist_guarded()

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        if (
            any(PRICELIST_FIELDS & set(vals) for vals in vals_list)
            and self._jxc_pricelist_guarded()
        ):
            # A new customer may get the pricelist it would have anyway, no other.
            for partner in partners.sudo().filtered("specific_property_product_pricelist"):
                chosen = partner.specific_property_product_pricelist
                partner.specific_property_product_pricelist = False
                if partner.property_product_pricelist != chosen:
                    partners._raise_jxc_pricelist_rights()
        return partners

    def write(self, vals):
        if not (PRICELIST_FIELDS & set(vals)) or not self._jxc_pricelist_guarded():
            return super().write(vals)
        self.invalidate_recordset(["property_product_pricelist"])
        before = {partner.id: partner.property_product_pricelist for partner in self.sudo()}
        res = super().write(vals)
        self.invalidate_recordset(["property_product_pricelist"])
        if any(p.property_product_pricelist != before[p.id] for p in self.sudo()):
            self._raise_jxc_pricelist_rights()
        return res

    def _jxc_pricelist_guarded(self):
        """Whether the user may not choose customers' pricelists (客户等级价): everyone but
        sales managers and Odoo's product managers."""
        user = self.env.user
        return not (
            self.env.su
            or user.has_group("jxc_sales.group_jxc_sales_manager")
            or user.has_group("product.group_product_manager")
        )

    def _raise_jxc_pricelist_rights(self):
        raise AccessError(
            _(
                "Only sales managers can change a customer's pricelist (客户等级价): %s.",
                ", ".join(self.mapped("display_name")),
            )
        )

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": _("Import Template for Customers (JXC)"),
                "template": CUSTOMER_IMPORT_TEMPLATE,
            },
            *super().get_import_templates(),
        ]

    def action_view_jxc_sale_orders(self):
        self.ensure_one()
        return list_action(
            self.env,
            "jxc_sales.jxc_sale_order_action",
            [("partner_id", "=", self.id)],
            {"default_partner_id": self.id},
        )

    def action_view_jxc_sale_prices(self):
        """This customer's order lines, newest first: the last price per product."""
        self.ensure_one()
        return list_action(
            self.env,
            "jxc_sales.jxc_sale_order_line_action",
            [("partner_id", "=", self.id), ("state", "in", ("confirmed", "done"))],
            {"search_default_group_product": 1},
        )
