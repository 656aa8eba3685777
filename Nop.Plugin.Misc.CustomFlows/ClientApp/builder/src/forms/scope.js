import { h, icon, uid } from '../dom.js';
import { checkbox, field, select } from './fields.js';

// Product / category scope with a picker that searches the shop (the server pages by 10).
export function scopeEditor(app, key, holder) {
    const t = app.t;
    const scope = holder.scope || {};
    const kind = scope.kind || 'any';
    const kindSelect = select(app, `${key}:kind`, [['any', t('ScopeAny')], ['product', t('ScopeProduct')], ['category', t('ScopeCategory')]], kind, value => {
        if (value === 'any' || !value) delete holder.scope;
        else holder.scope = { kind: value };
    });
    const parts = [field(t('Scope'), kindSelect)];
    if (kind === 'product' || kind === 'category') {
        parts.push(picker(app, kind === 'product' ? 'products' : 'categories', scope, kind));
        if (kind === 'category') parts.push(checkbox(app, `${key}:sub`, t('IncludeSubcategories'), scope.includeSubcategories, checked => {
            if (checked) scope.includeSubcategories = true;
            else delete scope.includeSubcategories;
        }));
    }
    return h('div', { class: 'cfb-scope' }, parts);
}

function picker(app, endpoint, scope, kind) {
    const t = app.t;
    const listId = uid('results');
    const chosen = h('div', { class: 'cfb-picked', 'aria-live': 'polite' },
        scope.id !== undefined ? t('PickedItem', { name: app.names.get(`${kind}:${scope.id}`) || `#${scope.id}`, id: scope.id }) : t('NothingPicked'));
    const search = h('input', { type: 'search', class: 'form-control form-control-sm', placeholder: t('SearchPlaceholder'), 'aria-controls': listId, 'data-field': `picker:${kind}` });
    const results = h('ul', { class: 'list-group cfb-results', id: listId, 'aria-label': t('SearchResults') });
    const more = h('button', { type: 'button', class: 'btn btn-default btn-sm', hidden: true }, t('ShowMore'));
    let page = 1;
    let timer;
    const load = async append => {
        const { ok, body } = await app.api.get(endpoint, { q: search.value, page });
        if (!ok) return;
        if (!append) results.replaceChildren();
        for (const item of body.items || []) {
            results.append(h('li', { class: 'list-group-item p-0' }, h('button', {
                type: 'button', class: 'btn btn-link btn-sm cfb-result', 'data-id': item.id,
                onclick: () => { app.names.set(`${kind}:${item.id}`, item.name); app.edit(null, () => { scope.id = item.id; }); }
            }, scope.id === item.id ? icon('check') : null, ` ${item.name} (#${item.id})`)));
        }
        more.hidden = !body.hasMore;
    };
    search.addEventListener('input', () => {
        clearTimeout(timer);
        page = 1;
        timer = setTimeout(() => load(false), 300);
    });
    more.addEventListener('click', () => { page += 1; load(true); });
    return h('div', { class: 'cfb-picker' }, field(t(kind === 'product' ? 'PickProduct' : 'PickCategory'), search), chosen, results, more);
}
