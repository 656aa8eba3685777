import { flat, h, icon } from '../dom.js';
import { checkbox, field, list, number, select, text } from './fields.js';
import { scopeEditor } from './scope.js';

// The condition tree editor: all / any / not hold further conditions; every leaf type has its fields.
export const CONDITION_TYPES = ['all', 'any', 'not', 'ordersCount', 'amountSpent', 'daysSinceLastOrder', 'purchasedSinceEntry', 'hasTag', 'score',
    'funnelStage', 'newsletterConsent', 'country', 'language', 'store', 'customerRole', 'registered', 'cartValue', 'cartContains',
    'emailEngagement', 'popupEngagement', 'randomPercent', 'eventValue', 'eventContains'];

const DEFAULTS = {
    all: () => ({ conditions: [] }), any: () => ({ conditions: [] }), not: () => ({ condition: { type: 'hasTag' } }),
    ordersCount: () => ({ op: 'gte', value: 1 }), amountSpent: () => ({ op: 'gte', value: 100 }), daysSinceLastOrder: () => ({ op: 'gte', value: 30 }),
    score: () => ({ op: 'gte', value: 10 }), cartValue: () => ({ op: 'gte', value: 100 }), eventValue: () => ({ op: 'gte', value: 100 }),
    newsletterConsent: () => ({ subscribed: true }), registered: () => ({ registered: true }),
    emailEngagement: () => ({ engagement: 'opened' }), popupEngagement: () => ({ engagement: 'clicked' }), randomPercent: () => ({ percent: 50 })
};

export function newCondition(type) {
    return { type, ...(DEFAULTS[type] ? DEFAULTS[type]() : {}) };
}

/** Rewrites the object in place, so the parent keeps its reference. */
function retype(condition, type) {
    for (const property of Object.keys(condition)) delete condition[property];
    Object.assign(condition, newCondition(type));
}

const OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'];

export function conditionEditor(app, key, condition, depth = 0) {
    const t = app.t;
    const typeSelect = select(app, `${key}:type`, CONDITION_TYPES.map(type => [type, t(`Condition_${type}`)]), condition.type, value => retype(condition, value));
    const box = h('div', { class: `cfb-condition cfb-depth-${Math.min(depth, 4)}`, 'data-condition-type': condition.type }, field(t('ConditionType'), typeSelect));
    box.append(...flat(leafFields(app, key, condition, depth)));
    return box;
}

function leafFields(app, key, condition, depth) {
    const t = app.t;
    const op = () => field(t('Operator'), select(app, `${key}:op`, OPS.map(value => [value, t(`Op_${value}`)]), condition.op || 'gte', value => { condition.op = value; }, { redraw: false }));
    const value = () => field(t('Value'), number(app, `${key}:value`, condition, 'value'));
    const messageNodes = actionType => (app.definition.nodes || []).filter(node => node.type === 'action' && node.action?.type === actionType)
        .map(node => [node.id, `${node.title || node.action.template || node.id} (${node.id})`]);
    switch (condition.type) {
        case 'all': case 'any': {
            const children = condition.conditions || (condition.conditions = []);
            return [
                h('div', { class: 'cfb-children' }, children.map((child, index) => h('div', { class: 'cfb-child' },
                    conditionEditor(app, `${key}.${index}`, child, depth + 1),
                    h('button', {
                        type: 'button', class: 'btn btn-default btn-sm', 'aria-label': t('RemoveCondition', { number: index + 1 }),
                        onclick: () => app.edit(null, () => children.splice(index, 1))
                    }, icon('trash-alt'), ` ${t('Remove')}`)))),
                h('button', { type: 'button', class: 'btn btn-default btn-sm', 'data-action': 'add-condition', onclick: () => app.edit(null, () => children.push(newCondition('hasTag'))) }, icon('plus'), ` ${t('AddCondition')}`)
            ];
        }
        case 'not':
            if (!condition.condition) condition.condition = newCondition('hasTag');
            return [h('div', { class: 'cfb-children' }, conditionEditor(app, `${key}.not`, condition.condition, depth + 1))];
        case 'ordersCount': case 'amountSpent': {
            const period = condition.sinceEntry ? 'sinceEntry' : condition.withinDays !== undefined ? 'withinDays' : 'ever';
            const parts = [op(), value(), field(t('Period'), select(app, `${key}:period`, [['ever', t('PeriodEver')], ['withinDays', t('PeriodWithin')], ['sinceEntry', t('PeriodSinceEntry')]], period, choice => {
                delete condition.sinceEntry;
                delete condition.withinDays;
                if (choice === 'sinceEntry') condition.sinceEntry = true;
                if (choice === 'withinDays') condition.withinDays = 30;
            }))];
            if (period === 'withinDays') parts.push(field(t('WithinDays'), number(app, `${key}:days`, condition, 'withinDays', { min: 1, step: 1 })));
            return parts;
        }
        case 'daysSinceLastOrder': case 'score': case 'cartValue': case 'eventValue': return [op(), value()];
        case 'purchasedSinceEntry': case 'cartContains': case 'eventContains': return [scopeEditor(app, `${key}:scope`, condition)];
        case 'hasTag': return [field(t('Tag'), text(app, `${key}:tag`, condition, 'tag'))];
        case 'funnelStage': return [field(t('Stages'), list(app, `${key}:stages`, condition, 'stages'), t('CommaSeparated'))];
        case 'newsletterConsent': return [checkbox(app, `${key}:subscribed`, t('Subscribed'), condition.subscribed, checked => { condition.subscribed = checked; })];
        case 'country': return [field(t('Countries'), list(app, `${key}:countries`, condition, 'countries'), t('CountriesHelp'))];
        case 'language': return [field(t('Languages'), list(app, `${key}:languages`, condition, 'languages'), t('CommaSeparated'))];
        case 'store': return [field(t('StoreIds'), list(app, `${key}:stores`, condition, 'storeIds', true), t('CommaSeparated'))];
        case 'customerRole': return [field(t('Roles'), list(app, `${key}:roles`, condition, 'roles'), t('RolesHelp'))];
        case 'registered': return [checkbox(app, `${key}:registered`, t('RegisteredCustomer'), condition.registered, checked => { condition.registered = checked; })];
        case 'emailEngagement': case 'popupEngagement': {
            const engagements = condition.type === 'emailEngagement' ? ['opened', 'clicked'] : ['shown', 'clicked', 'dismissed'];
            return [
                field(t('MessageStep'), select(app, `${key}:node`, [['', t('AnyMessage')], ...messageNodes(condition.type === 'emailEngagement' ? 'sendEmail' : 'showPopup')], condition.nodeId ?? '', choice => {
                    if (choice) condition.nodeId = choice;
                    else delete condition.nodeId;
                })),
                field(t('Engagement'), select(app, `${key}:engagement`, engagements.map(item => [item, t(`Engagement_${item}`)]), condition.engagement, choice => { condition.engagement = choice; }))
            ];
        }
        case 'randomPercent': return [field(t('Percent'), number(app, `${key}:percent`, condition, 'percent', { min: 0, max: 100 }))];
        default: return [];
    }
}
