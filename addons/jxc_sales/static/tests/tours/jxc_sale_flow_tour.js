import { registry } from "@web/core/registry";
import { row } from "@jxc_stock/../tests/tours/jxc_scan_tour_utils";
import {
    addLine,
    clickHeaderButton,
    confirmDialog,
    editCell,
    editedRow,
    pickMany2one,
    stateIs,
} from "@jxc_stock/../tests/tours/jxc_tour_utils";

const tours = registry.category("web_tour.tours");

// A salesperson sells 8 where 5 are in stock: warned while typing, the order is confirmed
// with what exists reserved and the rest recorded as a shortage.
tours.add("jxc_sale_order_shortage", {
    steps: () => [
        ...pickMany2one("partner_id", "Tour Customer"),
        ...pickMany2one("warehouse_id", "Test Main"),
        addLine(),
        ...pickMany2one("product_id", "Tour Widget", editedRow),
        {
            content: "The line shows what is available",
            trigger: `${editedRow} div[name=available_quantity]:contains("5.00")`,
        },
        {
            content: "Eight",
            trigger: `${editedRow} div[name=quantity] input`,
            run: "edit 8",
        },
        {
            content: "Leave the quantity: the line's onchange runs",
            trigger: `${editedRow} div[name=price_unit] input`,
            run: "click",
        },
        {
            // An onchange warning: Odoo shows it in a dialog.
            content: "A warning dialog names the product, the quantities and the warehouse",
            trigger:
                '.modal .modal-body:contains("Tour Widget"):contains("8"):contains("5")' +
                ':contains("Test Main")',
        },
        {
            content: "Close it",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The dialog closed",
            trigger: "body:not(:has(.modal))",
        },
        {
            content: "The form warns above the sheet too",
            trigger: ".o_form_view .alert-warning[role=alert]",
        },
        ...clickHeaderButton("action_confirm"),
        stateIs("confirmed"),
        {
            content: "Five reserved",
            trigger: `${row("product_id", "Tour Widget")} td[name=qty_reserved]:contains("5.00")`,
        },
        {
            content: "Three short",
            trigger: `${row("product_id", "Tour Widget")} td[name=qty_shortage]:contains("3.00")`,
        },
        {
            content: "Salespeople do not ship",
            trigger: ".o_form_statusbar:not(:has(button[name=action_post_open_pickings]))",
        },
    ],
});

// The goods arrived. Someone who sells and keeps the store ships the order in one click
// (一键出库), then the customer sends 3 back.
tours.add("jxc_sale_ship_all_return", {
    steps: () => [
        stateIs("confirmed"),
        ...clickHeaderButton("action_post_open_pickings"),
        ...confirmDialog(),
        stateIs("done"),
        {
            content: "Eight delivered",
            trigger: `${row("product_id", "Tour Widget")} td[name=qty_delivered]:contains("8.00")`,
        },
        {
            content: "Open the delivery",
            trigger: "button.oe_stat_button[name=action_view_deliveries]",
            run: "click",
        },
        stateIs("done"),
        ...clickHeaderButton("action_create_sale_return"),
        {
            content: "A draft sale return",
            trigger: `.o_form_view ${row("product_id", "Tour Widget")} td[name=quantity]:contains("8.00")`,
        },
        stateIs("draft"),
        ...editCell(row("product_id", "Tour Widget"), "quantity", "3"),
        ...clickHeaderButton("action_done"),
        stateIs("done"),
    ],
});
