# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Go-live (启用建账) benchmark: a 10,000-row opening stock file and a 5,000-row opening
receivables file, each checked in full and posted, as a stock / finance manager does it.

Usage: python bench/bench_golive.py ODOO_CONF DB
Prints the seconds to build each file's rows, to check and post it (the import), and the
rows/s. Everything runs in one transaction that is rolled back: the database is left as it
was. Targets (issue #12): 10,000 stock rows in under 30 s; 5,000 receivable rows in under 15 s.
"""

import base64
import io
import sys
import time
from datetime import date, timedelta

import openpyxl

import odoo
from odoo.fields import Command
from odoo.tools import config

STOCK_ROWS = 10000
RECEIVABLE_ROWS = 5000


def xlsx(wizard, rows):
    """The wizard's own template, its example row replaced by ``rows``."""
    book = openpyxl.load_workbook(io.BytesIO(wizard._build_template()))
    sheet = book.worksheets[0]
    sheet.delete_rows(2)
    for row in rows:
        sheet.append(list(row))
    output = io.BytesIO()
    book.save(output)
    return base64.b64encode(output.getvalue())


def timed(env, label, rows, func, target):
    env.flush_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    func()
    env.flush_all()
    seconds = time.perf_counter() - start
    verdict = "OK" if seconds < target else "SLOW"
    print(
        f"{label}: {rows} rows checked and posted in {seconds:6.2f} s "
        f"({rows / seconds:7.0f} rows/s, {(env.cr.sql_log_count - queries) / rows:5.1f} "
        f"queries/row; target < {target} s: {verdict})"
    )
    return seconds


def main(conf, db):
    config.parse_config(["-c", conf, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        company = env["res.company"].create(
            {"name": "Bench Go-Live", "currency_id": env.ref("base.CNY").id}
        )
        env.user.company_ids |= company
        manager = env["res.users"].create(
            {
                "name": "Bench go-live manager",
                "login": "bench_golive",
                "company_id": company.id,
                "company_ids": [Command.set(company.ids)],
                "groups_id": [
                    Command.link(env.ref("jxc_stock.group_jxc_stock_manager").id),
                    Command.link(env.ref("jxc_finance.group_jxc_finance_manager").id),
                ],
            }
        )
        env = env(user=manager, context={"allowed_company_ids": [company.id]})
        su = env(su=True)
        warehouses = su["jxc.stock.warehouse"].create(
            [
                {"name": f"Bench WH {i}", "code": f"BW{i}", "company_id": company.id}
                for i in range(4)
            ]
        )
        start = time.perf_counter()
        products = su["product.product"].create(
            [
                {
                    "name": f"Bench item {i}",
                    "default_code": f"BG{i:05d}",
                    "type": "consu",
                    "company_id": company.id,
                    "tracking": "lot" if i % 10 == 0 else "none",
                }
                for i in range(STOCK_ROWS // len(warehouses))
            ]
        )
        partners = su["res.partner"].create(
            [
                {"name": f"Bench customer {i}", "ref": f"BC{i:04d}", "company_id": company.id}
                for i in range(500)
            ]
        )
        print(
            f"master data: {len(products)} products, {len(partners)} customers, "
            f"{len(warehouses)} warehouses in {time.perf_counter() - start:.1f} s"
        )
        cutover = date.today().replace(day=1)
        golive = su["jxc.golive"].create({"company_id": company.id, "cutover_date": cutover})

        rows = []
        for w, warehouse in enumerate(warehouses):
            for i, product in enumerate(products):
                lot = f"L{w}-{i}" if product.tracking == "lot" else None
                rows.append(
                    (
                        warehouse.code,
                        product.default_code,
                        None,
                        lot,
                        None,
                        10 + i % 7,
                        None,
                        round(1 + (i % 97) / 7, 4),
                    )
                )
        wizard = env["jxc.golive.stock.import"].create({"golive_id": golive.id})
        wizard.file = xlsx(wizard, rows)
        stock_seconds = timed(env, "opening stock", len(rows), wizard.action_import, 30)
        assert not wizard.error_count, wizard.error_text

        receivables = [
            (
                partners[i % len(partners)].ref,
                f"OLD-{i:05d}",
                cutover - timedelta(days=1 + i % 300),
                cutover + timedelta(days=i % 60),
                round(100 + (i % 1000) * 1.37, 2),
            )
            for i in range(RECEIVABLE_ROWS)
        ]
        money = env["jxc.finance.opening.import"].create(
            {"opening_type": "receivable", "company_id": company.id}
        )
        money.file = xlsx(money, receivables)
        money_seconds = timed(env, "opening receivables", len(receivables), money.action_import, 15)
        assert not money.error_count, money.error_text
        cr.rollback()
    return 0 if stock_seconds < 30 and money_seconds < 15 else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
