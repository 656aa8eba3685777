// A fixture server on 127.0.0.1 for the builder's browser tests: it serves an admin-like page with the real
// built Content/builder files and answers the admin endpoints (docs/builder.md) from tests/fixtures/admin-api.
// A scenario changes the answers step by step (e.g. what validate says next); the validator itself is C#.
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
export const fixtures = join(root, 'tests', 'fixtures', 'admin-api');
const content = join(root, 'Nop.Plugin.Misc.CustomFlows', 'Content', 'builder');
const vendor = {
    '/vendor/bootstrap.css': join(here, 'node_modules', 'bootstrap', 'dist', 'css', 'bootstrap.min.css'),
    '/vendor/fontawesome/css/all.min.css': join(here, 'node_modules', '@fortawesome', 'fontawesome-free', 'css', 'all.min.css')
};

export function fixture(name) {
    return JSON.parse(readFileSync(join(fixtures, name), 'utf8'));
}

const PREFIX = '/Admin/CustomFlowBuilder/';
const ENDPOINTS = {
    draft: `${PREFIX}Draft/12`, saveDraft: `${PREFIX}SaveDraft/12`, validate: `${PREFIX}Validate`, publish: `${PREFIX}Publish/12`,
    products: `${PREFIX}Products`, categories: `${PREFIX}Categories`, messageTemplates: `${PREFIX}MessageTemplates`,
    stats: `${PREFIX}Stats/12`, testEmail: `${PREFIX}TestEmail/12`, testWebhook: `${PREFIX}TestWebhook`, popupPreview: `${PREFIX}PopupPreview`
};

export async function startServer({ draft, texts, readOnly = false, language = 'en' }) {
    const requests = [];
    const answers = {
        draft: [200, typeof draft === 'string' ? fixture(draft) : draft],
        saveDraft: [200, fixture('save-ok.json')],
        validate: [200, fixture('validate-ok.json')],
        publish: [200, fixture('publish-ok.json')],
        messageTemplates: [200, fixture('message-templates.json')],
        stats: [200, fixture('stats.json')],
        testEmail: [200, fixture('test-email.json')],
        testWebhook: [200, fixture('test-webhook.json')],
        popupPreview: [200, fixture('popup-preview.json')],
        categories: [200, fixture('categories.json')]
    };
    const config = {
        flowId: 12, antiforgeryToken: 'test-token', readOnly, language, endpoints: ENDPOINTS, texts: texts || {}
    };
    const page = `<!DOCTYPE html>
<html lang="${language}"><head><meta charset="utf-8"><title>Edit flow - Custom flows - nopCommerce administration</title>
${existsSync(vendor['/vendor/bootstrap.css']) ? '<link rel="stylesheet" href="/vendor/bootstrap.css">' : ''}
${existsSync(vendor['/vendor/fontawesome/css/all.min.css']) ? '<link rel="stylesheet" href="/vendor/fontawesome/css/all.min.css">' : ''}
<link rel="stylesheet" href="/Plugins/Misc.CustomFlows/Content/builder/builder.css">
</head><body class="sidebar-mini"><div class="content-wrapper"><main class="content"><div class="container-fluid">
<h1 class="content-header">Edit flow</h1>
<div id="custom-flows-builder"></div>
<script type="application/json" id="custom-flows-builder-config">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>
<script src="/Plugins/Misc.CustomFlows/Content/builder/builder.js"></script>
</div></main></div></body></html>`;

    const server = createServer((request, response) => {
        let body = '';
        request.on('data', chunk => { body += chunk; });
        request.on('end', () => {
            const url = new URL(request.url, 'http://127.0.0.1');
            const name = Object.keys(ENDPOINTS).find(key => ENDPOINTS[key] === url.pathname);
            if (name) {
                const entry = { name, method: request.method, query: Object.fromEntries(url.searchParams), headers: request.headers, body: body ? JSON.parse(body) : null };
                requests.push(entry);
                let [status, answer] = answers[name] || [404, { error: 'missing' }];
                if (name === 'products') [status, answer] = [200, fixture(url.searchParams.get('page') === '2' ? 'products-page2.json' : 'products-page1.json')];
                if (typeof answer === 'function') [status, answer] = answer(entry);
                return send(response, status, 'application/json', JSON.stringify(answer));
            }
            if (url.pathname === '/builder') return send(response, 200, 'text/html', page);
            if (url.pathname.startsWith('/Plugins/Misc.CustomFlows/Content/builder/')) {
                const file = join(content, url.pathname.split('/').pop());
                if (existsSync(file)) return send(response, 200, file.endsWith('.css') ? 'text/css' : 'text/javascript', readFileSync(file));
            }
            if (vendor[url.pathname]) return send(response, 200, 'text/css', readFileSync(vendor[url.pathname]));
            if (url.pathname.startsWith('/vendor/fontawesome/webfonts/')) {
                const file = join(here, 'node_modules', '@fortawesome', 'fontawesome-free', 'webfonts', url.pathname.split('/').pop());
                if (existsSync(file)) return send(response, 200, 'font/woff2', readFileSync(file));
            }
            return send(response, 404, 'text/plain', 'not found');
        });
    });
    await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address();
    return {
        url: `http://127.0.0.1:${port}/builder`,
        requests,
        answer(name, status, value) { answers[name] = [status, typeof value === 'string' ? fixture(value) : value]; },
        saved() { return requests.filter(entry => entry.name === 'saveDraft'); },
        close: () => new Promise(resolve => server.close(resolve))
    };
}

function send(response, status, type, body) {
    response.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
    response.end(body);
}
