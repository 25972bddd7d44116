"""Run by tests/test_uninstall.py in its own process, against one database:

    python ledger_probe.py ODOO_CONF DB LOGFILE snapshot          -> JSON of the posted data
    python ledger_probe.py ODOO_CONF DB LOGFILE uninstall MODULE  -> JSON: modules uninstalled

A snapshot holds what an uninstall must keep: the stock ledger (per product and warehouse, and
row by row), the stock documents and their lines, the finance entries when jxc_finance is
there, and the result of the integrity check (账实核对). A document's responsible is left out:
Odoo deletes the demo users of an uninstalled addon, and a document's responsible is an
editable assignment, not posted data (the ledger's "Posted By" is, and stays).
"""

import json
import sys


def _rows(cr, query):
    cr.execute(query)
    return [[float(v) if hasattr(v, "as_tuple") else v for v in row] for row in cr.fetchall()]


def snapshot(env):
    cr = env.cr
    installed = env["ir.module.module"].search([("state", "=", "installed")]).mapped("name")
    data = {
        "modules": sorted(m for m in installed if m.startswith("jxc_")),
        "ledger_totals": _rows(
            cr,
            """SELECT product_id, warehouse_id, COUNT(*), SUM(quantity), SUM(value)
                 FROM jxc_stock_move GROUP BY 1, 2 ORDER BY 1, 2""",
        ),
        "ledger_rows": _rows(
            cr,
            """SELECT id, product_id, warehouse_id, lot_id, quantity, unit_cost, value, date::text,
                      is_reversal, origin_move_id, picking_id, picking_line_id, res_model, res_id,
                      reference, user_id
                 FROM jxc_stock_move ORDER BY id""",
        ),
        "pickings": _rows(
            cr,
            """SELECT id, name, state, warehouse_id, dest_warehouse_id, partner_id, date::text,
                      date_done::text, origin,
                      is_reversal, reversal_of_id, return_of_id, backorder_id, amount_total
                 FROM jxc_stock_picking ORDER BY id""",
        ),
        "picking_lines": _rows(
            cr,
            """SELECT id, picking_id, product_id, quantity, quantity_done, uom_id, lot_id,
                      unit_cost, value, return_of_line_id
                 FROM jxc_stock_picking_line ORDER BY id""",
        ),
        "move_types": dict(_rows(cr, "SELECT id, move_type FROM jxc_stock_move")),
        "picking_types": dict(_rows(cr, "SELECT id, picking_type FROM jxc_stock_picking")),
        # Lines store their document's type: none may disagree with it.
        "stale_line_types": _rows(
            cr,
            """SELECT l.id FROM jxc_stock_picking_line l
                 JOIN jxc_stock_picking p ON p.id = l.picking_id
                WHERE l.picking_type IS DISTINCT FROM p.picking_type""",
        ),
        "open_reservations": dict(
            _rows(
                cr,
                """SELECT res_model, COUNT(*) FROM jxc_stock_reservation
                    WHERE state = 'open' GROUP BY 1""",
            )
        ),
        "mismatches": env["jxc.stock.integrity"]._find_mismatches(),
    }
    # Every kept row still reads through the ORM: no selection value without its addon.
    moves = env["jxc.stock.move"].search([])
    pickings = env["jxc.stock.picking"].search([])
    move_types = dict(moves._fields["move_type"].selection)
    picking_types = dict(pickings._fields["picking_type"].selection)
    data["unknown_types"] = sorted(
        {t for t in moves.mapped("move_type") if t not in move_types}
        | {t for t in pickings.mapped("picking_type") if t not in picking_types}
    )
    # Goods keep their direction: a kept type moves goods the way the original one did.
    data["wrong_direction"] = [
        move.id
        for move in moves
        if move.picking_id
        and move.picking_id.picking_type != "internal"
        and ((move.quantity > 0) != (move.picking_id._get_direction() == "in")) != move.is_reversal
    ]
    cr.execute("SELECT to_regclass('jxc_finance_entry') IS NOT NULL")
    if cr.fetchone()[0]:
        data["finance_entries"] = _rows(
            cr,
            """SELECT id, entry_type, partner_id, amount, amount_residual, res_model, res_id,
                      date::text, date_due::text
                 FROM jxc_finance_entry ORDER BY id""",
        )
    return data


def uninstall(env, module):
    """Uninstall ``module`` as the Apps menu does; return the modules that were uninstalled."""
    query = "SELECT name FROM ir_module_module WHERE state = 'installed'"
    before = {name for (name,) in _rows(env.cr, query)}
    env["ir.module.module"].search([("name", "=", module)]).button_immediate_uninstall()
    return sorted(before - {name for (name,) in _rows(env.cr, query)})


def main(conf, db, logfile, command, *args):
    import odoo
    from odoo.tools import config

    config.parse_config(["-c", conf, "--log-level=info", f"--logfile={logfile}"])
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        result = snapshot(env) if command == "snapshot" else uninstall(env, *args)
    print(json.dumps(result, default=str))


if __name__ == "__main__":
    main(*sys.argv[1:])
