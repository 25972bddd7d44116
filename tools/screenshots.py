"""Screenshots of JXC screens for the README, taken in headless Chromium over CDP.

Usage: .venv/bin/python tools/screenshots.py BASE_URL DB OUT_DIR name=/odoo/action-xmlid ...
Needs Debian's `chromium` and the `websocket-client` package (both installed by tools/setup.sh).
Logs in as admin/admin, opens each URL, waits for the view to render, saves OUT_DIR/name.png.
"""

import base64
import json
import re
import subprocess
import sys
import tempfile
import time

import requests
import websocket


def login(base, db):
    session = requests.Session()
    page = session.get(f"{base}/web/login", timeout=30).text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    session.post(
        f"{base}/web/login",
        timeout=30,
        data={"login": "admin", "password": "admin", "csrf_token": csrf, "db": db},
    )
    return session.cookies.get("session_id")


class Chromium:
    def __init__(self, port=9333, width=1400, height=900):
        self.proc = subprocess.Popen(
            [
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                f"--user-data-dir={tempfile.mkdtemp()}",
                f"--window-size={width},{height}",
                "--remote-allow-origins=*",
                f"--remote-debugging-port={port}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _attempt in range(100):
            try:
                tabs = requests.get(f"http://127.0.0.1:{port}/json", timeout=5).json()
                break
            except requests.ConnectionError:
                time.sleep(0.2)
        tab = next(t for t in tabs if t["type"] == "page")
        self.ws = websocket.create_connection(tab["webSocketDebuggerUrl"], timeout=60)
        self.last_id = 0
        self.call("Page.enable")
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )

    def call(self, method, **params):
        self.last_id += 1
        self.ws.send(json.dumps({"id": self.last_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.last_id:
                return message.get("result", {})

    def evaluate(self, expression):
        return (
            self.call("Runtime.evaluate", expression=expression, returnByValue=True)
            .get("result", {})
            .get("value")
        )

    def close(self):
        self.proc.kill()


def main(base, db, out_dir, *shots):
    browser = Chromium()
    try:
        browser.call("Network.enable")
        browser.call(
            "Network.setCookie",
            name="session_id",
            value=login(base, db),
            domain=re.sub(r"^https?://|:\d+$", "", base),
            path="/",
        )
        for shot in shots:
            name, url = shot.split("=", 1)
            browser.call("Page.navigate", url=base + url)
            for _attempt in range(60):
                time.sleep(0.5)
                if browser.evaluate(
                    "!!document.querySelector('.o_view_controller, .o_form_view, .o_action')"
                    " && !document.querySelector('.o_loading_indicator, .o_blockUI')"
                ):
                    break
            time.sleep(1.5)
            data = browser.call("Page.captureScreenshot", format="png")["data"]
            with open(f"{out_dir}/{name}.png", "wb") as f:
                f.write(base64.b64decode(data))
            sys.stderr.write(f"saved {out_dir}/{name}.png\n")
    finally:
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
