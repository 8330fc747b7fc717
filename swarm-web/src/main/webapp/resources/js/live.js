/*
 * Follows the change feed (the UI's own /live/changes, behind its sign-in) and redraws the page's data panels shortly after a change, so tables, badges
 * and charts move without a reload. Bursts (a scale of many replicas) become one redraw. The browser's
 * EventSource reconnects by itself with Last-Event-ID; the 30 s poll stays as the fallback.
 */
(function () {
    if (!window.EventSource) {
        return;
    }
    var pending = null;
    // Tests (and anyone curious) can see whether a redraw is due.
    window.swarmLive = { isPending: function () { return pending !== null; } };
    var source = new EventSource('/live/changes');
    function changed() {
        if (pending) {
            return;
        }
        pending = setTimeout(function () {
            pending = null;
            if (typeof window.refreshOnChange === 'function' && !document.hidden) {
                window.refreshOnChange();
            }
        }, 300);
    }
    ['node', 'service', 'task', 'health', 'resync'].forEach(function (type) {
        source.addEventListener(type, changed);
    });
    window.addEventListener('beforeunload', function () {
        source.close();
    });
})();
