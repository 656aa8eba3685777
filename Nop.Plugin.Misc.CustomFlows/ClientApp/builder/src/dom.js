// A tiny element factory: the builder draws a few hundred elements, so no framework is worth its weight.
export function h(tag, attrs, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
        if (value === undefined || value === null || value === false) continue;
        if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
        else if (name === 'class') element.className = value;
        else if (name === 'text') element.textContent = value;
        else if (name in element && typeof value !== 'string') element[name] = value;
        else element.setAttribute(name, value === true ? '' : value);
    }
    append(element, children);
    return element;
}

function append(element, children) {
    for (const child of children) {
        if (child === undefined || child === null || child === false) continue;
        if (Array.isArray(child)) append(element, child);
        else element.append(child instanceof Node ? child : String(child));
    }
}

/** Children as DOM methods take them: arrays flattened, the empty choices of conditional parts left out. */
export function flat(...children) {
    return children.flat(Infinity).filter(child => child !== undefined && child !== null && child !== false);
}

export function svg(tag, attrs) {
    const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [name, value] of Object.entries(attrs || {})) element.setAttribute(name, value);
    return element;
}

export function icon(name) {
    return h('i', { class: `fas fa-${name}`, 'aria-hidden': 'true' });
}

let counter = 0;
// ids tie labels to inputs; a counter keeps them unique on the page
export function uid(prefix) {
    counter += 1;
    return `cfb-${prefix}-${counter}`;
}
