// The import page, enhanced for large files (a megabyte or more); every form works without this script.
// Sends the form itself and shows, under its buttons, how much of the file is uploaded, then what the server has done
// of it (rows read, reviews written), which it asks of import/progress twice a second; then shows the page the server
// answered, at the address the form would have led to.
(function () {
  'use strict';
  var LARGE = 1024 * 1024;
  var number = new Intl.NumberFormat('en');

  function megabytes(bytes) {
    return (bytes / (1024 * 1024)).toFixed(1) + ' MB';
  }

  function token() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  // The file the form sends is large: one chosen now, or (none chosen) the one kept on the server.
  function large(form) {
    var input = form.querySelector('input[type=file]');
    if (input && input.files && input.files.length > 0) {
      return input.files[0].size >= LARGE;
    }
    return form.getAttribute('data-progress') === 'large';
  }

  function panel(form) {
    var box = document.createElement('div');
    box.className = 'import-progress';
    var label = document.createElement('p');
    label.id = 'import-progress-label';
    label.setAttribute('role', 'status');
    label.textContent = 'Uploading the file…';
    var bar = document.createElement('progress');
    bar.id = 'import-progress';
    bar.setAttribute('aria-labelledby', 'import-progress-label');
    bar.style.width = '100%';
    bar.max = 1;
    bar.value = 0;
    var count = document.createElement('p');
    count.id = 'import-progress-count';
    box.appendChild(label);
    box.appendChild(bar);
    box.appendChild(count);
    form.appendChild(box);
    return { box: box, label: label, bar: bar, count: count };
  }

  function show(p, label, done, total) {
    if (p.label.textContent !== label) {
      p.label.textContent = label;
    }
    if (total > 0) {
      p.bar.max = total;
      p.bar.value = Math.min(done, total);
    } else {
      p.bar.removeAttribute('value'); // unknown: a bar that says work goes on
    }
  }

  function send(form, submitter) {
    var data = new FormData(form);
    data.append(submitter.name, submitter.value);
    var id = token();
    data.append('progress', id);
    var buttons = form.querySelectorAll('button');
    Array.prototype.forEach.call(buttons, function (b) { b.disabled = true; });
    var p = panel(form);
    var polling = null;
    var xhr = new XMLHttpRequest();

    function poll() {
      var status = new XMLHttpRequest();
      status.open('GET', form.action + '/progress?id=' + id);
      status.onload = function () {
        if (status.status !== 200 || polling === null) {
          return;
        }
        var s = JSON.parse(status.responseText);
        show(p, s.label + '…', s.done, s.total);
        p.count.textContent = s.total >= 0 ? number.format(s.done) + ' of ' + number.format(s.total)
          : number.format(s.done);
      };
      status.send();
    }

    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) {
        show(p, 'Uploading the file…', e.loaded, e.total);
        p.count.textContent = megabytes(e.loaded) + ' of ' + megabytes(e.total);
      }
    };
    xhr.upload.onload = function () {
      show(p, 'Reading the file…', 0, -1);
      p.count.textContent = '';
      polling = window.setInterval(poll, 500);
    };
    xhr.onload = function () {
      window.clearInterval(polling);
      polling = null;
      var address = xhr.responseURL || form.action;
      document.open();
      document.write(xhr.responseText);
      document.close();
      window.history.replaceState(null, '', address);
    };
    xhr.onerror = function () {
      window.clearInterval(polling);
      polling = null;
      show(p, 'The connection to the server was lost; nothing more is known of the import. Reload the page to see'
        + ' where it stands.', 0, 1);
      Array.prototype.forEach.call(buttons, function (b) { b.disabled = false; });
    };
    xhr.open('POST', form.action);
    xhr.send(data);
  }

  Array.prototype.forEach.call(document.querySelectorAll('form[data-progress]'), function (form) {
    form.addEventListener('submit', function (event) {
      var submitter = event.submitter;
      if (!submitter || (submitter.value !== 'preview' && submitter.value !== 'confirm') || !large(form)
          || !window.FormData || !window.XMLHttpRequest) {
        return;
      }
      event.preventDefault();
      send(form, submitter);
    });
  });
}());
