/**
 * Steps the JXC browser tours share. Selectors name fields and buttons (`div[name=…]`,
 * `button[name=…]`), never translated labels, so that the tours run in any language; the
 * only texts they look for are the test data's own names and numbers.
 */

/** The form's status is `state` (its statusbar's current step). */
export function stateIs(state) {
    return {
        content: `The document is ${state}`,
        trigger: `.o_statusbar_status button.o_arrow_button_current[data-value=${state}]`,
    };
}

/**
 * Click the header button `name` of a form. On a phone, Odoo folds the header buttons into
 * the control panel's cog menu: open it first.
 */
export function clickHeaderButton(name, { phone = false } = {}) {
    if (!phone) {
        return [
            {
                content: `Click ${name}`,
                trigger: `.o_form_statusbar button[name=${name}]:enabled`,
                run: "click",
            },
        ];
    }
    return [
        {
            content: "Open the actions menu",
            trigger: ".o_cp_action_menus button:has(.fa-cog)",
            run: "click",
        },
        {
            content: `Click ${name}`,
            trigger: `.o-dropdown--menu button[name=${name}]`,
            run: "click",
        },
    ];
}

/** Accept the confirmation dialog of a button with `confirm`. */
export function confirmDialog() {
    return [
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The dialog closed",
            trigger: "body:not(:has(.modal))",
        },
    ];
}

/** Type `text` into the many2one `field` (within `scope`) and pick the suggestion showing it. */
export function pickMany2one(field, text, scope = "") {
    return [
        {
            content: `Type ${text} into ${field}`,
            trigger: `${scope} div[name=${field}] input`,
            run: `edit ${text}`,
        },
        {
            content: `Pick ${text}`,
            trigger: `.o-autocomplete--dropdown-menu .ui-menu-item > a:contains("${text}")`,
            run: "click",
        },
        {
            content: `${field} is ${text}`,
            trigger: `${scope} div[name=${field}] input:value("${text}")`,
        },
    ];
}

/** Add a line to the one2many `field` of a form (desktop: an editable list). */
export function addLine(field = "line_ids") {
    return {
        content: "Add a line",
        trigger: `div[name=${field}] .o_field_x2many_list_row_add a`,
        run: "click",
    };
}

/** The edited row of a form's editable list. */
export const editedRow = ".o_field_one2many .o_data_row.o_selected_row";

/** Click the cell `field` of `row` (to edit it) and type `value`. */
export function editCell(row, field, value) {
    return [
        {
            content: `Edit ${field}`,
            trigger: `${row} td[name=${field}]`,
            run: "click",
        },
        {
            content: `Type ${value} into ${field}`,
            trigger: `${editedRow} div[name=${field}] input`,
            run: `edit ${value}`,
        },
    ];
}

/** Save the form and wait until it is saved. */
export function saveForm() {
    return [
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_action_manager .o_form_renderer.o_form_saved",
        },
    ];
}

/**
 * Replace the default a field got from an onchange (a new lot's expiry date): wait until the
 * default arrived, so that it does not overwrite what is typed.
 */
export function replaceDefault(scope, field, value) {
    return [
        {
            content: `To ${field}`,
            trigger: `${scope} div[name=${field}] input`,
            run: "click",
        },
        {
            content: `${field} got its default`,
            trigger: `${scope} div[name=${field}] input:value(/[0-9]/)`,
        },
        {
            content: `Type ${value} into ${field}`,
            trigger: `${scope} div[name=${field}] input`,
            run: `edit ${value}`,
        },
    ];
}

/** Phone: the card of the line showing `text`. */
export function card(text) {
    return `.o_field_one2many .o_kanban_record:contains("${text}")`;
}

/** Phone: open the card of the line showing `text`: its form opens in a dialog. */
export function openCard(text) {
    return [
        {
            content: `Open the card of ${text}`,
            trigger: card(text),
            run: "click",
        },
        {
            content: "The line's form",
            trigger: ".modal .o_form_view",
        },
    ];
}

/** Type `values` ({field: value}) into the fields of the open dialog. */
export function fillDialog(values) {
    return Object.entries(values).map(([field, value]) => ({
        content: `Type ${value} into ${field}`,
        trigger: `.modal div[name=${field}] input`,
        run: `edit ${value}`,
    }));
}

/** Save and close the line's dialog. */
export function saveDialog() {
    return [
        {
            content: "Save the line",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The line's dialog closed",
            trigger: "body:not(:has(.modal))",
        },
    ];
}

/** Phone: open the card of the line showing `text`, type `values` ({field: value}) in its
 * form, save and close it. */
export function editCard(text, values) {
    return [...openCard(text), ...fillDialog(values), ...saveDialog()];
}
