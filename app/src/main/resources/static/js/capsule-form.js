// The capsule definition form: builds the definition from the fields and sends it to
// POST /api/capsules (new) or PUT /api/capsules/{id}; the service checks it and says what is wrong.
'use strict';
document.addEventListener('DOMContentLoaded', function () {
  var C = window.Capsules;
  var form = document.getElementById('capsule-form');
  var list = document.getElementById('column-list');
  var message = document.getElementById('form-message');
  var counter = list.children.length;

  function value(id) { return document.getElementById(id).value.trim(); }
  function csv(text) { return text.split(',').map(function (s) { return s.trim(); }).filter(Boolean); }

  function wire(fieldset) {
    fieldset.querySelector('.remove-column').addEventListener('click', function () { fieldset.remove(); });
  }
  list.querySelectorAll('.column').forEach(wire);

  document.getElementById('add-column').addEventListener('click', function () {
    counter += 1;
    var fragment = document.getElementById('column-template').content.cloneNode(true);
    var fieldset = fragment.querySelector('fieldset');
    fieldset.querySelector('legend').textContent = 'Colonne ' + counter;
    fieldset.querySelectorAll('.field').forEach(function (field, i) {
      var id = 'new-col-' + counter + '-' + i;
      field.querySelector('label').htmlFor = id;
      field.querySelector('input').id = id;
    });
    list.appendChild(fieldset);
    wire(fieldset);
    fieldset.querySelector('input').focus();
  });

  // The columns' declared checks (docs/TABLES.md) are not edited by this form: kept as they are, by column name.
  var checksByName = {};
  var checksLoaded = Promise.resolve();
  if (form.getAttribute('data-mode') === 'update') {
    checksLoaded = C.api('GET', '/api/capsules/' + encodeURIComponent(value('id'))).then(function (current) {
      ((current.table && current.table.columns) || []).forEach(function (c) {
        if (c.checks) { checksByName[c.name] = c.checks; }
      });
    }).catch(function () { /* the save will say what is wrong */ });
  }

  function definition() {
    var kind = value('kind');
    var generic = document.getElementById('scope-generic').checked;
    var d = {
      id: value('id'), name: value('name'), description: value('description'), purpose: value('purpose'),
      referent: value('referent'), status: value('status'), kind: kind, instructions: value('instructions'),
      model: value('model') || null,
      scope: { generic: generic, services: Array.prototype.map.call(
        form.querySelectorAll('input[name="service"]:checked'), function (box) { return box.value; }) },
      maintainers: csv(value('maintainers')),
      retrieval: { topK: Number(value('topK')) || null, minCoverage: value('minCoverage') === '' ? null : Number(value('minCoverage')) },
      validation: { distinctValidator: document.getElementById('distinctValidator').checked,
        serviceSeesDrafts: document.getElementById('serviceSeesDrafts').checked },
      pseudonymisation: {
        enabled: value('pseudonymisation') === '' ? null : value('pseudonymisation') === 'true',
        keptTerms: value('keptTerms').split(';').map(function (t) { return t.trim(); }).filter(Boolean),
        establishments: document.getElementById('pseudonymisation').getAttribute('data-establishments') === 'true' ? true : null
      }
    };
    if (kind === 'table') {
      var deadlines = {};
      value('deadlines').split('\n').forEach(function (line) {
        var at = line.indexOf(':');
        if (at > 0) { deadlines[line.slice(0, at).trim()] = line.slice(at + 1).trim(); }
      });
      d.table = {
        columns: Array.prototype.map.call(list.querySelectorAll('.column'), function (f) {
          return {
            name: f.querySelector('.col-name').value.trim(), title: f.querySelector('.col-title').value.trim(),
            description: f.querySelector('.col-description').value.trim(), values: csv(f.querySelector('.col-values').value),
            checks: checksByName[f.querySelector('.col-name').value.trim()] || null
          };
        }),
        deadlineByNature: deadlines
      };
    }
    return d;
  }

  // The form's own words for the definition's fields, so that each error names its field once, as shown.
  var FIELDS = { id: 'id', name: 'name', description: 'description', purpose: 'purpose', referent: 'referent',
    status: 'status', kind: 'kind', instructions: 'instructions', model: 'model', maintainers: 'maintainers',
    scope: 'services', 'scope.services': 'services', 'retrieval.topK': 'topK', 'retrieval.minCoverage': 'minCoverage',
    table: 'columns', 'table.columns': 'columns' };

  function fieldOf(path) {
    var key = path.replace(/\[\d+\]/g, '');
    while (key && !FIELDS[key]) { key = key.indexOf('.') > 0 ? key.slice(0, key.lastIndexOf('.')) : ''; }
    return key ? document.getElementById(FIELDS[key]) : null;
  }

  function labelOf(element, path) {
    if (!element) { return path; }
    var label = element.tagName === 'FIELDSET' ? element.querySelector('legend') : form.querySelector('label[for="' + element.id + '"]');
    return label ? label.textContent.replace(/\s*\*$/, '').replace(/\s*\(.*\)$/, '').trim() : path;
  }

  function clearErrors() {
    form.querySelectorAll('.field-error').forEach(function (p) { p.remove(); });
    form.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
  }

  // One sentence per problem, each naming its field once by the form's label; each field flagged where it is.
  function describe(error) {
    clearErrors();
    if (!error.problems || !error.problems.length) { return error.message; }
    return error.problems.map(function (p) {
      var element = fieldOf(p.field || '');
      if (element) {
        element.setAttribute('aria-invalid', 'true');
        var note = document.createElement('p');
        note.className = 'field-error';
        note.textContent = p.message;
        element.insertAdjacentElement('afterend', note);
      }
      return (p.field ? labelOf(element, p.field) + ' : ' : '') + p.message;
    }).join(' ; ');
  }

  form.addEventListener('submit', async function (event) {
    event.preventDefault();
    await checksLoaded;
    var d = definition();
    var creating = form.getAttribute('data-mode') === 'create';
    message.textContent = 'Enregistrement…';
    try {
      var saved = creating
        ? await C.api('POST', '/api/capsules', d)
        : await C.api('PUT', '/api/capsules/' + encodeURIComponent(d.id), d);
      message.textContent = 'Capsule enregistrée (version ' + saved.version + ').';
      window.location.assign('/capsules/' + encodeURIComponent(saved.id) + '/documents');
    } catch (e) {
      message.textContent = 'La capsule n\'a pas été enregistrée : ' + describe(e);
    }
  });
});
