# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import errors

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.sql_db import TestCursor

# First key of the advisory locks with which sessions take turns per product ("JX").
ADVISORY_LOCK_CLASS = 0x4A58
# Documents of more products go without turns: each turn is an entry of PostgreSQL's shared
# lock table (max_locks_per_transaction, 64 per connection by default).
MAX_TURNS = 50


def _release_turns(cr, keys):
    """Give back the turns taken by :meth:`JxcStockQuant._take_turn` (session advisory locks:
    they outlive the transaction, so they are released after its commit or rollback)."""
    if getattr(cr, "_jxc_turn", None) is keys:
        cr._jxc_turn = None
    with cr._cnx.cursor() as raw:
        raw.execute(
            "SELECT pg_advisory_unlock(k.c, k.p) FROM unnest(%s::int[], %s::int[]) AS k(c, p)",
            [[k[0] for k in keys], [k[1] for k in keys]],
        )
    cr._cnx.rollback()  # end the transaction the statement opened (nothing in it)


class JxcStockQuant(models.Model):
    """即时库存: on hand and reserved per (product, warehouse, lot).

    Quants are a cache of the ledger kept by the posting and reservation code in SQL, under
    row locks; nobody writes them through the ORM.
    """

    _name = "jxc.stock.quant"
    _description = "Stock on Hand"
    _order = "product_id, warehouse_id, lot_id"
    _rec_name = "product_id"

    product_id = fields.Many2one("product.product", required=True, readonly=True, index=True)
    product_tmpl_id = fields.Many2one(
        related="product_id.product_tmpl_id", store=True, string="Product Template"
    )
    categ_id = fields.Many2one(related="product_id.categ_id", store=True, string="Category")
    warehouse_id = fields.Many2one("jxc.stock.warehouse", required=True, readonly=True, index=True)
    lot_id = fields.Many2one("jxc.stock.lot", string="Lot / Serial", readonly=True, index=True)
    expiration_date = fields.Date(related="lot_id.expiration_date", string="Expiry Date")
    company_id = fields.Many2one(
        related="warehouse_id.company_id", store=True, index=True, string="Company"
    )
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    quantity = fields.Float(
        string="On Hand", digits="Product Unit of Measure", readonly=True, default=0.0
    )
    reserved_quantity = fields.Float(
        string="Reserved", digits="Product Unit of Measure", readonly=True, default=0.0
    )
    available_quantity = fields.Float(
        string="Available",
        digits="Product Unit of Measure",
        readonly=True,
        default=0.0,
        help="On hand minus reserved.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    value = fields.Monetary(
        string="Stock Value", readonly=True, default=0.0, groups="jxc_stock.group_jxc_cost"
    )

    def init(self):
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS jxc_stock_quant_key_uniq
                ON jxc_stock_quant (product_id, warehouse_id, COALESCE(lot_id, 0))
            """
        )

    @api.model_create_multi
    def create(self, vals_list):
        # Quants are inserted by _lock_quants (SQL) only.
        if vals_list:
            raise UserError(_("Stock on hand changes only by posting stock documents."))
        return super().create(vals_list)

    def write(self, vals):
        if self:
            raise UserError(_("Stock on hand changes only by posting stock documents."))
        return super().write(vals)

    # Also while an addon is uninstalled: stock on hand follows the ledger, which stays.
    @api.ondelete(at_uninstall=True)
    def _unlink_never(self):
        raise UserError(_("Stock on hand changes only by posting stock documents."))

    def action_view_reservations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "jxc_stock.jxc_stock_reservation_action"
        )
        action["domain"] = [
            ("product_id", "=", self.product_id.id),
            ("warehouse_id", "=", self.warehouse_id.id),
            ("lot_id", "=", self.lot_id.id),
            ("state", "=", "open"),
        ]
        return action

    # ------------------------------------------------------------------
    # SQL helpers for the hot paths (posting, reservation)
    # ------------------------------------------------------------------
    @api.model
    def _take_turn(self, products):
        """Wait, before the transaction has read what it will change, until no other session
        is reserving or posting ``products``; keep that turn until this transaction ends.

        Why: Odoo runs every request in REPEATABLE READ. A confirmation or a posting that
        locks a quant (or an average-cost row) another session changed since the request's
        first query fails with a serialization error, and Odoo's RPC layer runs the whole
        request again after sleeping up to 2, 4, 8… seconds. With many clients selling the
        same products most requests failed that way. Taking turns per product *before* the
        transaction's snapshot (session advisory locks, then a new transaction) lets the
        request see what the previous holder committed, so its row locks never fail.

        Only when nothing has been written in this transaction (a request that starts with
        the button, as the web client and JSON-RPC callers do): then rolling back loses
        nothing. Otherwise (a script or a test that wrote first, a second call in the same
        request) it does nothing. It never replaces the row locks: they still guard every
        invariant; this only spares the failures. Turns are taken in product order, while
        the transaction holds no row lock (nothing written), so they cannot deadlock.
        """
        cr = self.env.cr
        product_ids = sorted(set(products.ids))
        pending = (cr.precommit, cr.postcommit, cr.prerollback, cr.postrollback)
        if not product_ids or len(product_ids) > MAX_TURNS:
            return False
        if any(callbacks._funcs for callbacks in pending):
            return False
        if isinstance(cr, TestCursor) or getattr(cr, "_jxc_turn", None):
            return False
        self.env.flush_all()
        cr.execute("SELECT txid_current_if_assigned() IS NULL")
        if not cr.fetchone()[0]:
            return False
        keys = [(ADVISORY_LOCK_CLASS, product_id) for product_id in product_ids]
        try:
            # How long a session waits for its turn before it goes on without one.
            cr.execute("SET LOCAL lock_timeout = '10s'")
            cr.execute(
                """
                SELECT pg_advisory_lock(k.c, k.p)
                  FROM (SELECT * FROM unnest(%s::int[], %s::int[]) AS k(c, p) ORDER BY p) k
                """,
                [[k[0] for k in keys], [k[1] for k in keys]],
            )
        except errors.LockNotAvailable:
            # Too long a wait (a session that hangs): go on without a turn, as before.
            cr.rollback()
            _release_turns(cr, keys)
            self.env.invalidate_all(flush=False)
            return False
        # A new transaction, whose snapshot comes after what the previous holders committed.
        cr.rollback()
        self.env.invalidate_all(flush=False)
        cr._jxc_turn = keys
        cr.postcommit.add(lambda: _release_turns(cr, keys))
        cr.postrollback.add(lambda: _release_turns(cr, keys))
        return True

    @api.model
    def _lock_quants(self, keys, pairs=()):
        """Create missing quants for ``keys`` [(product, warehouse, lot or None)], then lock every
        quant of their (product, warehouse) pairs and of ``pairs`` in one fixed order, so that
        concurrent postings and reservations never deadlock.

        :return: list of dict rows (id, product_id, warehouse_id, lot_id, quantity,
                 reserved_quantity, value, expiration_date), in lock order
        """
        cr = self.env.cr
        self.env["jxc.stock.lot"].flush_model(["expiration_date", "product_id"])
        keys = sorted(set(keys), key=lambda k: (k[0], k[1], k[2] or 0))
        pairs = sorted({(k[0], k[1]) for k in keys} | set(pairs))
        if not pairs:
            return []
        cr.execute(
            """
            INSERT INTO jxc_stock_quant (product_id, product_tmpl_id, categ_id, warehouse_id,
                                         lot_id, company_id, quantity, reserved_quantity,
                                         available_quantity, value, create_uid, create_date,
                                         write_uid, write_date)
            SELECT k.product_id, pp.product_tmpl_id, pt.categ_id, k.warehouse_id, k.lot_id,
                   wh.company_id, 0, 0, 0, 0, %(uid)s, now() at time zone 'UTC',
                   %(uid)s, now() at time zone 'UTC'
              FROM unnest(%(products)s::int[], %(warehouses)s::int[], %(lots)s::int[])
                   AS k(product_id, warehouse_id, lot_id)
              JOIN product_product pp ON pp.id = k.product_id
              JOIN product_template pt ON pt.id = pp.product_tmpl_id
              JOIN jxc_stock_warehouse wh ON wh.id = k.warehouse_id
            ON CONFLICT DO NOTHING
            """,
            {
                "uid": self.env.uid,
                "products": [k[0] for k in keys],
                "warehouses": [k[1] for k in keys],
                "lots": [k[2] or None for k in keys],
            },
        )
        if cr.rowcount:
            self._invalidate_stock_caches()
        cr.execute(
            """
            SELECT q.id, q.product_id, q.warehouse_id, q.lot_id, q.quantity,
                   q.reserved_quantity, q.value, l.expiration_date
              FROM jxc_stock_quant q
              LEFT JOIN jxc_stock_lot l ON l.id = q.lot_id
             WHERE (q.product_id, q.warehouse_id) IN %s
             ORDER BY q.product_id, q.warehouse_id, COALESCE(q.lot_id, 0)
               FOR UPDATE OF q
            """,
            [tuple(pairs)],
        )
        return cr.dictfetchall()

    @api.model
    def _apply_deltas(self, deltas):
        """Add {quant_id: (quantity, reserved, value)} to quants, in one statement."""
        if not deltas:
            return
        ids = sorted(deltas)
        self.env.cr.execute(
            """
            UPDATE jxc_stock_quant q
               SET quantity = q.quantity + d.qty,
                   reserved_quantity = q.reserved_quantity + d.reserved,
                   available_quantity = q.quantity + d.qty - q.reserved_quantity - d.reserved,
                   value = q.value + d.value,
                   write_uid = %s,
                   write_date = now() at time zone 'UTC'
              FROM unnest(%s::int[], %s::numeric[], %s::numeric[], %s::numeric[])
                   AS d(id, qty, reserved, value)
             WHERE q.id = d.id
            """,
            [
                self.env.uid,
                ids,
                [deltas[i][0] for i in ids],
                [deltas[i][1] for i in ids],
                [deltas[i][2] for i in ids],
            ],
        )
        self._invalidate_stock_caches()
        # What is computed from the quants is recomputed as if the ORM had written them.
        self.browse(ids).modified(["quantity", "reserved_quantity", "available_quantity", "value"])

    @api.model
    def _invalidate_stock_caches(self):
        """Forget cached figures that SQL just changed (quants and what is computed from them)."""
        self.invalidate_model(
            ["quantity", "reserved_quantity", "available_quantity", "value", "write_date"]
        )
        self.env["jxc.stock.lot"].invalidate_model(["quant_ids", "quantity"])
        self.env["product.product"].invalidate_model(
            ["jxc_quant_ids", "jxc_on_hand", "jxc_reserved", "jxc_available"]
        )
