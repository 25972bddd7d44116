# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.jxc_stock.utils import tz_name


def month_start(instant):
    """The first instant of ``instant``'s month."""
    return instant.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def next_month(instant):
    """The first instant of the month after ``instant``'s."""
    return month_start(month_start(instant) + timedelta(days=31))


class JxcReportFilterMixin(models.AbstractModel):
    """Company, warehouses and categories that a stock report wizard filters on, and the
    parameters its SQL uses (``no_warehouse``, ``warehouse_ids``, ``no_category``,
    ``categ_ids``, ``company_id``)."""

    _name = "jxc.report.filter.mixin"
    _inherit = ["jxc.number.mixin", "jxc.report.wizard.mixin"]
    _description = "JXC Report Filters"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    warehouse_ids = fields.Many2many(
        "jxc.stock.warehouse", string="Warehouses", help="Empty: all warehouses."
    )
    categ_ids = fields.Many2many(
        "product.category", string="Categories", help="Empty: all categories."
    )

    def _tz_name(self):
        """The time zone that days are counted in (the user's, else China's)."""
        return tz_name(self.env)

    def _day_start_utc(self, day):
        """Midnight of ``day`` in the user's time zone, as a naive UTC datetime (the ledger's
        dates are stored in UTC)."""
        tz = pytz.timezone(self._tz_name())
        local = tz.localize(datetime.combine(day, time.min))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def _day_end_utc(self, day):
        """The first instant after ``day`` in the user's time zone, naive UTC."""
        return self._day_start_utc(day + timedelta(days=1))

    def _query_params(self):
        self.ensure_one()
        if not self.env.su and self.company_id not in self.env.companies:
            raise AccessError(
                _("You cannot run reports of %(company)s.", company=self.company_id.sudo().name)
            )
        categories = (
            self.env["product.category"].search([("id", "child_of", self.categ_ids.ids)])
            if self.categ_ids
            else self.categ_ids
        )
        warehouses = self.warehouse_ids
        limited = not self.env.su and self.env.user._jxc_is_warehouse_restricted()
        if limited:
            # Stock staff limited to chosen warehouses report on theirs only.
            allowed = self.env.user.jxc_warehouse_ids
            warehouses = warehouses & allowed if warehouses else allowed
        return {
            "company_id": self.company_id.id,
            "no_warehouse": not warehouses and not limited,
            "warehouse_ids": warehouses.ids or [0],
            "no_category": not categories,
            "categ_ids": categories.ids or [0],
        }

    def _scan_params(self, start, end):
        """Which ledger rows a report from ``start`` to ``end`` reads: forward, everything
        before ``end``; backward (from the stock on hand), everything from ``start`` on —
        whichever is less history. The context key ``jxc_report_direction`` forces one."""
        direction = self.env.context.get("jxc_report_direction")
        ledger_first = self._ledger_first() or start
        now = fields.Datetime.now()
        if not direction:
            direction = "backward" if now - start < end - ledger_first else "forward"
        backward = direction == "backward"
        scan_from = start if backward else datetime(1900, 1, 1)
        scan_to = datetime(9999, 1, 1) if backward else end
        params = self._month_params(start, end)
        # The months whose balances the scan leaves out: one read from the ledger alone,
        # and cut months whose balances are dated outside the scanned range.
        params["skip_months"] = [params.pop("skip_month")] + [
            params[f"c{n}_month"] for n in (1, 2) if not scan_from <= params[f"c{n}_date"] < scan_to
        ]
        for n in (1, 2):
            params[f"c{n}_scanned"] = scan_from <= params[f"c{n}_date"] < scan_to
        # The ledger rows read at their own dates: the corrections and the month read from
        # the ledger alone, within the scanned range (small ranges of the date index).
        windows = [(params[f"c{n}_from"], params[f"c{n}_to"]) for n in (1, 2)]
        windows.append((params["ledger_from"], params["ledger_to"]))
        for n, (first, last) in enumerate(windows, start=1):
            read_from = max(first, scan_from)
            params[f"read{n}_from"] = read_from
            params[f"read{n}_to"] = max(read_from, min(last, scan_to))
        params.update(self._year_params(start, end, params, scan_from, scan_to, ledger_first, now))
        return dict(params, backward=backward, scan_from=scan_from, scan_to=scan_to)

    @api.model
    def _ledger_first(self):
        """The date of the ledger's first row (of any company), None without any."""
        self.env.cr.execute("SELECT MIN(date) FROM jxc_stock_move")
        return self.env.cr.fetchone()[0]

    # A year's balances cost about this many months' to read (a year has more keys than a
    # month, far fewer than twelve).
    _jxc_year_cost = 2

    @api.model
    def _year_params(self, start, end, params, scan_from, scan_to, ledger_first, now):
        """Which years a report from ``start`` to ``end`` reads from the balances by year
        rather than month by month (see ``jxc.report.row.mixin._ledger_sql``).

        Within a year, the months the scan reads are dated on one side or the other of the
        report's ends (a cut month at its balances' date, see :meth:`_month_params`). The
        year's row, dated on one side, stands for the months read on that side; the
        year's other months are taken back at that date — read at their own dates too
        when the scan reads them. A year is read so when that reads fewer rows (a month
        of the ledger's history counts 1, a year :attr:`_jxc_year_cost`).

        Returns ``years`` and ``year_dates`` (each year's January 1st and the date its row
        is given), ``back_months`` and ``back_dates`` (the months taken back and at which
        date), ``skip_months`` (plus the months the years stand for), ``read_months`` and
        ``tail_from`` (the months read month by month: listed up to now, a range from
        ``tail_from`` on) and ``balance_months``: about how many months of balances the
        scan reads."""
        skipped = set(params["skip_months"])
        dated = {params[f"c{n}_month"]: params[f"c{n}_date"] for n in (2, 1)}
        first_month = month_start(scan_from)
        data_months = (month_start(ledger_first), month_start(now))

        def side(instant):
            return 0 if instant < start else 1 if instant < end else 2

        def has_data(month):
            return data_months[0] <= month <= data_months[1]

        def read(month):
            return first_month <= month < scan_to and month not in skipped

        result = {"years": [], "year_dates": [], "back_months": [], "back_dates": []}
        covered_all = []
        history = (max(scan_from, ledger_first), min(scan_to, now))
        history_months = list(self._months(*history))
        cost = sum(map(read, history_months))
        for year in range(history[0].year, history[1].year + 1):
            months = [datetime(year, month, 1) for month in range(1, 13)]
            best = None
            for chosen in {side(dated.get(m, m)) for m in months if read(m) and has_data(m)}:
                covered = [m for m in months if read(m) and side(dated.get(m, m)) == chosen]
                back = [m for m in months if m not in covered]
                saved = sum(map(has_data, covered)) - self._jxc_year_cost
                saved -= sum(map(has_data, back))
                if saved > 0 and (best is None or saved > best[0]):
                    best = (saved, covered, back)
            if best is None:
                continue
            saved, covered, back = best
            at = dated.get(covered[0], covered[0])
            result["years"].append(datetime(year, 1, 1))
            result["year_dates"].append(at)
            result["back_months"] += back
            result["back_dates"] += [at] * len(back)
            covered_all += covered
            cost -= saved
        result["skip_months"] = params["skip_months"] + covered_all
        result["balance_months"] = max(cost, 0)
        # The months read month by month, listed up to now (a list of months is estimated
        # and read through the index far better than a range less the months left out:
        # 0.04 s rather than 0.8 s for two months among thirteen at 10M ledger rows), and
        # any after it as a range.
        result["read_months"] = [m for m in history_months if read(m) and m not in covered_all]
        result["tail_from"] = (
            next_month(history_months[-1]) if history_months else month_start(history[0])
        )
        return result

    @api.model
    def _months(self, first, last):
        """The first instants of the months from ``first``'s to the one before ``last``."""
        month = month_start(first)
        while month < last:
            yield month
            month = next_month(month)

    @api.model
    def _month_params(self, start, end):
        """How a report from ``start`` to ``end`` reads the ledger through the period
        balances (UTC months; see ``jxc.report.row.mixin._ledger_sql``).

        A month that an end cuts (the end is not its first instant) is read from its
        balances plus a correction from the ledger: the rows on the shorter side of the
        cut, counted at their own dates and taken back at the date the balances are given
        (the month's start when the later side is shorter, else the cut): their side of
        the cut. A local month-end (16:00 UTC in China) thus reads eight hours of ledger.
        When both ends cut one month, that month is read from the ledger alone.

        Parameters: ``c1_*`` and ``c2_*`` (the two corrections: ``from``, ``to``, ``month``
        the balances' month, ``date`` their date), ``skip_month`` (a month read from the
        ledger alone: ``ledger_from``, ``ledger_to``). Unused ones are empty windows in
        1900."""
        none = datetime(1900, 1, 1)

        def correction(instant):
            first = month_start(instant)
            if first == instant:
                return None
            last = next_month(first)
            if last - instant <= instant - first:
                return {"from": instant, "to": last, "month": first, "date": first}
            return {"from": first, "to": instant, "month": first, "date": instant}

        empty = {"from": none, "to": none, "month": none, "date": none}
        cuts = [c for c in (correction(start), correction(end)) if c]
        params = {"skip_month": none, "ledger_from": none, "ledger_to": none}
        if len(cuts) == 2 and cuts[0]["month"] == cuts[1]["month"] and start != end:
            first = cuts[0]["month"]
            params.update(skip_month=first, ledger_from=first, ledger_to=next_month(first))
            cuts = []
        elif len(cuts) == 2 and start == end:
            cuts = cuts[:1]
        cuts += [empty] * (2 - len(cuts))
        for number, cut in enumerate(cuts, start=1):
            params.update({f"c{number}_{key}": value for key, value in cut.items()})
        return params

    @api.model
    def _filter_where(self, alias="m"):
        """The SQL condition of the filters on ledger rows aliased ``alias``."""
        return (
            f"{alias}.company_id = %(company_id)s"
            f" AND (%(no_warehouse)s OR {alias}.warehouse_id = ANY(%(warehouse_ids)s))"
            f" AND (%(no_category)s OR {alias}.categ_id = ANY(%(categ_ids)s))"
        )

    # The rows model and the action that shows them; set by each report wizard.
    _jxc_rows_model = None
    _jxc_rows_action = None

    def _title(self):
        return self._description

    def _rows(self):
        """The rows of the filters as they are now: read from the ledger, nothing written
        (see ``jxc.report.row.mixin``)."""
        self.ensure_one()
        return self.env[self._jxc_rows_model]._jxc_rows_of(self)

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        # create() caches every x2many as empty: the rows are read when asked for.
        if "line_ids" in self._fields:
            wizards.invalidate_recordset(["line_ids"])
        return wizards

    def _compute_line_ids(self):
        for wizard in self:
            wizard.line_ids = wizard._rows() if wizard.id else False

    @api.readonly
    def action_compute(self):
        """Show the rows: an action whose context names this wizard, so that the list,
        pivot and graph read them (a read-only call: nothing is written)."""
        self.ensure_one()
        self._jxc_check_on_replica()
        self._query_params()  # the access checks, before the action opens
        self.invalidate_recordset(["line_ids"])
        action = self.env["ir.actions.act_window"]._for_xml_id(self._jxc_rows_action)
        action.update(
            domain=[("wizard_id", "=", self.id)],
            display_name=self._title(),
            context={"jxc_report_wizard_id": self.id},
        )
        return action

    def _xlsx(self):
        """The rows as XLSX bytes, with the columns of their list view, for the filters as
        they are now."""
        self.ensure_one()
        return self._rows()._xlsx_content(self._title())

    def action_export_xlsx(self):
        self.ensure_one()
        return self.env["jxc.report.xlsx"]._download(f"{self._title()}.xlsx", self._xlsx())
