import { flat, h, icon } from './dom.js';
import { kindIcon, kindText } from './describe.js';
import { ACTION_TYPES, STEP_TYPES } from './model.js';

// The menu of a "+" point: every step and action type, plus Paste after a Cut. Arrow keys move, Esc closes.
export class InsertMenu {
    constructor(app) {
        this.app = app;
        this.element = h('div', { class: 'cfb-insert-menu dropdown-menu', role: 'menu', 'aria-label': app.t('InsertMenu'), hidden: true });
        this.element.addEventListener('keydown', event => this.keydown(event));
        document.addEventListener('pointerdown', event => {
            if (this.isOpen && !this.element.contains(event.target) && event.target !== this.anchor) this.close(false);
        });
    }

    get isOpen() {
        return !this.element.hidden;
    }

    open(from, exit, anchor) {
        const app = this.app;
        const t = app.t;
        this.anchor = anchor;
        const hasTarget = app.exitTarget(from, exit) !== undefined;
        const item = (kind, disabled, hint) => h('button', {
            type: 'button', role: 'menuitem', class: 'dropdown-item cfb-menu-item', 'data-kind': kind,
            disabled: disabled || undefined, title: hint,
            onclick: () => { this.close(false); app.insert(from, exit, kind); }
        }, icon(kindIcon(kind)), ` ${kindText(t, kind)}`, hint ? h('small', { class: 'text-muted d-block', text: hint }) : null);
        this.element.replaceChildren(...flat(
            // a menu may own only groups, items and separators: each header labels its group
            h('div', { role: 'group', 'aria-label': t('MenuSteps') },
                h('div', { class: 'dropdown-header', 'aria-hidden': 'true', text: t('MenuSteps') }),
                STEP_TYPES.map(kind => (kind === 'end' && hasTarget ? item(kind, true, t('EndOnlyAtBranchEnd')) : item(kind)))),
            h('div', { class: 'dropdown-divider', role: 'separator' }),
            h('div', { role: 'group', 'aria-label': t('MenuActions') },
                h('div', { class: 'dropdown-header', 'aria-hidden': 'true', text: t('MenuActions') }),
                ACTION_TYPES.map(kind => item(kind))),
            app.clipboard ? [h('div', { class: 'dropdown-divider', role: 'separator' }),
                h('button', { type: 'button', role: 'menuitem', class: 'dropdown-item', 'data-kind': 'paste', onclick: () => { this.close(false); app.paste(from, exit); } }, icon('paste'), ` ${t('Paste')}`)] : null));
        const rect = anchor.getBoundingClientRect();
        const rootRect = app.root.getBoundingClientRect();
        this.element.hidden = false;
        this.element.classList.add('show');
        const top = Math.min(rect.bottom - rootRect.top + 4, Math.max(0, app.root.clientHeight - this.element.offsetHeight));
        this.element.style.left = `${rect.left - rootRect.left}px`;
        this.element.style.top = `${top}px`;
        anchor.setAttribute('aria-expanded', 'true');
        this.items()[0]?.focus();
    }

    items() {
        return [...this.element.querySelectorAll('[role="menuitem"]:not([disabled])')];
    }

    close(returnFocus) {
        this.element.hidden = true;
        this.element.classList.remove('show');
        this.anchor?.setAttribute('aria-expanded', 'false');
        if (returnFocus) this.anchor?.focus();
    }

    keydown(event) {
        const items = this.items();
        const index = items.indexOf(document.activeElement);
        if (event.key === 'ArrowDown') items[(index + 1) % items.length].focus();
        else if (event.key === 'ArrowUp') items[(index - 1 + items.length) % items.length].focus();
        else if (event.key === 'Home') items[0].focus();
        else if (event.key === 'End') items[items.length - 1].focus();
        else if (event.key === 'Tab') this.close(false);
        else return;
        event.preventDefault();
    }
}
