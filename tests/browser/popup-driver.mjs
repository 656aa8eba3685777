// Drives Debian's Chromium through one pop-up scenario for the NUnit browser tests.
// Usage: node popup-driver.mjs <page url> <steps as JSON> [mobile]
// Prints one JSON line: the answers of the "visible" steps, in order.
import { chromium } from 'playwright-core';

const [url, stepsJson, mode] = process.argv.slice(2);
const steps = JSON.parse(stepsJson);
const browser = await chromium.launch({
    executablePath: process.env.CUSTOMFLOWS_CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']
});
const results = [];
try {
    const context = await browser.newContext(mode === 'mobile'
        ? { viewport: { width: 390, height: 700 }, isMobile: true, hasTouch: true }
        : { viewport: { width: 1200, height: 700 } });
    const page = await context.newPage();
    //a fake clock that stands still until a step moves it, so waits are exact whatever the machine's speed
    const start = new Date('2026-11-23T12:00:00Z');
    await page.clock.install({ time: start });
    await page.clock.pauseAt(new Date(start.getTime() + 1000));
    await page.goto(url, { waitUntil: 'load' });
    const popup = page.locator('.custom-flows-popup').first();

    for (const step of steps) {
        switch (step.do) {
            case 'visible':
                results.push(await popup.isVisible());
                break;
            case 'tick':
                await page.clock.runFor(step.ms);
                break;
            case 'scroll':
                await page.evaluate(percent => {
                    const scrollable = document.documentElement.scrollHeight - window.innerHeight;
                    window.scrollTo(0, scrollable * percent / 100);
                }, step.percent);
                //the browser delivers scroll events with its next rendered frame, on real time
                await page.waitForTimeout(200);
                break;
            case 'pointerInside':
                await page.mouse.move(300, 300);
                await page.mouse.move(300, 200);
                break;
            case 'pointerLeavesTop':
                //the pointer leaving the window towards the tabs: a mouseout with no element to go to
                await page.evaluate(() => document.documentElement.dispatchEvent(
                    new MouseEvent('mouseout', { bubbles: true, clientX: 300, clientY: -2, relatedTarget: null })));
                break;
            case 'click':
                await page.locator(step.selector).first().click();
                break;
            default:
                throw new Error(`unknown step ${step.do}`);
        }
    }
} finally {
    await browser.close();
}
console.log(JSON.stringify(results));
