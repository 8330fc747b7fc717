/*
 * Live log follow for the logs page: reads the lines panel's data-follow URL (the UI's /live/logs stream) and
 * appends each new line as it arrives, scrolled to the end. The panel keeps at most MAX lines, so a long follow
 * does not grow the page without bound. Re-attached after every ajax update of the panel.
 */
(function () {
    var MAX = 5000;
    var source = null;

    function line(data, timestamps) {
        var div = document.createElement('div');
        div.className = 'log-line ' + data.stream;
        if (timestamps && data.timestamp) {
            var time = document.createElement('span');
            time.className = 'log-time';
            time.textContent = data.timestamp + ' ';
            div.appendChild(time);
        }
        var stream = document.createElement('span');
        stream.className = 'log-stream';
        stream.textContent = data.stream;
        var message = document.createElement('span');
        message.className = 'log-message';
        message.textContent = data.message;
        div.appendChild(stream);
        div.appendChild(document.createTextNode(' '));
        div.appendChild(message);
        return div;
    }

    function attach() {
        if (source) {
            source.close();
            source = null;
        }
        var panel = document.getElementById('logs-form:lines');
        var url = panel && panel.getAttribute('data-follow');
        if (!url || !window.EventSource) {
            return;
        }
        var timestamps = panel.getAttribute('data-timestamps') === 'true';
        panel.scrollTop = panel.scrollHeight;
        source = new EventSource(url);
        source.addEventListener('line', function (event) {
            var current = document.getElementById('logs-form:lines');
            if (!current) {
                return;
            }
            var empty = current.querySelector('.log-empty');
            if (empty) {
                empty.remove();
            }
            var atEnd = current.scrollTop + current.clientHeight >= current.scrollHeight - 20;
            current.appendChild(line(JSON.parse(event.data), timestamps));
            while (current.childElementCount > MAX) {
                current.removeChild(current.firstElementChild);
            }
            if (atEnd) {
                current.scrollTop = current.scrollHeight;
            }
        });
    }

    window.swarmLogs = { attach: attach, following: function () { return source !== null; } };
    window.addEventListener('load', attach);
    window.addEventListener('beforeunload', function () {
        if (source) {
            source.close();
        }
    });
})();
