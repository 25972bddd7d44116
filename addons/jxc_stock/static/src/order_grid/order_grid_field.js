// Copyright 2026 JXC contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { Component } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { formatFloat } from "@web/views/fields/formatters";
import { parseFloat } from "@web/views/fields/parsers";
import { standardFieldProps } from "@web/views/fields/standard_field_props";

/**
 * 多规格录入: the cells of ``jxc.order.grid`` (a one2many of ``jxc.order.grid.line``) laid out
 * as a matrix, rows × columns, with totals. Only quantities are edited here; the server checks
 * every cell again when the grid is applied.
 */
export class OrderGridField extends Component {
    static template = "jxc_stock.OrderGridField";
    static props = { ...standardFieldProps };

    setup() {
        this.notification = useService("notification");
    }

    get cells() {
        return this.props.record.data[this.props.name].records;
    }

    get axisLabel() {
        return this.props.record.data.axis_label || "";
    }

    get grid() {
        const rows = new Map();
        const columns = new Map();
        const byKey = new Map();
        for (const cell of this.cells) {
            const { row_sequence, row_name, column_sequence, column_name } = cell.data;
            rows.set(row_sequence, row_name);
            columns.set(column_sequence, column_name);
            byKey.set(`${row_sequence}/${column_sequence}`, cell);
        }
        const columnKeys = [...columns.keys()].sort((a, b) => a - b);
        return {
            columns: columnKeys.map((key) => ({ key, name: columns.get(key) })),
            rows: [...rows.keys()]
                .sort((a, b) => a - b)
                .map((key) => ({
                    key,
                    name: rows.get(key),
                    cells: columnKeys.map((column) => ({
                        key: `${key}/${column}`,
                        cell: byKey.get(`${key}/${column}`),
                    })),
                })),
        };
    }

    get notAvailable() {
        return _t("This combination does not exist");
    }

    format(value) {
        return value ? formatFloat(value, { digits: [16, 3], trailingZeros: false }) : "";
    }

    rowTotal(row) {
        return row.cells.reduce((sum, { cell }) => sum + (cell ? cell.data.quantity : 0), 0);
    }

    columnTotal(column) {
        return this.cells
            .filter((cell) => cell.data.column_sequence === column.key)
            .reduce((sum, cell) => sum + cell.data.quantity, 0);
    }

    get total() {
        return this.cells.reduce((sum, cell) => sum + cell.data.quantity, 0);
    }

    /** A cell takes a number ≥ 0 (empty is 0); anything else is refused on the spot. */
    async onChange(cell, ev) {
        const text = ev.target.value.trim();
        let value;
        try {
            value = text ? parseFloat(text) : 0;
        } catch {
            value = NaN;
        }
        if (!Number.isFinite(value) || value < 0) {
            this.notification.add(
                _t("%(value)s is not a quantity: type a number, 0 or more.", { value: text }),
                { type: "danger" }
            );
            ev.target.value = this.format(cell.data.quantity);
            return;
        }
        await cell.update({ quantity: value });
        ev.target.value = this.format(value);
    }
}

registry.category("fields").add("jxc_order_grid", {
    component: OrderGridField,
    displayName: _t("Variant Grid"),
    supportedTypes: ["one2many"],
    relatedFields: [
        { name: "product_id", type: "many2one", relation: "product.product", readonly: false },
        { name: "row_sequence", type: "integer", readonly: false },
        { name: "row_name", type: "char", readonly: false },
        { name: "column_sequence", type: "integer", readonly: false },
        { name: "column_name", type: "char", readonly: false },
        { name: "quantity", type: "float", readonly: false },
        { name: "prefilled_quantity", type: "float", readonly: false },
    ],
});
