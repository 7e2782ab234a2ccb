// The chat page: streams the answer from POST /api/capsules/{id}/ask (server-sent events), then
// renders the final answer with its label, mode, flagged sentences and numbered sources. The
// model's text is only ever set with textContent.
'use strict';
document.addEventListener('DOMContentLoaded', function () {
  var C = window.Capsules;
  var form = document.getElementById('ask-form');
  var conversation = document.getElementById('conversation');
  var status = document.getElementById('ask-status');
  var questionField = document.getElementById('question');
  var conversationField = document.getElementById('conversationId');
  var capsule = conversation.getAttribute('data-capsule');
  // Originals of a pseudonymised capsule are for its referents and the admins only.
  var originals = conversation.getAttribute('data-originals') !== 'false';
  var LABEL = 'Généré par IA — à vérifier';
  var FR = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
  // What the answer cost, quietly: tokens, server time, estimated energy and carbon (docs/USAGE.md).
  function usageText(u) {
    return FR.format(u.promptTokens) + ' + ' + FR.format(u.completionTokens) + ' jetons · '
      + FR.format(u.totalMs / 1000) + ' s · ≈ ' + FR.format(u.energyWh) + ' Wh · ≈ '
      + FR.format(u.carbonGrams) + ' g CO₂e (estimation)';
  }
  var MODES = {
    generative: 'Réponse rédigée par le modèle',
    extractive: 'Réponse extractive : modèle indisponible',
    abstained: 'Les documents ne permettent pas de répondre'
  };

  function sourceName(c) {
    return (c.title || 'Document') + (c.page ? ', p. ' + c.page : '');
  }

  function renderText(container, answer) {
    container.textContent = '';
    var text = answer.answer || '';
    var spans = [];
    var general = [];
    (answer.warnings || []).forEach(function (w) {
      var at = w.sentence ? text.indexOf(w.sentence) : -1;
      if (at < 0) { general.push(w); return; }
      var same = spans.find(function (s) { return s.start === at; });
      if (same) { same.warnings.push(w); return; }
      var overlaps = spans.some(function (s) { return at < s.end && s.start < at + w.sentence.length; });
      if (overlaps) { general.push(w); } else { spans.push({ start: at, end: at + w.sentence.length, warnings: [w] }); }
    });
    spans.sort(function (a, b) { return a.start - b.start; });
    var cursor = 0;
    spans.forEach(function (s) {
      if (s.start > cursor) { container.appendChild(C.el('span', null, text.slice(cursor, s.start))); }
      container.appendChild(C.el('mark', 'flagged', text.slice(s.start, s.end)));
      s.warnings.forEach(function (w) { container.appendChild(C.el('span', 'warning-note', '⚠ ' + w.message)); });
      cursor = s.end;
    });
    if (cursor < text.length) { container.appendChild(C.el('span', null, text.slice(cursor))); }
    return general;
  }

  function renderSources(box, citations) {
    box.textContent = '';
    if (!citations || !citations.length) { return; }
    box.appendChild(C.el('h2', 'sources-title', 'Sources'));
    var list = C.el('ol');
    citations.forEach(function (c) {
      var item = C.el('li');
      item.id = 'source-' + c.n;
      var details = C.el('details');
      var summary = C.el('summary');
      summary.appendChild(C.el('span', null, '[' + c.n + '] ' + sourceName(c)));
      details.appendChild(summary);
      details.appendChild(C.el('blockquote', null, c.text));
      details.appendChild(C.el('p', 'meta', 'Fichier : ' + (c.file || '')));
      if (c.documentId && originals) {
        var link = C.el('a', 'download', 'Télécharger le document');
        link.href = '/api/capsules/' + encodeURIComponent(capsule) + '/documents/' + encodeURIComponent(c.documentId) + '/file';
        details.appendChild(link);
      }
      item.appendChild(details);
      list.appendChild(item);
    });
    box.appendChild(list);
  }

  function newTurn(question) {
    var turn = C.el('article', 'turn');
    var q = C.el('p', 'question');
    q.appendChild(C.el('span', 'who-said', 'Vous :'));
    q.appendChild(document.createTextNode(' '));
    q.appendChild(C.el('span', null, question));
    turn.appendChild(q);
    var answer = C.el('div', 'answer');
    answer.setAttribute('aria-busy', 'true');
    answer.appendChild(C.el('p', 'ai-label', LABEL));
    var mode = C.el('p', 'mode', 'Réponse en cours…');
    answer.appendChild(mode);
    var text = C.el('div', 'answer-text');
    answer.appendChild(text);
    var warnings = C.el('ul', 'warnings');
    answer.appendChild(warnings);
    var sources = C.el('div', 'sources');
    answer.appendChild(sources);
    var footer = C.el('div', 'answer-footer');
    answer.appendChild(footer);
    turn.appendChild(answer);
    conversation.appendChild(turn);
    return { answer: answer, mode: mode, text: text, warnings: warnings, sources: sources, footer: footer };
  }

  function finish(view, answer, question) {
    view.answer.setAttribute('data-mode', answer.mode);
    view.answer.removeAttribute('aria-busy');
    view.answer.querySelector('.ai-label').textContent = answer.label || LABEL;
    view.mode.textContent = MODES[answer.mode] || answer.mode;
    var general = renderText(view.text, answer);
    view.warnings.textContent = '';
    general.forEach(function (w) { view.warnings.appendChild(C.el('li', null, '⚠ ' + w.message)); });
    renderSources(view.sources, answer.citations);
    view.footer.textContent = '';
    if (answer.model) { view.footer.appendChild(C.el('p', 'meta', 'Modèle : ' + answer.model)); }
    if (answer.usage) { view.footer.appendChild(C.el('p', 'answer-usage', usageText(answer.usage))); }
    view.footer.appendChild(C.postForm('/capsules/' + encodeURIComponent(capsule) + '/drafts', { question: question },
      'Créer un brouillon', 'make-draft'));
    if (answer.conversationId) { conversationField.value = answer.conversationId; }
  }

  function fail(view, message) {
    view.answer.removeAttribute('aria-busy');
    view.mode.textContent = 'Pas de réponse';
    view.text.textContent = '';
    view.text.appendChild(C.el('p', 'error', message));
  }

  form.addEventListener('submit', async function (event) {
    event.preventDefault();
    var question = questionField.value.trim();
    if (!question) { questionField.focus(); return; }
    var button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    status.textContent = 'Réponse en cours de rédaction…';
    var view = newTurn(question);
    var streamed = '';
    try {
      var body = { question: question };
      if (conversationField.value) { body.conversationId = conversationField.value; }
      var response = await fetch('/api/capsules/' + encodeURIComponent(capsule) + '/ask', {
        method: 'POST',
        credentials: 'same-origin',
        headers: C.headers({ 'Content-Type': 'application/json', 'Accept': 'text/event-stream' }),
        body: JSON.stringify(body)
      });
      if (!response.ok) { throw await C.problem(response); }
      var done = false;
      await C.readEvents(response, function (name, data) {
        if (name === 'token') {
          streamed += data.text;
          view.text.textContent = streamed;
        } else if (name === 'reset') {
          streamed = '';
          view.text.textContent = '';
          view.mode.textContent = 'Le modèle s\'est interrompu : ' + (data.reason || '') + ' — réponse extractive.';
        } else if (name === 'citations') {
          renderSources(view.sources, data);
        } else if (name === 'done') {
          done = true;
          finish(view, data, question);
        }
      });
      if (!done) { throw new Error('La réponse a été interrompue avant la fin : reposez la question.'); }
      questionField.value = '';
      status.textContent = 'Réponse reçue.';
    } catch (e) {
      fail(view, e.message);
      status.textContent = 'Erreur : ' + e.message;
    } finally {
      button.disabled = false;
    }
  });
});
