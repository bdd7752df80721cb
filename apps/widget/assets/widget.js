/*! Rose website agent widget. One tag: <script src=".../rose/widget.js" data-rose-key="pk_..." async></script> */
(function () {
  'use strict';

  // Everything the page gives us is read once; the widget keeps no globals but this guard.
  if (window.__roseWidget) return;
  window.__roseWidget = true;

  var script = document.currentScript || document.querySelector('script[data-rose-key]');
  var KEY = script && script.getAttribute('data-rose-key');
  if (!KEY) return;
  // The API lives next to the script: /rose/widget.js -> /rose/v1/..., directly or through the gateway.
  var BASE = script.src.replace(/\/widget\.js(?:[?#].*)?$/, '');
  // Replaced by the server with the contents of widget.css (one request, one file to cache).
  var CSS = "__ROSE_CSS__";
  var STORE = 'rose:' + KEY;
  var OPEN_FLAG = 'rose:open:' + KEY;
  // One random id per browser and site (first-party localStorage, no cookie): return visits and erasure use it.
  var VISITOR = 'rose:visitor:' + KEY;
  // The page may say whether the visitor consented to identification (data-rose-consent="true|false").
  var CONSENT = script && script.getAttribute('data-rose-consent');
  var RETRY_DELAYS = [1000, 2000, 4000];
  var MAX_INPUT = 2000;

  var TEXT = {
    en: { open: 'Open chat with', close: 'Close chat', send: 'Send', ask: 'Ask a question…', question: 'Your question',
      sources: 'Sources', suggested: 'Suggested questions', writing: 'Writing…', reconnecting: 'Connection lost, reconnecting…',
      lost: 'The connection was lost and the answer could not be loaded. Please try again.', retry: 'Try again',
      failed: 'Something went wrong. Please try again.', email: 'E-mail', name: 'Name (optional)', company: 'Company (optional)',
      leadTitle: 'Leave your e-mail and we will get back to you.', leadSend: 'Send', thanks: 'Thank you! We will be in touch.',
      badEmail: 'Please enter a valid e-mail address.', busy: 'Too many requests. Please wait a moment.', powered: 'Powered by Rose' },
    fr: { open: 'Ouvrir la conversation avec', close: 'Fermer', send: 'Envoyer', ask: 'Posez une question…', question: 'Votre question',
      sources: 'Sources', suggested: 'Questions suggérées', writing: 'Rédaction…', reconnecting: 'Connexion perdue, reconnexion…',
      lost: 'La connexion a été perdue. Veuillez réessayer.', retry: 'Réessayer', failed: 'Une erreur est survenue. Veuillez réessayer.',
      email: 'E-mail', name: 'Nom (facultatif)', company: 'Entreprise (facultatif)', leadTitle: 'Laissez votre e-mail, nous vous recontacterons.',
      leadSend: 'Envoyer', thanks: 'Merci ! Nous vous recontacterons.', badEmail: 'Veuillez saisir un e-mail valide.',
      busy: 'Trop de demandes. Patientez un instant.', powered: 'Propulsé par Rose' },
    de: { open: 'Chat öffnen mit', close: 'Chat schließen', send: 'Senden', ask: 'Stellen Sie eine Frage…', question: 'Ihre Frage',
      sources: 'Quellen', suggested: 'Vorgeschlagene Fragen', writing: 'Schreibt…', reconnecting: 'Verbindung verloren, verbinde neu…',
      lost: 'Die Verbindung ist abgebrochen. Bitte erneut versuchen.', retry: 'Erneut versuchen', failed: 'Etwas ist schiefgelaufen. Bitte erneut versuchen.',
      email: 'E-Mail', name: 'Name (optional)', company: 'Firma (optional)', leadTitle: 'Hinterlassen Sie Ihre E-Mail, wir melden uns.',
      leadSend: 'Senden', thanks: 'Danke! Wir melden uns.', badEmail: 'Bitte eine gültige E-Mail-Adresse eingeben.',
      busy: 'Zu viele Anfragen. Bitte einen Moment warten.', powered: 'Mit Rose' },
    es: { open: 'Abrir chat con', close: 'Cerrar chat', send: 'Enviar', ask: 'Haz una pregunta…', question: 'Tu pregunta',
      sources: 'Fuentes', suggested: 'Preguntas sugeridas', writing: 'Escribiendo…', reconnecting: 'Conexión perdida, reconectando…',
      lost: 'Se perdió la conexión. Inténtalo de nuevo.', retry: 'Reintentar', failed: 'Algo salió mal. Inténtalo de nuevo.',
      email: 'Correo', name: 'Nombre (opcional)', company: 'Empresa (opcional)', leadTitle: 'Déjanos tu correo y te contactaremos.',
      leadSend: 'Enviar', thanks: '¡Gracias! Te contactaremos.', badEmail: 'Introduce un correo válido.',
      busy: 'Demasiadas solicitudes. Espera un momento.', powered: 'Con Rose' }
  };

  var t = TEXT.en;
  var config = null;
  var ui = {};
  var busy = false;
  var historyLoaded = false;
  var queue = [];
  var flushTimer = 0;

  // ---------- small DOM helpers: every text goes through textContent, never innerHTML ----------

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = String(text);
    return node;
  }

  function button(className, text, label) {
    var b = el('button', className, text);
    b.type = 'button';
    if (label) b.setAttribute('aria-label', label);
    return b;
  }

  function icon(path) {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var p = document.createElementNS(ns, 'path');
    p.setAttribute('d', path);
    svg.appendChild(p);
    return svg;
  }

  /** Only absolute http(s) URLs become links; anything else (javascript:, data:, relative) stays text. */
  function safeUrl(href) {
    try {
      var url = new URL(String(href));
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function hostOf(href) {
    var url = safeUrl(href);
    return url ? new URL(url).host : null;
  }

  /**
   * Links in an answer may point only to this site, a cited source or a configured skill: a
   * passage that smuggles in "visit https://evil.example" stays plain text (defence in depth
   * behind the server's guardrails, which know the tenant's allowed hosts).
   */
  function trustedLink(href, cites) {
    var host = hostOf(href);
    if (!host) return null;
    var trusted = [location.host];
    Object.keys(cites || {}).forEach(function (n) { trusted.push(hostOf(cites[n].url)); });
    ((config && config.skills) || []).forEach(function (s) { trusted.push(hostOf(s.url)); });
    return trusted.indexOf(host) >= 0 ? safeUrl(href) : null;
  }

  function link(href, text) {
    var a = el('a', null, text);
    a.href = href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer nofollow';
    return a;
  }

  function delay(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  function color(value, fallback) {
    return /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(value || '') ? value : fallback;
  }

  // ---------- safe Markdown: a small subset, rendered to DOM nodes ----------

  var INLINE = new RegExp([
    '`([^`\\n]+)`',                                         // 1 code
    '!\\[([^\\]\\n]*)\\]\\([^)\\n]*\\)',                    // 2 image: its alt text only, never an image
    '\\[([^\\]\\n]+)\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+"[^"\\n]*")?\\s*\\)', // 3 text, 4 href
    '\\[(\\d{1,3})\\]',                                     // 5 citation marker
    '\\*\\*(?=\\S)([^\\n]*?\\S)\\*\\*',                     // 6 bold
    '__(?=\\S)([^\\n]*?\\S)__',                             // 7 bold
    '\\*(?=[^\\s*])([^*\\n]*?[^\\s*])\\*',                  // 8 italic
    '\\b_(?=[^\\s_])([^_\\n]*?[^\\s_])_\\b',                // 9 italic
    '(https?:\\/\\/[^\\s<>"\']*[^\\s<>"\'.,;:!?)\\]])'      // 10 bare URL
  ].join('|'), 'g');

  function inline(parent, text, cites, depth) {
    var last = 0;
    var m;
    var re = new RegExp(INLINE.source, 'g');
    while ((m = re.exec(text))) {
      if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      last = re.lastIndex;
      parent.appendChild(inlineNode(m, cites, depth || 0));
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function inlineNode(m, cites, depth) {
    var node;
    if (m[1] != null) return el('code', null, m[1]);
    if (m[2] != null) return document.createTextNode(m[2]);
    if (m[3] != null) {
      var href = trustedLink(m[4], cites);
      return href ? link(href, m[3]) : document.createTextNode(m[3]);
    }
    if (m[5] != null) return citationMarker(+m[5], cites, m[0]);
    if (m[6] != null || m[7] != null) node = el('strong');
    else if (m[8] != null || m[9] != null) node = el('em');
    else {
      var url = trustedLink(m[10], cites);
      return url ? link(url, m[10]) : document.createTextNode(m[10]);
    }
    var inner = m[6] || m[7] || m[8] || m[9];
    if (depth < 3) inline(node, inner, cites, depth + 1);
    else node.textContent = inner;
    return node;
  }

  function citationMarker(n, cites, raw) {
    var cite = cites && cites[n];
    var href = cite && safeUrl(cite.url);
    if (!href) return document.createTextNode(raw);
    var sup = el('sup', 'ref');
    var a = link(href, '[' + n + ']');
    a.setAttribute('aria-label', t.sources + ' ' + n + ': ' + (cite.title || href));
    sup.appendChild(a);
    return sup;
  }

  function markdown(source, cites) {
    var frag = document.createDocumentFragment();
    var lines = String(source).replace(/\r\n?/g, '\n').split('\n');
    var para = [];
    var list = null;
    var m;

    function flush() {
      if (!para.length) return;
      var p = el('p');
      inline(p, para.join('\n'), cites);
      frag.appendChild(p);
      para = [];
    }

    for (var i = 0; i < lines.length; i++) {
      var line = lines[i];
      if (/^\s*```/.test(line)) {
        flush();
        list = null;
        var code = [];
        while (++i < lines.length && !/^\s*```/.test(lines[i])) code.push(lines[i]);
        var pre = el('pre');
        pre.appendChild(el('code', null, code.join('\n')));
        frag.appendChild(pre);
      } else if (!line.trim()) {
        flush();
        list = null;
      } else if ((m = /^\s{0,3}#{1,6}\s+(.*)$/.exec(line))) {
        flush();
        list = null;
        var h = el('p', 'h');
        inline(h, m[1], cites);
        frag.appendChild(h);
      } else if ((m = /^\s*(?:[-*+]|(\d{1,9})[.)])\s+(.*)$/.exec(line))) {
        flush();
        var tag = m[1] ? 'OL' : 'UL';
        if (!list || list.tagName !== tag) {
          list = el(tag.toLowerCase());
          if (m[1] && m[1] !== '1') list.start = +m[1];
          frag.appendChild(list);
        }
        var li = el('li');
        inline(li, m[2], cites);
        list.appendChild(li);
      } else {
        list = null;
        para.push(line.replace(/^\s{0,3}>\s?/, ''));
      }
    }
    flush();
    return frag;
  }

  // ---------- storage: the conversation survives page loads ----------

  function session() {
    try {
      var s = JSON.parse(localStorage.getItem(STORE) || 'null');
      return s && s.conversationId && s.token ? s : null;
    } catch (e) {
      return null;
    }
  }

  function saveSession(s) {
    try {
      if (s) localStorage.setItem(STORE, JSON.stringify({ conversationId: s.conversationId, token: s.token }));
      else localStorage.removeItem(STORE);
    } catch (e) { /* storage disabled: the conversation lasts one page */ }
  }

  function visitorId() {
    try {
      var id = localStorage.getItem(VISITOR);
      if (!id) {
        var bytes = new Uint8Array(16);
        crypto.getRandomValues(bytes);
        id = Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
        localStorage.setItem(VISITOR, id);
      }
      return id;
    } catch (e) {
      return undefined; /* storage disabled: an anonymous visit */
    }
  }

  function rememberOpen(open) {
    try {
      if (open) sessionStorage.setItem(OPEN_FLAG, '1');
      else sessionStorage.removeItem(OPEN_FLAG);
    } catch (e) { /* ignore */ }
  }

  function wasOpen() {
    try { return sessionStorage.getItem(OPEN_FLAG) === '1'; } catch (e) { return false; }
  }

  // ---------- HTTP ----------

  function request(method, path, body, token) {
    var headers = { 'X-Rose-Key': KEY };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = 'Bearer ' + token;
    return fetch(BASE + path, {
      method: method,
      headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store'
    });
  }

  /** The message of a problem-details answer, or our own words when there is none. */
  function problem(response) {
    return response.json().then(function (p) {
      // A validation problem says what is wrong in errors; its title is only a summary.
      var errors = p && p.errors ? Object.keys(p.errors).map(function (k) { return [].concat(p.errors[k])[0]; }) : [];
      return String(errors[0] || (p && (p.detail || p.title)) || t.failed);
    }, function () { return t.failed; });
  }

  function conversationPath(id) {
    return '/v1/conversations/' + encodeURIComponent(id);
  }

  function ensureConversation() {
    var s = session();
    if (s) return Promise.resolve(s);
    var start = { page: location.href, visitorId: visitorId() };
    if (CONSENT === 'true' || CONSENT === 'false') start.consent = CONSENT === 'true';
    return request('POST', '/v1/conversations', start).then(function (r) {
      if (!r.ok) return problem(r).then(function (msg) { throw fatal(msg, r.status); });
      return r.json().then(function (created) {
        saveSession(created);
        return session();
      });
    });
  }

  function fatal(message, status) {
    var e = new Error(message);
    e.fatal = status < 500 || status === 501;
    e.status = status;
    return e;
  }

  // ---------- server-sent events over fetch (EventSource cannot POST) ----------

  function readEvents(response, onEvent) {
    var reader = response.body.getReader();
    var decoder = new TextDecoder();
    var buffer = '';
    var name = '';
    var data = [];

    function line(text) {
      if (text === '') {
        if (data.length) {
          var payload;
          try { payload = JSON.parse(data.join('\n')); } catch (e) { payload = null; }
          if (payload) onEvent(name || 'message', payload);
        }
        name = '';
        data = [];
        return;
      }
      if (text.charAt(0) === ':') return;
      var colon = text.indexOf(':');
      var field = colon < 0 ? text : text.slice(0, colon);
      var value = colon < 0 ? '' : text.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') name = value;
      else if (field === 'data') data.push(value);
    }

    function pump() {
      return reader.read().then(function (chunk) {
        if (chunk.done) {
          buffer += decoder.decode();
          if (buffer) buffer.split(/\r\n|\r|\n/).forEach(line);
          return;
        }
        buffer += decoder.decode(chunk.value, { stream: true });
        // A lone CR at the end may be the first half of CRLF: keep it for the next chunk.
        var keep = /\r$/.test(buffer) ? 1 : 0;
        var lines = buffer.slice(0, buffer.length - keep).split(/\r\n|\r|\n/);
        buffer = lines.pop() + (keep ? '\r' : '');
        lines.forEach(line);
        return pump();
      });
    }

    return pump();
  }

  // ---------- the conversation ----------

  function addVisitorMessage(text) {
    var m = el('div', 'msg me', text);
    ui.log.appendChild(m);
    scrollDown();
  }

  /** One assistant answer: streamed text, numbered sources, the skill, an error with a retry. */
  function answerView() {
    var box = el('div', 'msg bot');
    var body = el('div', 'md');
    var typing = el('span', 'typing');
    typing.setAttribute('aria-label', t.writing);
    typing.appendChild(el('i'));
    typing.appendChild(el('i'));
    typing.appendChild(el('i'));
    body.appendChild(typing);
    var sources = el('ol', 'sources');
    sources.setAttribute('aria-label', t.sources);
    sources.setAttribute('data-label', t.sources);
    var actions = el('div', 'actions');
    var status = el('p', 'status');
    box.appendChild(body);
    box.appendChild(sources);
    box.appendChild(actions);
    box.appendChild(status);
    box.setAttribute('aria-busy', 'true');
    ui.log.appendChild(box);
    scrollDown();

    var text = '';
    var cites = {};
    var frame = 0;

    function render() {
      frame = 0;
      body.replaceChildren(text ? markdown(text, cites) : typing);
      scrollDown();
    }

    function schedule() {
      if (!frame) frame = requestAnimationFrame(render);
    }

    return {
      element: box,
      reset: function () {
        text = '';
        cites = {};
        sources.replaceChildren();
        actions.replaceChildren();
        status.textContent = '';
        status.removeAttribute('role');
        schedule();
      },
      append: function (piece) {
        text += String(piece == null ? '' : piece);
        schedule();
      },
      cite: function (c) {
        // The stream names the number n; stored history may call it number.
        var n = +(c.n != null ? c.n : c.number);
        if (!(n > 0) || cites[n]) return;
        cites[n] = c;
        var li = el('li');
        li.value = n;
        var href = safeUrl(c.url);
        var title = String(c.title || c.url || n);
        li.appendChild(href ? link(href, title) : document.createTextNode(title));
        var after = Array.prototype.find.call(sources.children, function (x) { return x.value > n; });
        sources.insertBefore(li, after || null);
        schedule();
      },
      skill: function (s) {
        actions.replaceChildren(skillButton(s));
      },
      status: function (message) {
        status.textContent = message;
      },
      done: function () {
        if (frame) cancelAnimationFrame(frame);
        render();
        status.textContent = '';
        box.setAttribute('aria-busy', 'false');
      },
      fail: function (message, retry) {
        if (frame) cancelAnimationFrame(frame);
        if (!text) body.replaceChildren();
        status.textContent = message;
        status.setAttribute('role', 'alert');
        if (retry) {
          var again = button('link', t.retry);
          again.addEventListener('click', function () {
            again.remove();
            retry();
          });
          status.appendChild(document.createTextNode(' '));
          status.appendChild(again);
        }
        box.setAttribute('aria-busy', 'false');
        box.classList.add('error');
      },
      show: function (message) {
        text = message.text || '';
        (message.citations || []).forEach(this.cite);
        if (message.skill) this.skill(message.skill);
        this.done();
      }
    };
  }

  function scrollDown() {
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  function setBusy(value) {
    busy = value;
    ui.send.disabled = value;
  }

  function ask(text) {
    text = String(text || '').trim();
    if (!text || busy) return;
    if (text.length > MAX_INPUT) text = text.slice(0, MAX_INPUT);
    clearSuggestions();
    addVisitorMessage(text);
    track('message', { length: text.length });
    setBusy(true);
    var view = answerView();
    deliver(text, view).then(function () { setBusy(false); }, function () { setBusy(false); });
  }

  /**
   * Streams one answer. A dropped stream (network error, or the stream ending without done/error)
   * is retried with back-off; if the server finished the answer anyway, it is read from history
   * instead of asking again. After the last retry the visitor gets a clear error and a retry button.
   */
  function deliver(text, view) {
    var attempt = 0;
    var turn = { messageId: null, renewed: false };

    function next() {
      return streamOnce(text, view, turn).then(function (outcome) {
        if (outcome !== 'dropped') return null;
        return recover(turn.messageId, view).then(function (recovered) {
          if (recovered) return null;
          if (attempt >= RETRY_DELAYS.length) {
            view.fail(t.lost, function () {
              setBusy(true);
              deliver(text, view).then(function () { setBusy(false); });
            });
            return null;
          }
          view.status(t.reconnecting);
          return delay(RETRY_DELAYS[attempt++] * (0.8 + Math.random() * 0.4)).then(next);
        });
      });
    }

    return next();
  }

  function streamOnce(text, view, turn) {
    var outcome = 'dropped';
    return ensureConversation().then(function (s) {
      return request('POST', conversationPath(s.conversationId) + '/messages', { text: text }, s.token);
    }).then(function (response) {
      if ((response.status === 401 || response.status === 404) && !turn.renewed) {
        // The stored conversation is gone or its token no longer valid: start a new one, once.
        turn.renewed = true;
        saveSession(null);
        return streamOnce(text, view, turn);
      }
      if (response.status === 429) {
        view.fail(t.busy);
        return 'error';
      }
      if (!response.ok) {
        if (response.status >= 500 && response.status !== 501) return 'dropped';
        return problem(response).then(function (message) {
          view.fail(message);
          return 'error';
        });
      }
      view.reset();
      return readEvents(response, function (name, data) {
        if (name === 'meta') turn.messageId = data.messageId;
        else if (name === 'token') view.append(data.text);
        else if (name === 'citation') view.cite(data);
        else if (name === 'skill') view.skill(data);
        else if (name === 'suggestions') showSuggestions(data.items);
        else if (name === 'done') {
          outcome = 'done';
          view.done();
        } else if (name === 'error') {
          outcome = 'error';
          view.fail(data.message || t.failed);
        }
      }).then(function () { return outcome; }, function () { return outcome === 'dropped' ? 'dropped' : outcome; });
    }, function (error) {
      if (error && error.fatal) {
        view.fail(error.status === 429 ? t.busy : error.message);
        return 'error';
      }
      return 'dropped';
    });
  }

  /** After a drop: if the server stored the answer anyway, show it from history. */
  function recover(messageId, view) {
    var s = session();
    if (!messageId || !s) return Promise.resolve(false);
    return request('GET', conversationPath(s.conversationId), undefined, s.token).then(function (r) {
      if (!r.ok) return false;
      return r.json().then(function (h) {
        var found = (h.messages || []).filter(function (m) {
          return m.id === messageId && m.role === 'assistant';
        })[0];
        if (!found) return false;
        view.reset();
        view.show(found);
        return true;
      });
    }).catch(function () { return false; });
  }

  function loadHistory() {
    if (historyLoaded) return;
    historyLoaded = true;
    var s = session();
    if (!s) return;
    request('GET', conversationPath(s.conversationId), undefined, s.token).then(function (r) {
      if (r.status === 401 || r.status === 403 || r.status === 404) {
        saveSession(null);
        return;
      }
      if (!r.ok) {
        historyLoaded = false;
        return;
      }
      return r.json().then(function (h) {
        var first = ui.log.children[1] || null;
        (h.messages || []).forEach(function (m) {
          if (m.role === 'visitor') {
            ui.log.insertBefore(el('div', 'msg me', m.text), first);
          } else {
            var view = answerView();
            ui.log.insertBefore(view.element, first);
            view.show(m);
          }
        });
        scrollDown();
      });
    }).catch(function () { historyLoaded = false; });
  }

  // ---------- skills, suggestions, e-mail form ----------

  function skillButton(skill) {
    var b = button('skill', skill.label || skill.id);
    b.setAttribute('data-skill', String(skill.id || ''));
    b.addEventListener('click', function () { runSkill(skill); });
    return b;
  }

  function runSkill(skill) {
    track('cta_click', { skillId: skill.id, type: skill.type });
    // The API names it LeaveEmail; any e-mail kind of skill opens the form.
    if (/email/i.test(String(skill.type))) {
      showLeadForm();
      return;
    }
    var href = safeUrl(skill.url);
    if (href) window.open(href, '_blank', 'noopener,noreferrer');
  }

  function clearSuggestions() {
    ui.chips.replaceChildren();
  }

  function showSuggestions(items) {
    clearSuggestions();
    (Array.isArray(items) ? items : []).slice(0, 4).forEach(function (item) {
      var text = String(item).slice(0, 200);
      var chip = button('chip', text);
      chip.addEventListener('click', function () { ask(text); });
      ui.chips.appendChild(chip);
    });
  }

  function field(form, name, label, type, required, autocomplete) {
    var wrap = el('label', 'field');
    wrap.appendChild(el('span', null, label));
    var input = el('input');
    input.name = name;
    input.type = type;
    input.required = required;
    input.maxLength = 200;
    input.autocomplete = autocomplete;
    wrap.appendChild(input);
    form.appendChild(wrap);
    return input;
  }

  function showLeadForm() {
    var open = ui.log.querySelector('form.lead');
    if (open) {
      open.querySelector('input').focus();
      return;
    }
    var form = el('form', 'msg bot lead');
    form.noValidate = true;
    form.setAttribute('aria-label', t.leadTitle);
    form.appendChild(el('p', null, t.leadTitle));
    var email = field(form, 'email', t.email, 'email', true, 'email');
    var name = field(form, 'name', t.name, 'text', false, 'name');
    var company = field(form, 'company', t.company, 'text', false, 'organization');
    var error = el('p', 'status');
    error.setAttribute('role', 'alert');
    var submit = el('button', 'skill', t.leadSend);
    submit.type = 'submit';
    form.appendChild(error);
    form.appendChild(submit);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var address = email.value.trim();
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
        error.textContent = t.badEmail;
        email.setAttribute('aria-invalid', 'true');
        email.focus();
        return;
      }
      submit.disabled = true;
      var lead = { email: address };
      var s = session();
      if (s) lead.conversationId = s.conversationId;
      if (name.value.trim()) lead.name = name.value.trim();
      if (company.value.trim()) lead.company = company.value.trim();
      request('POST', '/v1/leads', lead).then(function (r) {
        if (!r.ok) return problem(r).then(function (msg) { throw new Error(msg); });
        track('lead');
        var thanks = el('div', 'msg bot', t.thanks);
        thanks.setAttribute('role', 'status');
        form.replaceWith(thanks);
        ui.input.focus();
      }).catch(function (err) {
        submit.disabled = false;
        error.textContent = (err && err.message) || t.failed;
      });
    });
    ui.log.appendChild(form);
    scrollDown();
    email.focus();
  }

  // ---------- events, batched; sent with sendBeacon when the page goes away ----------

  function track(type, data) {
    var event = { type: type, at: new Date().toISOString() };
    var s = session();
    if (s) event.conversationId = s.conversationId;
    if (data) event.data = data;
    queue.push(event);
    if (queue.length >= 20) flush(false);
    else if (!flushTimer) flushTimer = setTimeout(function () { flush(false); }, 3000);
  }

  function flush(leaving) {
    clearTimeout(flushTimer);
    flushTimer = 0;
    if (!queue.length) return;
    // The conversation often starts after the event was queued (the first message creates it).
    var s = session();
    var events = queue.splice(0, queue.length).map(function (e) {
      if (s && !e.conversationId && e.type !== 'impression') e.conversationId = s.conversationId;
      return e;
    });
    var body = JSON.stringify({ events: events });
    // sendBeacon cannot send headers: the key goes in the query string, which the API accepts too.
    var url = BASE + '/v1/events?key=' + encodeURIComponent(KEY);
    try {
      if (leaving && navigator.sendBeacon && navigator.sendBeacon(url, new Blob([body], { type: 'application/json' }))) return;
    } catch (e) { /* some browsers refuse a JSON beacon cross-origin: fall back to fetch */ }
    fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Rose-Key': KEY },
      body: body,
      keepalive: true,
      credentials: 'omit'
    }).catch(function () { /* analytics never bother the visitor */ });
  }

  // ---------- panel: open, close, focus trap ----------

  function focusables() {
    return Array.prototype.filter.call(
      ui.panel.querySelectorAll('a[href],button:not([disabled]),textarea:not([disabled]),input:not([disabled]),[tabindex]:not([tabindex="-1"])'),
      function (x) { return x.getClientRects().length > 0; });
  }

  function openPanel(focus) {
    if (!ui.panel.hidden) return;
    ui.panel.hidden = false;
    ui.root.classList.add('open');
    ui.launcher.setAttribute('aria-expanded', 'true');
    rememberOpen(true);
    loadHistory();
    track('open');
    scrollDown();
    if (focus) ui.input.focus();
  }

  function closePanel() {
    if (ui.panel.hidden) return;
    ui.panel.hidden = true;
    ui.root.classList.remove('open');
    ui.launcher.setAttribute('aria-expanded', 'false');
    rememberOpen(false);
    ui.launcher.focus();
  }

  function onKey(e) {
    if (ui.panel.hidden) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      closePanel();
      return;
    }
    if (e.key !== 'Tab') return;
    var items = focusables();
    if (!items.length) return;
    var first = items[0];
    var last = items[items.length - 1];
    var active = ui.shadow.activeElement;
    if (e.shiftKey && (active === first || items.indexOf(active) < 0)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || items.indexOf(active) < 0)) {
      e.preventDefault();
      first.focus();
    }
  }

  // ---------- building the widget ----------

  function applyStyles(shadow) {
    try {
      // A constructed sheet works under a strict Content-Security-Policy, a <style> element would not.
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      shadow.adoptedStyleSheets = [sheet];
    } catch (e) {
      shadow.appendChild(el('style', null, CSS));
    }
  }

  function build() {
    var host = document.createElement('rose-widget');
    var shadow = host.attachShadow({ mode: 'open' });
    applyStyles(shadow);
    // Set through the CSSOM, which a strict CSP allows (a style attribute would not be).
    host.style.setProperty('--rose-primary', color(config.primaryColor, '#c2185b'));
    host.style.setProperty('--rose-on-primary', color(config.textColor, '#ffffff'));

    var root = el('div', 'rose');
    root.lang = config.language || 'en';
    var name = String(config.name || 'Rose');

    var launcher = button('launcher', null, t.open + ' ' + name);
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-controls', 'rose-panel');
    launcher.appendChild(icon('M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z'));

    var panel = el('div', 'panel');
    panel.id = 'rose-panel';
    panel.hidden = true;
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-modal', 'true');
    panel.setAttribute('aria-labelledby', 'rose-title');

    var header = el('div', 'head');
    var title = el('h2', null, name);
    title.id = 'rose-title';
    var close = button('close', null, t.close);
    close.appendChild(icon('M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z'));
    header.appendChild(title);
    header.appendChild(close);

    var log = el('div', 'log');
    log.setAttribute('role', 'log');
    log.setAttribute('aria-live', 'polite');
    log.setAttribute('aria-label', name);
    log.setAttribute('tabindex', '0');
    var greeting = el('div', 'msg bot greeting');
    greeting.appendChild(el('p', null, config.greeting || ''));
    var skills = el('div', 'actions');
    (Array.isArray(config.skills) ? config.skills : []).forEach(function (s) { skills.appendChild(skillButton(s)); });
    if (skills.children.length) greeting.appendChild(skills);
    log.appendChild(greeting);

    var chips = el('div', 'chips');
    chips.setAttribute('role', 'group');
    chips.setAttribute('aria-label', t.suggested);

    var form = el('form', 'composer');
    var label = el('label', 'sr', t.question);
    label.htmlFor = 'rose-input';
    var input = el('textarea');
    input.id = 'rose-input';
    input.rows = 1;
    input.maxLength = MAX_INPUT;
    input.placeholder = t.ask;
    var send = el('button', 'send');
    send.type = 'submit';
    send.setAttribute('aria-label', t.send);
    send.appendChild(icon('M3 20.5 21 12 3 3.5v6.6l12 1.9-12 1.9z'));
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(send);

    panel.appendChild(header);
    panel.appendChild(log);
    panel.appendChild(chips);
    panel.appendChild(form);
    panel.appendChild(el('p', 'foot', t.powered));
    root.appendChild(panel);
    root.appendChild(launcher);
    shadow.appendChild(root);

    ui = { host: host, shadow: shadow, root: root, launcher: launcher, panel: panel, log: log, chips: chips, input: input, send: send };

    launcher.addEventListener('click', function () {
      if (ui.panel.hidden) openPanel(true);
      else closePanel();
    });
    close.addEventListener('click', closePanel);
    root.addEventListener('keydown', onKey);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var text = input.value;
      if (!text.trim() || busy) return;
      input.value = '';
      input.style.height = '';
      ask(text);
    });
    // Grow with the question up to the CSS max-height (CSSOM, so a strict CSP allows it).
    input.addEventListener('input', function () {
      input.style.height = 'auto';
      input.style.height = input.scrollHeight + 2 + 'px';
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        form.requestSubmit ? form.requestSubmit() : send.click();
      }
    });

    document.body.appendChild(host);
    host.setAttribute('data-ready', '');
    if (wasOpen()) openPanel(false);
  }

  function start() {
    request('GET', '/v1/widget/config').then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    }).then(function (c) {
      config = c || {};
      t = TEXT[String(config.language || 'en').slice(0, 2).toLowerCase()] || TEXT.en;
      build();
      track('impression');
    }).catch(function (e) {
      if (window.console) console.warn('Rose widget: could not load its configuration (' + e.message + ').');
    });
    addEventListener('pagehide', function () { flush(true); });
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'hidden') flush(true);
    });
  }

  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
})();
