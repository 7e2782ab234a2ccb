// A draft's page: table cells that grow with their text, edits saved through the API (PUT
// /api/drafts/{id}/content, keeping each row's sources and warnings), validation after a
// confirmation naming the person in which every open warning is ticked (POST .../validate with
// {acknowledgedWarnings: [ids]}), rejection with a reason. The page is reloaded after a decision so
// that what is shown is what the service recorded.
'use strict';
document.addEventListener('DOMContentLoaded', function () {
  var C = window.Capsules;
  var section = document.getElementById('draft');
  if (!section) { return; }

  // A cell shows its whole text: its height follows the content, so nothing is read by scrolling
  // inside a box. Recomputed on input and when the window (hence the column widths) changes.
  function grow(area) {
    area.style.height = 'auto';
    var style = window.getComputedStyle(area);
    var borders = parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth);
    area.style.height = (area.scrollHeight + borders) + 'px';
  }
  function growAll() { section.querySelectorAll('textarea.cell').forEach(grow); }
  growAll();
  window.addEventListener('resize', growAll);
  section.addEventListener('input', function (event) {
    if (event.target.matches('textarea.cell')) { grow(event.target); }
  });

  if (section.getAttribute('data-editable') !== 'true') { return; }
  var id = section.getAttribute('data-draft');
  var kind = section.getAttribute('data-kind');
  var message = document.getElementById('draft-message');
  var dirty = false;
  var current = null;

  section.addEventListener('input', function () { dirty = true; message.textContent = 'Modifications non enregistrées.'; });
  section.addEventListener('change', function () { dirty = true; message.textContent = 'Modifications non enregistrées.'; });
  C.api('GET', '/api/drafts/' + encodeURIComponent(id)).then(function (d) { current = d; })
    .catch(function (e) { message.textContent = 'Erreur : ' + e.message; });

  function content() {
    if (kind === 'text') {
      return { text: document.getElementById('draft-text').value };
    }
    var rows = Array.prototype.map.call(section.querySelectorAll('tbody tr'), function (tr) {
      var index = Number(tr.getAttribute('data-row'));
      var original = current && current.content.rows[index]
        ? current.content.rows[index] : { citations: [], warnings: [], cellWarnings: {} };
      var cells = {};
      tr.querySelectorAll('.cell').forEach(function (cell) { cells[cell.getAttribute('data-column')] = cell.value; });
      return { cells: cells, citations: original.citations, warnings: original.warnings, cellWarnings: original.cellWarnings };
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

  // Ctrl+S (Cmd+S) saves, as in an office suite, instead of the browser's "save the page".
  document.addEventListener('keydown', function (event) {
    if ((event.ctrlKey || event.metaKey) && (event.key === 's' || event.key === 'S')) {
      event.preventDefault();
      document.getElementById('save').click();
    }
  });

  document.getElementById('save').addEventListener('click', async function () {
    try {
      if (!dirty) { message.textContent = 'Aucune modification à enregistrer.'; return; }
      await save();
    } catch (e) { message.textContent = 'Erreur : ' + e.message; }
  });

  document.querySelectorAll('dialog [data-close]').forEach(function (b) {
    b.addEventListener('click', function () { b.closest('dialog').close(); });
  });

  // Validation: one checkbox per open warning; "Je valide" stays disabled until each is ticked.
  var validateDialog = document.getElementById('validate-dialog');
  var confirm = document.getElementById('validate-confirm');
  var boxes = Array.prototype.slice.call(validateDialog.querySelectorAll('input.acknowledge'));
  var count = document.getElementById('acknowledge-count');
  var validateError = document.getElementById('validate-error');
  function refresh() {
    var left = boxes.filter(function (b) { return !b.checked; }).length;
    confirm.disabled = left > 0;
    if (count) {
      count.textContent = left === 0
        ? 'Tous les avertissements sont cochés : vous pouvez valider.'
        : (left === 1 ? 'Encore 1 avertissement à cocher avant de valider.'
          : 'Encore ' + left + ' avertissements à cocher avant de valider.');
    }
  }
  boxes.forEach(function (b) { b.addEventListener('change', refresh); });
  refresh();

  document.getElementById('validate').addEventListener('click', function () {
    validateError.hidden = true;
    validateDialog.showModal();
  });
  confirm.addEventListener('click', async function () {
    if (boxes.some(function (b) { return !b.checked; })) { refresh(); return; }
    try {
      await save();
      var acknowledged = boxes.map(function (b) { return b.value; });
      await C.api('POST', '/api/drafts/' + encodeURIComponent(id) + '/validate', { acknowledgedWarnings: acknowledged });
      validateDialog.close();
      message.textContent = 'Brouillon validé.';
      window.location.reload();
    } catch (e) {
      validateError.textContent = e.message;
      validateError.hidden = false;
      validateError.focus();
    }
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
