// Linli operator console. Plain JS, no framework, no build step (docs/CONSOLE.md).
// Every piece of data from the server is put into the page with textContent or as an attribute value, never
// parsed as HTML: alert texts, names and notes come from devices, config files and people.
// Every word of the alert model (states, actions, severities, outcomes, roles) and which actions a state allows come
// from the server's GET /api/alert-model: this file keeps no tables of them. What one card shows (its head, body and
// timeline: headContent, infoContent, callLink, renderTimeline, time) is in card.js.
'use strict';

const ONLINE_MS = 2 * 60 * 60 * 1000;
// a server without the `replayed` event: the replay is over once the stream has been quiet this long
const REPLAY_QUIET_MS = 300;
const DEVICES_REDRAW_MS = 1000;
const OLDER_PAGE = 50;

const state = {
  user: null, csrf: null, model: null, source: null, deviceTimer: null,
  alerts: new Map(),        // id -> newest alert JSON
  cards: new Map(),         // id -> card (its DOM nodes)
  order: [],                // ids of the cards on the page, in compare() order
  rendered: false,          // the list has been built once (after the replay)
  quietTimer: null,
  devices: [], devicesTimer: null,
  alarmBy: new Map(),       // device id -> ids of unsettled alerts about it (not battery)
  batteryBy: new Map(),     // device id -> ids of unsettled low-battery alerts about it
  grids: new Set(),
  olderCursor: null
};
// full renders of the list, for the browser test and the load benchmark (docs/CONSOLE.md)
window.__linliRenders = 0;
const $ = id => document.getElementById(id);
// duty.js (ringing, statistics, search, away flag, snapshots) and live.js (the stream's banner and reconnection)
// hook in here, so this file keeps the cards (docs/CONSOLE.md, "The duty screen")
window.linliHooks = { start: [], stop: [], alert: [], card: [], rendered: [], visible: [], live: [] };
function hook(name, ...args) { for (const f of window.linliHooks[name]) f(...args); }

/** Builds an element; strings among the children become text nodes, never markup. */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

async function api(method, path, body) {
  const headers = { 'Accept': 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && state.csrf) headers['X-CSRF-Token'] = state.csrf;
  const r = await fetch(path, { method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body) });
  let json = null;
  try { json = await r.json(); } catch (e) { json = null; }
  if (r.status === 401 && path !== '/api/login') showLogin('登录已过期，请重新登录');
  return { status: r.status, json, headers: r.headers };
}

// ---- the alert model, from the server ----

/** Indexes GET /api/alert-model's answer by id. */
function indexModel(json) {
  const byId = list => new Map((list || []).map(x => [x.id, x]));
  return {
    states: byId(json.states), actions: byId(json.actions), types: byId(json.types),
    outcomes: byId(json.outcomes), roles: byId(json.roles),
    severities: json.severities || [], severityById: byId(json.severities), system: json.system
  };
}

const stateOf = id => state.model.states.get(id);
const stateLabel = id => (stateOf(id) || {}).label || id;
const severityLabel = id => (state.model.severityById.get(id) || {}).label || id;
const severityRank = id => { const s = state.model.severityById.get(id); return s ? s.rank : 99; };
const outcomeLabel = id => (state.model.outcomes.get(id) || {}).label || id;
const isSettled = a => !!(stateOf(a.state) || {}).settled;    // handled by a person: greyed
const isTerminal = a => !!(stateOf(a.state) || {}).terminal;  // finished for good: hidden under 未结案

/** The buttons a state offers this user: the workflow's actions from it, those their role may take. */
function actionsFor(a) {
  const role = state.user ? state.user.role : null;
  return ((stateOf(a.state) || {}).actions || []).map(id => state.model.actions.get(id))
    .filter(x => x && x.byPerson && (!role || (x.roles || []).includes(role)));
}

// ---- login ----

function showLogin(message) {
  stopLive();
  hook('stop');
  state.user = null; state.csrf = null;
  $('console-view').hidden = true;
  $('login-view').hidden = false;
  $('login-error').textContent = message || '';
  $('login-user').focus();
}

async function onLogin(event) {
  event.preventDefault();
  $('login-submit').disabled = true;
  const r = await api('POST', '/api/login', { user: $('login-user').value.trim(), password: $('login-password').value });
  $('login-submit').disabled = false;
  $('login-password').value = '';
  if (r.status === 200) {
    startConsole(r.json);
  } else if (r.status === 429) {
    $('login-error').textContent = '失败次数过多，请 ' + (r.headers.get('Retry-After') || '60') + ' 秒后再试';
  } else if (r.status === 503) {
    $('login-error').textContent = '登录繁忙，请 ' + (r.headers.get('Retry-After') || '1') + ' 秒后再试';
  } else {
    $('login-error').textContent = '用户名或密码错误';
  }
}

async function onLogout() {
  await api('POST', '/api/logout', {});
  showLogin('已退出');
}

// ---- the console ----

async function startConsole(session) {
  state.user = session.user;
  state.csrf = session.csrfToken || null;
  resetAlerts();
  $('login-view').hidden = true;
  $('console-view').hidden = false;
  $('logout').hidden = !session.authRequired;
  const banner = $('banner');
  banner.hidden = session.authRequired;
  banner.textContent = session.authRequired ? '' : '未配置用户：本网关的接口无需登录，请勿开放到回环地址以外。';
  const m = await api('GET', '/api/alert-model');
  if (m.status !== 200 || !m.json) {
    if (m.status === 401) return;   // showLogin has taken over
    banner.hidden = false;
    banner.textContent = '无法读取告警模型（' + m.status + '），3 秒后重试';
    setTimeout(() => { if (state.user === session.user) startConsole(session); }, 3000);
    return;
  }
  state.model = indexModel(m.json);
  const u = session.user;
  const role = u ? (state.model.roles.get(u.role) || {}).label || u.role : '';
  $('who').dataset.role = role;
  showWho(u);
  fillSeverityFilter();
  if (u && u.role === 'grid_worker') addGridOption(u.grid);
  startLive();
  loadDevices();
  state.deviceTimer = setInterval(loadDevices, 60000);
  hook('start', session);
}

function resetAlerts() {
  state.alerts.clear(); state.cards.clear(); state.order = [];
  state.alarmBy.clear(); state.batteryBy.clear();
  state.rendered = false; state.olderCursor = null;
  clearTimeout(state.quietTimer);
  $('alerts').replaceChildren();
  $('older').hidden = true;
}

function fillSeverityFilter() {
  const select = $('filter-severity');
  const chosen = select.value;
  select.replaceChildren(el('option', { value: '' }, '全部'),
    ...state.model.severities.map(s => el('option', { value: s.id }, s.label)));
  select.value = chosen;
}

function startLive() {
  stopLive();
  const es = new EventSource('/api/alerts/stream');
  state.source = es;
  es.addEventListener('open', () => { $('live').className = 'live on'; hook('live', true, es); waitForQuiet(); });
  es.addEventListener('alert', e => { upsert(JSON.parse(e.data)); waitForQuiet(); });
  // the server says the replay of the alerts it holds is complete: build the list now
  es.addEventListener('replayed', () => firstRender());
  // live.js shows the banner and reconnects (or goes to the login page on a 401)
  es.addEventListener('error', () => { $('live').className = 'live off'; hook('live', false, es); });
}

/** Until the first render: (re)arms the fallback for a server that does not send `replayed`. */
function waitForQuiet() {
  if (state.rendered) return;
  clearTimeout(state.quietTimer);
  state.quietTimer = setTimeout(firstRender, REPLAY_QUIET_MS);
}

function firstRender() {
  clearTimeout(state.quietTimer);
  if (state.rendered) return;
  state.rendered = true;
  renderList();
  renderDevices();
  $('older').hidden = false;
}

function stopLive() {
  if (state.source) state.source.close();
  state.source = null;
  if (state.deviceTimer) clearInterval(state.deviceTimer);
  state.deviceTimer = null;
  clearTimeout(state.quietTimer);
}

/**
 * Takes one alert version. Before the first render it is only kept; after it, only its own card is updated and
 * moved to its place: nothing else is sorted or scanned.
 */
function upsert(alert) {
  const old = state.alerts.get(alert.id);
  if (old && (old.version > alert.version
      || (old.version === alert.version && (old.history || !alert.history)))) return;   // nothing new
  if (old && old.history && !alert.history) alert.history = old.history;
  if (alert.grid) addGridOption(alert.grid);
  if (alert.location && alert.location.compound) $('compound').textContent = alert.location.compound;
  countForDevices(old, alert);
  if (!state.rendered) {
    state.alerts.set(alert.id, alert);
    hook('alert', old, alert, false);
    return;
  }
  place(old, alert);
  scheduleDevices();
  hook('alert', old, alert, true);
}

/** Moves (or adds, or takes off) one card to where `alert` belongs; `old` is the version the page had. */
function place(old, alert) {
  const card = state.cards.get(alert.id);
  let from = -1;
  if (card && card.shown) {
    from = lowerBound(old);   // the map still holds `old`: the order is consistent with it
    if (state.order[from] !== alert.id) from = state.order.indexOf(alert.id);   // never expected
    state.order.splice(from, 1);
  }
  state.alerts.set(alert.id, alert);
  renderCard(alert);
  const c = state.cards.get(alert.id);
  if (!visible(alert)) {
    c.root.remove();
    c.shown = false;
  } else {
    const at = lowerBound(alert);
    state.order.splice(at, 0, alert.id);
    if (at !== from || !c.shown) {
      const next = state.order[at + 1];
      $('alerts').insertBefore(c.root, next === undefined ? null : state.cards.get(next).root);
    }
    c.shown = true;
  }
  showCount();
}

/** The first index in state.order whose alert does not sort before `a` (binary search). */
function lowerBound(a) {
  let lo = 0, hi = state.order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(state.alerts.get(state.order[mid]), a) < 0) lo = mid + 1; else hi = mid;
  }
  return lo;
}

// The header: who is logged in, and a grid worker's grid by its name (window.linliGridNames, once loaded).
function showWho(u) {
  const role = $('who').dataset.role || '';
  const grid = u && u.role === 'grid_worker' ? ((window.linliGridNames || new Map()).get(u.grid) || u.grid) : '';
  $('who').textContent = u ? u.name + ' · ' + (grid ? role + ' ' + grid : role) : '开放模式';
}

function addGridOption(grid) {
  if (state.grids.has(grid)) return;
  state.grids.add(grid);
  $('filter-grid').append(el('option', { value: grid }, (window.linliGridNames || new Map()).get(grid) || grid));
}

function visible(a) {
  const grid = $('filter-grid').value, severity = $('filter-severity').value, st = $('filter-state').value;
  if (grid && a.grid !== grid) return false;
  if (severity && a.severity !== severity) return false;
  if (st === 'active' && isTerminal(a)) return false;
  return window.linliHooks.visible.every(f => f(a));
}

/** Not finished first, then most urgent, then newest; the id makes it a total order for the binary search. */
function compare(a, b) {
  const t = (isTerminal(a) ? 1 : 0) - (isTerminal(b) ? 1 : 0);
  if (t !== 0) return t;
  const s = severityRank(a.severity) - severityRank(b.severity);
  if (s !== 0) return s;
  const r = (b.raisedAt || '').localeCompare(a.raisedAt || '');
  if (r !== 0) return r;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Builds the whole list in order: once after the replay, and when a filter changes. */
function renderList() {
  const started = performance.now();
  window.__linliRenders++;
  const shown = [...state.alerts.values()].filter(visible).sort(compare);
  const roots = document.createDocumentFragment();
  for (const card of state.cards.values()) card.shown = false;
  for (const a of shown) {
    renderCard(a);
    const card = state.cards.get(a.id);
    card.shown = true;
    roots.append(card.root);
  }
  $('alerts').replaceChildren(roots);
  state.order = shown.map(a => a.id);
  showCount();
  window.__linliRenderMs = performance.now() - started;   // the script's part of the last render (the benchmark)
  hook('rendered');
}

function showCount() {
  $('alert-count').textContent = '(' + state.order.length + ')';
  $('no-alerts').hidden = state.order.length > 0;
}

function renderCard(a) {
  let card = state.cards.get(a.id);
  if (!card) {
    card = buildCard(a.id);
    state.cards.set(a.id, card);
  }
  card.root.className = 'alert sev-' + a.severity + (isSettled(a) ? ' closed' : '');
  card.root.dataset.state = a.state;
  card.root.dataset.grid = a.grid || '';
  card.head.replaceChildren(...headContent(a));
  if (card.body) fillBody(card, a);
  hook('card', card, a);
}

/** A card's head; its body is built the first time it is opened (most cards are never opened). */
function buildCard(id) {
  const root = el('li', { 'data-id': id });
  const head = el('button', { type: 'button', class: 'alert-head', 'aria-expanded': 'false' });
  root.append(head);
  const card = { root, head, body: null, info: null, actions: null, message: null, timeline: null, form: null,
    actionsState: null, shown: false };
  head.addEventListener('click', () => {
    if (!card.body) buildBody(card, id);
    card.body.hidden = !card.body.hidden;
    head.setAttribute('aria-expanded', String(!card.body.hidden));
    if (!card.body.hidden) loadHistory(id);
  });
  return card;
}

function buildBody(card, id) {
  card.body = el('div', { class: 'alert-body' });
  card.body.hidden = true;
  card.info = el('div');
  card.actions = el('div', { class: 'actions' });
  card.message = el('p', { class: 'message error', role: 'status' });
  card.timeline = el('ol', { class: 'timeline' });
  card.body.append(card.info, card.actions, card.message, el('h4', {}, '处理记录'), card.timeline);
  card.root.append(card.body);
  fillBody(card, state.alerts.get(id));
}

function fillBody(card, a) {
  card.info.replaceChildren(...infoContent(a));
  updateActions(card, a);
  renderTimeline(card, a);
}

/** The buttons of the alert's state (the server still decides, and answers 409 to a step out of order). */
function updateActions(card, a) {
  if (card.actionsState === a.state) return;
  card.actionsState = a.state;
  const allowed = actionsFor(a);
  const buttons = allowed.map(x => {
    const b = el('button', { type: 'button', 'data-action': x.segment }, x.button);
    b.addEventListener('click', () => {
      if (x.needsOutcome) openForm(card, a.id, x);
      else act(card, a.id, x.segment, {});
    });
    return b;
  });
  const keepForm = card.form && allowed.some(x => x.segment === card.form.dataset.form) ? card.form : null;
  card.actions.replaceChildren(...buttons, ...(keepForm ? [keepForm] : []));
  card.form = keepForm;
}

function openForm(card, id, action) {
  if (card.form) card.form.remove();
  const select = el('select', { class: 'outcome', 'aria-label': action.outcomePrompt });
  for (const o of action.outcomes || []) select.append(el('option', { value: o }, outcomeLabel(o)));
  const note = el('textarea', { class: 'note', placeholder: '备注（现场情况、联系结果）', maxlength: '2000' });
  const submit = el('button', { type: 'button', 'data-submit': action.segment, class: 'danger' }, '提交' + action.button);
  const cancel = el('button', { type: 'button', class: 'secondary' }, '取消');
  const form = el('div', { class: 'form', 'data-form': action.segment },
    el('label', {}, action.outcomePrompt, select), note, submit, cancel);
  submit.addEventListener('click', async () => {
    if ((state.model.outcomes.get(select.value) || {}).needsNote && !note.value.trim()) {
      card.message.textContent = '“' + outcomeLabel(select.value) + '”需要填写备注';
      return;
    }
    if (await act(card, id, action.segment, { outcome: select.value, note: note.value })) {
      form.remove(); card.form = null;
    }
  });
  cancel.addEventListener('click', () => { form.remove(); card.form = null; });
  card.form = form;
  card.actions.append(form);
}

/** Sends one lifecycle step; the gateway records who did it from the session, not from the page. */
async function act(card, id, segment, body) {
  card.message.textContent = '';
  const r = await api('POST', '/api/alerts/' + encodeURIComponent(id) + '/' + segment, body);
  if (r.status >= 200 && r.status < 300) {
    if (r.json && r.json.id === id) upsert(r.json);
    loadHistory(id);
    return true;
  }
  card.message.textContent = '操作未成功（' + r.status + '）' + (r.json && r.json.error ? '：' + r.json.error : '');
  return false;
}

async function loadHistory(id) {
  const r = await api('GET', '/api/alerts/' + encodeURIComponent(id));
  if (r.status === 200 && r.json) upsert(r.json);
}

// ---- older closed alerts (the server keeps only recent ones in memory) ----

async function loadOlder() {
  const button = $('older');
  button.disabled = true;
  const query = '?limit=' + OLDER_PAGE + (state.olderCursor ? '&before=' + encodeURIComponent(state.olderCursor) : '');
  const r = await api('GET', '/api/alerts/closed' + query);
  button.disabled = false;
  if (r.status !== 200 || !r.json) {
    button.hidden = true;   // a gateway without the archive (404): nothing to add
    return;
  }
  const older = r.json.alerts || [];
  if (older.length > 0 && $('filter-state').value === 'active') {
    // they are closed: show every state, with one render for the lot
    $('filter-state').value = '';
    state.rendered = false;
    older.forEach(upsert);
    state.rendered = true;
    renderList();
  } else {
    older.forEach(upsert);
  }
  state.olderCursor = r.json.next || null;
  button.hidden = !state.olderCursor;
}

// ---- devices per building ----

/** Keeps, per device, the unsettled alerts about it: `old` is taken out, `alert` put in. */
function countForDevices(old, alert) {
  for (const [a, add] of [[old, false], [alert, true]]) {
    if (!a || !a.device || isSettled(a)) continue;
    const by = /BATTERY/.test(a.type) ? state.batteryBy : state.alarmBy;
    const ids = by.get(a.device.id) || new Set();
    if (add) ids.add(a.id); else ids.delete(a.id);
    if (ids.size) by.set(a.device.id, ids); else by.delete(a.device.id);
  }
}

async function loadDevices() {
  const r = await api('GET', '/api/devices');
  if (r.status !== 200 || !r.json) return;
  state.devices = r.json.devices || [];
  for (const d of state.devices) if (d.grid) addGridOption(d.grid);
  if (state.rendered) renderDevices();
}

function scheduleDevices() {
  if (state.devicesTimer) return;
  state.devicesTimer = setTimeout(() => { state.devicesTimer = null; renderDevices(); }, DEVICES_REDRAW_MS);
}

function renderDevices() {
  const grid = $('filter-grid').value;
  const byBuilding = new Map();
  const now = Date.now();
  for (const d of state.devices) {
    if (grid && d.grid !== grid) continue;
    const building = String(d.location || '?').split(/[-:]/)[0];
    const b = byBuilding.get(building) || { online: 0, offline: 0, never: 0, alarm: 0, battery: 0 };
    if (!d.lastSeen) b.never++;
    else if (now - Date.parse(d.lastSeen) <= ONLINE_MS) b.online++;
    else b.offline++;
    if (state.alarmBy.has(d.id)) b.alarm++;
    if (state.batteryBy.has(d.id)) b.battery++;
    byBuilding.set(building, b);
  }
  const keys = [...byBuilding.keys()].sort((x, y) => x.localeCompare(y, 'zh-CN', { numeric: true }));
  $('devices').replaceChildren(...keys.map(k => {
    const b = byBuilding.get(k);
    return el('div', { class: 'building', 'data-building': k },
      el('h3', {}, k + '号楼'),
      el('div', {}, '在线 ' + b.online),
      el('div', { class: b.offline ? 'bad' : null }, '离线 ' + b.offline),
      el('div', { class: 'muted' }, '未上报 ' + b.never),
      b.alarm ? el('div', { class: 'bad' }, '报警中 ' + b.alarm) : null,
      b.battery ? el('div', { class: 'bad' }, '低电量 ' + b.battery) : null);
  }));
}

// ---- start ----

document.addEventListener('DOMContentLoaded', async () => {
  $('login-form').addEventListener('submit', onLogin);
  $('logout').addEventListener('click', onLogout);
  $('older').addEventListener('click', loadOlder);
  for (const id of ['filter-grid', 'filter-severity', 'filter-state']) {
    $(id).addEventListener('change', () => { if (state.rendered) { renderList(); renderDevices(); } });
  }
  const r = await api('GET', '/api/session');
  if (r.status === 200 && r.json) startConsole(r.json);
  else showLogin('');
});
