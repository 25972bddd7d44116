# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every JXC screen opens for every role: costs, values, margins and purchase prices carry
field groups, and no view, list sum, pivot measure, search filter or form may need one of them
for a user who may not read it."""

from lxml import etree

from odoo.fields import Command
from odoo.tests import Form, new_test_user
from odoo.tools.safe_eval import datetime, dateutil, safe_eval

from odoo.addons.jxc_finance.tests.common import JxcFinanceCommon

ROLES = {
    "stock_user": "jxc_stock.group_jxc_stock_user",
    "stock_manager": "jxc_stock.group_jxc_stock_manager",
    "purchase_user": "jxc_purchase.group_jxc_purchase_user",
    "purchase_manager": "jxc_purchase.group_jxc_purchase_manager",
    "sales_user": "jxc_sales.group_jxc_sales_user",
    "sales_manager": "jxc_sales.group_jxc_sales_manager",
    "finance_user": "jxc_finance.group_jxc_finance_user",
    "finance_manager": "jxc_finance.group_jxc_finance_manager",
    "reports_user": "jxc_reports.group_jxc_reports_user",
    "reports_manager": "jxc_reports.group_jxc_reports_manager",
}
# The groups that see costs: their own, and the department managers', finance's and reports
# managers' by implication.
COST_ROLES = {
    "stock_manager",
    "purchase_manager",
    "sales_manager",
    "finance_user",
    "finance_manager",
    "reports_manager",
}


class TestScreensByRole(JxcFinanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.roles = {
            role: new_test_user(
                cls.env, login=f"jxc_screen_{role}", groups=f"base.group_user,{group}"
            )
            for role, group in ROLES.items()
        }
        # One document of each kind, so that every form has a record to open.
        cls._receive(cls.product, 20, 3.0)
        purchase = cls._purchase([(cls.product2, 10, 2.0)])
        purchase.action_confirm()
        purchase.picking_ids.action_done()
        order = cls._make_order([(cls.product, 4, 10.0)])
        order.action_confirm()
        cls._delivery(order).action_done()
        cls._payment(cls.customer, 10.0)
        count = cls.env["jxc.stock.count"].create(
            {"warehouse_id": cls.wh1.id, "product_ids": [Command.set(cls.product.ids)]}
        )
        count.action_start()
        cls.env["jxc.stock.integrity"]._run()

    def test_cost_group_implications(self):
        cost = self.env.ref("jxc_stock.group_jxc_cost")
        self.assertIn(self.env.ref("jxc_reports.group_jxc_reports_user"), cost.implied_ids)
        for role, user in self.roles.items():
            self.assertEqual(user.has_group("jxc_stock.group_jxc_cost"), role in COST_ROLES, role)

    def _actions(self):
        data = self.env["ir.model.data"].search(
            [("model", "=", "ir.actions.act_window"), ("module", "=like", "jxc\\_%")]
        )
        actions = self.env["ir.actions.act_window"].browse(data.mapped("res_id"))
        return actions.filtered(lambda a: a.res_model != "res.config.settings")

    def _eval(self, user, expression):
        # ``to_utc()`` is the web client's (its Python has it), not the server's.
        return safe_eval(
            (expression or "{}").replace(".to_utc()", ""),
            {
                "uid": user.id,
                "active_id": False,
                "context_today": datetime.date.today,
                "datetime": datetime,
                "relativedelta": dateutil.relativedelta.relativedelta,
            },
        )

    def _field_nodes(self, node):
        """The field nodes of ``node`` that are not inside another field's sub-view."""
        for child in node:
            if child.tag == "field":
                yield child
            elif isinstance(child.tag, str):
                yield from self._field_nodes(child)

    def _spec(self, models, model, node):
        """The web_read specification the web client makes of the fields in ``node``."""
        spec = {}
        for field in self._field_nodes(node):
            info = models[model]["fields"][field.get("name")]
            if info["type"] == "many2one":
                spec[field.get("name")] = {"fields": {"display_name": {}}}
            elif info["type"] in ("one2many", "many2many") and len(field):
                spec[field.get("name")] = {"fields": self._spec(models, info["relation"], field)}
            else:
                spec[field.get("name")] = {}
        return spec

    def _open(self, user, action):
        """What the web client does to show ``action``: views, search filters, records, sums,
        pivot and graph measures, the form of a record (or of a new one)."""
        domain = self._eval(user, action.domain or "[]")
        Model = (
            self.env[action.res_model]
            .with_user(user)
            .with_context(**self._eval(user, action.context), tz="UTC")
        )
        views = [(view_id, kind) for view_id, kind in action.views if kind != "activity"]
        result = Model.get_views([*views, (action.search_view_id.id, "search")])
        models = result["models"]
        search = etree.fromstring(result["views"]["search"]["arch"])
        for node in search.xpath("//filter[@domain]"):
            Model.search_count(domain + self._eval(user, node.get("domain")))
        for node in search.xpath("//filter[@context]"):
            group_by = self._eval(user, node.get("context")).get("group_by")
            if group_by:
                Model.read_group(domain, [], [group_by], lazy=False)
        records = Model.search(domain, limit=5)
        for kind, view in result["views"].items():
            arch = etree.fromstring(view["arch"])
            if kind in ("list", "kanban", "calendar"):
                Model.web_search_read(domain, self._spec(models, action.res_model, arch), limit=5)
                sums = arch.xpath("/*/field[@sum]/@name")
                Model.read_group(domain, [f"{name}:sum" for name in sums], [], lazy=False)
            elif kind in ("pivot", "graph"):
                measures = arch.xpath("//field[@type='measure']/@name")
                rows = arch.xpath("//field[not(@type='measure')]/@name")[:1]
                Model.read_group(domain, [f"{name}:sum" for name in measures], rows, lazy=False)
            elif kind == "form":
                if records:
                    Form(records[0], view=view["id"])
                elif Model.has_access("create"):
                    Form(Model, view=view["id"])

    def test_every_screen_opens_for_every_role(self):
        for action in self._actions():
            for role, user in self.roles.items():
                if not self.env[action.res_model].with_user(user).has_access("read"):
                    continue
                with self.subTest(action=action.xml_id, role=role):
                    self.env.invalidate_all()
                    self._open(user, action)

    def test_restricted_roles_get_no_cost_in_any_screen(self):
        """No cost field reaches a user outside the cost group through any view."""
        costs = {
            "jxc.stock.move": {"unit_cost", "value"},
            "jxc.stock.quant": {"value"},
            "jxc.stock.picking": {"amount_total"},
            "jxc.stock.picking.line": {"unit_cost", "value"},
            "jxc.stock.count": {"difference_value"},
            "jxc.stock.count.line": {"unit_cost", "difference_value"},
            "jxc.sale.order": {"margin", "margin_percent"},
            "jxc.sale.order.line": {"cost_unit", "margin"},
        }
        for action in self._actions():
            for role, user in self.roles.items():
                Model = self.env[action.res_model].with_user(user)
                if role in COST_ROLES or not Model.has_access("read"):
                    continue
                views = [(view_id, kind) for view_id, kind in action.views]
                models = Model.get_views(views)["models"]
                for model, hidden in costs.items():
                    shown = set(models.get(model, {}).get("fields", ()))
                    self.assertFalse(hidden & shown, f"{action.xml_id} {role}: {model}")
