import { registry } from "@web/core/registry";
import { graphView } from "@web/views/graph/graph_view";
import { GraphModel } from "@web/views/graph/graph_model";

/**
 * The forecast's chart (jxc.stock.forecast.line): each series has points only in the weeks
 * it covers — the history ends last week, the forecast and its interval start this week.
 * Odoo's graph counts a week without points as 0, which drew every line down to zero on the
 * other side of today; here that week has no point, so the line stops.
 */
export class JxcForecastGraphModel extends GraphModel {
    _getData(dataPoints) {
        const data = super._getData(dataPoints);
        for (const dataset of data.datasets) {
            dataset.data = dataset.data.map((value, index) =>
                dataset.domains[index]?.length ? value : null
            );
        }
        return data;
    }
}

registry.category("views").add("jxc_forecast_graph", {
    ...graphView,
    Model: JxcForecastGraphModel,
});
