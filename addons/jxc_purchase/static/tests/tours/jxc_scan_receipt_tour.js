import { registry } from "@web/core/registry";
import { row, scan } from "@jxc_stock/../tests/tours/jxc_scan_tour_utils";

registry.category("web_tour.tours").add("jxc_scan_receipt", {
    steps: () => [
        ...scan("6900000009918"),
        ...scan("6900000009918"),
        {
            content: "Two waters arrived",
            trigger: `${row("product_id", "Tour Water")} td[name=quantity_done]:contains("2.00")`,
        },
        // GS1-128: GTIN, expiry (day 00: the month's last day), then the lot.
        ...scan("]C1" + "0106900000009925" + "17271200" + "10TOUR-LOT-7"),
        {
            content: "The milk's line took the lot",
            trigger: `${row("lot_name", "TOUR-LOT-7")} td[name=quantity_done]:contains("1.00")`,
        },
        ...scan("NO-SUCH-CODE"),
        {
            content: "An unknown code is refused",
            trigger: ".o_notification:contains(Unknown barcode NO-SUCH-CODE)",
        },
        {
            content: "Nothing was added",
            trigger: ".o_field_one2many .o_list_table:not(:has(.o_data_row:nth-child(3)))",
        },
    ],
});
