import { flat, h, icon } from './dom.js';
import { exitLabel, nodeKindText } from './describe.js';
import { exitsOf, isSingleExit } from './model.js';
import { actionForm } from './forms/actions.js';
import { field, text } from './forms/fields.js';
import { settingsForm } from './forms/settings.js';
import { filterForm, jumpForm, splitForm, waitForm } from './forms/steps.js';
import { triggerForm } from './forms/trigger.js';

// The side panel: the selected step's form (or the flow settings), its problems and its step commands.
export class Panel {
    constructor(app) {
        this.app = app;
    }

    render() {
        const app = this.app;
        const region = app.panelRegion;
        const active = document.activeElement;
        const keepFocus = region.contains(active) ? active.dataset?.field : null;
        region.hidden = !app.panelMode;
        if (!app.panelMode) {
            region.replaceChildren();
            return;
        }
        const t = app.t;
        const node = app.selectedNode();
        const heading = app.panelMode === 'settings' ? t('FlowSettings') : `${nodeKindText(t, node)}${node.title ? `: ${node.title}` : ''}`;
        this.problemList = h('div', { class: 'cfb-panel-problems' });
        this.deleteChooser = h('div', { class: 'cfb-delete-chooser' });
        const body = h('div', { class: 'card-body cfb-panel-body' }, this.problemList);
        const fieldset = h('fieldset', { disabled: app.readOnly || undefined, class: 'cfb-form' });
        if (app.panelMode === 'settings') fieldset.append(...flat(settingsForm(app)));
        else fieldset.append(...flat(this.nodeForm(node)));
        body.append(fieldset);
        if (app.panelMode === 'node' && node.type !== 'start' && !app.readOnly) body.append(this.commands(node), this.deleteChooser);
        region.replaceChildren(
            h('div', { class: 'card-header cfb-panel-header' },
                h('h3', { class: 'card-title', id: 'cfb-panel-title', text: heading }),
                h('button', { type: 'button', class: 'btn btn-default btn-sm cfb-close', 'aria-label': t('ClosePanel'), onclick: () => app.closePanel() }, icon('times'))),
            body);
        this.renderProblems();
        if (keepFocus) region.querySelector(`[data-field="${CSS.escape(keepFocus)}"]`)?.focus();
    }

    nodeForm(node) {
        const app = this.app;
        const t = app.t;
        const parts = [field(t('StepTitle'), text(app, `${node.id}:title`, node, 'title'), t('StepTitleHelp'))];
        switch (node.type) {
            case 'start': parts.push(...triggerForm(app, node)); break;
            case 'filter': parts.push(...filterForm(app, node)); break;
            case 'wait': parts.push(...waitForm(app, node)); break;
            case 'split': parts.push(...splitForm(app, node)); break;
            case 'jump': parts.push(...jumpForm(app, node)); break;
            case 'action': parts.push(...actionForm(app, node)); break;
            case 'end': parts.push(h('p', { class: 'text-muted', text: t('EndHelp') })); break;
            default: break;
        }
        return parts;
    }

    commands(node) {
        const app = this.app;
        const t = app.t;
        const single = isSingleExit(node) || node.type === 'end';
        const button = (name, iconName, onclick, disabled, hint) => h('button', {
            type: 'button', class: 'btn btn-default btn-sm', 'data-action': name, onclick, disabled: disabled || undefined, title: hint
        }, icon(iconName), ` ${t(name)}`);
        return h('div', { class: 'cfb-commands btn-group', role: 'group', 'aria-label': t('StepCommands') },
            button('Duplicate', 'copy', () => app.duplicate(node.id), !isSingleExit(node), isSingleExit(node) ? undefined : t('OnlySingleExit')),
            button('Cut', 'cut', () => app.cut(node.id), !isSingleExit(node), isSingleExit(node) ? undefined : t('OnlySingleExit')),
            h('button', { type: 'button', class: 'btn btn-danger btn-sm', 'data-action': 'Delete', onclick: () => (single ? app.deleteStep(node.id) : this.askDelete()) }, icon('trash-alt'), ` ${t('Delete')}`));
    }

    /** A branching step: the admin picks the exit whose steps stay; the others' steps go. */
    askDelete() {
        const app = this.app;
        const t = app.t;
        const node = app.selectedNode();
        if (!node || !this.deleteChooser) return;
        const exits = exitsOf(node);
        this.deleteChooser.replaceChildren(h('div', { class: 'alert alert-warning', role: 'group', 'aria-label': t('KeepWhichExit') },
            h('p', { text: t('KeepWhichExit') }),
            exits.map(exit => h('button', {
                type: 'button', class: 'btn btn-default btn-sm mr-1 mb-1', 'data-keep': exit,
                onclick: () => app.deleteStep(node.id, exit)
            }, t('KeepExit', { exit: exitLabel(t, node, exit) }))),
            h('button', { type: 'button', class: 'btn btn-link btn-sm', onclick: () => this.deleteChooser.replaceChildren() }, t('Cancel'))));
        this.deleteChooser.querySelector('button')?.focus();
    }

    renderProblems() {
        const app = this.app;
        if (!this.problemList) return;
        const problems = app.panelMode === 'node' ? app.problemsFor(app.selectedId) : [];
        this.problemList.replaceChildren();
        if (problems.length) this.problemList.append(h('div', { class: 'alert alert-danger', role: 'alert' },
            h('strong', { text: app.t('StepProblems') }),
            h('ul', { class: 'mb-0' }, problems.map(problem => h('li', { 'data-problem-code': problem.code, text: problem.message })))));
    }
}
