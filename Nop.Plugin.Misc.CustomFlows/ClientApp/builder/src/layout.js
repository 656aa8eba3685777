import { exitsOf, getExit, nodeMap, startNode } from './model.js';

// Hand-written tidy layout for a tree with joins. The flow is a tree walked depth first from the start (first
// arrival wins); an exit to a step already placed is a join (a shared target) or, for a jump, a back edge.
// Rows come from the longest path, so a shared step sits below every branch that reaches it; columns come
// from subtree widths, so branches never overlap. A general graph-layout library would cost more than the
// whole builder and would not know that "yes" goes left of "no" or that a jump is drawn as a loop back.

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 68;
export const COLUMN = NODE_WIDTH + 70;
export const ROW = NODE_HEIGHT + 112;
export const MARGIN = 40;

/**
 * @returns {{ nodes: Map<string, {node, x, y, row, column}>, slots: object[], jumps: object[], width: number, height: number }}
 * Each slot is one exit: kind 'child' (the step below it), 'link' (a step placed elsewhere), 'open' (a branch end)
 * or 'collapsed' (folded away by the admin).
 */
export function layoutFlow(definition, collapsed) {
    const map = nodeMap(definition);
    const start = startNode(definition);
    const placed = new Map();
    const slots = [];
    const jumps = [];
    if (!start) return { nodes: placed, slots, jumps, width: 0, height: 0 };

    // depth-first spanning tree; iterative so a long chain cannot overflow the stack
    const tree = new Map();
    const order = [];
    const visit = [start.id];
    const seen = new Set([start.id]);
    while (visit.length) {
        const id = visit.pop();
        const node = map.get(id);
        order.push(id);
        const entry = { node, slots: [] };
        tree.set(id, entry);
        const later = [];
        for (const exit of exitsOf(node)) {
            const target = getExit(node, exit);
            const slot = { from: id, exit, target };
            if (collapsed.has(`${id}:${exit}`)) slot.kind = 'collapsed';
            else if (target === undefined || !map.has(target)) slot.kind = 'open';
            else if (seen.has(target)) slot.kind = 'link';
            else {
                slot.kind = 'child';
                seen.add(target);
                later.push(target);
            }
            entry.slots.push(slot);
            slots.push(slot);
        }
        if (node.type === 'jump' && map.has(node.target)) jumps.push({ from: id, target: node.target, max: node.maxRepetitions });
        // reverse so the leftmost exit is walked first
        for (let index = later.length - 1; index >= 0; index -= 1) visit.push(later[index]);
    }

    // rows: longest path over the edges that point down
    const rank = new Map(order.map(id => [id, 0]));
    const parent = new Map();
    for (const entry of tree.values()) for (const slot of entry.slots) if (slot.kind === 'child') parent.set(slot.target, slot.from);
    // an exit back to a step above it in the tree is a loop; every other exit points down
    const forward = slot => slot.kind === 'child' || (slot.kind === 'link' && !isAncestor(slot.target, slot.from));
    function isAncestor(ancestor, id) {
        for (let current = id; current !== undefined; current = parent.get(current)) if (current === ancestor) return true;
        return false;
    }
    // relax in walk order until stable; the forward edges form a DAG, so this ends
    for (let changed = true, rounds = 0; changed && rounds < order.length + 1; rounds += 1) {
        changed = false;
        for (const id of order) for (const slot of tree.get(id).slots) {
            if (!forward(slot)) continue;
            if (rank.get(slot.target) < rank.get(id) + 1) {
                rank.set(slot.target, rank.get(id) + 1);
                changed = true;
            }
        }
    }

    // columns: a step with several exits gives each exit a column (its subtree's width); one exit stays straight.
    // anchor = where the step's centre sits inside its subtree's span, so a chain stays exactly above its fork
    const width = new Map();
    const anchor = new Map();
    for (let index = order.length - 1; index >= 0; index -= 1) {
        const entry = tree.get(order[index]);
        const branching = entry.slots.length > 1;
        entry.slotWidths = entry.slots.map(slot => (slot.kind === 'child' ? width.get(slot.target) : branching ? 1 : 0));
        let cursor = 0;
        entry.offsets = entry.slots.map((slot, slotIndex) => {
            const offset = cursor + (slot.kind === 'child' ? anchor.get(slot.target) : 0);
            cursor += entry.slotWidths[slotIndex];
            return offset;
        });
        width.set(order[index], Math.max(1, cursor));
        anchor.set(order[index], branching ? (entry.offsets[0] + entry.offsets[entry.offsets.length - 1]) / 2 : entry.offsets[0] ?? 0);
    }
    const column = new Map();
    const place = [[start.id, 0]];
    while (place.length) {
        const [id, left] = place.pop();
        const entry = tree.get(id);
        let cursor = left;
        entry.slots.forEach((slot, index) => {
            if (slot.kind === 'child') place.push([slot.target, cursor]);
            cursor += entry.slotWidths[index];
        });
        column.set(id, left + anchor.get(id));
        entry.centres = entry.slots.length > 1 ? entry.offsets.map(offset => left + offset) : entry.slots.map(() => left + anchor.get(id));
    }

    let maxColumn = 0;
    let maxRow = 0;
    for (const id of order) {
        const x = MARGIN + column.get(id) * COLUMN;
        const y = MARGIN + rank.get(id) * ROW;
        placed.set(id, { node: tree.get(id).node, x, y, row: rank.get(id), column: column.get(id) });
        maxColumn = Math.max(maxColumn, column.get(id));
        maxRow = Math.max(maxRow, rank.get(id));
    }
    for (const entry of tree.values()) entry.slots.forEach((slot, index) => {
        slot.x = MARGIN + entry.centres[index] * COLUMN + NODE_WIDTH / 2;
        slot.branching = entry.slots.length > 1;
    });
    return {
        nodes: placed, slots, jumps, tree,
        width: MARGIN * 2 + (maxColumn + 1) * COLUMN + 60,
        height: MARGIN * 2 + (maxRow + 1) * ROW
    };
}
