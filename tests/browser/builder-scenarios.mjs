// The builder's browser scenarios. Each drives the real built module with clicks and typing only, against the
// fixture server, and returns what it saw; BuilderBrowserTests.cs asserts on it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { startServer } from './builder-server.mjs';
import { generateFlow, measureRender } from './builder-bench.mjs';

const require = createRequire(import.meta.url);

async function open(page, options) {
    const server = await startServer(options);
    await page.goto(server.url, { waitUntil: 'load' });
    await page.evaluate(() => window.CustomFlowsBuilder.ready);
    return server;
}

const panel = page => page.getByRole('region', { name: 'Step details' });
const json = page => page.evaluate(() => window.CustomFlowsBuilder.definitionJson());

async function insert(page, from, exit, kind) {
    await page.click(`[data-plus="${from}:${exit}"]`);
    await page.click(`.cfb-insert-menu [data-kind="${kind}"]`);
}

async function selectNode(page, id) {
    // typing re-renders the canvas; a click that lands while its button is being replaced selects nothing, so the
    // scenario clicks until the step says it is selected (aria-pressed), as an admin would click again
    const selected = page.locator(`[data-node-id="${id}"] .cfb-node-main[aria-pressed="true"]`);
    for (let attempt = 1; ; attempt++) {
        await page.click(`[data-node-id="${id}"] .cfb-node-main`);
        try {
            await selected.waitFor({ timeout: 2000 });
            return;
        } catch (error) {
            if (attempt === 3) throw new Error(`step ${id} is still not selected after ${attempt} clicks`);
        }
    }
}

async function chooseTemplate(page, name) {
    const select = panel(page).getByLabel('Message template');
    await page.waitForFunction(() => !document.querySelector('select[aria-busy]'));
    await select.selectOption(name);
}

async function waitForRequests(server, name, count) {
    const deadline = Date.now() + 10000;
    while (server.requests.filter(entry => entry.name === name).length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} ${name} requests, got ${server.requests.filter(entry => entry.name === name).length}`);
        await new Promise(resolve => setTimeout(resolve, 50));
    }
}

async function buildOrderFollowUp({ page, outDir }) {
    const server = await open(page, { draft: 'draft-blank.json' });
    try {
        const p = panel(page);
        await selectNode(page, 'start');
        await p.getByLabel('Starts when').selectOption('order_placed');

        await insert(page, 'start', 'next', 'sendEmail');
        await p.getByLabel('Title').fill('Thank-you e-mail');
        await chooseTemplate(page, 'CustomFlows.OrderThankYou');
        await p.getByLabel('Kind of e-mail').selectOption('transactional');

        await insert(page, 'email-1', 'next', 'waitTime');
        await p.getByLabel('Delay').fill('2d');

        await insert(page, 'wait-1', 'next', 'createCoupon');
        await p.getByLabel('Percent off').fill('10');
        await p.getByLabel('Valid for').fill('14d');

        await insert(page, 'coupon-1', 'next', 'sendEmail');
        await chooseTemplate(page, 'CustomFlows.CouponCode');

        await insert(page, 'email-2', 'next', 'waitTime');
        await p.getByLabel('Delay').fill('3d');

        await insert(page, 'wait-2', 'next', 'filter');
        await p.getByLabel('Condition', { exact: true }).selectOption('ordersCount');
        await p.getByLabel('Counted').selectOption('sinceEntry');

        await insert(page, 'filter-1', 'no', 'sendEmail');
        await chooseTemplate(page, 'CustomFlows.CouponReminder');
        await insert(page, 'email-3', 'next', 'waitTime');
        await p.getByLabel('Delay').fill('4d');

        await insert(page, 'wait-3', 'next', 'filter');
        await p.getByLabel('Counted').selectOption('sinceEntry');
        await insert(page, 'filter-2', 'no', 'sendEmail');
        await chooseTemplate(page, 'CustomFlows.WhyNot');
        await insert(page, 'email-4', 'next', 'end');
        await insert(page, 'filter-2', 'yes', 'end');

        await page.getByRole('button', { name: 'Flow settings' }).click();
        await p.getByText('The flow has a goal', { exact: true }).click();
        await p.getByLabel('Goal name').fill('placed an order since entering');
        await p.getByLabel('Counted').selectOption('sinceEntry');
        const waitWords = await page.locator('[data-node-id="wait-1"] .cfb-node-summary').textContent();

        await page.getByRole('button', { name: 'Save', exact: true }).click();
        // an autosave may have been on its way: wait until nothing is unsaved and no save is in flight
        await page.waitForFunction(() => !window.CustomFlowsBuilder.app.dirty && !window.CustomFlowsBuilder.app.saving);
        await page.getByRole('button', { name: 'Close the panel' }).click();
        await page.getByRole('button', { name: 'Fit to screen' }).click();
        const screenshot = join(outDir, 'builder-order-follow-up.png');
        await page.screenshot({ path: screenshot, fullPage: true });
        const saved = server.saved().at(-1);
        return {
            saved: saved.body, token: saved.headers.requestverificationtoken, contentType: saved.headers['content-type'],
            saveState: await page.locator('.cfb-save-state').textContent(), waitWords, screenshot,
            current: JSON.parse(await json(page))
        };
    } finally {
        await server.close();
    }
}

async function loopProblem({ page }) {
    const server = await open(page, { draft: 'draft-blank.json' });
    try {
        await insert(page, 'start', 'next', 'sendEmail');
        await chooseTemplate(page, 'CustomFlows.CartReminder');
        await waitForRequests(server, 'validate', 1);
        // the button waits for the validator's answer ("Checking the flow…") before it enables
        await page.waitForFunction(() => !document.querySelector('[data-action="Publish"]').disabled);
        const publishEnabledBefore = await page.locator('[data-action="Publish"]').isEnabled();

        server.answer('validate', 200, 'validate-loop-without-wait.json');
        await insert(page, 'email-1', 'next', 'jump');
        await page.waitForSelector('[data-problem-node]');
        const badges = await page.locator('[data-problem-node]').evaluateAll(items => items.map(item => item.dataset.problemNode));
        const publishDisabled = await page.locator('[data-action="Publish"]').isDisabled();
        const reason = await page.locator('#cfb-publish-reason').textContent();
        const panelProblems = await panel(page).locator('[data-problem-code]').allTextContents();
        const validated = server.requests.filter(entry => entry.name === 'validate').at(-1).body.definition;

        server.answer('validate', 200, 'validate-ok.json');
        await insert(page, 'email-1', 'next', 'waitTime');
        await page.waitForFunction(() => !document.querySelector('[data-problem-node]'));
        await page.waitForFunction(() => !document.querySelector('[data-action="Publish"]').disabled);
        const publishEnabledAfter = await page.locator('[data-action="Publish"]').isEnabled();
        const reasonAfter = await page.locator('#cfb-publish-reason').textContent();
        const badgesAfter = await page.locator('[data-problem-node]').count();

        // publishing an unsaved draft saves it first, then publishes the revision the save returned
        await page.locator('[data-action="Publish"]').click();
        await page.locator('.cfb-message [data-kind="success"]').waitFor();
        const order = server.requests.filter(entry => entry.name === 'saveDraft' || entry.name === 'publish').map(entry => entry.name);

        // the next save after publishing goes with the revision publishing returned (the draft moved on to the next version)
        const savesBefore = server.saved().length;
        await insert(page, 'email-1', 'next', 'waitTime');
        await page.locator('[data-action="Save"]').click();
        for (let waited = 0; server.saved().length === savesBefore && waited < 5000; waited += 100)
            await page.waitForTimeout(100);
        const afterPublish = server.saved().at(-1)?.body?.revision;
        return {
            revisionAfterPublish: afterPublish,
            publishMessage: await page.locator('.cfb-message [data-kind="success"]').textContent(),
            publishBody: server.requests.find(entry => entry.name === 'publish').body,
            savePublishOrder: order,
            publishEnabledBefore, badges, publishDisabled, reason, panelProblems,
            validatedNodeIds: validated.nodes.map(node => node.id),
            badgesAfter, publishEnabledAfter, reasonAfter,
            validateTokens: server.requests.filter(entry => entry.name === 'validate').map(entry => entry.headers.requestverificationtoken)
        };
    } finally {
        await server.close();
    }
}

async function undoRedo({ page }) {
    const server = await open(page, { draft: 'draft-abandoned-cart-advanced.json' });
    try {
        const p = panel(page);
        const states = [await json(page)];
        await insert(page, 'tag', 'next', 'addTag');
        states.push(await json(page));
        await p.getByLabel('Tag').click();
        await page.keyboard.type('vip');
        states.push(await json(page));
        await selectNode(page, 'coupon');
        await p.getByLabel('Title').fill('Personal code');
        states.push(await json(page));
        await p.getByLabel('Percent off').fill('15');
        states.push(await json(page));
        await selectNode(page, 'score');
        await page.keyboard.press('Delete');
        states.push(await json(page));

        const undone = [];
        await page.click('[data-action="Undo"]');
        undone.push(await json(page));
        await page.click('[data-action="Undo"]');
        undone.push(await json(page));
        await page.locator('[data-node-id="start"] .cfb-node-main').focus();
        for (let index = 0; index < 3; index += 1) {
            await page.keyboard.press('Control+z');
            undone.push(await json(page));
        }
        const undoDisabled = await page.locator('[data-action="Undo"]').isDisabled();
        const redone = [];
        await page.keyboard.press('Control+y');
        redone.push(await json(page));
        await page.keyboard.press('Control+y');
        redone.push(await json(page));
        await page.keyboard.press('Control+Shift+z');
        redone.push(await json(page));
        await page.keyboard.press('Control+Shift+z');
        redone.push(await json(page));
        await page.click('[data-action="Redo"]');
        redone.push(await json(page));
        return { states, undone, redone, undoDisabled, redoDisabled: await page.locator('[data-action="Redo"]').isDisabled() };
    } finally {
        await server.close();
    }
}

async function renderTemplates({ page, outDir }) {
    const results = {};
    // a tall window, so the fitted screenshots show whole flows at a readable size
    await page.setViewportSize({ width: 1400, height: 2000 });
    for (const name of ['abandoned-cart-advanced', 'lead-nurturing-advanced', 'onboarding-advanced']) {
        const server = await open(page, { draft: `draft-${name}.json` });
        try {
            await page.getByRole('button', { name: 'Fit to screen' }).click();
            const screenshot = join(outDir, `builder-${name}.png`);
            await page.screenshot({ path: screenshot, fullPage: true });
            const result = {
                screenshot,
                nodeIds: await page.locator('[data-node-id]').evaluateAll(items => items.map(item => item.dataset.nodeId)),
                exitLabels: await page.locator('.cfb-exit-text').allTextContents(),
                jumpLabels: await page.locator('.cfb-jump-label').allTextContents(),
                plusPoints: await page.locator('[data-plus]').count(),
                endMarks: await page.locator('.cfb-end-mark').count(),
                overlaps: await page.evaluate(() => {
                    const boxes = [...document.querySelectorAll('.cfb-node')].map(item => item.getBoundingClientRect());
                    let count = 0;
                    boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => { if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) count += 1; }));
                    return count;
                })
            };
            if (name === 'abandoned-cart-advanced') {
                await page.getByRole('button', { name: 'Show numbers' }).click();
                await page.waitForSelector('[data-stats]');
                result.statsText = await page.locator('[data-node-id="reminder"] [data-stats]').textContent();
                result.statsQuery = server.requests.find(entry => entry.name === 'stats')?.query;
                const numbers = join(outDir, `builder-${name}-numbers.png`);
                await page.screenshot({ path: numbers, fullPage: true });
                result.numbersScreenshot = numbers;
                // collapse the "Yes" branch and expand it again
                await page.getByRole('button', { name: 'Collapse branch Yes' }).click();
                result.collapsedHidden = await page.locator('.cfb-hidden-steps').textContent();
                result.collapsedVisible = await page.locator('[data-node-id="tell-staff"]').count();
                await page.getByRole('button', { name: 'Expand branch Yes' }).click();
                result.expandedVisible = await page.locator('[data-node-id="tell-staff"]').count();
            }
            results[name] = result;
        } finally {
            await server.close();
        }
    }
    return results;
}

async function accessibility({ page }) {
    const server = await open(page, { draft: 'draft-abandoned-cart-advanced.json' });
    try {
        await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
        const check = async state => {
            const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
            return result.violations.map(item => ({ state, id: item.id, impact: item.impact, nodes: item.nodes.slice(0, 3).map(node => node.target.join(' ')) }));
        };
        const violations = [...await check('canvas')];
        await selectNode(page, 'big-cart');
        violations.push(...await check('filter panel'));
        await selectNode(page, 'popup');
        violations.push(...await check('pop-up panel'));
        await page.getByRole('button', { name: 'Flow settings' }).click();
        violations.push(...await check('settings panel'));
        // keyboard only: Tab to a "+" point, Enter opens the menu, Escape closes it and gives focus back
        await page.locator('[data-plus="tag:next"]').focus();
        await page.keyboard.press('Enter');
        violations.push(...await check('insert menu'));
        const menuFocused = await page.evaluate(() => document.activeElement.getAttribute('role'));
        await page.keyboard.press('ArrowDown');
        const secondItem = await page.evaluate(() => document.activeElement.dataset.kind);
        await page.keyboard.press('Escape');
        const backOnPlus = await page.evaluate(() => document.activeElement.dataset.plus);
        // Enter on a node opens its panel; Escape closes it
        await page.locator('[data-node-id="coupon"] .cfb-node-main').focus();
        await page.keyboard.press('Enter');
        const panelOpen = await panel(page).isVisible();
        await page.keyboard.press('Escape');
        const panelClosed = !(await page.locator('.cfb-panel').isVisible());
        return { violations, menuFocused, secondItem, backOnPlus, panelOpen, panelClosed };
    } finally {
        await server.close();
    }
}

async function bench({ page }) {
    const definition = generateFlow(100);
    const server = await open(page, { draft: { flowId: 12, name: definition.name, status: 'draft', liveVersion: null, revision: 'AAAA', definition, problems: [] } });
    try {
        return { ...(await measureRender(page)), steps: definition.nodes.length };
    } finally {
        await server.close();
    }
}

async function conflict({ page }) {
    const server = await open(page, { draft: 'draft-blank.json' });
    try {
        server.answer('saveDraft', 409, 'save-conflict.json');
        await insert(page, 'start', 'next', 'addTag');
        await waitForRequests(server, 'saveDraft', 1);
        const alert = page.locator('.cfb-message [data-kind="danger"]');
        await alert.waitFor();
        const message = await alert.textContent();
        await panel(page).getByLabel('Tag').fill('one more edit');
        await page.waitForTimeout(3500);
        // Save by hand after the conflict still overwrites nothing, and says why
        await page.locator('[data-action="Save"]').click();
        await page.waitForTimeout(300);
        const saves = server.saved().length;
        const messageAfterSave = await alert.textContent();
        const unloadWarned = await page.evaluate(() => {
            const event = new Event('beforeunload', { cancelable: true });
            window.dispatchEvent(event);
            return event.defaultPrevented;
        });
        return { message, messageAfterSave, saves, saveState: await page.locator('.cfb-save-state').textContent(), unloadWarned, publishDisabled: await page.locator('[data-action="Publish"]').isDisabled() };
    } finally {
        await server.close();
    }
}

async function panelTools({ page }) {
    const server = await open(page, { draft: 'draft-abandoned-cart-advanced.json' });
    try {
        const p = panel(page);
        const definition = async () => JSON.parse(await json(page));
        const result = {};

        // product picker: search, page on, pick
        await selectNode(page, 'start');
        await p.getByLabel('Starts when').selectOption('product_viewed');
        await p.getByLabel('Products', { exact: true }).selectOption('product');
        await p.getByLabel('Find a product').fill('shirt');
        await page.waitForSelector('.cfb-result');
        result.firstPage = await page.locator('.cfb-result').count();
        await p.getByRole('button', { name: 'Show more' }).click();
        await page.waitForFunction(() => document.querySelectorAll('.cfb-result').length > 10);
        result.bothPages = await page.locator('.cfb-result').count();
        result.productQueries = server.requests.filter(entry => entry.name === 'products').map(entry => entry.query);
        await page.locator('.cfb-result', { hasText: 'Blue shirt' }).click();
        result.trigger = (await definition()).nodes.find(node => node.id === 'start').trigger;
        result.picked = await page.locator('.cfb-picked').textContent();

        // e-mail: edit link and test e-mail
        await selectNode(page, 'reminder');
        await page.waitForSelector('.cfb-edit-template:not([hidden])');
        result.editUrl = await page.locator('.cfb-edit-template').getAttribute('href');
        await p.getByRole('button', { name: 'Send test' }).click();
        await page.waitForFunction(() => document.querySelector('.cfb-test-result').textContent.includes('queued'));
        result.testEmailText = await page.locator('.cfb-test-result').textContent();
        result.testEmailBody = server.requests.find(entry => entry.name === 'testEmail').body.nodeId;

        // pop-up preview
        await selectNode(page, 'popup');
        await page.waitForFunction(() => document.querySelector('.cfb-preview-frame')?.dataset.previewTitle);
        result.previewTitle = await page.frameLocator('.cfb-preview-frame').locator('h3').textContent();
        result.previewRequest = server.requests.find(entry => entry.name === 'popupPreview').body;

        // webhook: insert, type the url, test call
        await insert(page, 'lost', 'next', 'webhook');
        await p.getByLabel('URL').fill('https://hooks.example.test/cart');
        await p.getByRole('button', { name: 'Test call' }).click();
        await page.waitForFunction(() => document.querySelector('.cfb-test-result').textContent.startsWith('HTTP'));
        result.webhookText = await page.locator('.cfb-test-result').textContent();
        result.webhookRequest = server.requests.find(entry => entry.name === 'testWebhook').body;

        // a time wait in words, with weekdays
        await selectNode(page, 'next-evening');
        for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) await p.getByText(day, { exact: true }).click();
        result.waitWords = await page.locator('.cfb-wait-words').textContent();

        // duplicate, then cut and paste somewhere else
        await selectNode(page, 'tag');
        await p.getByRole('button', { name: 'Duplicate' }).click();
        let nodes = (await definition()).nodes;
        result.afterDuplicate = { tag: nodes.find(node => node.id === 'tag').next, copy: nodes.find(node => node.id === 'tag-1') };
        await selectNode(page, 'score');
        await p.getByRole('button', { name: 'Cut' }).click();
        await insert(page, 'code', 'next', 'paste');
        nodes = (await definition()).nodes;
        result.afterPaste = { copy: nodes.find(node => node.id === 'tag-1').next, code: nodes.find(node => node.id === 'code').next, score: nodes.find(node => node.id === 'score').next };

        // drag and drop a step onto a "+" point moves it there
        await page.setViewportSize({ width: 1400, height: 2000 });
        await page.getByRole('button', { name: 'Fit to screen' }).click();
        result.cutMessageAfterPaste = await page.locator('.cfb-message').textContent();
        await page.dragAndDrop('[data-node-id="last-call"] .cfb-node-main', '[data-plus="coupon:next"]');
        nodes = (await definition()).nodes;
        result.afterDrop = { coupon: nodes.find(node => node.id === 'coupon').next, moved: nodes.find(node => node.id === 'last-call').next, twoDays: nodes.find(node => node.id === 'two-days').next };

        // deleting a filter asks which exit stays
        await selectNode(page, 'big-cart');
        await page.keyboard.press('Delete');
        result.keepChoices = await page.locator('[data-keep]').allTextContents();
        await page.locator('[data-keep="no"]').click();
        nodes = (await definition()).nodes;
        result.afterFilterDelete = { start: nodes.find(node => node.id === 'start').next, ids: nodes.map(node => node.id) };
        return result;
    } finally {
        await server.close();
    }
}

async function splitWeights({ page }) {
    const server = await open(page, { draft: 'draft-onboarding-advanced.json' });
    try {
        const p = panel(page);
        await selectNode(page, 'welcome-test');
        const before = await page.locator('.cfb-split-total').textContent();
        await p.getByLabel('Weight (%)').first().fill('50');
        const wrong = await page.locator('.cfb-split-total').textContent();
        await p.getByRole('button', { name: 'Add branch' }).click();
        const branches = JSON.parse(await json(page)).nodes.find(node => node.id === 'welcome-test').branches;
        const openEnds = await page.locator('[data-plus^="welcome-test:branch:"].is-open').count();

        // a problem without a step goes to the flow-level list, not onto a node
        server.answer('validate', 200, 'validate-flow-level.json');
        await p.getByLabel('Weight (%)').first().fill('45');
        await page.waitForSelector('.cfb-flow-problem-list');
        const flowProblems = await page.locator('.cfb-flow-problem-list li').allTextContents();
        const badges = await page.locator('[data-problem-node]').count();
        return { before, wrong, branches, openEnds, flowProblems, badges };
    } finally {
        await server.close();
    }
}

async function polishReadOnly({ page }) {
    // the Polish dictionary as the server would hand it over from its locale resources
    const texts = JSON.parse(readFileSync(new URL('../../Nop.Plugin.Misc.CustomFlows/ClientApp/builder/texts.pl.json', import.meta.url), 'utf8'));
    const server = await open(page, { draft: 'draft-abandoned-cart-advanced.json', texts, language: 'pl', readOnly: true });
    try {
        const before = await json(page);
        const result = {
            save: (await page.locator('[data-action="Save"]').textContent()).trim(),
            status: await page.locator('.cfb-status').textContent(),
            exits: await page.locator('.cfb-exit-text').allTextContents(),
            plusPoints: await page.locator('[data-plus]').count(),
            publishDisabled: await page.locator('[data-action="Publish"]').isDisabled(),
            reason: await page.locator('#cfb-publish-reason').textContent()
        };
        await page.getByRole('button', { name: 'Zwiń gałąź Tak' }).click();
        result.hidden = (await page.locator('.cfb-hidden-steps').textContent()).trim();
        await selectNode(page, 'coupon');
        result.panelName = await page.getByRole('region', { name: 'Szczegóły kroku' }).count();
        result.formDisabled = await page.locator('.cfb-form').evaluate(form => form.disabled);
        result.commands = await page.locator('.cfb-commands').count();
        await page.keyboard.press('Delete');
        await page.waitForTimeout(2500);
        result.unchanged = (await json(page)) === before;
        result.saves = server.saved().length;
        return result;
    } finally {
        await server.close();
    }
}

export const scenarios = { polishReadOnly, panelTools, splitWeights, buildOrderFollowUp, loopProblem, undoRedo, renderTemplates, accessibility, bench, conflict };
