# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Reports are read-only queries: the rows of the 进销存汇总, the valuation, the stock analysis
and the lines of the 利润表 are read for the wizard in the context, never inserted
(``jxc.report.row.mixin``), and the profit statement's totals are computed when read. Their
tables and columns held only the figures of past runs: drop them."""

TABLES = (
    "jxc_report_stock_summary",
    "jxc_report_stock_valuation",
    "jxc_report_stock_analysis",
    "jxc_report_profit_line",
)
PROFIT_TOTALS = ("revenue", "cogs", "gross_profit", "other_income", "expenses", "net_profit")


def migrate(cr, version):
    for table in TABLES:
        cr.execute(
            "SELECT relkind FROM pg_class WHERE relname = %s AND relnamespace = "
            "'public'::regnamespace",
            [table],
        )
        row = cr.fetchone()
        if row and row[0] == "r":
            cr.execute(f'DROP TABLE "{table}" CASCADE')
    for column in PROFIT_TOTALS:
        cr.execute(f'ALTER TABLE IF EXISTS jxc_report_profit DROP COLUMN IF EXISTS "{column}"')
