# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
import re
import subprocess
import unicodedata

from odoo.tools.pdf import PdfFileReader

# CJK fonts draw some ideographs with the glyph of a radical, which pdftotext reads back as
# the radical: 民 as ⺠, 角 as ⻆ (the Kangxi radicals, such as ⾓, NFKC maps back itself).
RADICALS = str.maketrans(
    "⺠⻆⻓⻔⻢⻉⻅⻋⻛⻜⻥⻦⻨⻰⻩⻮⻚⻘", "民角长门马贝见车风飞鱼鸟麦龙黄齿页青"
)


class JxcPrintMixin:
    """Renders JXC prints to real PDFs (wkhtmltopdf, as on `make run`) and reads their text
    with pdftotext; `make test`'s setup installs both. Under the test runner Odoo renders HTML
    instead unless ``force_report_rendering`` is set."""

    @classmethod
    def setup_print_company(cls, product=None):
        """The company in yuan (amounts in words) printing everything on its default paper;
        with ``product``, ``cls.case``: a 箱 of 12 of it."""
        cls.company.currency_id = cls.env.ref("base.CNY")
        for name, field in cls.company._fields.items():
            if name.startswith("jxc_paperformat_") and field.type == "many2one":
                cls.company[name] = False
        if product:
            cls.case = cls.env["product.packaging"].create(
                {"name": "箱", "product_id": product.id, "qty": 12}
            )

    def load_chinese(self, *addons):
        """zh_CN active, with the translations of ``addons``."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(list(addons), ["zh_CN"])

    def render_pdf(self, report_ref, records, user=None, lang="en_US"):
        """(pdf bytes, text) of ``report_ref`` printed for ``records`` by ``user``."""
        report = self.env["ir.actions.report"].with_context(force_report_rendering=True, lang=lang)
        if user:
            report = report.with_user(user)
        pdf, report_type = report._render_qweb_pdf(report_ref, records.ids)
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"), "wkhtmltopdf printed no PDF")
        return pdf, self.pdf_text(pdf)

    @staticmethod
    def pdf_text(pdf):
        """The text of ``pdf``, rows kept on one line, spaces collapsed, radicals read back as
        the characters printed."""
        text = subprocess.run(
            ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode()
        text = unicodedata.normalize("NFKC", text).translate(RADICALS)
        return re.sub(r"[ \t]+", " ", text)

    def assertInPdf(self, needle, text):
        """``needle`` in ``text`` whatever the line breaks and spaces (a long amount in words
        may wrap in its column)."""
        self.assertIn(re.sub(r"\s+", "", needle), re.sub(r"\s+", "", text))

    @staticmethod
    def pdf_pages(pdf):
        """[(width, height)] of the pages of ``pdf``, in millimetres."""
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        return [
            (
                round(float(page.mediabox.width) * 25.4 / 72),
                round(float(page.mediabox.height) * 25.4 / 72),
            )
            for page in reader.pages
        ]
