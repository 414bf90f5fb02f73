// The anteroom page: an anonymous client's way into an organisation's chat. It speaks the same
// JSON-RPC over /ws as every Muster client, as a caller of its own kind (docs/protocol.md,
// "Consultant chat"). What must survive a reload lives in this tab's sessionStorage only: the
// chat's token and the messages not yet acknowledged. Nothing is kept once the tab is closed,
// and "Quick exit" clears it at once.
'use strict';

(() => {
  const key = decodeURIComponent(location.pathname.split('/')[2] || '');
  const tokenKey = 'muster.anteroom.token.' + key;
  const pendingKey = 'muster.anteroom.pending.' + key;
  const $ = (id) => document.getElementById(id);

  // The organisation's colours, from values the server checked.
  const theme = document.createElement('link');
  theme.rel = 'stylesheet';
  theme.href = '/anteroom/' + encodeURIComponent(key) + '/theme.css';
  document.head.appendChild(theme);

  let ws = null;
  let nextId = 1;
  const calls = new Map();
  let settings = null;
  let chat = null;
  let retry = 0;
  let exiting = false;
  let restarting = false;
  let typingSentAt = 0;
  let typingTimer = null;
  let recheckTimer = null;
  let lastEscape = 0;

  // --- storage: this tab only ---------------------------------------------------------------

  function stored(name, fallback) {
    try {
      const value = sessionStorage.getItem(name);
      return value === null ? fallback : JSON.parse(value);
    } catch (e) {
      return fallback;
    }
  }

  function store(name, value) {
    try {
      if (value === null) sessionStorage.removeItem(name);
      else sessionStorage.setItem(name, JSON.stringify(value));
    } catch (e) {
      // Storage may be off (private modes): the chat works, a reload just starts afresh.
    }
  }

  function newMessageId() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  // --- the connection ---------------------------------------------------------------------

  function banner(text) {
    $('connection').textContent = text;
    $('connection').hidden = !text;
  }

  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    ws = new WebSocket(scheme + location.host + '/ws?key=' + encodeURIComponent(key));
    ws.onopen = () => {
      retry = 0;
      restarting = false;
      banner('');
      start();
    };
    ws.onmessage = (event) => {
      let m;
      try {
        m = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      if (m.id !== undefined && calls.has(m.id)) {
        const pending = calls.get(m.id);
        calls.delete(m.id);
        if (m.error) pending.reject(m.error);
        else pending.resolve(m.result);
      } else if (m.method) {
        onPush(m.method, m.params || {});
      }
    };
    ws.onclose = () => {
      for (const pending of calls.values()) pending.reject({ message: 'offline', data: { reason: 'offline' } });
      calls.clear();
      if (exiting) return;
      // Only a conversation needs to hear of it; the form reconnects unseen.
      if (!restarting && chat) banner('The connection was lost. Reconnecting…');
      setTimeout(connect, restarting ? 0 : Math.min(10000, 500 * 2 ** retry++));
    };
  }

  function call(method, params) {
    return new Promise((resolve, reject) => {
      if (!ws || ws.readyState !== WebSocket.OPEN) {
        reject({ message: 'offline', data: { reason: 'offline' } });
        return;
      }
      const id = nextId++;
      calls.set(id, { resolve, reject });
      ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params: params || {} }));
    });
  }

  function reasonOf(error) {
    return (error && error.data && error.data.reason) || '';
  }

  // --- what is shown ----------------------------------------------------------------------

  function show(section) {
    for (const id of ['loading', 'unavailable', 'intake', 'chat', 'ended']) $(id).hidden = id !== section;
  }

  function applyTexts() {
    const texts = settings.texts;
    $('title').textContent = texts.title;
    document.title = texts.title;
    // The hash in the address makes a new logo show at once; the server serves whichever is
    // current. A logo that fails to load is simply not shown.
    const logo = $('logo');
    if (settings.logo) {
      logo.onerror = () => { logo.hidden = true; };
      logo.src = '/anteroom/' + encodeURIComponent(key) + '/logo?v=' + settings.logo.slice(0, 16);
      logo.hidden = false;
    } else {
      logo.hidden = true;
      logo.removeAttribute('src');
    }
    $('welcome').textContent = texts.welcome;
    $('consent-text').textContent = texts.consent;
    const questions = $('questions');
    questions.textContent = '';
    for (const q of settings.questions) {
      const field = document.createElement('div');
      field.className = 'field';
      const label = document.createElement('label');
      label.htmlFor = 'q-' + q.id;
      label.textContent = q.required ? q.label : q.label + ' (optional)';
      const input = document.createElement('input');
      input.id = 'q-' + q.id;
      input.dataset.question = q.id;
      input.autocomplete = 'off';
      input.maxLength = 1000;
      input.required = !!q.required;
      field.append(label, input);
      questions.appendChild(field);
    }
  }

  function minutes(ms) {
    const m = Math.max(1, Math.round(ms / 60000));
    return m === 1 ? 'about a minute' : 'about ' + m + ' minutes';
  }

  function updateStatus() {
    const status = $('status');
    if (chat.status === 'waiting') {
      let text = settings.texts.waiting;
      if (chat.position > 0) {
        text += chat.position === 1 ? ' You are next.' : ' There are ' + (chat.position - 1) + ' people before you.';
        if (settings.averageWaitMs) text += ' The wait is ' + minutes(settings.averageWaitMs * chat.position) + '.';
      }
      status.textContent = text;
    } else if (chat.status === 'active') {
      status.textContent = 'You are talking to ' + (chat.consultantName || 'a counsellor') + '.';
    }
  }

  function enterChat(current, messages) {
    chat = current;
    $('messages').textContent = '';
    for (const m of messages || []) addMessage(m);
    for (const p of stored(pendingKey, [])) showPending(p);
    if (chat.status === 'closed' || chat.status === 'abandoned') {
      showEnded();
      return;
    }
    updateStatus();
    show('chat');
    $('text').focus();
    markRead();
  }

  function showEnded() {
    $('ended-text').textContent = settings.texts.closed;
    $('forget').hidden = false;
    $('forgotten').hidden = true;
    show('ended');
    store(pendingKey, null);
  }

  function bubble(sender, who, text) {
    const li = document.createElement('li');
    li.className = 'message ' + sender;
    if (who) {
      const name = document.createElement('span');
      name.className = 'who';
      name.textContent = who;
      li.appendChild(name);
    }
    li.appendChild(document.createTextNode(text));
    return li;
  }

  function addMessage(m) {
    const list = $('messages');
    if (list.querySelector('[data-seq="' + m.seq + '"]')) return;
    // Our own message coming back: it replaces the one shown as sending.
    if (m.clientMsgId && m.sender === 'client') {
      const pending = list.querySelector('[data-client-msg-id="' + CSS.escape(m.clientMsgId) + '"]');
      if (pending) pending.remove();
    }
    const who = m.sender === 'client' ? 'You' : m.sender === 'consultant' ? m.senderName : '';
    const li = bubble(m.sender, who, m.text);
    li.dataset.seq = m.seq;
    // Kept in the server's order, whatever order they arrive in.
    const after = Array.from(list.children).find((c) => c.dataset.seq && Number(c.dataset.seq) > m.seq);
    list.insertBefore(li, after || list.querySelector('.pending'));
    list.scrollTop = list.scrollHeight;
    if (m.sender === 'consultant') $('typing').textContent = '';
  }

  function showPending(p) {
    const list = $('messages');
    if (list.querySelector('[data-client-msg-id="' + CSS.escape(p.clientMsgId) + '"]')) return;
    const li = bubble('client pending', 'You · sending…', p.text);
    li.dataset.clientMsgId = p.clientMsgId;
    list.appendChild(li);
    list.scrollTop = list.scrollHeight;
  }

  function markRead() {
    if (!chat || document.visibilityState !== 'visible' || !chat.lastSeq) return;
    call('chat.read', { chatId: chat.id, seq: chat.lastSeq }).catch(() => {});
  }

  // --- the flow ----------------------------------------------------------------------------

  async function start() {
    try {
      settings = await call('anteroom.open', { key });
    } catch (e) {
      if (reasonOf(e) === 'offline') return;
      $('unavailable-text').textContent = 'This chat is not available.';
      show('unavailable');
      return;
    }
    applyTexts();
    const token = stored(tokenKey, null);
    if (token) {
      try {
        const resumed = await call('anteroom.resume', { token });
        enterChat(resumed.chat, resumed.messages);
        flushPending();
        return;
      } catch (e) {
        if (reasonOf(e) === 'offline') return;
        store(tokenKey, null);
        store(pendingKey, null);
      }
    }
    offerIntake();
  }

  function offerIntake() {
    clearTimeout(recheckTimer);
    if (!settings.open || !settings.available) {
      $('unavailable-text').textContent = settings.texts.outOfHours;
      show('unavailable');
      // Someone may come on duty: look again now and then.
      recheckTimer = setTimeout(async () => {
        try {
          settings = await call('anteroom.open', { key });
          offerIntake();
        } catch (e) {
          // The reconnect starts over.
        }
      }, 30000);
      return;
    }
    show('intake');
  }

  async function join(event) {
    event.preventDefault();
    const error = $('intake-error');
    const alias = $('alias').value.trim();
    if (!alias) {
      error.textContent = 'Please choose a name to be called by.';
      $('alias').focus();
      return;
    }
    const answers = {};
    for (const input of $('questions').querySelectorAll('input')) {
      const value = input.value.trim();
      if (input.required && !value) {
        error.textContent = 'Please answer: ' + input.labels[0].textContent;
        input.focus();
        return;
      }
      if (value) answers[input.dataset.question] = value;
    }
    if (!$('consent').checked) {
      error.textContent = 'Please tick the box to agree before you start.';
      $('consent').focus();
      return;
    }
    error.textContent = '';
    $('start').disabled = true;
    try {
      const joined = await call('anteroom.join', {
        key, alias, topic: $('topic').value.trim(), answers, consent: true,
      });
      store(tokenKey, joined.token);
      enterChat(joined.chat, []);
    } catch (e) {
      error.textContent = reasonOf(e) === 'offline'
        ? 'The connection was lost. Please try again in a moment.'
        : e.message || 'Something went wrong. Please try again.';
    } finally {
      $('start').disabled = false;
    }
  }

  function send(event) {
    event.preventDefault();
    const text = $('text').value.trim();
    if (!text || !chat) return;
    const p = { clientMsgId: newMessageId(), text };
    store(pendingKey, stored(pendingKey, []).concat([p]));
    $('text').value = '';
    showPending(p);
    deliver(p);
    typingSentAt = 0;
    call('chat.typing', { chatId: chat.id, typing: false }).catch(() => {});
  }

  // Sent until acknowledged: the same clientMsgId again never makes a second message.
  async function deliver(p) {
    try {
      const sent = await call('chat.send', { chatId: chat.id, text: p.text, clientMsgId: p.clientMsgId });
      store(pendingKey, stored(pendingKey, []).filter((q) => q.clientMsgId !== p.clientMsgId));
      addMessage(sent.message);
    } catch (e) {
      if (reasonOf(e) === 'offline') return; // sent again after the reconnect
      store(pendingKey, stored(pendingKey, []).filter((q) => q.clientMsgId !== p.clientMsgId));
      const failed = $('messages').querySelector('[data-client-msg-id="' + CSS.escape(p.clientMsgId) + '"]');
      if (failed) failed.querySelector('.who').textContent = 'You · not sent: ' + (e.message || 'error');
    }
  }

  function flushPending() {
    if (!chat || chat.status === 'closed' || chat.status === 'abandoned') return;
    for (const p of stored(pendingKey, [])) deliver(p);
  }

  function onPush(method, params) {
    if (method === 'chat.updated' && chat && params.chat && params.chat.id === chat.id) {
      chat = Object.assign(chat, params.chat);
      if (chat.status === 'closed' || chat.status === 'abandoned') showEnded();
      else updateStatus();
    } else if (method === 'chat.message' && chat && params.message && params.message.chatId === chat.id) {
      if (params.message.seq > (chat.lastSeq || 0)) chat.lastSeq = params.message.seq;
      addMessage(params.message);
      if (params.message.sender !== 'client') markRead();
    } else if (method === 'chat.typing' && chat && params.chatId === chat.id) {
      clearTimeout(typingTimer);
      $('typing').textContent = params.typing ? (chat.consultantName || 'The counsellor') + ' is writing…' : '';
      if (params.typing) typingTimer = setTimeout(() => { $('typing').textContent = ''; }, 8000);
    }
  }

  function onInput() {
    if (!chat || chat.status === 'closed') return;
    const now = Date.now();
    if (now - typingSentAt > 3000) {
      typingSentAt = now;
      call('chat.typing', { chatId: chat.id, typing: true }).catch(() => {});
    }
  }

  async function end() {
    if (!chat) return;
    try {
      const closed = await call('chat.close', { chatId: chat.id });
      chat = Object.assign(chat, closed.chat);
      showEnded();
    } catch (e) {
      banner(e.message || 'The chat could not be ended. Please try again.');
    }
  }

  async function forget() {
    try {
      await call('anteroom.forget', {});
    } catch (e) {
      if (reasonOf(e) !== 'not_found') {
        banner(e.message || 'The conversation could not be deleted. Please try again.');
        return;
      }
    }
    store(tokenKey, null);
    store(pendingKey, null);
    $('messages').textContent = '';
    $('forget').hidden = true;
    $('forgotten').hidden = false;
  }

  // A new conversation is a new connection: this one belongs to the chat that ended.
  function again() {
    store(tokenKey, null);
    store(pendingKey, null);
    chat = null;
    $('intake-form').reset();
    $('messages').textContent = '';
    show('loading');
    restarting = true;
    ws.close();
  }

  // Leaves no trace on the screen or in this tab, and goes somewhere neutral.
  function quickExit() {
    exiting = true;
    const url = (settings && settings.quickExitUrl) || 'https://www.wikipedia.org/';
    try {
      sessionStorage.clear();
    } catch (e) {
      // Nothing stored.
    }
    try {
      if (ws) ws.close();
    } catch (e) {
      // Already closed.
    }
    document.body.textContent = '';
    document.title = '';
    try {
      // The whole window where the page is framed (allowed after a click), else this frame.
      window.top.location.replace(url);
    } catch (e) {
      location.replace(url);
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('intake-form').addEventListener('submit', join);
    $('compose').addEventListener('submit', send);
    $('text').addEventListener('input', onInput);
    $('text').addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey) send(event);
    });
    $('end').addEventListener('click', end);
    $('forget').addEventListener('click', forget);
    $('again').addEventListener('click', again);
    $('quick-exit').addEventListener('click', quickExit);
    // Escape twice in a row leaves as quickly as the button.
    document.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      const now = Date.now();
      if (now - lastEscape < 1000) quickExit();
      lastEscape = now;
    });
    document.addEventListener('visibilitychange', markRead);
    connect();
  });
})();
