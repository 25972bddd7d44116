# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.jxc_sales.models.res_partner import CUSTOMER_IMPORT_TEMPLATE
from odoo.addons.jxc_stock.utils import list_action

# Finance maintains credit terms; sales staff see them and the balances, read-only (views),
# of the customers they may sell to.
MONEY_GROUPS = "jxc_finance.group_jxc_finance_user,jxc_sales.group_jxc_sales_user_own"
CREDIT_FIELDS = ("jxc_credit_limit", "jxc_credit_days")


class ResPartner(models.Model):
    """Credit terms and balances (应收 / 应付 / 预收 / 预付) of a partner."""

    _inherit = "res.partner"

    jxc_credit_limit = fields.Monetary(
        string="Credit Limit",
        currency_field="jxc_currency_id",
        groups=MONEY_GROUPS,
        help="信用额度: open receivables plus a new order may not exceed it (0: no limit).",
    )
    jxc_credit_days = fields.Integer(
        string="Credit Days",
        groups=MONEY_GROUPS,
        help="Receivables this many days past their date block new orders (0: not checked).",
    )
    jxc_currency_id = fields.Many2one(
        "res.currency", string="Currency", compute="_compute_jxc_currency_id"
    )
    jxc_receivable = fields.Monetary(
        groups=MONEY_GROUPS,
        string="Receivable",
        currency_field="jxc_currency_id",
        compute="_compute_jxc_balances",
    )
    jxc_payable = fields.Monetary(
        groups=MONEY_GROUPS,
        string="Payable",
        currency_field="jxc_currency_id",
        compute="_compute_jxc_balances",
    )
    jxc_prepaid_in = fields.Monetary(
        groups=MONEY_GROUPS,
        string="Received in Advance",
        currency_field="jxc_currency_id",
        compute="_compute_jxc_balances",
        help="预收",
    )
    jxc_prepaid_out = fields.Monetary(
        groups=MONEY_GROUPS,
        string="Paid in Advance",
        currency_field="jxc_currency_id",
        compute="_compute_jxc_balances",
        help="预付",
    )
    jxc_sale_to_invoice = fields.Monetary(
        groups="jxc_finance.group_jxc_finance_user",
        string="To Invoice",
        currency_field="jxc_currency_id",
        compute="_compute_jxc_to_invoice",
        help="待开票: delivered net of returns and not invoiced yet, tax included.",
    )
    jxc_purchase_to_invoice = fields.Monetary(
        groups="jxc_finance.group_jxc_finance_user",
        string="Invoices to Receive",
        currency_field="jxc_currency_id",
        compute="_compute_jxc_to_invoice",
        help="待收票: received net of returns and not invoiced by the supplier yet, tax included.",
    )
    # What customers bought is money finance reads too (jxc_sales shows it to sales staff).
    jxc_sale_total = fields.Float(groups=MONEY_GROUPS)
    jxc_balance_visible = fields.Boolean(
        string="Balances Visible",
        compute="_compute_jxc_balance_visible",
        help="Finance sees every partner's balances; sales staff those of the customers they "
        "may sell to.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        # Sales staff see the credit terms and may create partners (the customer import
        # template has the columns): only finance gives a new partner credit terms.
        if any(vals.get(name) for vals in vals_list for name in CREDIT_FIELDS):
            self._check_jxc_credit_rights()
        return super().create(vals_list)

    def write(self, vals):
        if set(CREDIT_FIELDS) & set(vals):
            self._check_jxc_credit_rights()
        return super().write(vals)

    def _check_jxc_credit_rights(self):
        if not self.env.su and not self.env.user.has_group("jxc_finance.group_jxc_finance_user"):
            raise AccessError(_("Only finance staff change credit limits and credit days."))

    @api.depends_context("company")
    def _compute_jxc_currency_id(self):
        for partner in self:
            partner.jxc_currency_id = self.env.company.currency_id

    @api.depends("jxc_sales_allowed")
    @api.depends_context("uid")
    def _compute_jxc_balance_visible(self):
        finance = self.env.user.has_group("jxc_finance.group_jxc_finance_user")
        for partner in self:
            partner.jxc_balance_visible = finance or partner.jxc_sales_allowed

    @api.depends_context("uid", "company")
    def _compute_jxc_balances(self):
        company = self.env.company
        partners = self.filtered("jxc_balance_visible").commercial_partner_id
        entries = (
            self.env["jxc.finance.entry"]
            .sudo()
            ._read_group(
                [("commercial_partner_id", "in", partners.ids), ("company_id", "=", company.id)],
                ["commercial_partner_id", "entry_type"],
                ["amount_residual:sum"],
            )
        )
        residual = {(p.id, t): amount for p, t, amount in entries}
        payments = (
            self.env["jxc.finance.payment"]
            .sudo()
            ._read_group(
                [
                    ("commercial_partner_id", "in", partners.ids),
                    ("company_id", "=", company.id),
                    ("state", "=", "posted"),
                ],
                ["commercial_partner_id", "payment_type"],
                ["amount_unsettled:sum"],
            )
        )
        prepaid = {(p.id, t): amount for p, t, amount in payments}
        for partner in self:
            key = partner.commercial_partner_id.id if partner.jxc_balance_visible else None
            partner.jxc_receivable = residual.get((key, "receivable"), 0.0)
            partner.jxc_payable = residual.get((key, "payable"), 0.0)
            partner.jxc_prepaid_in = prepaid.get((key, "inbound"), 0.0)
            partner.jxc_prepaid_out = prepaid.get((key, "outbound"), 0.0)

    @api.depends_context("company")
    def _compute_jxc_to_invoice(self):
        partners = self.commercial_partner_id
        totals = {}
        for model, key in (
            ("jxc.sale.order.line", "sale"),
            ("jxc.purchase.order.line", "purchase"),
        ):
            lines = (
                self.env[model]
                .sudo()
                .search(
                    [
                        ("order_id.partner_id", "child_of", partners.ids),
                        ("company_id", "=", self.env.company.id),
                        ("state", "in", ("confirmed", "done")),
                        ("amount_to_invoice", "!=", 0),
                    ]
                )
            )
            for line in lines:
                partner = line.order_id.partner_id.commercial_partner_id.id
                totals[partner, key] = totals.get((partner, key), 0.0) + line.amount_to_invoice
        for partner in self:
            commercial = partner.commercial_partner_id.id
            partner.jxc_sale_to_invoice = totals.get((commercial, "sale"), 0.0)
            partner.jxc_purchase_to_invoice = totals.get((commercial, "purchase"), 0.0)

    @api.model
    def get_import_templates(self):
        # The customer template with the credit terms (信用额度, 信用天数) replaces jxc_sales' one.
        return [
            dict(template, template="/jxc_finance/static/xls/jxc_customer_template.xlsx")
            if template["template"] == CUSTOMER_IMPORT_TEMPLATE
            else template
            for template in super().get_import_templates()
        ]

    def action_view_jxc_entries(self):
        self.ensure_one()
        return list_action(
            self.env,
            "jxc_finance.jxc_finance_entry_action",
            [("commercial_partner_id", "=", self.commercial_partner_id.id)],
            {"search_default_open": 1},
        )
