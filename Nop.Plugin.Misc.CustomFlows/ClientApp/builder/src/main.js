import './builder.css';
import { BuilderApp } from './app.js';

// Starts itself on the element the Razor page writes; the page's JSON config says where the server is.
function start() {
    const root = document.getElementById('custom-flows-builder');
    const configElement = document.getElementById('custom-flows-builder-config');
    if (!root || !configElement || root.dataset.started) return;
    root.dataset.started = 'true';
    const app = new BuilderApp(root, JSON.parse(configElement.textContent));
    // a handle for the page (and the browser tests) to read the draft exactly as it would be saved
    window.CustomFlowsBuilder = {
        app,
        definitionJson: () => JSON.stringify(app.definition),
        missingTexts: () => [...app.t.missing],
        ready: app.load()
    };
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
