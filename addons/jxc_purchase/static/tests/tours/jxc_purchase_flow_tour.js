import { registry } from "@web/core/registry";
import { row } from "@jxc_stock/../tests/tours/jxc_scan_tour_utils";
import {
    addLine,
    card,
    clickHeaderButton,
    editCard,
    editCell,
    editedRow,
    fillDialog,
    openCard,
    pickMany2one,
    replaceDefault,
    saveDialog,
    stateIs,
} from "@jxc_stock/../tests/tours/jxc_tour_utils";

const tours = registry.category("web_tour.tours");

// A buyer orders above the approval amount: the order waits for a purchase manager.
tours.add("jxc_purchase_order_to_approve", {
    steps: () => [
        ...pickMany2one("partner_id", "Tour Supplier"),
        ...pickMany2one("warehouse_id", "Test Main"),
        addLine(),
        ...pickMany2one("product_id", "Tour Milk", editedRow),
        {
            content: "Ten cartons",
            trigger: `${editedRow} div[name=quantity] input`,
            run: "edit 10",
        },
        {
            content: "At 150 each",
            trigger: `${editedRow} div[name=price_unit] input`,
            run: "edit 150",
        },
        ...clickHeaderButton("action_confirm"),
        stateIs("to_approve"),
        {
            content: "Only a purchase manager approves",
            trigger: ".o_form_statusbar:not(:has(button[name=action_approve]))",
        },
    ],
});

// The purchase manager approves it: the order is confirmed and its receipt created.
tours.add("jxc_purchase_approve", {
    steps: () => [
        stateIs("to_approve"),
        ...clickHeaderButton("action_approve"),
        stateIs("confirmed"),
    ],
});

// The warehouse takes 6 of the 10 in with their lot and expiry, rejects 1 as damaged and
// validates: the other 4 stay owed in a backorder.
tours.add("jxc_purchase_receipt_lot_reject", {
    steps: () => [
        stateIs("draft"),
        ...editCell(row("product_id", "Tour Milk"), "lot_name", "TOUR-LOT-1"),
        // A new lot gets the product's shelf life as its default expiry; the cartons say
        // otherwise.
        ...replaceDefault(editedRow, "expiration_date", "06/30/2027"),
        {
            content: "Six accepted",
            trigger: `${editedRow} div[name=quantity_done] input`,
            run: "edit 6",
        },
        {
            content: "One rejected",
            trigger: `${editedRow} div[name=quantity_rejected] input`,
            run: "edit 1",
        },
        {
            content: "Why",
            trigger: `${editedRow} div[name=reject_reason] input`,
            run: "edit Damaged",
        },
        ...clickHeaderButton("action_done"),
        stateIs("done"),
        {
            content: "The posted line keeps its lot",
            trigger: `${row("lot_id", "TOUR-LOT-1")} td[name=quantity_done]:contains("6.00")`,
        },
    ],
});

// The same at a phone's size: the lines are cards, each opens its form.
tours.add("jxc_purchase_receipt_phone", {
    steps: () => [
        stateIs("draft"),
        {
            content: "Phones show the lines as cards",
            trigger: ".o_field_one2many .o_kanban_renderer .o_kanban_record",
        },
        ...editCard("Tour Water", { quantity_done: "6" }),
        {
            content: "The card shows what was taken in",
            trigger: `${card("Tour Water")}:contains("6.00")`,
        },
        ...openCard("Tour Milk"),
        ...fillDialog({ lot_name: "PHONE-LOT" }),
        ...replaceDefault(".modal", "expiration_date", "12/31/2027"),
        ...fillDialog({ quantity_done: "3", quantity_rejected: "1", reject_reason: "Leaking" }),
        ...saveDialog(),
        {
            content: "The card shows the lot and what was taken in",
            trigger: `${card("PHONE-LOT")}:contains("12/31/2027"):contains("3.00")`,
        },
        ...clickHeaderButton("action_done", { phone: true }),
        stateIs("done"),
    ],
});
