# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.osv import expression

# Ledger move types whose value is the cost of goods sold (negative out, positive back) of
# deliveries and sale returns; other addons extend ``_get_cogs_move_types()``.
COGS_MOVE_TYPES = ("sale_out", "sale_return")
# Cost corrections (landed cost, invoice price differences) of goods already gone out.
COGS_ADJUST_MOVE_TYPES = ("cogs_adjust",)


class JxcReportProfit(models.TransientModel):
    """利润表: for a period and a company, revenue − cost of goods sold = gross profit, + other
    income − expenses = net profit, each figure from its sub-ledger and opening its documents.

    Sections come from :meth:`_get_sections`; an addon adds its own by extending it (with
    ``super()``) and returning more dicts of ``_line_values()``."""

    _name = "jxc.report.profit"
    _inherit = ["jxc.report.period.mixin"]
    _description = "Profit Statement (利润表)"

    # Computed when read, never stored: showing the statement writes nothing.
    line_ids = fields.One2many("jxc.report.profit.line", compute="_compute_statement")
    currency_id = fields.Many2one(related="company_id.currency_id")
    revenue = fields.Monetary(compute="_compute_statement")
    cogs = fields.Monetary(string="Cost of Goods Sold", compute="_compute_statement")
    gross_profit = fields.Monetary(compute="_compute_statement")
    other_income = fields.Monetary(compute="_compute_statement")
    expenses = fields.Monetary(compute="_compute_statement")
    net_profit = fields.Monetary(compute="_compute_statement")

    def _title(self):
        return _("Profit Statement %(start)s – %(end)s", start=self.date_from, end=self.date_to)

    # ------------------------------------------------------------------
    # Figures
    # ------------------------------------------------------------------
    @api.model
    def _get_cogs_move_types(self):
        return COGS_MOVE_TYPES

    def _period_domain(self, field="date", dates=False):
        """The period on ``field``: datetimes (ledger) by the user's days in UTC, dates as
        they are."""
        params = self._query_params()
        if dates:
            return [
                (field, ">=", fields.Date.to_string(self.date_from)),
                (field, "<=", fields.Date.to_string(self.date_to)),
            ]
        return [
            (field, ">=", fields.Datetime.to_string(params["date_from"])),
            (field, "<", fields.Datetime.to_string(params["date_to"])),
        ]

    def _revenue_domain(self):
        return expression.AND([[("company_id", "=", self.company_id.id)], self._period_domain()])

    def _cogs_domain(self):
        """Ledger rows of the cost of goods sold (deliveries and sale returns; other addons
        add theirs to ``_get_cogs_move_types()``)."""
        return expression.AND(
            [
                [
                    ("company_id", "=", self.company_id.id),
                    ("move_type", "in", list(self._get_cogs_move_types())),
                ],
                self._period_domain(),
            ]
        )

    def _sum(self, model, domain, field):
        groups = self.env[model].sudo()._read_group(domain, [], [f"{field}:sum"])
        return groups[0][0] or 0.0

    def _line_values(self, code, name, amount, level=0, model=False, domain=None, total=False):
        return {
            "code": code,
            "name": name,
            "amount": self.currency_id.round(amount),
            "level": level,
            "is_total": total,
            "res_model": model or False,
            "domain": repr(domain) if model else False,
        }

    def _get_cogs_adjust_sections(self):
        """Cost corrections that went to cost of goods sold (the share of a landed cost or an
        invoice price difference for goods already gone out), one line per kind of document,
        opening those documents (the ledger is stock staff's)."""
        domain = expression.AND(
            [
                [
                    ("company_id", "=", self.company_id.id),
                    ("move_type", "in", list(COGS_ADJUST_MOVE_TYPES)),
                ],
                self._period_domain(),
            ]
        )
        groups = (
            self.env["jxc.stock.move"]
            .sudo()
            ._read_group(domain, ["res_model"], ["value:sum", "res_id:array_agg"])
        )
        sections = []
        for res_model, value, res_ids in groups:
            if not res_model or res_model not in self.env:
                continue
            title = self.env["ir.model"]._get(res_model).name
            sections.append(
                self._line_values(
                    f"cogs_adjust_{res_model}",
                    _("Less: cost corrections of goods sold — %s", title),
                    -value,
                    level=1,
                    model=res_model,
                    domain=[("id", "in", sorted(set(res_ids)))],
                )
            )
        return sections

    def _slip_domain(self, category):
        return expression.AND(
            [
                [
                    ("company_id", "=", self.company_id.id),
                    ("category_id", "=", category.id),
                    ("state", "in", ("posted", "reversed")),
                ],
                self._period_domain(dates=True),
            ]
        )

    def _get_slip_sections(self):
        """Other income (其他收入) and expenses (费用), per category, from the income /
        expense slips of the period (reversals deducted)."""
        self._query_params()  # the company check, before reading as the system
        totals = (
            self.env["jxc.finance.slip"]
            .sudo()
            ._get_totals_by_category(self.company_id, self.date_from, self.date_to)
        )
        sections = []
        for kind, code, title in (
            ("income", "income", _("Add: Other Income (其他收入)")),
            ("expense", "expense", _("Less: Expenses (费用)")),
        ):
            rows = [(category, amount) for category, k, amount in totals if k == kind]
            sections.append(
                self._line_values(
                    f"{code}_heading", title, sum(amount for _c, amount in rows), total=True
                )
            )
            sections += [
                self._line_values(
                    f"{code}_{category.id}",
                    category.display_name,
                    amount,
                    level=1,
                    model="jxc.finance.slip.line",
                    domain=self._slip_domain(category),
                )
                for category, amount in rows
            ]
        return sections

    def _get_sections(self):
        """The statement's lines before the totals: revenue and cost of goods sold, then
        other income and expenses per category from jxc_finance's income / expense slips."""
        self.ensure_one()
        revenue = self._sum("jxc.report.sale", self._revenue_domain(), "revenue")
        cogs = -self._sum("jxc.stock.move", self._cogs_domain(), "value")
        return [
            self._line_values(
                "revenue",
                _("Revenue (营业收入)"),
                revenue,
                model="jxc.report.sale",
                domain=self._revenue_domain(),
            ),
            # Opened in the sales analysis, which shows the same deliveries' costs to the
            # finance staff who read this statement (the ledger is stock staff's).
            self._line_values(
                "cogs",
                _("Cost of Goods Sold (营业成本)"),
                cogs,
                model="jxc.report.sale",
                domain=self._revenue_domain(),
            ),
            *self._get_cogs_adjust_sections(),
            *self._get_slip_sections(),
        ]

    def _get_statement_lines(self):
        """The statement's lines (dicts of ``_line_values()`` with their ``sequence``): the
        sections, the gross profit after the cost of goods sold, the net profit last."""
        self.ensure_one()
        sections = self._get_sections()
        amounts = self._totals(sections)
        lines = []
        last_cogs = max(i for i, v in enumerate(sections) if v["code"].startswith("cogs"))
        for index, line in enumerate(sections):
            lines.append(line)
            if index == last_cogs:
                lines.append(
                    self._line_values(
                        "gross", _("Gross Profit (毛利)"), amounts["gross_profit"], total=True
                    )
                )
        lines.append(
            self._line_values("net", _("Net Profit (净利润)"), amounts["net_profit"], total=True)
        )
        for sequence, line in enumerate(lines):
            line["sequence"] = sequence
        return lines

    @api.model
    def _totals(self, lines):
        """{total field: amount} of the statement's ``lines`` (dicts or records)."""
        cogs = sum(v["amount"] for v in lines if v["code"].startswith("cogs"))
        income = sum(
            v["amount"]
            for v in lines
            if v["code"].startswith("income") and not v["code"].endswith("_heading")
        )
        expenses = sum(
            v["amount"]
            for v in lines
            if v["code"].startswith("expense") and not v["code"].endswith("_heading")
        )
        revenue = sum(v["amount"] for v in lines if v["code"] == "revenue")
        gross = revenue - cogs
        return {
            "revenue": revenue,
            "cogs": cogs,
            "gross_profit": gross,
            "other_income": income,
            "expenses": expenses,
            "net_profit": gross + income - expenses,
        }

    def _compute_statement(self):
        """The lines (read for this statement, see ``jxc.report.profit.line``) and totals."""
        for wizard in self:
            if not wizard.id:
                wizard.line_ids = False
                wizard.update(dict.fromkeys(self._totals([]), 0.0))
                continue
            lines = wizard._rows()
            wizard.line_ids = lines
            wizard.update(self._totals(lines))

    def _rows(self):
        self.ensure_one()
        return self.env["jxc.report.profit.line"]._jxc_rows_of(self)

    @api.readonly
    def action_compute(self):
        """Show the statement: its form, whose lines and totals are computed when read (a
        read-only call: nothing is written)."""
        self.ensure_one()
        self._jxc_check_on_replica()
        self._query_params()  # the access checks, before the form opens
        self.invalidate_recordset(["line_ids", *self._totals([])])
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
            "name": self._title(),
        }

    def _xlsx(self):
        self.ensure_one()
        self.invalidate_recordset(["line_ids"])
        spec = {
            "name": _("Profit Statement"),
            "title": self._title(),
            "subtitle": self.company_id.name,
            "columns": [
                {"label": _("Item"), "kind": "text", "width": 40},
                {"label": _("Amount"), "kind": "monetary", "width": 18},
            ],
            "rows": [["    " * line.level + line.name, line.amount] for line in self.line_ids],
        }
        return self.env["jxc.report.xlsx"]._workbook([spec])
