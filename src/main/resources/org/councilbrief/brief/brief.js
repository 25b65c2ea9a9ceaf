// The brief's workspace page, enhanced; every form works without this script.
// - Counts the words of the section as the editor types an item.
// - Keeps what is typed in an item's form in the browser (localStorage, by brief and item) until the form is saved,
//   brings it back after a reload or a crash with a notice and a button to discard it.
// - Asks before leaving the page with changes not saved; sends a form once however often its button is pressed.
(function () {
  'use strict';
  var PREFIX = 'councilbrief.draft.';
  var dirty = [];

  function words(text) {
    var t = text.trim();
    return t === '' ? 0 : t.split(/\s+/).length;
  }

  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (e) {
      return e.name && e.type !== 'hidden' && e.type !== 'submit' && e.type !== 'button';
    });
  }

  function snapshot(form) {
    var values = {};
    fields(form).forEach(function (e) { values[e.name] = e.value; });
    return values;
  }

  function apply(form, values) {
    fields(form).forEach(function (e) {
      if (Object.prototype.hasOwnProperty.call(values, e.name)) {
        e.value = values[e.name];
      }
    });
    form.dispatchEvent(new Event('input', {bubbles: true}));
  }

  function same(a, b) {
    return Object.keys(a).every(function (k) { return (a[k] || '') === (b[k] || ''); })
      && Object.keys(b).every(function (k) { return (a[k] || '') === (b[k] || ''); });
  }

  function read(key) {
    try {
      var value = window.localStorage.getItem(key);
      return value === null ? null : JSON.parse(value);
    } catch (e) {
      return null;
    }
  }

  function write(key, value) {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
    } catch (e) {
      // storage full or refused: the form still works, only the draft is not kept
    }
  }

  function remove(key) {
    try {
      window.localStorage.removeItem(key);
    } catch (e) {
      // nothing kept to remove
    }
  }

  function counter(form) {
    var body = form.querySelector('textarea[name=body]');
    var out = form.querySelector('output[data-count]');
    if (!body || !out) {
      return;
    }
    var select = form.querySelector('select[name=section]');
    function update() {
      var base = parseInt(body.getAttribute('data-section-base'), 10) || 0;
      var limit = parseInt(body.getAttribute('data-limit'), 10) || 0;
      if (select && select.selectedOptions.length && select.selectedOptions[0].hasAttribute('data-words')) {
        base = parseInt(select.selectedOptions[0].getAttribute('data-words'), 10) || 0;
        limit = parseInt(select.selectedOptions[0].getAttribute('data-limit'), 10) || 0;
      }
      var count = base + words(body.value);
      out.value = String(count) + (limit > 0 ? ' of ' + limit : '') + ' words'
        + (limit > 0 && count > limit ? ': ' + (count - limit) + ' over the limit' : '');
      out.textContent = out.value;
      out.classList.toggle('over', limit > 0 && count > limit);
    }
    body.addEventListener('input', update);
    if (select) {
      select.addEventListener('change', update);
    }
    update();
  }

  function draft(form) {
    var key = PREFIX + form.getAttribute('data-draft');
    var sentKey = 'councilbrief.sent.' + key;
    var saved = snapshot(form);
    var state = {dirty: false};
    dirty.push(state);
    try {
      if (window.sessionStorage.getItem(sentKey)) {
        window.sessionStorage.removeItem(sentKey);
        if (!form.hasAttribute('data-refused')) {
          remove(key); // the form was sent and saved: its draft is done with
        }
      }
    } catch (e) {
      // no session storage: a saved form's draft is kept until it is discarded
    }
    var kept = read(key);
    if (kept && kept.fields && !same(kept.fields, saved)) {
      apply(form, kept.fields);
      state.dirty = true;
      var notice = document.createElement('div');
      notice.className = 'draft-notice';
      notice.setAttribute('role', 'status');
      var text = document.createElement('p');
      var at = kept.at ? new Date(kept.at) : null;
      text.textContent = 'Restored what you had typed here and not saved'
        + (at ? ' (kept in this browser at ' + at.toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'})
          + ')' : '') + '. Save it to keep it, or discard the draft.';
      var discard = document.createElement('button');
      discard.type = 'button';
      discard.className = 'secondary';
      discard.textContent = 'Discard draft';
      discard.addEventListener('click', function () {
        remove(key);
        apply(form, saved);
        state.dirty = false;
        notice.remove();
        var first = fields(form)[0];
        if (first) {
          first.focus();
        }
      });
      notice.appendChild(text);
      notice.appendChild(discard);
      form.insertBefore(notice, form.firstChild);
    }
    form.addEventListener('input', function () {
      var now = snapshot(form);
      state.dirty = !same(now, saved);
      if (state.dirty) {
        write(key, {at: Date.now(), fields: now});
      } else {
        remove(key);
      }
    });
  }

  function once(form) {
    form.addEventListener('submit', function (event) {
      if (form.getAttribute('data-sending')) {
        event.preventDefault(); // pressed again while the first send is on its way
        return;
      }
      form.setAttribute('data-sending', 'true');
      dirty.forEach(function (s) { s.dirty = false; });
      if (form.hasAttribute('data-draft')) {
        try {
          window.sessionStorage.setItem('councilbrief.sent.' + PREFIX + form.getAttribute('data-draft'), '1');
        } catch (e) {
          // without session storage the draft stays until discarded
        }
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('form'), function (form) {
      counter(form);
      if (form.hasAttribute('data-draft')) {
        draft(form);
      }
      once(form);
    });
    var invalid = document.querySelector('[aria-invalid=true]');
    if (invalid) {
      invalid.focus();
    }
  });

  window.addEventListener('pageshow', function () {
    Array.prototype.forEach.call(document.querySelectorAll('form[data-sending]'), function (form) {
      form.removeAttribute('data-sending'); // back to a page kept by the browser: its forms may be sent again
    });
  });

  window.addEventListener('beforeunload', function (event) {
    if (dirty.some(function (s) { return s.dirty; })) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
}());
