# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import contextlib
import unittest

from lxml import etree

import odoo
from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import HttpCase, TransactionCase, new_test_user
from odoo.tests.common import BaseCase, get_db_name


class JxcStockCommon(TransactionCase):
    """Warehouses, products (plain, lot with expiry, serial) and users for jxc_stock tests.

    Downstream addons (purchase, sales, finance) build their test data on this class. Their
    users have no e-mail address, as many staff of small companies: every flow works without.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.company.jxc_allow_negative_stock = False
        cls.currency = cls.company.currency_id
        cls.uom_unit = cls.env.ref("uom.product_uom_unit")
        cls.uom_dozen = cls.env.ref("uom.product_uom_dozen")
        cls.uom_kg = cls.env.ref("uom.product_uom_kgm")
        cls.wh1 = cls.env["jxc.stock.warehouse"].create({"name": "Test Main", "code": "TWH1"})
        cls.wh2 = cls.env["jxc.stock.warehouse"].create({"name": "Test Store", "code": "TWH2"})
        Product = cls.env["product.product"]
        cls.product = Product.create(
            {
                "name": "Test Water",
                "type": "consu",
                "uom_id": cls.uom_unit.id,
                "uom_po_id": cls.uom_unit.id,
                "default_code": "T-WATER",
                "barcode": "690000001",
            }
        )
        cls.product2 = Product.create(
            {
                "name": "Test Tissue",
                "type": "consu",
                "uom_id": cls.uom_unit.id,
                "uom_po_id": cls.uom_unit.id,
                "default_code": "T-TISSUE",
            }
        )
        cls.product_lot = Product.create(
            {
                "name": "Test Milk",
                "type": "consu",
                "tracking": "lot",
                "use_expiration_date": True,
                "expiration_time": 30,
                "default_code": "T-MILK",
            }
        )
        cls.product_serial = Product.create(
            {"name": "Test Scale", "type": "consu", "tracking": "serial", "default_code": "T-SCALE"}
        )
        cls.stock_user = new_test_user(
            cls.env,
            email=False,
            login="jxc_stock_user",
            groups="base.group_user,jxc_stock.group_jxc_stock_user",
        )
        cls.stock_manager = new_test_user(
            cls.env,
            email=False,
            login="jxc_stock_manager",
            groups="base.group_user,jxc_stock.group_jxc_stock_manager",
        )

    @classmethod
    def _make_variant_template(cls, name, attributes, **vals):
        """A goods template with variants: ``attributes`` is [(attribute name, [values])],
        the first the grid's rows, the last its columns."""
        Attribute = cls.env["product.attribute"]
        lines = []
        for attribute_name, values in attributes:
            attribute = Attribute.create(
                {
                    "name": attribute_name,
                    "value_ids": [Command.create({"name": value}) for value in values],
                }
            )
            lines.append(
                Command.create(
                    {
                        "attribute_id": attribute.id,
                        "value_ids": [Command.set(attribute.value_ids.ids)],
                    }
                )
            )
        return cls.env["product.template"].create(
            dict(
                {
                    "name": name,
                    "type": "consu",
                    "uom_id": cls.uom_unit.id,
                    "uom_po_id": cls.uom_unit.id,
                    "attribute_line_ids": lines,
                },
                **vals,
            )
        )

    @staticmethod
    def _variant(template, *values):
        """The variant of ``template`` with these attribute value names."""
        return template.product_variant_ids.filtered(
            lambda p: (
                sorted(p.product_template_attribute_value_ids.mapped("name")) == sorted(values)
            )
        )

    @staticmethod
    def _grid(order, template, user=None):
        """The variant grid of ``order`` for ``template``, opened as ``user`` would."""
        order = order.with_user(user) if user else order
        action = order.action_open_grid()
        return (
            order.env[action["res_model"]]
            .with_context(**action["context"])
            .create({"product_tmpl_id": template.id})
        )

    @staticmethod
    def _set_cells(grid, quantities):
        """Type ``quantities`` ({variant: quantity}) into the grid's cells."""
        for product, quantity in quantities.items():
            grid.line_ids.filtered(lambda c, p=product: c.product_id == p).quantity = quantity
        return grid

    def _buttons(self, model, user, view_type="form"):
        """The buttons of ``model``'s ``view_type`` view as ``user`` gets it: name -> node."""
        views = self.env[model].with_user(user).get_views([(False, view_type)])
        arch = etree.fromstring(views["views"][view_type]["arch"])
        return {node.get("name"): node for node in arch.iter("button")}

    @classmethod
    def _make_picking(cls, picking_type, lines, warehouse=None, dest=None, **vals):
        """A draft stock document; ``lines`` are dicts for jxc.stock.picking.line."""
        return cls.env["jxc.stock.picking"].create(
            dict(
                {
                    "picking_type": picking_type,
                    "warehouse_id": (warehouse or cls.wh1).id,
                    "dest_warehouse_id": dest.id if dest else False,
                    "line_ids": [Command.create(line) for line in lines],
                },
                **vals,
            )
        )

    @classmethod
    def _receive(cls, product, quantity, cost, warehouse=None, **line):
        picking = cls._make_picking(
            "in",
            [dict({"product_id": product.id, "quantity": quantity, "unit_cost": cost}, **line)],
            warehouse,
        )
        picking.action_done()
        return picking

    @classmethod
    def _issue(cls, product, quantity, warehouse=None, **line):
        picking = cls._make_picking(
            "out", [dict({"product_id": product.id, "quantity": quantity}, **line)], warehouse
        )
        picking.action_done()
        return picking

    def _quant(self, product, warehouse=None, lot=None):
        return self.env["jxc.stock.quant"].search(
            [
                ("product_id", "=", product.id),
                ("warehouse_id", "=", (warehouse or self.wh1).id),
                ("lot_id", "=", lot.id if lot else False),
            ]
        )

    def _valuation(self, product):
        return self.env["jxc.stock.valuation"].search(
            [("product_id", "=", product.id), ("company_id", "=", self.company.id)]
        )

    @contextlib.contextmanager
    def _read_only(self):
        """Run the block in a read-only transaction, as on a read replica: any write fails."""
        self.env.flush_all()
        cr = self.env.cr
        cr.execute("SAVEPOINT jxc_read_only")
        cr.execute("SET LOCAL transaction_read_only = on")
        try:
            yield
        finally:
            cr.execute("ROLLBACK TO SAVEPOINT jxc_read_only")
            self.env.invalidate_all()

    def assertLedgerConsistent(self):
        """Invariant 1 over the whole database: quants and averages agree with the ledger."""
        self.env.flush_all()
        mismatches = self.env["jxc.stock.integrity"]._find_mismatches()
        self.assertEqual(mismatches, [], "quants / reservations / averages disagree with ledger")

    def assertFieldsHidden(self, user, records, fnames):
        """``user`` can neither see, read nor search ``fnames`` of ``records`` (field groups)."""
        records = records.with_user(user)
        described = records.fields_get()
        for fname in fnames:
            self.assertIn(fname, records._fields)
            self.assertNotIn(fname, described, f"{records._name}.{fname} described to {user.login}")
            with self.assertRaises(
                AccessError, msg=f"{records._name}.{fname} read by {user.login}"
            ):
                records.read([fname])
            if records._fields[fname].store:
                with self.assertRaises(
                    AccessError, msg=f"{records._name}.{fname} searched by {user.login}"
                ):
                    records.search([(fname, ">", 0)])

    def assertFieldsRead(self, user, record, values):
        """``user`` reads ``values`` ({field: value}) on ``record``, and can search by them."""
        record = record.with_user(user)
        self.env.invalidate_all()
        read = record.read(list(values))[0]
        for fname, value in values.items():
            self.assertAlmostEqual(read[fname], value, msg=f"{record._name}.{fname}")
            self.assertIn(fname, record.fields_get([fname]))
            if record._fields[fname].store:
                self.assertIn(record, record.search([(fname, "=", value)]), fname)


class JxcCommittedCase(BaseCase):
    """Tests whose data other processes or cursors read (concurrency tests run workers in
    separate processes): the class commits it through the test database's registry in
    ``setUpClass`` and removes it in ``tearDownClass``."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.db = get_db_name()
        cls.registry = odoo.modules.registry.Registry(cls.db)

    @classmethod
    @contextlib.contextmanager
    def _committed_env(cls, context=None):
        """A superuser environment on a cursor of its own, committed at the end."""
        with cls.registry.cursor() as cr:
            yield odoo.api.Environment(cr, odoo.SUPERUSER_ID, context or {})

    @staticmethod
    def _receive_committed(env, warehouse_id, product_ids, quantity):
        """A posted 其他入库 of ``quantity`` of each product into the warehouse, at cost 1."""
        picking = env["jxc.stock.picking"].create(
            {
                "picking_type": "in",
                "warehouse_id": warehouse_id,
                "line_ids": [
                    Command.create({"product_id": p, "quantity": quantity, "unit_cost": 1.0})
                    for p in product_ids
                ],
            }
        )
        picking.action_done()
        return picking


def delete_stock_test_data(cr, warehouse_id, product_ids, before=(), after=()):
    """Clean up after a test that committed stock in its own warehouse: the ledger and its
    sums are append-only for the application, so delete in SQL the warehouse's rows of
    ``before`` (downstream sums), of the period balances, reservations, ledger, quants and
    documents, then of ``after`` (documents the stock documents name), and the products'
    valuations. The caller then unlinks the products, the warehouse and partners."""
    stock_tables = (
        "jxc_stock_period_balance",
        "jxc_stock_reservation",
        "jxc_stock_move",
        "jxc_stock_quant",
        "jxc_stock_picking",
    )
    for table in (*before, *stock_tables, *after):
        cr.execute(f"DELETE FROM {table} WHERE warehouse_id = %s", [warehouse_id])
    cr.execute("DELETE FROM jxc_stock_valuation WHERE product_id = ANY(%s)", [product_ids])


class JxcHttpCase(HttpCase):
    """Browser tours that must run: where Odoo would skip a tour (no Chromium, no
    websocket-client, no connection to the browser), the test fails instead, so that a green
    suite means the tours ran."""

    def start_tour(self, *args, **kwargs):
        try:
            return super().start_tour(*args, **kwargs)
        except unittest.SkipTest as exc:
            self.fail(f"The browser tour could not run: {exc}")

    @classmethod
    def _speak_chinese(cls, *users):
        """Give ``users`` the users' language, with the JXC addons' terms installed."""
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            [
                module.name
                for module in cls.env["ir.module.module"].search(
                    [("name", "=like", "jxc_%"), ("state", "=", "installed")]
                )
            ],
            ["zh_CN"],
        )
        for user in users:
            user.lang = "zh_CN"

    def start_tour_on(self, record, tour_name, user, **kwargs):
        """Run ``tour_name`` on ``record``'s form, logged in as ``user``."""
        return self.start_tour(
            f"/odoo/{record._name}/{record.id}", tour_name, login=user.login, **kwargs
        )
