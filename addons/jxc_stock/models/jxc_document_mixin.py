# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..utils import (
    check_numbers,
    internal_context,
    is_free_field,
    is_internal,
    selection_label,
    system_field_names,
)


class JxcDocumentMixin(models.AbstractModel):
    """The state machine of every JXC document (orders, stock documents, counts, payments).

    Only the document's own methods move ``state`` and write the fields listed in
    ``_jxc_system_fields``: they do so through :meth:`_jxc_write` / :meth:`_jxc_create`, which
    carry a context token that JSON-RPC cannot produce. From outside — any user, any role,
    administrators over RPC included:

    - ``state``, the system fields and a numbered document's number can be neither written
      nor created with a value;
    - once the document has left ``_jxc_open_states`` only ``_jxc_locked_writable`` fields
      (and the chatter's) can be written;
    - it can be deleted only in ``_jxc_unlink_states``;
    - every number written is finite and within bounds (see :func:`..utils.check_numbers`).

    Lines inherit ``jxc.document.line.mixin``, which applies the same rules from their
    document's state.
    """

    _name = "jxc.document.mixin"
    _description = "JXC Document State Machine"

    # States in which the document (and its lines) is edited freely.
    _jxc_open_states = ("draft",)
    # States in which the document can be deleted.
    _jxc_unlink_states = ("draft", "cancel")
    # Fields written only by the document's own methods, in every state, besides the
    # read-only ones (state, posting dates, links…), which always are.
    _jxc_system_fields = ("state",)
    # Fields that stay editable once the document is confirmed / posted.
    _jxc_locked_writable = ()
    # States of a document that has posted rows (ledger, receivables…): 账实核对 flags rows
    # whose document is in none of them.
    _jxc_posted_states = ()
    # ir.sequence code numbering new documents (``name``); see :meth:`_jxc_sequence_code_for`.
    _jxc_sequence_code = None

    # ------------------------------------------------------------------
    # CRUD guards
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        internal = is_internal(self.env)
        numbered = []
        for vals in vals_list:
            if not internal:
                self._jxc_check_create_vals(vals)
            code = self._jxc_sequence_code_for(vals)
            if code and vals.get("name", "/") == "/":
                # A copy: the caller's values stay reusable for another document.
                name = self.env["ir.sequence"].next_by_code(code) or "/"
                numbered.append(dict(vals, name=name))
            else:
                numbered.append(vals)
        return super().create(numbered)

    @api.model
    def _jxc_sequence_code_for(self, vals):
        """The ir.sequence code numbering a new document created with ``vals``: override when
        the numbering depends on the document's type (receipts, payments…)."""
        return self._jxc_sequence_code

    def write(self, vals):
        if self and not is_internal(self.env):
            self._jxc_check_write_vals(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_jxc_document(self):
        # Never, not even from the documents' own methods: posted history stays. (Uninstalling
        # the document's own addon drops its table, demo records included.)
        for record in self:
            if record.state not in record._jxc_unlink_states:
                raise UserError(
                    _(
                        "%(doc)s is %(state)s: it cannot be deleted.",
                        doc=record.display_name,
                        state=record._jxc_state_label(),
                    )
                )

    def _check_action_rights(self):
        """Whether the user may act on these documents (confirm, post, cancel, reset): write
        access to each of them (model access and record rules: company, own documents,
        warehouses). The public buttons call it before their private hook."""
        if not self.env.su:
            self.check_access("write")

    # ------------------------------------------------------------------
    # Batch actions from list views
    # ------------------------------------------------------------------
    def _jxc_batch_check_rights(self):
        """The rights check of the action a batch runs, on the whole selection up front (by
        default the buttons' own :meth:`_check_action_rights`)."""
        self._check_action_rights()

    def _jxc_batch(self, method, skip_states, title):
        """Run the public action ``method`` (``action_confirm``, ``action_done``…) on each
        document of the selection on its own, all or nothing per document, with the caller's
        rights; return a notification of what was done, skipped and what failed and why.

        Who may not run the action on the selection gets the action's AccessError, with
        nothing written. Documents already in ``skip_states`` are skipped. Each document
        runs in a savepoint: one that fails (stock short, credit, a line's error, the rights
        on that one document) is rolled back alone and listed with its error; the others
        keep what they did. Each action takes its own locks, as from the form.
        """
        self._jxc_batch_check_rights()
        done, skipped, failed = self.browse(), self.browse(), []
        for record in self:
            if record.state in skip_states:
                skipped |= record
                continue
            try:
                with self.env.cr.savepoint():
                    getattr(record, method)()
            except (UserError, ValidationError, AccessError) as error:
                failed.append((record, error.args[0]))
            else:
                done |= record
        return self._jxc_batch_notification(title, done, skipped, failed)

    def _jxc_batch_notification(self, title, done, skipped, failed):
        """The sticky (when something failed) notification of a batch, reloading the list."""
        parts = []
        if done:
            states = {}
            for record in done:
                label = record._jxc_state_label()
                states[label] = states.get(label, 0) + 1
            parts.append(
                _(
                    "%(count)s done (%(states)s).",
                    count=len(done),
                    states=", ".join(
                        _("%(state)s: %(count)s", state=label, count=n)
                        for label, n in states.items()
                    ),
                )
            )
        if skipped:
            parts.append(
                _(
                    "%(count)s skipped, already past this step: %(docs)s.",
                    count=len(skipped),
                    docs=", ".join(
                        _(
                            "%(doc)s (%(state)s)",
                            doc=record.display_name,
                            state=record._jxc_state_label(),
                        )
                        for record in skipped
                    ),
                )
            )
        if failed:
            parts.append(
                _(
                    "%(count)s failed:\n%(errors)s",
                    count=len(failed),
                    errors="\n".join(
                        _("%(doc)s: %(reason)s", doc=record.display_name, reason=message)
                        for record, message in failed
                    ),
                )
            )
        if failed:
            kind = "danger" if not done else "warning"
        else:
            kind = "success" if done else "info"
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": title,
                "message": "\n".join(parts) or _("Nothing selected."),
                "type": kind,
                "sticky": bool(failed),
                "className": "o_jxc_batch_notification",
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    # ------------------------------------------------------------------
    # Internal writes (the document's own methods)
    # ------------------------------------------------------------------
    def _jxc_write(self, vals):
        """Write ``vals`` as the document's own method (state moves, system fields)."""
        return self.with_context(**internal_context()).write(vals)

    @api.model
    def _jxc_create(self, vals_list):
        """Create documents as the document's own method (with system fields set)."""
        records = self.with_context(**internal_context()).create(vals_list)
        return self.browse(records.ids)

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------
    def _jxc_state_label(self):
        self.ensure_one()
        return selection_label(self, "state")

    def _jxc_is_open(self):
        self.ensure_one()
        return self.state in self._jxc_open_states

    def _message_auto_subscribe_notify(self, partner_ids, template):
        # mail.thread's "You have been assigned to …" goes out in the name of whoever assigns
        # (a backorder keeps the original's responsible, a document is made for a colleague)
        # and refuses the whole action when that user has no e-mail address, as staff of
        # small companies often have not: it then goes out as the system, as core does for
        # the superuser.
        records = self.sudo() if not self.env.su and not self.env.user.email else self
        return super(JxcDocumentMixin, records)._message_auto_subscribe_notify(
            partner_ids, template
        )

    def _jxc_lines_editable(self):
        """Whether users may add, change and delete lines (default: while open)."""
        self.ensure_one()
        return self._jxc_is_open()

    @api.model
    def _jxc_system_field_names(self):
        """Fields only the document's own methods write: ``_jxc_system_fields``, every
        read-only field (see :func:`..utils.system_field_names`) and the number (``name``) of
        a numbered document: nobody gives a document the number of another one."""
        names = system_field_names(self, self._jxc_system_fields)
        if self._jxc_sequence_code_for({}):
            names.add("name")
        return names - self._jxc_writable_fields()

    @api.model
    def _jxc_writable_fields(self):
        """Fields a user may write once the document is locked."""
        return set(self._jxc_locked_writable)

    @api.model
    def _jxc_check_create_vals(self, vals):
        open_state = self._jxc_open_states[0]
        for name in sorted(self._jxc_system_field_names()):
            value = vals.get(name, self.env.context.get(f"default_{name}"))
            if name == "state":
                if value not in (None, False, open_state):
                    raise UserError(
                        _(
                            "%(model)s: a new document starts as %(state)s; its own actions move "
                            "it on.",
                            model=self._description,
                            state=selection_label(self, "state", open_state),
                        )
                    )
            elif value and not (name == "name" and value == "/"):  # "/": to be numbered
                raise UserError(
                    _(
                        "%(model)s: %(field)s cannot be set by hand: the document's own "
                        "actions set it.",
                        model=self._description,
                        field=self._fields[name]._description_string(self.env),
                    )
                )
        check_numbers(self, vals, self._description)

    def _jxc_check_write_vals(self, vals):
        names = set(vals)
        company_id = vals.get("company_id")
        if type(company_id) is int and company_id not in self.env.user.company_ids.ids:
            # Record rules are checked before a write, not after: without this, a user
            # could hand a document over to a company they do not work in.
            raise AccessError(
                _(
                    "%(doc)s cannot be moved to a company you do not work in.",
                    doc=", ".join(self.mapped("display_name")[:5]),
                )
            )
        system = names & self._jxc_system_field_names()
        if system:
            raise UserError(
                _(
                    "%(doc)s: %(fields)s cannot be changed by hand: the document's own "
                    "actions set it.",
                    doc=", ".join(self.mapped("display_name")[:5]),
                    fields=", ".join(
                        self._fields[n]._description_string(self.env) for n in sorted(system)
                    ),
                )
            )
        locked_fields = {n for n in names - self._jxc_writable_fields() if not is_free_field(n)}
        if locked_fields:
            for record in self:
                fields_here = locked_fields
                if record._jxc_lines_editable():
                    fields_here = locked_fields - {"line_ids"}
                if fields_here and not record._jxc_is_open():
                    raise UserError(
                        _(
                            "%(doc)s is %(state)s: %(fields)s cannot be changed any more.",
                            doc=record.display_name,
                            state=record._jxc_state_label(),
                            fields=", ".join(
                                record._fields[n]._description_string(self.env)
                                for n in sorted(fields_here)
                            ),
                        )
                    )
        for record in self:
            check_numbers(record, vals, record.display_name)
