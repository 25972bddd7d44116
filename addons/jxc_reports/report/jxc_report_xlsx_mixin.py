# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class JxcReportXlsxMixin(models.AbstractModel):
    """Export XLSX for SQL-view reports: the selected rows with the columns of the report's
    list view, and a total row for the columns that the list view sums and for the
    quantities when the rows are all in one unit."""

    _name = "jxc.report.xlsx.mixin"
    _description = "JXC Report XLSX Export Mixin"

    @api.model
    def _xlsx_columns(self):
        """[(field name, summed)] from the list view the user sees, in its order."""
        arch = self.get_views([(False, "list")])["views"]["list"]["arch"]
        columns = []
        for node in etree.fromstring(arch).iter("field"):
            name = node.get("name")
            if (
                node.get("column_invisible") in ("1", "True", "true")
                or name not in self._fields
                or name == "currency_id"
            ):
                continue
            columns.append((name, bool(node.get("sum"))))
        return columns

    @api.model
    def _xlsx_is_quantity(self, field):
        """A quantity that adds up (not a running balance): totalled when the rows are in
        one unit (see :meth:`_xlsx_units`), which a list view cannot know."""
        return (
            field.type == "float"
            and field._digits == "Product Unit of Measure"
            and field.aggregator == "sum"
        )

    def _xlsx_units(self):
        """The units of the rows' quantities: their own unit, else their product's."""
        if "uom_id" in self._fields:
            return self.uom_id
        if "product_id" in self._fields:
            return self.product_id.uom_id
        return None

    @api.model
    def _xlsx_kind(self, field):
        if field.type in ("float", "monetary", "integer", "date", "datetime"):
            return field.type
        return "text"

    @api.model
    def _xlsx_value(self, record, field):
        value = record[field.name]
        if field.type in ("many2one", "many2many", "one2many"):
            return ", ".join(value.mapped("display_name"))
        if field.type == "selection":
            return dict(field._description_selection(self.env)).get(value, "")
        if field.type == "datetime" and value:
            return fields.Datetime.context_timestamp(self, value).replace(tzinfo=None)
        if field.type == "boolean":
            return _("Yes") if value else _("No")
        return value

    def _xlsx_rows(self):
        columns = [self._fields[name] for name, _summed in self._xlsx_columns()]
        return [[self._xlsx_value(record, field) for field in columns] for record in self]

    def _xlsx_content(self, title=None):
        columns = self._xlsx_columns()
        units = self._xlsx_units()
        spec = {
            "name": title or self.env["ir.model"]._get(self._name).name,
            "title": title or self.env["ir.model"]._get(self._name).name,
            "columns": [
                {
                    "label": self._fields[name].get_description(self.env)["string"],
                    "kind": self._xlsx_kind(self._fields[name]),
                    "total": summed or (units is not None and quantity),
                    "per_unit": quantity,
                }
                for name, summed in columns
                for quantity in [self._xlsx_is_quantity(self._fields[name])]
            ],
            "units": units.ids if units is not None else (),
            "rows": self._xlsx_rows(),
        }
        return self.env["jxc.report.xlsx"]._workbook([spec])

    def action_jxc_export_xlsx(self):
        records = self or self.browse(self.env.context.get("active_ids", []))
        if not records:
            raise UserError(_("Select the rows to export."))
        title = self.env["ir.model"]._get(self._name).name
        return self.env["jxc.report.xlsx"]._download(
            f"{title} {fields.Date.context_today(self)}.xlsx", records._xlsx_content()
        )
