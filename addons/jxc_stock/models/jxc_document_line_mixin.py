# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import UserError

from ..utils import check_numbers, is_internal, system_field_names


class JxcDocumentLineMixin(models.AbstractModel):
    """Lines of a ``jxc.document.mixin`` document: they follow their document's state.

    From outside, lines are added, changed and deleted only while the document is in one of
    its open states (``_jxc_locked_writable`` fields excepted); ``_jxc_system_fields`` (links
    to order lines, returned lines, posted quantities…) are set only by the documents' own
    methods; a line never moves to another document; every number is finite and bounded.
    """

    _name = "jxc.document.line.mixin"
    _description = "JXC Document Line"

    _jxc_document_field = None  # the Many2one to the document, e.g. "order_id"
    _jxc_system_fields = ()
    _jxc_locked_writable = ()

    def _jxc_document(self):
        return self[self._jxc_document_field]

    @api.model
    def _jxc_system_field_names(self):
        """Fields only the documents' own methods write: ``_jxc_system_fields`` and every
        read-only field (see :func:`..utils.system_field_names`)."""
        return system_field_names(self, self._jxc_system_fields) - set(self._jxc_locked_writable)

    @api.model
    def _jxc_line_label(self, document, line=None):
        if line is not None:
            number = line._get_line_number()
            if number:
                return _("%(doc)s, line %(line)s", doc=document.display_name, line=number)
        return document.display_name or self._description

    def _get_line_number(self):
        """The line's position in its document (1-based), as errors name it."""
        self.ensure_one()
        lines = self._jxc_document().line_ids
        return list(lines).index(self) + 1 if self in lines else 0

    @api.model_create_multi
    def create(self, vals_list):
        if not is_internal(self.env):
            Document = self.env[self._fields[self._jxc_document_field].comodel_name]
            for vals in vals_list:
                document = Document.browse(
                    vals.get(self._jxc_document_field)
                    or self.env.context.get(f"default_{self._jxc_document_field}")
                )
                for name in sorted(self._jxc_system_field_names()):
                    if vals.get(name) or self.env.context.get(f"default_{name}"):
                        raise UserError(
                            _(
                                "%(doc)s: %(field)s cannot be set by hand: the document's own "
                                "actions set it.",
                                doc=self._jxc_line_label(document),
                                field=self._fields[name]._description_string(self.env),
                            )
                        )
                if document and not document._jxc_lines_editable():
                    raise UserError(
                        _(
                            "%(doc)s is %(state)s: no lines can be added.",
                            doc=document.display_name,
                            state=document._jxc_state_label(),
                        )
                    )
                check_numbers(self, vals, lambda d=document: self._jxc_line_label(d))
        return super().create(vals_list)

    def write(self, vals):
        if self and not is_internal(self.env):
            names = set(vals)
            forbidden = names & (self._jxc_system_field_names() | {self._jxc_document_field})
            if forbidden:
                raise UserError(
                    _(
                        "%(doc)s: %(fields)s cannot be changed by hand: the document's own "
                        "actions set it.",
                        doc=self._jxc_line_label(self[:1]._jxc_document(), self[:1]),
                        fields=", ".join(
                            self._fields[n]._description_string(self.env) for n in sorted(forbidden)
                        ),
                    )
                )
            locked = names - set(self._jxc_locked_writable)
            for line in self:
                document = line._jxc_document()
                if locked and not document._jxc_lines_editable():
                    raise UserError(
                        _(
                            "%(doc)s is %(state)s: its lines cannot be changed any more.",
                            doc=document.display_name,
                            state=document._jxc_state_label(),
                        )
                    )
                check_numbers(line, vals, lambda d=document, ln=line: self._jxc_line_label(d, ln))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_jxc_document_line(self):
        if not is_internal(self.env):
            for document in self.mapped(self._jxc_document_field):
                if not document._jxc_lines_editable():
                    raise UserError(
                        _(
                            "%(doc)s is %(state)s: its lines cannot be deleted.",
                            doc=document.display_name,
                            state=document._jxc_state_label(),
                        )
                    )
