import { registry } from "@web/core/registry";

/** The menu `menu` of the JXC app's 库存 section (an XML id of jxc_stock). */
function openMenu(menu) {
    return [
        {
            content: "Open the 库存 section",
            trigger: '.o_menu_sections [data-menu-xmlid="jxc_stock.jxc_stock_menu"]',
            run: "click",
        },
        {
            content: `Open ${menu}`,
            trigger: `.o-dropdown--menu [data-menu-xmlid="jxc_stock.${menu}"]`,
            run: "click",
        },
    ];
}

/** The list row of `product` in `warehouse`. */
function row(product, warehouse) {
    return (
        `.o_list_renderer .o_data_row:has(td[name=product_id]:contains("${product}"))` +
        `:has(td[name=warehouse_id]:contains("${warehouse}"))`
    );
}

/** 销售预测 → the shop's forecast of Tour Oat Milk → its chart (the graph view). */
function openShopChart() {
    return [
        {
            content: "Open the apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "Open the JXC app",
            trigger: '.o-dropdown--menu [data-menu-xmlid="jxc_stock.menu_jxc_root"]',
            run: "click",
        },
        ...openMenu("jxc_stock_forecast_menu"),
        {
            content: "The shop's forecast: a trend, with its accuracy",
            trigger: `${row("Tour Oat Milk", "Test Store")} td[name=method]:contains("Drift")`,
        },
        {
            content: "Open its chart",
            trigger: `${row("Tour Oat Milk", "Test Store")} button[name=action_open_chart]`,
            run: "click",
        },
        {
            content: "The chart: history, forecast and interval",
            trigger: ".o_graph_renderer .o_graph_canvas_container canvas",
        },
        {
            content: "Its title names the forecast",
            trigger: ".o_breadcrumb:contains(Tour Oat Milk)",
        },
    ];
}

// A stock user (who does not recompute forecasts) reads the shop's forecast and its chart.
registry.category("web_tour.tours").add("jxc_forecast_chart", {
    steps: () => openShopChart(),
});

// A stock manager reads the forecast of a shop that runs low, then replenishes it from the
// main warehouse: 销售预测 → its chart → 补货建议 → compute → the transfer → a draft transfer.
registry.category("web_tour.tours").add("jxc_forecast_replenish", {
    steps: () => [
        ...openShopChart(),
        ...openMenu("jxc_stock_replenish_menu"),
        {
            content: "Compute the suggestions",
            trigger: ".o_control_panel button.btn-primary[type=action]",
            run: "click",
        },
        {
            content: "Select the transfer to the shop",
            trigger:
                `${row("Tour Oat Milk", "Test Store")}:has(td[name=source_warehouse_id]:contains("Test Main"))` +
                " td.o_list_record_selector input[type=checkbox]",
            run: "click",
        },
        {
            content: "Create the documents",
            trigger: ".o_control_panel button[name=action_create_documents]",
            run: "click",
        },
        {
            content: "The draft transfer, from the main warehouse to the shop",
            trigger:
                ".o_list_renderer .o_data_row:has(td[name=dest_warehouse_id]:contains(Test Store))" +
                ":has(td[name=state]:contains(Draft))",
        },
    ],
});
