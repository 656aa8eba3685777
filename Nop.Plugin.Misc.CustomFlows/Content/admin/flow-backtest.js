// The Flow page's backtest card: starts a backtest of the draft or a version, shows its progress while the server
// replays the shop's history through the engine, then the figures per step and the customers the guardrails held back.
(function () {
    'use strict';

    var card = document.getElementById('custom-flows-backtest');
    if (!card) return;
    var form = document.getElementById('custom-flows-backtest-form');
    var progress = document.getElementById('custom-flows-backtest-progress');
    var bar = progress.querySelector('.progress-bar');
    var output = document.getElementById('custom-flows-backtest-result');
    var text = card.dataset;
    var pollEveryMs = Number(card.dataset.pollMs || 1000);

    function format(template, values) {
        return String(template).replace(/\{(\d+)\}/g, function (_, index) { return values[Number(index)]; });
    }

    function element(tag, content) {
        var node = document.createElement(tag);
        if (content !== undefined) node.textContent = content;
        return node;
    }

    function sum(counts) {
        return Object.keys(counts || {}).reduce(function (total, key) { return total + counts[key]; }, 0);
    }

    function channels(counts) {
        return Object.keys(counts || {}).map(function (key) { return key + ': ' + counts[key]; }).join(', ');
    }

    function showProgress(status) {
        progress.classList.remove('d-none');
        bar.style.width = status.percent + '%';
        bar.setAttribute('aria-valuenow', String(status.percent));
        bar.textContent = (status.phase === 'reading' ? text.textReading : text.textSimulating) + ' ' + status.percent + '%';
    }

    function showError(message) {
        progress.classList.add('d-none');
        output.replaceChildren(element('div', message || text.textFailed));
        output.firstChild.className = 'alert alert-danger';
        form.querySelector('button').disabled = false;
    }

    function showResult(status) {
        var result = status.result;
        progress.classList.add('d-none');
        var summary = element('p', format(text.textSummary, [result.events, result.customers, result.entered, sum(result.sent), result.goalReached, result.converted, status.revenueText, result.attributionDays]));
        summary.className = 'custom-flows-backtest-summary';

        var table = element('table');
        table.className = 'table table-bordered table-sm custom-flows-backtest-steps';
        var head = table.createTHead().insertRow();
        [text.textStep, text.textEntered, text.textSent, text.textHeld, text.textGoal, text.textConverted].forEach(function (label) {
            head.appendChild(element('th', label));
        });
        var body = table.createTBody();
        result.steps.forEach(function (step) {
            var row = body.insertRow();
            [step.nodeId + ' (' + step.type + ')', step.entered, channels(step.sent), step.postponed + step.skipped, step.goalReached, step.converted].forEach(function (value) {
                row.appendChild(element('td', String(value)));
            });
        });

        var parts = [summary, table];
        if (result.heldBackCustomers > 0) {
            parts.push(element('p', format(text.textHeldBack, [result.heldBackCustomers])));
            var list = element('ul');
            list.className = 'custom-flows-backtest-held';
            result.heldBack.forEach(function (customer) {
                list.appendChild(element('li', (customer.email || '#' + customer.customerId) + ': ' + customer.times + ' (' + customer.guardrails.join(', ') + ')'));
            });
            parts.push(list);
        }

        output.replaceChildren.apply(output, parts);
        form.querySelector('button').disabled = false;
    }

    function follow(status) {
        if (status.state === 'done') return showResult(status);
        if (status.state === 'failed') return showError(status.error);
        showProgress(status);
        setTimeout(function () {
            fetch(card.dataset.statusUrl + '?job=' + encodeURIComponent(status.job), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
                .then(function (response) { return response.json().then(function (json) { return { ok: response.ok, json: json }; }); })
                .then(function (answer) { return answer.ok ? follow(answer.json) : showError(answer.json.error); })
                .catch(function () { showError(); });
        }, pollEveryMs);
    }

    form.addEventListener('submit', function (event) {
        event.preventDefault();
        form.querySelector('button').disabled = true;
        output.replaceChildren();
        var data = new URLSearchParams(new FormData(form));
        fetch(card.dataset.startUrl, { method: 'POST', body: data, headers: { Accept: 'application/json' }, credentials: 'same-origin' })
            .then(function (response) { return response.json().then(function (json) { return { ok: response.ok, json: json }; }); })
            .then(function (answer) { return answer.ok ? follow(answer.json) : showError(answer.json.error); })
            .catch(function () { showError(); });
    });
})();
