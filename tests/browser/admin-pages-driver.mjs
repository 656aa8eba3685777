// Runs the admin pages' own scripts (Content/admin/*.js) in Debian's Chromium for the NUnit browser tests
// (AdminPagesBrowserTests.cs), on the JSON fixtures the C# services are checked against.
// Usage: node admin-pages-driver.mjs <scenario>; prints one JSON line with what the scenario saw.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const files = {
    '/chart.js': path.join(here, 'node_modules', 'chart.js', 'dist', 'chart.umd.min.js'),
    '/flow-report.js': path.join(root, 'Nop.Plugin.Misc.CustomFlows', 'Content', 'admin', 'flow-report.js'),
    '/template-use.js': path.join(root, 'Nop.Plugin.Misc.CustomFlows', 'Content', 'admin', 'template-use.js'),
    '/flow-backtest.js': path.join(root, 'Nop.Plugin.Misc.CustomFlows', 'Content', 'admin', 'flow-backtest.js')
};
const fixture = name => readFile(path.join(root, 'tests', 'fixtures', 'admin-api', name), 'utf8');

const scenarios = {
    // "use this template": typing in a category field searches the shop's categories and a click fills in the id
    async templatePicker(page) {
        // the attributes UseTemplate.cshtml writes on a category parameter's input
        const html = `<!DOCTYPE html><html lang="en"><body><form><div>
            <input id="value" class="form-control custom-flows-picker" data-kind="Category" data-search-url="/Admin/CustomFlowBuilder/Categories"
                   data-search-placeholder="Type a name to search the shop" required /></div></form>
            <script src="/template-use.js"></script></body></html>`;
        const asked = [];
        const categories = await fixture('categories.json');
        await page.route('http://admin.test/**', async route => {
            const url = new URL(route.request().url());
            if (url.pathname === '/use.html') return route.fulfill({ contentType: 'text/html', body: html });
            if (url.pathname === '/Admin/CustomFlowBuilder/Categories') {
                asked.push(url.search);
                return route.fulfill({ contentType: 'application/json', body: categories });
            }
            const file = files[url.pathname];
            return file ? route.fulfill({ contentType: 'text/javascript', body: await readFile(file) }) : route.fulfill({ status: 404 });
        });
        await page.goto('http://admin.test/use.html');
        await page.getByRole('searchbox', { name: 'Type a name to search the shop' }).fill('note');
        const option = page.getByRole('option').first();
        await option.waitFor();
        const offered = await page.getByRole('option').allTextContents();
        await option.press('Enter');
        return { asked, offered, value: await page.inputValue('#value'), picked: await page.textContent('.custom-flows-picked') };
    },

    // the Flow page's backtest card: Run posts the form, the progress bar follows the polls, the result table fills in
    async backtest(page) {
        // the markup Edit.cshtml writes for the card (texts as the English locale has them, placeholders kept)
        const html = `<!DOCTYPE html><html lang="en"><body>
            <div id="custom-flows-backtest" data-start-url="/Admin/CustomFlowBacktest/Start/5" data-status-url="/Admin/CustomFlowBacktest/Status" data-poll-ms="200"
                 data-text-reading="Reading the shop's history" data-text-simulating="Replaying"
                 data-text-summary="{0} events of {1} customers: {2} entered, {3} sent, {4} reached the goal, {5} converted within {7} days, revenue {6}."
                 data-text-step="Step" data-text-entered="Arrived" data-text-sent="Sent" data-text-held="Held" data-text-goal="Goal" data-text-converted="Converted"
                 data-text-held-back="{0} customers held back:" data-text-failed="The backtest failed">
              <form id="custom-flows-backtest-form"><input name="__RequestVerificationToken" type="hidden" value="token-1" />
                <label for="backtest-version">Flow</label><select id="backtest-version" name="version"><option value="">the draft</option><option value="1">version 1</option></select>
                <label for="backtest-days">Last days</label><input id="backtest-days" name="days" type="number" value="30" />
                <button type="submit">Run the backtest</button></form>
              <div class="progress d-none" id="custom-flows-backtest-progress"><div class="progress-bar" role="progressbar" aria-valuenow="0"></div></div>
              <div id="custom-flows-backtest-result" aria-live="polite"></div>
            </div><script src="/flow-backtest.js"></script></body></html>`;
        const running = await fixture('backtest-running.json');
        const done = await fixture('backtest-done.json');
        const posted = [];
        const polled = [];
        await page.route('http://admin.test/**', async route => {
            const url = new URL(route.request().url());
            if (url.pathname === '/flow.html') return route.fulfill({ contentType: 'text/html', body: html });
            if (url.pathname === '/Admin/CustomFlowBacktest/Start/5') {
                posted.push(route.request().postData());
                return route.fulfill({ contentType: 'application/json', body: running });
            }
            if (url.pathname === '/Admin/CustomFlowBacktest/Status') {
                polled.push(url.search);
                return route.fulfill({ contentType: 'application/json', body: done });
            }
            const file = files[url.pathname];
            return file ? route.fulfill({ contentType: 'text/javascript', body: await readFile(file) }) : route.fulfill({ status: 404 });
        });
        await page.goto('http://admin.test/flow.html');
        await page.fill('#backtest-days', '14');
        await page.getByRole('button', { name: 'Run the backtest' }).click();
        const bar = page.getByRole('progressbar');
        await bar.waitFor();
        const progress = { now: await bar.getAttribute('aria-valuenow'), text: await bar.textContent() };
        await page.locator('.custom-flows-backtest-steps').waitFor();
        return {
            posted, polled, progress,
            summary: await page.textContent('.custom-flows-backtest-summary'),
            rows: await page.locator('.custom-flows-backtest-steps tbody tr').evaluateAll(rows => rows.map(row => Array.from(row.cells, cell => cell.textContent))),
            held: await page.locator('.custom-flows-backtest-held li').allTextContents(),
            progressHidden: await page.locator('#custom-flows-backtest-progress').evaluate(node => node.classList.contains('d-none'))
        };
    },

    // the report page's chart: the series it draws are the fixture's days, and the canvas is painted
    async reportChart(page) {
        const report = await readFile(path.join(root, 'tests', 'fixtures', 'admin-api', 'report-flow.json'), 'utf8');
        const html = `<!DOCTYPE html><html lang="en"><body><div style="height:300px;width:800px">
            <canvas id="chart" data-report="data" data-text-entered="Entered" data-text-sent="Sent" data-text-converted="Converted" data-text-revenue="Revenue"></canvas></div>
            <script type="application/json" id="data">${report.replace(/<\//g, '<\\/')}</script>
            <script src="/chart.js"></script><script src="/flow-report.js"></script></body></html>`;
        await page.route('http://admin.test/**', async route => {
            const url = new URL(route.request().url());
            if (url.pathname === '/report.html')
                return route.fulfill({ contentType: 'text/html', body: html });
            const file = files[url.pathname];
            return file ? route.fulfill({ contentType: 'text/javascript', body: await readFile(file) }) : route.fulfill({ status: 404 });
        });
        await page.goto('http://admin.test/report.html');
        await page.waitForFunction(() => window.CustomFlowsReport && window.CustomFlowsReport.chart);
        return page.evaluate(() => {
            const chart = window.CustomFlowsReport.chart;
            const canvas = document.getElementById('chart');
            const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            let painted = 0;
            for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
            return {
                labels: chart.data.labels,
                series: Object.fromEntries(chart.data.datasets.map(set => [set.label, set.data])),
                painted
            };
        });
    }
};

const name = process.argv[2];
if (!scenarios[name]) throw new Error(`unknown scenario ${name}; known: ${Object.keys(scenarios).join(', ')}`);
const browser = await chromium.launch({
    executablePath: process.env.CUSTOMFLOWS_CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']
});
try {
    const page = await browser.newPage();
    page.setDefaultTimeout(15000);
    const errors = [];
    page.on('pageerror', error => errors.push(String(error)));
    const result = await scenarios[name](page);
    result.pageErrors = errors;
    console.log(JSON.stringify(result));
} finally {
    await browser.close();
}
