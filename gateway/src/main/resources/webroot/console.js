// Linli operator console. Plain JS, no framework, no build step (docs/CONSOLE.md).
// Every piece of data from the server is put into the page with textContent or as an attribute value, never
// parsed as HTML: alert texts, names and notes come from devices, config files and people.
'use strict';

const SEVERITY_RANK = { CRITICAL_VULNERABLE: 0, CRITICAL: 1, MAJOR: 2, MINOR: 3, WARNING: 4 };
const SEVERITY_LABEL = { CRITICAL_VULNERABLE: '独居老人·生命安全', CRITICAL: '生命安全', MAJOR: '重要', MINOR: '一般', WARNING: '提示' };
const STATE_LABEL = {
  OPEN: '待处理', DEVICE_CLEARED: '设备已恢复', DISPATCHED: '已派单', ACCEPTED: '已接单', ON_SITE: '已到场',
  RESOLVED: '已处置', VERIFIED: '已核查', DISMISSED: '已注销', CLOSED: '已结案', ESCALATED: '已督办'
};
const ACTION_NAME = {
  RAISED: '告警产生', DISPATCHED: '已派单', DEVICE_CLEARED: '设备恢复', ESCALATED: '督办升级', ACCEPTED: '接单',
  ON_SITE: '到场', RESOLVED: '处置完毕', VERIFIED: '核查结案', DISMISSED: '注销'
};
// handled by a person (greyed), and finished for good (hidden under the 未结案 filter; RESOLVED still awaits verify)
const CLOSED_STATES = new Set(['RESOLVED', 'VERIFIED', 'DISMISSED', 'CLOSED']);
const FINAL_STATES = new Set(['VERIFIED', 'DISMISSED', 'CLOSED']);
const OUTCOMES = [
  ['REAL_INCIDENT', '真实警情'], ['FALSE_ALARM_COOKING', '误报：烹饪油烟'], ['FALSE_ALARM_TEST', '误报：测试'],
  ['RESIDENT_AWAY', '住户外出'], ['DEVICE_FAULT', '设备故障'], ['OTHER', '其他']
];
const DISMISS_REASONS = OUTCOMES.filter(o => o[0] !== 'REAL_INCIDENT');
const ACTION_LABEL = { accept: '接单', 'on-site': '已到场', resolve: '处置完毕', dismiss: '注销(误报)', verify: '核查确认' };
const RELATION = { child: '子女', daughter: '女儿', son: '儿子', spouse: '配偶', neighbour: '邻居', neighbor: '邻居' };
const ONLINE_MS = 2 * 60 * 60 * 1000;

const state = { user: null, csrf: null, alerts: new Map(), cards: new Map(), devices: [], source: null, deviceTimer: null };
const $ = id => document.getElementById(id);

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

// ---- login ----

function showLogin(message) {
  stopLive();
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

function startConsole(session) {
  state.user = session.user;
  state.csrf = session.csrfToken || null;
  state.alerts.clear(); state.cards.clear();
  $('alerts').replaceChildren();
  $('login-view').hidden = true;
  $('console-view').hidden = false;
  $('logout').hidden = !session.authRequired;
  const u = session.user;
  $('who').textContent = u ? u.name + ' · ' + (u.role === 'operator' ? '值班员' : u.grid) : '开放模式';
  const banner = $('banner');
  banner.hidden = session.authRequired;
  banner.textContent = session.authRequired ? '' : '未配置用户：本网关的接口无需登录，请勿开放到回环地址以外。';
  if (u && u.role === 'grid_worker') addGridOption(u.grid);
  startLive();
  loadDevices();
  state.deviceTimer = setInterval(loadDevices, 60000);
}

function startLive() {
  stopLive();
  const es = new EventSource('/api/alerts/stream');
  state.source = es;
  es.addEventListener('open', () => { $('live').className = 'live on'; });
  es.addEventListener('alert', e => upsert(JSON.parse(e.data)));
  es.addEventListener('error', () => {
    $('live').className = 'live off';
    if (es.readyState === EventSource.CLOSED) {
      // refused (401 after logout or expiry) or the gateway is gone: ask who we are, then reconnect or log in
      setTimeout(async () => {
        if (state.source !== es) return;
        const r = await api('GET', '/api/session');
        if (r.status === 200) startLive();
      }, 3000);
    }
  });
}

function stopLive() {
  if (state.source) state.source.close();
  state.source = null;
  if (state.deviceTimer) clearInterval(state.deviceTimer);
  state.deviceTimer = null;
}

function upsert(alert) {
  const old = state.alerts.get(alert.id);
  if (old && old.version > alert.version) return;
  if (old && old.history && !alert.history) alert.history = old.history;
  state.alerts.set(alert.id, alert);
  if (alert.grid) addGridOption(alert.grid);
  if (alert.location && alert.location.compound) $('compound').textContent = alert.location.compound;
  renderCard(alert);
  renderList();
  renderDevices();
}

function addGridOption(grid) {
  const select = $('filter-grid');
  if ([...select.options].some(o => o.value === grid)) return;
  select.append(el('option', { value: grid }, grid));
}

function isClosed(a) { return CLOSED_STATES.has(a.state); }

function visible(a) {
  const grid = $('filter-grid').value, severity = $('filter-severity').value, st = $('filter-state').value;
  if (grid && a.grid !== grid) return false;
  if (severity && a.severity !== severity) return false;
  if (st === 'active' && FINAL_STATES.has(a.state)) return false;
  return true;
}

function compare(a, b) {
  const s = (SEVERITY_RANK[a.severity] ?? 9) - (SEVERITY_RANK[b.severity] ?? 9);
  if (s !== 0) return s;
  return (b.raisedAt || '').localeCompare(a.raisedAt || '');
}

/** Puts the cards in order, most urgent first then newest; moving existing nodes keeps open forms as they are. */
function renderList() {
  const list = $('alerts');
  const shown = [...state.alerts.values()].filter(visible).sort(compare);
  for (const a of shown) list.append(state.cards.get(a.id).root);
  for (const [id, card] of state.cards) {
    if (!shown.some(a => a.id === id)) card.root.remove();
  }
  $('alert-count').textContent = '(' + shown.length + ')';
  $('no-alerts').hidden = shown.length > 0;
}

function renderCard(a) {
  let card = state.cards.get(a.id);
  if (!card) {
    card = buildCard(a);
    state.cards.set(a.id, card);
  }
  card.root.className = 'alert sev-' + a.severity + (isClosed(a) ? ' closed' : '');
  card.root.dataset.state = a.state;
  card.root.dataset.grid = a.grid || '';
  card.head.replaceChildren(...headContent(a));
  card.info.replaceChildren(...infoContent(a));
  updateActions(card, a);
  renderTimeline(card, a);
}

function buildCard(a) {
  const root = el('li', { 'data-id': a.id });
  const head = el('button', { type: 'button', class: 'alert-head', 'aria-expanded': 'false' });
  const body = el('div', { class: 'alert-body' });
  body.hidden = true;
  const info = el('div');
  const actions = el('div', { class: 'actions' });
  const message = el('p', { class: 'message error', role: 'status' });
  const timeline = el('ol', { class: 'timeline' });
  body.append(info, actions, message, el('h4', {}, '处理记录'), timeline);
  root.append(head, body);
  const card = { root, head, body, info, actions, message, timeline, form: null };
  head.addEventListener('click', () => {
    body.hidden = !body.hidden;
    head.setAttribute('aria-expanded', String(!body.hidden));
    if (!body.hidden) loadHistory(a.id);
  });
  buildActions(card, a.id);
  return card;
}

function headContent(a) {
  const place = a.location ? (a.location.description || a.location.text || '') : '网关';
  const tags = el('div', { class: 'tags' },
    el('span', { class: 'tag state' }, STATE_LABEL[a.state] || a.state),
    el('span', { class: 'tag' }, SEVERITY_LABEL[a.severity] || a.severity));
  for (const label of a.careLabels || []) tags.append(el('span', { class: 'tag care' }, label));
  if (a.count > 1) tags.append(el('span', { class: 'tag count' }, '×' + a.count));
  return [el('div', { class: 'alert-title' }, a.title || a.type), el('div', { class: 'alert-place' }, place), tags,
    el('div', { class: 'muted' }, time(a.raisedAt) + (a.grid ? ' · ' + a.grid : ''))];
}

function infoContent(a) {
  const out = [el('p', { class: 'field next' }, el('b', {}, '下一步'), a.nextStep || '')];
  const phones = el('div', { class: 'phones' });
  for (const c of a.contacts || []) phones.append(callLink(c.name + (c.relation ? '（' + (RELATION[c.relation] || c.relation) + '）' : ''), c.phone));
  if (a.gridWorker) phones.append(callLink('网格员 ' + a.gridWorker.name, a.gridWorker.phone));
  if (a.gridLeader) phones.append(callLink('网格长 ' + a.gridLeader.name, a.gridLeader.phone));
  out.push(el('div', { class: 'field' }, el('b', {}, '联系人'), phones));
  if (a.device) out.push(el('p', { class: 'field' }, el('b', {}, '设备'), a.device.id + ' (' + a.device.type + ')'));
  if (a.detail) out.push(el('p', { class: 'field' }, el('b', {}, '说明'), a.detail));
  out.push(el('p', { class: 'field' }, el('b', {}, '次数'), String(a.count) + ' · 最近 ' + time(a.lastSeenAt)));
  for (const link of a.evidence || []) {
    // only the gateway's own snapshot links: never an arbitrary URL from a device or a camera
    if (typeof link === 'string' && link.startsWith('/api/')) {
      out.push(el('div', { class: 'evidence' }, el('img', { src: link, alt: '现场抓拍', loading: 'lazy' })));
    }
  }
  return out;
}

function callLink(label, phone) {
  const digits = String(phone || '').replace(/[^0-9+]/g, '');
  if (!digits) return el('span', {}, label);
  return el('a', { class: 'call', href: 'tel:' + digits }, '☎ ' + label);
}

function buildActions(card, id) {
  for (const action of ['accept', 'on-site', 'resolve', 'dismiss', 'verify']) {
    const b = el('button', { type: 'button', 'data-action': action,
      class: action === 'dismiss' ? 'secondary' : action === 'resolve' ? 'danger' : null }, ACTION_LABEL[action]);
    b.addEventListener('click', () => {
      if (action === 'resolve' || action === 'dismiss') openForm(card, id, action);
      else act(card, id, action, {});
    });
    card.actions.append(b);
  }
}

function openForm(card, id, action) {
  if (card.form) card.form.remove();
  const select = el('select', { class: 'outcome', 'aria-label': action === 'resolve' ? '处置结果' : '注销原因' });
  for (const [value, label] of action === 'resolve' ? OUTCOMES : DISMISS_REASONS) select.append(el('option', { value }, label));
  const note = el('textarea', { class: 'note', placeholder: '备注（现场情况、联系结果）', maxlength: '2000' });
  const submit = el('button', { type: 'button', 'data-submit': action, class: 'danger' }, '提交' + ACTION_LABEL[action]);
  const cancel = el('button', { type: 'button', class: 'secondary' }, '取消');
  const form = el('div', { class: 'form', 'data-form': action },
    el('label', {}, action === 'resolve' ? '处置结果' : '注销原因', select), note, submit, cancel);
  submit.addEventListener('click', async () => {
    if (await act(card, id, action, { outcome: select.value, note: note.value })) {
      form.remove(); card.form = null;
    }
  });
  cancel.addEventListener('click', () => { form.remove(); card.form = null; });
  card.form = form;
  card.actions.append(form);
}

// Which buttons a state offers (docs/ALERTS.md): the server still decides and answers 409 to a step out of order.
const ALLOWED = {
  OPEN: ['accept', 'dismiss'], DEVICE_CLEARED: ['accept', 'dismiss'], ACCEPTED: ['on-site', 'resolve', 'dismiss'],
  ON_SITE: ['resolve', 'dismiss'], RESOLVED: ['verify'], CLOSED: [], DISMISSED: [], VERIFIED: []
};

function updateActions(card, a) {
  const operator = !state.user || state.user.role === 'operator';
  const allowed = ALLOWED[a.state] || ['accept', 'on-site', 'resolve', 'dismiss'];
  for (const b of card.actions.querySelectorAll('button[data-action]')) {
    const action = b.dataset.action;
    b.hidden = !allowed.includes(action) || (action === 'verify' && !operator);
  }
  if (card.form && !allowed.includes(card.form.dataset.form)) { card.form.remove(); card.form = null; }
}

/** Sends one lifecycle step; the gateway records who did it from the session, not from the page. */
async function act(card, id, action, body) {
  card.message.textContent = '';
  const r = await api('POST', '/api/alerts/' + encodeURIComponent(id) + '/' + action, body);
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

function renderTimeline(card, a) {
  const history = a.history || [];
  const items = history.some(h => h.action === 'RAISED') ? [] : [el('li', {}, time(a.raisedAt) + ' 告警产生')];
  for (const h of history) {
    const what = h.action || h.transition || h.to || '';
    const text = [time(h.at), ACTION_NAME[what] || STATE_LABEL[what] || what, h.by ? '· ' + h.by : '',
      h.outcome ? '· ' + (OUTCOMES.find(o => o[0] === h.outcome) || [null, h.outcome])[1] : '', h.note ? '· ' + h.note : '']
      .filter(Boolean).join(' ');
    items.push(el('li', {}, text));
  }
  card.timeline.replaceChildren(...items);
}

function time(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return isNaN(d) ? String(iso) : d.toLocaleString('zh-CN', { hour12: false });
}

// ---- devices per building ----

async function loadDevices() {
  const r = await api('GET', '/api/devices');
  if (r.status !== 200 || !r.json) return;
  state.devices = r.json.devices || [];
  for (const d of state.devices) if (d.grid) addGridOption(d.grid);
  renderDevices();
}

function renderDevices() {
  const inAlarm = new Set(), lowBattery = new Set();
  for (const a of state.alerts.values()) {
    if (isClosed(a) || !a.device) continue;
    if (/BATTERY/.test(a.type)) lowBattery.add(a.device.id); else inAlarm.add(a.device.id);
  }
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
    if (inAlarm.has(d.id)) b.alarm++;
    if (lowBattery.has(d.id)) b.battery++;
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
  for (const id of ['filter-grid', 'filter-severity', 'filter-state']) {
    $(id).addEventListener('change', () => { renderList(); renderDevices(); });
  }
  const r = await api('GET', '/api/session');
  if (r.status === 200 && r.json) startConsole(r.json);
  else showLogin('');
});
