// The referent's workshop: reference questions saved in the catalogue's format, an evaluation run followed
// question by question (server-sent events), publication through the gate, rollback to an earlier version.
'use strict';
document.addEventListener('DOMContentLoaded', function () {
  var C = window.Capsules;
  var main = document.querySelector('main[data-capsule]');
  var base = '/api/capsules/' + encodeURIComponent(main.getAttribute('data-capsule'));
  var status = document.getElementById('workshop-status');
  var progress = document.getElementById('evaluation-progress');

  function say(text) { status.textContent = text; }

  async function sendYaml(text) {
    var response = await fetch(base + '/questions/import', {
      method: 'POST', credentials: 'same-origin',
      headers: C.headers({ 'Content-Type': 'application/yaml', 'Accept': 'application/json' }), body: text
    });
    if (!response.ok) { throw await C.problem(response); }
    return response.json();
  }

  document.getElementById('questions-form').addEventListener('submit', async function (event) {
    event.preventDefault();
    try {
      var saved = await sendYaml(document.getElementById('questions-yaml').value);
      say(saved.length + ' question(s) enregistrée(s). Lancez l\'évaluation pour les mesurer.');
      setTimeout(function () { window.location.reload(); }, 800);
    } catch (e) { say('Erreur : ' + e.message); }
  });

  document.getElementById('import-catalogue').addEventListener('click', async function () {
    try {
      var saved = await sendYaml('');
      say(saved.length + ' question(s) reprise(s) du catalogue.');
      setTimeout(function () { window.location.reload(); }, 800);
    } catch (e) { say('Erreur : ' + e.message); }
  });

  document.getElementById('run-evaluation').addEventListener('click', async function () {
    var button = this;
    button.disabled = true;
    say('Évaluation lancée…');
    try {
      var response = await fetch(base + '/evaluations', {
        method: 'POST', credentials: 'same-origin', headers: C.headers({ 'Accept': 'text/event-stream' })
      });
      if (!response.ok) { throw await C.problem(response); }
      progress.hidden = false;
      await C.readEvents(response, function (name, data) {
        if (name === 'progress') {
          progress.max = data.total;
          progress.value = data.done;
          say('Question ' + data.done + ' sur ' + data.total + ' : ' + (data.passed ? 'réussie' : 'échouée') + ' — ' + data.question);
        } else if (name === 'done') {
          say('Évaluation ' + (data.passed ? 'réussie' : 'échouée') + '. La page se recharge avec le détail.');
          setTimeout(function () { window.location.reload(); }, 1200);
        }
      });
    } catch (e) {
      say('Erreur : ' + e.message);
      button.disabled = false;
    }
  });

  async function publish(body) {
    try {
      var version = await C.api('POST', base + '/publish', body);
      say('Version ' + version.version + ' publiée.');
      setTimeout(function () { window.location.reload(); }, 800);
    } catch (e) { say('Erreur : ' + e.message); }
  }

  document.getElementById('publish').addEventListener('click', function () { publish({}); });
  var override = document.getElementById('override');
  if (override) {
    override.addEventListener('click', function () {
      var reason = window.prompt('Raison de la publication sans évaluation passée (gardée au journal d\'audit et au registre) :');
      if (reason && reason.trim()) { publish({ override: true, reason: reason.trim() }); }
    });
  }

  document.querySelectorAll('button.rollback').forEach(function (button) {
    button.addEventListener('click', async function () {
      var version = button.getAttribute('data-version');
      if (!window.confirm('Publier de nouveau la version ' + version + ' (sa définition et ses documents) ?')) { return; }
      try {
        var v = await C.api('POST', base + '/versions/' + encodeURIComponent(version) + '/rollback', {});
        say('Version ' + version + ' publiée de nouveau comme version ' + v.version + '.');
        setTimeout(function () { window.location.reload(); }, 800);
      } catch (e) { say('Erreur : ' + e.message); }
    });
  });
});
