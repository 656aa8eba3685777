import { h, icon, svg } from './dom.js';
import { layoutFlow, NODE_HEIGHT, NODE_WIDTH } from './layout.js';
import { isSingleExit, kindOf, reachable } from './model.js';

const movable = node => node.type !== 'start' && isSingleExit(node);
import { exitLabel, nodeIcon, nodeKindText, nodeSummary } from './describe.js';

// Draws the laid-out flow: one absolutely placed button per step, "+" buttons on every exit, SVG lines under
// them. Zoom and pan are a CSS transform of one "world" element, so the layout is computed once per edit.
export class Canvas {
    constructor(app) {
        this.app = app;
        this.t = app.t;
        this.scale = 1;
        this.tx = 0;
        this.ty = 0;
        this.collapsed = new Set();
        this.world = h('div', { class: 'cfb-world' });
        this.viewport = h('div', { class: 'cfb-viewport', role: 'group', 'aria-label': this.t('Canvas') }, this.world);
        this.viewport.addEventListener('pointerdown', event => this.startPan(event));
        this.viewport.addEventListener('wheel', event => this.wheel(event), { passive: false });
        // focusing a far-away step must move the drawing, not scroll the clipped viewport
        this.viewport.addEventListener('scroll', () => { this.viewport.scrollTop = 0; this.viewport.scrollLeft = 0; });
        // only keyboard focus moves the drawing: moving it under a pressed mouse button would lose the click
        this.world.addEventListener('focusin', event => { if (event.target.matches(':focus-visible')) this.reveal(event.target); });
    }

    render() {
        const began = performance.now();
        const app = this.app;
        const focusKey = document.activeElement?.dataset?.focusKey;
        const layout = layoutFlow(app.definition, this.collapsed);
        this.layout = layout;
        this.world.replaceChildren();
        this.world.style.width = `${layout.width}px`;
        this.world.style.height = `${layout.height}px`;
        const lines = svg('svg', { class: 'cfb-edges', width: layout.width, height: layout.height, 'aria-hidden': 'true' });
        const marker = svg('marker', { id: 'cfb-arrow', viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' });
        marker.append(svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'cfb-arrowhead' }));
        const defs = svg('defs');
        defs.append(marker);
        lines.append(defs);
        this.world.append(lines);

        for (const [id, place] of layout.nodes) this.world.append(this.nodeElement(id, place));
        for (const slot of layout.slots) this.drawSlot(slot, lines);
        layout.jumps.forEach((jump, index) => this.drawJump(jump, index, lines));

        if (focusKey) this.world.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus({ preventScroll: true });
        this.apply();
        this.lastRenderMs = performance.now() - began;
        return this.lastRenderMs;
    }

    nodeElement(id, place) {
        const { node } = place;
        const app = this.app;
        const problems = app.problemsFor(id);
        const stats = app.showNumbers ? app.stats?.nodes?.[id] : undefined;
        const kind = kindOf(node);
        const kindText = nodeKindText(this.t, node);
        const summary = nodeSummary(this.t, node, app.definition);
        const element = h('div', {
            class: `cfb-node cfb-node-${node.type}${app.selectedId === id ? ' is-selected' : ''}${problems.length ? ' has-problems' : ''}${app.clipboard && app.clipboard.cutFrom === id ? ' is-cut' : ''}`,
            style: `left:${place.x}px;top:${place.y}px;width:${NODE_WIDTH}px;height:${NODE_HEIGHT}px`,
            'data-node-id': id
        },
        // the visible words are the button's name; what only the eye gets from colour and icons is added as sr-only text
        h('button', {
            type: 'button', class: 'cfb-node-main', 'data-focus-key': `node:${id}`,
            'aria-pressed': app.selectedId === id ? 'true' : 'false',
            onclick: () => app.select(id),
            // drag and drop is the mouse's shortcut for Cut + Paste, so it moves exactly what Cut may take
            draggable: movable(node) && !app.readOnly ? 'true' : undefined,
            ondragstart: movable(node) ? event => this.startDrag(event, id) : undefined,
            ondragend: () => this.endDrag()
        },
        h('span', { class: `cfb-node-icon cfb-kind-${kind}` }, icon(nodeIcon(node))),
        h('span', { class: 'cfb-node-text' },
            h('span', { class: 'cfb-node-kind' }, node.title ? h('span', { class: 'sr-only', text: `${kindText}: ` }) : null, node.title || kindText),
            h('span', { class: 'cfb-node-summary', text: summary }),
            problems.length ? h('span', { class: 'sr-only', text: `, ${this.t.count('ProblemCount', problems.length)}` }) : null)),
        problems.length ? h('span', {
            class: 'badge badge-danger cfb-node-problems', 'data-problem-node': id,
            title: problems.map(problem => problem.message).join('\n')
        }, icon('exclamation-triangle'), ` ${problems.length}`) : null,
        node.type === 'end' ? h('span', { class: 'badge badge-secondary cfb-end-mark', text: this.t('EndMark') }) : null);
        if (stats) element.append(this.statsElement(stats));
        return element;
    }

    statsElement(stats) {
        const t = this.t;
        const parts = [
            [t('StatEntered'), stats.entered], [t('StatWaiting'), stats.waiting], [t('StatSent'), stats.sent],
            [t('StatConverted'), stats.converted], [t('StatRevenue'), stats.revenueText ?? stats.revenue]
        ].filter(([, value]) => value !== undefined && value !== null);
        return h('div', { class: 'cfb-node-stats', 'data-stats': 'true' },
            parts.map(([name, value]) => h('span', { class: 'cfb-stat' }, `${name} `, h('strong', { text: String(value) }))));
    }

    drawSlot(slot, lines) {
        const app = this.app;
        const t = this.t;
        const from = this.layout.nodes.get(slot.from);
        const top = from.y + NODE_HEIGHT;
        const centre = from.x + NODE_WIDTH / 2;
        const statsGap = app.showNumbers ? 18 : 0;
        const bend = top + 14 + statsGap;
        const exitText = exitLabel(t, from.node, slot.exit);
        let path;
        let plusY;
        if (slot.kind === 'child' || slot.kind === 'link') {
            const target = this.layout.nodes.get(slot.target);
            const targetTop = target.y;
            const targetCentre = target.x + NODE_WIDTH / 2;
            plusY = top + (slot.branching ? 58 : 46) + statsGap;
            if (targetTop > top) {
                path = slot.x === targetCentre
                    ? `M${centre},${top} V${bend} H${slot.x} V${targetTop}`
                    : `M${centre},${top} V${bend} H${slot.x} V${targetTop - 20} H${targetCentre} V${targetTop}`;
            } else {
                // an exit back up (only a broken flow has one outside a jump): loop round to the target's right side
                const side = Math.max(slot.x, target.x + NODE_WIDTH) + 28;
                path = `M${centre},${top} V${bend} H${slot.x} V${top + 80} H${side} V${targetTop + NODE_HEIGHT / 2} H${target.x + NODE_WIDTH}`;
            }
        } else {
            plusY = top + (slot.branching ? 58 : 46) + statsGap;
            path = `M${centre},${top} V${bend} H${slot.x} V${plusY - 12}`;
        }
        lines.append(svg('path', { d: path, class: `cfb-edge cfb-edge-${slot.kind}`, 'marker-end': slot.kind === 'open' || slot.kind === 'collapsed' ? '' : 'url(#cfb-arrow)' }));

        if (slot.branching) {
            const key = `${slot.from}:${slot.exit}`;
            const collapsible = slot.kind === 'child' || slot.kind === 'collapsed';
            this.world.append(h('div', { class: 'cfb-exit-label', style: `left:${slot.x}px;top:${bend + 4}px` },
                h('span', { class: `cfb-exit-text${from.node.branches?.[Number(slot.exit.slice(7))]?.holdout ? ' is-holdout' : ''}`, text: exitText }),
                collapsible ? h('button', {
                    type: 'button', class: 'btn btn-link btn-sm cfb-collapse', 'data-focus-key': `collapse:${key}`,
                    'aria-expanded': slot.kind === 'collapsed' ? 'false' : 'true',
                    'aria-label': t(slot.kind === 'collapsed' ? 'ExpandBranch' : 'CollapseBranch', { branch: exitText }),
                    onclick: () => this.toggle(key)
                }, icon(slot.kind === 'collapsed' ? 'chevron-right' : 'chevron-down')) : null));
        }
        if (slot.kind === 'collapsed') {
            this.world.append(h('button', {
                type: 'button', class: 'btn btn-default btn-sm cfb-hidden-steps', 'data-focus-key': `hidden:${slot.from}:${slot.exit}`,
                style: `left:${slot.x}px;top:${plusY}px`, onclick: () => this.toggle(`${slot.from}:${slot.exit}`)
            }, icon('ellipsis-h'), ' ', t.count('HiddenSteps', this.hiddenCount(slot))));
            return;
        }
        if (app.readOnly) return;
        const where = exitText ? `${from.node.title || nodeKindText(t, from.node)} (${exitText})` : (from.node.title || nodeKindText(t, from.node));
        this.world.append(h('button', {
            type: 'button', class: `cfb-plus${slot.kind === 'open' ? ' is-open' : ''}`, 'data-focus-key': `plus:${slot.from}:${slot.exit}`,
            'data-plus': `${slot.from}:${slot.exit}`,
            style: `left:${slot.x}px;top:${plusY}px`,
            'aria-label': t(slot.kind === 'open' ? 'InsertAtBranchEnd' : 'InsertAfter', { step: where }),
            'aria-haspopup': 'menu',
            onclick: event => app.openInsertMenu(slot.from, slot.exit, event.currentTarget),
            ondragover: event => { if (this.dragging && this.dragging !== slot.from) event.preventDefault(); },
            ondrop: event => {
                event.preventDefault();
                const id = this.dragging;
                this.endDrag();
                if (id && id !== slot.from) app.move(id, slot.from, slot.exit);
            }
        }, icon('plus')));
        if (slot.kind === 'open') this.world.append(h('span', { class: 'cfb-branch-end', style: `left:${slot.x}px;top:${plusY + 20}px`, text: t('BranchEnd') }));
    }

    drawJump(jump, index, lines) {
        const from = this.layout.nodes.get(jump.from);
        const target = this.layout.nodes.get(jump.target);
        if (!from || !target) return;
        const side = Math.max(from.x, target.x) + NODE_WIDTH + 16 + (index % 3) * 10;
        const startY = from.y + NODE_HEIGHT / 2;
        const endY = target.y + NODE_HEIGHT / 2 + 8;
        lines.append(svg('path', {
            d: `M${from.x + NODE_WIDTH},${startY} H${side} V${endY} H${target.x + NODE_WIDTH}`,
            class: 'cfb-edge cfb-edge-jump', 'marker-end': 'url(#cfb-arrow)'
        }));
        this.world.append(h('span', {
            class: 'cfb-jump-label', style: `left:${side + 4}px;top:${(startY + endY) / 2}px`,
            text: this.t.count('AtMostTimes', jump.max ?? 0)
        }));
    }

    startDrag(event, id) {
        this.dragging = id;
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', id);
        this.viewport.classList.add('is-dragging');
    }

    endDrag() {
        this.dragging = null;
        this.viewport.classList.remove('is-dragging');
    }

    hiddenCount(slot) {
        // the steps behind a collapsed exit that are not drawn through another path
        return reachable(this.app.definition, slot.target, { jumps: false, stop: new Set(this.layout.nodes.keys()) }).size;
    }

    toggle(key) {
        if (this.collapsed.has(key)) this.collapsed.delete(key);
        else this.collapsed.add(key);
        this.render();
    }

    // zoom and pan
    apply() {
        this.world.style.transform = `translate(${this.tx}px, ${this.ty}px) scale(${this.scale})`;
        this.app.onZoom?.(this.scale);
    }

    zoom(factor, centreX, centreY) {
        const rect = this.viewport.getBoundingClientRect();
        const x = centreX ?? rect.width / 2;
        const y = centreY ?? rect.height / 2;
        const scale = Math.min(2, Math.max(0.2, this.scale * factor));
        this.tx = x - (x - this.tx) * (scale / this.scale);
        this.ty = y - (y - this.ty) * (scale / this.scale);
        this.scale = scale;
        this.apply();
    }

    fit(smallest = 0.3) {
        const rect = this.viewport.getBoundingClientRect();
        if (!this.layout || !rect.width) return;
        // a long flow is fitted to the width and shown from the top: squeezing 100 steps into one screen helps nobody
        this.scale = Math.max(smallest, Math.min(1, rect.width / this.layout.width, rect.height / this.layout.height));
        this.tx = Math.max(0, (rect.width - this.layout.width * this.scale) / 2);
        this.ty = 0;
        this.apply();
    }

    wheel(event) {
        event.preventDefault();
        if (event.ctrlKey || event.metaKey) {
            const rect = this.viewport.getBoundingClientRect();
            this.zoom(event.deltaY < 0 ? 1.1 : 1 / 1.1, event.clientX - rect.left, event.clientY - rect.top);
        } else {
            this.tx -= event.deltaX;
            this.ty -= event.deltaY;
            this.apply();
        }
    }

    startPan(event) {
        if (event.button !== 0 || event.target.closest('button, a, input, select, textarea')) return;
        const origin = { x: event.clientX, y: event.clientY, tx: this.tx, ty: this.ty };
        this.viewport.setPointerCapture(event.pointerId);
        this.viewport.classList.add('is-panning');
        const move = moved => {
            this.tx = origin.tx + moved.clientX - origin.x;
            this.ty = origin.ty + moved.clientY - origin.y;
            this.apply();
        };
        const stop = () => {
            this.viewport.removeEventListener('pointermove', move);
            this.viewport.removeEventListener('pointerup', stop);
            this.viewport.classList.remove('is-panning');
        };
        this.viewport.addEventListener('pointermove', move);
        this.viewport.addEventListener('pointerup', stop);
    }

    reveal(element) {
        const rect = this.viewport.getBoundingClientRect();
        const box = element.getBoundingClientRect();
        const margin = 40;
        if (box.left < rect.left + margin) this.tx += rect.left + margin - box.left;
        else if (box.right > rect.right - margin) this.tx -= box.right - rect.right + margin;
        if (box.top < rect.top + margin) this.ty += rect.top + margin - box.top;
        else if (box.bottom > rect.bottom - margin) this.ty -= box.bottom - rect.bottom + margin;
        this.apply();
    }

    centreOn(id) {
        const place = this.layout?.nodes.get(id);
        if (!place) return;
        const rect = this.viewport.getBoundingClientRect();
        this.tx = rect.width / 2 - (place.x + NODE_WIDTH / 2) * this.scale;
        this.ty = rect.height / 3 - place.y * this.scale;
        this.apply();
    }
}
