"""Run by tests/test_backup_restore.py and tests/test_upgrade.py in its own process:

    python ops_probe.py ODOO_CONF DB LOGFILE snapshot  -> JSON: what a backup or an upgrade keeps
    python ops_probe.py ODOO_CONF DB LOGFILE flow      -> JSON: a sale and a purchase run through

A snapshot holds the row count of every jxc_* table; the documents per state; the ledger,
finance entries and quants (counts and sums); the integrity check (账实核对); the 进销存汇总 of
all time per product and warehouse; the receivable and payable totals and their aging as of
today, per company and partner. It only uses what the first release (v18.0.1.0.0) already had,
so that it runs against that release's addons as well as against this checkout's. It writes
nothing: the report wizards it creates are rolled back.
"""

import json
import sys


def _num(value):
    return (
        round(float(value), 6) if hasattr(value, "as_tuple") or isinstance(value, float) else value
    )


def _rows(cr, query, params=None):
    cr.execute(query, params)
    return [[_num(v) for v in row] for row in cr.fetchall()]


def table_counts(cr):
    cr.execute(
        r"""SELECT tablename FROM pg_tables
             WHERE schemaname = 'public' AND tablename LIKE 'jxc\_%' ORDER BY 1"""
    )
    counts = {}
    for (table,) in cr.fetchall():
        cr.execute(f'SELECT COUNT(*) FROM "{table}"')
        counts[table] = cr.fetchone()[0]
    return counts


def documents_per_state(env):
    """{model: {state: count}} of every stored JXC model with a state."""
    result = {}
    for name, model in sorted(env.registry.items()):
        if (
            name.startswith("jxc.")
            and not model._abstract
            and not model._transient
            and model._auto
            and "state" in model._fields
            and model._fields["state"].store
        ):
            env.cr.execute(f'SELECT state, COUNT(*) FROM "{model._table}" GROUP BY 1 ORDER BY 1')
            result[name] = dict(env.cr.fetchall())
    return result


def stock_summary(env):
    """进销存汇总 of all time, {"product,warehouse": {column: amount}} over the numeric
    columns, for every company."""
    totals = {}
    for company in env["res.company"].search([]):
        wizard = (
            env["jxc.report.stock.summary.wizard"]
            .with_company(company)
            .create(
                {
                    "company_id": company.id,
                    "date_from": "2000-01-01",
                    "date_to": str(env.cr.now().date()),
                }
            )
        )
        rows = wizard._rows()
        numeric = [
            name
            for name, field in rows._fields.items()
            if field.type in ("float", "monetary") and field.store is not False
        ]
        for row in rows:
            key = f"{row.product_id.id},{row.warehouse_id.id}"
            line = totals.setdefault(key, dict.fromkeys(numeric, 0.0))
            for name in numeric:
                line[name] = round(line[name] + (row[name] or 0.0), 6)
    return totals


def aging(env):
    Aging = env["jxc.finance.aging"]
    today = env.cr.now().date()
    return {
        f"{company.id},{entry_type}": {
            str(partner): {k: round(v, 6) for k, v in values.items()}
            for partner, values in Aging._compute_buckets(today, entry_type, company).items()
        }
        for company in env["res.company"].search([])
        for entry_type in ("receivable", "payable")
    }


def snapshot(env):
    cr = env.cr
    installed = env["ir.module.module"].search([("state", "=", "installed")])
    data = {
        "modules": {m.name: m.latest_version for m in installed if m.name.startswith("jxc_")},
        "tables": table_counts(cr),
        "states": documents_per_state(env),
        "ledger": _rows(
            cr,
            """SELECT COUNT(*), SUM(quantity), SUM(value), COUNT(DISTINCT product_id)
                 FROM jxc_stock_move""",
        )[0],
        "ledger_by_type": _rows(
            cr,
            """SELECT move_type, COUNT(*), SUM(quantity), SUM(value)
                 FROM jxc_stock_move GROUP BY 1 ORDER BY 1""",
        ),
        "quants": _rows(
            cr,
            """SELECT COUNT(*), SUM(quantity), SUM(reserved_quantity), SUM(value)
                 FROM jxc_stock_quant""",
        )[0],
        # Quants against the ledger, per product, warehouse and lot: both sides' sums.
        "quants_vs_ledger": _rows(
            cr,
            """SELECT COUNT(*), SUM(q.quantity), SUM(l.quantity)
                 FROM jxc_stock_quant q
                 FULL JOIN (SELECT product_id, warehouse_id, lot_id, SUM(quantity) AS quantity
                              FROM jxc_stock_move GROUP BY 1, 2, 3) l
                   ON l.product_id = q.product_id AND l.warehouse_id = q.warehouse_id
                  AND l.lot_id IS NOT DISTINCT FROM q.lot_id""",
        )[0],
        "mismatches": env["jxc.stock.integrity"]._find_mismatches(),
        "stock_summary": stock_summary(env),
    }
    if "jxc.finance.entry" in env:
        data["finance"] = _rows(
            cr,
            """SELECT company_id, entry_type, COUNT(*), SUM(amount), SUM(amount_residual)
                 FROM jxc_finance_entry GROUP BY 1, 2 ORDER BY 1, 2""",
        )
        data["aging"] = aging(env)
    cr.rollback()
    return data


def flow(env):
    """A sale (create, confirm, deliver) and a purchase (create, confirm, receive), as the
    administrator, with the demo data's partners and a product in stock."""
    env = env(user=env.ref("base.user_admin").id)
    Quant = env["jxc.stock.quant"]
    quant = Quant.search(
        [("available_quantity", ">=", 2), ("lot_id", "=", False)], order="id", limit=1
    )
    product, warehouse = quant.product_id, quant.warehouse_id
    company = warehouse.company_id
    env = env(context=dict(env.context, allowed_company_ids=[company.id]))
    customer = env["jxc.sale.order"].search([("company_id", "=", company.id)], limit=1).partner_id
    supplier = (
        env["jxc.purchase.order"].search([("company_id", "=", company.id)], limit=1).partner_id
    )
    sale = env["jxc.sale.order"].create(
        {
            "partner_id": customer.id,
            "warehouse_id": warehouse.id,
            "line_ids": [(0, 0, {"product_id": product.id, "quantity": 2, "price_unit": 9.5})],
        }
    )
    sale.action_confirm()
    delivery = sale.picking_ids.filtered(lambda p: p.state == "draft")
    delivery.action_done()
    purchase = env["jxc.purchase.order"].create(
        {
            "partner_id": supplier.id,
            "warehouse_id": warehouse.id,
            "line_ids": [(0, 0, {"product_id": product.id, "quantity": 3, "price_unit": 4.0})],
        }
    )
    purchase.action_confirm()
    if purchase.state == "to_approve":
        purchase.action_approve()
    receipt = purchase.picking_ids.filtered(lambda p: p.state == "draft")
    receipt.action_done()
    env.flush_all()
    moves = env["jxc.stock.move"].search(
        [("picking_id", "in", (delivery | receipt).ids)], order="id"
    )
    result = {
        "sale": [sale.state, delivery.picking_type, delivery.state],
        "purchase": [purchase.state, receipt.picking_type, receipt.state],
        "moves": [[m.picking_id.picking_type, m.product_id.id, m.quantity] for m in moves],
        "product": product.id,
        "mismatches": env["jxc.stock.integrity"]._find_mismatches(),
    }
    if "jxc.finance.entry" in env:
        entries = env["jxc.finance.entry"].search(
            [
                "|",
                "&",
                ("res_model", "=", "jxc.sale.order"),
                ("res_id", "=", sale.id),
                "&",
                ("res_model", "=", "jxc.stock.picking"),
                ("res_id", "=", receipt.id),
            ]
        )
        result["entries"] = sorted([e.entry_type, e.amount] for e in entries)
        result["amounts"] = [sale.amount_total, purchase.amount_total]
    return result


def main(conf, db, logfile, command):
    import odoo
    from odoo.tools import config

    config.parse_config(["-c", conf, "--log-level=info", f"--logfile={logfile}"])
    odoo.netsvc.init_logger()
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        result = snapshot(env) if command == "snapshot" else flow(env)
    print(json.dumps(result, default=str))


if __name__ == "__main__":
    main(*sys.argv[1:])
