# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Statements (对账单) and agings (账龄) are read-only queries: their lines are read for the
wizard in the context, never inserted (``jxc.report.row.mixin``), and a statement's balances
and invoice totals are computed when read. Their tables and columns held only the figures of
past runs: drop them."""

TABLES = ("jxc_finance_statement_line", "jxc_finance_aging_line")
STATEMENT_TOTALS = ("opening_balance", "closing_balance", "amount_invoiced", "amount_to_invoice")


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
    for column in STATEMENT_TOTALS:
        cr.execute(f'ALTER TABLE IF EXISTS jxc_finance_statement DROP COLUMN IF EXISTS "{column}"')
