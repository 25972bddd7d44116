# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo.exceptions import UserError

from .common import JxcStockCommon


class TestReservation(JxcStockCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Reservation = cls.env["jxc.stock.reservation"]
        cls._receive(cls.product, 10, 1.0)
        cls._receive(cls.product2, 4, 1.0)

    def _request(self, product, qty, res_id=1, warehouse=None, **kw):
        return dict(
            {
                "product_id": product.id,
                "warehouse_id": (warehouse or self.wh1).id,
                "quantity": qty,
                "res_model": "res.partner",
                "res_id": res_id,
                "name": f"demand {res_id}",
            },
            **kw,
        )

    def test_reserve_all_or_nothing(self):
        reservations = self.Reservation.reserve(
            [self._request(self.product, 6), self._request(self.product2, 4, 2)]
        )
        self.assertRecordValues(
            reservations,
            [
                {"quantity": 6, "shortage_quantity": 0, "state": "open"},
                {"quantity": 4, "shortage_quantity": 0, "state": "open"},
            ],
        )
        self.assertRecordValues(
            self._quant(self.product),
            [{"quantity": 10, "reserved_quantity": 6, "available_quantity": 4}],
        )
        self.assertLedgerConsistent()

    def test_shortage_lists_every_short_product_and_writes_nothing(self):
        self.Reservation.reserve([self._request(self.product, 7)])
        before = self.Reservation.search_count([])
        with self.assertRaises(UserError) as error:
            self.Reservation.reserve(
                [
                    self._request(self.product, 5, 2),
                    self._request(self.product2, 9, 3),
                    self._request(self.product_lot, 1, 4),
                ]
            )
        message = str(error.exception)
        self.assertIn("Test Water", message)
        self.assertIn("needed 5 Units, available 3", message)
        self.assertIn("Test Tissue", message)
        self.assertIn("needed 9 Units, available 4", message)
        self.assertIn("Test Milk", message)
        self.assertEqual(self.Reservation.search_count([]), before)
        self.assertEqual(self._quant(self.product).reserved_quantity, 7)
        self.assertEqual(self._quant(self.product2).reserved_quantity, 0)

    def test_partial_records_shortage(self):
        reservations = self.Reservation.reserve([self._request(self.product, 15)], mode="partial")
        self.assertEqual(sum(reservations.mapped("quantity")), 10)
        self.assertEqual(sum(reservations.mapped("shortage_quantity")), 5)
        self.assertEqual(self._quant(self.product).available_quantity, 0)
        self.assertLedgerConsistent()

    def test_release_and_consume(self):
        reservation = self.Reservation.reserve([self._request(self.product, 8)])
        reservation._consume({reservation.id: 3})
        self.assertRecordValues(reservation, [{"quantity": 5, "state": "open"}])
        self.assertEqual(self._quant(self.product).reserved_quantity, 5)
        with self.assertRaisesRegex(UserError, "cannot consume 6 Units, only 5 Units is reserved"):
            reservation._consume({reservation.id: 6})
        self.Reservation.release_demand("res.partner", [1])
        self.assertRecordValues(reservation, [{"quantity": 0, "state": "cancel"}])
        self.assertEqual(self._quant(self.product).reserved_quantity, 0)
        self.assertLedgerConsistent()

    def test_consume_all_marks_done(self):
        reservation = self.Reservation.reserve([self._request(self.product, 2)])
        reservation._consume({reservation.id: 2})
        self.assertEqual(reservation.state, "done")

    def test_reserved_stock_cannot_be_issued(self):
        self.Reservation.reserve([self._request(self.product, 8)])
        with self.assertRaisesRegex(UserError, "only 2 available.*reserved 8"):
            self._issue(self.product, 3)
        self._issue(self.product, 2)
        self.assertEqual(self._quant(self.product).available_quantity, 0)

    def test_lots_are_reserved_fefo_and_never_expired(self):
        today = date.today()
        lots = self.env["jxc.stock.lot"].create(
            [
                {
                    "name": "L-LATE",
                    "product_id": self.product_lot.id,
                    "expiration_date": today + timedelta(days=60),
                },
                {
                    "name": "L-SOON",
                    "product_id": self.product_lot.id,
                    "expiration_date": today + timedelta(days=10),
                },
                {
                    "name": "L-GONE",
                    "product_id": self.product_lot.id,
                    "expiration_date": today - timedelta(days=1),
                },
            ]
        )
        for lot in lots:
            self._receive(self.product_lot, 5, 2.0, lot_id=lot.id)
        reservations = self.Reservation.reserve([self._request(self.product_lot, 7)])
        self.assertRecordValues(
            reservations.sorted("id"),
            [{"lot_id": lots[1].id, "quantity": 5}, {"lot_id": lots[0].id, "quantity": 2}],
        )
        with self.assertRaisesRegex(UserError, "needed 4 Units, available 3"):
            self.Reservation.reserve([self._request(self.product_lot, 4, 2)])

    def test_bad_requests(self):
        with self.assertRaisesRegex(UserError, "must be positive"):
            self.Reservation.reserve([self._request(self.product, 0)])
        with self.assertRaisesRegex(UserError, "must be positive"):
            self.Reservation.reserve([self._request(self.product, -1)])
        with self.assertRaisesRegex(UserError, "Unknown reservation mode"):
            self.Reservation.reserve([self._request(self.product, 1)], mode="maybe")
        with self.assertRaisesRegex(UserError, "only through the reservation API"):
            self.Reservation.create({"product_id": self.product.id, "warehouse_id": self.wh1.id})

    def test_negative_allowed_promises_beyond_stock(self):
        self.product.allow_negative_stock = True
        self.Reservation.reserve([self._request(self.product, 12)])
        self.assertEqual(self._quant(self.product).available_quantity, -2)
