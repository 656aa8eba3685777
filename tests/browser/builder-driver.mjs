// Runs one builder scenario in Debian's Chromium for the NUnit browser tests (BuilderBrowserTests.cs).
// Usage: node builder-driver.mjs <scenario> <output folder>
// Prints one JSON line: what the scenario observed, for the C# test to assert on.
import { chromium } from 'playwright-core';
import { scenarios } from './builder-scenarios.mjs';

const [name, outDir] = process.argv.slice(2);
const scenario = scenarios[name];
if (!scenario) throw new Error(`unknown scenario ${name}; known: ${Object.keys(scenarios).join(', ')}`);

const browser = await chromium.launch({
    executablePath: process.env.CUSTOMFLOWS_CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']
});
let result;
try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10000);
    const errors = [];
    page.on('pageerror', error => errors.push(String(error)));
    result = await scenario({ page, outDir: outDir || '.' });
    // uncaught exceptions only: failed requests (a 409 the scenario asked for) are logged by the browser too
    result.pageErrors = errors;
    result.missingTexts = await page.evaluate(() => window.CustomFlowsBuilder?.missingTexts() ?? []);
} finally {
    await browser.close();
}
console.log(JSON.stringify(result));
