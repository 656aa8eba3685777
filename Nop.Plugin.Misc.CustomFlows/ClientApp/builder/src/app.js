import { Api } from './api.js';
import { Canvas } from './canvas.js';
import { h, icon } from './dom.js';
import { History } from './history.js';
import { InsertMenu } from './insert-menu.js';
import { createNode, deleteNode, duplicateNode, exitsOf, getExit, insertAt, isSingleExit, newId, nodeMap, kindOf, removeUnreachable } from './model.js';
import { Panel } from './panel.js';
import { createTexts } from './texts.js';

const VALIDATE_DELAY = 400;
const AUTOSAVE_DELAY = 2000;

// One builder on the page: it owns the draft (plain flow JSON), the undo history and the talk with the server;
// the canvas and the side panel draw from it and call back into it for every edit.
export class BuilderApp {
    constructor(root, config) {
        this.root = root;
        this.config = config;
        this.t = createTexts(config.texts, config.language || document.documentElement.lang);
        this.api = new Api(config);
        this.readOnly = !!config.readOnly;
        this.history = new History();
        this.definition = { nodes: [] };
        this.problems = [];
        this.selectedId = null;
        this.panelMode = null;
        this.dirty = false;
        this.conflict = false;
        this.editCount = 0;
        this.validateSequence = 0;
        this.validating = false;
        this.clipboard = null;
        this.showNumbers = false;
        this.templates = null;
        // names of picked products and categories: the definition keeps only ids
        this.names = new Map();
        this.canvas = new Canvas(this);
        this.panel = new Panel(this);
        this.menu = new InsertMenu(this);
        this.build();
        window.addEventListener('beforeunload', event => {
            if (!this.dirty) return;
            event.preventDefault();
            event.returnValue = '';
        });
    }

    build() {
        const t = this.t;
        const button = (name, iconName, onclick, extra = {}) => h('button', { type: 'button', class: 'btn btn-default btn-sm', 'data-action': name, onclick, ...extra }, icon(iconName), h('span', { class: 'cfb-button-text', text: ` ${t(name)}` }));
        this.nameElement = h('h2', { class: 'cfb-flow-name' });
        this.statusBadge = h('span', { class: 'badge badge-info cfb-status' });
        this.undoButton = button('Undo', 'undo', () => this.undo(), { 'aria-keyshortcuts': 'Control+Z' });
        this.redoButton = button('Redo', 'redo', () => this.redo(), { 'aria-keyshortcuts': 'Control+Y' });
        this.numbersButton = button('ShowNumbers', 'chart-bar', () => this.toggleNumbers(), { 'aria-pressed': 'false', hidden: true });
        this.saveButton = h('button', { type: 'button', class: 'btn btn-primary btn-sm', 'data-action': 'Save', onclick: () => this.save() }, icon('save'), ` ${t('Save')}`);
        this.publishButton = h('button', { type: 'button', class: 'btn btn-success btn-sm', 'data-action': 'Publish', onclick: () => this.publish(), 'aria-describedby': 'cfb-publish-reason' }, icon('rocket'), ` ${t('Publish')}`);
        this.saveState = h('span', { class: 'cfb-save-state text-muted', role: 'status', 'aria-live': 'polite' });
        this.publishReason = h('span', { class: 'cfb-publish-reason text-muted', id: 'cfb-publish-reason' });
        this.zoomText = h('span', { class: 'cfb-zoom-text text-muted', 'aria-live': 'off' });
        this.message = h('div', { class: 'cfb-message', role: 'alert' });
        this.flowProblems = h('div', { class: 'cfb-flow-problems' });
        const toolbar = h('div', { class: 'cfb-toolbar card-header', role: 'toolbar', 'aria-label': t('Toolbar') },
            h('div', { class: 'cfb-toolbar-title' }, this.nameElement, this.statusBadge),
            h('div', { class: 'btn-group', role: 'group', 'aria-label': t('EditGroup') }, this.undoButton, this.redoButton),
            h('div', { class: 'btn-group', role: 'group', 'aria-label': t('ViewGroup') },
                button('ZoomOut', 'search-minus', () => this.canvas.zoom(1 / 1.2)),
                button('ZoomIn', 'search-plus', () => this.canvas.zoom(1.2)),
                button('FitToScreen', 'expand', () => this.canvas.fit())),
            this.zoomText,
            button('FlowSettings', 'cog', () => this.openSettings()),
            this.numbersButton,
            h('div', { class: 'cfb-toolbar-end' }, this.saveState, this.saveButton, this.publishButton, this.publishReason));
        this.panelRegion = h('aside', { class: 'cfb-panel card', role: 'region', 'aria-label': t('PanelLabel'), hidden: true, tabindex: '-1' });
        this.root.classList.add('cfb-root', 'card');
        this.root.replaceChildren(toolbar, this.message, this.flowProblems,
            h('div', { class: 'cfb-main' }, this.canvas.viewport, this.panelRegion), this.menu.element);
        this.root.addEventListener('keydown', event => this.keydown(event));
        this.root.addEventListener('focusout', () => this.history.seal());
    }

    async load() {
        this.saveState.textContent = this.t('Loading');
        const { ok, body } = await this.api.get('draft');
        if (!ok) {
            this.showMessage(body.message || this.t('LoadFailed'), 'danger');
            return;
        }
        this.name = body.name;
        this.status = body.status;
        this.liveVersion = body.liveVersion ?? null;
        this.revision = body.revision;
        this.definition = body.definition || { nodes: [] };
        this.problems = body.problems || [];
        // the server names the products and categories the draft already picks ("product:5" -> "Blue shirt")
        for (const [key, name] of Object.entries(body.names || {})) this.names.set(key, name);
        this.nameElement.textContent = body.name || this.definition.name || '';
        this.statusBadge.textContent = this.t(`Status_${body.status || 'draft'}`);
        // the numbers need the "view reports" permission; an admin without it is not offered a button that shows nothing
        this.numbersButton.hidden = this.liveVersion === null || this.config.canViewReports === false;
        this.saveState.textContent = '';
        this.render();
        // a readable start: fitted, but never smaller than this (the admin zooms out for the whole picture)
        this.canvas.fit(0.6);
    }

    render() {
        this.canvas.render();
        this.renderProblems();
        this.renderButtons();
    }

    renderButtons() {
        const t = this.t;
        this.undoButton.disabled = this.readOnly || !this.history.undoStack.length;
        this.redoButton.disabled = this.readOnly || !this.history.redoStack.length;
        this.saveButton.disabled = this.readOnly;
        let reason = '';
        if (this.readOnly) reason = t('ReadOnly');
        else if (this.conflict) reason = t('PublishBlockedConflict');
        else if (this.problems.length) reason = t.count('PublishBlockedProblems', this.problems.length);
        else if (this.validating) reason = t('Checking');
        this.publishButton.disabled = reason !== '';
        this.publishReason.textContent = reason;
    }

    renderProblems() {
        const general = this.problems.filter(problem => !problem.nodeId || !nodeMap(this.definition).has(problem.nodeId));
        this.flowProblems.replaceChildren();
        if (!general.length) return;
        this.flowProblems.append(h('div', { class: 'alert alert-warning cfb-flow-problem-list', role: 'region', 'aria-label': this.t('FlowProblems') },
            h('strong', { text: this.t('FlowProblems') }),
            h('ul', {}, general.map(problem => h('li', { 'data-problem-code': problem.code, text: problem.message })))));
    }

    problemsFor(id) {
        return this.problems.filter(problem => problem.nodeId === id);
    }

    onZoom(scale) {
        this.zoomText.textContent = `${Math.round(scale * 100)} %`;
    }

    showMessage(text, kind = 'info') {
        this.message.replaceChildren();
        if (text) this.message.append(h('div', { class: `alert alert-${kind} cfb-alert`, 'data-kind': kind }, text));
    }

    // selection and the side panel
    select(id) {
        this.selectedId = id;
        this.panelMode = 'node';
        this.canvas.render();
        this.panel.render();
    }

    openSettings() {
        this.selectedId = null;
        this.panelMode = 'settings';
        this.canvas.render();
        this.panel.render();
        this.panelRegion.focus();
    }

    closePanel() {
        const id = this.selectedId;
        this.panelMode = null;
        this.selectedId = null;
        this.panel.render();
        this.canvas.render();
        if (id) this.canvas.world.querySelector(`[data-focus-key="node:${CSS.escape(id)}"]`)?.focus();
    }

    selectedNode() {
        return this.selectedId ? nodeMap(this.definition).get(this.selectedId) : undefined;
    }

    // every change goes through here: snapshot for undo, then redraw, validate and autosave
    edit(key, change, options = {}) {
        if (this.readOnly) return;
        const before = JSON.stringify(this.definition);
        const recorded = this.history.record(before, key);
        change(this.definition);
        // a choice that changed nothing (the same option again) must not leave an empty undo step
        if (JSON.stringify(this.definition) === before) {
            if (recorded) this.history.discard();
            if (options.panel ?? !key) this.panel.render();
            return;
        }
        this.changed(options.panel ?? !key);
    }

    changed(redrawPanel) {
        this.dirty = true;
        this.editCount += 1;
        if (this.selectedId && !nodeMap(this.definition).has(this.selectedId)) {
            this.selectedId = null;
            this.panelMode = null;
            redrawPanel = true;
        }
        this.canvas.render();
        if (redrawPanel) this.panel.render();
        this.renderButtons();
        this.scheduleValidate();
        this.scheduleAutosave();
        this.saveState.textContent = this.conflict ? this.t('AutosaveStopped') : this.t('Unsaved');
    }

    restore(snapshot) {
        if (snapshot === undefined) return;
        this.definition = JSON.parse(snapshot);
        this.changed(true);
    }

    undo() {
        if (!this.readOnly) this.restore(this.history.undo(JSON.stringify(this.definition)));
    }

    redo() {
        if (!this.readOnly) this.restore(this.history.redo(JSON.stringify(this.definition)));
    }

    prune(definition) {
        removeUnreachable(definition);
    }

    // structure
    openInsertMenu(from, exit, anchor) {
        this.menu.open(from, exit, anchor);
    }

    insert(from, exit, kind) {
        let id;
        this.edit(null, definition => {
            const node = createNode(definition, kind, undefined, from);
            id = node.id;
            insertAt(definition, from, exit, node);
        });
        this.select(id);
    }

    paste(from, exit) {
        const clip = this.clipboard;
        if (!clip) return;
        let id;
        this.edit(null, definition => {
            const node = JSON.parse(clip.json);
            if (nodeMap(definition).has(node.id)) node.id = newId(definition, kindOf(node));
            for (const key of exitsOf(node)) if (key !== 'target') delete node[key];
            id = node.id;
            insertAt(definition, from, exit, node);
        });
        this.clipboard = null;
        this.showMessage('');
        this.select(id);
    }

    deleteStep(id, keptExit) {
        const node = nodeMap(this.definition).get(id);
        if (!node || node.type === 'start') return;
        const exits = exitsOf(node);
        const kept = keptExit ?? (exits.length === 1 ? exits[0] : undefined);
        if (exits.length > 1 && keptExit === undefined) {
            // which branch lives on is the admin's call, never a guess
            this.select(id);
            this.panel.askDelete();
            return;
        }
        // keyboard focus goes to the step before, so Delete never drops it onto the page's body
        const before = this.definition.nodes.find(other => exitsOf(other).some(exit => getExit(other, exit) === id));
        this.edit(null, definition => deleteNode(definition, id, kept));
        if (before) this.canvas.world.querySelector(`[data-focus-key="node:${CSS.escape(before.id)}"]`)?.focus();
    }

    duplicate(id) {
        let copy;
        this.edit(null, definition => { copy = duplicateNode(definition, id); });
        if (copy) this.select(copy);
    }

    /** Drag and drop: the step leaves its place (its neighbours join) and goes in at the "+" point; jumps to it still go to it. */
    move(id, from, exit) {
        const node = nodeMap(this.definition).get(id);
        if (!node || !isSingleExit(node) || node.type === 'start') return;
        this.edit(null, definition => {
            const copy = JSON.parse(JSON.stringify(node));
            delete copy.next;
            const jumpers = definition.nodes.filter(other => other.type === 'jump' && other.target === id);
            deleteNode(definition, id, 'next');
            if (!nodeMap(definition).has(from)) return;
            insertAt(definition, from, exit, copy);
            for (const jump of jumpers) if (nodeMap(definition).has(jump.id)) jump.target = id;
        });
        this.select(id);
    }

    cut(id) {
        const node = nodeMap(this.definition).get(id);
        if (!node || !isSingleExit(node) || node.type === 'start') return;
        this.clipboard = { json: JSON.stringify(node), cutFrom: id };
        this.edit(null, definition => deleteNode(definition, id, 'next'));
        this.showMessage(this.t('CutDone'), 'info');
    }

    // keyboard
    keydown(event) {
        const key = event.key.toLowerCase();
        // in a text field the keys belong to the field (its own text undo, Delete of characters); elsewhere to the builder
        const typing = event.target.closest('textarea, [contenteditable], input:not([type="checkbox"]):not([type="radio"]):not([type="button"])');
        if ((event.ctrlKey || event.metaKey) && !typing) {
            if (key === 'z' && event.shiftKey) { event.preventDefault(); this.redo(); return; }
            if (key === 'z') { event.preventDefault(); this.undo(); return; }
            if (key === 'y') { event.preventDefault(); this.redo(); return; }
        }
        if (event.key === 'Escape') {
            if (this.menu.isOpen) this.menu.close(true);
            else if (this.panelMode) this.closePanel();
            return;
        }
        if (event.key === 'Delete' && !typing && this.selectedId && !this.readOnly) {
            event.preventDefault();
            this.deleteStep(this.selectedId);
        }
    }

    // validation and saving
    scheduleValidate() {
        clearTimeout(this.validateTimer);
        this.validating = true;
        this.renderButtons();
        this.validateTimer = setTimeout(() => this.validate(), VALIDATE_DELAY);
    }

    async validate() {
        const sequence = ++this.validateSequence;
        const { ok, body } = await this.api.post('validate', { definition: this.definition });
        // an answer about an older draft must not overwrite a newer one
        if (sequence !== this.validateSequence) return;
        this.validating = false;
        if (ok) this.problems = body.problems || [];
        this.canvas.render();
        this.renderProblems();
        this.renderButtons();
        if (this.panelMode) this.panel.renderProblems();
    }

    scheduleAutosave() {
        clearTimeout(this.autosaveTimer);
        if (this.conflict || this.readOnly) return;
        this.autosaveTimer = setTimeout(() => this.save(), AUTOSAVE_DELAY);
    }

    async save() {
        clearTimeout(this.autosaveTimer);
        if (this.readOnly) return false;
        // one save at a time, in order: a save asked for during another one goes after it, with the newer draft
        while (this.saving) await this.saving;
        if (this.conflict) {
            this.showConflict();
            return false;
        }
        if (!this.dirty) return true;
        this.saving = this.saveNow().finally(() => { this.saving = null; });
        return this.saving;
    }

    async saveNow() {
        const t = this.t;
        const savedAt = this.editCount;
        this.saveState.textContent = t('Saving');
        const { status, body } = await this.api.post('saveDraft', { revision: this.revision, definition: this.definition });
        if (status === 200) {
            this.revision = body.revision;
            if (!this.validating) this.problems = body.problems || this.problems;
            if (this.editCount === savedAt) this.dirty = false;
            // edits made while this save was on its way get their own save
            else this.scheduleAutosave();
            this.saveState.textContent = t('SavedOn', { time: body.savedOn || '' });
            this.render();
            return true;
        }
        if (status === 409) {
            // someone else's save wins until this admin reloads; saving over it would lose their work silently
            this.conflict = true;
            clearTimeout(this.autosaveTimer);
            this.showConflict();
            return false;
        }
        this.saveState.textContent = t('SaveFailed');
        this.showMessage(body.message || t('SaveFailed'), 'danger');
        return false;
    }

    showConflict() {
        const t = this.t;
        this.saveState.textContent = t('AutosaveStopped');
        this.showMessage(h('span', {}, t('ConflictMessage'), ' ',
            h('button', { type: 'button', class: 'btn btn-default btn-sm', onclick: () => window.location.reload() }, icon('sync'), ` ${t('Reload')}`)), 'danger');
        this.renderButtons();
    }

    async publish() {
        if (this.publishButton.disabled) return;
        if (this.dirty && !(await this.save())) return;
        const { status, body } = await this.api.post('publish', { revision: this.revision });
        if (status === 200) {
            // publishing moves the draft on to the next version's number: later saves go with its new revision
            if (body.revision) this.revision = body.revision;
            this.liveVersion = body.version;
            this.status = 'active';
            this.statusBadge.textContent = this.t('Status_active');
            this.numbersButton.hidden = this.config.canViewReports === false;
            this.showMessage(body.message || this.t('Published', { version: body.version }), 'success');
        } else if (status === 409) {
            this.conflict = true;
            clearTimeout(this.autosaveTimer);
            this.showConflict();
        } else {
            this.problems = body.problems || this.problems;
            this.showMessage(body.message || this.t('PublishFailed'), 'danger');
        }
        this.render();
    }

    async toggleNumbers() {
        this.showNumbers = !this.showNumbers;
        this.numbersButton.setAttribute('aria-pressed', String(this.showNumbers));
        if (this.showNumbers && this.liveVersion !== null) {
            const { ok, body } = await this.api.get('stats', { version: this.liveVersion });
            this.stats = ok ? body : { nodes: {} };
        }
        this.canvas.render();
    }

    async messageTemplates() {
        if (!this.templates) this.templates = this.api.get('messageTemplates').then(({ body }) => body.items || []);
        return this.templates;
    }

    /** The exit a branch end keeps: used by the delete chooser */
    exitTarget(id, exit) {
        return getExit(nodeMap(this.definition).get(id), exit);
    }
}
