// The centre console (docs/CENTRE.md): login, drill-down street → community → compound → grid, compound health
// tiles, the live alert stream in the user's scope and the actions relayed to the owning gateway.
// State: `compounds` (id → health) and `alerts` (key → centre alert, highest version) fed by GET /api/stream.
'use strict';

const $ = (id) => document.getElementById(id);
const STATES = { OPEN: '待接单', DEVICE_CLEARED: '设备已恢复', ACCEPTED: '已接单', ON_SITE: '已到场',
  RESOLVED: '已处置待核实', CLOSED: '已结案', DISMISSED: '已注销' };
const OUTCOMES = { REAL_INCIDENT: '真实警情', FALSE_ALARM_COOKING: '误报（烹饪）', FALSE_ALARM_TEST: '误报（测试）',
  RESIDENT_AWAY: '住户不在家', DEVICE_FAULT: '设备故障', OTHER: '其他' };
const ACTIONS = [['accept', '接单'], ['dispatch', '改派'], ['resolve', '处置完成'], ['verify', '核实']];

let me = null;
let csrf = null;
let tree = [];                 // streets → communities → compound ids, from GET /api/tree
const compounds = new Map();   // id → compound health
const alerts = new Map();      // key → centre alert
const where = { street: null, community: null, compound: null, grid: null };
let source = null;
let renderQueued = false;

async function api(method, path, body) {
  const headers = { 'Accept': 'application/json' };
  if (method !== 'GET') { headers['Content-Type'] = 'application/json'; headers['X-CSRF-Token'] = csrf || ''; }
  const r = await fetch(path, { method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body) });
  let json = {};
  try { json = await r.json(); } catch (e) { /* not JSON */ }
  return { status: r.status, json };
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

function time(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return isNaN(d) ? iso : d.toLocaleString('zh-CN', { hour12: false });
}

// ---------- login ----------
async function start() {
  const r = await api('GET', '/api/me');
  if (r.status === 200) { loggedIn(r.json); } else { showLogin(); }
}

function showLogin() {
  $('console-view').hidden = true;
  $('login-view').hidden = false;
}

$('login-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  $('login-error').textContent = '';
  const r = await api('POST', '/api/login', { user: $('login-user').value, password: $('login-password').value });
  if (r.status === 200) { loggedIn(r.json); return; }
  $('login-error').textContent = r.status === 401 ? '用户名或密码错误' : (r.json.error || '登录失败（' + r.status + '）');
});

$('logout').addEventListener('click', async () => {
  await api('POST', '/api/logout', {});
  if (source) source.close();
  location.reload();
});

async function loggedIn(user) {
  me = user;
  csrf = user.csrfToken;
  $('login-view').hidden = true;
  $('console-view').hidden = false;
  $('who').textContent = user.name + (user.role === 'viewer' ? '（只读）' : '');
  $('who').dataset.role = user.role;
  const t = await api('GET', '/api/tree');
  tree = t.json.streets || [];
  for (const s of tree) for (const c of s.communities) for (const x of c.compounds) compounds.set(x.id, x);
  $('scope-name').textContent = scopeName();
  // start at the user's own level
  if (user.scope.level === 'compound') { const x = compounds.get(user.scope.id); Object.assign(where, { street: x.street, community: x.community, compound: x.id }); }
  if (user.scope.level === 'community') { where.community = user.scope.id; where.street = tree[0] && tree[0].id; }
  if (user.scope.level === 'street') { where.street = user.scope.id; }
  connect();
  render();
}

function scopeName() {
  const s = me.scope;
  for (const st of tree) {
    if (s.level === 'street' && st.id === s.id) return st.name;
    for (const c of st.communities) {
      if (s.level === 'community' && c.id === s.id) return c.name;
      for (const x of c.compounds) if (s.level === 'compound' && x.id === s.id) return x.name;
    }
  }
  return s.id;
}

// ---------- live stream ----------
function connect() {
  source = new EventSource('/api/stream');
  source.addEventListener('compound', (e) => { const h = JSON.parse(e.data); compounds.set(h.id, h); queueRender(); });
  source.addEventListener('alert', (e) => {
    const a = JSON.parse(e.data);
    const held = alerts.get(a.key);
    if (!held || held.version < a.version) { alerts.set(a.key, a); queueRender(); }
  });
  source.addEventListener('replayed', () => { $('live').className = 'live on'; $('live-banner').hidden = true; document.body.dataset.replayed = 'true'; });
  source.onerror = () => { $('live').className = 'live off'; $('live-banner').hidden = false; };
}

function queueRender() {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => { renderQueued = false; render(); });
}

// ---------- drill-down ----------
function go(level, id) {
  if (level === 'top') Object.assign(where, { street: null, community: null, compound: null, grid: null });
  if (level === 'street') Object.assign(where, { street: id, community: null, compound: null, grid: null });
  if (level === 'community') Object.assign(where, { community: id, compound: null, grid: null });
  if (level === 'compound') { const x = compounds.get(id); Object.assign(where, { street: x.street, community: x.community, compound: id, grid: null }); }
  if (level === 'grid') where.grid = where.grid === id ? null : id;
  render();
}

function nameOf(level, id) {
  for (const st of tree) {
    if (level === 'street' && st.id === id) return st.name;
    for (const c of st.communities) if (level === 'community' && c.id === id) return c.name;
  }
  return level === 'compound' ? (compounds.get(id) || {}).name || id : id;
}

function renderCrumbs() {
  const nav = $('crumbs');
  nav.replaceChildren();
  const parts = [['top', null, '全部']];
  if (where.street) parts.push(['street', where.street, nameOf('street', where.street)]);
  if (where.community) parts.push(['community', where.community, nameOf('community', where.community)]);
  if (where.compound) parts.push(['compound', where.compound, nameOf('compound', where.compound)]);
  if (where.grid) parts.push(['grid', where.grid, gridName(where.grid)]);
  parts.forEach(([level, id, label], i) => {
    if (i > 0) nav.append(el('span', { class: 'sep', text: '›' }));
    nav.append(el('button', { type: 'button', 'data-crumb': level, 'data-id': id, 'aria-current': i === parts.length - 1 ? 'true' : null,
      text: label, onclick: () => (level === 'grid' ? null : go(level, id)) }));
  });
}

function gridName(id) {
  const x = compounds.get(where.compound);
  const g = x && (x.grids || []).find((g) => g.id === id);
  return g ? g.name : id;
}

function visibleCompound(x) {
  return (!where.street || x.street === where.street) && (!where.community || x.community === where.community)
    && (!where.compound || x.id === where.compound);
}

function tile(x) {
  const state = !x.reachableKnown ? 'unknown' : x.reachable ? 'reachable' : 'dark';
  const label = state === 'unknown' ? '未知（尚未收到报告）' : state === 'reachable' ? '可达' : '失联';
  return el('div', { class: 'tile ' + state, 'data-compound': x.id, 'data-reachable': state, role: 'button', tabindex: '0',
    onclick: () => go('compound', x.id) },
    el('h3', { text: x.name }),
    el('div', { class: 'status', 'data-field': 'status', text: label }),
    el('div', { class: 'line', text: '最近报告：' + time(x.lastSummaryAt) }),
    el('div', { class: 'line' + (x.devicesOffline > 0 ? ' bad' : ''), 'data-field': 'offline',
      text: '离线设备：' + (x.devicesOffline ?? '—') + (x.devicesExpected ? ' / ' + x.devicesExpected : '') }),
    el('div', { class: 'line' + (x.queueDepth > 0 ? ' bad' : ''), 'data-field': 'backlog', text: '积压：' + (x.queueDepth ?? '—')
      + (x.outboxDepth ? '（上行 ' + x.outboxDepth + '）' : '') }),
    el('div', { class: 'line', 'data-field': 'open-alerts', text: '未结告警：' + (x.openAlerts ?? 0) }));
}

function renderTiles() {
  const box = $('tiles');
  box.replaceChildren();
  for (const st of tree) {
    if (where.street && st.id !== where.street) continue;
    for (const c of st.communities) {
      if (where.community && c.id !== where.community) continue;
      const list = c.compounds.map((x) => compounds.get(x.id)).filter((x) => x && visibleCompound(x));
      if (!list.length) continue;
      if (!where.compound) {
        box.append(el('div', { class: 'community-head', style: 'grid-column: 1 / -1' },
          el('button', { type: 'button', 'data-community': c.id, text: c.name + '（' + list.length + ' 个小区）', onclick: () => go('community', c.id) }),
          reportLink(c)));
      }
      list.forEach((x) => box.append(tile(x)));
    }
  }
  const grids = $('grids');
  grids.replaceChildren();
  const x = where.compound && compounds.get(where.compound);
  grids.hidden = !x;
  if (x) {
    for (const g of x.grids || []) {
      grids.append(el('button', { type: 'button', 'data-grid': g.id, 'aria-pressed': where.grid === g.id ? 'true' : 'false',
        text: g.name + '（未结 ' + g.openAlerts + '）', onclick: () => go('grid', g.id) }));
    }
  }
  const dark = [...compounds.values()].filter((x) => x.reachableKnown && !x.reachable);
  $('dark-banner').hidden = dark.length === 0;
  $('dark-banner').textContent = dark.length ? '⚠ ' + dark.length + ' 个小区网关失联：' + dark.map((x) => x.name).join('、') : '';
  $('dark-banner').dataset.dark = dark.map((x) => x.id).join(' ');
}

// The community's printable monthly report (report.html), for users whose scope covers the whole community.
function reportLink(c) {
  if (!me || me.scope.level === 'compound') return null;
  const month = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 7);
  return el('a', { class: 'report-link', 'data-report-community': c.id, target: '_blank',
    href: 'report.html?community=' + encodeURIComponent(c.id) + '&month=' + month, text: '月度报告' });
}

// ---------- alerts ----------
function place(a) {
  const l = a.location || {};
  if (l.description) return l.description;
  if (l.building) return l.building + '号楼' + (l.unit ? l.unit + '单元' : '') + (l.household ? l.household + '室' : '');
  return l.text || '';
}

function card(a) {
  const open = a.state !== 'CLOSED' && a.state !== 'DISMISSED';
  const li = el('li', { class: 'alert sev-' + a.severity + ' origin-' + a.origin + (open ? '' : ' closed'),
    'data-alert-key': a.key, 'data-state': a.state, 'data-origin': a.origin, 'data-version': a.version },
    el('div', { class: 'alert-head' },
      el('div', { class: 'alert-title', text: a.title || a.type }),
      el('div', { class: 'alert-place' }, el('span', { class: 'compound-name', text: a.compoundName }), ' ' + place(a)),
      el('div', { class: 'tags' },
        el('span', { class: 'tag state', 'data-field': 'state', text: STATES[a.state] || a.state }),
        a.escalationLevel > 0 ? el('span', { class: 'tag escalated', text: '已升级 ' + a.escalationLevel + ' 级' }) : null,
        el('span', { class: 'tag', text: a.type }))),
    el('div', { class: 'alert-body' },
      el('div', { class: 'field' }, el('b', { text: '网格' }), (a.gridName || '—')),
      el('div', { class: 'field' }, el('b', { text: '网格员' }), a.gridWorker ? a.gridWorker.name + ' ' + (a.gridWorker.phone || '') : '未分配'),
      a.detail ? el('div', { class: 'field' }, el('b', { text: '详情' }), a.detail) : null,
      el('div', { class: 'field' }, el('b', { text: '时间' }), time(a.raisedAt)),
      me.role === 'duty' && a.origin === 'compound' && open ? actions(a) : null));
  return li;
}

function actions(a) {
  const box = el('div', { class: 'actions' });
  const result = el('p', { class: 'result', 'data-result': '', role: 'status' });
  const to = el('input', { 'data-field': 'to', placeholder: '改派给（人员编号）', autocomplete: 'off' });
  const outcome = el('select', { 'data-field': 'outcome' },
    ...Object.entries(OUTCOMES).map(([k, v]) => el('option', { value: k, text: v })));
  for (const [action, label] of ACTIONS) {
    box.append(el('button', { type: 'button', 'data-action': action, text: label, onclick: async (ev) => {
      const body = {};
      if (action === 'dispatch') { if (!to.value.trim()) { show(result, false, '请填写改派对象的人员编号'); return; } body.to = to.value.trim(); }
      if (action === 'resolve') body.outcome = outcome.value;
      ev.target.disabled = true;
      show(result, true, '已发送，等待小区网关应答…');
      const [compound, ...rest] = a.key.split('/');
      const r = await api('POST', '/api/alerts/' + encodeURIComponent(compound) + '/' + encodeURIComponent(rest.join('/')) + '/' + action, body);
      ev.target.disabled = false;
      if (r.status === 200) {
        show(result, true, label + '成功');
        if (r.json.alert) { const n = Object.assign({}, alerts.get(a.key), r.json.alert); if (n.version > (alerts.get(a.key) || {}).version) alerts.set(a.key, n); }
      } else {
        show(result, false, label + '未成功：' + (r.json.reason || r.json.error || ('HTTP ' + r.status)));
      }
    } }));
  }
  box.append(el('label', { class: 'wide' }, '改派给 ', to), el('label', { class: 'wide' }, '处置结果 ', outcome), result);
  return box;
}

function show(p, ok, text) {
  p.className = 'result ' + (ok ? 'ok' : 'bad');
  p.dataset.result = ok ? 'ok' : 'refused';
  p.textContent = text;
}

function renderAlerts() {
  const all = $('filter-state').value === 'all';
  const list = [...alerts.values()].filter((a) => {
    const x = compounds.get(a.compoundId);
    if (!x || !visibleCompound(x)) return false;
    if (where.grid && a.grid !== where.grid) return false;
    return all || (a.state !== 'CLOSED' && a.state !== 'DISMISSED');
  }).sort((p, q) => (p.origin === q.origin ? 0 : p.origin === 'centre' ? -1 : 1) || String(q.raisedAt).localeCompare(String(p.raisedAt)));
  const ol = $('alerts');
  // keep cards whose version did not change, so a half-typed person id survives a re-render
  const old = new Map([...ol.children].map((li) => [li.dataset.alertKey, li]));
  const cards = list.slice(0, 500).map((a) => {
    const li = old.get(a.key);
    return li && li.dataset.version === String(a.version) ? li : card(a);
  });
  ol.replaceChildren(...cards);
  $('alert-count').textContent = '（' + list.length + '）';
  $('no-alerts').hidden = list.length > 0;
}

function render() {
  renderCrumbs();
  renderTiles();
  renderAlerts();
}

$('filter-state').addEventListener('change', render);
start();
