# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import _, api, fields, models
from odoo.tools import SQL

_logger = logging.getLogger(__name__)


class JxcStockIntegrity(models.Model):
    """账实核对: verify that quants, reservations and averages agree with the ledger."""

    _name = "jxc.stock.integrity"
    _description = "Stock Integrity Check"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(required=True, readonly=True, default=lambda self: _("Integrity check"))
    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)
    user_id = fields.Many2one("res.users", readonly=True, default=lambda self: self.env.user)
    state = fields.Selection([("ok", "Consistent"), ("mismatch", "Mismatches")], readonly=True)
    line_ids = fields.One2many("jxc.stock.integrity.line", "check_id", readonly=True)
    mismatch_count = fields.Integer(readonly=True)

    @api.model
    def action_run(self):
        # The check reads every quant in SQL and saves its result as superuser: stock staff
        # only (those who read the checks).
        self.check_access("read")
        check = self._run()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "jxc_stock.jxc_stock_integrity_action"
        )
        action.update(res_id=check.id, view_mode="form", views=[(False, "form")])
        return action

    @api.model
    def _run(self):
        lines = self._find_mismatches()
        check = self.sudo().create(
            {
                "state": "mismatch" if lines else "ok",
                "mismatch_count": len(lines),
                "line_ids": [fields.Command.create(vals) for vals in lines],
            }
        )
        return check.sudo(False)

    @api.model
    def _cron_run(self):
        check = self._run().sudo()
        if check.state == "mismatch":
            _logger.error(
                "Stock integrity check %s found %s mismatches", check.id, check.mismatch_count
            )
            for user in self.env.ref("jxc_stock.group_jxc_stock_manager").users.filtered(
                lambda u: u.active and not u.share
            ):
                check.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=_("Stock integrity check: %s mismatch(es) found", check.mismatch_count),
                    user_id=user.id,
                )
        return True

    @api.model
    def _find_mismatches(self):
        """Invariant 1, row by row, in SQL: list of line values for every disagreement."""
        self.env.flush_all()
        cr = self.env.cr
        results = []
        cr.execute("""
            WITH ledger AS (
                SELECT product_id, warehouse_id, COALESCE(lot_id, 0) AS lot_id,
                       SUM(quantity) AS quantity, SUM(value) AS value
                  FROM jxc_stock_move GROUP BY 1, 2, 3
            ), quants AS (
                SELECT product_id, warehouse_id, COALESCE(lot_id, 0) AS lot_id,
                       quantity, value, reserved_quantity, available_quantity
                  FROM jxc_stock_quant
            )
            SELECT COALESCE(q.product_id, l.product_id), COALESCE(q.warehouse_id, l.warehouse_id),
                   NULLIF(COALESCE(q.lot_id, l.lot_id), 0),
                   COALESCE(l.quantity, 0), COALESCE(q.quantity, 0),
                   COALESCE(l.value, 0), COALESCE(q.value, 0),
                   COALESCE(q.reserved_quantity, 0), COALESCE(q.available_quantity, 0)
              FROM quants q
              FULL JOIN ledger l USING (product_id, warehouse_id, lot_id)
             WHERE COALESCE(l.quantity, 0) <> COALESCE(q.quantity, 0)
                OR COALESCE(l.value, 0) <> COALESCE(q.value, 0)
                OR COALESCE(q.available_quantity, 0)
                   <> COALESCE(q.quantity, 0) - COALESCE(q.reserved_quantity, 0)
        """)
        for (
            product,
            warehouse,
            lot,
            l_qty,
            q_qty,
            l_val,
            q_val,
            reserved,
            available,
        ) in cr.fetchall():
            base = {"product_id": product, "warehouse_id": warehouse, "lot_id": lot}
            if l_qty != q_qty:
                results.append(dict(base, check_type="quantity", expected=l_qty, actual=q_qty))
            if l_val != q_val:
                results.append(
                    dict(base, check_type="value", expected_value=l_val, actual_value=q_val)
                )
            if available != q_qty - reserved:
                results.append(
                    dict(base, check_type="available", expected=q_qty - reserved, actual=available)
                )
        cr.execute("""
            WITH held AS (
                SELECT product_id, warehouse_id, COALESCE(lot_id, 0) AS lot_id,
                       SUM(quantity) AS quantity
                  FROM jxc_stock_reservation WHERE state = 'open' GROUP BY 1, 2, 3
            )
            SELECT COALESCE(q.product_id, h.product_id), COALESCE(q.warehouse_id, h.warehouse_id),
                   NULLIF(COALESCE(q.lot_id, h.lot_id), 0),
                   COALESCE(h.quantity, 0), COALESCE(q.reserved_quantity, 0)
              FROM (SELECT product_id, warehouse_id, COALESCE(lot_id, 0) AS lot_id,
                           reserved_quantity FROM jxc_stock_quant) q
              FULL JOIN held h USING (product_id, warehouse_id, lot_id)
             WHERE COALESCE(h.quantity, 0) <> COALESCE(q.reserved_quantity, 0)
        """)
        for product, warehouse, lot, expected, actual in cr.fetchall():
            results.append(
                {
                    "product_id": product,
                    "warehouse_id": warehouse,
                    "lot_id": lot,
                    "check_type": "reserved",
                    "expected": expected,
                    "actual": actual,
                }
            )
        cr.execute("""
            WITH ledger AS (
                SELECT product_id, company_id, SUM(quantity) AS quantity, SUM(value) AS value
                  FROM jxc_stock_move GROUP BY 1, 2
            )
            SELECT COALESCE(v.product_id, l.product_id), COALESCE(l.quantity, 0),
                   COALESCE(v.quantity, 0), COALESCE(l.value, 0), COALESCE(v.value, 0)
              FROM jxc_stock_valuation v
              FULL JOIN ledger l USING (product_id, company_id)
             WHERE COALESCE(l.quantity, 0) <> COALESCE(v.quantity, 0)
                OR COALESCE(l.value, 0) <> COALESCE(v.value, 0)
        """)
        for product, l_qty, v_qty, l_val, v_val in cr.fetchall():
            if l_qty != v_qty:
                results.append(
                    {
                        "product_id": product,
                        "check_type": "valuation_quantity",
                        "expected": l_qty,
                        "actual": v_qty,
                    }
                )
            if l_val != v_val:
                results.append(
                    {
                        "product_id": product,
                        "check_type": "valuation_value",
                        "expected_value": l_val,
                        "actual_value": v_val,
                    }
                )
        results += self._check_value_only_rows()
        results += self._check_period_balances()
        results += self._check_sources("jxc_stock_move", "ledger_source")
        results += self._check_posted_lines()
        results += self._check_reservation_demands()
        return results

    @api.model
    def _check_period_balances(self):
        """Period balances (月结余额) equal the ledger grouped by month and by year: one line
        per differing (month or year, product, warehouse, move type), naming the month (or
        year) and move type."""
        Balance = self.env["jxc.stock.period.balance"]
        self.env.cr.execute(Balance._mismatches_sql())
        labels = dict(Balance._fields["move_type"]._description_selection(self.env))
        return [
            {
                "check_type": "period_balance",
                "product_id": product_id,
                "warehouse_id": warehouse_id,
                "reference": _(
                    "%(month)s, %(move_type)s: %(ledger)s ledger rows, %(summed)s summed",
                    month=month.strftime("%Y" if period == "year" else "%Y-%m"),
                    move_type=labels.get(move_type, move_type),
                    ledger=l_count,
                    summed=b_count,
                ),
                "expected": l_qty,
                "actual": b_qty,
                "expected_value": l_val,
                "actual_value": b_val,
            }
            for (
                period,
                month,
                _company_id,
                product_id,
                warehouse_id,
                move_type,
                l_qty,
                b_qty,
                l_val,
                b_val,
                l_count,
                b_count,
            ) in self.env.cr.fetchall()
        ]

    @api.model
    def _check_value_only_rows(self):
        """Cost corrections (Odoo #187169): value-only rows move no quantity, and no company
        holds a product in stock at a negative value or average cost."""
        self.env.cr.execute(
            """
            SELECT id, res_model, res_id, reference, product_id, warehouse_id, quantity
              FROM jxc_stock_move
             WHERE move_type = ANY(%s) AND quantity <> 0
            """,
            [list(self.env["jxc.stock.move"]._get_value_only_move_types())],
        )
        results = [
            {
                "check_type": "value_only_quantity",
                "res_model": res_model,
                "res_id": res_id,
                "reference": reference,
                "product_id": product_id,
                "warehouse_id": warehouse_id,
                "expected": 0,
                "actual": quantity,
            }
            for _id, res_model, res_id, reference, product_id, warehouse_id, quantity in (
                self.env.cr.fetchall()
            )
        ]
        self.env.cr.execute("""
            SELECT product_id, value, average_cost
              FROM jxc_stock_valuation
             WHERE quantity > 0 AND (value < 0 OR average_cost < 0)
        """)
        results += [
            {
                "check_type": "negative_average",
                "product_id": product_id,
                "expected_value": 0,
                "actual_value": min(value, average_cost),
            }
            for product_id, value, average_cost in self.env.cr.fetchall()
        ]
        return results

    @api.model
    def _check_sources(self, table, check_type):
        """Rows of ``table`` (the ledger, or a sub-ledger downstream) whose document
        (``res_model``, ``res_id``) is missing or not in one of its posted states
        (``_jxc_posted_states``): a posted row of a document that was never posted, deleted,
        or moved back to draft."""
        rows = SQL.identifier(table)
        self.env.cr.execute(
            SQL("SELECT DISTINCT res_model FROM %s WHERE res_model IS NOT NULL", rows)
        )
        results = []
        for (res_model,) in self.env.cr.fetchall():
            Model = self.env.get(res_model)
            if Model is None:
                query = SQL(
                    "SELECT res_id, MIN(reference) FROM %s WHERE res_model = %s GROUP BY res_id",
                    rows,
                    res_model,
                )
            else:
                posted = list(getattr(Model, "_jxc_posted_states", ()))
                unposted = SQL("NOT (d.state = ANY(%s))", posted) if posted else SQL("FALSE")
                query = SQL(
                    """
                    SELECT r.res_id, MIN(r.reference)
                      FROM %s r
                      LEFT JOIN %s d ON d.id = r.res_id
                     WHERE r.res_model = %s AND (d.id IS NULL OR %s)
                     GROUP BY r.res_id
                    """,
                    rows,
                    SQL.identifier(Model._table),
                    res_model,
                    unposted,
                )
            self.env.cr.execute(query)
            results += [
                {
                    "check_type": check_type,
                    "res_model": res_model,
                    "res_id": res_id,
                    "reference": reference,
                }
                for res_id, reference in self.env.cr.fetchall()
            ]
        return results

    @api.model
    def _check_posted_lines(self):
        """Each posted document line has exactly one ledger row per direction: none means a
        document marked done without posting, two mean it was posted twice."""
        self.env.cr.execute("""
            SELECT m.picking_line_id, MIN(m.reference), COUNT(*)
              FROM jxc_stock_move m
             WHERE m.picking_line_id IS NOT NULL
             GROUP BY m.picking_line_id, SIGN(m.quantity)
            HAVING COUNT(*) > 1
            UNION ALL
            SELECT l.id, p.name, 0
              FROM jxc_stock_picking_line l
              JOIN jxc_stock_picking p ON p.id = l.picking_id
             WHERE p.state = 'done' AND l.quantity_done <> 0
               AND NOT EXISTS (SELECT 1 FROM jxc_stock_move m WHERE m.picking_line_id = l.id)
        """)
        return [
            {
                "check_type": "posted_twice" if count else "not_posted",
                "res_model": "jxc.stock.picking.line",
                "res_id": line_id,
                "reference": reference,
                "expected": 1,
                "actual": count,
            }
            for line_id, reference, count in self.env.cr.fetchall()
        ]

    @api.model
    def _check_reservation_demands(self):
        """Open reservations whose demand line is gone: stock held for nobody."""
        self.env.cr.execute(
            "SELECT DISTINCT res_model FROM jxc_stock_reservation "
            "WHERE state = 'open' AND res_model IS NOT NULL"
        )
        results = []
        for (res_model,) in self.env.cr.fetchall():
            Model = self.env.get(res_model)
            table = Model._table if Model is not None and not Model._abstract else None
            missing = (
                f"AND NOT EXISTS (SELECT 1 FROM {table} d WHERE d.id = r.res_id)" if table else ""
            )
            self.env.cr.execute(
                f"""
                SELECT r.id, r.name, r.product_id, r.warehouse_id, r.quantity
                  FROM jxc_stock_reservation r
                 WHERE r.state = 'open' AND r.res_model = %s {missing}
                """,
                [res_model],
            )
            results += self._reservation_mismatches(self.env.cr.fetchall())
        return results

    @api.model
    def _reservation_mismatches(self, rows):
        """Mismatch values of open reservations held for nobody: ``rows`` are (id, name,
        product, warehouse, held quantity)."""
        return [
            {
                "check_type": "reservation_demand",
                "res_model": "jxc.stock.reservation",
                "res_id": reservation_id,
                "reference": name,
                "product_id": product_id,
                "warehouse_id": warehouse_id,
                "actual": quantity,
            }
            for reservation_id, name, product_id, warehouse_id, quantity in rows
        ]
