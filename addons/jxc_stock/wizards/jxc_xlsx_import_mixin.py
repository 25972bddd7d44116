# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import datetime
import hashlib
import io
import json
import math

from markupsafe import Markup, escape

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..utils import download_action, form_action

# Rows a file may hold (a template's data validation covers as many).
MAX_ROWS = 100000


class JxcXlsxImportMixin(models.AbstractModel):
    """An XLSX import that checks the whole file before writing anything.

    A model using it describes its template with :meth:`_get_columns` (and
    :meth:`_get_template_lists`, :meth:`_get_template_notes`, :meth:`_get_template_example`)
    and implements :meth:`_parse_rows` (resolve and check every row, collecting errors) and
    :meth:`_import_rows` (write the good file, in one step). :meth:`action_import`:

    - reads every row, by header (Chinese or English headers, in any order);
    - lists every bad row — row number, column, value and reason — and writes nothing while
      there is one;
    - refuses a file that was imported before (the SHA-256 of its rows is kept by what it
      wrote).
    """

    _name = "jxc.xlsx.import.mixin"
    _description = "XLSX Import"
    # The documents an import writes: they keep the file's checksum (``import_checksum``).
    _jxc_imported_model = None

    file = fields.Binary(string="XLSX File")
    filename = fields.Char()
    error_count = fields.Integer(readonly=True)
    error_html = fields.Html(string="Errors", readonly=True, sanitize=False)
    error_text = fields.Text(readonly=True, help="The errors, one per line (tab-separated).")

    # ------------------------------------------------------------------
    # To implement
    # ------------------------------------------------------------------
    @api.model
    def _get_columns(self):
        """``[{"key", "header", "required", "type" ("char", "number", "date"), "note",
        "list" (a key of :meth:`_get_template_lists`), "width", "aliases" (other headers
        the column is read under, e.g. those of another system's export)}]``."""
        raise NotImplementedError

    def _get_template_lists(self):
        """``{list key: [values]}``: drop-down lists of the template's columns."""
        return {}

    def _get_template_notes(self):
        return []

    def _get_template_example(self):
        """One example row: ``{column key: value}``."""
        return {}

    def _get_template_filename(self):
        raise NotImplementedError

    def _parse_rows(self, rows, errors):
        """Resolve and check ``rows`` (``[(row number, {key: value})]``): return what
        :meth:`_import_rows` needs; report each problem with :meth:`_add_error`."""
        raise NotImplementedError

    def _import_rows(self, parsed, checksum):
        """Write the checked rows (all or nothing); return an action showing the result."""
        raise NotImplementedError

    def _find_imported(self, checksum):
        """What an earlier import of the same file into this company wrote (cancelled
        documents left out): empty if none."""
        return self.env[self._jxc_imported_model].search(self._get_imported_domain(checksum))

    def _get_imported_domain(self, checksum):
        """The documents that count as the import of ``checksum``: not those cancelled
        (or, for the imports that say so, reversed), which may be imported again."""
        return [
            ("import_checksum", "=", checksum),
            ("company_id", "=", self.company_id.id),
            ("state", "!=", "cancel"),
        ]

    def _check_import_rights(self):
        """Whether the user may import (the department's managers)."""
        raise NotImplementedError

    # ------------------------------------------------------------------
    # Template
    # ------------------------------------------------------------------
    def action_download_template(self):
        return download_action(self.env, self._get_template_filename(), self._build_template())

    def _build_template(self):
        import xlsxwriter

        columns = self._get_columns()
        lists = self._get_template_lists()
        notes = self._get_template_notes()
        example = self._get_template_example()
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {"in_memory": True})
        header = book.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        required = book.add_format(
            {"bold": True, "bg_color": "#D9E1F2", "border": 1, "font_color": "#C00000"}
        )
        sample = book.add_format({"italic": True, "font_color": "#808080"})
        sample_date = book.add_format(
            {"italic": True, "font_color": "#808080", "num_format": "yyyy-mm-dd"}
        )
        date_format = book.add_format({"num_format": "yyyy-mm-dd"})
        sheet = book.add_worksheet(_("Data"))
        list_sheet = book.add_worksheet(_("Lists"))
        for index, (key, values) in enumerate(lists.items()):
            list_sheet.write(0, index, key)
            for row, value in enumerate(values, start=1):
                list_sheet.write(row, index, value)
        list_columns = {key: index for index, key in enumerate(lists)}
        for col, column in enumerate(columns):
            sheet.write(0, col, column["header"], required if column.get("required") else header)
            sheet.set_column(
                col,
                col,
                column.get("width", 14),
                date_format if column.get("type") == "date" else None,
            )
            if column.get("note"):
                sheet.write_comment(0, col, column["note"])
            value = example.get(column["key"])
            if isinstance(value, datetime.date):
                sheet.write_datetime(
                    1,
                    col,
                    datetime.datetime.combine(value, datetime.time.min),
                    sample_date,
                )
            elif value not in (None, ""):
                sheet.write(1, col, value, sample)
            validation = None
            if column.get("list") in list_columns and lists[column["list"]]:
                letter = xlsxwriter.utility.xl_col_to_name(list_columns[column["list"]])
                validation = {
                    "validate": "list",
                    "source": f"='{list_sheet.name}'!${letter}$2:${letter}$"
                    f"{len(lists[column['list']]) + 1}",
                    "error_message": _("Pick a value from the list."),
                }
            elif column.get("type") == "number":
                validation = {
                    "validate": "decimal",
                    "criteria": ">=",
                    "value": 0 if column.get("positive") else -1e12,
                    "error_message": _("Enter a number."),
                }
            elif column.get("type") == "date":
                validation = {
                    "validate": "date",
                    "criteria": ">",
                    "value": datetime.date(1900, 1, 1),
                    "error_message": _("Enter a date (YYYY-MM-DD)."),
                }
            if validation:
                sheet.data_validation(1, col, MAX_ROWS, col, validation)
        sheet.freeze_panes(1, 0)
        list_sheet.hide()
        notes_sheet = book.add_worksheet(_("Notes"))
        notes_sheet.set_column(0, 0, 100)
        lines = [
            *notes,
            "",
            _("Row 2 is an example: replace it with your data or delete it."),
            _("Red headers are required. Columns are found by their header, in any order."),
            _("Nothing is imported while any row is wrong: every wrong row is listed."),
            _("A file is imported once: the same file uploaded again is refused."),
            "",
            _("Columns:"),
            *(f"{c['header']}: {c.get('note') or ''}" for c in columns),
        ]
        for row, line in enumerate(lines):
            notes_sheet.write(row, 0, line)
        book.close()
        return output.getvalue()

    # ------------------------------------------------------------------
    # Import
    # ------------------------------------------------------------------
    def action_import(self):
        self.ensure_one()
        self._check_import_rights()
        if not self.file:
            raise UserError(_("Choose the XLSX file to import."))
        rows = self._read_rows(base64.b64decode(self.file))
        # The same file uploaded twice at once: the second waits, fails to serialize and,
        # retried, finds the first's documents.
        self.env["jxc.golive"]._get_for_company(self.company_id)._lock()
        checksum = self._checksum(rows)
        imported = self._find_imported(checksum)
        if imported:
            raise UserError(
                _(
                    "This file was imported already (%s): the same file is imported once.",
                    ", ".join(imported.mapped("display_name")[:5]),
                )
            )
        errors = []
        parsed = self._parse_rows(rows, errors)
        if errors:
            self._show_errors(errors)
            return self._form_action(self, "new", name=self._get_wizard_title())
        self.write({"error_count": 0, "error_html": False, "error_text": False})
        return self._import_rows(parsed, checksum)

    def _get_wizard_title(self):
        """The wizard's title when it shows the errors of a file."""
        return self._description

    @api.model
    def _form_action(self, record, target, name=None):
        """The form of ``record``; the wizard's own keeps the ``default_*`` keys it was
        opened with (fields read-only by them stay so)."""
        action = form_action(
            record._name,
            record.id,
            target=target,
            context={k: v for k, v in self.env.context.items() if k.startswith("default_")},
        )
        if name:
            action["name"] = name
        return action

    def _checksum(self, rows):
        """SHA-256 of what the file's rows say: neither the file's bytes nor the order of
        its rows or columns nor how a date or a number was typed make another file. What it
        is imported as (:meth:`_get_checksum_salt`) does."""
        types = {c["key"]: c.get("type", "char") for c in self._get_columns()}
        ignored = []  # values that are not what their column takes are compared as typed

        def normal(key, value):
            if value is None:
                return None
            if types.get(key) == "number":
                number = self._to_number(ignored, 0, key, value)
                return repr(number) if number is not None else str(value)
            if types.get(key) == "date":
                day = self._to_date(ignored, 0, key, value)
                return day.isoformat() if day else str(value)
            return str(self._to_text(ignored, 0, key, value)).lower()

        canonical = sorted(
            json.dumps(sorted((k, normal(k, v)) for k, v in values.items()), ensure_ascii=False)
            for _number, values in rows
        )
        salt = json.dumps([self._name, self._get_checksum_salt()])
        return hashlib.sha256("\n".join([salt, *canonical]).encode()).hexdigest()

    def _get_checksum_salt(self):
        """What else than its rows makes an import (finance: the type of balances)."""
        return ""

    def _show_errors(self, errors, limit=1000):
        """Keep the errors on the wizard: all of them as text, the first ``limit`` in the
        table that the screen shows."""
        headers = {c["key"]: c["header"] for c in self._get_columns()}
        errors = sorted(
            ((row, headers.get(key, key), value, reason) for row, key, value, reason in errors),
            key=lambda e: (e[0], e[1]),
        )
        rows = Markup("").join(
            Markup("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>")
            % (row, column, value, reason)
            for row, column, value, reason in errors[:limit]
        )
        more = (
            Markup("<p>%s</p>")
            % _("… and %s more: correct these and upload the file again.", len(errors) - limit)
            if len(errors) > limit
            else ""
        )
        self.write(
            {
                "error_count": len(errors),
                "error_text": "\n".join("\t".join(str(p) for p in e) for e in errors),
                "error_html": Markup(
                    '<table class="table table-sm table-striped o_jxc_import_errors">'
                    "<thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead>"
                    "<tbody>%s</tbody></table>%s"
                )
                % (_("Row"), _("Column"), _("Cell Content"), _("Reason"), rows, more),
            }
        )

    def _add_error(self, errors, number, key, value, reason):
        """Report that row ``number``, column ``key``, holding ``value``, is wrong."""
        if isinstance(value, datetime.datetime) and value.time() == datetime.time.min:
            value = value.date()
        shown = "" if value is None else str(value)
        errors.append((number, key, escape(shown[:100]), reason))

    def _read_rows(self, content):
        """``[(row number, {column key: cell value})]`` from the first sheet: columns by
        their header (this language's, Chinese or English), empty rows skipped."""
        import openpyxl

        try:
            book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception as error:
            raise UserError(_("The file is not a readable XLSX workbook.")) from error
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header_row = next(rows, None) or ()
        names = {}
        for lang in self._get_header_langs():
            for column in self.with_context(lang=lang)._get_columns():
                names.setdefault(column["header"].strip().lower(), column["key"])
                names.setdefault(column["key"], column["key"])
                for alias in column.get("aliases", ()):
                    names.setdefault(alias.strip().lower(), column["key"])
        positions = {}
        for index, cell in enumerate(header_row):
            key = names.get(str(cell or "").strip().lower())
            if key and key not in positions:
                positions[key] = index
        missing = [
            c["header"]
            for c in self._get_columns()
            if c.get("required") and c["key"] not in positions
        ]
        if missing:
            raise UserError(
                _(
                    "The first row must hold the template's headers; missing: %s. Download "
                    "the template and fill it in.",
                    ", ".join(missing),
                )
            )
        result = []
        for number, row in enumerate(rows, start=2):
            values = {
                key: _clean(row[index]) if index < len(row) else None
                for key, index in positions.items()
            }
            if all(v is None for v in values.values()):
                continue
            if len(result) >= MAX_ROWS:
                raise UserError(_("A file holds at most %s rows.", MAX_ROWS))
            result.append((number, values))
        if not result:
            raise UserError(_("The sheet has no rows below its header."))
        return result

    def _get_header_langs(self):
        """Languages whose headers (and names: units…) a file may use: the user's, Chinese
        and English, those installed."""
        installed = {code for code, _name in self.env["res.lang"].get_installed()}
        return [
            lang
            for lang in dict.fromkeys((self.env.lang or "en_US", "zh_CN", "en_US"))
            if lang in installed
        ]

    # ------------------------------------------------------------------
    # Cell values
    # ------------------------------------------------------------------
    def _to_number(self, errors, number, key, value, required=True):
        """The cell as a finite float, or None (with an error when it is not one)."""
        if value is None:
            if required:
                self._add_error(errors, number, key, value, _("required"))
            return None
        if isinstance(value, str):
            try:
                if "_" in value:  # float() reads 1_000; a person does not write it
                    raise ValueError(value)
                value = float(value.replace(",", ""))
            except ValueError:
                self._add_error(errors, number, key, value, _("not a number"))
                return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self._add_error(errors, number, key, value, _("not a number"))
            return None
        if not math.isfinite(value):
            self._add_error(errors, number, key, value, _("not a finite number"))
            return None
        return float(value)

    def _to_date(self, errors, number, key, value, required=True):
        if value is None:
            if required:
                self._add_error(errors, number, key, value, _("required"))
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, str):
            for pattern in ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d"):
                try:
                    return datetime.datetime.strptime(value, pattern).date()
                except ValueError:
                    continue
        self._add_error(errors, number, key, value, _("not a date (YYYY-MM-DD)"))
        return None

    @api.model
    def _index(self, table, key, record):
        """Put ``record`` in a lookup table under ``key``; a key that names two records names
        none (``False``): the file must use another one."""
        table[key] = record if table.get(key, record) == record else False

    def _resolve(self, errors, number, key, values, table, unknown, ambiguous, lower=True):
        """The record that row ``number``'s ``key`` cell names in ``table`` (see
        :meth:`_index`), or ``None`` with an error: the cell is empty, names nothing
        (``unknown``) or names several records (``ambiguous``)."""
        text = self._to_text(errors, number, key, values.get(key))
        if text is None:
            return None
        found = table.get(text.lower() if lower else text)
        if found is None:
            self._add_error(errors, number, key, text, unknown)
        elif found is False:
            self._add_error(errors, number, key, text, ambiguous)
        return found or None

    def _to_text(self, errors, number, key, value, required=True):
        if value is None:
            if required:
                self._add_error(errors, number, key, value, _("required"))
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()


def _clean(value):
    """A cell: text stripped (empty text is None)."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value
