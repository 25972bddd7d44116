import { registry } from "@web/core/registry";

// Server round trips may be slow on a loaded machine: each step waits up to 30 s, not 10.
const patient = (steps) => steps.map((step) => ({ timeout: 30000, ...step }));

const TILE = ".o_jxc_dashboard_tile[data-key=sales_today]";

registry.category("web_tour.tours").add("jxc_dashboard_tile", {
    steps: () =>
        patient([
            {
                content: "今日销售: the goods shipped today, untaxed",
                trigger: `${TILE} .o_jxc_tile_value:contains("50.00")`,
            },
            {
                content: "Open the tile",
                trigger: TILE,
                run: "click",
            },
            {
                content: "Today's sales are listed, one row per order line",
                trigger: `.o_list_view .o_data_row:nth-child(2) td[name=partner_id]:contains("Tour Dash Today")`,
            },
            {
                content: "Only they: not the older sale, the unshipped order nor the quotation",
                trigger:
                    ".o_list_view .o_list_table:not(:has(.o_data_row:nth-child(3)))" +
                    ":not(:has(td[name=partner_id]:contains('Tour Dash Other')))",
            },
        ]),
});
