// The chat page: streams the answer from POST /api/capsules/{id}/ask (server-sent events), then
// renders the final answer with its label, mode, flagged sentences and numbered sources. The
// model's text is only ever set with textContent. Habits from the chat tools people know: Enter
// sends and Shift+Enter goes to the line, a stop button aborts the generation (the request is
// cancelled, so the server cancels the model's), each answer can be copied with its label and
// sources, the focus comes back to the question, and the address names the conversation so that
// a reload reopens it.
'use strict';
document.addEventListener('DOMContentLoaded', function () {
  var C = window.Capsules;
  var form = document.getElementById('ask-form');
  var conversation = document.getElementById('conversation');
  var status = document.getElementById('ask-status');
  var questionField = document.getElementById('question');
  var conversationField = document.getElementById('conversationId');
  var sendButton = document.getElementById('send');
  var stopButton = document.getElementById('stop');
  var list = document.getElementById('conversation-list');
  var capsule = conversation.getAttribute('data-capsule');
  // Originals of a pseudonymised capsule are for its referents and the admins only.
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
  // Sources the model did not cite itself (Citation.attribution): say how the answer drew on them.
  var ATTRIBUTIONS = {
    restated: 'repris par la réponse sans être cité : rattaché automatiquement',
    consulted: 'fourni au modèle : aucune phrase de la réponse n\'y renvoie'
  };
  var running = null;

  function sourceName(c) {
    return (c.title || 'Document') + (c.page ? ', p. ' + c.page : '');
  }

  function sourceLink(c) {
    var hash = c.passageId ? c.passageId.lastIndexOf('#') : -1;
    if (hash < 0 || !c.documentId) { return null; }
    return '/capsules/' + encodeURIComponent(capsule) + '/documents/' + encodeURIComponent(c.documentId)
      + '/passages/' + encodeURIComponent(c.passageId.slice(hash + 1));
  }

  // What "Copier la réponse" puts on the clipboard: the answer, its AI label, then its sources.
  function copyText(answer) {
    var lines = [];
    var text = answer.querySelector('.answer-text');
    lines.push((text ? text.innerText : '').trim());
    lines.push('');
    lines.push((answer.querySelector('.ai-label') || { textContent: LABEL }).textContent.trim());
    var sources = answer.querySelectorAll('.sources li');
    if (sources.length) {
      lines.push('Sources :');
      sources.forEach(function (li) {
        var name = li.querySelector('summary').textContent.trim();
        var file = li.querySelector('.meta');
        lines.push(name + (file ? ' (' + file.textContent.replace(/^Fichier : /, '').trim() + ')' : ''));
      });
    }
    return lines.join('\n');
  }

  async function copy(answer) {
    var text = copyText(answer);
    try {
      await navigator.clipboard.writeText(text);
    } catch (e) {
      // No clipboard API (plain http on another host, older browser): the selection way.
      var area = C.el('textarea', 'visually-hidden', text);
      area.setAttribute('aria-hidden', 'true');
      document.body.appendChild(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    answer.setAttribute('data-copied', text);
    status.textContent = 'Réponse copiée dans le presse-papiers, avec la mention IA et les sources.';
  }

  function enableCopy(answer) {
    var button = answer.querySelector('.copy-answer');
    if (!button) { return; }
    button.hidden = false;
    button.addEventListener('click', function () { copy(answer); });
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
    box.appendChild(C.el('h3', 'sources-title', 'Sources'));
    var ol = C.el('ol');
    citations.forEach(function (c) {
      var item = C.el('li', 'source');
      item.setAttribute('data-n', c.n);
      var details = C.el('details');
      var summary = C.el('summary');
      summary.appendChild(C.el('span', null, '[' + c.n + '] ' + sourceName(c)));
      if (ATTRIBUTIONS[c.attribution]) {
        summary.appendChild(C.el('span', 'attribution', ' (' + ATTRIBUTIONS[c.attribution] + ')'));
      }
      details.appendChild(summary);
      details.appendChild(C.el('blockquote', null, c.text));
      details.appendChild(C.el('p', 'meta', 'Fichier : ' + (c.file || '')));
      var href = sourceLink(c);
      if (href) {
        var link = C.el('a', 'open-source', 'Voir la source dans le document');
        link.href = href;
        link.target = '_blank';
        link.rel = 'noopener';
        link.appendChild(C.el('span', 'visually-hidden', ' (nouvel onglet)'));
        details.appendChild(link);
      }
      item.appendChild(details);
      ol.appendChild(item);
    });
    box.appendChild(ol);
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

  function remember(answer, question) {
    if (!answer.conversationId) { return; }
    conversationField.value = answer.conversationId;
    var url = new URL(window.location.href);
    url.searchParams.set('conversation', answer.conversationId);
    url.searchParams.delete('deleted');
    window.history.replaceState(null, '', url.pathname + url.search);
    if (list && !list.querySelector('[data-conversation="' + CSS.escape(answer.conversationId) + '"]')) {
      var item = C.el('li');
      item.setAttribute('data-conversation', answer.conversationId);
      var link = C.el('a', null, question.length > 120 ? question.slice(0, 119) + '…' : question);
      link.href = url.pathname + url.search;
      link.setAttribute('aria-current', 'page');
      item.appendChild(link);
      list.insertBefore(item, list.firstChild);
      var none = document.getElementById('no-conversations');
      if (none) { none.remove(); }
    }
  }

  function finish(view, answer, question) {
    view.answer.setAttribute('data-mode', answer.mode);
    view.answer.removeAttribute('aria-busy');
    view.answer.querySelector('.ai-label').textContent = answer.label || LABEL;
    view.mode.textContent = MODES[answer.mode] || answer.mode;
    // Weak evidence: the closest passages are shown, not an answer (docs/ABSTENTION.md).
    view.answer.setAttribute('data-evidence', answer.evidence || '');
    if (answer.evidence === 'weak') { view.mode.textContent = 'Passages les plus proches — à vérifier'; }
    if (answer.incomplete) {
      // The model's output did not arrive whole: said next to the mode, the reason is among the warnings.
      view.answer.setAttribute('data-incomplete', 'true');
      view.mode.textContent += ' — réponse incomplète';
    }
    var general = renderText(view.text, answer);
    view.warnings.textContent = '';
    general.forEach(function (w) { view.warnings.appendChild(C.el('li', null, '⚠ ' + w.message)); });
    renderSources(view.sources, answer.citations);
    view.footer.textContent = '';
    // The capsule version and the model digest the answer came from ("Capsule version 2 · modèle … (empreinte …)").
    if (answer.provenance) {
      view.footer.appendChild(C.el('p', 'meta provenance', answer.provenance.statement));
    } else if (answer.model) {
      view.footer.appendChild(C.el('p', 'meta', 'Modèle : ' + answer.model));
    }
    if (answer.usage) { view.footer.appendChild(C.el('p', 'answer-usage', usageText(answer.usage))); }
    var actions = C.el('div', 'answer-actions');
    var copyButton = C.el('button', 'secondary copy-answer', 'Copier la réponse');
    copyButton.type = 'button';
    actions.appendChild(copyButton);
    // A refusal to answer is no material for a draft.
    if (answer.mode !== 'abstained') {
      actions.appendChild(C.postForm('/capsules/' + encodeURIComponent(capsule) + '/drafts', { question: question },
        'Créer un brouillon', 'make-draft'));
    }
    view.footer.appendChild(actions);
    enableCopy(view.answer);
    remember(answer, question);
  }

  function stopped(view) {
    view.answer.removeAttribute('aria-busy');
    view.answer.setAttribute('data-mode', 'stopped');
    view.mode.textContent = 'Génération arrêtée : la réponse est incomplète et n\'est pas conservée.';
  }

  function fail(view, message) {
    view.answer.removeAttribute('aria-busy');
    view.mode.textContent = 'Pas de réponse';
    view.text.textContent = '';
    view.text.appendChild(C.el('p', 'error', message));
  }

  questionField.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      if (!running) { form.requestSubmit(); }
    }
  });

  stopButton.addEventListener('click', function () {
    if (running) { running.abort(); }
  });

  document.querySelectorAll('#conversation .answer').forEach(enableCopy);

  form.addEventListener('submit', async function (event) {
    event.preventDefault();
    var question = questionField.value.trim();
    if (!question) { questionField.focus(); return; }
    if (running) { return; }
    var controller = new AbortController();
    running = controller;
    sendButton.disabled = true;
    stopButton.hidden = false;
    status.textContent = 'Réponse en cours de rédaction…';
    var view = newTurn(question);
    questionField.value = '';
    var streamed = '';
    try {
      var body = { question: question };
      if (conversationField.value) { body.conversationId = conversationField.value; }
      var response = await fetch('/api/capsules/' + encodeURIComponent(capsule) + '/ask', {
        method: 'POST',
        credentials: 'same-origin',
        headers: C.headers({ 'Content-Type': 'application/json', 'Accept': 'text/event-stream' }),
        body: JSON.stringify(body),
        signal: controller.signal
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
      status.textContent = 'Réponse reçue.';
    } catch (e) {
      if (controller.signal.aborted) {
        stopped(view);
        questionField.value = question;
        status.textContent = 'Génération arrêtée.';
      } else {
        fail(view, e.message);
        status.textContent = 'Erreur : ' + e.message;
      }
    } finally {
      running = null;
      sendButton.disabled = false;
      stopButton.hidden = true;
      questionField.focus();
    }
  });
});
