import { h, uid } from '../dom.js';
import { durationWords, parseDuration } from '../describe.js';

// Form controls bound to one property of the draft. Typing goes through app.edit with a key, so one field's
// keystrokes are one undo step; choices (selects, checkboxes) are one step each.

export function assign(target, property, value) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0 && property !== 'conditions')) delete target[property];
    else target[property] = value;
}

// A target may be a function (create) => object, for a sub-object that exists only once one of its fields is set
function peek(target) {
    return typeof target === 'function' ? target(false) || {} : target;
}

function write(target, property, value) {
    if (typeof target !== 'function') return assign(target, property, value);
    assign(target(true), property, value);
    target(true, true);
}

export function field(label, control, help) {
    // a composite control (a duration with its words) names the input the label is for
    const input = control.input || control;
    const id = input.id || (input.id = uid('field'));
    const helpElement = help ? h('small', { class: 'form-text text-muted', id: `${id}-help` }, help) : null;
    if (helpElement) input.setAttribute('aria-describedby', helpElement.id);
    return h('div', { class: 'form-group' }, h('label', { for: id, text: label }), control, helpElement);
}

export function text(app, key, target, property, options = {}) {
    const input = h(options.multiline ? 'textarea' : 'input', {
        class: 'form-control form-control-sm', type: options.multiline ? undefined : options.type || 'text',
        value: peek(target)[property] ?? '', placeholder: options.placeholder, 'data-field': key, rows: options.multiline ? 3 : undefined
    });
    if (options.multiline) input.value = peek(target)[property] ?? '';
    input.addEventListener('input', () => app.edit(key, () => write(target, property, input.value.trim() === '' ? undefined : (options.parse ? options.parse(input.value) : input.value))));
    return input;
}

export function number(app, key, target, property, options = {}) {
    const input = h('input', { class: 'form-control form-control-sm', type: 'number', value: peek(target)[property] ?? '', step: options.step || 'any', min: options.min, max: options.max, 'data-field': key });
    input.addEventListener('input', () => {
        const value = input.value === '' ? undefined : Number(input.value);
        if (value !== undefined && Number.isNaN(value)) return;
        app.edit(key, () => write(target, property, value));
    });
    return input;
}

/** A select; `apply(value)` may rewrite more than one property (switching a type), so it redraws the panel. */
export function select(app, key, choices, value, apply, options = {}) {
    const element = h('select', { class: 'form-control form-control-sm', 'data-field': key },
        choices.map(([choice, label]) => h('option', { value: choice, text: label, selected: choice === value })));
    if (value === undefined && options.empty) element.prepend(h('option', { value: '', text: options.empty, selected: true }));
    element.addEventListener('change', () => app.edit(null, () => apply(element.value === '' ? undefined : element.value), { panel: options.redraw !== false }));
    return element;
}

export function checkbox(app, key, label, checked, apply) {
    const id = uid('check');
    const input = h('input', { type: 'checkbox', class: 'custom-control-input', id, checked: !!checked, 'data-field': key });
    input.addEventListener('change', () => app.edit(null, () => apply(input.checked)));
    return h('div', { class: 'custom-control custom-checkbox' }, input, h('label', { class: 'custom-control-label', for: id, text: label }));
}

export function duration(app, key, target, property) {
    const input = h('input', { class: 'form-control form-control-sm cfb-duration', type: 'text', value: target[property] ?? '', placeholder: '1d12h', 'data-field': key, spellcheck: 'false' });
    const words = h('small', { class: 'form-text cfb-duration-words', 'aria-live': 'polite' });
    const show = () => {
        const valid = input.value === '' || parseDuration(input.value) !== undefined;
        words.textContent = input.value === '' ? '' : valid ? `= ${durationWords(app.t, input.value)}` : app.t('NotADuration');
        words.classList.toggle('text-danger', !valid);
        words.classList.toggle('text-muted', valid);
        input.classList.toggle('is-invalid', !valid);
    };
    input.addEventListener('input', () => {
        show();
        // the raw text is kept even when it is not yet a duration, so what the admin typed is what the server judges
        app.edit(key, () => assign(target, property, input.value.trim() === '' ? undefined : input.value.trim()));
    });
    show();
    return Object.assign(h('div', { class: 'cfb-duration-field' }, input, words), { input });
}

export function durationField(app, label, key, target, property, help) {
    return field(label, duration(app, key, target, property), help);
}

/** Comma-separated list ("1, 2"): numbers for store ids, text for tags, countries, roles. */
export function list(app, key, target, property, numbers) {
    const input = h('input', { class: 'form-control form-control-sm', type: 'text', value: (peek(target)[property] || []).join(', '), 'data-field': key });
    input.addEventListener('input', () => {
        const items = input.value.split(',').map(item => item.trim()).filter(Boolean);
        const values = numbers ? items.map(Number).filter(item => Number.isInteger(item)) : items;
        app.edit(key, () => write(target, property, values.length ? values : undefined));
    });
    return input;
}

export function section(title, ...children) {
    return h('fieldset', { class: 'cfb-section' }, h('legend', { class: 'cfb-legend', text: title }), children);
}
