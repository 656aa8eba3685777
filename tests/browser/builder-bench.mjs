// Layout + render time of the builder for a generated 100-step flow.
// Usage: node tests/browser/builder-bench.mjs [steps]   (prints the figures; also used by the browser tests)
import { fileURLToPath } from 'node:url';

/** A deterministic flow of about `count` steps with every shape: filters, splits, event waits, joins and jumps. */
export function generateFlow(count) {
    const nodes = [{ type: 'start', id: 'start', trigger: { event: 'order_placed' }, next: 'n1' }];
    let index = 1;
    const id = number => `n${number}`;
    while (index < count - 1) {
        const here = id(index);
        const next = id(index + 1);
        const shape = index % 10;
        if (shape === 3 && index + 3 < count - 1) {
            // a filter whose yes side has one step and joins the no side again
            nodes.push({ type: 'filter', id: here, condition: { type: 'hasTag', tag: `t${index}` }, yes: id(index + 1), no: id(index + 2) });
            nodes.push({ type: 'action', id: id(index + 1), action: { type: 'addTag', tag: `y${index}` }, next: id(index + 2) });
            index += 2;
            continue;
        }
        if (shape === 6 && index + 3 < count - 1) {
            nodes.push({ type: 'split', id: here, branches: [{ name: 'A', weight: 45, next: id(index + 1) }, { name: 'B', weight: 45, next: id(index + 2) }, { name: 'X', weight: 10, holdout: true, next: id(index + 2) }] });
            nodes.push({ type: 'action', id: id(index + 1), action: { type: 'sendEmail', template: 'CustomFlows.A', category: 'marketing' }, next: id(index + 2) });
            index += 2;
            continue;
        }
        if (shape === 8) nodes.push({ type: 'wait', id: here, untilEvent: { event: 'email_clicked' }, timeout: '1d', onEvent: next, next });
        else if (shape === 9 && index > 5) nodes.push({ type: 'jump', id: here, target: id(index - 4), maxRepetitions: 2, next });
        else if (shape % 2 === 0) nodes.push({ type: 'wait', id: here, delay: '1d', untilTimeOfDay: '10:00', next });
        else nodes.push({ type: 'action', id: here, action: { type: 'changeScore', delta: index }, next });
        index += 1;
    }
    nodes.push({ type: 'end', id: id(index) });
    return { schemaVersion: 1, id: 'bench', name: `Generated ${nodes.length}-step flow`, nodes };
}

/** Times the builder's own layout + drawing, including the browser's style and layout pass it causes. */
export async function measureRender(page) {
    return page.evaluate(() => {
        const canvas = window.CustomFlowsBuilder.app.canvas;
        const times = [];
        for (let run = 0; run < 7; run += 1) {
            const began = performance.now();
            canvas.render();
            document.body.getBoundingClientRect();
            void canvas.world.offsetHeight;
            times.push(performance.now() - began);
        }
        const sorted = [...times].sort((a, b) => a - b);
        return { firstMs: times[0], medianMs: sorted[3], nodes: canvas.world.querySelectorAll('.cfb-node').length };
    });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const { chromium } = await import('playwright-core');
    const { startServer } = await import('./builder-server.mjs');
    const steps = Number(process.argv[2] || 100);
    const definition = generateFlow(steps);
    const server = await startServer({ draft: { flowId: 12, name: definition.name, status: 'draft', liveVersion: null, revision: 'AAAA', definition, problems: [] } });
    const browser = await chromium.launch({
        executablePath: process.env.CUSTOMFLOWS_CHROMIUM || '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']
    });
    try {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        await page.goto(server.url);
        await page.evaluate(() => window.CustomFlowsBuilder.ready);
        const result = await measureRender(page);
        console.log(`${definition.nodes.length}-step flow: ${result.nodes} steps drawn; layout + render first ${result.firstMs.toFixed(1)} ms, median of 7 ${result.medianMs.toFixed(1)} ms`);
    } finally {
        await browser.close();
        await server.close();
    }
}
