import { h, icon } from '../dom.js';
import { checkbox, durationField, field, list, number, section, select, text } from './fields.js';
import { conditionEditor, newCondition } from './condition.js';

// Flow-level settings, goal and exit conditions (docs/flow-definition.md, "Document" and "settings").
export function settingsForm(app) {
    const t = app.t;
    const definition = app.definition;
    const settings = (create, tidy) => {
        if (tidy) {
            if (definition.settings && !Object.keys(definition.settings).length) delete definition.settings;
            return undefined;
        }
        if (create && !definition.settings) definition.settings = {};
        return definition.settings;
    };
    const current = definition.settings || {};
    const reEntry = current.reEntry || {};
    const mode = reEntry.mode || 'notWhileActive';
    const cap = current.frequencyCap;
    const parts = [
        field(t('FlowName'), text(app, 'flow:name', definition, 'name')),
        field(t('FlowDescription'), text(app, 'flow:description', definition, 'description', { multiline: true })),
        section(t('Audience'),
            checkbox(app, 'flow:audience:on', t('LimitAudience'), current.audience !== undefined, checked => {
                const target = settings(true);
                if (checked) target.audience = newCondition('newsletterConsent');
                else delete target.audience;
                settings(true, true);
            }),
            current.audience ? conditionEditor(app, 'flow:audience', current.audience) : h('p', { class: 'text-muted small', text: t('EveryoneEnters') })),
        section(t('ReEntry'),
            field(t('ReEntryMode'), select(app, 'flow:reEntry', ['onceEver', 'oncePerPeriod', 'everyTime', 'notWhileActive'].map(value => [value, t(`ReEntry_${value}`)]), mode, value => {
                const target = settings(true);
                target.reEntry = value === 'oncePerPeriod' ? { mode: value, period: reEntry.period || '30d' } : { mode: value };
            })),
            mode === 'oncePerPeriod' ? durationField(app, t('ReEntryPeriod'), 'flow:reEntry:period', reEntry, 'period') : null),
        section(t('FrequencyCap'),
            checkbox(app, 'flow:cap:on', t('LimitMessages'), cap !== undefined, checked => {
                const target = settings(true);
                if (checked) target.frequencyCap = { max: 3, period: '7d' };
                else delete target.frequencyCap;
                settings(true, true);
            }),
            cap ? h('div', { class: 'form-row' },
                h('div', { class: 'col' }, field(t('CapMax'), number(app, 'flow:cap:max', cap, 'max', { min: 1, step: 1 }))),
                h('div', { class: 'col' }, durationField(app, t('CapPeriod'), 'flow:cap:period', cap, 'period'))) : null),
        field(t('StoreIds'), list(app, 'flow:stores', settings, 'storeIds', true), t('StoreIdsHelp')),
        field(t('Priority'), number(app, 'flow:priority', settings, 'priority', { step: 1 }), t('PriorityHelp')),
        field(t('WhenBudgetExceeded'), select(app, 'flow:budget', [['postpone', t('Budget_postpone')], ['skip', t('Budget_skip')]], current.whenBudgetExceeded || 'postpone', value => {
            settings(true).whenBudgetExceeded = value;
        }, { redraw: false })),
        goalSection(app, definition),
        exitSection(app, definition)
    ];
    return parts;
}

function goalSection(app, definition) {
    const t = app.t;
    const goal = definition.goal;
    return section(t('Goal'),
        checkbox(app, 'flow:goal:on', t('HasGoal'), goal !== undefined, checked => {
            if (checked) definition.goal = { name: '', condition: newCondition('ordersCount') };
            else delete definition.goal;
        }),
        goal ? [field(t('GoalName'), text(app, 'flow:goal:name', goal, 'name')), conditionEditor(app, 'flow:goal', goal.condition || (goal.condition = newCondition('ordersCount')))]
            : h('p', { class: 'text-muted small', text: t('NoGoal') }));
}

function exitSection(app, definition) {
    const t = app.t;
    const exits = definition.exitConditions || [];
    return section(t('ExitConditions'),
        exits.map((exit, index) => h('div', { class: 'cfb-exit-condition' },
            field(t('ExitName'), text(app, `flow:exit:${index}:name`, exit, 'name')),
            conditionEditor(app, `flow:exit:${index}`, exit.condition || (exit.condition = newCondition('newsletterConsent'))),
            h('button', {
                type: 'button', class: 'btn btn-default btn-sm', onclick: () => app.edit(null, () => {
                    exits.splice(index, 1);
                    if (!exits.length) delete definition.exitConditions;
                })
            }, icon('trash-alt'), ` ${t('RemoveExit')}`))),
        h('button', {
            type: 'button', class: 'btn btn-default btn-sm', 'data-action': 'add-exit', onclick: () => app.edit(null, () => {
                (definition.exitConditions || (definition.exitConditions = [])).push({ name: '', condition: { type: 'newsletterConsent', subscribed: false } });
            })
        }, icon('plus'), ` ${t('AddExit')}`));
}
