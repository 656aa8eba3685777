import { isEventWait, kindOf } from './model.js';

// Words for the canvas and the panel: every visible string goes through the texts dictionary.

const ICONS = {
    start: 'play', filter: 'filter', waitTime: 'clock', waitEvent: 'hourglass-half', split: 'code-branch', jump: 'undo', end: 'stop',
    sendEmail: 'envelope', showPopup: 'window-maximize', webhook: 'plug', addTag: 'tag', removeTag: 'eraser',
    changeScore: 'star-half-alt', setFunnelStage: 'layer-group', alertStaff: 'bell', createCoupon: 'ticket-alt'
};

export function kindIcon(kind) {
    return ICONS[kind] || 'question';
}

export function nodeIcon(node) {
    return kindIcon(kindOf(node));
}

export function kindText(t, kind) {
    return t(`Kind_${kind}`);
}

export function nodeKindText(t, node) {
    return kindText(t, kindOf(node));
}

const UNITS = { w: 'Weeks', d: 'Days', h: 'Hours', m: 'Minutes', s: 'Seconds' };

/** "1d12h" -> [[1,'d'],[12,'h']]; undefined when it is not a duration of the dialect */
export function parseDuration(text) {
    if (typeof text !== 'string' || !/^(\d+w)?(\d+d)?(\d+h)?(\d+m)?(\d+s)?$/.test(text) || text === '') return undefined;
    return [...text.matchAll(/(\d+)([wdhms])/g)].map(match => [Number(match[1]), match[2]]);
}

export function durationWords(t, text) {
    const parts = parseDuration(text);
    if (!parts) return text || '';
    return parts.map(([count, unit]) => t.count(`Duration${UNITS[unit]}`, count)).join(' ');
}

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** "Wait 1 day, then the next weekday at 18:00 (customer's time)"; the dictionary carries the spaces and commas */
export function waitSummary(t, node) {
    const parts = [];
    if (node.delay) parts.push(t('WaitFor', { duration: durationWords(t, node.delay) }));
    if (node.untilTimeOfDay) {
        const days = (node.onWeekdays || []).filter(day => WEEKDAYS.includes(day));
        const set = new Set(days);
        let when;
        if (days.length === 0 || days.length === 7) when = t('AtTimeAnyDay', { time: node.untilTimeOfDay });
        else if (days.length === 5 && !set.has('saturday') && !set.has('sunday')) when = t('AtTimeNextWeekday', { time: node.untilTimeOfDay });
        else if (days.length === 2 && set.has('saturday') && set.has('sunday')) when = t('AtTimeNextWeekend', { time: node.untilTimeOfDay });
        else when = t('AtTimeOnDays', { time: node.untilTimeOfDay, days: WEEKDAYS.filter(day => set.has(day)).map(day => t(`Weekday_${day}`)).join(t('ListOr')) });
        parts.push(parts.length ? t('ThenWhen', { when }) : t('WaitUntil', { when }));
        parts.push(t('CustomersTime'));
    } else if (node.onWeekdays?.length) {
        const days = t('OnDays', { days: node.onWeekdays.map(day => t(`Weekday_${day}`)).join(t('ListOr')) });
        parts.push(parts.length ? t('ThenWhen', { when: days }) : t('WaitUntil', { when: days }));
    }
    return parts.join('');
}

function scopeText(t, scope) {
    if (!scope || scope.kind === 'any' || !scope.kind) return t('ScopeAnyProduct');
    return t(scope.kind === 'product' ? 'ScopeProductId' : 'ScopeCategoryId', { id: scope.id ?? '?' });
}

const OPS = { eq: '=', ne: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤' };

export function conditionSummary(t, condition) {
    if (!condition) return '';
    const op = `${OPS[condition.op || 'gte']} ${condition.value ?? '?'}`;
    switch (condition.type) {
        case 'all': case 'any': return t(condition.type === 'all' ? 'SummaryAll' : 'SummaryAny', { count: (condition.conditions || []).length });
        case 'not': return t('SummaryNot', { inner: conditionSummary(t, condition.condition) });
        case 'ordersCount': case 'amountSpent': {
            const period = condition.sinceEntry ? t('PeriodSinceEntry') : condition.withinDays ? t('PeriodWithinDays', { days: condition.withinDays }) : '';
            return `${t(`Condition_${condition.type}`)} ${period ? `${period} ` : ''}${op}`;
        }
        case 'daysSinceLastOrder': case 'score': case 'cartValue': case 'eventValue': case 'randomPercent':
            return condition.type === 'randomPercent' ? `${t('Condition_randomPercent')} ${condition.percent ?? '?'}%` : `${t(`Condition_${condition.type}`)} ${op}`;
        case 'purchasedSinceEntry': case 'cartContains': case 'eventContains': return `${t(`Condition_${condition.type}`)}: ${scopeText(t, condition.scope)}`;
        case 'hasTag': return `${t('Condition_hasTag')}: ${condition.tag ?? ''}`;
        default: return t(`Condition_${condition.type}`);
    }
}

export function nodeSummary(t, node, definition) {
    switch (node.type) {
        case 'start': return node.trigger?.event ? t(`Event_${node.trigger.event}`) : t('NoTrigger');
        case 'filter': return conditionSummary(t, node.condition);
        case 'wait': return isEventWait(node)
            ? t('WaitEventSummary', { event: t(`Event_${node.untilEvent.event}`), timeout: durationWords(t, node.timeout) })
            : waitSummary(t, node);
        case 'split': return (node.branches || []).map(branch => `${branch.name} ${branch.weight ?? 0}%`).join(' / ');
        case 'jump': {
            const target = (definition.nodes || []).find(other => other.id === node.target);
            return t('JumpSummary', { step: target ? target.title || nodeKindText(t, target) : node.target ?? '?', times: t.count('Times', node.maxRepetitions ?? 0) });
        }
        case 'end': return '';
        case 'action': return actionSummary(t, node.action || {});
        default: return '';
    }
}

function actionSummary(t, action) {
    switch (action.type) {
        case 'sendEmail': case 'showPopup': return action.template || t('NoTemplate');
        case 'webhook': return action.url || t('NoUrl');
        case 'addTag': case 'removeTag': return action.tag || '';
        case 'changeScore': return action.delta > 0 ? `+${action.delta}` : String(action.delta ?? '');
        case 'setFunnelStage': return action.stage || '';
        case 'alertStaff': return action.message || '';
        case 'createCoupon': return action.amount !== undefined
            ? t('CouponAmountSummary', { amount: action.amount, duration: durationWords(t, action.validFor) })
            : t('CouponPercentSummary', { percent: action.percent ?? '?', duration: durationWords(t, action.validFor) });
        default: return '';
    }
}

export function exitLabel(t, node, exit) {
    if (node.type === 'filter') return t(exit === 'yes' ? 'ExitYes' : 'ExitNo');
    if (node.type === 'wait' && isEventWait(node)) return t(exit === 'onEvent' ? 'ExitEventCame' : 'ExitTimedOut');
    if (node.type === 'split' && exit.startsWith('branch:')) {
        const branch = node.branches[Number(exit.slice(7))];
        const text = `${branch.name || '?'} · ${branch.weight ?? 0}%`;
        return branch.holdout ? `${text} · ${t('Holdout')}` : text;
    }
    return '';
}
