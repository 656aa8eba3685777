// Graph operations on the flow definition (docs/flow-definition.md). The definition stays plain JSON so an
// undo snapshot is exactly what the server saved; these functions only rewire exits and add or drop nodes.

export const STEP_TYPES = ['filter', 'waitTime', 'waitEvent', 'split', 'jump', 'end'];
export const ACTION_TYPES = ['sendEmail', 'showPopup', 'webhook', 'addTag', 'removeTag', 'changeScore', 'setFunnelStage', 'alertStaff', 'createCoupon'];

const ID_PREFIX = {
    filter: 'filter', waitTime: 'wait', waitEvent: 'wait', split: 'split', jump: 'jump', end: 'end',
    sendEmail: 'email', showPopup: 'popup', webhook: 'webhook', addTag: 'tag', removeTag: 'untag',
    changeScore: 'score', setFunnelStage: 'stage', alertStaff: 'alert', createCoupon: 'coupon'
};

export function nodeMap(definition) {
    const map = new Map();
    for (const node of definition.nodes || []) map.set(node.id, node);
    return map;
}

export function startNode(definition) {
    return (definition.nodes || []).find(node => node.type === 'start');
}

export function isEventWait(node) {
    return node.type === 'wait' && node.untilEvent !== undefined;
}

/** The exits in drawing order (left to right); a jump's target is a back edge, not an exit. */
export function exitsOf(node) {
    switch (node.type) {
        case 'start': case 'action': case 'jump': return ['next'];
        case 'filter': return ['yes', 'no'];
        case 'wait': return isEventWait(node) ? ['onEvent', 'next'] : ['next'];
        case 'split': return (node.branches || []).map((branch, index) => `branch:${index}`);
        default: return [];
    }
}

export function getExit(node, exit) {
    if (exit.startsWith('branch:')) return (node.branches || [])[Number(exit.slice(7))]?.next;
    return node[exit];
}

export function setExit(node, exit, target) {
    const holder = exit.startsWith('branch:') ? node.branches[Number(exit.slice(7))] : node;
    const key = exit.startsWith('branch:') ? 'next' : exit;
    if (target === undefined) delete holder[key];
    else holder[key] = target;
}

export function isSingleExit(node) {
    return exitsOf(node).length === 1;
}

/** Smallest free "prefix-N", so ids are predictable (tests compare saved JSON exactly) and readable in problems. */
export function newId(definition, kind) {
    const used = new Set((definition.nodes || []).map(node => node.id));
    const prefix = ID_PREFIX[kind] || kind;
    let number = 1;
    while (used.has(`${prefix}-${number}`)) number += 1;
    return `${prefix}-${number}`;
}

const ACTION_DEFAULTS = {
    sendEmail: () => ({ category: 'marketing' }),
    showPopup: () => ({}),
    webhook: () => ({}),
    addTag: () => ({}),
    removeTag: () => ({}),
    changeScore: () => ({ delta: 1 }),
    setFunnelStage: () => ({}),
    alertStaff: () => ({}),
    createCoupon: () => ({ percent: 10, validFor: '7d' })
};

/** A new step of the kind chosen in the insert menu; `continuation` is where the old exit led. */
export function createNode(definition, kind, continuation, source) {
    const id = newId(definition, kind);
    const next = continuation === undefined ? {} : { next: continuation };
    switch (kind) {
        case 'filter': return { type: 'filter', id, condition: { type: 'ordersCount', op: 'gte', value: 1 }, ...(continuation === undefined ? {} : { yes: continuation }) };
        case 'waitTime': return { type: 'wait', id, delay: '1d', ...next };
        // the main path goes on after the timeout; "event came" starts as a branch end to fill in
        case 'waitEvent': return { type: 'wait', id, untilEvent: { event: 'email_clicked' }, timeout: '1d', ...next };
        case 'split': return {
            type: 'split', id, branches: [
                { name: 'A', weight: 50, ...(continuation === undefined ? {} : { next: continuation }) },
                { name: 'B', weight: 50 }]
        };
        case 'jump': return { type: 'jump', id, target: source, maxRepetitions: 1, ...next };
        case 'end': return { type: 'end', id };
        default: return { type: 'action', id, action: { type: kind, ...ACTION_DEFAULTS[kind]() }, ...next };
    }
}

/** The exit a newly inserted step hands the old continuation to. */
export function primaryExit(node) {
    if (node.type === 'filter') return 'yes';
    if (node.type === 'split') return 'branch:0';
    // an event wait's main path is the one after the timeout; "event came" starts as a branch end
    if (isEventWait(node)) return 'next';
    return exitsOf(node)[0];
}

export function insertAt(definition, from, exit, node) {
    const source = nodeMap(definition).get(from);
    const old = getExit(source, exit);
    const main = primaryExit(node);
    if (main && old !== undefined && getExit(node, main) === undefined) setExit(node, main, old);
    definition.nodes.push(node);
    setExit(source, exit, node.id);
    removeUnreachable(definition);
}

/** Unlinks a step: whatever led to it now leads where its kept exit led; steps left unreachable go too. */
export function deleteNode(definition, id, keptExit) {
    const map = nodeMap(definition);
    const node = map.get(id);
    if (!node || node.type === 'start') return;
    const kept = keptExit ? getExit(node, keptExit) : undefined;
    const replacement = kept === id ? undefined : kept;
    for (const other of definition.nodes) {
        if (other === node) continue;
        for (const exit of exitsOf(other)) if (getExit(other, exit) === id) setExit(other, exit, replacement);
        if (other.type === 'jump' && other.target === id) {
            if (replacement === undefined) delete other.target;
            else other.target = replacement;
        }
    }
    definition.nodes = definition.nodes.filter(other => other !== node);
    removeUnreachable(definition);
}

export function duplicateNode(definition, id) {
    const node = nodeMap(definition).get(id);
    if (!node || !isSingleExit(node) || node.type === 'start') return undefined;
    const copy = JSON.parse(JSON.stringify(node));
    copy.id = newId(definition, node.type === 'action' ? node.action.type : node.type === 'wait' ? 'waitTime' : node.type);
    insertAt(definition, id, 'next', copy);
    return copy.id;
}

/** Ids reachable from `from` over exits (and jump targets when asked), not entering the ids in `stop`. */
export function reachable(definition, from, { jumps = true, stop = new Set() } = {}) {
    const map = nodeMap(definition);
    const seen = new Set();
    const stack = [from];
    while (stack.length) {
        const id = stack.pop();
        const node = map.get(id);
        if (!node || seen.has(id) || stop.has(id)) continue;
        seen.add(id);
        for (const exit of exitsOf(node)) {
            const target = getExit(node, exit);
            if (target !== undefined) stack.push(target);
        }
        if (jumps && node.type === 'jump' && node.target !== undefined) stack.push(node.target);
    }
    return seen;
}

export function removeUnreachable(definition) {
    const start = startNode(definition);
    if (!start) return;
    const seen = reachable(definition, start.id);
    definition.nodes = definition.nodes.filter(node => seen.has(node.id));
}

/** The kind the insert menu and the id prefix know a node by. */
export function kindOf(node) {
    if (node.type === 'action') return node.action?.type;
    if (node.type === 'wait') return isEventWait(node) ? 'waitEvent' : 'waitTime';
    return node.type;
}
