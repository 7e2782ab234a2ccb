// The findings form of a table capsule: POST /api/capsules/{id}/drafts. When the service streams
// rows (text/event-stream: row…, done), they are shown as they arrive; otherwise (JSON) the
// created draft is opened at once.
'use strict';
document.addEventListener('DOMContentLoaded', function () {
  var C = window.Capsules;
  var form = document.getElementById('draft-form');
  var status = document.getElementById('draft-status');
  var preview = document.getElementById('draft-preview');
  var body = preview.querySelector('tbody');
  var columns = Array.prototype.map.call(preview.querySelectorAll('thead th'), function (th) {
    return th.getAttribute('data-column');
  });
  var capsule = form.getAttribute('data-capsule');

  function open(draft) {
    status.textContent = 'Brouillon créé : ouverture…';
    window.location.assign('/drafts/' + encodeURIComponent(draft.id));
  }

  function addRow(row) {
    preview.hidden = false;
    var tr = C.el('tr');
    columns.forEach(function (name) {
      tr.appendChild(C.el('td', null, (row && row.cells && row.cells[name]) || ''));
    });
    body.appendChild(tr);
    status.textContent = body.children.length + ' ligne(s) rédigée(s)…';
  }

  form.addEventListener('submit', async function (event) {
    event.preventDefault();
    var input = form.querySelector('textarea').value;
    var file = document.getElementById('findings-file');
    var chosen = file && file.files && file.files.length ? file.files[0] : null;
    if (!input.trim() && !chosen) { form.querySelector('textarea').focus(); return; }
    var button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    body.textContent = '';
    status.textContent = 'Rédaction du projet de tableau en cours…';
    try {
      if (chosen) {
        // A file of findings: the service answers the created draft as JSON.
        var data = new FormData();
        data.append('inputDocument', chosen);
        var uploaded = await fetch('/api/capsules/' + encodeURIComponent(capsule) + '/drafts', {
          method: 'POST', credentials: 'same-origin', headers: C.headers({ 'Accept': 'application/json' }), body: data
        });
        if (!uploaded.ok) { throw await C.problem(uploaded); }
        open(await uploaded.json());
        return;
      }
      var response = await fetch('/api/capsules/' + encodeURIComponent(capsule) + '/drafts', {
        method: 'POST',
        credentials: 'same-origin',
        headers: C.headers({ 'Content-Type': 'application/json', 'Accept': 'text/event-stream, application/json' }),
        body: JSON.stringify({ input: input })
      });
      if (!response.ok) { throw await C.problem(response); }
      var type = response.headers.get('Content-Type') || '';
      if (type.indexOf('text/event-stream') === 0) {
        var created = null;
        await C.readEvents(response, function (name, data) {
          if (name === 'row') { addRow(data.row); }
          else if (name === 'done') { created = data.draft || data; }
          else if (name === 'error') { throw new Error(data.detail || 'La rédaction a échoué.'); }
        });
        if (!created) { throw new Error('La rédaction a été interrompue avant la fin : relancez-la.'); }
        open(created);
      } else {
        open(await response.json());
      }
    } catch (e) {
      status.textContent = 'Erreur : ' + e.message;
      button.disabled = false;
    }
  });
});
