# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.tools import format_amount, formatLang

from odoo.addons.jxc_finance.wizards.jxc_finance_aging import AGING_BUCKETS
from odoo.addons.jxc_stock.utils import list_action, tz_name

CONFIRMED_STATES = ("confirmed", "done")
TREND_DAYS = 30
TOP_PRODUCTS = 10
TOP_CATEGORIES = 8


class JxcReportDashboard(models.AbstractModel):
    """进销存概览: the figures and charts of the Overview client action, for the current
    company and the user's day and month.

    Every figure is one aggregate query under the user's own access rights; a tile or chart
    appears only when the user may read its records (and, for costs and margins, has "See
    Costs and Margins", the group that guards those fields). Each tile carries the window
    action that lists exactly the records it counts. Add a tile by extending
    :meth:`_get_tile_builders` or :meth:`_get_chart_builders`.
    """

    _name = "jxc.report.dashboard"
    _description = "JXC Overview"

    @api.model
    def get_dashboard_data(self):
        """Tiles and charts of the dashboard (called by the client action).

        :return: dict with ``company``, ``currency_id``, ``today`` and the lists ``tiles``
            (``key``, ``label``, ``value``, ``formatted_value``, ``subtitle``, ``is_money``,
            ``currency_id``, ``icon``, ``alert`` (False, "warning" or "danger"), ``action``)
            and ``charts`` (``key``, ``title``, ``type``, ``labels``, ``label_type``,
            ``datasets`` with each point's ``domains`` for the dataset's ``action``,
            ``is_money``, ``currency_id``, ``size``: "large" or "small")
        """
        # "Today" and grouping by day follow the context's time zone.
        dashboard = self.with_context(tz=tz_name(self.env))
        return dashboard._get_dashboard_data(dashboard._get_period())

    def _get_dashboard_data(self, period):
        company = self.env.company
        return {
            "company": company.name,
            "currency_id": company.currency_id.id,
            "today": fields.Date.to_string(period["today"]),
            "tiles": [tile for builder in self._get_tile_builders() if (tile := builder(period))],
            "charts": [
                chart for builder in self._get_chart_builders() if (chart := builder(period))
            ],
        }

    def _get_tile_builders(self):
        return [
            self._tile_sales_today,
            self._tile_gross_profit_today,
            self._tile_purchases_today,
            self._tile_stock_value,
            self._tile_sales_month,
            self._tile_gross_profit_month,
            self._tile_purchases_month,
            self._tile_overdue_receivables,
            self._tile_sales_to_deliver,
            self._tile_purchases_to_approve,
            self._tile_below_min,
            self._tile_lots_expiring,
        ]

    def _get_chart_builders(self):
        return [
            self._chart_sales_trend,
            self._chart_sales_by_category,
            self._chart_top_products,
            self._chart_receivable_aging,
            self._chart_stock_by_warehouse,
        ]

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _get_period(self):
        """The user's today and month, as dates and as UTC datetime bounds."""
        tz = pytz.timezone(self.env.context["tz"])

        def utc(day):
            local = tz.localize(datetime.combine(day, time.min))
            return fields.Datetime.to_string(local.astimezone(pytz.utc).replace(tzinfo=None))

        today = fields.Date.context_today(self)
        month_start = today.replace(day=1)
        next_month = month_start + relativedelta(months=1)
        trend_start = today - timedelta(days=TREND_DAYS - 1)
        return {
            "today": today,
            "month_start": month_start,
            "trend_start": trend_start,
            "today_utc": (utc(today), utc(today + timedelta(days=1))),
            "month_utc": (utc(month_start), utc(next_month)),
            "trend_utc": (utc(trend_start), utc(today + timedelta(days=1))),
            "utc": utc,
        }

    def _can_read(self, *models):
        return all(self.env[model].has_access("read") for model in models)

    def _sees_costs(self):
        return self.env.user.has_group("jxc_stock.group_jxc_cost")

    def _totals(self, model, domain, aggregates):
        """The ``aggregates`` of ``model`` over ``domain`` (empty sums as 0), in one query."""
        [row] = self.env[model]._read_group(domain, [], aggregates)
        return tuple(value or 0 for value in row)

    def _company_domain(self):
        return [("company_id", "=", self.env.company.id)]

    def _action(self, xml_id, name, domain, context=None):
        """The window action ``xml_id`` listing exactly ``domain`` (its list first), without its
        default filters (they would narrow the list further). An empty list says so, rather than
        showing the action's sample records and its "create one" help."""
        action = list_action(self.env, xml_id, domain, context)
        # A figure opens on the list of what it counts, whatever view the action starts on.
        views = sorted(action.get("views") or [], key=lambda view: view[1] != "list")
        action.update(
            {
                "views": views,
                "view_mode": ",".join(view_type for _id, view_type in views),
                "name": name,
                "display_name": name,
                "help": Markup('<p class="o_view_nocontent_smiling_face">%s</p><p>%s</p>')
                % (_("Nothing to list"), _("No record matches this figure of the overview.")),
                "useSampleModel": False,  # a key of the web client's action service
            }
        )
        return action

    def _money(self, amount):
        return format_amount(self.env, amount, self.env.company.currency_id)

    def _number(self, count):
        return formatLang(self.env, count, digits=0)

    def _money_tile(self, key, label, amount, subtitle, action, icon):
        return {
            "key": key,
            "label": label,
            "value": amount,
            "formatted_value": self._money(amount),
            "is_money": True,
            "currency_id": self.env.company.currency_id.id,
            "subtitle": subtitle,
            "icon": icon,
            "alert": False,
            "action": action,
        }

    def _count_tile(self, key, label, count, subtitle, action, icon, alert="warning"):
        return {
            "key": key,
            "label": label,
            "value": count,
            "formatted_value": self._number(count),
            "is_money": False,
            "currency_id": False,
            "subtitle": subtitle,
            "icon": icon,
            "alert": alert if count else False,
            "action": action,
        }

    # ------------------------------------------------------------------
    # Tiles: sales, gross profit, purchases
    # ------------------------------------------------------------------
    def _sales_domain(self, bounds):
        """Sale orders confirmed within ``bounds``."""
        return [
            *self._company_domain(),
            ("state", "in", CONFIRMED_STATES),
            ("date_confirm", ">=", bounds[0]),
            ("date_confirm", "<", bounds[1]),
        ]

    def _shipped_domain(self, bounds):
        """Sales analysis rows (goods shipped and returned) within ``bounds``."""
        return [
            *self._company_domain(),
            ("date", ">=", bounds[0]),
            ("date", "<", bounds[1]),
        ]

    def _sales_tile(self, key, label, bounds, orders_key, orders_label):
        """Sales: the revenue of what was shipped, net of returns, untaxed — what gross
        profit is taken on, so that 今日销售 and 今日毛利 count the same goods; confirmed
        orders not shipped yet are not sales yet. Sales staff, who do not read the sales
        analysis, see the orders confirmed instead, under a label that says so."""
        if not self._can_read("jxc.report.sale"):
            return self._orders_tile(orders_key, orders_label, bounds)
        domain = self._shipped_domain(bounds)
        count, revenue = self._totals(
            "jxc.report.sale", domain, ["order_id:count_distinct", "revenue:sum"]
        )
        return self._money_tile(
            key,
            label,
            revenue,
            _("%s orders shipped, untaxed, net of returns", self._number(count)),
            self._action("jxc_reports.jxc_report_sale_action", label, domain),
            "fa-shopping-cart",
        )

    def _orders_tile(self, key, label, bounds):
        if not self._can_read("jxc.sale.order"):
            return None
        domain = self._sales_domain(bounds)
        count, amount = self._totals(
            "jxc.sale.order", domain, ["__count", "amount_total_company:sum"]
        )
        return self._money_tile(
            key,
            label,
            amount,
            _("%s orders confirmed, tax included", self._number(count)),
            self._action("jxc_sales.jxc_sale_order_action", label, domain),
            "fa-shopping-cart",
        )

    def _tile_sales_today(self, period):
        return self._sales_tile(
            "sales_today",
            _("Sales Today"),
            period["today_utc"],
            "orders_today",
            _("Orders Confirmed Today"),
        )

    def _tile_sales_month(self, period):
        return self._sales_tile(
            "sales_month",
            _("Sales This Month"),
            period["month_utc"],
            "orders_month",
            _("Orders Confirmed This Month"),
        )

    def _gross_profit_tile(self, key, label, bounds):
        if not (self._sees_costs() and self._can_read("jxc.report.sale")):
            return None
        domain = self._shipped_domain(bounds)
        revenue, profit = self._totals(
            "jxc.report.sale", domain, ["revenue:sum", "gross_profit:sum"]
        )
        subtitle = (
            _(
                "%(margin)s%% of %(revenue)s shipped",
                margin=formatLang(self.env, 100.0 * profit / revenue, digits=1),
                revenue=self._money(revenue),
            )
            if revenue
            else _("Nothing shipped")
        )
        return self._money_tile(
            key,
            label,
            profit,
            subtitle,
            self._action("jxc_reports.jxc_report_sale_action", label, domain),
            "fa-line-chart",
        )

    def _tile_gross_profit_today(self, period):
        return self._gross_profit_tile(
            "gross_profit_today", _("Gross Profit Today"), period["today_utc"]
        )

    def _tile_gross_profit_month(self, period):
        return self._gross_profit_tile(
            "gross_profit_month", _("Gross Profit This Month"), period["month_utc"]
        )

    def _purchases_tile(self, key, label, bounds):
        if not self._can_read("jxc.purchase.order"):
            return None
        domain = [
            *self._company_domain(),
            ("state", "in", CONFIRMED_STATES),
            ("date_approve", ">=", bounds[0]),
            ("date_approve", "<", bounds[1]),
        ]
        count, amount = self._totals(
            "jxc.purchase.order", domain, ["__count", "amount_total_company:sum"]
        )
        return self._money_tile(
            key,
            label,
            amount,
            _("%s orders confirmed, tax included", self._number(count)),
            self._action("jxc_purchase.jxc_purchase_order_action", label, domain),
            "fa-truck",
        )

    def _tile_purchases_today(self, period):
        return self._purchases_tile("purchases_today", _("Purchases Today"), period["today_utc"])

    def _tile_purchases_month(self, period):
        return self._purchases_tile(
            "purchases_month", _("Purchases This Month"), period["month_utc"]
        )

    # ------------------------------------------------------------------
    # Tiles: stock and money
    # ------------------------------------------------------------------
    def _tile_stock_value(self, period):
        if not (self._sees_costs() and self._can_read("jxc.stock.quant")):
            return None
        domain = [*self._company_domain(), ("value", "!=", 0)]
        count, value = self._totals(
            "jxc.stock.quant", domain, ["product_id:count_distinct", "value:sum"]
        )
        label = _("Stock Value")
        return self._money_tile(
            "stock_value",
            label,
            value,
            _("%s products in stock, at average cost", self._number(count)),
            self._action("jxc_stock.jxc_stock_quant_action", label, domain),
            "fa-cubes",
        )

    def _tile_overdue_receivables(self, period):
        if not self._can_read("jxc.finance.entry"):
            return None
        domain = [
            *self._company_domain(),
            ("entry_type", "=", "receivable"),
            ("is_open", "=", True),
            ("amount_residual", ">", 0),
            ("date_due", "<", fields.Date.to_string(period["today"])),
        ]
        count, partners, amount = self._totals(
            "jxc.finance.entry",
            domain,
            ["__count", "commercial_partner_id:count_distinct", "amount_residual:sum"],
        )
        label = _("Overdue Receivables")
        tile = self._money_tile(
            "overdue_receivables",
            label,
            amount,
            _(
                "%(count)s entries of %(partners)s customers past due",
                count=self._number(count),
                partners=self._number(partners),
            )
            if count
            else _("Nothing past due"),
            self._action("jxc_finance.jxc_finance_entry_action_receivable", label, domain),
            "fa-exclamation-circle",
        )
        tile["alert"] = "danger" if count else False
        return tile

    # ------------------------------------------------------------------
    # Tiles: what waits for someone
    # ------------------------------------------------------------------
    def _tile_sales_to_deliver(self, period):
        if not self._can_read("jxc.sale.order"):
            return None
        # Confirmed orders become done once nothing is left to deliver.
        domain = [*self._company_domain(), ("state", "=", "confirmed")]
        count, amount = self._totals(
            "jxc.sale.order", domain, ["__count", "amount_total_company:sum"]
        )
        label = _("Sale Orders to Deliver")
        return self._count_tile(
            "sales_to_deliver",
            label,
            count,
            _("Confirmed, not fully delivered: %s", self._money(amount)),
            self._action("jxc_sales.jxc_sale_order_action", label, domain),
            "fa-paper-plane",
            alert=False,  # the usual backlog, not a warning
        )

    def _tile_purchases_to_approve(self, period):
        if not self._can_read("jxc.purchase.order"):
            return None
        domain = [*self._company_domain(), ("state", "=", "to_approve")]
        count, amount = self._totals(
            "jxc.purchase.order", domain, ["__count", "amount_total_company:sum"]
        )
        label = _("Purchase Orders to Approve")
        return self._count_tile(
            "purchases_to_approve",
            label,
            count,
            _("Above the approval amount: %s", self._money(amount)),
            self._action("jxc_purchase.jxc_purchase_order_action_to_approve", label, domain),
            "fa-gavel",
        )

    def _tile_below_min(self, period):
        if not self._can_read("jxc.stock.alert"):
            return None
        domain = [*self._company_domain(), ("alert_type", "=", "below_min")]
        count, products = self._totals(
            "jxc.stock.alert", domain, ["__count", "product_id:count_distinct"]
        )
        label = _("Below Minimum Stock")
        return self._count_tile(
            "below_min",
            label,
            count,
            _("%s products under their replenishment min", self._number(products)),
            self._action("jxc_stock.jxc_stock_alert_action", label, domain),
            "fa-arrow-down",
        )

    def _tile_lots_expiring(self, period):
        # The domain looks at the lots' stock (quants) too.
        if not self._can_read("jxc.stock.lot", "jxc.stock.quant"):
            return None
        days = self.env.company.jxc_expiry_alert_days
        today = period["today"]
        domain = [
            *self._company_domain(),
            ("expiration_date", "<=", fields.Date.to_string(today + timedelta(days=days))),
            ("quant_ids.quantity", ">", 0),
        ]
        Lot = self.env["jxc.stock.lot"]
        count = Lot.search_count(domain)
        expired = Lot.search_count(
            [*domain, ("expiration_date", "<", fields.Date.to_string(today))]
        )
        label = _("Lots Near Expiry")
        return self._count_tile(
            "lots_expiring",
            label,
            count,
            _(
                "In stock, expiring within %(days)s days; %(expired)s expired",
                days=days,
                expired=self._number(expired),
            ),
            self._action("jxc_stock.jxc_stock_lot_action", label, domain),
            "fa-hourglass-end",
            alert="danger" if expired else "warning",
        )

    # ------------------------------------------------------------------
    # Charts
    # ------------------------------------------------------------------
    def _chart_sales_trend(self, period):
        """Sales (revenue shipped, as the sales tiles count it) and gross profit per day;
        for sales staff, the orders confirmed per day."""
        days = [period["trend_start"] + timedelta(days=i) for i in range(TREND_DAYS)]
        utc = period["utc"]
        day_bounds = [(utc(day), utc(day + timedelta(days=1))) for day in days]
        datasets = []
        title = _("Sales and Gross Profit, Last %s Days", TREND_DAYS)
        if self._can_read("jxc.report.sale"):
            aggregates = ["revenue:sum"]
            if self._sees_costs():
                aggregates.append("gross_profit:sum")
            by_day = {
                day: values
                for day, *values in self.env["jxc.report.sale"]._read_group(
                    self._shipped_domain(period["trend_utc"]), ["date:day"], aggregates
                )
            }
            domains = [self._shipped_domain(bounds) for bounds in day_bounds]
            for index, (label, kind) in enumerate(
                [(_("Sales Amount"), "bar"), (_("Gross Profit"), "line")][: len(aggregates)]
            ):
                datasets.append(
                    {
                        "label": label,
                        "type": kind,
                        "data": [
                            by_day.get(self._day_key(day), [0.0] * len(aggregates))[index]
                            for day in days
                        ],
                        "action": self._action("jxc_reports.jxc_report_sale_action", label, []),
                        "domains": domains,
                    }
                )
        elif self._can_read("jxc.sale.order"):
            by_day = dict(
                self.env["jxc.sale.order"]._read_group(
                    self._sales_domain(period["trend_utc"]),
                    ["date_confirm:day"],
                    ["amount_total_company:sum"],
                )
            )
            label = _("Orders Confirmed")
            title = _("Orders Confirmed, Last %s Days", TREND_DAYS)
            datasets.append(
                {
                    "label": label,
                    "type": "bar",
                    "data": [by_day.get(self._day_key(day), 0.0) for day in days],
                    "action": self._action("jxc_sales.jxc_sale_order_action", label, []),
                    "domains": [self._sales_domain(bounds) for bounds in day_bounds],
                }
            )
        if not datasets:
            return None
        return {
            "key": "sales_trend",
            "title": title,
            "type": "bar",
            "labels": [fields.Date.to_string(day) for day in days],
            "label_type": "date",
            "datasets": datasets,
            "is_money": True,
            "currency_id": self.env.company.currency_id.id,
            "size": "large",
        }

    @staticmethod
    def _day_key(day):
        """_read_group returns a day of a datetime field as the local midnight datetime."""
        return datetime.combine(day, time.min)

    def _month_sales_domain(self, period):
        return self._shipped_domain(period["month_utc"])

    def _chart_sales_by_category(self, period):
        if not self._can_read("jxc.report.sale"):
            return None
        domain = self._month_sales_domain(period)
        groups = self.env["jxc.report.sale"]._read_group(
            domain, ["categ_id"], ["revenue:sum"], order="revenue:sum desc"
        )
        groups = [(categ, revenue) for categ, revenue in groups if revenue]
        if not groups:
            return None
        label = _("Revenue")
        shown, rest = groups[:TOP_CATEGORIES], groups[TOP_CATEGORIES:]
        labels = [categ.name or _("No Category") for categ, _revenue in shown]
        data = [revenue for _categ, revenue in shown]
        domains = [[*domain, ("categ_id", "=", categ.id)] for categ, _revenue in shown]
        if rest:
            labels.append(_("Other"))
            data.append(sum(revenue for _categ, revenue in rest))
            domains.append([*domain, ("categ_id", "in", [categ.id for categ, _r in rest])])
        return {
            "key": "sales_by_category",
            "title": _("Revenue by Category, This Month"),
            "type": "doughnut",
            "labels": labels,
            "label_type": "text",
            "datasets": [
                {
                    "label": label,
                    "data": data,
                    "action": self._action("jxc_reports.jxc_report_sale_action", label, []),
                    "domains": domains,
                }
            ],
            "is_money": True,
            "currency_id": self.env.company.currency_id.id,
            "size": "small",
        }

    def _chart_top_products(self, period):
        if not self._can_read("jxc.report.sale"):
            return None
        domain = self._month_sales_domain(period)
        groups = self.env["jxc.report.sale"]._read_group(
            domain,
            ["product_id"],
            ["revenue:sum"],
            having=[("revenue:sum", ">", 0)],
            order="revenue:sum desc",
            limit=TOP_PRODUCTS,
        )
        if not groups:
            return None
        label = _("Revenue")
        return {
            "key": "top_products",
            "title": _("Top %s Products by Revenue, This Month", TOP_PRODUCTS),
            "type": "bar",
            "horizontal": True,
            "labels": [
                product.with_context(display_default_code=False).display_name
                for product, _revenue in groups
            ],
            "label_type": "text",
            "datasets": [
                {
                    "label": label,
                    "data": [revenue for _product, revenue in groups],
                    "action": self._action("jxc_reports.jxc_report_sale_action", label, []),
                    "domains": [
                        [*domain, ("product_id", "=", product.id)] for product, _revenue in groups
                    ],
                }
            ],
            "is_money": True,
            "currency_id": self.env.company.currency_id.id,
            "size": "small",
        }

    def _chart_receivable_aging(self, period):
        if not self._can_read("jxc.finance.entry"):
            return None
        today = period["today"]
        by_partner = self.env["jxc.finance.aging"]._compute_buckets(
            today, "receivable", self.env.company
        )
        buckets = AGING_BUCKETS
        data = [sum(values[key] for values in by_partner.values()) for key, *_rest in buckets]
        if not any(data):
            return None
        base = [
            *self._company_domain(),
            ("entry_type", "=", "receivable"),
            ("is_open", "=", True),
        ]
        domains = []
        for _key, _label, first, last in buckets:
            domain = list(base)
            # Days past due d = today - date_due; first <= d <= last.
            if first is not None:
                domain.append(
                    ("date_due", "<=", fields.Date.to_string(today - timedelta(days=first)))
                )
            if last is not None:
                domain.append(
                    ("date_due", ">=", fields.Date.to_string(today - timedelta(days=last)))
                )
            domains.append(domain)
        label = _("Open Receivables")
        return {
            "key": "receivable_aging",
            "title": _("Receivables Aging"),
            "type": "bar",
            "labels": [self.env._(bucket[1]) for bucket in buckets],
            "label_type": "text",
            "datasets": [
                {
                    "label": label,
                    "data": data,
                    "action": self._action(
                        "jxc_finance.jxc_finance_entry_action_receivable", label, []
                    ),
                    "domains": domains,
                }
            ],
            "is_money": True,
            "currency_id": self.env.company.currency_id.id,
            "size": "small",
        }

    def _chart_stock_by_warehouse(self, period):
        if not (self._sees_costs() and self._can_read("jxc.stock.quant")):
            return None
        domain = [*self._company_domain(), ("value", "!=", 0)]
        groups = self.env["jxc.stock.quant"]._read_group(domain, ["warehouse_id"], ["value:sum"])
        if not groups:
            return None
        label = _("Stock Value")
        return {
            "key": "stock_by_warehouse",
            "title": _("Stock Value by Warehouse"),
            "type": "bar",
            "labels": [warehouse.display_name for warehouse, _value in groups],
            "label_type": "text",
            "datasets": [
                {
                    "label": label,
                    "data": [value for _warehouse, value in groups],
                    "action": self._action("jxc_stock.jxc_stock_quant_action", label, []),
                    "domains": [
                        [*domain, ("warehouse_id", "=", warehouse.id)]
                        for warehouse, _value in groups
                    ],
                }
            ],
            "is_money": True,
            "currency_id": self.env.company.currency_id.id,
            "size": "small",
        }
