# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models, tools
from odoo.tools import SQL, sql


class JxcReportRowMixin(models.AbstractModel):
    """Rows that a report wizard computes in one SQL statement (see
    ``jxc.report.filter.mixin._insert_rows``).

    A rows model sets ``_auto = False``: :meth:`init` keeps its table, with a column for each
    stored field (an extension's fields included) but without foreign keys. The rows are
    written once by the report's SQL and vacuumed with their wizard; checking tens of
    thousands of references on every report would cost more than the report itself.
    """

    _name = "jxc.report.row.mixin"
    _description = "JXC Report Rows"

    def init(self):
        super().init()
        if self._abstract or self._auto:
            return
        cr = self.env.cr
        if not sql.table_exists(cr, self._table):
            sql.create_model_table(cr, self._table, self._description)
        for name, field in self._fields.items():
            if name == "id" or not field.store or not field.column_type:
                continue
            if not sql.column_exists(cr, self._table, name):
                sql.create_column(cr, self._table, name, field.column_type[1])
        cr.execute(
            "SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass AND contype = 'f'",
            [self._table],
        )
        for (name,) in cr.fetchall():
            cr.execute(
                SQL(
                    "ALTER TABLE %s DROP CONSTRAINT %s",
                    SQL.identifier(self._table),
                    SQL.identifier(name),
                )
            )
        sql.create_index(cr, f"{self._table}__wizard_id_index", self._table, ["wizard_id"])

    @api.model
    def _jxc_numeric_fields(self):
        """The stored numbers that the wizard's query selects, by name."""
        return [
            name
            for name, field in self._fields.items()
            if field.store
            and field.type in ("float", "monetary", "integer")
            and name != "id"
            and not field.compute
        ]


class JxcReportSqlView(models.AbstractModel):
    """A report that is a SQL view built from :meth:`_select`, :meth:`_from` and
    :meth:`_where`, which other addons extend with ``super()`` as in Odoo's ``sale.report``."""

    _name = "jxc.report.sql.view"
    _description = "JXC SQL View Report"

    def _select(self):
        raise NotImplementedError

    def _from(self):
        raise NotImplementedError

    def _where(self):
        return "TRUE"

    def init(self):
        if self._abstract:
            return
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"CREATE VIEW {self._table} AS (SELECT {self._select()} FROM {self._from()} "
            f"WHERE {self._where()})"
        )
