import { flat, h, icon } from '../dom.js';
import { checkbox, durationField, field, number, select, text } from './fields.js';

const PAGES = ['home', 'product', 'category', 'search', 'cart', 'checkout', 'account', 'other'];

export function actionForm(app, node) {
    const action = node.action;
    const t = app.t;
    const key = `${node.id}:action`;
    switch (action.type) {
        case 'sendEmail': return emailForm(app, node, action, key);
        case 'showPopup': return popupForm(app, action, key);
        case 'webhook': return webhookForm(app, action, key);
        case 'addTag': case 'removeTag': return [field(t('Tag'), text(app, `${key}:tag`, action, 'tag'))];
        case 'changeScore': return [field(t('ScoreDelta'), number(app, `${key}:delta`, action, 'delta', { step: 1 }), t('ScoreDeltaHelp'))];
        case 'setFunnelStage': return [field(t('FunnelStage'), text(app, `${key}:stage`, action, 'stage'))];
        case 'alertStaff': return [
            field(t('AlertMessage'), text(app, `${key}:message`, action, 'message', { multiline: true })),
            field(t('AlertRecipient'), text(app, `${key}:recipient`, action, 'recipient', { type: 'email' }), t('AlertRecipientHelp'))];
        case 'createCoupon': return couponForm(app, action, key);
        default: return [];
    }
}

/** A select filled from the server's message template list (once per page); an unknown saved name stays selectable. */
function templateSelect(app, key, action, onChosen) {
    const t = app.t;
    const element = h('select', { class: 'form-control form-control-sm', 'data-field': key, 'aria-busy': 'true' },
        h('option', { value: '', text: action.template || t('ChooseTemplate') }));
    app.messageTemplates().then(items => {
        const options = items.map(item => h('option', { value: item.name, text: item.title ? `${item.title} (${item.name})` : item.name, selected: item.name === action.template }));
        const known = items.some(item => item.name === action.template);
        element.replaceChildren(...flat(
            known ? null : h('option', { value: action.template || '', text: action.template ? t('TemplateNotFound', { name: action.template }) : t('ChooseTemplate'), selected: true }),
            options));
        element.removeAttribute('aria-busy');
        onChosen?.(items.find(item => item.name === action.template));
    });
    element.addEventListener('change', () => app.edit(null, () => {
        if (element.value) action.template = element.value;
        else delete action.template;
    }, { panel: false }));
    element.addEventListener('change', () => app.messageTemplates().then(items => onChosen?.(items.find(item => item.name === element.value))));
    return element;
}

function emailForm(app, node, action, key) {
    const t = app.t;
    const edit = h('a', { class: 'btn btn-link btn-sm cfb-edit-template', target: '_blank', rel: 'noopener', hidden: true }, icon('external-link-alt'), ` ${t('EditTemplate')}`);
    const result = h('div', { class: 'cfb-test-result', role: 'status' });
    const send = h('button', {
        type: 'button', class: 'btn btn-default btn-sm', 'data-action': 'send-test', onclick: async () => {
            result.textContent = t('Sending');
            const { body } = await app.api.post('testEmail', { nodeId: node.id, definition: app.definition });
            result.textContent = body.message || (body.ok ? t('TestSent') : t('TestFailed'));
            result.className = `cfb-test-result ${body.ok ? 'text-success' : 'text-danger'}`;
        }
    }, icon('paper-plane'), ` ${t('SendTest')}`);
    const select = templateSelect(app, `${key}:template`, action, item => {
        edit.hidden = !item?.editUrl;
        if (item?.editUrl) edit.href = item.editUrl;
    });
    return [
        field(t('MessageTemplate'), select),
        edit,
        field(t('EmailCategory'), selectCategory(app, key, action), t('EmailCategoryHelp')),
        h('div', { class: 'cfb-test' }, send, result)
    ];
}

function selectCategory(app, key, action) {
    const t = app.t;
    return select(app, `${key}:category`, [['marketing', t('Category_marketing')], ['transactional', t('Category_transactional')]], action.category || 'marketing', value => { action.category = value; }, { redraw: false });
}

function popupForm(app, action, key) {
    const t = app.t;
    const frame = h('iframe', { class: 'cfb-preview-frame', title: t('PopupPreview'), sandbox: '' });
    const preview = h('div', { class: 'cfb-preview card', 'aria-live': 'polite' }, h('div', { class: 'card-header', text: t('PopupPreview') }), frame);
    const showPreview = async name => {
        if (!name) {
            frame.srcdoc = '';
            return;
        }
        const { ok, body } = await app.api.post('popupPreview', { template: name });
        // the template's HTML is shown in a sandboxed frame: no script of it runs inside the admin page
        if (ok && body.ok !== false) frame.srcdoc = `<!DOCTYPE html><meta charset="utf-8"><body style="font-family:sans-serif;margin:8px"><h3 style="margin:0 0 6px">${escapeHtml(body.title || '')}</h3>${body.bodyHtml || ''}</body>`;
        // the shop could not render the template (missing, inactive, no e-mail account): say why instead of a blank frame
        else frame.srcdoc = `<!DOCTYPE html><meta charset="utf-8"><body style="font-family:sans-serif;margin:8px;color:#a94442">${escapeHtml(body.message || app.t('PreviewFailed'))}</body>`;
        frame.dataset.previewTitle = body.title || '';
    };
    const chooser = templateSelect(app, `${key}:template`, action);
    chooser.addEventListener('change', () => showPreview(chooser.value));
    showPreview(action.template);
    const display = () => action.display || {};
    const displayTarget = (create, tidy) => {
        if (tidy) {
            if (action.display && !Object.keys(action.display).length) delete action.display;
            return undefined;
        }
        if (create && !action.display) action.display = {};
        return action.display;
    };
    const pages = new Set(display().pages || []);
    const show = display().show || 'onLoad';
    return [
        field(t('PopupTemplate'), chooser),
        durationField(app, t('ExpiresAfter'), `${key}:expires`, action, 'expiresAfter', t('ExpiresAfterHelp')),
        h('fieldset', { class: 'cfb-section' }, h('legend', { class: 'cfb-legend', text: t('DisplayRules') }),
            h('fieldset', { class: 'cfb-pages' }, h('legend', { class: 'cfb-legend small', text: t('DisplayPages') }),
                PAGES.map(page => checkbox(app, `${key}:page:${page}`, t(`Page_${page}`), pages.has(page), checked => {
                    const chosen = new Set(action.display?.pages || []);
                    if (checked) chosen.add(page);
                    else chosen.delete(page);
                    const target = displayTarget(true);
                    if (chosen.size) target.pages = PAGES.filter(item => chosen.has(item));
                    else delete target.pages;
                    displayTarget(true, true);
                })),
                h('small', { class: 'form-text text-muted', text: t('DisplayPagesHelp') })),
            field(t('DisplayShow'), select(app, `${key}:show`, ['onLoad', 'afterDelay', 'onScroll', 'onExitIntent'].map(value => [value, t(`Show_${value}`)]), show, value => {
                const target = displayTarget(true);
                target.show = value;
                if (value !== 'afterDelay') delete target.delaySeconds;
                if (value !== 'onScroll') delete target.scrollPercent;
                if (value === 'afterDelay') target.delaySeconds = target.delaySeconds ?? 10;
                if (value === 'onScroll') target.scrollPercent = target.scrollPercent ?? 50;
            })),
            show === 'afterDelay' ? field(t('DelaySeconds'), number(app, `${key}:delaySeconds`, displayTarget, 'delaySeconds', { min: 1, max: 600, step: 1 })) : null,
            show === 'onScroll' ? field(t('ScrollPercent'), number(app, `${key}:scroll`, displayTarget, 'scrollPercent', { min: 1, max: 100, step: 1 })) : null,
            field(t('MaxShows'), number(app, `${key}:maxShows`, displayTarget, 'maxShows', { min: 1, max: 20, step: 1 }), t('MaxShowsHelp')),
            durationField(app, t('MinInterval'), `${key}:minInterval`, displayTarget, 'minInterval', t('MinIntervalHelp'))),
        preview
    ];
}

function webhookForm(app, action, key) {
    const t = app.t;
    const result = h('div', { class: 'cfb-test-result', role: 'status' });
    const url = text(app, `${key}:url`, action, 'url', { type: 'url', placeholder: 'https://' });
    return [
        field(t('WebhookUrl'), url),
        field(t('WebhookEventName'), text(app, `${key}:eventName`, action, 'eventName')),
        h('div', { class: 'form-group' },
            checkbox(app, `${key}:messagesCustomer`, t('WebhookMessagesCustomer'), action.messagesCustomer, checked => {
                if (checked) action.messagesCustomer = true;
                else delete action.messagesCustomer;
            }),
            h('small', { class: 'form-text text-muted', text: t('WebhookMessagesCustomerHelp') })),
        h('div', { class: 'cfb-test' }, h('button', {
            type: 'button', class: 'btn btn-default btn-sm', 'data-action': 'test-webhook', onclick: async () => {
                result.textContent = t('Calling');
                const { body } = await app.api.post('testWebhook', { url: action.url || '' });
                result.textContent = t('WebhookResult', { status: body.status ?? '?', message: body.message || '' });
                result.className = `cfb-test-result ${body.ok ? 'text-success' : 'text-danger'}`;
            }
        }, icon('satellite-dish'), ` ${t('TestCall')}`), result)
    ];
}

function couponForm(app, action, key) {
    const t = app.t;
    const byAmount = action.amount !== undefined;
    return [
        field(t('CouponKind'), select(app, `${key}:kind`, [['percent', t('CouponPercent')], ['amount', t('CouponAmount')]], byAmount ? 'amount' : 'percent', value => {
            if (value === 'amount') {
                delete action.percent;
                delete action.maxDiscountAmount;
                action.amount = 10;
            } else {
                delete action.amount;
                action.percent = 10;
            }
            reorder(action);
        })),
        byAmount
            ? field(t('CouponAmountValue'), number(app, `${key}:amount`, action, 'amount', { min: 0 }))
            : field(t('CouponPercentValue'), number(app, `${key}:percent`, action, 'percent', { min: 0, max: 100 })),
        durationField(app, t('ValidFor'), `${key}:validFor`, action, 'validFor', t('DurationHelp')),
        byAmount ? null : field(t('MaxDiscountAmount'), number(app, `${key}:max`, action, 'maxDiscountAmount', { min: 0 }), t('MaxDiscountHelp'))
    ];
}

// keeps "type" first, so a saved coupon reads like the documentation's examples
function reorder(action) {
    const copy = { ...action };
    for (const property of Object.keys(action)) delete action[property];
    Object.assign(action, { type: copy.type }, copy);
}

function escapeHtml(value) {
    return value.replace(/[&<>"']/g, character => `&#${character.charCodeAt(0)};`);
}
