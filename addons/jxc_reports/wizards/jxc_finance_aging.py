# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, models

from odoo.addons.jxc_finance.wizards.jxc_finance_aging import BUCKETS
from odoo.addons.jxc_stock.utils import selection_label


class JxcFinanceAging(models.TransientModel):
    _inherit = "jxc.finance.aging"

    def _xlsx_filename(self):
        self.ensure_one()
        return _(
            "%(type)s Aging %(date)s.xlsx",
            type=selection_label(self, "entry_type") or "",
            date=self.date,
        )

    def _xlsx(self):
        """The aging as XLSX bytes (see ``jxc.report.xlsx``): one row per partner, computed by
        ``_compute_buckets`` as of the wizard's date, largest total first."""
        self.ensure_one()
        self._check_company_allowed()
        buckets = self._compute_buckets(self.date, self.entry_type, self.company_id)
        partners = self.env["res.partner"].browse([pid for pid in buckets if pid])
        names = {partner.id: partner.display_name for partner in partners}
        Line = self.env["jxc.finance.aging.line"]
        columns = [{"label": _("Partner"), "kind": "text", "width": 34}] + [
            {
                "label": Line._fields[name].get_description(self.env)["string"],
                "kind": "monetary",
                "width": 14,
                "total": True,
            }
            for name in (*BUCKETS, "total")
        ]
        rows = sorted(
            buckets.items(), key=lambda item: (-item[1]["total"], names.get(item[0]) or "")
        )
        spec = {
            "name": _("Aging"),
            "title": self.display_name,
            "subtitle": _(
                "%(company)s, amounts in %(currency)s",
                company=self.company_id.name,
                currency=self.currency_id.name,
            ),
            "columns": columns,
            "rows": [
                [names.get(partner_id) or ""] + [values[name] for name in (*BUCKETS, "total")]
                for partner_id, values in rows
            ],
        }
        return self.env["jxc.report.xlsx"]._workbook([spec])

    def action_export_xlsx(self):
        self.ensure_one()
        return self.env["jxc.report.xlsx"]._download(self._xlsx_filename(), self._xlsx())
