// "Use this template": a category or product field gets a search box that asks the shop (the builder's picker
// endpoints, ten at a time) and fills in the chosen id, so the admin never has to look an id up.
(function (root) {
    'use strict';

    function attach(input) {
        var url = input.getAttribute('data-search-url');
        if (!url) return;
        var box = document.createElement('input');
        box.type = 'search';
        box.className = 'form-control mb-1';
        box.placeholder = input.getAttribute('data-search-placeholder') || '';
        box.setAttribute('aria-label', box.placeholder);
        var list = document.createElement('ul');
        list.className = 'list-group mb-1';
        list.setAttribute('role', 'listbox');
        var chosen = document.createElement('div');
        chosen.className = 'form-text text-success custom-flows-picked';
        input.parentNode.insertBefore(box, input);
        input.parentNode.insertBefore(list, input);
        input.parentNode.insertBefore(chosen, input.nextSibling);

        var timer = null;
        var asked = 0;
        box.addEventListener('input', function () {
            clearTimeout(timer);
            timer = setTimeout(function () { search(box.value); }, 300);
        });

        function search(text) {
            var question = ++asked;
            var address = new URL(url, root.location.href);
            address.searchParams.set('q', text);
            address.searchParams.set('page', '1');
            return fetch(address.toString(), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
                .then(function (response) { return response.json(); })
                .then(function (answer) {
                    //an older answer arriving late must not replace a newer one
                    if (question !== asked) return;
                    list.innerHTML = '';
                    (answer.items || []).forEach(function (item) {
                        var option = document.createElement('li');
                        option.className = 'list-group-item list-group-item-action';
                        option.setAttribute('role', 'option');
                        option.tabIndex = 0;
                        option.textContent = item.name + ' (' + item.id + ')';
                        function pick() {
                            input.value = String(item.id);
                            chosen.textContent = item.name;
                            list.innerHTML = '';
                            input.dispatchEvent(new Event('change', { bubbles: true }));
                        }
                        option.addEventListener('click', pick);
                        option.addEventListener('keydown', function (e) { if (e.key === 'Enter') { e.preventDefault(); pick(); } });
                        list.appendChild(option);
                    });
                });
        }

        input.customFlowsSearch = search;
    }

    root.CustomFlowsTemplateUse = { attach: attach };
    document.addEventListener('DOMContentLoaded', function () {
        document.querySelectorAll('input.custom-flows-picker[data-search-url]').forEach(attach);
    });
})(window);
