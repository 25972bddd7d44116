# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models, tools
from odoo.tools import SQL


class JxcReportSqlView(models.AbstractModel):
    """A report that is a SQL view built from :meth:`_select`, :meth:`_from` and
    :meth:`_where`, which other addons extend with ``super()`` as in Odoo's ``sale.report``."""

    _name = "jxc.report.sql.view"
    _description = "JXC SQL View Report"

    # Ratios that grouped rows weigh instead of averaging: {"field:avg": (numerator field,
    # weight field, scale)} gives scale × SUM(numerator) / SUM(weight) for each group.
    _jxc_weighted_aggregates = {}

    def _select(self):
        raise NotImplementedError

    def _from(self):
        raise NotImplementedError

    def _where(self):
        return "TRUE"

    def _read_group_select(self, aggregate_spec, query):
        if aggregate_spec in self._jxc_weighted_aggregates:
            numerator, weight, scale = self._jxc_weighted_aggregates[aggregate_spec]
            return SQL(
                "%s * SUM(%s) / NULLIF(SUM(%s), 0)",
                scale,
                self._field_to_sql(self._table, numerator, query),
                self._field_to_sql(self._table, weight, query),
            )
        return super()._read_group_select(aggregate_spec, query)

    def init(self):
        if self._abstract:
            return
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"CREATE VIEW {self._table} AS (SELECT {self._select()} FROM {self._from()} "
            f"WHERE {self._where()})"
        )
