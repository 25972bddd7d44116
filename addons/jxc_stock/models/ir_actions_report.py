# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import functools
import subprocess

import lxml.html

from odoo import api, fields, models
from odoo.tools.pdf import merge_pdf

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin

from ..utils import amount_in_words

# Without a letterhead in the page margins (unpatched wkhtmltopdf), the page keeps this margin
# (mm) above and below the body.
INLINE_MARGIN = 8

# What only a patched Qt does (option: number of values): an unpatched wkhtmltopdf ignores
# them with a warning on every print.
PATCHED_QT_OPTIONS = {"--header-spacing": 1, "--header-line": 0, "--disable-smart-shrinking": 0}


def _has_class(name):
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


@functools.cache
def _wkhtmltopdf_unpatched():
    """True when wkhtmltopdf is built against an unpatched Qt, as Debian's: it ignores
    ``--header-html`` / ``--footer-html`` and refuses more than one input document."""
    try:
        version = subprocess.run(
            [_get_wkhtmltopdf_bin(), "--version"],
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
        ).stdout
    except (OSError, TypeError, subprocess.SubprocessError):  # TypeError: no binary
        return False
    return bool(version) and "patched qt" not in version


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    jxc_paperformat_field = fields.Char(
        string="Company Paper Format Field",
        help="The res.company field (a paper format) that chooses this report's paper per "
        "company, as set in the JXC settings; when the company leaves it empty, the report's "
        "own paper format, else the company's.",
    )

    def get_paperformat(self):
        company_paperformat = self._jxc_company_paperformat()
        return company_paperformat or super().get_paperformat()

    def _jxc_company_paperformat(self):
        """The paper format the current company chose for this report, if any."""
        name = self[:1].jxc_paperformat_field
        field = name and self.env.company._fields.get(name)
        if not field or field.type != "many2one" or field.comodel_name != "report.paperformat":
            return self.env["report.paperformat"]
        return self.env.company.sudo()[name]

    def _get_rendering_context(self, report, docids, data):
        data = super()._get_rendering_context(report, docids, data)
        docs = data.get("docs")
        if isinstance(docs, models.BaseModel) and docs._name.startswith("jxc."):
            # A clear AccessError for who may not read them, before the template fails.
            docs.check_access("read")
        data["jxc_compact"] = report.get_paperformat().jxc_compact
        data["jxc_amount_in_words"] = amount_in_words
        return data

    def _prepare_html(self, html, report_model=False):
        if _wkhtmltopdf_unpatched():
            html = self._jxc_inline_headers(html)
        return super()._prepare_html(html, report_model=report_model)

    @api.model
    def _jxc_inline_headers(self, html):
        """Move each document's letterhead and footer into its body (``div.article``), where
        an unpatched wkhtmltopdf prints them; the page counter, which only the margins can
        fill in, is left out."""
        root = lxml.html.fromstring(html, parser=lxml.html.HTMLParser(encoding="utf-8"))
        for node in root.xpath(f"//div[{_has_class('header')}]"):
            article = node.xpath(f"following-sibling::div[{_has_class('article')}][1]")
            self._jxc_inline_node(node, "o_jxc_header")
            if article:
                node.tail, article[0].text = article[0].text, None
                article[0].insert(0, node)
        for node in root.xpath(f"//div[{_has_class('footer')}]"):
            article = node.xpath(f"preceding-sibling::div[{_has_class('article')}][1]")
            for counter in node.xpath(".//span[@class='page']/.."):
                counter.getparent().remove(counter)
            self._jxc_inline_node(node, "o_jxc_footer")
            if article:
                article[0].append(node)
        return lxml.html.tostring(root, encoding="unicode")

    @api.model
    def _jxc_inline_node(self, node, css_class):
        classes = node.get("class", "").split()
        classes = [c for c in classes if c not in ("header", "footer")]
        node.set("class", " ".join([*classes, css_class]))

    @api.model
    def _build_wkhtmltopdf_args(
        self, paperformat_id, landscape, specific_paperformat_args=None, set_viewport_size=False
    ):
        args = super()._build_wkhtmltopdf_args(
            paperformat_id,
            landscape,
            specific_paperformat_args=specific_paperformat_args,
            set_viewport_size=set_viewport_size,
        )
        if not _wkhtmltopdf_unpatched():
            return args
        kept = []
        skip = 0
        for arg in args:
            if skip:
                skip -= 1
            elif arg in PATCHED_QT_OPTIONS:
                skip = PATCHED_QT_OPTIONS[arg]
            else:
                kept.append(arg)
        return kept

    def _run_wkhtmltopdf(
        self,
        bodies,
        report_ref=False,
        header=None,
        footer=None,
        landscape=False,
        specific_paperformat_args=None,
        set_viewport_size=False,
    ):
        run = functools.partial(
            super()._run_wkhtmltopdf,
            report_ref=report_ref,
            landscape=landscape,
            set_viewport_size=set_viewport_size,
        )
        if not _wkhtmltopdf_unpatched():
            return run(
                bodies,
                header=header,
                footer=footer,
                specific_paperformat_args=specific_paperformat_args,
            )
        # The letterheads are in the bodies (_prepare_html): no page margin is kept for them,
        # and one document per run, merged.
        paperformat = (
            self._get_report(report_ref).get_paperformat() if report_ref else self.get_paperformat()
        )
        args = dict(specific_paperformat_args or {})
        for side in ("top", "bottom"):
            margin = getattr(paperformat, f"margin_{side}", 0) if paperformat else 0
            # Strings: Odoo skips a margin of 0 given as a number.
            args[f"data-report-margin-{side}"] = str(min(margin, INLINE_MARGIN))
        pdfs = [run([body], specific_paperformat_args=args) for body in bodies]
        return pdfs[0] if len(pdfs) == 1 else merge_pdf(pdfs)
