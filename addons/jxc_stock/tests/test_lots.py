# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import Form
from odoo.tools import mute_logger

from .common import JxcStockCommon


class TestLotsAndSerials(JxcStockCommon):
    def test_receipt_creates_lot_with_shelf_life(self):
        picking = self._receive(self.product_lot, 6, 3.0, lot_name="M-001")
        lot = picking.line_ids.lot_id
        self.assertEqual(lot.name, "M-001")
        # 30 days from the receipt's day in the user's time zone (not the machine's date:
        # they differ near midnight).
        today = fields.Date.context_today(picking)
        self.assertEqual(lot.expiration_date, today + timedelta(days=30))
        self.assertEqual(self._quant(self.product_lot, lot=lot).quantity, 6)
        # The same lot name again adds to the same lot.
        picking2 = self._receive(self.product_lot, 4, 3.0, lot_name="M-001")
        self.assertEqual(picking2.line_ids.lot_id, lot)
        self.assertEqual(lot.quantity, 10)

    def test_lot_name_unique_per_product(self):
        self.env["jxc.stock.lot"].create({"name": "DUP", "product_id": self.product_lot.id})
        with self.assertRaises(IntegrityError), self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
            self.env["jxc.stock.lot"].create({"name": "DUP", "product_id": self.product_lot.id})

    def test_tracked_product_needs_a_lot(self):
        with self.assertRaisesRegex(UserError, "tracked; enter a lot"):
            self._receive(self.product_lot, 1, 1.0)
        self._receive(self.product_lot, 2, 1.0, lot_name="M-002")
        with self.assertRaisesRegex(UserError, "tracked; enter a lot"):
            self._issue(self.product_lot, 1)

    def test_serials(self):
        self._receive(self.product_serial, 1, 100.0, lot_name="SN-1")
        with self.assertRaisesRegex(UserError, "a serial number is one unit; the quantity is 2"):
            self._receive(self.product_serial, 2, 100.0, lot_name="SN-2")
        with self.assertRaisesRegex(UserError, "SN-1 .*already in stock"):
            self._receive(self.product_serial, 1, 100.0, lot_name="SN-1")
        lot = self.env["jxc.stock.lot"].search([("name", "=", "SN-1")])
        self._issue(self.product_serial, 1, lot_id=lot.id)
        # Once it left, the same serial can come back (a return).
        self._receive(self.product_serial, 1, 100.0, lot_id=lot.id)
        self.assertEqual(lot.quantity, 1)

    def test_fefo_suggestion_and_split(self):
        today = date.today()
        late, soon = self.env["jxc.stock.lot"].create(
            [
                {
                    "name": "F-LATE",
                    "product_id": self.product_lot.id,
                    "expiration_date": today + timedelta(days=90),
                },
                {
                    "name": "F-SOON",
                    "product_id": self.product_lot.id,
                    "expiration_date": today + timedelta(days=5),
                },
            ]
        )
        self._receive(self.product_lot, 4, 2.0, lot_id=late.id)
        self._receive(self.product_lot, 3, 2.0, lot_id=soon.id)
        picking = self.env["jxc.stock.picking"].create(
            {"picking_type": "out", "warehouse_id": self.wh1.id}
        )
        with Form(picking) as form, form.line_ids.new() as line:
            line.product_id = self.product_lot
            self.assertEqual(line.lot_id, soon)
        picking.line_ids.unlink()
        picking.line_ids = [(0, 0, {"product_id": self.product_lot.id, "quantity": 5})]
        picking.action_assign_lots_fefo()
        self.assertRecordValues(
            picking.line_ids.sorted("id"),
            [{"lot_id": soon.id, "quantity": 3}, {"lot_id": late.id, "quantity": 2}],
        )
        picking.action_done()
        self.assertEqual(soon.quantity, 0)
        self.assertEqual(late.quantity, 2)
        self.assertLedgerConsistent()

    def test_expiry_alerts_notify_once(self):
        today = date.today()
        soon = self.env["jxc.stock.lot"].create(
            {
                "name": "A-SOON",
                "product_id": self.product_lot.id,
                "expiration_date": today + timedelta(days=3),
            }
        )
        gone = self.env["jxc.stock.lot"].create(
            {
                "name": "A-GONE",
                "product_id": self.product_lot.id,
                "expiration_date": today - timedelta(days=3),
            }
        )
        far = self.env["jxc.stock.lot"].create(
            {
                "name": "A-FAR",
                "product_id": self.product_lot.id,
                "expiration_date": today + timedelta(days=300),
            }
        )
        for lot in soon | gone | far:
            self._receive(self.product_lot, 1, 1.0, lot_id=lot.id)
        self.env["jxc.stock.rule"].create(
            {
                "product_id": self.product.id,
                "warehouse_id": self.wh1.id,
                "min_quantity": 5,
                "max_quantity": 20,
            }
        )
        self.env.flush_all()
        Alert = self.env["jxc.stock.alert"]
        alerts = Alert.search([("product_id", "in", (self.product_lot | self.product).ids)])
        self.assertEqual(
            sorted((a.alert_type, a.lot_id.name or a.product_id.default_code) for a in alerts),
            [("below_min", "T-WATER"), ("expired", "A-GONE"), ("expiring", "A-SOON")],
        )
        Activity = self.env["mail.activity"]
        domain = [
            ("res_model", "=", "product.template"),
            ("res_id", "in", (self.product_lot | self.product).product_tmpl_id.ids),
        ]
        Alert._cron_notify()
        first = Activity.search_count(domain)
        self.assertGreaterEqual(first, 3)
        Alert._cron_notify()
        self.assertEqual(Activity.search_count(domain), first, "each situation notified once")

    def test_lot_in_stock_keeps_its_product(self):
        picking = self._receive(self.product_lot, 2, 1.0, lot_name="KEEP")
        other = self.env["product.product"].create(
            {"name": "Other Milk", "type": "consu", "tracking": "lot"}
        )
        with self.assertRaisesRegex(UserError, "keeps its product"):
            picking.line_ids.lot_id.product_id = other
