# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.tools import SQL

from ..utils import check_on_replica

# Row ids are the wizard's id times this plus the row's number, so that rows of different
# wizards never share an id in a cache (10,000,000 rows per report, ids below 2**53).
ROW_ID_FACTOR = 10_000_000


class JxcReportRowMixin(models.AbstractModel):
    """Rows of a report wizard, read straight from the ledger: nothing is written to show them.

    A rows model has no table. Its :attr:`_table_query` is the report's SQL for the wizard
    named by the context key ``jxc_report_wizard_id`` (the action that shows the rows sets it),
    with the wizard's filters as parameters; without it, no rows. So the list, pivot, graph,
    drill-downs and exports are plain reads (``search_read`` / ``read_group``) that a
    read-only cursor or a read replica serves, and several users run reports at once without
    writing. The rows of another user's wizard stay hidden by the record rules on
    ``wizard_id.create_uid``.
    """

    _name = "jxc.report.row.mixin"
    _description = "JXC Report Rows"

    # What the rows query selects besides the stored numbers (those default to 0).
    _jxc_row_keys = ("product_id", "warehouse_id", "categ_id", "company_id")
    # The rows have no table: nothing to vacuum.
    _transient_max_count = 0
    _transient_max_hours = 0

    @api.model
    def _query(self):
        """The SQL of the rows, selecting :attr:`_jxc_row_keys` and the stored numbers."""
        raise NotImplementedError

    @api.model
    def _ledger_sql(self, where):
        """The stock ledger as a report reads it: rows ``(product_id, warehouse_id,
        categ_id, company_id, move_type, date, quantity, value, move_count)`` whose sums
        are those of the ledger rows from ``%(scan_from)s`` to ``%(scan_to)s`` that
        ``where`` (a condition on alias ``m``: company, warehouse, category) selects, and
        whose dates fall on the same side of the report's ends as the rows they sum.

        Whole months come from the period balances (``jxc.stock.period.balance``, one row
        per month, product, warehouse and move type), dated the first of their month. A
        month an end cuts comes from its balances, dated on one side of the cut, and a
        correction from the ledger: the rows on the other side at their own dates, and the
        same rows taken back at the balances' date (``c1_*``, ``c2_*``); a month both ends
        cut comes from the ledger alone. The months read are listed in ``read_months``, up
        to now, and range from ``tail_from`` on; months whose balances are not scanned are
        listed in ``skip_months``. A year may come from its balances by year (``years``, each
        given the date in ``year_dates``), its months on the other side of an end, or not
        scanned, taken back at that date (``back_months``, ``back_dates``); the months it
        stands for are then in ``skip_months``. The conditions are plain ranges on stored
        dates, so that PostgreSQL estimates the rows well. See
        ``jxc.report.filter.mixin._month_params``, ``_year_params`` and ``_scan_params``."""
        columns = "m.product_id, m.warehouse_id, m.categ_id, m.company_id, m.move_type"
        in_c1 = "(m.date >= %(c1_from)s AND m.date < %(c1_to)s)"
        in_c2 = "(m.date >= %(c2_from)s AND m.date < %(c2_to)s)"
        return f"""(
            SELECT {columns}, m.date, m.quantity, m.value, 1 AS move_count
              FROM jxc_stock_move m
             WHERE {where}
               AND ((m.date >= %(read1_from)s AND m.date < %(read1_to)s)
                    OR (m.date >= %(read2_from)s AND m.date < %(read2_to)s)
                    OR (m.date >= %(read3_from)s AND m.date < %(read3_to)s))
            UNION ALL
            SELECT {columns},
                   CASE WHEN {in_c1} THEN %(c1_date)s ELSE %(c2_date)s END AS date,
                   -m.quantity, -m.value, -1
              FROM jxc_stock_move m
             WHERE {where}
               AND (({in_c1} AND %(c1_scanned)s) OR ({in_c2} AND %(c2_scanned)s))
            UNION ALL
            SELECT {columns},
                   CASE m.date WHEN %(c1_month)s THEN %(c1_date)s
                               WHEN %(c2_month)s THEN %(c2_date)s
                               ELSE m.date::timestamp END,
                   m.quantity, m.value, m.move_count
              FROM jxc_stock_period_balance m
             WHERE {where} AND m.period = 'month'
               AND (m.date = ANY(%(read_months)s::date[])
                    OR (m.date >= %(tail_from)s AND m.date < %(scan_to)s
                        AND m.date <> ALL(%(skip_months)s::date[])))
            UNION ALL
            SELECT {columns},
                   (%(year_dates)s::timestamp[])[array_position(%(years)s::date[], m.date)],
                   m.quantity, m.value, m.move_count
              FROM jxc_stock_period_balance m
             WHERE {where} AND m.period = 'year' AND m.date = ANY(%(years)s::date[])
            UNION ALL
            SELECT {columns},
                   (%(back_dates)s::timestamp[])[array_position(%(back_months)s::date[], m.date)],
                   -m.quantity, -m.value, -m.move_count
              FROM jxc_stock_period_balance m
             WHERE {where} AND m.period = 'month' AND m.date = ANY(%(back_months)s::date[])
        )"""

    @api.model
    def _rows_params(self, wizard):
        """The parameters of :meth:`_query` for ``wizard``."""
        return wizard._query_params()

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

    def _jxc_report_wizard(self):
        """The wizard of the context whose rows these are, if its user may read it."""
        wizard_id = self.env.context.get("jxc_report_wizard_id")
        if self._abstract or not isinstance(wizard_id, int) or isinstance(wizard_id, bool):
            return None
        wizard = self.env[self._fields["wizard_id"].comodel_name].browse(wizard_id)
        check_on_replica(wizard)
        return wizard.exists()._filtered_access("read") or None

    @api.model
    def _jxc_rows_of(self, wizard):
        """The rows of ``wizard`` as they are now, their stored fields fetched."""
        wizard.env.flush_all()
        Rows = self.with_context(jxc_report_wizard_id=wizard.id)
        # Rows read earlier for this wizard may have changed since (fetching keeps values
        # already in the cache); those of other wizards have other ids and stay.
        cached = self.env.cache.get_records(Rows, Rows._fields["wizard_id"])
        cached.filtered(lambda row: row.id // ROW_ID_FACTOR == wizard.id).invalidate_recordset()
        return Rows.search_fetch(
            [],
            [
                name
                for name, field in Rows._fields.items()
                if field.store and field.is_accessible(Rows.env)
            ],
        )

    def _check_access(self, operation):
        """Rows read for a wizard of the context are that wizard's, which the user may read
        (see :meth:`_jxc_report_wizard`): the record rules on ``wizard_id.create_uid`` hold
        by construction, and checking them again would run the report's SQL once more for
        every read. The model's access rights are checked as always."""
        if operation == "read" and self._ids:
            wizard = self._jxc_report_wizard()
            if wizard is not None and all(
                isinstance(id_, int) and id_ // ROW_ID_FACTOR == wizard.id for id_ in self._ids
            ):
                return self.browse()._check_access(operation)
        return super()._check_access(operation)

    @api.model
    @api.readonly
    def web_search_read(
        self, domain, specification, offset=0, limit=None, order=None, count_limit=None
    ):
        """A list's page and its count from one run of the report's SQL (``COUNT(*) OVER ()``
        beside the page's columns), where the web client's page read and count would run it
        twice."""
        if not limit or self._jxc_report_wizard() is None:
            return super().web_search_read(domain, specification, offset, limit, order, count_limit)
        fields_to_fetch = self._determine_fields_to_fetch(specification.keys())
        query = self._search(domain, offset=offset, limit=limit, order=order or self._order)
        if query.is_empty():
            return {"length": 0, "records": []}
        columns = [f for f in fields_to_fetch if f.name != "id" and f.column_type]
        rows = self.env.execute_query(
            query.select(
                SQL.identifier(self._table, "id"),
                SQL("COUNT(*) OVER ()"),
                *(self._field_to_sql(self._table, f.name, query) for f in columns),
            )
        )
        if not rows:
            return {"length": 0, "records": []}
        ids, totals, *values = zip(*rows, strict=True)
        records = self.browse(ids)
        for field, field_values in zip(columns, values, strict=True):
            self.env.cache.update(records, field, field_values)
        for field in fields_to_fetch:
            if field.name != "id" and not field.column_type:
                field.read(records)
        total = totals[0]
        return {
            "length": min(total, count_limit) if count_limit else total,
            "records": records.web_read(specification),
        }

    def _jxc_with_wizard(self):
        """These rows in the context of their wizard (known from their ids), to read them
        from a call that came without it — a button on a row of a form, say."""
        if self.env.context.get("jxc_report_wizard_id") or not self:
            return self
        return self.with_context(jxc_report_wizard_id=self[:1].id // ROW_ID_FACTOR)

    @property
    def _table_query(self):
        wizard = self._jxc_report_wizard()
        if wizard is None:
            # No wizard: no rows, with the columns of the model.
            columns = [
                name
                for name, field in self._fields.items()
                if field.store and field.column_type and name != "id"
            ]
            return SQL(
                "SELECT NULL::bigint AS id, %s WHERE FALSE",
                SQL(", ").join(
                    SQL(
                        "NULL::%s AS %s",
                        SQL(self._fields[name].column_type[1]),
                        SQL.identifier(name),
                    )
                    for name in columns
                ),
            )
        return self._jxc_rows_sql(wizard)

    def _jxc_values_sql(self, wizard, rows, columns):
        """The rows of ``wizard`` from Python: ``rows`` (dicts, in order) as a ``VALUES``
        list of ``columns`` (``(name, SQL type)`` pairs), numbered from 1 (their ids), with
        the wizard's log fields — for figures that one query does not give."""
        values = SQL(", ").join(
            SQL(
                "(%s, %s, %s)",
                wizard.id * ROW_ID_FACTOR + number,
                wizard.id,
                SQL(", ").join(
                    SQL("%s::%s", row[name] if row[name] is not False else None, SQL(kind))
                    for name, kind in columns
                ),
            )
            for number, row in enumerate(rows, start=1)
        )
        if not rows:
            return SQL(
                "SELECT NULL::bigint AS id, NULL::int4 AS wizard_id, %s, NULL::int4 AS create_uid,"
                " NULL::timestamp AS create_date, NULL::int4 AS write_uid,"
                " NULL::timestamp AS write_date WHERE FALSE",
                SQL(", ").join(
                    SQL("NULL::%s AS %s", SQL(kind), SQL.identifier(name)) for name, kind in columns
                ),
            )
        return SQL(
            """
            SELECT v.*, w.create_uid, w.create_date, w.write_uid, w.write_date
              FROM (VALUES %s) AS v(id, wizard_id, %s)
              JOIN %s w ON w.id = %s
            """,
            values,
            SQL(", ").join(SQL.identifier(name) for name, _kind in columns),
            SQL.identifier(wizard._table),
            wizard.id,
        )

    @api.model
    def _jxc_sql_settings(self):
        """{PostgreSQL setting: value} for the transaction that reads the rows. The query is
        one big aggregate: compiling it (JIT) costs more than it saves, and its sums by
        (product, warehouse, move type) hash in memory rather than sort on disk."""
        return {"jit": "off", "work_mem": "64MB"}

    def _jxc_rows_sql(self, wizard):
        """The rows of ``wizard``: :meth:`_query` with the wizard's parameters, each row
        numbered (its id) and given the wizard's log fields."""
        keys = list(self._jxc_row_keys)
        numeric = [name for name in self._jxc_numeric_fields() if name not in keys]
        # SET LOCAL writes nothing and holds for the transaction, which a read-only one
        # allows.
        for name, value in self._jxc_sql_settings().items():
            self.env.cr.execute(SQL("SET LOCAL %s = %s", SQL.identifier(name), value))
        params = dict(self._rows_params(wizard), wizard_id=wizard.id, id_factor=ROW_ID_FACTOR)
        return SQL(
            f"""
            SELECT %(wizard_id)s::bigint * %(id_factor)s
                       + ROW_NUMBER() OVER (ORDER BY {", ".join("r." + k for k in keys)})
                       AS id,
                   %(wizard_id)s AS wizard_id,
                   {", ".join("r." + k for k in keys)},
                   {", ".join(f"COALESCE(r.{n}, 0) AS {n}" for n in numeric)},
                   w.create_uid, w.create_date, w.write_uid, w.write_date
              FROM ({self._query()}) r
              JOIN {wizard._table} w ON w.id = %(wizard_id)s
            """,
            **params,
        )
