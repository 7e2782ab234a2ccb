// Shared by the pages' scripts: CSRF header, API calls with readable errors, server-sent events,
// and element creation that only ever sets text (never HTML) from user or model content.
'use strict';
window.Capsules = (function () {
  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : null;
  }

  function headers(extra) {
    var h = Object.assign({}, extra || {});
    var token = meta('_csrf');
    if (token) {
      h[meta('_csrf_header') || 'X-CSRF-TOKEN'] = token;
    }
    return h;
  }

  // The sentence a person should read for a failed call: the RFC 9457 detail when there is one.
  async function problem(response) {
    var detail = null;
    var body = null;
    try {
      body = await response.json();
      detail = body.detail || body.title;
      if (body.problems && body.problems.length) {
        // The detail already lists the problems for API clients: a page names each field once.
        detail = (body.title || 'Requête invalide') + ' : ' + body.problems.map(function (p) {
          return (p.field ? '« ' + p.field + ' » : ' : '') + p.message;
        }).join(' ; ');
      }
    } catch (e) { /* not JSON */ }
    if (!detail) {
      detail = response.status === 401 || response.status === 403
        ? 'Votre session a expiré ou vos droits ne suffisent pas : rechargez la page et reconnectez-vous.'
        : 'Le service n\'a pas pu traiter la demande (erreur ' + response.status + '). Réessayez dans un instant.';
    }
    var error = new Error(detail);
    error.status = response.status;
    error.problems = body && body.problems ? body.problems : [];
    return error;
  }

  async function api(method, url, body) {
    var init = { method: method, headers: headers({ 'Accept': 'application/json' }), credentials: 'same-origin' };
    if (body instanceof FormData) {
      init.body = body;
    } else if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    var response;
    try {
      response = await fetch(url, init);
    } catch (e) {
      throw new Error('Le service ne répond pas : vérifiez votre connexion puis réessayez.');
    }
    if (!response.ok) {
      throw await problem(response);
    }
    var type = response.headers.get('Content-Type') || '';
    return type.indexOf('json') >= 0 ? response.json() : null;
  }

  // Calls onEvent(name, data) for each server-sent event of the response, as it arrives.
  async function readEvents(response, onEvent) {
    var reader = response.body.getReader();
    var decoder = new TextDecoder('utf-8');
    var buffer = '';
    function flush(block) {
      var name = 'message';
      var data = [];
      block.split(/\r?\n/).forEach(function (line) {
        if (line.indexOf('event:') === 0) {
          name = line.slice(6).trim();
        } else if (line.indexOf('data:') === 0) {
          var value = line.slice(5);
          data.push(value.charAt(0) === ' ' ? value.slice(1) : value);
        }
      });
      if (data.length) {
        var text = data.join('\n');
        var parsed;
        try { parsed = JSON.parse(text); } catch (e) { parsed = text; }
        onEvent(name, parsed);
      }
    }
    for (;;) {
      var chunk = await reader.read();
      if (chunk.done) {
        break;
      }
      buffer += decoder.decode(chunk.value, { stream: true });
      var parts = buffer.split(/\r?\n\r?\n/);
      buffer = parts.pop();
      parts.forEach(flush);
    }
    if (buffer.trim()) {
      flush(buffer);
    }
  }

  // <tag class=…>text</tag>; text is always set with textContent.
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  // A form that posts to the server with the CSRF field, for actions that also work without scripts.
  function postForm(action, fields, label, className) {
    var form = el('form', className);
    form.method = 'post';
    form.action = action;
    var token = meta('_csrf');
    if (token) {
      var csrf = el('input');
      csrf.type = 'hidden';
      csrf.name = '_csrf';
      csrf.value = token;
      form.appendChild(csrf);
    }
    Object.keys(fields).forEach(function (name) {
      var input = el('input');
      input.type = 'hidden';
      input.name = name;
      input.value = fields[name];
      form.appendChild(input);
    });
    var button = el('button', 'secondary', label);
    button.type = 'submit';
    form.appendChild(button);
    return form;
  }

  return { headers: headers, api: api, problem: problem, readEvents: readEvents, el: el, postForm: postForm };
})();
