import { registry } from "@web/core/registry";
import { row, scan } from "./jxc_scan_tour_utils";

registry.category("web_tour.tours").add("jxc_scan_count", {
    steps: () => [
        ...scan("TOUR-LOT-BC"),
        {
            content: "The lot's line is counted",
            trigger: `${row("lot_id", "TOUR-LOT")} td[name=counted_quantity]:contains("1.00")`,
        },
        ...scan("6900000009918"),
        {
            content: "The product is counted",
            trigger: `${row("product_id", "Tour Water")} td[name=counted_quantity]:contains("1.00")`,
        },
        ...scan("6900000009918"),
        {
            content: "Scanned twice, counted twice",
            trigger: `${row("product_id", "Tour Water")} td[name=counted_quantity]:contains("2.00")`,
        },
        ...scan("TOUR-LOT-BC"),
        {
            content: "The lot, twice",
            trigger: `${row("lot_id", "TOUR-LOT")} td[name=counted_quantity]:contains("2.00")`,
        },
    ],
});
