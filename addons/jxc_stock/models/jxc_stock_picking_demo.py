# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo's weekly sales history (demo data only, called from demo/jxc_stock_demo.xml).

Sales forecasts need history: 16 weeks for a backtest, 66 for the 52-week seasonal methods.
The demo company gets 70 weeks of it for a few products of its own, as documents posted on
their past dates (``utils.past_posting_context``) through the normal posting path: each week a
其他出库 per warehouse with that week's sales of the till (城西门店仓) or the wholesale
counter (主仓); every four weeks a 其他入库 from the supplier into 主仓 and a transfer of the
shop's share to 城西门店仓, so that stock never runs out and the ledger, its values and
账实核对 agree. The figures follow formulas with a fixed random seed: the same on every
install, relative to the week it is installed in.
"""

import math
import random
from datetime import date, datetime, time, timedelta

from odoo import api, fields, models

from ..utils import past_posting_context, today

HISTORY_WEEKS = 70
BLOCK_WEEKS = 4  # weeks between two receipts (and transfers to the shop)
# 春节: gift boxes sell in the weeks before it (its date moves with the lunar calendar).
SPRING_FESTIVALS = tuple(
    date(*d)
    for d in (
        (2024, 2, 10),
        (2025, 1, 29),
        (2026, 2, 17),
        (2027, 2, 6),
        (2028, 1, 26),
        (2029, 2, 13),
        (2030, 2, 3),
        (2031, 1, 23),
        (2032, 2, 11),
    )
)
# Product, unit cost, (main warehouse, shop) stock left after the history: the shop's oat
# milk runs low while the main warehouse holds plenty (a transfer suggestion), gift boxes run
# low before 春节 (a purchase suggestion), the new mango snack is nearly sold out.
PRODUCTS = {
    "jxc_stock.product_nuts": (68.00, (60, 45)),
    "jxc_stock.product_oat_milk": (9.80, (480, 8)),
    "jxc_stock.product_thermos": (35.00, (18, 0)),
    "jxc_stock.product_mango": (6.50, (0, 12)),
}


def _festival_peak(day):
    """1 in the week and a half before 春节, fading to 0 two weeks either side."""
    return max(
        math.exp(-0.5 * (((festival - timedelta(days=12)) - day).days / 9.0) ** 2)
        for festival in SPRING_FESTIVALS
    )


def demo_weekly_sales(mondays):
    """{(product xml id, warehouse): [weekly sales, oldest first]} for the weeks starting on
    ``mondays``; warehouse is "main" or "shop". Deterministic (a fixed seed)."""
    rng = random.Random(18)
    count = len(mondays)
    sales = {}
    for warehouse, scale in (("main", 1.0), ("shop", 0.5)):
        nuts, oat_milk, thermos = [], [], []
        for week, monday in enumerate(mondays):
            mid = monday + timedelta(days=3)
            # Gift boxes: more in winter than in summer, three to four times more before 春节.
            winter = math.cos(2 * math.pi * (mid - date(mid.year, 1, 15)).days / 365.25)
            season = 1 + 0.3 * winter + 2.5 * _festival_peak(mid)
            nuts.append(round(40 * scale * season * rng.uniform(0.88, 1.12)))
            # Oat milk: a new habit, about one bottle more every week.
            oat_milk.append(round((18 + 1.1 * week) * scale * rng.uniform(0.95, 1.05)))
            # Vacuum flasks: now and then a company orders some as gifts, mostly nothing.
            thermos.append(rng.choice((6, 12, 12, 18)) if rng.random() < 0.3 else 0)
        sales[("jxc_stock.product_nuts", warehouse)] = nuts
        sales[("jxc_stock.product_oat_milk", warehouse)] = oat_milk
        if warehouse == "main":
            sales[("jxc_stock.product_thermos", warehouse)] = thermos
    # Mango snack: new in the shop, three weeks of sales so far.
    sales[("jxc_stock.product_mango", "shop")] = [0] * (count - 3) + [12, 18, 22]
    return sales


class JxcStockPicking(models.Model):
    _inherit = "jxc.stock.picking"

    @api.model
    def _demo_post_sales_history(self, weeks=HISTORY_WEEKS):
        """Post the demo's ``weeks`` weeks of sales history, ending last week (see the
        module's docstring). Returns the documents posted.

        Only into a ledger still empty, as the demo is installed (this runs before its other
        postings): an update of the module loads its demo data again, and the history must
        not be posted twice, nor added to a database that has its own past."""
        env = self.env
        main = env.ref("jxc_stock.warehouse_main")
        if env["jxc.stock.move"].search_count([("company_id", "=", main.company_id.id)], limit=1):
            return self.browse()
        shop = env.ref("jxc_stock.warehouse_west")
        supplier = env.ref("jxc_stock.partner_supplier_runfeng")
        admin = env.ref("base.user_admin")
        warehouses = {"main": main, "shop": shop}
        # The forecasts' weeks (jxc.stock.forecast._week_start of utils.today: China's time
        # unless the user has another), so that the history ends on their last week.
        this_week = env["jxc.stock.forecast"]._week_start(today(env))
        mondays = [this_week - timedelta(weeks=weeks - i) for i in range(weeks)]
        sales = demo_weekly_sales(mondays)
        products = {xml_id: env.ref(xml_id) for xml_id in PRODUCTS}
        # What each four-week block receives (main) and sends to the shop, per product.
        receipts = [{} for _week in mondays]
        transfers = [{} for _week in mondays]
        for xml_id, (_cost, (end_main, end_shop)) in PRODUCTS.items():
            main_sales = sales.get((xml_id, "main"), [0] * weeks)
            shop_sales = sales.get((xml_id, "shop"), [0] * weeks)
            first = next(i for i in range(weeks) if main_sales[i] or shop_sales[i])
            starts = list(range(first, weeks, BLOCK_WEEKS))
            for start in starts:
                last = start == starts[-1]
                end = start + BLOCK_WEEKS
                to_shop = sum(shop_sales[start:end]) + (end_shop if last else 0)
                received = sum(main_sales[start:end]) + to_shop + (end_main if last else 0)
                if received:
                    receipts[start][xml_id] = received
                if to_shop:
                    transfers[start][xml_id] = to_shop

        def at(day, hour):  # China time (UTC+8) as the UTC the database stores
            return datetime.combine(day, time(hour)) - timedelta(hours=8)

        def label(monday):
            year, number, _day = monday.isocalendar()
            return f"{year}-W{number:02d}"

        vals_list = []
        for week, monday in enumerate(mondays):
            if receipts[week]:
                vals_list.append(
                    {
                        "picking_type": "in",
                        "warehouse_id": main.id,
                        "partner_id": supplier.id,
                        "origin": f"供应商送货单 RF-{label(monday)}",
                        "date": at(monday, 9),
                        "line_ids": [
                            fields.Command.create(
                                {
                                    "product_id": products[x].id,
                                    "quantity": qty,
                                    "unit_cost": PRODUCTS[x][0],
                                }
                            )
                            for x, qty in receipts[week].items()
                        ],
                    }
                )
            if transfers[week]:
                vals_list.append(
                    {
                        "picking_type": "internal",
                        "warehouse_id": main.id,
                        "dest_warehouse_id": shop.id,
                        "origin": f"城西门店周补货 {label(monday)}",
                        "date": at(monday, 14),
                        "line_ids": [
                            fields.Command.create({"product_id": products[x].id, "quantity": qty})
                            for x, qty in transfers[week].items()
                        ],
                    }
                )
            for key, warehouse in warehouses.items():
                lines = [
                    fields.Command.create({"product_id": products[x].id, "quantity": qty[week]})
                    for (x, wh), qty in sales.items()
                    if wh == key and qty[week]
                ]
                if lines:
                    origin = "门店收银周销售汇总" if key == "shop" else "批发门市周销售汇总"
                    vals_list.append(
                        {
                            "picking_type": "out",
                            "warehouse_id": warehouse.id,
                            "origin": f"{origin} {label(monday)}",
                            "date": at(monday + timedelta(days=6), 19),
                            "line_ids": lines,
                        }
                    )
        # One by one in date order: numbered in their year, and the ledger's moving averages
        # follow its dates.
        pickings = self.browse()
        for vals in vals_list:
            picking = self.with_context(ir_sequence_date=vals["date"]).create(
                dict(vals, user_id=admin.id)
            )
            picking.with_context(**past_posting_context()).action_done()
            pickings |= picking
        return pickings
