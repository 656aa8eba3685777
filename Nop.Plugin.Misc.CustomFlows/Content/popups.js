/*
 * Custom Flows storefront pop-ups: shows each pending pop-up at the moment its display rules ask for
 * (data-show: load, delay, scroll, exit) and reports shown / clicked / dismissed to the plugin, each once, with the
 * pop-up's answer token that the page carries in data-answer-url.
 */
(function () {
    function report(popup, answer, keepalive) {
        //each kind of answer once per pop-up and page: the shop counts it once anyway, a double click need not ask twice
        var sent = popup.customFlowsSent || (popup.customFlowsSent = {});
        if (sent[answer])
            return Promise.resolve();
        sent[answer] = true;
        var url = popup.getAttribute('data-answer-url').replace('__answer__', answer);
        //keepalive lets the report finish when the click navigates away
        return fetch(url, { method: 'POST', credentials: 'same-origin', keepalive: !!keepalive }).catch(function () { });
    }
    function reveal(popup) {
        if (!popup.hidden)
            return;
        popup.hidden = false;
        report(popup, 'shown');
    }
    function whenDue(popup) {
        var delay = parseInt(popup.getAttribute('data-delay'), 10) || 0;
        var depth = parseInt(popup.getAttribute('data-scroll'), 10) || 0;
        switch (popup.getAttribute('data-show')) {
            case 'delay':
                setTimeout(function () { reveal(popup); }, delay * 1000);
                break;
            case 'scroll':
                var onScroll = function () {
                    var scrollable = document.documentElement.scrollHeight - window.innerHeight;
                    var percent = scrollable <= 0 ? 100 : window.scrollY * 100 / scrollable;
                    if (percent >= depth) {
                        window.removeEventListener('scroll', onScroll);
                        reveal(popup);
                    }
                };
                window.addEventListener('scroll', onScroll, { passive: true });
                onScroll();
                break;
            case 'exit':
                var onLeave = function (event) {
                    if (!event.relatedTarget && event.clientY <= 0) {
                        document.removeEventListener('mouseout', onLeave);
                        reveal(popup);
                    }
                };
                document.addEventListener('mouseout', onLeave);
                //touch screens have no pointer leaving the page: show it after a while instead
                if (window.matchMedia && window.matchMedia('(hover: none)').matches)
                    setTimeout(function () { reveal(popup); }, 15000);
                break;
            default:
                reveal(popup);
        }
    }
    function start() {
        document.querySelectorAll('[data-custom-flows-popups] .custom-flows-popup').forEach(setUp);
    }
    function setUp(popup) {
        whenDue(popup);
        popup.querySelectorAll('[data-popup-action]').forEach(function (element) {
            element.addEventListener('click', function () {
                var answer = element.getAttribute('data-popup-action');
                report(popup, answer, answer === 'clicked');
                if (answer === 'dismissed')
                    popup.remove();
            });
        });
    }
    if (document.readyState === 'loading')
        document.addEventListener('DOMContentLoaded', start);
    else
        start();
})();
