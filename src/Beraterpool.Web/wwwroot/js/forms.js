// Small enhancements of the server-rendered forms; every form works the same without them.
// 1. Error summary (GOV.UK pattern): focus moves to the summary when the page opens; a link moves focus to its
//    field, or to the first control of a group, and scrolls its label or legend into view with it.
// 2. Checkbox lists with a filter: the filter box appears and hides the options that do not match as you type;
//    the line "Ausgewählt: …" follows the ticks.
// 3. Colour fields: a colour picker appears beside the hex field and the two follow each other.
(function () {
    'use strict';

    function focusable(el) {
        if (!el) return null;
        if (el.matches('input:not([type=hidden]), select, textarea, button')) return el;
        return el.querySelector('input:not([type=hidden]), select, textarea, button') || (el.hasAttribute('tabindex') ? el : null);
    }

    function caption(control) {
        var fieldset = control.closest('fieldset');
        var label = control.id ? document.querySelector('label[for="' + control.id + '"]') : null;
        // A radio or checkbox is known by its group's question, not by its own option label.
        if (fieldset && control.matches('[type=radio], [type=checkbox]')) return fieldset.querySelector('legend') || fieldset;
        return label || fieldset && fieldset.querySelector('legend') || control;
    }

    function initSummary(summary) {
        summary.focus();
        summary.addEventListener('click', function (e) {
            var link = e.target.closest('a[href^="#"]');
            if (!link) return;
            var target = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
            var control = focusable(target);
            if (!control) return;
            e.preventDefault();
            caption(control).scrollIntoView({ block: 'start' });
            control.focus({ preventScroll: true });
        });
    }

    function initFilter(group) {
        var box = group.querySelector('[data-filter-box]');
        var input = group.querySelector('[data-filter-input]');
        var none = group.querySelector('[data-filter-none]');
        var summary = group.querySelector('[data-filter-summary]');
        var checks = Array.prototype.slice.call(group.querySelectorAll('input[type=checkbox]'));
        if (!box || !input) return;
        box.hidden = false;

        function fold(text) {
            return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
        }

        function filter() {
            var q = fold(input.value.trim());
            var shown = 0;
            checks.forEach(function (check) {
                var row = check.closest('.kern-form-check');
                var label = group.querySelector('label[for="' + check.id + '"]');
                var match = q === '' || check.checked || fold(label ? label.textContent : '').indexOf(q) >= 0;
                row.hidden = !match;
                if (match) shown++;
            });
            if (none) none.hidden = shown > 0;
        }

        function summarise() {
            if (!summary) return;
            var names = checks.filter(function (c) { return c.checked; }).map(function (c) {
                var label = group.querySelector('label[for="' + c.id + '"]');
                return label ? label.textContent.trim() : c.value;
            });
            summary.textContent = names.length === 0
                ? summary.getAttribute('data-text-none')
                : summary.getAttribute('data-text-some').replace('%', names.join(', '));
        }

        input.addEventListener('input', filter);
        // Enter in the filter box filters; it must not send the form.
        input.addEventListener('keydown', function (e) { if (e.key === 'Enter') e.preventDefault(); });
        checks.forEach(function (c) { c.addEventListener('change', summarise); });
    }

    function initColour(picker) {
        var field = document.getElementById(picker.getAttribute('data-colour-for'));
        if (!field) return;
        picker.hidden = false;
        picker.addEventListener('input', function () { field.value = picker.value; });
        field.addEventListener('input', function () {
            var v = field.value.trim();
            if (/^#?[0-9a-fA-F]{6}$/.test(v)) picker.value = v.charAt(0) === '#' ? v.toLowerCase() : '#' + v.toLowerCase();
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        var summary = document.querySelector('[data-error-summary]');
        if (summary) initSummary(summary);
        var groups = document.querySelectorAll('[data-checkbox-filter]');
        for (var i = 0; i < groups.length; i++) initFilter(groups[i]);
        var pickers = document.querySelectorAll('[data-colour-for]');
        for (var j = 0; j < pickers.length; j++) initColour(pickers[j]);
    });
})();
