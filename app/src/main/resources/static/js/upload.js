// A capsule's documents: upload by file picker or drag and drop (POST /api/capsules/{id}/documents)
// with the per-file report, removal and re-indexing.
'use strict';
document.addEventListener('DOMContentLoaded', function () {
  var C = window.Capsules;
  var section = document.getElementById('upload');
  var capsule = section.getAttribute('data-capsule');
  var base = '/api/capsules/' + encodeURIComponent(capsule);
  var form = document.getElementById('upload-form');
  var input = document.getElementById('files');
  var zone = document.getElementById('drop-zone');
  var status = document.getElementById('upload-status');
  var report = document.getElementById('upload-report');
  var STATUS = { indexed: 'indexé', duplicate: 'doublon (déjà présent)', rejected: 'refusé', failed: 'échec' };

  function showReport(results) {
    var body = report.querySelector('tbody');
    body.textContent = '';
    results.forEach(function (r) {
      var tr = C.el('tr');
      tr.setAttribute('data-status', r.status);
      tr.appendChild(C.el('td', null, r.file));
      tr.appendChild(C.el('td', 'result ' + r.status, STATUS[r.status] || r.status));
      var titleCell = C.el('td');
      if (r.status === 'indexed' && r.documentId) {
        // The referent checks what was understood of the file before publishing.
        var link = C.el('a', null, r.title || r.file);
        link.href = '/capsules/' + encodeURIComponent(capsule) + '/documents/' + encodeURIComponent(r.documentId);
        titleCell.appendChild(link);
      } else {
        titleCell.textContent = r.title || '';
      }
      tr.appendChild(titleCell);
      tr.appendChild(C.el('td', null, r.status === 'indexed' || r.status === 'duplicate'
        ? (r.pages > 0 ? r.pages : 'sans pagination') : ''));
      tr.appendChild(C.el('td', null, r.chunks));
      var notes = C.el('td');
      var ul = C.el('ul', 'plain');
      (r.warnings || []).forEach(function (w) { ul.appendChild(C.el('li', null, w)); });
      // What the stages replaced, by category, e.g. "1 NIR remplacés, 3 personnes remplacées".
      var counted = Object.keys(r.counts || {});
      if (counted.length) {
        ul.appendChild(C.el('li', 'counts', counted.map(function (k) { return r.counts[k] + ' ' + k; }).join(', ')));
      }
      if (r.error) { ul.appendChild(C.el('li', 'error', r.error)); }
      notes.appendChild(ul);
      tr.appendChild(notes);
      body.appendChild(tr);
    });
    report.hidden = false;
    var counts = {};
    results.forEach(function (r) { counts[r.status] = (counts[r.status] || 0) + 1; });
    status.textContent = results.length + ' fichier(s) traité(s) : ' + Object.keys(counts).map(function (k) {
      return counts[k] + ' ' + (STATUS[k] || k);
    }).join(', ') + '. Rechargez la page pour voir la liste à jour.';
  }

  async function send(files) {
    if (!files.length) { status.textContent = 'Choisissez au moins un fichier.'; return; }
    var data = new FormData();
    Array.prototype.forEach.call(files, function (f) { data.append('files', f, f.name); });
    status.textContent = 'Envoi et lecture de ' + files.length + ' fichier(s)…';
    try {
      var result = await C.api('POST', base + '/documents', data);
      showReport(result.results);
    } catch (e) { status.textContent = 'Erreur : ' + e.message; }
  }

  form.addEventListener('submit', function (event) { event.preventDefault(); send(input.files); });
  ['dragenter', 'dragover'].forEach(function (type) {
    zone.addEventListener(type, function (event) { event.preventDefault(); zone.classList.add('over'); });
  });
  ['dragleave', 'drop'].forEach(function (type) {
    zone.addEventListener(type, function () { zone.classList.remove('over'); });
  });
  zone.addEventListener('drop', function (event) { event.preventDefault(); send(event.dataTransfer.files); });

  document.querySelectorAll('.remove-document').forEach(function (button) {
    button.addEventListener('click', async function () {
      var row = button.closest('tr');
      if (!window.confirm('Retirer « ' + row.children[1].textContent + ' » de la capsule ? Ses passages ne seront plus cités.')) { return; }
      try {
        await C.api('DELETE', base + '/documents/' + encodeURIComponent(button.getAttribute('data-document')));
        row.remove();
        status.textContent = 'Document retiré.';
      } catch (e) { status.textContent = 'Erreur : ' + e.message; }
    });
  });

  // A passage flagged at indexing as addressed to a model: the referent excludes it from the
  // answers (or puts it back); the API checks, records and audits the decision.
  function passageButtons(item) {
    var exclude = item.querySelector('.exclude-passage');
    var restore = item.querySelector('.restore-passage');
    if (exclude) {
      exclude.addEventListener('click', async function () {
        var reason = window.prompt('Exclure ce passage des recherches et des réponses ? Motif (facultatif) :', '');
        if (reason === null) { return; }
        try {
          await C.api('POST', passagePath(exclude), { reason: reason });
          setState(item, exclude, true);
          status.textContent = 'Passage exclu des réponses.';
        } catch (e) { status.textContent = 'Erreur : ' + e.message; }
      });
    }
    if (restore) {
      restore.addEventListener('click', async function () {
        try {
          await C.api('DELETE', passagePath(restore));
          setState(item, restore, false);
          status.textContent = 'Passage rétabli.';
        } catch (e) { status.textContent = 'Erreur : ' + e.message; }
      });
    }
  }

  function passagePath(button) {
    return base + '/documents/' + encodeURIComponent(button.getAttribute('data-document')) + '/passages/'
      + encodeURIComponent(button.getAttribute('data-passage')) + '/exclusion';
  }

  function setState(item, button, excluded) {
    var state = item.querySelector('.passage-state');
    if (state) { state.remove(); }
    var replacement = C.el('button', 'secondary ' + (excluded ? 'restore-passage' : 'exclude-passage'),
      excluded ? 'Rétablir' : 'Exclure ce passage');
    replacement.type = 'button';
    replacement.setAttribute('data-document', button.getAttribute('data-document'));
    replacement.setAttribute('data-passage', button.getAttribute('data-passage'));
    if (excluded) {
      var note = C.el('strong', 'passage-state', 'Passage exclu des réponses.');
      item.insertBefore(note, button);
    }
    button.replaceWith(replacement);
    passageButtons(item);
  }

  document.querySelectorAll('#documents li[data-passage]').forEach(passageButtons);

  document.getElementById('reindex').addEventListener('click', async function () {
    status.textContent = 'Ré-indexation en cours…';
    try {
      showReport((await C.api('POST', base + '/reindex')).results);
    } catch (e) { status.textContent = 'Erreur : ' + e.message; }
  });
});
