// A draft's page: saves edits (PUT /api/drafts/{id}/content, keeping each row's sources), validates
// after a confirmation naming the person, rejects with a reason. The page is reloaded after a
// decision so that what is shown is what the service recorded.
'use strict';
document.addEventListener('DOMContentLoaded', function () {
  var C = window.Capsules;
  var section = document.getElementById('draft');
  if (!section || section.getAttribute('data-editable') !== 'true') { return; }
  var id = section.getAttribute('data-draft');
  var kind = section.getAttribute('data-kind');
  var message = document.getElementById('draft-message');
  var dirty = false;
  var current = null;

  section.addEventListener('input', function () { dirty = true; message.textContent = 'Modifications non enregistrées.'; });
  C.api('GET', '/api/drafts/' + encodeURIComponent(id)).then(function (d) { current = d; })
    .catch(function (e) { message.textContent = 'Erreur : ' + e.message; });

  function content() {
    if (kind === 'text') {
      return { text: document.getElementById('draft-text').value };
    }
    var rows = Array.prototype.map.call(section.querySelectorAll('tbody tr'), function (tr) {
      var index = Number(tr.getAttribute('data-row'));
      var original = current && current.content.rows[index] ? current.content.rows[index] : { citations: [], warnings: [] };
      var cells = {};
      tr.querySelectorAll('.cell').forEach(function (cell) { cells[cell.getAttribute('data-column')] = cell.value; });
      return { cells: cells, citations: original.citations, warnings: original.warnings };
    });
    return { rows: rows };
  }

  async function save() {
    if (!dirty) { return; }
    current = await C.api('PUT', '/api/drafts/' + encodeURIComponent(id) + '/content', content());
    dirty = false;
    message.textContent = 'Modifications enregistrées (part modifiée : ' + Math.round(current.editShare * 100) + ' %).';
    document.getElementById('draft-state').textContent = 'Modifié';
  }

  document.getElementById('save').addEventListener('click', async function () {
    try {
      if (!dirty) { message.textContent = 'Aucune modification à enregistrer.'; return; }
      await save();
    } catch (e) { message.textContent = 'Erreur : ' + e.message; }
  });

  document.querySelectorAll('dialog [data-close]').forEach(function (b) {
    b.addEventListener('click', function () { b.closest('dialog').close(); });
  });

  var validateDialog = document.getElementById('validate-dialog');
  document.getElementById('validate').addEventListener('click', function () { validateDialog.showModal(); });
  document.getElementById('validate-confirm').addEventListener('click', async function () {
    validateDialog.close();
    try {
      await save();
      await C.api('POST', '/api/drafts/' + encodeURIComponent(id) + '/validate');
      message.textContent = 'Brouillon validé.';
      window.location.reload();
    } catch (e) { message.textContent = 'Erreur : ' + e.message; }
  });

  var rejectDialog = document.getElementById('reject-dialog');
  var reason = document.getElementById('reject-reason');
  var rejectError = document.getElementById('reject-error');
  document.getElementById('reject').addEventListener('click', function () { rejectError.hidden = true; rejectDialog.showModal(); });
  document.getElementById('reject-confirm').addEventListener('click', async function () {
    if (!reason.value.trim()) {
      rejectError.textContent = 'Indiquez le motif du rejet : il est conservé avec le brouillon.';
      rejectError.hidden = false;
      reason.focus();
      return;
    }
    try {
      await C.api('POST', '/api/drafts/' + encodeURIComponent(id) + '/reject', { reason: reason.value.trim() });
      rejectDialog.close();
      window.location.reload();
    } catch (e) {
      rejectError.textContent = e.message;
      rejectError.hidden = false;
    }
  });
});
