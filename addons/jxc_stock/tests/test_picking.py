# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command

from .common import JxcStockCommon


class TestStockDocuments(JxcStockCommon):
    def test_receipt_posts_in_full_when_nothing_edited(self):
        picking = self._make_picking(
            "in",
            [
                {"product_id": self.product.id, "quantity": 12, "unit_cost": 2.5},
                {"product_id": self.product2.id, "quantity": 3, "unit_cost": 4.0},
            ],
        )
        self.assertTrue(picking.name.startswith("QR/"))
        picking.action_done()
        self.assertEqual(picking.state, "done")
        self.assertRecordValues(picking.line_ids, [{"quantity_done": 12}, {"quantity_done": 3}])
        self.assertRecordValues(
            self._quant(self.product), [{"quantity": 12, "value": 30.0, "available_quantity": 12}]
        )
        self.assertEqual(len(picking.move_ids), 2)
        self.assertLedgerConsistent()

    def test_partial_quantities_post_only_what_is_done(self):
        picking = self._make_picking(
            "in",
            [
                {"product_id": self.product.id, "quantity": 10, "unit_cost": 1},
                {"product_id": self.product2.id, "quantity": 5, "unit_cost": 1},
            ],
        )
        picking.line_ids[0].quantity_done = 4
        picking.action_done()
        self.assertEqual(self._quant(self.product).quantity, 4)
        self.assertFalse(self._quant(self.product2))
        self.assertEqual(len(picking.move_ids), 1)

    def test_issue_and_transfer(self):
        self._receive(self.product, 10, 3.0)
        issue = self._issue(self.product, 4)
        self.assertTrue(issue.name.startswith("QC/"))
        self.assertRecordValues(
            issue.move_ids, [{"quantity": -4, "move_type": "out", "value": -12.0}]
        )
        transfer = self._make_picking(
            "internal", [{"product_id": self.product.id, "quantity": 6}], self.wh1, self.wh2
        )
        transfer.action_done()
        self.assertEqual(self._quant(self.product, self.wh1).quantity, 0)
        self.assertEqual(self._quant(self.product, self.wh2).quantity, 6)
        self.assertLedgerConsistent()

    def test_traceability(self):
        """Ledger row → document, with the user who posted it."""
        picking = self._make_picking(
            "in", [{"product_id": self.product.id, "quantity": 1, "unit_cost": 1}]
        )
        picking.with_user(self.stock_user).action_done()
        move = picking.move_ids
        self.assertRecordValues(
            move,
            [
                {
                    "reference": picking.name,
                    "res_model": "jxc.stock.picking",
                    "res_id": picking.id,
                    "picking_id": picking.id,
                    "picking_line_id": picking.line_ids.id,
                    "user_id": self.stock_user.id,
                }
            ],
        )
        self.assertEqual(move.create_uid, self.stock_user)
        action = move.action_open_document()
        self.assertEqual((action["res_model"], action["res_id"]), (picking._name, picking.id))

    def test_all_or_nothing(self):
        """An error on line 37 of 40 leaves no ledger row and no quant change."""
        self._receive(self.product2, 5, 1.0)
        lines = [{"product_id": self.product.id, "quantity": 1} for _i in range(36)]
        lines.append({"product_id": self.product2.id, "quantity": 50})  # only 5 available
        lines += [{"product_id": self.product.id, "quantity": 1} for _i in range(3)]
        self._receive(self.product, 100, 1.0)
        moves_before = self.env["jxc.stock.move"].search_count([])
        picking = self._make_picking("out", lines)
        with self.assertRaisesRegex(UserError, r"line 37 \(.*Test Tissue\).*only 5"):
            with self.env.cr.savepoint():
                picking.action_done()
        self.assertEqual(self.env["jxc.stock.move"].search_count([]), moves_before)
        self.assertEqual(self._quant(self.product).quantity, 100)
        self.assertEqual(self._quant(self.product2).quantity, 5)
        self.assertEqual(picking.state, "draft")

    def test_bad_input_is_refused(self):
        self._receive(self.product, 5, 1.0)
        with self.assertRaisesRegex(UserError, "must be positive"):
            self._make_picking("in", [{"product_id": self.product.id, "quantity": 0}])
        with self.assertRaisesRegex(UserError, "must be positive"):
            self._make_picking("in", [{"product_id": self.product.id, "quantity": -3}])
        with self.assertRaisesRegex(UserError, "is not a unit of"):
            self._make_picking(
                "in", [{"product_id": self.product.id, "quantity": 1, "uom_id": self.uom_kg.id}]
            )
        with self.assertRaisesRegex(UserError, "destination warehouse must differ"):
            self._make_picking(
                "internal", [{"product_id": self.product.id, "quantity": 1}], self.wh1, self.wh1
            ).action_done()
        with self.assertRaisesRegex(UserError, "needs a destination"):
            self._make_picking(
                "internal", [{"product_id": self.product.id, "quantity": 1}]
            ).action_done()
        with self.assertRaisesRegex(UserError, "cannot issue 6 Units.*only 5 available"):
            self._issue(self.product, 6)
        with self.assertRaisesRegex(UserError, "has no lines"):
            self._make_picking("in", []).action_done()
        self.assertEqual(self._quant(self.product).quantity, 5)
        self.assertLedgerConsistent()

    def test_negative_stock_allowed_by_product_or_company(self):
        self.product.allow_negative_stock = True
        self._issue(self.product, 2)
        self.assertEqual(self._quant(self.product).quantity, -2)
        with self.assertRaises(UserError):
            self._issue(self.product2, 1)
        self.company.jxc_allow_negative_stock = True
        self._issue(self.product2, 1)
        self.assertEqual(self._quant(self.product2).quantity, -1)

    def test_posted_document_is_frozen(self):
        picking = self._receive(self.product, 3, 1.0)
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            picking.line_ids.quantity = 5
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            picking.unlink()
        with self.assertRaisesRegex(UserError, "cannot be cancelled"):
            picking.action_cancel()
        with self.assertRaisesRegex(UserError, "only draft documents"):
            picking.action_done()

    def test_cancel_and_back_to_draft(self):
        picking = self._make_picking("out", [{"product_id": self.product.id, "quantity": 1}])
        picking.action_cancel()
        self.assertEqual(picking.state, "cancel")
        with self.assertRaisesRegex(UserError, "only draft documents"):
            picking.action_done()
        picking.action_draft()
        self.assertEqual(picking.state, "draft")
        picking.unlink()

    def test_reversal_mirrors_the_document(self):
        self._receive(self.product, 10, 4.0)
        issue = self._issue(self.product, 3)
        action = issue.with_user(self.stock_manager).action_reverse()
        reversal = self.env["jxc.stock.picking"].browse(action["res_id"])
        self.assertRecordValues(
            reversal,
            [
                {
                    "state": "done",
                    "is_reversal": True,
                    "reversal_of_id": issue.id,
                    "name": issue.name + "-R",
                }
            ],
        )
        self.assertRecordValues(
            reversal.move_ids,
            [
                {
                    "quantity": 3,
                    "value": 12.0,
                    "is_reversal": True,
                    "origin_move_id": issue.move_ids.id,
                }
            ],
        )
        self.assertEqual(self._quant(self.product).quantity, 10)
        with self.assertRaisesRegex(UserError, "already reversed"):
            issue.with_user(self.stock_manager).action_reverse()
        with self.assertRaisesRegex(UserError, "already reversed"):
            reversal.with_user(self.stock_manager).action_reverse()
        self.assertLedgerConsistent()

    def test_reversal_of_receipt_needs_the_goods(self):
        receipt = self._receive(self.product, 10, 4.0)
        self._issue(self.product, 8)
        with self.assertRaisesRegex(UserError, "only 2 available"):
            receipt.with_user(self.stock_manager).action_reverse()

    def test_transfer_reversal(self):
        self._receive(self.product, 10, 2.0)
        transfer = self._make_picking(
            "internal", [{"product_id": self.product.id, "quantity": 4}], self.wh1, self.wh2
        )
        transfer.action_done()
        transfer.with_user(self.stock_manager).action_reverse()
        self.assertEqual(self._quant(self.product, self.wh1).quantity, 10)
        self.assertEqual(self._quant(self.product, self.wh2).quantity, 0)
        self.assertLedgerConsistent()

    def test_backorder_hook(self):
        """Documents of an order (downstream) leave a backorder for what was not posted."""
        picking = self._make_picking(
            "in",
            [
                {"product_id": self.product.id, "quantity": 10, "unit_cost": 1},
                {"product_id": self.product2.id, "quantity": 4, "unit_cost": 1},
            ],
        )
        picking.line_ids[0].quantity_done = 6
        picking.action_done()
        backorder = picking._create_backorder()
        self.assertRecordValues(backorder, [{"state": "draft", "backorder_id": picking.id}])
        self.assertRecordValues(
            backorder.line_ids,
            [
                {"product_id": self.product.id, "quantity": 4, "quantity_done": 0},
                {"product_id": self.product2.id, "quantity": 4, "quantity_done": 0},
            ],
        )

    def test_service_product_is_refused(self):
        service = self.env["product.product"].create({"name": "Test Service", "type": "service"})
        picking = self.env["jxc.stock.picking"].create(
            {
                "picking_type": "in",
                "warehouse_id": self.wh1.id,
                "line_ids": [Command.create({"product_id": service.id, "quantity": 1})],
            }
        )
        with self.assertRaisesRegex(UserError, "only goods"):
            picking.action_done()

    def test_product_quantities_per_warehouse(self):
        self._receive(self.product, 7, 1.0, self.wh1)
        self._receive(self.product, 3, 1.0, self.wh2)
        self.assertEqual(self.product.jxc_on_hand, 10)
        self.assertEqual(self.product.with_context(warehouse_id=self.wh2.id).jxc_on_hand, 3)
        self.assertEqual(self.product.product_tmpl_id.jxc_on_hand, 10)
        with self.assertRaises(ValidationError):
            self.product_lot.product_tmpl_id.tracking = "none"

    def test_print(self):
        picking = self._receive(self.product, 4, 2.5, lot_id=False)
        html, _format = self.env["ir.actions.report"]._render_qweb_html(
            "jxc_stock.jxc_stock_picking_report_action", picking.ids
        )
        html = html.decode()
        self.assertIn(picking.name, html)
        self.assertIn("Test Water", html)
        self.assertIn(self.wh1.name, html)
