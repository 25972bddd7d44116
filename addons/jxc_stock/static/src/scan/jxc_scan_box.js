import { _t } from "@web/core/l10n/translation";
import { scanBarcode } from "@web/core/barcode/barcode_dialog";
import { isBarcodeScannerSupported } from "@web/core/barcode/barcode_video_scanner";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { standardWidgetProps } from "@web/views/widgets/standard_widget_props";
import { Component, useRef } from "@odoo/owl";

/**
 * 扫码开单: the scan box of JXC documents. A keyboard-wedge scanner types the code and Enter;
 * the camera button reads it with Odoo's own barcode dialog. Each code goes to the
 * document's `action_jxc_scan` (which checks rights and state and adds the line), then the
 * record is reloaded. Codes scanned while one is being processed wait their turn.
 */
export class JxcScanBox extends Component {
    static template = "jxc_stock.JxcScanBox";
    static props = { ...standardWidgetProps };

    setup() {
        this.orm = useService("orm");
        this.notification = useService("notification");
        this.input = useRef("input");
        this.cameraSupported = isBarcodeScannerSupported();
        this.queue = Promise.resolve();
    }

    get placeholder() {
        return _t("Scan or type a barcode, then Enter");
    }

    onKeydown(ev) {
        if (ev.key !== "Enter") {
            return;
        }
        // Enter would otherwise save or discard the form.
        ev.preventDefault();
        ev.stopPropagation();
        const code = ev.target.value;
        ev.target.value = "";
        this.enqueue(code);
    }

    async onCamera() {
        let code;
        try {
            code = await scanBarcode(this.env);
        } catch (error) {
            this.notification.add(error.message, { type: "danger" });
            return;
        }
        this.enqueue(code);
    }

    enqueue(code) {
        if (!code || !code.trim()) {
            return this.queue;
        }
        this.queue = this.queue.then(() => this.scan(code));
        return this.queue;
    }

    async scan(code) {
        const record = this.props.record;
        // Lines typed by hand are saved first: the server adds to what the user sees.
        if (!(await record.save())) {
            return;
        }
        try {
            const result = await this.orm.call(record.resModel, "action_jxc_scan", [
                [record.resId],
                code,
            ]);
            this.notification.add(result.message, { type: "success" });
        } catch (error) {
            if (error.data?.name !== "odoo.exceptions.UserError") {
                throw error;
            }
            // A notification, not a dialog: the next scan must not need a click first.
            this.notification.add(error.data.message, {
                title: _t("Nothing added"),
                type: "danger",
            });
        } finally {
            await record.load();
            this.input.el?.focus();
        }
    }
}

registry.category("view_widgets").add("jxc_scan_box", {
    component: JxcScanBox,
});
