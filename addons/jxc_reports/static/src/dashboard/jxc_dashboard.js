/* Copyright 2026 JXC contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import { Component, markup, onWillStart, useEffect, useRef, useState } from "@odoo/owl";
import { loadBundle } from "@web/core/assets";
import { cookie } from "@web/core/browser/cookie";
import { getColor, getCustomColor, hexToRGBA } from "@web/core/colors/colors";
import { formatCurrency } from "@web/core/currency";
import { _t } from "@web/core/l10n/translation";
import { formatFloat } from "@web/core/utils/numbers";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { Layout } from "@web/search/layout";

const { DateTime } = luxon;

const colorScheme = cookie.get("color_scheme");
const GRID_COLOR = getCustomColor(colorScheme, "#e5e7eb", "#3C3E4B");
const LABEL_COLOR = getCustomColor(colorScheme, "#374151", "#E4E4E4");
// Receivables aging: from "not due" (calm) to "over 90 days" (alarming).
const AGING_COLORS = ["#43C5B1", "#FFD86D", "#F4A261", "#EA6175", "#982738"];
// Series colors (indexes in the "sm" palette): blue bars, an orange line over them.
const SERIES_COLORS = [0, 3, 2, 4];
const MAX_LABEL_LENGTH = 18;

/**
 * One Chart.js chart of the dashboard. A click on a bar / slice / point opens the
 * records behind it (the dataset's action with that point's domain).
 */
export class JxcDashboardChart extends Component {
    static template = "jxc_reports.DashboardChart";
    static props = {
        chart: Object,
        onPointClick: Function,
    };

    setup() {
        this.canvasRef = useRef("canvas");
        this.chart = null;
        useEffect(
            () => {
                this.renderChart();
                return () => this.chart?.destroy();
            },
            () => [this.props.chart]
        );
    }

    get sizeClass() {
        return this.props.chart.size === "large" ? "col-xl-8" : "col-lg-6 col-xl-4";
    }

    formatValue(value) {
        const chart = this.props.chart;
        if (chart.is_money) {
            return formatCurrency(value, chart.currency_id);
        }
        return formatFloat(value);
    }

    /** Axis ticks: whole amounts ("¥ 12,500"), with no "k" that Chinese readers would not use. */
    formatTick(value) {
        const chart = this.props.chart;
        if (chart.is_money) {
            return formatCurrency(value, chart.currency_id, { digits: [0, 0] });
        }
        return formatFloat(value, { digits: [0, 0] });
    }

    formatLabel(label) {
        if (this.props.chart.label_type === "date") {
            return DateTime.fromISO(label).toLocaleString({ month: "numeric", day: "numeric" });
        }
        return label;
    }

    shortLabel(label) {
        if (label.length <= MAX_LABEL_LENGTH) {
            return label;
        }
        return `${label.slice(0, MAX_LABEL_LENGTH - 1)}…`;
    }

    getDatasets() {
        const chart = this.props.chart;
        return chart.datasets.map((dataset, index) => {
            if (chart.type === "doughnut") {
                const colors = dataset.data.map((_value, i) =>
                    getColor(i, colorScheme, dataset.data.length)
                );
                return {
                    label: dataset.label,
                    data: [...dataset.data],
                    backgroundColor: colors,
                    borderColor: getCustomColor(colorScheme, "#ffffff", "#262A36"),
                    hoverOffset: 6,
                };
            }
            const color = getColor(SERIES_COLORS[index % SERIES_COLORS.length], colorScheme, "sm");
            if (dataset.type === "line") {
                return {
                    type: "line",
                    label: dataset.label,
                    data: [...dataset.data],
                    borderColor: color,
                    backgroundColor: hexToRGBA(color, 0.15),
                    pointBackgroundColor: color,
                    pointRadius: 2,
                    pointHoverRadius: 5,
                    tension: 0.3,
                    fill: false,
                };
            }
            const colors =
                chart.key === "receivable_aging"
                    ? AGING_COLORS
                    : dataset.data.map(() => hexToRGBA(color, 0.85));
            return {
                type: "bar",
                label: dataset.label,
                data: [...dataset.data],
                backgroundColor: colors,
                borderRadius: 4,
                maxBarThickness: 36,
            };
        });
    }

    /** Chart.js' own doughnut legend, with long category names cut short. */
    getDoughnutLegendLabels(chartJs) {
        return Chart.overrides.doughnut.plugins.legend.labels
            .generateLabels(chartJs)
            .map((item) => ({ ...item, text: this.shortLabel(item.text) }));
    }

    getConfig() {
        const chart = this.props.chart;
        const isDoughnut = chart.type === "doughnut";
        const labels = chart.labels.map((label) => this.formatLabel(label));
        const tooltip = {
            callbacks: {
                title: (items) => (items.length ? labels[items[0].dataIndex] : ""),
                label: (item) => {
                    const axis = chart.horizontal ? "x" : "y";
                    const value = isDoughnut ? item.parsed : item.parsed[axis];
                    return `${item.dataset.label}: ${this.formatValue(value)}`;
                },
            },
        };
        const options = {
            maintainAspectRatio: false,
            responsive: true,
            animation: { duration: 300 },
            onClick: (event, elements, chartJs) => {
                // With the "index" interaction every series of the day is active: open the one
                // under the pointer, if any.
                const [hit] = chartJs.getElementsAtEventForMode(
                    event,
                    "nearest",
                    { intersect: true },
                    true
                );
                const element = hit || elements[0];
                if (element) {
                    const { datasetIndex, index } = element;
                    this.props.onPointClick(chart.datasets[datasetIndex], index, labels[index]);
                }
            },
            onHover: (event, elements) => {
                event.native.target.style.cursor = elements.length ? "pointer" : "default";
            },
            plugins: {
                tooltip,
                legend: {
                    display: isDoughnut || chart.datasets.length > 1,
                    position: isDoughnut ? "right" : "top",
                    labels: {
                        color: LABEL_COLOR,
                        boxWidth: 12,
                        sort: (a, b) => a.datasetIndex - b.datasetIndex,
                        generateLabels: isDoughnut
                            ? (chartJs) => this.getDoughnutLegendLabels(chartJs)
                            : undefined,
                    },
                },
            },
        };
        if (!isDoughnut) {
            const valueAxis = {
                beginAtZero: true,
                grid: { color: GRID_COLOR },
                border: { display: false },
                ticks: { color: LABEL_COLOR, callback: (value) => this.formatTick(value) },
            };
            const labelAxis = {
                grid: { display: false },
                ticks: {
                    color: LABEL_COLOR,
                    // Days may skip; names (warehouses, buckets, products) may not.
                    autoSkip: chart.label_type === "date",
                    maxRotation: chart.label_type === "date" ? 0 : 50,
                    callback: (value, index) => this.shortLabel(labels[index]),
                },
            };
            if (chart.horizontal) {
                options.indexAxis = "y";
                options.scales = { x: valueAxis, y: labelAxis };
            } else {
                options.scales = { x: labelAxis, y: valueAxis };
            }
            options.interaction = { mode: "index", intersect: false };
        }
        return {
            type: isDoughnut ? "doughnut" : "bar",
            data: { labels, datasets: this.getDatasets() },
            options,
        };
    }

    renderChart() {
        this.chart?.destroy();
        this.chart = new Chart(this.canvasRef.el, this.getConfig());
    }
}

/**
 * 进销存概览: tiles with today's and this month's figures and what waits for someone, and
 * charts. Figures come from `jxc.report.dashboard.get_dashboard_data`, which only returns
 * what the user may read; every tile opens the list of the records it counts.
 */
export class JxcDashboard extends Component {
    static template = "jxc_reports.Dashboard";
    static components = { Layout, JxcDashboardChart };
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.actionService = useService("action");
        this.state = useState({ data: null, loading: false, updatedAt: null });
        onWillStart(() => Promise.all([loadBundle("web.chartjs_lib"), this.load()]));
    }

    get display() {
        return { controlPanel: {} };
    }

    get updatedAtLabel() {
        if (!this.state.updatedAt) {
            return "";
        }
        return _t("Updated at %(time)s", {
            time: this.state.updatedAt.toLocaleString(DateTime.TIME_SIMPLE),
        });
    }

    async load() {
        this.state.loading = true;
        try {
            this.state.data = await this.orm.call("jxc.report.dashboard", "get_dashboard_data", []);
            this.state.updatedAt = DateTime.now();
        } finally {
            this.state.loading = false;
        }
    }

    onRefresh() {
        return this.load();
    }

    /** Open a window action of the dashboard data (its help is the server's HTML). */
    openAction(action, values = {}) {
        return this.actionService.doAction({
            ...action,
            ...values,
            help: action.help && markup(action.help),
        });
    }

    openTile(tile) {
        return this.openAction(tile.action);
    }

    onTileKeydown(ev, tile) {
        if (ev.key === "Enter" || ev.key === " ") {
            ev.preventDefault();
            this.openTile(tile);
        }
    }

    openPoint(dataset, index, label) {
        const name = `${dataset.label} · ${label}`;
        return this.openAction(dataset.action, {
            name,
            display_name: name,
            domain: dataset.domains[index],
        });
    }
}

registry.category("actions").add("jxc_reports.dashboard", JxcDashboard);
