import { registry } from "@web/core/registry";
import { row } from "./jxc_scan_tour_utils";
import {
    card,
    clickHeaderButton,
    confirmDialog,
    editCard,
    editCell,
    pickMany2one,
    saveForm,
    stateIs,
} from "./jxc_tour_utils";

const tours = registry.category("web_tour.tours");

// A stock user counts one product of a warehouse and finds 7 where the books say 10.
tours.add("jxc_count_variance", {
    steps: () => [
        ...pickMany2one("warehouse_id", "Test Main"),
        {
            content: "Count one product",
            trigger: "div[name=product_ids] input",
            run: "edit Tour Soap",
        },
        {
            content: "Pick it",
            trigger: '.o-autocomplete--dropdown-menu .ui-menu-item > a:contains("Tour Soap")',
            run: "click",
        },
        {
            content: "It is a tag",
            trigger: 'div[name=product_ids] .o_tag:contains("Tour Soap")',
        },
        ...clickHeaderButton("action_start"),
        stateIs("in_progress"),
        {
            content: "The snapshot: 10 in the books",
            trigger: `${row("product_id", "Tour Soap")} td[name=theoretical_quantity]:contains("10.00")`,
        },
        ...editCell(row("product_id", "Tour Soap"), "counted_quantity", "7"),
        ...saveForm(),
        {
            content: "Three missing",
            trigger: `${row("product_id", "Tour Soap")} td[name=difference_quantity]:contains("-3.00")`,
        },
        {
            content: "Only stock managers validate counts",
            trigger: ".o_form_statusbar:not(:has(button[name=action_validate]))",
        },
    ],
});

// The stock manager validates it: the loss is posted.
tours.add("jxc_count_validate", {
    steps: () => [
        stateIs("in_progress"),
        ...clickHeaderButton("action_validate"),
        ...confirmDialog(),
        stateIs("done"),
    ],
});

// At a phone's size the lines are cards: each opens its form for the counted quantity.
tours.add("jxc_count_phone", {
    steps: () => [
        stateIs("in_progress"),
        {
            content: "Phones show the lines as cards",
            trigger: ".o_field_one2many .o_kanban_renderer .o_kanban_record",
        },
        ...editCard("Tour Water", { counted_quantity: "11" }),
        {
            content: "The card shows the count",
            trigger: `${card("Tour Water")}:contains("11.00")`,
        },
        ...editCard("Tour Tissue", { counted_quantity: "4" }),
        {
            content: "The card shows the count",
            trigger: `${card("Tour Tissue")}:contains("4.00")`,
        },
        ...saveForm(),
    ],
});
