import { browser } from "@web/core/browser/browser";
import { formatDate } from "@web/core/l10n/dates";
import { registry } from "@web/core/registry";

// Server round trips may be slow on a loaded machine: each step waits up to 30 s, not 10.
const patient = (steps) => steps.map((step) => ({ timeout: 30000, ...step }));

const { DateTime } = luxon;

/** A day as the user types it (the format of their language). */
const day = (iso) => formatDate(DateTime.fromISO(iso));

const row = (product) => `.o_list_view .o_data_row:has(td[name=product_id]:contains("${product}"))`;

/**
 * A download is a navigation to the file's URL (`browser.location.assign`): record the URL on
 * the body instead of leaving the page, so that the tour can see the export was asked for and
 * the test can fetch the file as the user.
 */
function catchDownloads() {
    const location = window.location;
    // The rest of the location as it is (its own properties cannot be replaced).
    const recorder = new Proxy(
        {},
        {
            get(_target, property) {
                if (property === "assign") {
                    return (url) => {
                        document.body.dataset.jxcDownload = url;
                    };
                }
                const value = location[property];
                return typeof value === "function" ? value.bind(location) : value;
            },
        }
    );
    Object.defineProperty(browser, "location", {
        get: () => recorder,
        set: (value) => {
            window.location = value;
        },
        configurable: true,
    });
}

function releaseDownloads() {
    Object.defineProperty(browser, "location", {
        get: () => window.location,
        set: (value) => {
            window.location = value;
        },
        configurable: true,
    });
}

function typeDay(field, iso) {
    return [
        {
            content: `${field}: ${iso}`,
            trigger: `.modal div[name=${field}] input`,
            run: `edit ${day(iso)} && press Enter`,
        },
        {
            content: `${field} is ${iso}`,
            trigger: `.modal div[name=${field}] input:value("${day(iso)}")`,
        },
    ];
}

registry.category("web_tour.tours").add("jxc_stock_summary", {
    steps: () =>
        patient([
            {
                content: "Reports",
                trigger: "button[data-menu-xmlid='jxc_reports.jxc_reports_menu']",
                run: "click",
            },
            {
                content: "进销存汇总",
                trigger: "[data-menu-xmlid='jxc_reports.jxc_report_stock_summary_menu']",
                run: "click",
            },
            ...typeDay("date_from", "2026-01-01"),
            ...typeDay("date_to", "2026-01-31"),
            {
                content: "Catch the download",
                trigger: ".modal button[name=action_export_xlsx]",
                run: catchDownloads,
            },
            {
                content: "Export XLSX",
                trigger: ".modal button[name=action_export_xlsx]",
                run: "click",
            },
            {
                content: "The file is downloaded",
                trigger: "body[data-jxc-download^='/web/content/']",
                run: releaseDownloads,
            },
            {
                content: "Show",
                trigger: ".modal button[name=action_compute]",
                run: "click",
            },
            {
                content: "Water: 100 at the start, 30 out, 70 at the end",
                trigger: `${row("Test Water")} td[name=closing_qty]:contains("70.00")`,
            },
            {
                content: "Tissue: 7 in, the February receipt not counted",
                trigger: `${row("Test Tissue")} td[name=closing_qty]:contains("7.00")`,
            },
            {
                content: "Only the products that moved",
                trigger: ".o_list_view .o_list_table:not(:has(.o_data_row:nth-child(3)))",
            },
        ]),
});
