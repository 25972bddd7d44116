import { registry } from "@web/core/registry";

/** The list row whose Source shows `origin`. */
function row(origin) {
    return `.o_list_renderer .o_data_row:has(td[name=origin]:contains("${origin}"))`;
}

function select(origin) {
    return {
        content: `Select ${origin}`,
        trigger: `${row(origin)} td.o_list_record_selector input[type=checkbox]`,
        run: "click",
    };
}

registry.category("web_tour.tours").add("jxc_batch_validate", {
    steps: () => [
        select("TOUR-BATCH-1"),
        select("TOUR-BATCH-SHORT"),
        select("TOUR-BATCH-2"),
        {
            content: "Open Actions",
            trigger: ".o_cp_action_menus button:has(.fa-cog)",
            run: "click",
        },
        {
            content: "Validate the selection",
            trigger: ".o-dropdown--menu .o_menu_item:contains(Validate)",
            run: "click",
        },
        {
            content: "The summary: two posted, the short one named with its reason",
            trigger:
                ".o_notification.o_jxc_batch_notification:contains(2 done)" +
                ":contains(1 failed):contains(Tour Batch Water)",
        },
        {
            content: "The list is reloaded: the two are posted",
            trigger: `${row("TOUR-BATCH-2")} td[name=state]:contains(Done)`,
        },
        {
            content: "The short one is still a draft",
            trigger: `${row("TOUR-BATCH-SHORT")} td[name=state]:contains(Draft)`,
        },
    ],
});
