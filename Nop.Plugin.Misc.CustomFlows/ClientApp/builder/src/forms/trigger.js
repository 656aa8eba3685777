import { h } from '../dom.js';
import { checkbox, durationField, field, list, number, section, select, text } from './fields.js';
import { scopeEditor } from './scope.js';

export const TRIGGER_EVENTS = ['product_viewed', 'cart_updated', 'order_placed', 'order_paid', 'customer_registered', 'newsletter_subscribed', 'date', 'tag_added', 'custom'];
const SCOPED = ['product_viewed', 'cart_updated', 'order_placed', 'order_paid'];
// properties that belong to one event only; switching the event drops the others, which would only mislead
const OWN = { cartChange: ['cart_updated'], abandonedAfterMinutes: ['cart_updated'], dateField: ['date'], offsetDays: ['date'], annual: ['date'], tag: ['tag_added'], eventName: ['custom'], scope: SCOPED };

export function triggerForm(app, node) {
    const t = app.t;
    const trigger = node.trigger || (node.trigger = {});
    const key = `${node.id}:trigger`;
    const event = trigger.event;
    const parts = [field(t('TriggerEvent'), select(app, `${key}:event`, TRIGGER_EVENTS.map(name => [name, t(`Event_${name}`)]), event, value => {
        trigger.event = value;
        for (const [property, events] of Object.entries(OWN)) if (!events.includes(value)) delete trigger[property];
        if (value === 'cart_updated' && !trigger.cartChange) trigger.cartChange = 'any';
    }, { empty: t('ChooseEvent') }))];
    if (SCOPED.includes(event)) parts.push(scopeEditor(app, `${key}:scope`, trigger));
    if (event === 'cart_updated') {
        parts.push(field(t('CartChange'), select(app, `${key}:cartChange`, ['any', 'itemAdded', 'itemRemoved', 'abandoned'].map(value => [value, t(`CartChange_${value}`)]), trigger.cartChange || 'any', value => {
            trigger.cartChange = value;
            if (value === 'abandoned' && trigger.abandonedAfterMinutes === undefined) trigger.abandonedAfterMinutes = 60;
            if (value !== 'abandoned') delete trigger.abandonedAfterMinutes;
        })));
        if (trigger.cartChange === 'abandoned') parts.push(field(t('AbandonedAfterMinutes'), number(app, `${key}:minutes`, trigger, 'abandonedAfterMinutes', { min: 1, step: 1 }), t('AbandonedAfterHelp')));
    }
    if (event === 'date') {
        parts.push(field(t('DateField'), text(app, `${key}:dateField`, trigger, 'dateField', { placeholder: 'birthday' }), t('DateFieldHelp')));
        parts.push(field(t('OffsetDays'), number(app, `${key}:offset`, trigger, 'offsetDays', { step: 1 }), t('OffsetDaysHelp')));
        parts.push(checkbox(app, `${key}:annual`, t('Annual'), trigger.annual, checked => { trigger.annual = checked; }));
    }
    if (event === 'tag_added') parts.push(field(t('Tag'), text(app, `${key}:tag`, trigger, 'tag')));
    if (event === 'custom') parts.push(field(t('EventName'), text(app, `${key}:eventName`, trigger, 'eventName')));
    // the filters object appears only while one of its fields has a value
    const filters = (create, tidy) => {
        if (tidy) {
            if (trigger.filters && !Object.keys(trigger.filters).length) delete trigger.filters;
            return undefined;
        }
        if (create && !trigger.filters) trigger.filters = {};
        return trigger.filters;
    };
    const filterField = (label, property) => field(label, number(app, `${key}:filters:${property}`, filters, property, { min: 0 }));
    parts.push(section(t('EventFilters'),
        h('div', { class: 'form-row' },
            h('div', { class: 'col' }, filterField(t('MinValue'), 'minValue')), h('div', { class: 'col' }, filterField(t('MaxValue'), 'maxValue'))),
        h('div', { class: 'form-row' },
            h('div', { class: 'col' }, filterField(t('MinQuantity'), 'minQuantity')), h('div', { class: 'col' }, filterField(t('MaxQuantity'), 'maxQuantity'))),
        field(t('StoreIds'), list(app, `${key}:filters:stores`, filters, 'storeIds', true), t('StoreIdsHelp'))));
    return parts;
}
