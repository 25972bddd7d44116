# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Data generator for the jxc_reports benchmark (bench/bench_reports.py).

Usage: python bench/gen_reports.py [--if-needed] [--moves N] ODOO_CONF DB
Creates DB (normally ``jxc_bench_reports``) with the Odoo core modules and the five JXC addons,
without demo data, then fills it with server-side SQL (``INSERT ... SELECT generate_series``,
never the ORM per row; the ORM only sets the company up and makes 20 warehouses, 50 categories,
5 salespeople and a bank account):

- 10,000 products (``type='consu'``, JXC's stocked goods; Odoo 18's ``is_storable`` belongs to
  the stock module, which JXC does not use) in 50 categories, each stocked in 1 to 4 of the 20
  warehouses;
- 2,000 customers and 300 suppliers;
- 10,000,000 ledger rows (``jxc_stock_move``; ``--moves N`` for another size, e.g. the
  1,000,000 of earlier runs) over the last two years, date-ordered ids, across
  every move type, each linked to its document: sale orders → deliveries and returns, purchase
  orders → receipts and returns, other receipts / issues, transfers (pairs of legs), counts
  (盘点, count_gain / count_loss) and one opening receipt per product and warehouse, sized so
  that no (product, warehouse) ever goes below zero;
- quants and moving-average rows derived from the ledger (each product keeps one cost, so the
  moving average is that cost and every value is quantity × cost), and the period balances
  (``jxc.stock.period.balance._rebuild()``, as the addon's update fills them);
- about 100,000 receivable / payable entries per million ledger rows (orders, receipts,
  returns) with receipts and payments (收款单 / 付款单) that settle most of the old ones, in
  full or in part, and credit settlements of the returns, so that amount_settled /
  amount_residual / is_open agree with the settlement lines.

Rows are inserted with :meth:`Generator.insert` where it is used (the stock tables): a query
whose columns are named after the model's fields, checked against ``env[model]._fields``
(stored, required) so the schema is not typed again. Then VACUUM ANALYZE. A marker in
``ir.config_parameter`` records what was generated.
With ``--if-needed`` (``make bench``) an existing, generated database is kept: it is only
updated (``-u`` of the JXC addons) when the addons' code changed since, and rebuilt when it
was made by another version of this generator.
Targets: 1,000,000 rows in under 5 minutes, 10,000,000 in well under 20 minutes on 2 cores.
"""

import argparse
import contextlib
import hashlib
import json
import os
import sys
import time
from datetime import datetime, timedelta

sys.path.insert(
    0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tools")
)

import jxcdb

ROOT = jxcdb.ROOT

GENERATOR_VERSION = 2
MARKER = "jxc_bench.reports_data"
PRODUCTS = 10_000
WAREHOUSES = 20
CUSTOMERS = 2_000
SUPPLIERS = 300
MOVES = 10_000_000
DAYS = 730
SALESPEOPLE = 5
VERBOSE = os.environ.get("JXC_GEN_VERBOSE")  # print every statement's duration
# Share of the ledger rows (apart from the opening receipts) per kind of document; counts
# (盘点) take what is left.
SHARES = {"sale_out": 0.46, "purchase_in": 0.22, "out": 0.07, "in": 0.04, "internal": 0.05}
# The tables filled in bulk (their foreign keys are checked once, at the end).
LOADED_TABLES = [
    "jxc_sale_order",
    "jxc_sale_order_line",
    "jxc_purchase_order",
    "jxc_purchase_order_line",
    "jxc_stock_picking",
    "jxc_stock_picking_line",
    "jxc_stock_move",
    "jxc_stock_period_balance",
    "jxc_stock_count",
    "jxc_stock_count_line",
    "jxc_stock_quant",
    "jxc_stock_valuation",
    "jxc_finance_entry",
    "jxc_finance_payment",
    "jxc_finance_payment_line",
]
# Document number prefixes, as the addons' sequences make them (bench documents end in B).
PREFIX = {
    "in": "QR/B/",
    "out": "QC/B/",
    "internal": "DB/B/",
    "purchase_in": "CR/B/",
    "purchase_return": "CT/B/",
    "sale_out": "XC/B/",
    "sale_return": "XT/B/",
}


def addons_fingerprint():
    """A hash of the JXC addons' code and data (not their tests): changes mean ``-u``."""
    digest = hashlib.sha1()
    addons = os.path.join(ROOT, "addons")
    for name in sorted(jxcdb.JXC_ADDONS):
        for folder, dirs, files in os.walk(os.path.join(addons, name)):
            dirs[:] = sorted(d for d in dirs if d not in ("tests", "i18n", "static", "__pycache__"))
            for file in sorted(files):
                if file.endswith((".py", ".xml", ".csv")):
                    path = os.path.join(folder, file)
                    digest.update(os.path.relpath(path, addons).encode())
                    with open(path, "rb") as f:
                        digest.update(f.read())
    return digest.hexdigest()


def read_marker(db):
    """The generator's marker in ``db`` (a dict), or None."""
    import odoo

    if not jxcdb.exists(db, odoo.tools.config.rcfile):
        return None
    with odoo.sql_db.db_connect(db).cursor() as cr:
        cr.execute("SELECT to_regclass('ir_config_parameter') IS NOT NULL")
        if not cr.fetchone()[0]:
            return None
        cr.execute("SELECT value FROM ir_config_parameter WHERE key = %s", [MARKER])
        row = cr.fetchone()
    return json.loads(row[0]) if row else None


@contextlib.contextmanager
def generated_env(conf, db):
    """A superuser environment on ``db``, which this generator must have filled (else exit
    with how to fill it); rolled back at the end (the benchmarks write nothing)."""
    import odoo
    from odoo.tools import config

    config.parse_config(["-c", conf, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        if not env["ir.config_parameter"].get_param(MARKER):
            sys.exit(
                f"{db} holds no generated data: run python bench/gen_reports.py {conf} {db} first"
            )
        try:
            yield env
        finally:
            cr.rollback()


def write_marker(cr, values):
    cr.execute(
        """
        INSERT INTO ir_config_parameter (key, value, create_uid, create_date, write_uid,
                                         write_date)
        VALUES (%s, %s, 1, now() at time zone 'UTC', 1, now() at time zone 'UTC')
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, write_date = EXCLUDED.write_date
        """,
        [MARKER, json.dumps(values)],
    )


def create_database(conf, db):
    """``db``, new: the Odoo core modules and the five JXC addons, without demo data.

    Not a copy of ``jxc_bench_core`` (as tools/benchdb.py makes ``jxc_bench``): that template
    is installed with demo data (``ensure_core`` does not pass ``--without-demo``), and a
    database whose ``base`` has demo data loads the demo data of every module installed in it
    later, ``--without-demo=all`` or not.
    """
    jxcdb.drop(db, conf)
    log = os.path.join(ROOT, ".run", f"install-{db}.log")
    modules = ",".join([jxcdb.CORE_MODULES, *jxcdb.JXC_ADDONS])
    code = jxcdb.run_odoo("-d", db, "-i", modules, "--without-demo=all", logfile=log, conf=conf)
    if code:
        jxcdb.drop(db, conf)
        sys.exit(f"[jxc] installing JXC into {db} failed; see {log}")


def update_database(conf, db):
    log = os.path.join(ROOT, ".run", f"update-{db}.log")
    code = jxcdb.run_odoo("-d", db, "-u", ",".join(jxcdb.JXC_ADDONS), logfile=log, conf=conf)
    if code:
        sys.exit(f"[jxc] updating JXC in {db} failed; see {log}")


class Generator:
    def __init__(self, env, moves):
        self.env = env
        self.cr = env.cr
        self.moves = moves
        self.params = {}
        self.started = time.perf_counter()

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def sql(self, query, **params):
        start = time.perf_counter()
        self.cr.execute(query, dict(self.params, **params))
        if VERBOSE:
            print(f"    {time.perf_counter() - start:6.2f} s  {' '.join(query.split())[:90]}")
        return self.cr.rowcount

    def value(self, query, **params):
        self.sql(query, **params)
        return self.cr.fetchone()[0]

    def step(self, label):
        print(f"[gen] {time.perf_counter() - self.started:6.1f} s  {label}", flush=True)

    def numbered(self, src, dst, order_by, **columns):
        """Temp table ``dst``: ``src`` plus id columns ({name: sequence}) taken in one block
        from each sequence, numbered in ``order_by`` order."""
        count = self.value(f"SELECT count(*) FROM {src} AS c")
        firsts = {}
        for name, sequence in columns.items():
            first = self.value("SELECT nextval(%(seq)s)", seq=sequence)
            if count > 1:
                self.sql("SELECT setval(%(seq)s, %(last)s)", seq=sequence, last=first + count - 1)
            firsts[name] = first
        ids = ", ".join(
            f"({first - 1} + row_number() OVER (ORDER BY {order_by}))::int AS {name}"
            for name, first in firsts.items()
        )
        self.sql(f"CREATE TEMP TABLE {dst} AS SELECT {ids}, s.* FROM {src} s")
        self.sql(f"ANALYZE {dst}")
        return count

    def temp(self, name, query, **params):
        """Temp table ``name`` AS ``query``, analysed (autovacuum never sees temp tables)."""
        self.sql(f"CREATE TEMP TABLE {name} AS {query}", **params)
        count = self.cr.rowcount
        self.sql(f"ANALYZE {name}")
        return count

    def insert(self, model, query, **params):
        """Insert the rows of ``query`` into ``model``'s table. The query names each of its
        columns after a field of the model (``expression AS field``): the column list is
        read from the query and checked against the model — each a stored column of it,
        none of its required columns missing — so the schema is written once, in the
        models. Log columns not given are the generating user's, written now (a given
        ``create_date`` is also the ``write_date``). Return the number of rows."""
        Model = self.env[model]
        self.sql(f"SELECT * FROM ({query}) q LIMIT 0", **params)
        names = [column.name for column in self.cr.description]
        stored = {n for n, f in Model._fields.items() if f.store and f.column_type}
        unknown = sorted(set(names) - stored)
        if unknown:
            raise RuntimeError(f"{model} has no stored columns {unknown}")
        log = {}
        if Model._log_access:
            now = "now() at time zone 'UTC'"
            log = {
                "create_uid": "%(uid)s",
                "write_uid": "%(uid)s",
                "create_date": now,
                "write_date": "q.create_date" if "create_date" in names else now,
            }
            log = {name: sql for name, sql in log.items() if name not in names}
        missing = sorted(
            name
            for name, field in Model._fields.items()
            if field.required and name in stored and name not in names and name not in log
        )
        if missing:
            raise RuntimeError(f"rows for {model} lack the required columns {missing}")
        columns = ", ".join(f'"{name}"' for name in [*names, *log])
        values = ", ".join(["q.*", *log.values()])
        return self.sql(
            f'INSERT INTO "{Model._table}" ({columns}) SELECT {values} FROM ({query}) q',
            **params,
        )

    def drop_foreign_keys(self, tables):
        """Drop the foreign keys of ``tables``; return [(table, name, definition)]."""
        self.sql(
            """
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
              FROM pg_constraint
             WHERE contype = 'f' AND conrelid = ANY(%(tables)s::regclass[])
             ORDER BY 1, 2
            """,
            tables=tables,
        )
        foreign_keys = self.cr.fetchall()
        for table, name, _definition in foreign_keys:
            self.sql(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
        return foreign_keys

    def drop_indexes(self, tables):
        """Drop the indexes of ``tables`` that no constraint uses; return their definitions."""
        self.sql(
            """
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
              FROM pg_index i
             WHERE i.indrelid = ANY(%(tables)s::regclass[])
               AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
             ORDER BY 1
            """,
            tables=tables,
        )
        indexes = self.cr.fetchall()
        for name, _definition in indexes:
            self.sql(f"DROP INDEX {name}")
        return [definition for _name, definition in indexes]

    @staticmethod
    def picking_name(type_sql, id_sql):
        cases = " ".join(f"WHEN '{t}' THEN '{p}'" for t, p in PREFIX.items())
        return f"(CASE {type_sql} {cases} END || lpad(({id_sql})::text, 7, '0'))"

    # ------------------------------------------------------------------
    # Generation
    # ------------------------------------------------------------------
    def run(self):
        self.sql("SET LOCAL work_mem = '256MB'")
        self.sql("SET LOCAL maintenance_work_mem = '512MB'")
        self.sql("SET LOCAL synchronous_commit = off")
        self.sql("SELECT setseed(0.20260101)")
        self.master_data()
        # Foreign keys are checked row by row (a trigger and a locking lookup each) and indexes
        # grow row by row: on the loaded tables both are dropped, then made again in one pass
        # each (which checks every foreign key in one join).
        foreign_keys = self.drop_foreign_keys(LOADED_TABLES)
        indexes = self.drop_indexes(LOADED_TABLES)
        self.products()
        self.sales()
        self.purchases()
        self.other_documents()
        self.counts()
        self.ledger()
        self.documents()
        self.insert_ledger()
        self.stock()
        self.finance()
        for definition in indexes:
            self.sql(definition)
        self.step(f"{len(indexes)} indexes made again")
        for table, name, definition in foreign_keys:
            self.sql(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}')
        self.step(f"{len(foreign_keys)} foreign keys added back (and so checked)")
        rows = self.env["jxc.report.sale.period"]._rebuild()
        self.step(f"sales analysis: {rows:,} monthly sums")
        self.check()

    def master_data(self):
        import odoo

        env = self.env
        company = env.company
        cny = env.ref("base.CNY")
        cny.active = True
        company.write({"name": "基准商贸有限公司", "currency_id": cny.id})
        env["res.users"].browse([odoo.SUPERUSER_ID, env.ref("base.user_admin").id]).write(
            {"tz": "Asia/Shanghai"}
        )
        warehouses = env["jxc.stock.warehouse"].create(
            [
                {"name": f"基准仓{i:02d}", "code": f"BW{i:02d}", "company_id": company.id}
                for i in range(1, WAREHOUSES + 1)
            ]
        )
        Category = env["product.category"]
        root = Category.create({"name": "基准商品"})
        leaves = Category
        for i in range(1, 8):
            child = Category.create({"name": f"大类{i}", "parent_id": root.id})
            leaves |= Category.create(
                [{"name": f"小类{i}-{j}", "parent_id": child.id} for j in range(1, 7)]
            )
        group = env.ref("jxc_sales.group_jxc_sales_user")
        users = (
            env["res.users"]
            .with_context(no_reset_password=True, mail_create_nolog=True)
            .create(
                [
                    {
                        "name": f"销售员{i}",
                        "login": f"bench_sales_{i}",
                        "groups_id": [(4, group.id)],
                    }
                    for i in range(1, SALESPEOPLE + 1)
                ]
            )
        )
        account = env["jxc.finance.account"].create(
            {"name": "基准银行账户", "account_type": "bank", "company_id": company.id}
        )
        env.flush_all()
        now = datetime.utcnow().replace(microsecond=0)
        start = now - timedelta(days=DAYS)
        self.params = {
            "uid": env.uid,
            "company": company.id,
            "currency": company.currency_id.id,
            "uom": env.ref("uom.product_uom_unit").id,
            "wh_ids": warehouses.ids,
            "nwh": WAREHOUSES,
            "leaves": leaves.ids,
            "nleaves": len(leaves),
            "users": users.ids,
            "nusers": len(users),
            "account": account.id,
            "customers": CUSTOMERS,
            "suppliers": SUPPLIERS,
            "products": PRODUCTS,
            "now": now,
            "start": start,
            "opening_date": start - timedelta(days=1),
            "span": DAYS * 86400.0,
        }
        self.step("warehouses, categories, salespeople, bank account (ORM)")

    def products(self):
        self.temp(
            "g_partner",
            """
            SELECT nextval('res_partner_id_seq')::int AS id, i, i <= %(customers)s AS customer,
                   (ARRAY[0, 15, 30, 30, 45, 60])[1 + floor(random() * 6)::int] AS term
              FROM generate_series(1, %(customers)s + %(suppliers)s) i
            """,
        )
        self.sql(
            """
            INSERT INTO res_partner (id, name, complete_name, commercial_partner_id,
                                     commercial_company_name, ref, is_company, active, type,
                                     lang, partner_share, color, jxc_credit_days,
                                     jxc_credit_limit, create_uid, create_date, write_uid,
                                     write_date)
            SELECT id, nm, nm, id, nm, code, true, true, 'contact', 'en_US', true, 0, 0, 0,
                   %(uid)s, %(start)s, %(uid)s, %(start)s
              FROM (SELECT id, CASE WHEN customer THEN '客户' || lpad(i::text, 4, '0') || '商贸'
                                    ELSE '供应商' || lpad((i - %(customers)s)::text, 3, '0')
                               END AS nm,
                           CASE WHEN customer THEN 'C' || lpad(i::text, 4, '0')
                                ELSE 'S' || lpad((i - %(customers)s)::text, 3, '0')
                           END AS code
                      FROM g_partner) p
            """
        )
        self.temp(
            "g_customer",
            "SELECT row_number() OVER (ORDER BY i)::int AS ci, id, term FROM g_partner "
            "WHERE customer",
        )
        self.temp(
            "g_supplier",
            "SELECT row_number() OVER (ORDER BY i)::int AS si, id, term FROM g_partner "
            "WHERE NOT customer",
        )
        self.temp(
            "g_product",
            """
            SELECT n, tmpl_id, id, categ_id, cost,
                   round(cost * (1.15 + random() * 0.45)::numeric, 2) AS price, k
              FROM (SELECT n, nextval('product_template_id_seq')::int AS tmpl_id,
                           nextval('product_product_id_seq')::int AS id,
                           (%(leaves)s::int[])[1 + mod(n, %(nleaves)s)] AS categ_id,
                           round((2 + power(random(), 2) * 498)::numeric, 2) AS cost,
                           1 + floor(random() * 4)::int AS k
                      FROM generate_series(1, %(products)s) n
                    OFFSET 0) p
            """,
        )
        self.sql(
            """
            INSERT INTO product_template (id, name, categ_id, uom_id, uom_po_id, type,
                                          service_tracking, tracking, default_code, list_price,
                                          sale_ok, purchase_ok, active, sequence, is_favorite,
                                          specification, allow_negative_stock,
                                          use_expiration_date, expiration_time, create_uid,
                                          create_date, write_uid, write_date)
            SELECT tmpl_id, jsonb_build_object('en_US', '商品' || lpad(n::text, 5, '0')),
                   categ_id, %(uom)s, %(uom)s, 'consu', 'no', 'none',
                   'B' || lpad(n::text, 5, '0'), price, true, true, true, 1, false,
                   (ARRAY['500ml×24', '1kg×10', '250g×40', '1L×12'])[1 + mod(n, 4)],
                   false, false, 0, %(uid)s, %(start)s, %(uid)s, %(start)s
              FROM g_product
            """
        )
        self.sql(
            """
            INSERT INTO product_product (id, product_tmpl_id, default_code, combination_indices,
                                         active, standard_price, create_uid, create_date,
                                         write_uid, write_date)
            SELECT id, tmpl_id, 'B' || lpad(n::text, 5, '0'), '', true,
                   jsonb_build_object(%(company)s::text, cost), %(uid)s, %(start)s, %(uid)s,
                   %(start)s
              FROM g_product
            """
        )
        # Where each product is stocked: k of the 20 warehouses, spread evenly.
        self.temp(
            "g_wh",
            "SELECT (i - 1)::int AS wi, id::int FROM unnest(%(wh_ids)s::int[]) "
            "WITH ORDINALITY AS t(id, i)",
        )
        self.temp(
            "g_pair",
            """
            SELECT *, row_number() OVER (PARTITION BY wi ORDER BY product_id)::int AS rn,
                   (row_number() OVER (PARTITION BY wi, k > 1 ORDER BY product_id))::int AS rn2
              FROM (SELECT p.id AS product_id, p.n, p.k, j, mod(p.n * 7 + j * 3, %(nwh)s) AS wi
                      FROM g_product p CROSS JOIN LATERAL generate_series(0, p.k - 1) j) s
            """,
        )
        self.sql("DROP TABLE g_wh")
        self.temp(
            "g_wh",
            """
            SELECT (i - 1)::int AS wi, id::int,
                   (SELECT count(*) FROM g_pair p WHERE p.wi = i - 1)::int AS cnt,
                   (SELECT count(*) FROM g_pair p WHERE p.wi = i - 1 AND p.k > 1)::int AS cnt2
              FROM unnest(%(wh_ids)s::int[]) WITH ORDINALITY AS t(id, i)
            """,
        )
        self.pairs = self.value("SELECT count(*) FROM g_pair")
        rest = self.moves - self.pairs
        self.quota = {kind: round(rest * share) for kind, share in SHARES.items()}
        self.rest = rest
        self.step(
            f"{CUSTOMERS:,} customers, {SUPPLIERS:,} suppliers, {PRODUCTS:,} products, "
            f"{self.pairs:,} (product, warehouse) pairs"
        )

    def order_lines(self, prefix, kind, partner_table, partner_index, max_lines, qty_sql):
        """Orders (``{prefix}_o``) and their lines (``{prefix}_l``), ``self.quota[kind]`` lines
        in all, each line for a product stocked in the order's warehouse."""
        lines = self.quota[kind]
        orders = int(lines / ((1 + max_lines) / 2) * 1.2) + 10
        self.temp(
            f"{prefix}_o_raw",
            f"""
            WITH o AS MATERIALIZED (
                SELECT o, 1 + floor(random() * %(max_lines)s)::int AS nlines,
                       1 + floor(power(random(), 1.7) * %(npartners)s)::int AS pi,
                       1 + floor(random() * %(nusers)s)::int AS ui,
                       floor(random() * %(nwh)s)::int AS wi,
                       %(start)s::timestamp + random() * (%(span)s - 8 * 86400)
                           * interval '1 second' AS date_order,
                       random() AS r
                  FROM generate_series(1, %(orders)s) o
            ), c AS (
                SELECT *, sum(nlines) OVER (ORDER BY o) - nlines AS first_line FROM o
            )
            SELECT c.o, least(c.nlines, %(lines)s - c.first_line) AS nlines, p.id AS partner_id,
                   p.term, (%(users)s::int[])[c.ui] AS user_id, c.wi, c.date_order,
                   c.date_order + (1 + c.r * 6) * interval '1 day' AS date_done
              FROM c JOIN {partner_table} p ON p.{partner_index} = c.pi
             WHERE c.first_line < %(lines)s
            """,
            max_lines=max_lines,
            npartners=CUSTOMERS if kind == "sale_out" else SUPPLIERS,
            orders=orders,
            lines=lines,
        )
        self.numbered(
            f"{prefix}_o_raw",
            f"{prefix}_o",
            "date_order",
            id=f"jxc_{'sale' if kind == 'sale_out' else 'purchase'}_order_id_seq",
            picking_id="jxc_stock_picking_id_seq",
        )
        self.temp(
            f"{prefix}_l_raw",
            f"""
            WITH l AS MATERIALIZED (
                SELECT o.id AS order_id, o.picking_id, o.wi, o.date_done, s AS seq,
                       1 + floor(random() * w.cnt)::int AS prn,
                       {qty_sql} AS qty, random() AS r1, random() AS r2
                  FROM {prefix}_o o
                  JOIN g_wh w ON w.wi = o.wi
                 CROSS JOIN LATERAL generate_series(1, o.nlines) s
            )
            SELECT l.order_id, l.picking_id, l.wi, l.date_done, l.seq, l.qty, p.product_id,
                   g.tmpl_id, g.categ_id, g.cost, g.price, l.r1, l.r2
              FROM l
              JOIN g_pair p ON p.wi = l.wi AND p.rn = l.prn
              JOIN g_product g ON g.id = p.product_id
            """,
        )
        self.numbered(
            f"{prefix}_l_raw",
            f"{prefix}_l_num",
            "order_id, seq",
            id=f"jxc_{'sale' if kind == 'sale_out' else 'purchase'}_order_line_id_seq",
            pl_id="jxc_stock_picking_line_id_seq",
        )

    def returns(self, prefix, kind, order_share, line_share, max_days):
        """Returns of some delivered / received lines, one return document per order."""
        self.temp(
            f"{prefix}_r_raw",
            f"""
            WITH ro AS MATERIALIZED (
                SELECT id AS order_id, least(date_done + (1 + random() * %(days)s)
                                             * interval '1 day', %(now)s) AS rdate
                  FROM {prefix}_o WHERE random() < %(oshare)s
            ), rl AS MATERIALIZED (
                SELECT l.id AS line_id, l.order_id, l.pl_id AS orig_pl_id, l.picking_id
                       AS orig_picking_id, l.wi, l.product_id, l.tmpl_id, l.categ_id, l.cost,
                       l.qty, l.price_total, ro.rdate, random() AS r
                  FROM {prefix}_l l JOIN ro ON ro.order_id = l.order_id
            )
            SELECT *, 1 + floor(r * qty)::int AS rqty FROM rl WHERE random() < %(lshare)s
            """,
            days=max_days,
            oshare=order_share,
            lshare=line_share,
        )
        self.numbered(
            f"(SELECT order_id, min(orig_picking_id) AS orig_picking_id, min(rdate) AS rdate "
            f"FROM {prefix}_r_raw GROUP BY order_id)",
            f"{prefix}_rp",
            "rdate, order_id",
            picking_id="jxc_stock_picking_id_seq",
        )
        self.numbered(
            f"(SELECT r.*, p.picking_id FROM {prefix}_r_raw r "
            f"JOIN {prefix}_rp p ON p.order_id = r.order_id)",
            f"{prefix}_r",
            "picking_id, line_id",
            pl_id="jxc_stock_picking_line_id_seq",
        )
        return self.value(f"SELECT count(*) FROM {prefix}_r")

    def sales(self):
        self.order_lines(
            "g_so", "sale_out", "g_customer", "ci", 13, "1 + floor(power(random(), 2) * 20)::int"
        )
        self.temp(
            "g_so_l",
            """
            SELECT *, round(subtotal * 0.13, 2) AS tax, subtotal + round(subtotal * 0.13, 2)
                   AS price_total
              FROM (SELECT *, round(qty * price_unit * (1 - discount / 100), 2) AS subtotal
                      FROM (SELECT l.*, round(l.price * (0.95 + l.r1 * 0.1)::numeric, 2)
                                   AS price_unit,
                                   CASE WHEN l.r2 < 0.1 THEN 5.0 ELSE 0.0 END AS discount
                              FROM g_so_l_num l) a) b
            """,
        )
        self.sale_returns = self.returns("g_so", "sale_return", 0.06, 0.5, 30)
        self.step(
            f"sale orders: {self.quota['sale_out']:,} lines, {self.sale_returns:,} returned lines"
        )

    def purchases(self):
        self.order_lines(
            "g_po", "purchase_in", "g_supplier", "si", 13, "5 + floor(random() * 42)::int"
        )
        self.temp(
            "g_po_l",
            """
            SELECT *, round(subtotal * 0.13, 2) AS tax, subtotal + round(subtotal * 0.13, 2)
                   AS price_total
              FROM (SELECT l.*, l.cost AS price_unit, 0.0 AS discount,
                           round(l.qty * l.cost, 2) AS subtotal
                      FROM g_po_l_num l) a
            """,
        )
        self.purchase_returns = self.returns("g_po", "purchase_return", 0.05, 0.5, 15)
        self.step(
            f"purchase orders: {self.quota['purchase_in']:,} lines, "
            f"{self.purchase_returns:,} returned lines"
        )

    def other_documents(self):
        """其他入库 / 其他出库 / 调拨: lines grouped by warehouse (and destination) into
        documents of about 8 lines."""
        self.temp(
            "g_x_raw",
            """
            WITH x AS MATERIALIZED (
                SELECT kind, floor(random() * %(nwh)s)::int AS wi, random() AS r1,
                       random() AS r2
                  FROM (SELECT 'in' AS kind, generate_series(1, %(n_in)s)
                        UNION ALL SELECT 'out', generate_series(1, %(n_out)s)
                        UNION ALL SELECT 'internal', generate_series(1, %(n_int)s)) t
            )
            SELECT x.kind, x.wi, NULL::int AS dest_wi, p.product_id, g.tmpl_id, g.categ_id, g.cost,
                   CASE x.kind WHEN 'in' THEN 1 + floor(x.r2 * 30)::int
                               ELSE 1 + floor(x.r2 * 8)::int END AS qty
              FROM x
              JOIN g_wh w ON w.wi = x.wi
              JOIN g_pair p ON p.wi = x.wi AND p.rn = 1 + floor(x.r1 * w.cnt)::int
              JOIN g_product g ON g.id = p.product_id
             WHERE x.kind <> 'internal'
            UNION ALL
            -- transfers: from a warehouse of a product stocked in several, to its next one
            SELECT x.kind, x.wi, d.wi, p.product_id, g.tmpl_id, g.categ_id, g.cost,
                   1 + floor(x.r2 * 8)::int
              FROM x
              JOIN g_wh w ON w.wi = x.wi
              JOIN g_pair p ON p.wi = x.wi AND p.k > 1 AND p.rn2 = 1 + floor(x.r1 * w.cnt2)::int
              JOIN g_product g ON g.id = p.product_id
              JOIN g_pair d ON d.product_id = p.product_id AND d.j = mod(p.j + 1, p.k)
             WHERE x.kind = 'internal'
            """,
            n_in=self.quota["in"],
            n_out=self.quota["out"],
            n_int=self.quota["internal"],
        )
        self.temp(
            "g_x_bucket",
            """
            SELECT *, (row_number() OVER (PARTITION BY kind, wi, dest_wi ORDER BY random()) - 1)
                      / 8 AS bucket
              FROM g_x_raw
            """,
        )
        self.numbered(
            """(SELECT kind, wi, dest_wi, bucket, %(start)s::timestamp + random() * %(span)s
                       * interval '1 second' AS date
                  FROM (SELECT DISTINCT kind, wi, dest_wi, bucket FROM g_x_bucket) k OFFSET 0)""",
            "g_xp",
            "date",
            picking_id="jxc_stock_picking_id_seq",
        )
        self.numbered(
            """(SELECT b.*, p.picking_id, p.date FROM g_x_bucket b
                  JOIN g_xp p ON p.kind = b.kind AND p.wi = b.wi
                       AND p.dest_wi IS NOT DISTINCT FROM b.dest_wi AND p.bucket = b.bucket)""",
            "g_x",
            "picking_id, product_id",
            pl_id="jxc_stock_picking_line_id_seq",
        )
        self.step(
            f"other documents: {self.quota['in']:,} receipt lines, {self.quota['out']:,} issue "
            f"lines, {self.quota['internal']:,} transfer lines"
        )

    def counts(self):
        """盘点: what is left of the ledger rows, gains and losses in counts of about 10 lines."""
        used = (
            self.quota["sale_out"]
            + self.sale_returns
            + self.quota["purchase_in"]
            + self.purchase_returns
            + self.quota["in"]
            + self.quota["out"]
            + 2 * self.quota["internal"]
        )
        self.n_counts = self.rest - used
        self.temp(
            "g_c_raw",
            """
            WITH x AS MATERIALIZED (
                SELECT floor(random() * %(nwh)s)::int AS wi, random() AS r1, random() AS r2
                  FROM generate_series(1, %(n)s)
            )
            SELECT x.wi, p.product_id, g.tmpl_id, g.categ_id, g.cost,
                   CASE WHEN x.r2 < 0.5 THEN -1 - floor(x.r2 * 10)::int
                        ELSE 1 + floor((x.r2 - 0.5) * 10)::int END AS qty,
                   (row_number() OVER (PARTITION BY x.wi ORDER BY random()) - 1) / 10 AS bucket
              FROM x
              JOIN g_wh w ON w.wi = x.wi
              JOIN g_pair p ON p.wi = x.wi AND p.rn = 1 + floor(x.r1 * w.cnt)::int
              JOIN g_product g ON g.id = p.product_id
            """,
            n=self.n_counts,
        )
        self.numbered(
            """(SELECT wi, bucket, %(start)s::timestamp + random() * %(span)s
                       * interval '1 second' AS date
                  FROM (SELECT DISTINCT wi, bucket FROM g_c_raw) k OFFSET 0)""",
            "g_cp",
            "date",
            count_id="jxc_stock_count_id_seq",
        )
        self.numbered(
            """(SELECT c.*, p.count_id, p.date FROM g_c_raw c
                  JOIN g_cp p ON p.wi = c.wi AND p.bucket = c.bucket)""",
            "g_c",
            "count_id, product_id",
            line_id="jxc_stock_count_line_id_seq",
        )
        self.step(f"counts: {self.n_counts:,} gain / loss lines")

    def ledger(self):
        """Every ledger row in one temp table, then opening receipts so that no running
        balance goes below zero, then ids in date order and the insert."""
        pick = self.picking_name
        self.temp(
            "g_move",
            f"""
            SELECT date_done AS date, 0 AS tb, product_id, tmpl_id, categ_id, wi, -qty AS qty,
                   cost, 'sale_out' AS move_type, picking_id, pl_id, NULL::int AS orig_pl_id,
                   'jxc.stock.picking' AS res_model, picking_id AS res_id,
                   {pick("'sale_out'", "picking_id")} AS reference
              FROM g_so_l
            UNION ALL
            SELECT rdate, 1, product_id, tmpl_id, categ_id, wi, rqty, cost, 'sale_return',
                   picking_id, pl_id, orig_pl_id, 'jxc.stock.picking', picking_id,
                   {pick("'sale_return'", "picking_id")}
              FROM g_so_r
            UNION ALL
            SELECT date_done, 0, product_id, tmpl_id, categ_id, wi, qty, cost, 'purchase_in',
                   picking_id, pl_id, NULL, 'jxc.stock.picking', picking_id,
                   {pick("'purchase_in'", "picking_id")}
              FROM g_po_l
            UNION ALL
            SELECT rdate, 1, product_id, tmpl_id, categ_id, wi, -rqty, cost, 'purchase_return',
                   picking_id, pl_id, orig_pl_id, 'jxc.stock.picking', picking_id,
                   {pick("'purchase_return'", "picking_id")}
              FROM g_po_r
            UNION ALL
            SELECT date, 0, product_id, tmpl_id, categ_id, wi,
                   CASE kind WHEN 'in' THEN qty ELSE -qty END, cost,
                   CASE kind WHEN 'internal' THEN 'internal_out' ELSE kind END, picking_id,
                   pl_id, NULL, 'jxc.stock.picking', picking_id, {pick("kind", "picking_id")}
              FROM g_x
            UNION ALL
            SELECT date, 1, product_id, tmpl_id, categ_id, dest_wi, qty, cost, 'internal_in',
                   picking_id, pl_id, NULL, 'jxc.stock.picking', picking_id,
                   {pick("'internal'", "picking_id")}
              FROM g_x WHERE kind = 'internal'
            UNION ALL
            SELECT date, 0, product_id, tmpl_id, categ_id, wi, qty, cost,
                   CASE WHEN qty > 0 THEN 'count_gain' ELSE 'count_loss' END, NULL, line_id,
                   NULL, 'jxc.stock.count', count_id, 'PD/B/' || lpad(count_id::text, 7, '0')
              FROM g_c
            """,
        )
        self.step("ledger rows staged")
        # Opening receipts (期初): one per (product, warehouse), before everything else, of
        # what the pair lacks at its lowest point plus a little.
        self.temp(
            "g_open_raw",
            """
            SELECT p.wi, p.product_id, g.tmpl_id, g.categ_id, g.cost,
                   greatest(0, -coalesce(b.low, 0))::int + 5 + floor(random() * 46)::int AS qty
              FROM g_pair p
              JOIN g_product g ON g.id = p.product_id
              LEFT JOIN (SELECT product_id, wi, min(bal) AS low
                           FROM (SELECT product_id, wi,
                                        sum(qty) OVER (PARTITION BY product_id, wi
                                                       ORDER BY date, tb, pl_id) AS bal
                                   FROM g_move) s
                          GROUP BY product_id, wi) b
                ON b.product_id = p.product_id AND b.wi = p.wi
            """,
        )
        self.numbered(
            "(SELECT DISTINCT wi FROM g_open_raw)",
            "g_openp",
            "wi",
            picking_id="jxc_stock_picking_id_seq",
        )
        self.numbered(
            "(SELECT o.*, p.picking_id FROM g_open_raw o JOIN g_openp p ON p.wi = o.wi)",
            "g_open",
            "picking_id, product_id",
            pl_id="jxc_stock_picking_line_id_seq",
        )
        self.sql(
            f"""
            INSERT INTO g_move
            SELECT %(opening_date)s, 0, product_id, tmpl_id, categ_id, wi, qty, cost, 'in',
                   picking_id, pl_id, NULL, 'jxc.stock.picking', picking_id,
                   {pick("'in'", "picking_id")}
              FROM g_open
            """
        )
        self.step(f"{self.pairs:,} opening receipts")
        # Ids in date order, running balances (for the counts' theoretical quantities).
        self.numbered(
            """(SELECT m.*, sum(qty) OVER (PARTITION BY product_id, wi
                                           ORDER BY date, tb, pl_id) AS bal FROM g_move m)""",
            "g_m",
            "date, tb, pl_id",
            id="jxc_stock_move_id_seq",
        )
        self.sql("DROP TABLE g_move")
        self.step("ledger rows numbered in date order")

    def insert_ledger(self):
        """The ledger rows, in id (= date) order, after their documents."""
        inserted = self.insert(
            "jxc.stock.move",
            """
            SELECT m.id, m.date, m.product_id, m.tmpl_id AS product_tmpl_id, m.categ_id,
                   w.id AS warehouse_id, %(company)s AS company_id, m.qty AS quantity,
                   m.cost AS unit_cost, m.qty * m.cost AS value, m.move_type,
                   false AS is_reversal, o.id AS origin_move_id,
                   CASE WHEN m.res_model = 'jxc.stock.picking' THEN m.picking_id END
                       AS picking_id,
                   CASE WHEN m.res_model = 'jxc.stock.picking' THEN m.pl_id END
                       AS picking_line_id,
                   m.res_model, m.res_id, m.reference, %(uid)s AS user_id,
                   m.date AS create_date
              FROM g_m m
              JOIN g_wh w ON w.wi = m.wi
              LEFT JOIN g_m o ON o.pl_id = m.orig_pl_id AND m.orig_pl_id IS NOT NULL
                   AND o.res_model = 'jxc.stock.picking'
             ORDER BY m.id
            """,
        )
        self.step(f"{inserted:,} ledger rows inserted")
        self.insert(
            "jxc.stock.count.line",
            """
            SELECT m.pl_id AS id, m.res_id AS count_id, %(company)s AS company_id,
                   m.product_id, m.id AS move_id, m.bal - m.qty AS theoretical_quantity,
                   m.bal AS counted_quantity, m.qty AS difference_quantity,
                   true AS is_counted, m.date AS create_date
              FROM g_m m WHERE m.res_model = 'jxc.stock.count'
            """,
        )

    def documents(self):
        """Orders, pickings and their lines, counts."""
        pick = self.picking_name
        for prefix in ("g_so", "g_po"):
            self.temp(
                f"{prefix}_amounts",
                f"""
                SELECT order_id, sum(subtotal) AS untaxed, sum(tax) AS tax,
                       sum(price_total) AS total
                  FROM {prefix}_l GROUP BY order_id
                """,
            )
        self.sql(
            """
            INSERT INTO jxc_sale_order (id, name, partner_id, partner_shipping_id, user_id,
                                        warehouse_id, company_id, currency_id, payment_term_days,
                                        state, amount_untaxed, amount_tax, amount_total,
                                        amount_total_company, date_order, date_confirm,
                                        commitment_date, create_uid, create_date, write_uid,
                                        write_date)
            SELECT o.id, 'SO/B/' || lpad(o.id::text, 7, '0'), o.partner_id, o.partner_id,
                   o.user_id, w.id, %(company)s, %(currency)s, o.term, 'done', a.untaxed, a.tax,
                   a.total, a.total, o.date_order, o.date_order, o.date_done, %(uid)s,
                   o.date_order, %(uid)s, o.date_done
              FROM g_so_o o JOIN g_wh w ON w.wi = o.wi JOIN g_so_amounts a ON a.order_id = o.id
            """
        )
        self.sql(
            """
            INSERT INTO jxc_sale_order_line (id, order_id, sequence, company_id, currency_id,
                                             partner_id, user_id, warehouse_id, product_id,
                                             uom_id, state, name, quantity, price_unit, discount,
                                             tax_rate, price_subtotal, price_tax, price_total,
                                             qty_delivered, qty_returned, qty_cancelled,
                                             qty_to_deliver, date_order, create_uid,
                                             create_date, write_uid, write_date)
            SELECT l.id, l.order_id, l.seq, %(company)s, %(currency)s, o.partner_id, o.user_id,
                   w.id, l.product_id, %(uom)s, 'done', '商品' || lpad(g.n::text, 5, '0'),
                   l.qty, l.price_unit, l.discount, 13.0, l.subtotal, l.tax, l.price_total,
                   l.qty, coalesce(r.rqty, 0), 0, 0, o.date_order, %(uid)s, o.date_order,
                   %(uid)s, o.date_done
              FROM g_so_l l
              JOIN g_so_o o ON o.id = l.order_id
              JOIN g_wh w ON w.wi = o.wi
              JOIN g_product g ON g.id = l.product_id
              LEFT JOIN g_so_r r ON r.line_id = l.id
            """
        )
        self.sql(
            """
            INSERT INTO jxc_purchase_order (id, name, partner_id, warehouse_id, company_id,
                                            currency_id, payment_term_days, user_id, state,
                                            amount_untaxed, amount_tax, amount_total,
                                            amount_total_company, from_shortage, date_order,
                                            date_planned, date_approve, create_uid, create_date,
                                            write_uid, write_date)
            SELECT o.id, 'PO/B/' || lpad(o.id::text, 7, '0'), o.partner_id, w.id, %(company)s,
                   %(currency)s, o.term, o.user_id, 'done', a.untaxed, a.tax, a.total, a.total,
                   false, o.date_order, o.date_done, o.date_order, %(uid)s, o.date_order,
                   %(uid)s, o.date_done
              FROM g_po_o o JOIN g_wh w ON w.wi = o.wi JOIN g_po_amounts a ON a.order_id = o.id
            """
        )
        self.sql(
            """
            INSERT INTO jxc_purchase_order_line (id, order_id, sequence, company_id, currency_id,
                                                 partner_id, product_id, uom_id, state, name,
                                                 quantity, price_unit, tax_rate, price_subtotal,
                                                 price_tax, price_total, qty_received,
                                                 qty_rejected, qty_returned, qty_cancelled,
                                                 qty_to_receive, date_order, create_uid,
                                                 create_date, write_uid, write_date)
            SELECT l.id, l.order_id, l.seq, %(company)s, %(currency)s, o.partner_id,
                   l.product_id, %(uom)s, 'done', '商品' || lpad(g.n::text, 5, '0'), l.qty,
                   l.price_unit, 13.0, l.subtotal, l.tax, l.price_total, l.qty, 0,
                   coalesce(r.rqty, 0), 0, 0, o.date_order, %(uid)s, o.date_order, %(uid)s,
                   o.date_done
              FROM g_po_l l
              JOIN g_po_o o ON o.id = l.order_id
              JOIN g_product g ON g.id = l.product_id
              LEFT JOIN g_po_r r ON r.line_id = l.id
            """
        )
        self.step("sale and purchase orders inserted")
        # Every stock document, then its lines; a line's value is quantity × unit cost.
        self.temp(
            "g_pick",
            f"""
            SELECT o.picking_id AS id, 'sale_out' AS picking_type, o.wi, NULL::int AS dest_wi,
                   o.partner_id, o.date_done AS date, 'SO/B/' || lpad(o.id::text, 7, '0')
                   AS origin, o.id AS sale_id, NULL::int AS purchase_id,
                   NULL::int AS return_of_id
              FROM g_so_o o
            UNION ALL
            SELECT p.picking_id, 'sale_return', o.wi, NULL, o.partner_id, p.rdate,
                   {pick("'sale_out'", "p.orig_picking_id")}, o.id, NULL, p.orig_picking_id
              FROM g_so_rp p JOIN g_so_o o ON o.id = p.order_id
            UNION ALL
            SELECT o.picking_id, 'purchase_in', o.wi, NULL, o.partner_id, o.date_done,
                   'PO/B/' || lpad(o.id::text, 7, '0'), NULL, o.id, NULL
              FROM g_po_o o
            UNION ALL
            SELECT p.picking_id, 'purchase_return', o.wi, NULL, o.partner_id, p.rdate,
                   {pick("'purchase_in'", "p.orig_picking_id")}, NULL, o.id, p.orig_picking_id
              FROM g_po_rp p JOIN g_po_o o ON o.id = p.order_id
            UNION ALL
            SELECT picking_id, kind, wi, dest_wi, NULL, date, NULL, NULL, NULL, NULL FROM g_xp
            UNION ALL
            SELECT picking_id, 'in', wi, NULL, NULL, %(opening_date)s, '期初', NULL, NULL, NULL
              FROM g_openp
            """,
        )
        self.temp(
            "g_pline",
            """
            SELECT pl_id AS id, picking_id, seq, product_id, qty, cost, id AS sale_line_id,
                   NULL::int AS purchase_line_id, NULL::int AS return_of_line_id
              FROM g_so_l
            UNION ALL
            SELECT pl_id, picking_id, 10, product_id, rqty, cost, line_id, NULL, orig_pl_id
              FROM g_so_r
            UNION ALL
            SELECT pl_id, picking_id, seq, product_id, qty, cost, NULL, id, NULL FROM g_po_l
            UNION ALL
            SELECT pl_id, picking_id, 10, product_id, rqty, cost, NULL, line_id, orig_pl_id
              FROM g_po_r
            UNION ALL
            SELECT pl_id, picking_id, 10, product_id, qty, cost, NULL, NULL, NULL FROM g_x
            UNION ALL
            SELECT pl_id, picking_id, 10, product_id, qty, cost, NULL, NULL, NULL FROM g_open
            """,
        )
        self.insert(
            "jxc.stock.picking",
            f"""
            SELECT p.id, {pick("p.picking_type", "p.id")} AS name, p.picking_type,
                   'done' AS state, w.id AS warehouse_id, d.id AS dest_warehouse_id,
                   %(company)s AS company_id, p.partner_id, %(uid)s AS user_id, p.origin,
                   a.amount AS amount_total, false AS is_reversal, p.date, p.date AS date_done,
                   p.sale_id, p.purchase_id, p.return_of_id, false AS cancel_backorder,
                   p.date AS create_date
              FROM g_pick p
              JOIN g_wh w ON w.wi = p.wi
              LEFT JOIN g_wh d ON d.wi = p.dest_wi
              JOIN (SELECT picking_id, sum(qty * cost) AS amount FROM g_pline
                     GROUP BY picking_id) a ON a.picking_id = p.id
            """,
        )
        self.insert(
            "jxc.stock.picking.line",
            """
            SELECT l.id, l.picking_id, l.seq AS sequence, %(company)s AS company_id,
                   l.product_id, %(uom)s AS uom_id, 'done' AS state, p.picking_type,
                   '商品' || lpad(g.n::text, 5, '0') AS name, l.qty AS quantity,
                   l.qty AS quantity_done, l.cost AS unit_cost, l.qty * l.cost AS value,
                   0 AS quantity_rejected, l.sale_line_id, l.purchase_line_id,
                   l.return_of_line_id, p.date AS create_date
              FROM g_pline l
              JOIN g_pick p ON p.id = l.picking_id
              JOIN g_product g ON g.id = l.product_id
            """,
        )
        self.insert(
            "jxc.stock.count",
            """
            SELECT c.count_id AS id, 'PD/B/' || lpad(c.count_id::text, 7, '0') AS name,
                   w.id AS warehouse_id, %(company)s AS company_id, %(uid)s AS user_id,
                   'done' AS state, c.date, c.date AS date_done, c.date AS create_date
              FROM g_cp c JOIN g_wh w ON w.wi = c.wi
            """,
        )
        self.step("stock documents, their lines and counts inserted")

    def stock(self):
        """Quants (on hand = the ledger's sum) and moving averages, from the ledger."""
        self.insert(
            "jxc.stock.quant",
            """
            SELECT m.product_id, m.tmpl_id AS product_tmpl_id, m.categ_id,
                   w.id AS warehouse_id, %(company)s AS company_id, sum(m.qty) AS quantity,
                   0 AS reserved_quantity, sum(m.qty) AS available_quantity,
                   sum(m.qty * m.cost) AS value, min(m.date) AS create_date,
                   max(m.date) AS write_date
              FROM g_m m JOIN g_wh w ON w.wi = m.wi
             GROUP BY m.product_id, m.tmpl_id, m.categ_id, w.id
            """,
        )
        self.insert(
            "jxc.stock.valuation",
            """
            SELECT m.product_id, %(company)s AS company_id, sum(m.qty) AS quantity,
                   sum(m.qty * m.cost) AS value, min(m.cost) AS average_cost,
                   min(m.date) AS create_date, max(m.date) AS write_date
              FROM g_m m GROUP BY m.product_id
            """,
        )
        self.step("quants and moving averages derived from the ledger")
        # Period balances (月结余额): the ledger summed by month, as the addon does on update.
        balances = self.env["jxc.stock.period.balance"]._rebuild()
        self.step(f"{balances:,} period balances summed from the ledger")

    def finance(self):
        """Receivables / payables of the orders, receipts and returns; receipts and payments
        that settle them; the returns' credits settle their orders' entries."""
        local = "((%s) AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date"
        pick = self.picking_name
        self.temp(
            "g_e_raw",
            f"""
            SELECT 'receivable' AS entry_type, o.partner_id, {local % "o.date_order"} AS date,
                   o.term, a.total AS amount, 'jxc.sale.order' AS res_model, o.id AS res_id,
                   'SO/B/' || lpad(o.id::text, 7, '0') AS reference,
                   'SO/B/' || lpad(o.id::text, 7, '0') AS origin, '销售订单' AS description,
                   NULL::int AS credit_for
              FROM g_so_o o JOIN g_so_amounts a ON a.order_id = o.id
            UNION ALL
            SELECT 'receivable', o.partner_id, {local % "p.rdate"}, 0, -r.amount,
                   'jxc.stock.picking', p.picking_id, {pick("'sale_return'", "p.picking_id")},
                   'SO/B/' || lpad(o.id::text, 7, '0'), '销售退货', o.id
              FROM g_so_rp p
              JOIN g_so_o o ON o.id = p.order_id
              JOIN (SELECT order_id, sum(round(price_total * rqty / qty, 2)) AS amount
                      FROM g_so_r GROUP BY order_id) r ON r.order_id = o.id
            UNION ALL
            SELECT 'payable', o.partner_id, {local % "o.date_done"}, o.term, a.total,
                   'jxc.stock.picking', o.picking_id, {pick("'purchase_in'", "o.picking_id")},
                   'PO/B/' || lpad(o.id::text, 7, '0'), '采购入库', NULL
              FROM g_po_o o JOIN g_po_amounts a ON a.order_id = o.id
            UNION ALL
            SELECT 'payable', o.partner_id, {local % "p.rdate"}, 0, -r.amount,
                   'jxc.stock.picking', p.picking_id, {pick("'purchase_return'", "p.picking_id")},
                   'PO/B/' || lpad(o.id::text, 7, '0'), '采购退货', o.picking_id
              FROM g_po_rp p
              JOIN g_po_o o ON o.id = p.order_id
              JOIN (SELECT order_id, sum(round(price_total * rqty / qty, 2)) AS amount
                      FROM g_po_r GROUP BY order_id) r ON r.order_id = o.id
            """,
        )
        self.numbered("g_e_raw", "g_e_num", "date, reference", id="jxc_finance_entry_id_seq")
        # What each positive entry's order gets back as credit (its returns), then how much of
        # the rest was paid and when: old entries are mostly paid, new ones mostly open.
        self.temp(
            "g_e",
            """
            SELECT e.*, e.date + e.term AS date_due, coalesce(c.credit, 0) AS credit,
                   CASE WHEN e.amount <= 0 THEN 0
                        WHEN e.r < e.full_share THEN e.amount - coalesce(c.credit, 0)
                        WHEN e.r < e.full_share + 0.15
                        THEN round((e.amount - coalesce(c.credit, 0))
                                   * (0.2 + e.r2 * 0.6)::numeric, 2)
                        ELSE 0 END AS paid,
                   least(greatest((date_trunc('month', e.date + e.term + floor(e.r2 * 40)::int
                                                   - 10) + interval '1 month - 1 day')::date,
                                   e.date),
                         %(today)s::date) AS paid_on
              FROM (SELECT n.*, random() AS r, random() AS r2,
                           CASE WHEN %(today)s::date - (n.date + n.term) > 90 THEN 0.82
                                WHEN %(today)s::date - (n.date + n.term) > 30 THEN 0.6
                                WHEN %(today)s::date - (n.date + n.term) > 0 THEN 0.35
                                ELSE 0.1 END AS full_share
                      FROM g_e_num n OFFSET 0) e
              LEFT JOIN (SELECT credit_for, entry_type, sum(-amount) AS credit FROM g_e_num
                          WHERE credit_for IS NOT NULL GROUP BY credit_for, entry_type) c
                ON c.credit_for = e.res_id AND c.entry_type = e.entry_type
               AND e.credit_for IS NULL
            """,
            today=self.params["now"].date(),
        )
        # The order's entry each credit settles (receipts are the purchase orders' entries).
        self.temp(
            "g_credit",
            """
            SELECT c.id AS credit_id, d.id AS entry_id, -c.amount AS amount, c.date,
                   d.date AS entry_date
              FROM g_e c
              JOIN g_e d ON d.credit_for IS NULL AND d.entry_type = c.entry_type
                   AND d.res_id = c.credit_for
             WHERE c.credit_for IS NOT NULL
            """,
        )
        self.numbered(
            """(SELECT entry_type, partner_id, paid_on, sum(paid) AS amount FROM g_e
                 WHERE paid > 0 GROUP BY entry_type, partner_id, paid_on)""",
            "g_pay",
            "paid_on, entry_type, partner_id",
            id="jxc_finance_payment_id_seq",
        )
        self.sql(
            """
            INSERT INTO jxc_finance_entry (id, entry_type, partner_id, commercial_partner_id,
                                           company_id, user_id, res_model, res_id, reference,
                                           origin, description, date, date_due, amount,
                                           amount_settled, amount_residual, is_reversal,
                                           is_open, create_uid, create_date, write_uid,
                                           write_date)
            SELECT e.id, e.entry_type, e.partner_id, e.partner_id, %(company)s, %(uid)s,
                   e.res_model, e.res_id, e.reference, e.origin, e.description, e.date,
                   e.date_due, e.amount, e.settled, e.amount - e.settled, false,
                   e.amount - e.settled <> 0, %(uid)s, e.date, %(uid)s, e.date
              FROM (SELECT e.*, CASE WHEN e.amount < 0 THEN e.amount
                                     ELSE e.paid + coalesce(c.amount, 0) END AS settled
                      FROM g_e e
                      LEFT JOIN (SELECT entry_id, sum(amount) AS amount FROM g_credit
                                  GROUP BY entry_id) c ON c.entry_id = e.id) e
            """
        )
        self.sql(
            """
            INSERT INTO jxc_finance_payment (id, name, payment_type, partner_id,
                                             commercial_partner_id, account_id, company_id,
                                             settle_mode, state, memo, date, amount,
                                             amount_settled, amount_unsettled, create_uid,
                                             create_date, write_uid, write_date)
            SELECT p.id, CASE p.entry_type WHEN 'receivable' THEN 'SK/B/' ELSE 'FK/B/' END
                         || lpad(p.id::text, 7, '0'),
                   CASE p.entry_type WHEN 'receivable' THEN 'inbound' ELSE 'outbound' END,
                   p.partner_id, p.partner_id, %(account)s, %(company)s, 'manual', 'posted',
                   NULL, p.paid_on, p.amount, p.amount, 0, %(uid)s, p.paid_on, %(uid)s,
                   p.paid_on
              FROM g_pay p
            """
        )
        self.sql(
            """
            INSERT INTO jxc_finance_payment_line (payment_id, entry_id, credit_entry_id,
                                                  company_id, state, date, entry_date,
                                                  amount, create_uid, create_date,
                                                  write_uid, write_date)
            SELECT p.id, e.id, NULL, %(company)s, 'posted', e.paid_on, e.date, e.paid,
                   %(uid)s, e.paid_on, %(uid)s, e.paid_on
              FROM g_e e
              JOIN g_pay p ON p.entry_type = e.entry_type AND p.partner_id = e.partner_id
                   AND p.paid_on = e.paid_on
             WHERE e.paid > 0
            UNION ALL
            SELECT NULL, c.entry_id, c.credit_id, %(company)s, 'posted', c.date,
                   c.entry_date, c.amount, %(uid)s, c.date, %(uid)s, c.date
              FROM g_credit c
            """
        )
        entries = self.value("SELECT count(*) FROM g_e")
        payments = self.value("SELECT count(*) FROM g_pay")
        self.step(f"{entries:,} receivable / payable entries, {payments:,} receipts / payments")

    def check(self):
        """Fail loudly when the data breaks an invariant the reports rely on."""
        checks = {
            "ledger rows generated": (
                "SELECT count(*) FROM g_m",
                self.moves,
            ),
            "pairs below zero at some point": ("SELECT count(*) FROM g_m WHERE bal < 0", 0),
            "quants differing from the ledger": (
                """
                SELECT count(*)
                  FROM (SELECT product_id, warehouse_id, sum(quantity) AS qty,
                               sum(value) AS value
                          FROM jxc_stock_quant GROUP BY 1, 2) q
                  FULL JOIN (SELECT product_id, warehouse_id, sum(quantity) AS qty,
                                    sum(value) AS value
                               FROM jxc_stock_move GROUP BY 1, 2) m
                    ON m.product_id = q.product_id AND m.warehouse_id = q.warehouse_id
                 WHERE q.qty IS DISTINCT FROM m.qty OR q.value IS DISTINCT FROM m.value
                """,
                0,
            ),
            "period balances differing from the ledger by month or year": (
                "SELECT count(*) FROM ("
                + self.env["jxc.stock.period.balance"]._mismatches_sql()
                + ") b",
                0,
            ),
            "entries whose residual disagrees with their settlements": (
                """
                SELECT count(*) FROM jxc_finance_entry e
                  LEFT JOIN (SELECT entry_id, sum(amount) AS a FROM jxc_finance_payment_line
                              WHERE state = 'posted' GROUP BY 1) s ON s.entry_id = e.id
                  LEFT JOIN (SELECT credit_entry_id, sum(amount) AS a
                               FROM jxc_finance_payment_line
                              WHERE state = 'posted' AND credit_entry_id IS NOT NULL
                              GROUP BY 1) u ON u.credit_entry_id = e.id
                 WHERE e.amount_residual <> e.amount - coalesce(s.a, 0) + coalesce(u.a, 0)
                    OR e.amount_settled <> coalesce(s.a, 0) - coalesce(u.a, 0)
                    OR e.is_open <> (e.amount_residual <> 0)
                """,
                0,
            ),
            "settlements whose entry_date is not their entry's date": (
                """
                SELECT count(*) FROM jxc_finance_payment_line l
                  JOIN jxc_finance_entry e ON e.id = l.entry_id
                 WHERE l.entry_date IS DISTINCT FROM e.date
                """,
                0,
            ),
            "over-settled entries": (
                "SELECT count(*) FROM jxc_finance_entry WHERE amount > 0 AND "
                "(amount_residual < 0 OR amount_residual > amount)",
                0,
            ),
        }
        checks.update(self.required_checks())
        failed = []
        for label, (query, expected) in checks.items():
            got = self.value(query)
            if got != expected:
                failed.append(f"{label}: {got} (expected {expected})")
        if failed:
            raise RuntimeError("generated data is inconsistent: " + "; ".join(failed))
        self.step(
            f"{len(checks)} checks passed (ledger size, no negative stock, quants, residuals, "
            "no NULL in required columns)"
        )

    def required_checks(self):
        """{label: (query, 0)}: no NULL in the required columns of the tables written."""
        tables = {*LOADED_TABLES, "res_partner", "product_template", "product_product"}
        checks = {}
        for name in sorted(self.env.registry):
            model = self.env[name]
            if model._abstract or not model._auto or model._table not in tables:
                continue
            columns = sorted(
                field.name
                for field in model._fields.values()
                if field.required and field.store and field.column_type
            )
            if columns:
                nulls = " + ".join(f'count(*) FILTER (WHERE "{c}" IS NULL)' for c in columns)
                checks[f"NULLs in required columns of {model._table} ({', '.join(columns)})"] = (
                    f'SELECT {nulls} FROM "{model._table}"',
                    0,
                )
        return checks


def analyze(db):
    """VACUUM ANALYZE what the generator wrote (visibility map for index-only scans)."""
    import odoo

    tables = [
        "res_partner",
        "product_template",
        "product_product",
        "jxc_stock_move",
        "jxc_stock_period_balance",
        "jxc_stock_quant",
        "jxc_stock_valuation",
        "jxc_stock_picking",
        "jxc_stock_picking_line",
        "jxc_stock_count",
        "jxc_stock_count_line",
        "jxc_sale_order",
        "jxc_sale_order_line",
        "jxc_purchase_order",
        "jxc_purchase_order_line",
        "jxc_finance_entry",
        "jxc_finance_payment",
        "jxc_finance_payment_line",
        "jxc_report_sale_period",
    ]
    cnx = odoo.sql_db.db_connect(db)
    with cnx.cursor() as cr:
        cr._cnx.autocommit = True
        cr.execute(f"VACUUM (ANALYZE) {', '.join(tables)}")
        cr._cnx.autocommit = False


def generate(db, moves):
    import odoo

    started = time.perf_counter()
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        Generator(env, moves).run()
        write_marker(
            cr,
            {
                "version": GENERATOR_VERSION,
                "moves": moves,
                "fingerprint": addons_fingerprint(),
                "generated": datetime.utcnow().isoformat(timespec="seconds"),
            },
        )
        cr.commit()
    print(f"[gen] {time.perf_counter() - started:6.1f} s  committed", flush=True)
    analyze(db)
    seconds = time.perf_counter() - started
    print(f"[gen] {seconds:6.1f} s  VACUUM ANALYZE done", flush=True)
    return seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("conf")
    parser.add_argument("db")
    parser.add_argument(
        "--if-needed",
        action="store_true",
        help="keep an existing generated database (update its addons if their code changed)",
    )
    parser.add_argument("--moves", type=int, default=MOVES, help="ledger rows (default 10,000,000)")
    args = parser.parse_args()

    import odoo
    from odoo.tools import config

    config.parse_config(["-c", args.conf, "--log-level=warn"])
    marker = read_marker(args.db)
    if (
        args.if_needed
        and marker
        and marker.get("version") == GENERATOR_VERSION
        and marker.get("moves") == args.moves
    ):
        if marker.get("fingerprint") == addons_fingerprint():
            print(f"[gen] {args.db} is up to date (generated {marker.get('generated')} UTC)")
            return
        print(f"[gen] the JXC addons changed since {args.db} was generated: updating them")
        update_database(args.conf, args.db)
        with odoo.sql_db.db_connect(args.db).cursor() as cr:
            write_marker(cr, dict(marker, fingerprint=addons_fingerprint()))
            cr.commit()
        return
    started = time.perf_counter()
    print(f"[gen] creating {args.db}: Odoo core + the five JXC addons, without demo", flush=True)
    create_database(args.conf, args.db)
    print(f"[gen] installed in {time.perf_counter() - started:.1f} s; generating", flush=True)
    seconds = generate(args.db, args.moves)
    print(
        f"[gen] generated {args.moves:,} ledger rows in {seconds:.1f} s "
        f"(target < {max(300, args.moves * 0.0001):.0f} s; "
        f"with the install: {time.perf_counter() - started:.1f} s)"
    )


if __name__ == "__main__":
    main()
