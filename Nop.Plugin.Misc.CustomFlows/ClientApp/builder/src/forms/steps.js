import { h, icon } from '../dom.js';
import { WEEKDAYS, waitSummary, nodeKindText } from '../describe.js';
import { checkbox, durationField, field, number, select, text } from './fields.js';
import { conditionEditor } from './condition.js';
import { scopeEditor } from './scope.js';

const WAIT_EVENTS = ['email_opened', 'email_clicked', 'popup_shown', 'popup_clicked', 'popup_dismissed', 'product_viewed', 'cart_updated', 'order_placed', 'order_paid', 'tag_added', 'custom'];
const SCOPED = ['product_viewed', 'cart_updated', 'order_placed', 'order_paid'];

export function filterForm(app, node) {
    if (!node.condition) node.condition = { type: 'all', conditions: [] };
    return [conditionEditor(app, `${node.id}:condition`, node.condition)];
}

export function waitForm(app, node) {
    const t = app.t;
    const key = node.id;
    const isEvent = node.untilEvent !== undefined;
    const parts = [field(t('WaitKind'), select(app, `${key}:kind`, [['time', t('WaitKindTime')], ['event', t('WaitKindEvent')]], isEvent ? 'event' : 'time', value => {
        if (value === 'event') {
            for (const property of ['delay', 'untilTimeOfDay', 'onWeekdays']) delete node[property];
            node.untilEvent = { event: 'email_clicked' };
            node.timeout = '1d';
        } else {
            for (const property of ['untilEvent', 'timeout', 'onEvent']) delete node[property];
            node.delay = '1d';
        }
    }))];
    if (!isEvent) {
        const summary = h('p', { class: 'cfb-wait-words alert alert-light', 'aria-live': 'polite', text: waitSummary(t, node) });
        const refresh = () => queueMicrotask(() => { summary.textContent = waitSummary(t, node); });
        const days = new Set(node.onWeekdays || []);
        const dayBoxes = h('fieldset', { class: 'cfb-weekdays' }, h('legend', { class: 'cfb-legend', text: t('OnWeekdays') }),
            WEEKDAYS.map(day => checkbox(app, `${key}:day:${day}`, t(`Weekday_${day}`), days.has(day), checked => {
                const chosen = new Set(node.onWeekdays || []);
                if (checked) chosen.add(day);
                else chosen.delete(day);
                if (chosen.size) node.onWeekdays = WEEKDAYS.filter(item => chosen.has(item));
                else delete node.onWeekdays;
            })));
        const time = text(app, `${key}:time`, node, 'untilTimeOfDay', { type: 'time' });
        const delay = durationField(app, t('Delay'), `${key}:delay`, node, 'delay', t('DurationHelp'));
        for (const element of [delay, time, dayBoxes]) element.addEventListener('input', refresh);
        dayBoxes.addEventListener('change', refresh);
        parts.push(delay, field(t('UntilTimeOfDay'), time, t('UntilTimeHelp')), dayBoxes, summary);
        return parts;
    }
    const until = node.untilEvent;
    const messageStep = until.event?.startsWith('email_') ? 'sendEmail' : until.event?.startsWith('popup_') ? 'showPopup' : null;
    parts.push(field(t('WaitForEvent'), select(app, `${key}:event`, WAIT_EVENTS.map(name => [name, t(`Event_${name}`)]), until.event, value => {
        until.event = value;
        if (!SCOPED.includes(value)) delete until.scope;
        if (value !== 'custom') delete until.eventName;
        if (!value.startsWith('email_') && !value.startsWith('popup_')) delete until.nodeId;
    })));
    if (messageStep) {
        const options = (app.definition.nodes || []).filter(other => other.type === 'action' && other.action?.type === messageStep)
            .map(other => [other.id, `${other.title || other.action.template || other.id} (${other.id})`]);
        parts.push(field(t('MessageStep'), select(app, `${key}:node`, [['', t('AnyMessage')], ...options], until.nodeId ?? '', value => {
            if (value) until.nodeId = value;
            else delete until.nodeId;
        })));
    }
    if (SCOPED.includes(until.event)) parts.push(scopeEditor(app, `${key}:scope`, until));
    if (until.event === 'custom') parts.push(field(t('EventName'), text(app, `${key}:eventName`, until, 'eventName')));
    parts.push(durationField(app, t('Timeout'), `${key}:timeout`, node, 'timeout', t('TimeoutHelp')));
    return parts;
}

export function splitForm(app, node) {
    const t = app.t;
    const branches = node.branches || (node.branches = []);
    const total = branches.reduce((sum, branch) => sum + (Number(branch.weight) || 0), 0);
    const totalText = h('p', { class: `cfb-split-total ${total === 100 ? 'text-success' : 'text-danger'}`, 'aria-live': 'polite', 'data-total': total },
        total === 100 ? t('WeightsOk') : t('WeightsMustAddUp', { total }));
    const rows = branches.map((branch, index) => {
        const weight = number(app, `${node.id}:branch:${index}:weight`, branch, 'weight', { min: 0, max: 100, step: 1 });
        weight.addEventListener('input', () => {
            const sum = branches.reduce((value, item) => value + (Number(item.weight) || 0), 0);
            totalText.textContent = sum === 100 ? t('WeightsOk') : t('WeightsMustAddUp', { total: sum });
            totalText.className = `cfb-split-total ${sum === 100 ? 'text-success' : 'text-danger'}`;
        });
        return h('fieldset', { class: 'cfb-branch' }, h('legend', { class: 'cfb-legend', text: t('BranchNumber', { number: index + 1 }) }),
            field(t('BranchName'), text(app, `${node.id}:branch:${index}:name`, branch, 'name')),
            field(t('WeightPercent'), weight),
            checkbox(app, `${node.id}:branch:${index}:holdout`, t('HoldoutToggle'), branch.holdout, checked => {
                if (checked) branch.holdout = true;
                else delete branch.holdout;
            }),
            branches.length > 2 ? h('button', {
                type: 'button', class: 'btn btn-default btn-sm', onclick: () => app.edit(null, definition => {
                    branches.splice(index, 1);
                    app.prune(definition);
                })
            }, icon('trash-alt'), ` ${t('RemoveBranch')}`) : null);
    });
    return [...rows, totalText, h('button', {
        type: 'button', class: 'btn btn-default btn-sm', 'data-action': 'add-branch',
        onclick: () => app.edit(null, () => branches.push({ name: String.fromCharCode(65 + branches.length), weight: 0 }))
    }, icon('plus'), ` ${t('AddBranch')}`)];
}

export function jumpForm(app, node) {
    const t = app.t;
    const choices = (app.definition.nodes || []).filter(other => other.id !== node.id && other.type !== 'end')
        .map(other => [other.id, `${other.title || nodeKindText(t, other)} (${other.id})`]);
    return [
        field(t('JumpTarget'), select(app, `${node.id}:target`, choices, node.target, value => { node.target = value; }, { empty: t('ChooseStep') }), t('JumpTargetHelp')),
        field(t('MaxRepetitions'), number(app, `${node.id}:max`, node, 'maxRepetitions', { min: 1, step: 1 }), t('MaxRepetitionsHelp'))
    ];
}
