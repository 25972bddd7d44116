import { registry } from "@web/core/registry";

// Server round trips may be slow on a loaded machine: each step waits up to 30 s, not 10.
const patient = (steps) => steps.map((step) => ({ timeout: 30000, ...step }));

const CUSTOMER = "Tour Receipt Customer";

/** Type `text` into the many2one `field` (inside `scope`) and pick the record of that name. */
function pickMany2one(field, text, scope = ".o_form_view") {
    return [
        {
            content: `Type ${text} into ${field}`,
            trigger: `${scope} div[name=${field}] input`,
            run: `edit ${text}`,
        },
        {
            content: `Pick ${text}`,
            trigger: `.o-autocomplete--dropdown-item > a:contains("${text}")`,
            run: "click",
        },
        {
            content: `${field} is ${text}`,
            trigger: `${scope} div[name=${field}] input:value("${text}")`,
        },
    ];
}

const line = (n) => `div[name=line_ids] .o_data_row:nth-child(${n})`;

registry.category("web_tour.tours").add("jxc_receipt_statement", {
    steps: () =>
        patient([
            {
                content: "A new 收款单",
                trigger: ".o_list_button_add",
                run: "click",
            },
            ...pickMany2one("partner_id", CUSTOMER),
            ...pickMany2one("account_id", "Tour Receipt Bank"),
            {
                content: "Received 70.00",
                trigger: ".o_form_view div[name=amount] input",
                run: "edit 70",
            },
            {
                content: "载入未核销单据",
                trigger: "button[name=action_load_open_entries]",
                run: "click",
            },
            {
                content: "The oldest order is listed for all it owes",
                trigger: `${line(1)} td[name=amount]:contains("56.50")`,
            },
            {
                content: "Settle part of the second order by hand",
                trigger: `${line(2)} td[name=amount]`,
                run: "click",
            },
            {
                content: "13.50 of it",
                trigger: `${line(2)}.o_selected_row td[name=amount] input`,
                run: "edit 13.50",
            },
            {
                content: "Leave the line",
                trigger: ".o_form_view .oe_title",
                run: "click",
            },
            {
                content: "Settled by hand, the settlements add up to the receipt",
                trigger: "div[name=settle_mode]:has(input[data-value=manual]:checked)",
            },
            {
                content: "Total settled: 70.00",
                trigger: `div[name=line_ids] tfoot td:contains("70.00")`,
            },
            {
                content: "Post",
                trigger: "button[name=action_post]",
                run: "click",
            },
            {
                content: "The receipt is posted",
                trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=posted]",
            },
            {
                content: "What it settled",
                trigger: `${line(2)} td[name=amount]:contains("13.50")`,
            },
            {
                content: "Finance",
                trigger: "button[data-menu-xmlid='jxc_finance.jxc_finance_menu']",
                run: "click",
            },
            {
                content: "对账单",
                trigger: "[data-menu-xmlid='jxc_finance.jxc_finance_statement_menu']",
                run: "click",
            },
            ...pickMany2one("partner_id", CUSTOMER, ".modal"),
            {
                content: "查询",
                trigger: ".modal button[name=action_compute]",
                run: "click",
            },
            {
                content: "Two orders and the receipt",
                trigger: `.modal ${line(3)} td[name=credit]:contains("70.00")`,
            },
            {
                content: "The customer still owes 20.40",
                trigger: ".modal div[name=closing_balance]:contains('20.40')",
            },
        ]),
});
