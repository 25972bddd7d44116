# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
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

    # What the rows query selects besides the stored numbers (those default to 0).
    _jxc_row_keys = ("product_id", "warehouse_id", "categ_id", "company_id")

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
    def _query(self):
        """The SQL of the rows, selecting :attr:`_jxc_row_keys` and the stored numbers."""
        raise NotImplementedError

    @api.model
    def _rows_params(self, wizard):
        """The parameters of :meth:`_query` for ``wizard``."""
        return wizard._query_params()

    @api.model
    def _compute_rows(self, wizard):
        """Replace the rows of ``wizard`` by those of its filters; return how many."""
        return wizard._insert_rows(
            self._name, self._query(), list(self._jxc_row_keys), self._rows_params(wizard)
        )

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
