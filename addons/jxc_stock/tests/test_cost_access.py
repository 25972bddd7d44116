# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import importlib.util
from pathlib import Path

from odoo.tests import Form, new_test_user

from .common import JxcStockCommon

COST_FIELDS = {
    "jxc.stock.move": ["unit_cost", "value"],
    "jxc.stock.quant": ["value"],
    "jxc.stock.valuation": ["value", "average_cost"],
    "jxc.stock.picking": ["amount_total"],
    "jxc.stock.picking.line": ["unit_cost", "value"],
    "jxc.stock.count": ["difference_value"],
    "jxc.stock.count.line": ["unit_cost", "difference_value"],
    "jxc.stock.integrity.line": ["expected_value", "actual_value"],
    "product.product": ["jxc_average_cost"],
}


class TestCostAccess(JxcStockCommon):
    """Costs and stock values are for the cost group (stock managers have it), not for stock
    staff, who still post every document without them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cost_user = new_test_user(
            cls.env,
            login="jxc_stock_cost_user",
            groups="base.group_user,jxc_stock.group_jxc_stock_user,jxc_stock.group_jxc_cost",
        )
        cls.receipt = cls._receive(cls.product, 10, 4.0)
        cls.issue = cls._issue(cls.product, 3)
        cls.count = cls.env["jxc.stock.count"].create(
            {"warehouse_id": cls.wh1.id, "product_ids": [(6, 0, cls.product.ids)]}
        )
        cls.count.action_start()
        cls.count.line_ids.counted_quantity = 9
        cls.count.with_user(cls.stock_manager).action_validate()
        cls.integrity_line = cls.env["jxc.stock.integrity.line"].create(
            {
                "check_id": cls.env["jxc.stock.integrity"].create({"state": "mismatch"}).id,
                "check_type": "value",
                "product_id": cls.product.id,
                "expected_value": 36.0,
                "actual_value": 35.0,
            }
        )

    def _records(self):
        quant = self._quant(self.product)
        return {
            "jxc.stock.move": self.receipt.move_ids,
            "jxc.stock.quant": quant,
            "jxc.stock.valuation": self._valuation(self.product),
            "jxc.stock.picking": self.receipt,
            "jxc.stock.picking.line": self.receipt.line_ids,
            "jxc.stock.count": self.count,
            "jxc.stock.count.line": self.count.line_ids,
            "jxc.stock.integrity.line": self.integrity_line,
            "product.product": self.product,
        }

    def test_group_is_in_the_base_addon(self):
        group = self.env.ref("jxc_stock.group_jxc_cost")
        self.assertEqual(group.category_id, self.env.ref("jxc_stock.module_category_jxc"))
        self.assertIn(group, self.env.ref("jxc_stock.group_jxc_stock_manager").implied_ids)
        self.assertIn(self.stock_manager, group.users)
        self.assertNotIn(self.stock_user, group.users)

    def test_stock_user_neither_reads_nor_searches_costs(self):
        records = self._records()
        for model, fnames in COST_FIELDS.items():
            self.assertFieldsHidden(self.stock_user, records[model], fnames)

    def test_cost_group_reads_costs(self):
        records = self._records()
        # 10 received at 4.00, 3 issued, counted 9 of the 7 left: a gain of 2 at 4.00.
        expected = {
            "jxc.stock.move": {"unit_cost": 4.0, "value": 40.0},
            "jxc.stock.quant": {"value": 36.0},
            "jxc.stock.valuation": {"value": 36.0, "average_cost": 4.0},
            "jxc.stock.picking": {"amount_total": 40.0},
            "jxc.stock.picking.line": {"unit_cost": 4.0, "value": 40.0},
            "jxc.stock.count": {"difference_value": 8.0},
            "jxc.stock.count.line": {"unit_cost": 4.0, "difference_value": 8.0},
            "jxc.stock.integrity.line": {"expected_value": 36.0, "actual_value": 35.0},
            "product.product": {"jxc_average_cost": 4.0},
        }
        self.assertEqual(set(expected), set(COST_FIELDS))
        for user in (self.cost_user, self.stock_manager):
            for model, values in expected.items():
                self.assertFieldsRead(user, records[model], values)

    def _view_fields(self, user, model, view_type="form"):
        """{model: field names} of the view ``user`` gets (sub-views included)."""
        views = self.env[model].with_user(user).get_views([(False, view_type)])
        return {name: set(info["fields"]) for name, info in views["models"].items()}

    def test_views_leave_costs_out(self):
        for model, view_type, line_model in (
            ("jxc.stock.picking", "form", "jxc.stock.picking.line"),
            ("jxc.stock.picking", "list", None),
            ("jxc.stock.move", "list", None),
            ("jxc.stock.move", "pivot", None),
            ("jxc.stock.quant", "list", None),
            ("jxc.stock.count", "form", "jxc.stock.count.line"),
            ("jxc.stock.integrity", "form", "jxc.stock.integrity.line"),
        ):
            for submodel in filter(None, (model, line_model)):
                hidden = set(COST_FIELDS.get(submodel, ()))
                if not hidden:
                    continue
                shown = self._view_fields(self.stock_user, model, view_type)[submodel]
                self.assertFalse(hidden & shown, f"{model} {view_type}: {submodel}")
                shown = self._view_fields(self.cost_user, model, view_type)[submodel]
                self.assertTrue(hidden & shown, f"{model} {view_type}: {submodel}")

    def test_stock_user_posts_documents_without_costs(self):
        """Each step a new request: nothing read by the setup is left in the cache."""
        self.env.invalidate_all()
        with Form(self.env["jxc.stock.picking"].with_user(self.stock_user)) as form:
            form.picking_type = "in"
            form.warehouse_id = self.wh1
            with form.line_ids.new() as line:
                line.product_id = self.product
                line.quantity = 5
        receipt = form.record.with_env(self.env)
        self.env.invalidate_all()
        receipt.with_user(self.stock_user).action_done()
        self.env.invalidate_all()
        # Without a cost of their own, other receipts come in at the average.
        self.assertRecordValues(receipt.move_ids, [{"quantity": 5, "unit_cost": 4.0}])
        self.assertEqual(receipt.amount_total, 20.0)

        transfer = self._make_picking(
            "internal", [{"product_id": self.product.id, "quantity": 4}], dest=self.wh2
        )
        self.env.invalidate_all()
        transfer.with_user(self.stock_user).action_done()
        self.assertEqual(sorted(transfer.move_ids.mapped("value")), [-16.0, 16.0])
        self.assertLedgerConsistent()

    def test_stock_user_splits_lots_keeping_the_cost(self):
        """A FEFO split copies the line with its cost, which stock staff may not read."""
        self._receive(self.product_lot, 2, 3.0, lot_name="L-A")
        self._receive(self.product_lot, 3, 3.0, lot_name="L-B")
        issue = self._make_picking(
            "out", [{"product_id": self.product_lot.id, "quantity": 4, "unit_cost": 2.5}]
        )
        self.env.invalidate_all()
        issue.with_user(self.stock_user).action_assign_lots_fefo()
        self.assertRecordValues(
            issue.line_ids.sorted("quantity"),
            [{"quantity": 2, "unit_cost": 2.5}, {"quantity": 2, "unit_cost": 2.5}],
        )

    def test_count_screens_for_stock_user(self):
        self.env.invalidate_all()
        count = self.count.with_user(self.stock_user)
        self.assertEqual((count.line_count, count.counted_line_count), (1, 1))
        self.assertEqual(Form(count).line_count, 1)

    def test_printed_document_shows_costs_only_to_the_cost_group(self):
        report = self.env["ir.actions.report"]
        self.env.invalidate_all()
        html, _type = report.with_user(self.stock_user)._render_qweb_html(
            "jxc_stock.report_jxc_stock_picking", self.receipt.ids
        )
        self.assertNotIn(b"Unit Cost", html)
        self.assertNotIn(b"40.00", html)
        html, _type = report.with_user(self.cost_user)._render_qweb_html(
            "jxc_stock.report_jxc_stock_picking", self.receipt.ids
        )
        self.assertIn(b"Unit Cost", html)
        self.assertIn(b"40.00", html)

    def _migration(self, name):
        path = Path(__file__).parents[1] / "migrations" / "18.0.1.1.0" / f"{name}.py"
        spec = importlib.util.spec_from_file_location(f"jxc_stock_{name}_18_0_1_1_0", path)
        script = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(script)
        return script

    def test_migration_hides_the_figures_of_old_value_mismatches(self):
        line = self.integrity_line
        quantity_line = line.copy(
            {
                "check_type": "quantity",
                "expected": 7,
                "actual": 6,
                "expected_value": 0,
                "actual_value": 0,
            }
        )
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE jxc_stock_integrity_line SET expected = 36, actual = 35, "
            "expected_value = NULL, actual_value = NULL WHERE id = %s",
            [line.id],
        )
        self._migration("post-migrate").migrate(self.env.cr, "18.0.1.0.0")
        self.env.invalidate_all()
        self.assertRecordValues(
            line | quantity_line,
            [
                {"expected": 0, "actual": 0, "expected_value": 36, "actual_value": 35},
                {"expected": 7, "actual": 6, "expected_value": 0, "actual_value": 0},
            ],
        )

    def test_migration_keeps_the_group_of_existing_databases(self):
        """Databases from before 18.0.1.1.0 know the group as jxc_reports.group_jxc_reports_cost."""
        group = self.env.ref("jxc_stock.group_jxc_cost")
        cr = self.env.cr
        cr.execute(
            "UPDATE ir_model_data SET module = 'jxc_reports', name = 'group_jxc_reports_cost' "
            "WHERE module = 'jxc_stock' AND name = 'group_jxc_cost'"
        )
        script = self._migration("pre-migrate")
        script.migrate(cr, "18.0.1.0.0")
        cr.execute(
            "SELECT module, name, res_id FROM ir_model_data "
            "WHERE model = 'res.groups' AND res_id = %s",
            [group.id],
        )
        self.assertEqual(cr.fetchall(), [("jxc_stock", "group_jxc_cost", group.id)])
        # Run again (or on a new database): nothing to rename, nothing changes.
        script.migrate(cr, "18.0.1.0.0")
        cr.execute("SELECT count(*) FROM ir_model_data WHERE name = 'group_jxc_cost'")
        self.assertEqual(cr.fetchone()[0], 1)
