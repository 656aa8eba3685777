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
    '/template-use.js': path.join(root, 'Nop.Plugin.Misc.CustomFlows', 'Content', 'admin', 'template-use.js')
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
