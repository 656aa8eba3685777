// The chart of a flow's report page: one line per daily number, drawn with Chart.js (which nopCommerce's admin
// ships). The data is the report JSON the page carries (the same the Data endpoint answers).
(function (root) {
    'use strict';

    // day-by-day series of the report, labelled with the texts the page gives
    function chartData(report, texts) {
        var days = report.days || [];
        function series(name) { return days.map(function (day) { return day[name]; }); }
        return {
            labels: days.map(function (day) { return String(day.dayUtc).substring(0, 10); }),
            datasets: [
                { label: texts.entered, data: series('entered'), borderColor: '#3c8dbc', backgroundColor: '#3c8dbc', yAxisID: 'y' },
                { label: texts.sent, data: series('sent'), borderColor: '#00a65a', backgroundColor: '#00a65a', yAxisID: 'y' },
                { label: texts.converted, data: series('converted'), borderColor: '#f39c12', backgroundColor: '#f39c12', yAxisID: 'y' },
                { label: texts.revenue, data: series('revenue'), borderColor: '#605ca8', backgroundColor: '#605ca8', yAxisID: 'revenue', borderDash: [4, 3] }
            ]
        };
    }

    function draw(canvas) {
        var source = document.getElementById(canvas.getAttribute('data-report'));
        if (!source || typeof root.Chart !== 'function') return null;
        var report = JSON.parse(source.textContent);
        var texts = {
            entered: canvas.getAttribute('data-text-entered'),
            sent: canvas.getAttribute('data-text-sent'),
            converted: canvas.getAttribute('data-text-converted'),
            revenue: canvas.getAttribute('data-text-revenue')
        };
        return new root.Chart(canvas, {
            type: 'line',
            data: chartData(report, texts),
            options: {
                animation: false,
                maintainAspectRatio: false,
                interaction: { mode: 'index', intersect: false },
                scales: {
                    y: { beginAtZero: true, position: 'left', ticks: { precision: 0 } },
                    revenue: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false } }
                }
            }
        });
    }

    root.CustomFlowsReport = { chartData: chartData, draw: draw };
    document.addEventListener('DOMContentLoaded', function () {
        document.querySelectorAll('canvas[data-report]').forEach(function (canvas) { root.CustomFlowsReport.chart = draw(canvas); });
    });
})(window);
