// Linli console: what a grid worker reads on one alert card (docs/ALERTS.md, "What a person reads").
// The card's head (title, place, state, severity, 已督办, care flags, the countdown to the acceptance deadline, who has
// the alert now), its body (next step, call buttons, device, 说明, count) and its timeline. Loaded by index.html next
// to console.js and sharing its globals (state, el, stateLabel, severityLabel, outcomeLabel, isSettled): console.js
// owns the page, the list and the buttons' workflow; this file only turns one alert's JSON into nodes.
// Every word comes from the alert JSON (names from the site file) or GET /api/alert-model; every time is shown in the
// compound's time zone (the alert's `timeZone`), to the second. Nothing is parsed as HTML.
'use strict';

const CARD_DEFAULT_ZONE = 'Asia/Shanghai';
const cardClocks = new Map();   // time zone -> Intl formatters
let countdownTimer = null;

function cardFormatters(zone) {
  let f = cardClocks.get(zone);
  if (!f) {
    const base = { timeZone: zone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit' };
    let full, clock;
    try {
      full = new Intl.DateTimeFormat('zh-CN', { ...base, year: 'numeric', month: '2-digit', day: '2-digit' });
      clock = new Intl.DateTimeFormat('zh-CN', base);
    } catch (e) {   // a zone this browser does not know: the default one
      return cardFormatters(CARD_DEFAULT_ZONE);
    }
    f = { full, clock };
    cardClocks.set(zone, f);
  }
  return f;
}

/** 2026/12/05 10:13:51 in the alert's (the compound's) time zone; '' for no time. */
function time(iso, zone) {
  if (!iso) return '';
  const d = new Date(iso);
  return isNaN(d) ? '' : cardFormatters(zone || CARD_DEFAULT_ZONE).full.format(d);
}

/** 10:13:51: the time of day, for times of today's timeline and the deadline. */
function clockTime(iso, zone) {
  if (!iso) return '';
  const d = new Date(iso);
  return isNaN(d) ? '' : cardFormatters(zone || CARD_DEFAULT_ZONE).clock.format(d);
}

/** Whether the alert still waits for someone to accept it (the model's states say which do). */
const awaitingAcceptance = a => !!((state.model.states.get(a.state) || {}).awaitingAcceptance);

/** The person the alert is with now: whom it was escalated to while unaccepted, else whom it was sent to. */
function holderOf(a) {
  return a.holder || (a.escalatedTo && awaitingAcceptance(a) ? a.escalatedTo : a.assignee) || null;
}

function headContent(a) {
  const z = a.timeZone;
  // a bus or a broker connection is in no building: the compound's name
  const place = (a.location && (a.location.description || a.location.text || a.location.compound)) || '网关';
  const type = state.model.types.get(a.type);
  const tags = el('div', { class: 'tags' },
    el('span', { class: 'tag state' }, stateLabel(a.state)),
    el('span', { class: 'tag severity' }, severityLabel(a.severity)));
  // 督办: nobody accepted in time and it went up the chain; a state of its own, not only a timeline line
  if (a.escalated || a.escalationLevel > 0) tags.append(el('span', { class: 'tag escalated' }, '已督办'));
  for (const label of a.careLabels || []) tags.append(el('span', { class: 'tag care' }, label));
  if (a.count > 1) tags.append(el('span', { class: 'tag count' }, '×' + a.count));
  const out = [el('div', { class: 'alert-title' }, type ? type.title : (a.title || '')),
    el('div', { class: 'alert-place' }, place), tags,
    el('div', { class: 'muted' }, time(a.raisedAt, z) + (a.gridName ? ' · ' + a.gridName : ''))];
  const holder = holderOf(a);
  if (holder && !isSettled(a)) out.push(el('div', { class: 'holder' }, '当前处理人 ' + holder.name));
  if (a.acceptBy && awaitingAcceptance(a)) {
    out.push(el('div', { class: 'countdown', 'data-deadline': a.acceptBy, 'data-zone': z || '' },
      countdownText(a.acceptBy, z)));
    startCountdowns();
  }
  if (a.state === 'RESOLVED') out.push(el('div', { class: 'waiting' }, '已处置，等待值班室核查'));
  return out;
}

/** 接单剩余 01:42（截止 10:13:51）, or 已超时 00:12 once the deadline has passed. */
function countdownText(deadline, zone) {
  const left = Date.parse(deadline) - Date.now();
  const s = Math.floor(Math.abs(left) / 1000);
  const mmss = (s >= 3600 ? String(Math.floor(s / 3600)) + ':' : '')
    + String(Math.floor(s / 60) % 60).padStart(2, '0') + ':' + String(s % 60).padStart(2, '0');
  return (left >= 0 ? '接单剩余 ' + mmss : '已超时 ' + mmss) + '（截止 ' + clockTime(deadline, zone) + '）';
}

/** One timer for every countdown on the page; it stops when none is left. */
function startCountdowns() {
  if (countdownTimer) return;
  countdownTimer = setInterval(() => {
    const shown = document.querySelectorAll('.countdown[data-deadline]');
    if (shown.length === 0) { clearInterval(countdownTimer); countdownTimer = null; return; }
    for (const c of shown) {
      c.textContent = countdownText(c.dataset.deadline, c.dataset.zone || undefined);
      c.classList.toggle('late', Date.parse(c.dataset.deadline) < Date.now());
    }
  }, 1000);
}

function infoContent(a) {
  const z = a.timeZone;
  const type = state.model.types.get(a.type);
  const out = [el('p', { class: 'field next' }, el('b', {}, '下一步'), type ? type.nextStep : (a.nextStep || ''))];
  const phones = el('div', { class: 'phones' });
  // the resident first (contacts come resident first from the server), then family; never the user herself
  for (const c of a.contacts || []) {
    const relation = c.relationLabel || c.relation;
    phones.append(callLink(c.resident ? '住户' : c.name + (relation ? '（' + relation + '）' : ''), c.phone));
  }
  const me = state.user ? state.user.id : null;   // her console user id is her grid-worker id in the site file
  if (a.gridWorker && a.gridWorker.id !== me) phones.append(callLink('网格员 ' + a.gridWorker.name, a.gridWorker.phone));
  if (a.gridLeader && a.gridLeader.id !== me) phones.append(callLink('网格长 ' + a.gridLeader.name, a.gridLeader.phone));
  if (phones.childElementCount) out.push(el('div', { class: 'field' }, el('b', {}, '联系人'), phones));
  const holder = holderOf(a);
  if (holder) out.push(el('p', { class: 'field' }, el('b', {}, '当前处理人'), holder.name));
  if (a.acceptBy && awaitingAcceptance(a)) {
    out.push(el('p', { class: 'field' }, el('b', {}, '接单截止'), time(a.acceptBy, z)));
  }
  if (a.device) {
    out.push(el('p', { class: 'field' }, el('b', {}, '设备'), (a.device.typeLabel || '设备') + ' · 编号 ' + a.device.id));
  }
  if (a.detail) out.push(el('p', { class: 'field' }, el('b', {}, '说明'), a.detail));
  out.push(el('p', { class: 'field' }, el('b', {}, '次数'), String(a.count) + ' · 最近 ' + time(a.lastSeenAt, z)));
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

/**
 * One line per step, its date and time in the compound's zone: 2026/12/05 10:11:51 系统 · 派单给 李娜,
 * 2026/12/05 10:13:52 系统 · 超时未接单（截止 10:13:51），升级给 赵强,
 * 2026/12/05 10:14:02 李娜 · 接单. The gateway's own dispatch and escalation lines say it all in their note.
 */
function renderTimeline(card, a) {
  const z = a.timeZone;
  const history = a.history || [];
  const label = id => (state.model.actions.get(id) || {}).label || stateLabel(id);
  const items = history.some(h => h.action === 'RAISED') ? []
    : [el('li', {}, time(a.raisedAt, z) + ' ' + (state.model.system || '系统') + ' · ' + label('RAISED'))];
  for (const h of history) {
    const what = h.action || h.to || '';
    const parts = (what === 'DISPATCHED' || what === 'ESCALATED') && h.note ? [h.note]
      : [label(what), h.outcome ? outcomeLabel(h.outcome) : '', h.note || ''].filter(Boolean);
    const who = h.byName || (h.by === 'system' ? (state.model.system || '系统') : h.by) || '';
    items.push(el('li', {}, time(h.at, z) + ' ' + (who ? who + ' · ' : '') + parts.join(' · ')));
  }
  card.timeline.replaceChildren(...items);
}
