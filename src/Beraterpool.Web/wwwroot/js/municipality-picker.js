// Type-ahead for the municipality search of the request form. Without this script the form still works:
// "Suchen" sends the text and the server lists the matches. With it, suggestions appear while typing
// (GET /api/municipalities?q=…), and choosing one puts it into the form as the selected radio button.
(function () {
    'use strict';

    function init(input) {
        var api = input.getAttribute('data-municipality-picker');
        var target = document.getElementById(input.getAttribute('data-picker-results'));
        if (!api || !target || !window.fetch) return;

        var listId = input.id + '-suggestions';
        var list = document.createElement('ul');
        list.id = listId;
        list.className = 'picker-list';
        list.setAttribute('role', 'listbox');
        list.setAttribute('aria-label', input.getAttribute('data-label-results') || '');
        list.hidden = true;
        var status = document.createElement('div');
        status.className = 'visually-hidden';
        status.setAttribute('role', 'status');
        var row = input.parentNode;
        row.parentNode.insertBefore(list, row.nextSibling);
        row.parentNode.insertBefore(status, list.nextSibling);

        input.setAttribute('role', 'combobox');
        input.setAttribute('aria-autocomplete', 'list');
        input.setAttribute('aria-expanded', 'false');
        input.setAttribute('aria-controls', listId);

        var hits = [];
        var active = -1;
        var timer = null;
        var sequence = 0;

        function describe(hit) {
            var parts = [];
            if (hit.level === 'district') parts.push(input.getAttribute('data-label-district'));
            if (hit.postcode) parts.push(hit.postcode);
            if (hit.district) parts.push(hit.district);
            if (hit.state) parts.push(hit.state);
            parts.push('AGS ' + hit.key);
            return hit.name + ' (' + parts.join(', ') + ')';
        }

        function close() {
            list.hidden = true;
            list.textContent = '';
            hits = [];
            active = -1;
            input.setAttribute('aria-expanded', 'false');
            input.removeAttribute('aria-activedescendant');
        }

        function highlight(index) {
            var options = list.querySelectorAll('[role=option]');
            for (var i = 0; i < options.length; i++) options[i].setAttribute('aria-selected', i === index ? 'true' : 'false');
            active = index;
            if (index >= 0) {
                input.setAttribute('aria-activedescendant', options[index].id);
                options[index].scrollIntoView({ block: 'nearest' });
            } else {
                input.removeAttribute('aria-activedescendant');
            }
        }

        function render(found) {
            close();
            hits = found;
            found.forEach(function (hit, i) {
                var option = document.createElement('li');
                option.id = listId + '-' + i;
                option.className = 'picker-list__option';
                option.setAttribute('role', 'option');
                option.setAttribute('aria-selected', 'false');
                option.textContent = describe(hit);
                option.addEventListener('mousedown', function (e) { e.preventDefault(); choose(i); });
                list.appendChild(option);
            });
            var count = found.length;
            list.hidden = count === 0;
            input.setAttribute('aria-expanded', count > 0 ? 'true' : 'false');
            status.textContent = count > 0
                ? (input.getAttribute('data-label-count') || '{0}').replace('{0}', String(count))
                : input.getAttribute('data-label-none') || '';
        }

        function choose(index) {
            var hit = hits[index];
            if (!hit) return;
            var fieldset = document.createElement('fieldset');
            fieldset.className = 'kern-fieldset';
            var legend = document.createElement('legend');
            legend.className = 'kern-label';
            legend.textContent = input.getAttribute('data-label-choice') || '';
            var body = document.createElement('div');
            body.className = 'kern-fieldset__body';
            var check = document.createElement('div');
            check.className = 'kern-form-check';
            var radio = document.createElement('input');
            radio.type = 'radio';
            radio.className = 'kern-form-check__radio';
            radio.name = 'Input.MunicipalityKey';
            radio.id = 'Input_MunicipalityKey-' + hit.key;
            radio.value = hit.key;
            radio.checked = true;
            var label = document.createElement('label');
            label.className = 'kern-label';
            label.htmlFor = radio.id;
            label.textContent = describe(hit);
            check.appendChild(radio);
            check.appendChild(label);
            body.appendChild(check);
            fieldset.appendChild(legend);
            fieldset.appendChild(body);
            var holder = document.getElementById('Input_MunicipalityKey') || target;
            holder.textContent = '';
            holder.appendChild(fieldset);
            input.value = hit.name;
            close();
            status.textContent = label.textContent;
        }

        function search() {
            var q = input.value.trim();
            if (q.length < 2) { close(); return; }
            var mine = ++sequence;
            fetch(api + '?q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
                .then(function (r) { return r.ok ? r.json() : []; })
                .then(function (found) { if (mine === sequence) render(found || []); })
                .catch(close);
        }

        input.addEventListener('input', function () {
            clearTimeout(timer);
            timer = setTimeout(search, 200);
        });
        input.addEventListener('keydown', function (e) {
            var open = !list.hidden && hits.length > 0;
            if (e.key === 'ArrowDown' && open) { e.preventDefault(); highlight(Math.min(active + 1, hits.length - 1)); }
            else if (e.key === 'ArrowUp' && open) { e.preventDefault(); highlight(Math.max(active - 1, 0)); }
            else if (e.key === 'Enter' && open && active >= 0) { e.preventDefault(); choose(active); }
            else if (e.key === 'Escape' && open) { e.preventDefault(); close(); }
        });
        input.addEventListener('blur', function () { setTimeout(close, 150); });
    }

    document.addEventListener('DOMContentLoaded', function () {
        var inputs = document.querySelectorAll('[data-municipality-picker]');
        for (var i = 0; i < inputs.length; i++) init(inputs[i]);
    });
})();
