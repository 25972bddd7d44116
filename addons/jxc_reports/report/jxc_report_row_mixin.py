# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models, tools


class JxcReportRowMixin(models.AbstractModel):
    """Rows that a report wizard computes in one SQL statement (see
    ``jxc.report.filter.mixin._insert_rows``)."""

    _name = "jxc.report.row.mixin"
    _description = "JXC Report Rows"

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
