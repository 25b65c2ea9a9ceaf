// The positions page's keys: j / k the next or previous sentence, a / r accept or reject the sentence in focus (then
// on to the next sentence to decide), n the next sentence to decide. The page works without this script: its forms
// post and come back to the sentence decided; with htmx, a decision updates that sentence and the counts in place.
(function () {
  'use strict';
  var viaKey = false;

  function sentences() {
    return Array.prototype.slice.call(document.querySelectorAll('article.sentence'));
  }

  function current() {
    var active = document.activeElement;
    return active && active.closest ? active.closest('article.sentence') : null;
  }

  function show(sentence, scroll) {
    if (!sentence) {
      return;
    }
    sentence.focus({preventScroll: true});
    if (scroll) {
      sentence.scrollIntoView({block: 'start'});
    }
  }

  function step(by) {
    var all = sentences();
    if (all.length === 0) {
      return;
    }
    var at = all.indexOf(current());
    var next = at < 0 ? (by > 0 ? 0 : all.length - 1) : at + by;
    if (next >= 0 && next < all.length) {
      show(all[next], true);
    }
  }

  /** The first sentence after {@code from} (from the top when null) that has a position to decide, or null. */
  function nextUndecided(from) {
    var all = sentences();
    var start = from ? all.indexOf(from) : -1;
    for (var k = 1; k <= all.length; k++) {
      var candidate = all[((start + k) % all.length + all.length) % all.length];
      if (candidate !== from && candidate.getAttribute('data-undecided') !== '0') {
        return candidate;
      }
    }
    return null;
  }

  function decide(status) {
    var sentence = current();
    if (!sentence) {
      return;
    }
    var button = sentence.querySelector('form.decide-sentence button[value="' + status + '"]');
    if (button) {
      viaKey = true;
      button.click();
    }
  }

  function say(text) {
    var out = document.getElementById('summary-message');
    if (out) {
      out.className = '';
      out.textContent = text;
    }
  }

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) {
      return;
    }
    var target = e.target;
    if (target && target.closest && target.closest('input, textarea, select, [contenteditable]')) {
      return;
    }
    var actions = {
      j: function () { step(1); },
      k: function () { step(-1); },
      a: function () { decide('accepted'); },
      r: function () { decide('rejected'); },
      n: function () { show(nextUndecided(current()), true); }
    };
    var action = actions[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  });

  document.addEventListener('click', function (e) {
    var link = e.target.closest ? e.target.closest('a.next-undecided') : null;
    if (!link) {
      return;
    }
    var next = nextUndecided(link.closest('article.sentence'));
    if (next) {
      e.preventDefault();
      show(next, true);
    }
  });

  // A form posted once is not posted again by a second press while its answer is on its way.
  document.addEventListener('submit', function (e) {
    var button = e.target.querySelector('button[data-once]');
    if (button) {
      window.setTimeout(function () {
        button.disabled = true;
        button.textContent = button.getAttribute('data-once');
      }, 0);
    }
  });

  // What to do once a decision's answer is in place is kept with its request, so that answers arriving out of order
  // each move the focus as their own key or click meant.
  document.addEventListener('htmx:beforeRequest', function (e) {
    var holder = e.detail.elt.closest ? e.detail.elt.closest('article.sentence, section.theme') : null;
    if (e.detail.xhr && holder) {
      e.detail.xhr.councilbrief = {id: holder.id, viaKey: viaKey};
    }
    viaKey = false;
  });

  document.addEventListener('htmx:afterSettle', function (e) {
    var done = e.detail.xhr ? e.detail.xhr.councilbrief : null;
    if (!done) {
      return;
    }
    e.detail.xhr.councilbrief = null;
    var updated = document.getElementById(done.id);
    if (done.viaKey) {
      show(nextUndecided(updated && updated.matches('article.sentence') ? updated : null) || updated, true);
    } else if (updated) {
      var sentence = updated.matches('article.sentence') ? updated : updated.querySelector('article.sentence');
      show(sentence, false);
    }
  });

  document.addEventListener('htmx:responseError', function (e) {
    say('Not saved: the server answered ' + e.detail.xhr.status + '. Show the page again and decide once more.');
  });

  document.addEventListener('htmx:sendError', function () {
    say('Not saved: the server could not be reached. Check the connection and decide once more.');
  });
})();
