# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class JxcStockValuation(models.Model):
    """Moving weighted average (移动加权平均) per product and company.

    ``quantity`` and ``value`` are the company's totals over all warehouses; ``average_cost`` is
    value / quantity while stock is positive, else the last average. Kept by the posting code
    under a row lock, like the quants.
    """

    _name = "jxc.stock.valuation"
    _description = "Product Average Cost"
    _rec_name = "product_id"
    _order = "product_id"

    product_id = fields.Many2one("product.product", required=True, readonly=True, index=True)
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    quantity = fields.Float(digits="Product Unit of Measure", readonly=True)
    value = fields.Monetary(readonly=True, groups="jxc_stock.group_jxc_cost")
    average_cost = fields.Float(digits=(16, 4), readonly=True, groups="jxc_stock.group_jxc_cost")

    _sql_constraints = [
        ("product_company_uniq", "unique(product_id, company_id)", "One average per product."),
    ]

    @api.model
    def _lock(self, product_ids, company_id):
        """Create missing rows, lock them in product order; return {product_id: row dict}."""
        cr = self.env.cr
        product_ids = sorted(set(product_ids))
        cr.execute(
            """
            INSERT INTO jxc_stock_valuation (product_id, company_id, quantity, value,
                                             average_cost, create_uid, create_date,
                                             write_uid, write_date)
            SELECT p, %s, 0, 0, 0, %s, now() at time zone 'UTC', %s, now() at time zone 'UTC'
              FROM unnest(%s::int[]) AS p
            ON CONFLICT (product_id, company_id) DO NOTHING
            """,
            [company_id, self.env.uid, self.env.uid, product_ids],
        )
        cr.execute(
            """
            SELECT id, product_id, quantity, value, average_cost
              FROM jxc_stock_valuation
             WHERE company_id = %s AND product_id = ANY(%s)
             ORDER BY product_id
               FOR UPDATE
            """,
            [company_id, product_ids],
        )
        return {row["product_id"]: row for row in cr.dictfetchall()}

    @api.model
    def _save(self, rows):
        """Write back rows returned by :meth:`_lock` after the posting changed them."""
        if not rows:
            return
        rows = sorted(rows, key=lambda r: r["id"])
        self.env.cr.execute(
            """
            UPDATE jxc_stock_valuation v
               SET quantity = d.qty, value = d.value, average_cost = d.avg,
                   write_uid = %s, write_date = now() at time zone 'UTC'
              FROM unnest(%s::int[], %s::numeric[], %s::numeric[], %s::numeric[])
                   AS d(id, qty, value, avg)
             WHERE v.id = d.id
            """,
            [
                self.env.uid,
                [r["id"] for r in rows],
                [r["quantity"] for r in rows],
                [r["value"] for r in rows],
                [r["average_cost"] for r in rows],
            ],
        )
        self.invalidate_model(["quantity", "value", "average_cost"])
        self.browse([r["id"] for r in rows]).modified(["quantity", "value", "average_cost"])

    @api.model
    def _get_average_costs(self, products, company):
        """{product_id: current average cost} (0 for never-stocked products)."""
        self.env.cr.execute(
            "SELECT product_id, average_cost FROM jxc_stock_valuation "
            "WHERE company_id = %s AND product_id = ANY(%s)",
            [company.id, products.ids],
        )
        costs = dict(self.env.cr.fetchall())
        return {p.id: float(costs.get(p.id) or 0.0) for p in products}
