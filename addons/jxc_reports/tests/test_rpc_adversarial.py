# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Invariant 7 over real JSON-RPC: every role, administrators included, tries to move states,
change or delete what is posted, post what it may not, reach the reservation engine, private
methods and other companies' records, write absurd numbers and forge the documents' context
token. Each call must be refused with a clear error (never a bare Python or database error)
and write nothing: the JXC tables, the companies' and partners' JXC settings are compared
with what they were before, and the ledger must agree with quants and averages.

The attacks are a table (:class:`Case`): add a row to cover a new one.
"""

import json
import re
from contextlib import closing
from dataclasses import dataclass, field

from odoo import fields
from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import get_db_name

from odoo.addons.jxc_stock.utils import amount_to_chinese

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
}
ALL_ROLES = (*ROLES, "admin")
STOCK_ROLES = ("stock_user", "stock_manager", "admin")

# What a refusal may be; anything else (ValueError, KeyError, psycopg2 errors…) is a hole.
CLEAR_ERRORS = ("UserError", "AccessError", "ValidationError", "MissingError")

# The documents' own writes carry a token of a type JSON cannot produce: a client that
# copies its value, or the keys older versions used, gets nowhere.
FORGED_CONTEXTS = (
    {"jxc_internal": "jxc-internal"},
    {"jxc_stock_internal": True, "jxc_order_internal": True, "jxc_finance_post": True},
)

# Numbers no document accepts, and how the error shows each of them.
BAD_NUMBERS = (
    (float("nan"), "nan"),  # sent as the JSON literal NaN (Python's json accepts it)
    ("NaN", "'NaN'"),  # the string, which float() would turn into nan
    (float("inf"), "inf"),
    ("text", "'text'"),
    (1e20, "1e+20"),
    (-1e20, "-1e+20"),
)

# Tables whose rows no refused call may change, add or remove.
WATCHED_TABLES = (
    "jxc_stock_warehouse",
    "jxc_stock_lot",
    "jxc_stock_quant",
    "jxc_stock_move",
    "jxc_stock_period_balance",
    "jxc_stock_valuation",
    "jxc_stock_reservation",
    "jxc_stock_picking",
    "jxc_stock_picking_line",
    "jxc_stock_count",
    "jxc_stock_count_line",
    "jxc_stock_rule",
    "jxc_sale_order",
    "jxc_sale_order_line",
    "jxc_purchase_order",
    "jxc_purchase_order_line",
    "jxc_finance_entry",
    "jxc_finance_payment",
    "jxc_finance_payment_line",
    "jxc_finance_opening",
    "jxc_finance_opening_line",
    "jxc_finance_account",
    "jxc_finance_slip",
    "jxc_finance_slip_line",
    "jxc_finance_transfer",
    "jxc_finance_invoice",
    "jxc_finance_invoice_line",
    "jxc_stock_cost_adjustment",
    "jxc_stock_cost_adjustment_line",
    "jxc_purchase_landed_cost",
    "jxc_purchase_landed_cost_line",
    "jxc_golive",
    "jxc_report_sale_period",
)


@dataclass
class Case:
    """One call: ``role`` calls ``model.method(*args, **kwargs)`` over JSON-RPC and must get
    ``expected`` (an exception class name, or ``"ok"`` with ``result``) whose message
    contains each of ``contains``."""

    role: str
    model: str
    method: str
    args: list
    expected: str = "UserError"
    kwargs: dict = field(default_factory=dict)
    contains: tuple = ()
    result: object = None
    transport: str = "call_kw"  # or "jsonrpc" (/jsonrpc, service object, execute_kw)
    prepare: object = None  # callable(test, case) -> id put in front of args, run first
    label: str = ""

    def __str__(self):
        return f"{self.role}: {self.model}.{self.method} {self.label}".strip()


@tagged("post_install", "-at_install")
class TestRpcAdversarial(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(
            context=dict(cls.env.context, tracking_disable=True, mail_create_nolog=True)
        )
        cls._setup_company()
        cls._setup_users()
        cls._setup_documents()
        cls._setup_other_company()
        cls._setup_money_documents()
        cls.env.flush_all()

    # ------------------------------------------------------------------
    # Data: every document type in every state, made by the normal flows
    # ------------------------------------------------------------------
    @classmethod
    def _setup_company(cls):
        cls.company = cls.env.company
        cls.company.write(
            {
                "jxc_allow_negative_stock": False,
                "jxc_sale_shortage_policy": "block",
                "jxc_po_approval_amount": 0.0,
                "jxc_receipt_tolerance": 0.0,
                "jxc_finance_lock_date": False,
            }
        )
        Warehouse = cls.env["jxc.stock.warehouse"]
        cls.wh = Warehouse.create({"name": "RPC Main", "code": "RPCW1"})
        cls.wh2 = Warehouse.create({"name": "RPC Store", "code": "RPCW2"})
        Product = cls.env["product.product"]
        cls.product = Product.create(
            {"name": "RPC Water", "type": "consu", "list_price": 10.0, "default_code": "RPC-W"}
        )
        cls.product2 = Product.create(
            {"name": "RPC Tissue", "type": "consu", "list_price": 4.0, "default_code": "RPC-T"}
        )
        cls.product_lot = Product.create(
            {"name": "RPC Milk", "type": "consu", "tracking": "lot", "default_code": "RPC-M"}
        )
        Partner = cls.env["res.partner"]
        cls.customer = Partner.create({"name": "RPC Customer", "is_company": True})
        cls.supplier = Partner.create({"name": "RPC Supplier", "is_company": True})
        cls.bank = cls.env["jxc.finance.account"].create({"name": "RPC Bank"})
        cls.rule = cls.env["jxc.stock.rule"].create(
            {
                "product_id": cls.product2.id,
                "warehouse_id": cls.wh.id,
                "min_quantity": 5,
                "max_quantity": 10,
            }
        )

    @classmethod
    def _setup_users(cls):
        cls.users = {
            role: new_test_user(
                cls.env,
                login=f"rpc_{role}",
                password=f"rpc_{role}",
                groups=f"base.group_user,{group}",
                company_id=cls.company.id,
            )
            for role, group in ROLES.items()
        }
        cls.users["admin"] = cls.env.ref("base.user_admin")

    @classmethod
    def _picking(cls, picking_type, lines, warehouse=None, post=False, **vals):
        picking = cls.env["jxc.stock.picking"].create(
            dict(
                {
                    "picking_type": picking_type,
                    "warehouse_id": (warehouse or cls.wh).id,
                    "line_ids": [Command.create(line) for line in lines],
                },
                **vals,
            )
        )
        if post:
            picking.action_done()
        return picking

    @classmethod
    def _sale(cls, quantity, confirm=True, **vals):
        order = cls.env["jxc.sale.order"].create(
            dict(
                {
                    "partner_id": cls.customer.id,
                    "warehouse_id": cls.wh.id,
                    "pricelist_id": False,
                    "line_ids": [
                        Command.create(
                            {"product_id": cls.product.id, "quantity": quantity, "price_unit": 10}
                        )
                    ],
                },
                **vals,
            )
        )
        if confirm:
            order.action_confirm()
        return order

    @classmethod
    def _purchase(cls, quantity, confirm=True):
        order = cls.env["jxc.purchase.order"].create(
            {
                "partner_id": cls.supplier.id,
                "warehouse_id": cls.wh.id,
                "line_ids": [
                    Command.create(
                        {"product_id": cls.product.id, "quantity": quantity, "price_unit": 3}
                    )
                ],
            }
        )
        if confirm:
            order.action_confirm()
        return order

    @classmethod
    def _setup_documents(cls):
        Picking = cls.env["jxc.stock.picking"]
        cls.in_done = cls._picking(
            "in",
            [
                {"product_id": cls.product.id, "quantity": 100, "unit_cost": 2.0},
                {"product_id": cls.product2.id, "quantity": 50, "unit_cost": 1.0},
                {
                    "product_id": cls.product_lot.id,
                    "quantity": 5,
                    "unit_cost": 3.0,
                    "lot_name": "RPC-LOT-1",
                },
            ],
            post=True,
        )
        cls.lot = cls.in_done.line_ids.lot_id
        cls.in_draft = cls._picking("in", [{"product_id": cls.product2.id, "quantity": 2}])
        cls.out_draft = cls._picking("out", [{"product_id": cls.product.id, "quantity": 5}])

        cls.sale_draft = cls._sale(2, confirm=False)
        cls.sale_confirmed = cls._sale(10)
        cls.delivery_draft = cls.sale_confirmed.picking_ids
        cls.sale_done = cls._sale(3)
        cls.delivery_done = cls.sale_done.picking_ids
        cls.delivery_done.action_done()
        cls.delivery_done.action_create_sale_return()
        cls.sale_return_draft = Picking.search([("return_of_id", "=", cls.delivery_done.id)])

        cls.po_draft = cls._purchase(5, confirm=False)
        cls.po_confirmed = cls._purchase(20)
        cls.receipt_draft = cls.po_confirmed.picking_ids
        cls.po_received = cls._purchase(10)
        cls.receipt_done = cls.po_received.picking_ids
        cls.receipt_done.action_done()
        cls.receipt_done.action_create_return()
        cls.purchase_return_draft = Picking.search([("return_of_id", "=", cls.receipt_done.id)])

        Payment = cls.env["jxc.finance.payment"]
        cls.payment_posted = Payment.create(
            {"partner_id": cls.customer.id, "amount": 50.0, "account_id": cls.bank.id}
        )
        cls.payment_posted.action_post()
        cls.payment_draft = Payment.create(
            {"partner_id": cls.customer.id, "amount": 20.0, "account_id": cls.bank.id}
        )
        cls.receivable = cls.env["jxc.finance.entry"].search(
            [("sale_id", "=", cls.sale_confirmed.id)], limit=1
        )

        Count = cls.env["jxc.stock.count"]
        cls.count_progress = Count.create(
            {"warehouse_id": cls.wh.id, "product_ids": [Command.set(cls.product.ids)]}
        )
        cls.count_progress.action_start()
        cls.count_done = Count.create(
            {"warehouse_id": cls.wh.id, "product_ids": [Command.set(cls.product2.ids)]}
        )
        cls.count_done.action_start()
        cls.count_done.line_ids.write({"counted_quantity": 49})
        cls.count_done.action_validate()

        cls.reservations = cls.env["jxc.stock.reservation"].search(
            [
                ("res_model", "=", "jxc.sale.order.line"),
                ("res_id", "in", cls.sale_confirmed.line_ids.ids),
                ("state", "=", "open"),
            ]
        )
        assert cls.reservations, "the confirmed order holds its stock"
        assert cls.sale_done.state == "done" and cls.po_received.state == "done"
        assert cls.payment_posted.line_ids, "the payment settled the receivable"

    @classmethod
    def _setup_other_company(cls):
        cls.company2 = cls.env["res.company"].create({"name": "RPC Other Co"})
        Company2 = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.company2.ids))
        cls.wh_co2 = Company2["jxc.stock.warehouse"].create(
            {"name": "RPC Other", "code": "RPCO1", "company_id": cls.company2.id}
        )
        cls.in_co2 = Company2["jxc.stock.picking"].create(
            {
                "picking_type": "in",
                "warehouse_id": cls.wh_co2.id,
                "company_id": cls.company2.id,
                "line_ids": [
                    Command.create({"product_id": cls.product.id, "quantity": 10, "unit_cost": 1})
                ],
            }
        )
        cls.in_co2.action_done()
        cls.out_co2 = Company2["jxc.stock.picking"].create(
            {
                "picking_type": "out",
                "warehouse_id": cls.wh_co2.id,
                "company_id": cls.company2.id,
                "line_ids": [Command.create({"product_id": cls.product.id, "quantity": 1})],
            }
        )
        cls.sale_co2 = Company2["jxc.sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "warehouse_id": cls.wh_co2.id,
                "company_id": cls.company2.id,
                "pricelist_id": False,
                "line_ids": [
                    Command.create({"product_id": cls.product.id, "quantity": 2, "price_unit": 9})
                ],
            }
        )
        cls.sale_co2.action_confirm()
        cls.reservation_co2 = cls.env["jxc.stock.reservation"].search(
            [("res_id", "in", cls.sale_co2.line_ids.ids), ("state", "=", "open")]
        )
        bank_co2 = Company2["jxc.finance.account"].create(
            {"name": "RPC Other Bank", "company_id": cls.company2.id}
        )
        cls.payment_co2 = Company2["jxc.finance.payment"].create(
            {
                "partner_id": cls.customer.id,
                "amount": 5.0,
                "account_id": bank_co2.id,
                "company_id": cls.company2.id,
            }
        )
        assert cls.reservation_co2

    def setUp(self):
        super().setUp()
        self.sessions = {}
        for role, user in self.users.items():
            self.session = None  # keep the sessions already opened
            self.authenticate(user.login, user.login)
            self.sessions[role] = self.session.sid
        self.session = None
        self.rpc_id = 0

    # ------------------------------------------------------------------
    # Calls and what they wrote
    # ------------------------------------------------------------------
    def _rpc(self, role, model, method, args=(), kwargs=None, transport="call_kw"):
        """Call ``model.method`` over JSON-RPC as ``role``: ``("ok", result)`` or
        ``(exception class name, message)``."""
        self.rpc_id += 1
        if transport == "call_kw":
            url = f"/web/dataset/call_kw/{model}/{method}"
            params = {"model": model, "method": method, "args": list(args), "kwargs": kwargs or {}}
            headers = {"Cookie": f"session_id={self.sessions[role]}"}
        else:
            user = self.users[role]
            url = "/jsonrpc"
            params = {
                "service": "object",
                "method": "execute_kw",
                "args": [
                    get_db_name(),
                    user.id,
                    user.login,
                    model,
                    method,
                    list(args),
                    kwargs or {},
                ],
            }
            headers = {}
        body = json.dumps(
            {"jsonrpc": "2.0", "method": "call", "id": self.rpc_id, "params": params},
            allow_nan=True,
        )
        self.opener.cookies.clear()
        response = self.url_open(
            url,
            data=body,
            headers=dict(headers, **{"Content-Type": "application/json"}),
            timeout=60,
        )
        response.raise_for_status()
        self.env.invalidate_all()
        reply = json.loads(response.text)
        if "error" in reply:
            error = reply["error"]["data"]
            return error["name"].rsplit(".", 1)[-1], error["message"]
        return "ok", reply["result"]

    def _snapshot(self):
        """Every row of the watched tables (count and digest), the JXC settings of companies
        and partners, and the integrity check's mismatches."""
        self.env.flush_all()
        cr = self.env.cr
        cr.execute(
            " UNION ALL ".join(
                f"SELECT '{table}', COUNT(*), "
                f"md5(COALESCE(string_agg(t::text, '|' ORDER BY t.id), '')) FROM {table} t"
                for table in WATCHED_TABLES
            )
        )
        state = {table: (count, digest) for table, count, digest in cr.fetchall()}
        cr.execute(
            "SELECT id, jxc_finance_lock_date, jxc_receipt_tolerance, jxc_po_approval_amount "
            "FROM res_company ORDER BY id"
        )
        state["res_company"] = cr.fetchall()
        cr.execute(
            "SELECT id, jxc_credit_limit, jxc_credit_days FROM res_partner "
            "WHERE jxc_credit_limit IS NOT NULL OR jxc_credit_days IS NOT NULL ORDER BY id"
        )
        state["res_partner"] = cr.fetchall()
        state["mismatches"] = self.env["jxc.stock.integrity"]._find_mismatches()
        return state

    def _run_cases(self, cases, minimum):
        """Run ``cases``: each refused as expected, with a clear message, writing nothing.
        Each runs in a savepoint rolled back afterwards, so that a hole found by one case
        does not hide the others; every failure is reported at the end.
        Return [(case, message)]."""
        self.assertGreater(len(cases), minimum, "the table of attacks lost its rows")
        baseline = self._snapshot()
        self.assertEqual(baseline["mismatches"], [], "the ledger disagrees before any attack")
        messages, failures = [], []
        for case in cases:
            with self.subTest(case=str(case)):
                try:
                    with closing(self.env.cr.savepoint()):
                        messages.append((case, self._check_case(case, baseline)))
                except AssertionError as error:
                    failures.append(f"{case}: {error}")
                self.env.invalidate_all()
        self.assertFalse(
            failures, f"{len(failures)} of {len(cases)} cases:\n" + "\n".join(failures)
        )
        return messages

    def _check_case(self, case, baseline):
        args = list(case.args)
        if case.prepare:
            args.insert(0, [case.prepare(self, case)])
        name, message = self._rpc(
            case.role, case.model, case.method, args, case.kwargs, case.transport
        )
        if case.expected == "ok":
            self.assertEqual((name, message), ("ok", case.result))
        else:
            self.assertIn(name, CLEAR_ERRORS, f"not a clear refusal: {name}: {message}")
            self.assertEqual(name, case.expected, message)
            self.assertTrue(message.strip(), "an error without a message")
            self.assertNotIn("Traceback", message)
            for part in case.contains:
                self.assertIn(part, message)
        self.assertEqual(self._snapshot(), baseline, "it wrote something")
        return message

    # ------------------------------------------------------------------
    # Who may read what (the first check many refusals meet)
    # ------------------------------------------------------------------
    def _can(self, role, model, operation="read"):
        return (
            self.env["ir.model.access"]
            .with_user(self.users[role])
            .check(model, operation, raise_exception=False)
        )

    def _refusal(self, role, model):
        """A guard that names the document reads it first: who cannot read it is refused
        by access rights, everybody else by the document's own UserError."""
        return "UserError" if self._can(role, model) else "AccessError"

    def _posting(self, role, allowed, then="UserError"):
        """``then`` for roles allowed to post the document, else AccessError."""
        return then if role in allowed else "AccessError"

    # ------------------------------------------------------------------
    # The attacks
    # ------------------------------------------------------------------
    def _state_cases(self):
        """Moving a state outside the documents' own methods, by writing or creating it."""
        writes = [
            ("jxc.stock.picking", self.in_done, "draft"),
            ("jxc.stock.picking", self.out_draft, "done"),
            ("jxc.stock.picking", self.delivery_draft, "cancel"),
            ("jxc.stock.picking", self.receipt_draft, "done"),
            ("jxc.stock.picking.line", self.in_done.line_ids[:1], "draft"),
            ("jxc.sale.order", self.sale_confirmed, "cancel"),
            ("jxc.sale.order", self.sale_draft, "confirmed"),
            ("jxc.purchase.order", self.po_confirmed, "done"),
            ("jxc.purchase.order", self.po_draft, "confirmed"),
            ("jxc.finance.payment", self.payment_draft, "posted"),
            ("jxc.finance.payment", self.payment_posted, "cancel"),
            ("jxc.stock.count", self.count_progress, "done"),
            ("jxc.stock.count", self.count_done, "draft"),
        ]
        in_vals = {
            "picking_type": "in",
            "warehouse_id": self.wh.id,
            "line_ids": [Command.create({"product_id": self.product.id, "quantity": 1})],
        }
        creates = [
            ("jxc.stock.picking", dict(in_vals, state="done"), {}),
            ("jxc.stock.picking", in_vals, {"context": {"default_state": "done"}}),
            (
                "jxc.sale.order",
                {"partner_id": self.customer.id, "warehouse_id": self.wh.id, "state": "confirmed"},
                {},
            ),
            (
                "jxc.purchase.order",
                {"partner_id": self.supplier.id, "warehouse_id": self.wh.id},
                {"context": {"default_state": "confirmed"}},
            ),
            (
                "jxc.finance.payment",
                {
                    "partner_id": self.customer.id,
                    "amount": 1,
                    "account_id": self.bank.id,
                    "state": "posted",
                },
                {},
            ),
            ("jxc.stock.count", {"warehouse_id": self.wh.id, "state": "done"}, {}),
        ]
        cases = []
        for role in ALL_ROLES:
            for model, record, state in writes:
                cases.append(
                    Case(
                        role,
                        model,
                        "write",
                        [record.ids, {"state": state}],
                        expected=self._refusal(role, model),
                        label=f"state={state} on {record.display_name}",
                    )
                )
            cases.append(
                Case(
                    role,
                    "jxc.stock.reservation",
                    "write",
                    [self.reservations.ids, {"state": "cancel"}],
                    label="a reservation released by a write",
                )
            )
            # The web client's own paths: saving a form, duplicating with defaults.
            for record, vals in (
                (self.in_done, {"state": "draft"}),
                (self.sale_confirmed, {"state": "draft"}),
            ):
                cases += [
                    Case(
                        role,
                        record._name,
                        "web_save",
                        [record.ids, vals],
                        expected=self._refusal(role, record._name),
                        kwargs={"specification": {"state": {}}},
                        label=f"state of {record.display_name}",
                    ),
                    Case(
                        role,
                        record._name,
                        "copy",
                        [record.ids],
                        expected=self._refusal(role, record._name),
                        kwargs={"default": {"state": "done"}},
                        label=f"{record.display_name} as done",
                    ),
                ]
            for model, vals, kwargs in creates:
                cases.append(
                    Case(role, model, "create", [vals], kwargs=kwargs, label=f"with {kwargs}")
                )
        return cases

    def _posted_cases(self):
        """Changing, deleting or adding to what is confirmed or posted."""
        line = self.in_done.line_ids[:1]
        sale_line = self.sale_confirmed.line_ids[:1]
        writes = [
            (self.in_done, {"warehouse_id": self.wh2.id}),
            (self.in_done, {"partner_id": self.customer.id}),
            (line, {"quantity": 1}),
            (line, {"product_id": self.product2.id}),
            (line, {"unit_cost": 0.01}),
            (self.delivery_done.line_ids[:1], {"quantity_done": 1}),
            (self.sale_confirmed, {"partner_id": self.supplier.id}),
            (self.sale_confirmed, {"warehouse_id": self.wh2.id}),
            (sale_line, {"price_unit": 0.01}),
            (sale_line, {"quantity": 1}),
            (sale_line, {"discount": 99}),
            (self.po_confirmed, {"partner_id": self.customer.id}),
            (self.po_confirmed.line_ids[:1], {"price_unit": 0.01}),
            (self.payment_posted, {"amount": 1}),
            (self.payment_posted, {"partner_id": self.supplier.id}),
            (self.payment_posted.line_ids[:1], {"amount": 1}),
            (self.count_done, {"warehouse_id": self.wh2.id}),
            (self.count_done.line_ids[:1], {"counted_quantity": 999}),
        ]
        unlinks = [
            self.in_done,
            line,
            self.delivery_done,
            self.delivery_done.line_ids[:1],
            self.sale_confirmed,
            sale_line,
            self.po_received,
            self.payment_posted,
            self.payment_posted.line_ids[:1],
            self.count_done,
            self.count_done.line_ids[:1],
        ]
        new_lines = [
            ("jxc.stock.picking.line", "picking_id", self.in_done, {"quantity": 1}),
            ("jxc.stock.picking.line", "picking_id", self.delivery_done, {"quantity": 1}),
            ("jxc.sale.order.line", "order_id", self.sale_confirmed, {"quantity": 1}),
            ("jxc.purchase.order.line", "order_id", self.po_confirmed, {"quantity": 1}),
            ("jxc.stock.count.line", "count_id", self.count_done, {"counted_quantity": 1}),
        ]
        move = self.in_done.move_ids[:1]
        period = self.env["jxc.report.sale.period"].search(
            [("company_id", "=", self.company.id)], limit=1
        )
        cases = []
        for role in ALL_ROLES:
            for record, vals in writes:
                cases.append(
                    Case(
                        role,
                        record._name,
                        "write",
                        [record.ids, vals],
                        expected=self._refusal(role, record._name),
                        label=f"{list(vals)} of {record.display_name}",
                    )
                )
            for record in unlinks:
                cases.append(
                    Case(
                        role,
                        record._name,
                        "unlink",
                        [record.ids],
                        # Access rights are checked before the documents' delete guards.
                        expected="UserError"
                        if self._can(role, record._name, "unlink")
                        else "AccessError",
                        label=record.display_name,
                    )
                )
            for model, parent_field, parent, vals in new_lines:
                cases.append(
                    Case(
                        role,
                        model,
                        "create",
                        [dict(vals, product_id=self.product2.id, **{parent_field: parent.id})],
                        expected=self._refusal(role, parent._name),
                        label=f"a line on {parent.display_name}",
                    )
                )
            cases.append(
                Case(
                    role,
                    "jxc.finance.payment.line",
                    "create",
                    [
                        {
                            "payment_id": self.payment_posted.id,
                            "entry_id": self.receivable.id,
                            "amount": 1,
                        }
                    ],
                    expected=self._refusal(role, "jxc.finance.payment"),
                    label="a settlement on a posted payment",
                )
            )
            # The ledgers: their guards come before any access check.
            cases += [
                Case(
                    role,
                    "jxc.stock.move",
                    "create",
                    [
                        {
                            "product_id": self.product.id,
                            "warehouse_id": self.wh.id,
                            "quantity": 5,
                            "move_type": "in",
                            "company_id": self.company.id,
                        }
                    ],
                ),
                Case(role, "jxc.stock.move", "write", [move.ids, {"quantity": 1}]),
                Case(role, "jxc.stock.move", "unlink", [move.ids], expected="AccessError"),
                Case(
                    role,
                    "jxc.finance.entry",
                    "create",
                    [
                        {
                            "entry_type": "receivable",
                            "partner_id": self.customer.id,
                            "amount": -100,
                            "date_due": fields.Date.to_string(fields.Date.today()),
                        }
                    ],
                ),
                Case(role, "jxc.finance.entry", "write", [self.receivable.ids, {"amount": 0}]),
                Case(
                    role,
                    "jxc.finance.entry",
                    "unlink",
                    [self.receivable.ids],
                    expected="AccessError",
                ),
                # The sales analysis's monthly sums: kept by posting only.
                Case(
                    role,
                    "jxc.report.sale.period",
                    "create",
                    [
                        {
                            "date": "2026-01-01 00:00:00",
                            "company_id": self.company.id,
                            "warehouse_id": self.wh.id,
                            "quantity": 5,
                        }
                    ],
                ),
                Case(role, "jxc.report.sale.period", "write", [period.ids, {"quantity": 1}]),
                Case(
                    role,
                    "jxc.report.sale.period",
                    "unlink",
                    [period.ids],
                    expected="AccessError",
                ),
            ]
        return cases

    def _master_data_cases(self):
        """Deleting what posted documents name (lots, warehouses, products, partners) would
        edit posted ledger rows and entries through their foreign keys."""
        cases = []
        for role in ALL_ROLES:
            # The lot by its own guard, the others by the ledger's foreign keys.
            for record, refusal in (
                (self.lot, "UserError"),
                (self.wh, "ValidationError"),
                (self.product, "ValidationError"),
                (self.customer, "ValidationError"),
            ):
                cases.append(
                    Case(
                        role,
                        record._name,
                        "unlink",
                        [record.ids],
                        expected=refusal
                        if self._can(role, record._name, "unlink")
                        else "AccessError",
                        label=record.display_name,
                    )
                )
            # A line never moves to another document; system fields are not set by hand.
            cases += [
                Case(
                    role,
                    "jxc.stock.picking.line",
                    "write",
                    [self.out_draft.line_ids.ids, {"picking_id": self.in_done.id}],
                    expected=self._refusal(role, "jxc.stock.picking.line"),
                    label="into a posted document",
                ),
                Case(
                    role,
                    "jxc.sale.order.line",
                    "write",
                    [self.sale_draft.line_ids.ids, {"order_id": self.sale_confirmed.id}],
                    expected=self._refusal(role, "jxc.sale.order.line"),
                    label="into a confirmed order",
                ),
            ]
            for model, vals in (
                (
                    "jxc.stock.picking.line",
                    {
                        "picking_id": self.in_draft.id,
                        "product_id": self.product.id,
                        "return_of_line_id": self.delivery_done.line_ids[:1].id,
                    },
                ),
                (
                    "jxc.stock.picking.line",
                    {
                        "picking_id": self.out_draft.id,
                        "product_id": self.product.id,
                        "sale_line_id": self.sale_confirmed.line_ids[:1].id,
                    },
                ),
                (
                    "jxc.stock.count.line",
                    {
                        "count_id": self.count_progress.id,
                        "product_id": self.product2.id,
                        "theoretical_quantity": 1000,
                    },
                ),
            ):
                parent = "jxc.stock.count" if "count_id" in vals else "jxc.stock.picking"
                cases.append(
                    Case(
                        role,
                        model,
                        "create",
                        [vals],
                        expected=self._refusal(role, parent),
                        label=f"with {list(vals)[-1]}",
                    )
                )
            cases.append(
                Case(
                    role,
                    "jxc.stock.count.line",
                    "write",
                    [self.count_progress.line_ids[:1].ids, {"theoretical_quantity": 0}],
                    expected=self._refusal(role, "jxc.stock.count.line"),
                )
            )
        return cases

    def _action_cases(self):
        """Posting, cancelling, approving what the role may not, and documents of orders
        made by hand."""
        Picking = "jxc.stock.picking"
        purchase_posters = ("stock_user", "stock_manager", "purchase_user", "purchase_manager")
        cases = []
        by_hand = [
            ("purchase_in", {"partner_id": self.supplier.id}, {}),
            ("purchase_in", {"purchase_id": self.po_confirmed.id}, {}),
            ("purchase_return", {"partner_id": self.supplier.id}, {}),
            ("sale_out", {"partner_id": self.customer.id}, {}),
            ("sale_return", {"partner_id": self.customer.id}, {}),
            ("sale_out", {}, {"context": {"default_picking_type": "sale_out"}}),
        ]
        for role in ALL_ROLES:
            for picking_type, extra, kwargs in by_hand:
                vals = dict(
                    extra,
                    warehouse_id=self.wh.id,
                    line_ids=[
                        Command.create(
                            {"product_id": self.product.id, "quantity": 1, "unit_cost": 0.01}
                        )
                    ],
                )
                if not kwargs:
                    vals["picking_type"] = picking_type
                cases.append(
                    Case(
                        role,
                        Picking,
                        "create",
                        [vals],
                        kwargs=kwargs,
                        label=f"{picking_type} by hand",
                    )
                )
            # A document of an order keeps its type, and no document takes an order's type.
            for picking, picking_type in (
                (self.in_draft, "purchase_in"),
                (self.in_draft, "sale_return"),
                (self.delivery_draft, "out"),
                (self.receipt_draft, "in"),
            ):
                cases.append(
                    Case(
                        role,
                        Picking,
                        "write",
                        [picking.ids, {"picking_type": picking_type}],
                        expected=self._refusal(role, Picking),
                        label=f"{picking.picking_type} -> {picking_type}",
                    )
                )
            cases.append(
                Case(
                    role,
                    Picking,
                    "copy",
                    [self.delivery_draft.ids],
                    expected=self._refusal(role, Picking),
                    label="a delivery copied by hand",
                )
            )
            if role not in STOCK_ROLES:
                for picking in (self.delivery_draft, self.sale_return_draft, self.in_draft):
                    cases.append(
                        Case(
                            role,
                            Picking,
                            "action_done",
                            [picking.ids],
                            expected="AccessError",
                            label=picking.picking_type,
                        )
                    )
                cases.append(
                    Case(
                        role,
                        Picking,
                        "action_create_sale_return",
                        [self.delivery_done.ids],
                        expected="AccessError",
                    )
                )
            if role not in (*purchase_posters, "admin"):
                for method, picking in (
                    ("action_done", self.purchase_return_draft),
                    ("action_done", self.receipt_draft),
                    ("action_create_return", self.receipt_done),
                ):
                    cases.append(Case(role, Picking, method, [picking.ids], expected="AccessError"))
            stock_or_denied = self._posting(role, STOCK_ROLES)
            cases += [
                Case(role, Picking, "action_done", [self.in_done.ids], expected=stock_or_denied),
                Case(role, Picking, "action_cancel", [self.in_done.ids], expected=stock_or_denied),
                Case(
                    role,
                    Picking,
                    "action_cancel",
                    [self.delivery_draft.ids],
                    expected=stock_or_denied,
                    label="a delivery cancelled by hand",
                ),
                Case(
                    role,
                    "jxc.sale.order",
                    "action_confirm",
                    [self.sale_confirmed.ids],
                    expected=self._posting(role, ("sales_user", "sales_manager", "admin")),
                ),
                Case(
                    role,
                    "jxc.sale.order",
                    "action_cancel",
                    [self.sale_done.ids],
                    expected=self._posting(role, ("sales_user", "sales_manager", "admin")),
                ),
                Case(
                    role,
                    "jxc.purchase.order",
                    "action_approve",
                    [self.po_confirmed.ids],
                    expected=self._posting(role, ("purchase_manager", "admin")),
                ),
                Case(
                    role,
                    "jxc.purchase.order",
                    "action_cancel",
                    [self.po_received.ids],
                    expected=self._posting(role, ("purchase_user", "purchase_manager", "admin")),
                ),
                Case(
                    role,
                    "jxc.finance.payment",
                    "action_post",
                    [self.payment_posted.ids],
                    expected=self._posting(role, ("finance_user", "finance_manager", "admin")),
                ),
                Case(
                    role,
                    "jxc.stock.count",
                    "action_validate",
                    [self.count_done.ids],
                    expected=self._posting(role, ("stock_manager", "admin")),
                ),
                Case(
                    role,
                    "jxc.stock.count",
                    "action_cancel",
                    [self.count_done.ids],
                    expected=stock_or_denied,
                ),
            ]
            if role not in ("stock_manager", "admin"):
                cases += [
                    Case(
                        role, Picking, "action_reverse", [self.in_done.ids], expected="AccessError"
                    ),
                    Case(
                        role,
                        "jxc.stock.count",
                        "action_validate",
                        [self.count_progress.ids],
                        expected="AccessError",
                    ),
                ]
            if role not in STOCK_ROLES:
                # A sudo path (the integrity check writes its result as superuser).
                cases.append(
                    Case(role, "jxc.stock.integrity", "action_run", [], expected="AccessError")
                )
            if role not in ("finance_manager", "admin"):
                cases.append(
                    Case(
                        role,
                        "jxc.sale.order",
                        "action_approve_credit",
                        [self.sale_draft.ids],
                        expected="AccessError",
                    )
                )
            # A settlement may not bring its own credit (only posting sets it).
            cases.append(
                Case(
                    role,
                    "jxc.finance.payment.line",
                    "create",
                    [
                        {
                            "payment_id": self.payment_draft.id,
                            "entry_id": self.receivable.id,
                            "credit_entry_id": self.receivable.id,
                            "amount": 1,
                        }
                    ],
                    expected=self._refusal(role, "jxc.finance.payment"),
                    label="with a credit entry",
                )
            )
        return cases

    def _reservation_cases(self):
        """The reservation API: only stock staff, only for documents they may write, never
        for JXC's own documents (which reserve through their own actions); the engine is
        private."""
        Reservation = "jxc.stock.reservation"

        def request(**vals):
            return dict(
                {
                    "product_id": self.product.id,
                    "warehouse_id": self.wh.id,
                    "quantity": 1,
                    "res_model": "res.partner",
                    "res_id": self.customer.id,
                },
                **vals,
            )

        sale_line = self.sale_confirmed.line_ids[:1]
        cases = []
        for role in ALL_ROLES:
            stock = self._posting(role, STOCK_ROLES)
            if role != "admin":
                cases.append(
                    Case(
                        role,
                        Reservation,
                        "reserve",
                        [[request()]],
                        expected="AccessError",
                        label="for a partner",
                    )
                )
            cases += [
                Case(
                    role,
                    Reservation,
                    "reserve",
                    [[request(res_model="jxc.sale.order.line", res_id=sale_line.id)]],
                    expected=stock,
                    label="for another order's line",
                ),
                Case(
                    role,
                    Reservation,
                    "reserve",
                    [[request(warehouse_id=self.wh_co2.id)]],
                    expected="AccessError",
                    label="in another company's warehouse",
                ),
                Case(role, Reservation, "release", [self.reservations.ids], expected=stock),
                Case(
                    role,
                    Reservation,
                    "release",
                    [self.reservation_co2.ids],
                    expected="AccessError",
                    label="of another company",
                ),
                Case(
                    role,
                    Reservation,
                    "release_demand",
                    ["jxc.sale.order.line", sale_line.ids],
                    expected=stock,
                ),
                Case(
                    role,
                    Reservation,
                    "create",
                    [request(quantity=5)],
                    transport="jsonrpc" if role != "admin" else "call_kw",
                ),
            ]
            for method, args in (
                ("_reserve", [[request()]]),
                ("_release", [self.reservations.ids]),
                ("_release_demand", ["jxc.sale.order.line", sale_line.ids]),
                ("_consume", [self.reservations.ids, {str(self.reservations[0].id): 1}]),
            ):
                cases.append(
                    Case(
                        role,
                        Reservation,
                        method,
                        args,
                        expected="AccessError",
                        contains=("Private methods",),
                        transport="jsonrpc" if role != "admin" else "call_kw",
                    )
                )
        # Malformed requests from someone allowed to reserve: clear errors, not KeyError.
        for label, bad in (
            ("without a product", {"product_id": None}),
            ("with a text product", {"product_id": "abc"}),
            ("without a quantity", {"quantity": None}),
            ("NaN", {"quantity": float("nan")}),
            ("1e20", {"quantity": 1e20}),
            ("a text demand id", {"res_id": "1"}),
            ("an unknown model", {"res_model": "no.such.model"}),
            ("in a list", None),
        ):
            if bad is None:
                args = [request()]
            else:
                vals = request(**bad)
                if bad.get("product_id") is None and "product_id" in bad:
                    del vals["product_id"]
                args = [[vals]]
            cases.append(Case("admin", Reservation, "reserve", args, label=label))
        cases.append(Case("admin", Reservation, "reserve", [[request()]], kwargs={"mode": "maybe"}))
        return cases

    def _private_cases(self):
        """Private methods are refused by the RPC layer itself, for everybody."""
        calls = [
            ("jxc.stock.picking", "_action_done", [self.out_draft.ids]),
            ("jxc.stock.picking", "_jxc_write", [self.in_done.ids, {"state": "draft"}]),
            ("jxc.stock.picking", "_jxc_create", [{"picking_type": "sale_out"}]),
            ("jxc.stock.picking", "_action_reverse", [self.in_done.ids]),
            ("jxc.stock.move", "_post", [[{"product_id": self.product.id, "quantity": 1}]]),
            ("jxc.sale.order", "_action_confirm", [self.sale_draft.ids]),
            ("jxc.finance.entry", "_post", [[{"amount": 1}]]),
            ("jxc.finance.payment", "_allocate", [self.payment_draft.ids, 100]),
            ("jxc.report.sale.period", "_rebuild", [[]]),
            ("jxc.report.sale.period", "_jxc_apply", [[], "TRUE", {}, -1]),
        ]
        return [
            Case(
                role,
                model,
                method,
                args,
                expected="AccessError",
                contains=("Private methods",),
                transport="jsonrpc" if role not in ("admin",) and n % 2 else "call_kw",
            )
            for role in ALL_ROLES
            for n, (model, method, args) in enumerate(calls)
        ]

    def _company_cases(self):
        """The second company's records: invisible, untouchable, not a target for one's own
        documents or settings."""
        cases = []
        for role in ALL_ROLES:
            cases += [
                Case(
                    role,
                    "jxc.stock.picking",
                    "read",
                    [self.in_co2.ids, ["name"]],
                    expected="AccessError",
                ),
                Case(
                    role,
                    "jxc.stock.picking",
                    "write",
                    [self.out_co2.ids, {"note": "mine"}],
                    expected="AccessError",
                ),
                Case(
                    role,
                    "jxc.stock.picking",
                    "action_done",
                    [self.out_co2.ids],
                    expected="AccessError",
                ),
                Case(
                    role,
                    "jxc.stock.picking",
                    "search_read",
                    [[("id", "in", [self.in_co2.id, self.out_co2.id])], ["name"]],
                    expected="ok" if self._can(role, "jxc.stock.picking") else "AccessError",
                    result=[],
                ),
                Case(
                    role,
                    "jxc.stock.picking",
                    "create",
                    [
                        {
                            "picking_type": "in",
                            "warehouse_id": self.wh_co2.id,
                            "company_id": self.company2.id,
                            "line_ids": [Command.create({"product_id": self.product.id})],
                        }
                    ],
                    expected="AccessError",
                    label="in the other company",
                ),
                Case(
                    role,
                    "jxc.stock.picking",
                    "write",
                    [
                        self.in_draft.ids,
                        {"company_id": self.company2.id, "warehouse_id": self.wh_co2.id},
                    ],
                    expected="AccessError",
                    label="own draft moved to the other company",
                ),
                Case(
                    role,
                    "jxc.stock.warehouse",
                    "read",
                    [self.wh_co2.ids, ["name"]],
                    expected="AccessError",
                ),
                Case(
                    role,
                    "jxc.stock.warehouse",
                    "write",
                    [self.wh_co2.ids, {"name": "mine"}],
                    expected="AccessError",
                ),
                Case(
                    role,
                    "jxc.stock.warehouse",
                    "write",
                    [self.wh.ids, {"company_id": self.company2.id}],
                    expected=self._refusal_write(role, "jxc.stock.warehouse"),
                    label="a stocked warehouse given to the other company",
                ),
                Case(
                    role,
                    "jxc.sale.order",
                    "action_cancel",
                    [self.sale_co2.ids],
                    expected="AccessError",
                ),
                Case(
                    role,
                    "jxc.finance.payment",
                    "action_post",
                    [self.payment_co2.ids],
                    "AccessError",
                ),
                Case(
                    role,
                    "jxc.finance.payment",
                    "write",
                    [self.payment_co2.ids, {"memo": "mine"}],
                    expected="AccessError",
                ),
            ]
        # SQL / sudo paths of wizards, for another company.
        today = fields.Date.to_string(fields.Date.today())
        cases += [
            Case(
                "finance_manager",
                "jxc.finance.lock.date",
                "action_apply",
                [],
                expected="AccessError",
                prepare=self._wizard({"company_id": self.company2.id, "lock_date": today}),
                label="of the other company",
            ),
            Case(
                "finance_user",
                "jxc.finance.statement",
                "action_compute",
                [],
                expected="AccessError",
                prepare=self._wizard(
                    {"company_id": self.company2.id, "partner_id": self.customer.id}
                ),
                label="of the other company",
            ),
            Case(
                "finance_user",
                "jxc.finance.aging",
                "action_compute",
                [],
                expected="AccessError",
                prepare=self._wizard({"company_id": self.company2.id}),
                label="of the other company",
            ),
            Case(
                "reports_user",
                "jxc.report.stock.summary.wizard",
                "action_compute",
                [],
                expected="AccessError",
                prepare=self._wizard({"company_id": self.company2.id}),
                label="of the other company",
            ),
        ]
        return cases

    def _refusal_write(self, role, model):
        return "UserError" if self._can(role, model, "write") else "AccessError"

    @staticmethod
    def _wizard(vals):
        """A ``prepare`` that creates the case's wizard as its role, over JSON-RPC."""

        def prepare(test, case):
            name, result = test._rpc(case.role, case.model, "create", [vals])
            test.assertEqual(name, "ok", result)
            return result

        return prepare

    def _number_cases(self):
        """NaN, infinity, text and out-of-range numbers in every kind of number a document
        or a setting takes: a translated error naming the document and the value."""
        targets = [
            ("stock_user", self.out_draft.line_ids[:1], "quantity", self.out_draft.name),
            ("stock_user", self.out_draft.line_ids[:1], "quantity_done", self.out_draft.name),
            ("stock_user", self.in_draft.line_ids[:1], "unit_cost", self.in_draft.name),
            ("purchase_user", self.in_draft.line_ids[:1], "unit_cost", self.in_draft.name),
            (
                "purchase_user",
                self.receipt_draft.line_ids[:1],
                "quantity_rejected",
                self.receipt_draft.name,
            ),
            ("purchase_user", self.po_draft.line_ids[:1], "quantity", self.po_draft.name),
            ("purchase_user", self.po_draft.line_ids[:1], "price_unit", self.po_draft.name),
            ("purchase_manager", self.po_draft.line_ids[:1], "tax_rate", self.po_draft.name),
            ("sales_user", self.sale_draft.line_ids[:1], "quantity", self.sale_draft.name),
            ("sales_user", self.sale_draft.line_ids[:1], "price_unit", self.sale_draft.name),
            ("sales_manager", self.sale_draft.line_ids[:1], "discount", self.sale_draft.name),
            ("sales_user", self.sale_draft, "payment_term_days", self.sale_draft.name),
            ("finance_user", self.payment_draft, "amount", self.payment_draft.name),
            (
                "stock_user",
                self.count_progress.line_ids[:1],
                "counted_quantity",
                self.count_progress.name,
            ),
            ("stock_manager", self.rule, "min_quantity", self.product2.name),
            ("stock_manager", self.rule, "lead_days", self.product2.name),
            ("finance_user", self.customer, "jxc_credit_limit", self.customer.name),
            ("finance_manager", self.customer, "jxc_credit_days", self.customer.name),
            ("admin", self.out_draft.line_ids[:1], "quantity", self.out_draft.name),
            ("admin", self.payment_draft, "amount", self.payment_draft.name),
        ]
        cases = []
        for n, (role, record, field_name, doc) in enumerate(targets):
            for value, shown in BAD_NUMBERS:
                cases.append(
                    Case(
                        role,
                        record._name,
                        "write",
                        [record.ids, {field_name: value}],
                        expected="UserError",
                        contains=(doc, shown),
                        transport="jsonrpc" if role != "admin" and n % 3 == 0 else "call_kw",
                        label=f"{field_name}={value!r}",
                    )
                )
        creates = [
            (
                "stock_user",
                "jxc.stock.picking",
                {
                    "picking_type": "in",
                    "warehouse_id": self.wh.id,
                    "line_ids": [
                        Command.create({"product_id": self.product.id, "quantity": "VALUE"})
                    ],
                },
            ),
            (
                "sales_user",
                "jxc.sale.order",
                {
                    "partner_id": self.customer.id,
                    "warehouse_id": self.wh.id,
                    "line_ids": [
                        Command.create(
                            {"product_id": self.product.id, "quantity": 1, "price_unit": "VALUE"}
                        )
                    ],
                },
            ),
            (
                "finance_user",
                "jxc.finance.payment",
                {"partner_id": self.customer.id, "account_id": self.bank.id, "amount": "VALUE"},
            ),
            (
                "stock_user",
                "jxc.stock.count.line",
                {
                    "count_id": self.count_progress.id,
                    "product_id": self.product2.id,
                    "counted_quantity": "VALUE",
                },
            ),
            ("reports_user", "jxc.report.stock.analysis.wizard", {"slow_days": "VALUE"}),
            ("reports_user", "jxc.report.stock.analysis.wizard", {"abc_a": "VALUE"}),
        ]
        for role, model, vals in creates:
            for value, shown in BAD_NUMBERS:
                cases.append(
                    Case(
                        role,
                        model,
                        "create",
                        [self._replace(vals, value)],
                        contains=(shown,),
                        label=f"created with {value!r}",
                    )
                )
        cases.append(
            Case(
                "admin",
                "jxc.stock.reservation",
                "reserve",
                [
                    [
                        {
                            "product_id": self.product.id,
                            "warehouse_id": self.wh.id,
                            "quantity": 1e20,
                            "res_model": "res.partner",
                            "res_id": self.customer.id,
                            "name": "RPC demand",
                        }
                    ]
                ],
                contains=("RPC demand", "1e+20"),
            )
        )
        return cases

    @classmethod
    def _replace(cls, data, value):
        """``data`` with every "VALUE" replaced by ``value`` (in nested commands too)."""
        if data == "VALUE":
            return value
        if isinstance(data, dict):
            return {k: cls._replace(v, value) for k, v in data.items()}
        if isinstance(data, list | tuple):
            return type(data)(cls._replace(v, value) for v in data)
        return data

    def _token_cases(self):
        """Forged internal tokens bypass nothing."""
        attacks = [
            ("jxc.stock.picking", "write", [self.in_done.ids, {"state": "draft"}], True),
            (
                "jxc.stock.picking",
                "create",
                [
                    {
                        "picking_type": "sale_out",
                        "warehouse_id": self.wh.id,
                        "sale_id": self.sale_confirmed.id,
                    }
                ],
                False,
            ),
            ("jxc.stock.picking", "unlink", [self.delivery_done.ids], True),
            ("jxc.stock.move", "write", [self.in_done.move_ids[:1].ids, {"quantity": 1}], False),
            (
                "jxc.finance.entry",
                "write",
                [self.receivable.ids, {"amount": 0}],
                False,
            ),
            ("jxc.stock.reservation", "write", [self.reservations.ids, {"quantity": 0}], False),
        ]
        cases = []
        for role in ALL_ROLES:
            for n, context in enumerate(FORGED_CONTEXTS):
                for model, method, args, reads in attacks:
                    if method == "unlink":
                        # Access rights are checked before the documents' delete guards.
                        expected = (
                            "UserError" if self._can(role, model, "unlink") else "AccessError"
                        )
                    else:
                        expected = self._refusal(role, model) if reads else "UserError"
                    cases.append(
                        Case(
                            role,
                            model,
                            method,
                            args,
                            expected=expected,
                            kwargs={"context": context},
                            transport="jsonrpc" if role != "admin" and n else "call_kw",
                            label=f"with {context}",
                        )
                    )
        return cases

    def _golive_cases(self):
        """启用建账 of a company that went live (the demo's): no role reopens it, adds or
        reverses opening documents, imports files or types an opening balance; nobody
        starts another company's go-live."""
        golive = self.env.ref("jxc_stock.golive_main")
        opening_stock = self.env.ref("jxc_stock.picking_in_opening")
        opening_money = self.env.ref("jxc_finance.opening_receivable")
        line = {"product_id": self.product.id, "quantity": 5, "unit_cost": 1}
        cases = []
        for n, role in enumerate(ALL_ROLES):
            transport = "jsonrpc" if role != "admin" and n % 2 else "call_kw"
            cases += [
                Case(
                    role,
                    "jxc.golive",
                    "write",
                    [golive.ids, {"state": "draft"}],
                    expected=self._refusal(role, "jxc.golive"),
                    transport=transport,
                ),
                Case(
                    role,
                    "jxc.golive",
                    "write",
                    [golive.ids, {"cutover_date": "2020-01-01"}],
                    expected=self._refusal(role, "jxc.golive"),
                    transport=transport,
                ),
                Case(
                    role,
                    "jxc.golive",
                    "action_finish",
                    [golive.ids],
                    expected="UserError" if role == "admin" else "AccessError",
                ),
                Case(
                    role,
                    "jxc.golive",
                    "unlink",
                    [golive.ids],
                    expected="AccessError"
                    if not self._can(role, "jxc.golive", "unlink")
                    else "UserError",
                ),
                Case(
                    role,
                    "jxc.stock.picking",
                    "create",
                    [
                        {
                            "picking_type": "opening",
                            "warehouse_id": self.wh.id,
                            "line_ids": [[0, 0, line]],
                        }
                    ],
                    expected="UserError" if role in ("stock_manager", "admin") else "AccessError",
                ),
                Case(
                    role,
                    "jxc.stock.picking",
                    "action_reverse",
                    [opening_stock.ids],
                    expected="AccessError"
                    if role not in ("stock_manager", "admin")
                    else "UserError",
                ),
                Case(
                    role,
                    "jxc.finance.opening",
                    "create",
                    [
                        {
                            "opening_type": "cash",
                            "line_ids": [
                                [0, 0, {"account_id": self.bank.id, "amount_currency": 9}]
                            ],
                        }
                    ],
                    expected="UserError" if role in ("finance_manager", "admin") else "AccessError",
                ),
                Case(
                    role,
                    "jxc.finance.opening",
                    "action_reverse",
                    [opening_money.ids],
                    expected="UserError" if role in ("finance_manager", "admin") else "AccessError",
                ),
                Case(
                    role,
                    "jxc.finance.account",
                    "write",
                    [self.bank.ids, {"opening_balance": 1e6}],
                    transport=transport,
                ),
                Case(
                    role,
                    "jxc.finance.account",
                    "write",
                    [self.bank.ids, {"opening_balance": 1e6}],
                    kwargs={"context": FORGED_CONTEXTS[0]},
                    label="forged token",
                ),
                Case(
                    role,
                    "jxc.finance.account",
                    "create",
                    [{"name": "RPC Till", "opening_balance": 500}],
                    transport=transport,
                ),
                Case(
                    role,
                    "jxc.golive",
                    "create",
                    [{"company_id": self.company2.id}],
                    expected="AccessError",
                    label="of the other company",
                ),
            ]
            if role in ("stock_manager", "admin"):
                cases.append(
                    Case(
                        role,
                        "jxc.golive.stock.import",
                        "action_import",
                        [],
                        contains=("frozen",),
                        prepare=self._wizard({"golive_id": golive.id}),
                    )
                )
            if role in ("finance_manager", "admin"):
                cases.append(
                    Case(
                        role,
                        "jxc.finance.opening.import",
                        "action_import",
                        [],
                        contains=("frozen",),
                        prepare=self._wizard({"opening_type": "receivable"}),
                    )
                )
        cases += [
            Case(
                "finance_manager",
                "jxc.finance.opening.import",
                "action_import",
                [],
                expected="AccessError",
                label="of the other company",
                prepare=self._wizard({"company_id": self.company2.id}),
            ),
            Case(
                "stock_user",
                "jxc.golive.stock.import",
                "create",
                [{"golive_id": golive.id}],
                expected="AccessError",
            ),
            Case(
                "finance_user",
                "jxc.finance.opening.import",
                "create",
                [{"opening_type": "cash"}],
                expected="AccessError",
            ),
            Case(
                "admin",
                "jxc.golive",
                "_action_finish",
                [golive.ids],
                expected="AccessError",
                contains=("Private methods",),
            ),
            Case(
                "admin",
                "jxc.finance.opening",
                "_add_to_accounts",
                [opening_money.ids, 1],
                expected="AccessError",
                contains=("Private methods",),
            ),
            Case(
                "admin",
                "jxc.golive.stock.import",
                "_import_rows",
                [[], [], "x"],
                expected="AccessError",
                contains=("Private methods",),
            ),
        ]
        return cases

    # ------------------------------------------------------------------
    # Tests
    # ------------------------------------------------------------------
    def _scan_cases(self):
        """扫码开单: who may not change a document cannot scan into it; done documents,
        unknown codes and bad input are refused; nothing is written."""
        # Open documents get a code nobody has (refused after the rights, before any line),
        # closed ones a known code.
        documents = [
            ("jxc.stock.picking", self.receipt_draft, "RPC-NO-SUCH-CODE"),
            ("jxc.stock.picking", self.in_draft, "RPC-NO-SUCH-CODE"),
            ("jxc.stock.picking", self.in_done, "RPC-W"),
            ("jxc.stock.picking", self.receipt_done, "RPC-W"),
            ("jxc.stock.count", self.count_done, "RPC-W"),
            ("jxc.sale.order", self.sale_draft, "RPC-NO-SUCH-CODE"),
            ("jxc.sale.order", self.sale_confirmed, "RPC-W"),
            ("jxc.purchase.order", self.po_draft, "RPC-NO-SUCH-CODE"),
            ("jxc.purchase.order", self.po_confirmed, "RPC-W"),
        ]
        cases = []
        for role in ALL_ROLES:
            for model, document, code in documents:
                writer = self._can(role, model, "write")
                cases.append(
                    Case(
                        role,
                        model,
                        "action_jxc_scan",
                        [document.ids, code],
                        expected="UserError" if writer else "AccessError",
                        label=f"{document.display_name} {code}",
                    )
                )
            cases += [
                Case(
                    role,
                    "jxc.stock.picking",
                    "action_jxc_scan",
                    [self.out_co2.ids, "RPC-W"],
                    expected="AccessError",
                    label="other company",
                ),
                Case(
                    role,
                    "jxc.stock.count",
                    "action_jxc_scan",
                    [self.count_progress.ids, "RPC-M"],
                    expected="UserError"
                    if self._can(role, "jxc.stock.count", "write")
                    else "AccessError",
                    label="tracked product without its lot",
                ),
            ]
            if self._can(role, "jxc.stock.picking", "write"):
                cases += [
                    Case(
                        role,
                        "jxc.stock.picking",
                        "action_jxc_scan",
                        [self.in_draft.ids, bad],
                        label=f"bad input {bad!r:.20}",
                    )
                    for bad in ("", None, 7, {"code": "RPC-W"}, "9" * 1000, "RPC\x00W")
                ]
                cases.append(
                    Case(
                        role,
                        "jxc.stock.picking",
                        "action_jxc_scan",
                        [(self.in_draft | self.out_draft).ids, "RPC-W"],
                        label="two documents",
                    )
                )
        return cases

    @classmethod
    def _setup_money_documents(cls):
        """#14's documents, posted and draft: slips, a transfer, invoices, a cost adjustment
        and a landed cost."""
        cls.cash = cls.env["jxc.finance.account"].create(
            {"name": "RPC Cash", "account_type": "cash"}
        )
        category = cls.env.ref("jxc_finance.category_rent")
        Slip = cls.env["jxc.finance.slip"]
        slip_vals = {
            "slip_type": "expense",
            "account_id": cls.bank.id,
            "line_ids": [Command.create({"category_id": category.id, "amount": 12.5})],
        }
        cls.slip_posted = Slip.create(slip_vals)
        cls.slip_posted.action_post()
        cls.slip_draft = Slip.create(slip_vals)
        cls.transfer_posted = cls.env["jxc.finance.transfer"].create(
            {"account_from_id": cls.bank.id, "account_to_id": cls.cash.id, "amount": 5.0}
        )
        cls.transfer_posted.action_post()
        Invoice = cls.env["jxc.finance.invoice"]
        cls.invoice_posted = Invoice.create(
            {
                "direction": "sale",
                "partner_id": cls.customer.id,
                "invoice_number": "RPC00000001",
                "line_ids": [
                    Command.create({"sale_line_id": cls.sale_done.line_ids[0].id, "quantity": 1})
                ],
            }
        )
        cls.invoice_posted.action_post()
        cls.invoice_draft = Invoice.create(
            {
                "direction": "sale",
                "partner_id": cls.customer.id,
                "invoice_number": "RPC00000002",
                "line_ids": [
                    Command.create({"sale_line_id": cls.sale_done.line_ids[0].id, "quantity": 999})
                ],
            }
        )
        cls.adjustment_draft = cls.env["jxc.stock.cost.adjustment"].create(
            {
                "warehouse_id": cls.wh.id,
                "reason": "RPC",
                "line_ids": [Command.create({"product_id": cls.product2.id, "value_change": -1e6})],
            }
        )
        cls.landed_draft = cls.env["jxc.purchase.landed.cost"].create(
            {
                "picking_ids": [Command.set(cls.receipt_done.ids)],
                "split_method": "quantity",
                "cost_line_ids": [
                    Command.create(
                        {"cost_type": "freight", "partner_id": cls.supplier.id, "amount": 9}
                    )
                ],
            }
        )

    def _readable(self, role, record):
        """Whether ``role`` may read ``record`` (access rights and record rules)."""
        try:
            record.with_user(self.users[role]).check_access("read")
        except AccessError:
            return False
        return True

    def _money_cases(self):
        """#14: state, posted documents, rights of each action, bad numbers and the checks
        of the money and cost documents, as every role."""
        finance = ("finance_user", "finance_manager", "admin")
        cases = []
        for role in ALL_ROLES:
            for model, record in (
                ("jxc.finance.slip", self.slip_posted),
                ("jxc.finance.transfer", self.transfer_posted),
                ("jxc.finance.invoice", self.invoice_posted),
            ):
                refusal = self._refusal_write(role, model)
                cases += [
                    Case(
                        role,
                        model,
                        "write",
                        [record.ids, {"state": "draft"}],
                        # Readers meet the document's own guard first, others access rights.
                        expected="UserError" if self._readable(role, record) else "AccessError",
                        label="state",
                    ),
                    Case(role, model, "unlink", [record.ids], expected=refusal, label="posted"),
                    Case(
                        role,
                        model,
                        "action_post",
                        [record.ids],
                        expected=self._posting(role, finance),
                        label="posted again",
                    ),
                ]
            # Reversing is finance managers' (and refused as a reversal of a draft).
            cases.append(
                Case(
                    role,
                    "jxc.finance.slip",
                    "action_reverse",
                    [self.slip_draft.ids],
                    expected=self._posting(role, ("finance_manager", "admin")),
                    label="draft",
                )
            )
            cases.append(
                Case(
                    role,
                    "jxc.finance.invoice",
                    "action_post",
                    [self.invoice_draft.ids],
                    expected=self._posting(role, finance),
                    label="more than delivered",
                )
            )
            cases.append(
                Case(
                    role,
                    "jxc.finance.transfer",
                    "create",
                    [
                        {
                            "account_from_id": self.bank.id,
                            "account_to_id": self.bank.id,
                            "amount": 1.0,
                        }
                    ],
                    expected=self._posting(role, finance, then="ValidationError")
                    if self._can(role, "jxc.finance.transfer", "create")
                    else "AccessError",
                    label="same account",
                )
            )
            for bad in (float("nan"), "12", 1e300, -5.0):
                cases.append(
                    Case(
                        role,
                        "jxc.finance.slip",
                        "write",
                        [
                            self.slip_draft.ids,
                            {
                                "line_ids": [
                                    Command.create(
                                        {
                                            "category_id": self.slip_draft.line_ids.category_id.id,
                                            "amount": bad,
                                        }
                                    )
                                ]
                            },
                        ],
                        expected=self._refusal_write(role, "jxc.finance.slip")
                        if bad != -5.0 or not self._can(role, "jxc.finance.slip", "write")
                        else "ValidationError",
                        label=f"amount {bad!r}",
                    )
                )
            cases.append(
                Case(
                    role,
                    "jxc.stock.cost.adjustment",
                    "action_post",
                    [self.adjustment_draft.ids],
                    expected=self._posting(role, ("stock_manager", "admin")),
                    label="below zero value",
                )
            )
            cases.append(
                Case(
                    role,
                    "jxc.purchase.landed.cost",
                    "write",
                    [self.landed_draft.ids, {"picking_ids": [Command.set(self.in_co2.ids)]}],
                    expected="AccessError"
                    if role != "admin" and not self._can(role, "jxc.purchase.landed.cost", "write")
                    else "UserError",
                    label="receipt of another company",
                )
            )
        return cases

    def _batch_print_cases(self):
        """#15: the batch actions, 一键入库 / 出库, 载入未核销单据 and the prints' helpers, on
        other companies' documents, as roles that may not run them, and privately."""
        cases = []
        private = [
            ("jxc.stock.picking", "_jxc_batch", [self.out_draft.ids, "action_done", (), "x"]),
            ("jxc.stock.picking", "_jxc_batch_check_rights", [self.out_draft.ids]),
            ("jxc.sale.order", "_jxc_sequence_code_for", [[], {}]),
            ("jxc.finance.payment", "_jxc_batch_notification", [[], "x", [], [], []]),
            (
                "ir.actions.report",
                "_render_qweb_pdf",
                [[], "jxc_stock.report_jxc_stock_picking", self.in_co2.ids],
            ),
            ("ir.actions.report", "_jxc_company_paperformat", [[]]),
        ]
        other_company = [
            ("jxc.stock.picking", "action_batch_done", self.out_co2.ids),
            ("jxc.sale.order", "action_batch_confirm", self.sale_co2.ids),
            ("jxc.sale.order", "action_post_open_pickings", self.sale_co2.ids),
            ("jxc.finance.payment", "action_batch_post", self.payment_co2.ids),
            ("jxc.finance.payment", "action_load_open_entries", self.payment_co2.ids),
        ]
        for role in ALL_ROLES:
            cases += [
                Case(role, model, method, args, "AccessError", contains=("Private methods",))
                for model, method, args in private
            ]
            cases += [
                Case(role, model, method, [ids], "AccessError", label="other company")
                for model, method, ids in other_company
            ]
            if role not in STOCK_ROLES:
                cases.append(
                    Case(role, "jxc.stock.picking", "action_batch_done", [self.out_draft.ids],
                         "AccessError")
                )  # fmt: skip
                # 一键出库 posts the delivery: who may not post it is refused, nothing shipped.
                cases.append(
                    Case(role, "jxc.sale.order", "action_post_open_pickings",
                         [self.sale_confirmed.ids], "AccessError")
                )  # fmt: skip
            if role not in ("stock_manager", "admin"):
                cases.append(
                    Case(role, "jxc.stock.count", "action_batch_validate",
                         [self.count_progress.ids], "AccessError")
                )  # fmt: skip
            if role not in ("finance_user", "finance_manager", "admin"):
                cases += [
                    Case(role, "jxc.finance.payment", method, [self.payment_draft.ids],
                         "AccessError")
                    for method in ("action_batch_post", "action_load_open_entries")
                ]  # fmt: skip
            if not self._can(role, "jxc.purchase.order", "write"):
                cases.append(
                    Case(role, "jxc.purchase.order", "action_batch_confirm",
                         [self.po_draft.ids], "AccessError")
                )  # fmt: skip
        return cases

    def _numbering_cases(self):
        """A document's number comes from its sequence: nobody, administrators included, gives
        a new document a number of their choosing (another document's, say) or renumbers one."""
        forged = self.sale_done.name
        creates = {
            "sales_user": (
                "jxc.sale.order",
                {"partner_id": self.customer.id, "warehouse_id": self.wh.id, "name": forged},
            ),
            "purchase_user": (
                "jxc.purchase.order",
                {"partner_id": self.supplier.id, "warehouse_id": self.wh.id, "name": forged},
            ),
            "stock_user": (
                "jxc.stock.picking",
                {"picking_type": "in", "warehouse_id": self.wh.id, "name": self.in_done.name},
            ),
            "finance_user": (
                "jxc.finance.payment",
                {
                    "partner_id": self.customer.id,
                    "account_id": self.bank.id,
                    "amount": 1,
                    "name": self.payment_posted.name,
                },
            ),
        }
        writes = {
            "sales_user": ("jxc.sale.order", self.sale_draft),
            "purchase_user": ("jxc.purchase.order", self.po_draft),
            "stock_user": ("jxc.stock.picking", self.in_draft),
            "finance_user": ("jxc.finance.payment", self.payment_draft),
        }
        cases = []
        for role in (*creates, "admin"):
            for model, vals in [creates[role]] if role != "admin" else creates.values():
                cases.append(Case(role, model, "create", [vals], contains=("Number",)))
            for model, record in [writes[role]] if role != "admin" else writes.values():
                cases.append(
                    Case(role, model, "write", [record.ids, {"name": forged}], contains=("Number",))
                )
        return cases

    def test_batch_actions_and_prints(self):
        self._run_cases(self._batch_print_cases(), 100)

    def test_numbers_come_from_the_sequence(self):
        self._run_cases(self._numbering_cases(), 10)

    def test_print_settings_are_administrators(self):
        """Which paper a report prints on (the report's company field, the company's paper)
        is the administrators' setting: no JXC role writes it over JSON-RPC."""
        report = self.env.ref("jxc_stock.jxc_stock_picking_report_action")
        triplicate = self.env.ref("jxc_stock.paperformat_jxc_triplicate")
        for role in ROLES:
            with self.subTest(role=role):
                calls = [
                    ("ir.actions.report", "write",
                     [report.ids, {"jxc_paperformat_field": "jxc_paperformat_order_id"}]),
                    ("res.company", "write",
                     [self.company.ids, {"jxc_paperformat_stock_id": triplicate.id}]),
                    ("res.config.settings", "create",
                     [{"jxc_paperformat_stock_id": triplicate.id}]),
                ]  # fmt: skip
                for model, method, args in calls:
                    self.assertEqual(self._rpc(role, model, method, args)[0], "AccessError")
                self.assertEqual(report.jxc_paperformat_field, "jxc_paperformat_stock_id")
                self.assertFalse(self.company.jxc_paperformat_stock_id)

    def _print(self, role, ids):
        self.opener.cookies.clear()
        return self.url_open(
            f"/report/pdf/jxc_stock.report_jxc_stock_picking/{ids}",
            headers={"Cookie": f"session_id={self.sessions[role]}"},
            timeout=120,
        )

    def test_print_route_other_company(self):
        """/report/pdf of another company's document (what the Print menu calls) is refused
        and shows nothing of it, alone or among one's own; one's own prints."""
        own = self._print("stock_user", self.in_done.id)
        self.assertEqual(own.status_code, 200)
        self.assertEqual(own.headers["Content-Type"], "application/pdf")
        for ids in (self.in_co2.id, f"{self.in_done.id},{self.in_co2.id}"):
            other = self._print("stock_user", ids)
            self.assertNotEqual(other.status_code, 200)
            self.assertNotIn("application/pdf", other.headers.get("Content-Type", ""))

    def test_delivery_note_prices_over_the_html_route(self):
        """The delivery note through /report/html (the same rendering as the PDF, readable):
        the worth of the goods and its 人民币大写 for who may read the sale order, not for a
        stock user; another company's delivery is refused."""
        url = "/report/html/jxc_sales.report_jxc_delivery_note/%s"
        # The delivery is the whole order, still to ship.
        words = amount_to_chinese(self.sale_confirmed.amount_total)

        def html(role, ids):
            self.opener.cookies.clear()
            headers = {"Cookie": f"session_id={self.sessions[role]}"}
            return self.url_open(url % ids, headers=headers, timeout=60)

        self.assertFalse(self.sale_confirmed.with_user(self.users["stock_user"]).has_access("read"))
        for role, priced in (("stock_user", False), ("sales_user", True)):
            with self.subTest(role=role):
                page = html(role, self.delivery_draft.id)
                self.assertEqual(page.status_code, 200)
                self.assertIn(self.delivery_draft.name, page.text)
                self.assertEqual(words in page.text, priced)
                self.assertEqual("Amount (Tax Incl.)" in page.text, priced)
        refused = html("stock_user", self.out_co2.id)
        self.assertNotEqual(refused.status_code, 200)
        self.assertNotIn(self.out_co2.name, refused.text)

    def test_other_warehouses_neither_printed_nor_batch_posted(self):
        """A clerk limited to chosen warehouses neither prints nor batch-validates another
        warehouse's documents over JSON-RPC: the whole batch is refused, nothing posted."""
        clerk = new_test_user(
            self.env,
            login="rpc_clerk",
            password="rpc_clerk",
            groups="base.group_user,jxc_stock.group_jxc_stock_user,"
            "jxc_stock.group_jxc_stock_chosen_warehouses",
            company_id=self.company.id,
        )
        clerk.jxc_warehouse_ids = self.wh2
        self.authenticate("rpc_clerk", "rpc_clerk")
        self.sessions["clerk"] = self.session.sid
        self.session = None
        printed = self._print("clerk", self.in_done.id)
        self.assertNotEqual(printed.status_code, 200)
        self.assertNotIn(self.in_done.name, printed.text)
        baseline = self._snapshot()
        for method in ("action_batch_done", "action_done"):
            name, _message = self._rpc("clerk", "jxc.stock.picking", method, [self.out_draft.ids])
            self.assertEqual(name, "AccessError")
        self.assertEqual(self._snapshot(), baseline)
        self.assertEqual(self.out_draft.state, "draft")

    def test_own_orders_only_in_batches_and_prints(self):
        """A salesperson limited to their own orders selects a colleague's among theirs: the
        batch confirm is refused whole (their own stays a draft too), and the colleague's order
        does not print, alone or among theirs."""
        own = new_test_user(
            self.env,
            login="rpc_sales_own",
            password="rpc_sales_own",
            groups="base.group_user,jxc_sales.group_jxc_sales_user_own",
            company_id=self.company.id,
        )
        self.authenticate("rpc_sales_own", "rpc_sales_own")
        self.sessions["sales_own"] = self.session.sid
        self.session = None
        mine = self._sale(1, confirm=False, user_id=own.id)
        theirs = self._sale(1, confirm=False, user_id=self.users["sales_user"].id)
        self.env.flush_all()
        baseline = self._snapshot()
        name, message = self._rpc(
            "sales_own", "jxc.sale.order", "action_batch_confirm", [(mine | theirs).ids]
        )
        self.assertEqual(name, "AccessError", message)
        self.assertEqual(self._snapshot(), baseline)
        self.assertEqual((mine | theirs).mapped("state"), ["draft", "draft"])
        self.opener.cookies.clear()
        headers = {"Cookie": f"session_id={self.sessions['sales_own']}"}
        url = "/report/pdf/jxc_sales.report_jxc_sale_order/%s"
        printed = self.url_open(url % mine.id, headers=headers, timeout=120)
        self.assertEqual(printed.headers["Content-Type"], "application/pdf")
        for ids in (theirs.id, f"{mine.id},{theirs.id}"):
            refused = self.url_open(url % ids, headers=headers, timeout=120)
            self.assertNotEqual(refused.status_code, 200)
            self.assertNotIn(theirs.name, refused.text)

    def test_money_documents(self):
        self._run_cases(self._money_cases(), 100)

    def test_scan_refusals(self):
        self._run_cases(self._scan_cases(), 100)

    def test_scan_writes_as_the_user(self):
        self.assertEqual(
            self._rpc("sales_user", "jxc.stock.picking", "action_jxc_scan", [
                self.receipt_draft.ids, "RPC-W"
            ])[0],
            "AccessError",
        )  # fmt: skip
        name, result = self._rpc(
            "stock_user", "jxc.stock.picking", "action_jxc_scan", [self.receipt_draft.ids, "RPC-W"]
        )
        self.assertEqual(name, "ok", result)
        self.assertIn("RPC Water", result["message"])
        line = self.receipt_draft.line_ids
        self.assertEqual((line.quantity_done, line.write_uid), (1, self.users["stock_user"]))

    def test_golive(self):
        self._run_cases(self._golive_cases(), 100)

    def test_states_move_only_through_the_documents(self):
        self._run_cases(self._state_cases(), 100)

    def test_posted_documents_stay_as_posted(self):
        self._run_cases(self._posted_cases(), 100)

    def test_master_data_and_lines_keep_the_ledger(self):
        self._run_cases(self._master_data_cases(), 90)

    def test_actions_check_who_calls(self):
        self._run_cases(self._action_cases(), 100)

    def test_reservation_engine_and_private_methods(self):
        self._run_cases(self._reservation_cases() + self._private_cases(), 100)

    def test_other_companies(self):
        self._run_cases(self._company_cases(), 100)

    def test_numbers(self):
        self._run_cases(self._number_cases(), 100)

    def test_forged_tokens(self):
        self._run_cases(self._token_cases(), 100)

    def test_errors_are_translated(self):
        """The same refusals in Chinese, the users' language."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["jxc_stock", "jxc_purchase", "jxc_sales", "jxc_finance"], ["zh_CN"]
        )
        chinese = {"context": {"lang": "zh_CN"}}
        cases = [
            Case(
                role,
                record._name,
                "write",
                [record.ids, {name: value}],
                kwargs=chinese,
                contains=(doc, shown),
            )
            for role, record, name, doc in (
                ("stock_user", self.out_draft.line_ids[:1], "quantity", self.out_draft.name),
                ("sales_user", self.sale_draft.line_ids[:1], "discount", self.sale_draft.name),
                ("finance_user", self.payment_draft, "amount", self.payment_draft.name),
            )
            for value, shown in BAD_NUMBERS
        ] + [
            Case(
                role,
                "jxc.stock.picking",
                "write",
                [self.in_done.ids, {"state": "draft"}],
                kwargs=chinese,
            )
            for role in STOCK_ROLES
        ]
        for case, message in self._run_cases(cases, 20):
            # Field labels are translated even when the sentence is not: look for English
            # words of the sentence itself (document names and values are capitalised or
            # quoted).
            self.assertTrue(re.search("[\u4e00-\u9fff]", message), f"{case}: {message}")
            self.assertNotRegex(message, r"\b[a-z]{2,} [a-z]{2,}\b", f"{case}: not translated")

    def test_calls_reach_the_server_and_writes_show(self):
        """The harness itself: both transports reach the server as the role, and a write
        the role may make shows in the snapshot (so "nothing written" means something)."""
        expected = ("ok", [{"id": self.in_done.id, "state": "done"}])
        for transport in ("call_kw", "jsonrpc"):
            self.assertEqual(
                self._rpc(
                    "stock_user",
                    "jxc.stock.picking",
                    "read",
                    [self.in_done.ids, ["state"]],
                    transport=transport,
                ),
                expected,
            )
        before = self._snapshot()
        self.assertEqual(
            self._rpc(
                "stock_user", "jxc.stock.picking", "write", [self.in_done.ids, {"note": "x"}]
            ),
            ("ok", True),
        )
        self.assertNotEqual(self._snapshot(), before)
        self.assertEqual(self.in_done.write_uid, self.users["stock_user"])

    def test_cases_per_role(self):
        """Every role meets the attacks (the report of this suite counts them)."""
        cases = (
            self._state_cases()
            + self._posted_cases()
            + self._master_data_cases()
            + self._action_cases()
            + self._reservation_cases()
            + self._private_cases()
            + self._company_cases()
            + self._number_cases()
            + self._token_cases()
        )
        per_role = {role: sum(1 for c in cases if c.role == role) for role in ALL_ROLES}
        for role, count in per_role.items():
            self.assertGreater(count, 60, role)
