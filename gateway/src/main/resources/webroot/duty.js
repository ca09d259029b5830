// The duty screen (docs/CONSOLE.md, "The duty screen"): a new life-safety alert rings (sound, vibration, browser
// notification, pop-up) until acknowledged; the day's statistics; search; the assignee on each card; grid names in
// the grid filter; the away flag of a household; snapshot captions and the full-screen viewer.
// Loaded after console.js and joined to it only through window.linliHooks; it uses console.js's helpers ($, el, api,
// state, stateOf, isSettled, renderList, addGridOption, time). Everything from the server goes in as text.
'use strict';
(() => {
  const RING_EVERY_MS = 2000;
  const STATS_EVERY_MS = 1000;
  const SEARCH_WAIT_MS = 200;
  const AWAY_DAYS = [1, 3, 7, 30];
  const INACTIVITY = new Set(['WATER_INACTIVITY', 'WATER_INACTIVITY_WARNING']);

  const duty = {
    audio: null, ringing: new Map(), ringTimer: null,
    statsDirty: true, statsTimer: null, query: '', searchTimer: null,
    cameras: new Map(), away: new Map()   // household key -> awayUntil (ISO) or null
  };
  window.__linliRings = 0;   // alerts that started ringing: the browser test reads it

  const H = window.linliHooks;
  const lifeSafety = a => { const s = state.model && state.model.severityById.get(a.severity); return !!(s && s.lifeSafety); };
  const awaiting = a => !!(stateOf(a.state) || {}).awaitingAcceptance;
  const titleOf = a => { const t = state.model.types.get(a.type); return t ? t.title : (a.title || a.type); };
  const placeOf = a => a.location ? (a.location.description || a.location.text || '') : '网关';

  // ---- ringing ----

  /** Browsers play sound only after a user gesture: login is one, and so is any later tap or key. */
  function prepareSound() {
    const Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) return;
    if (!duty.audio) duty.audio = new Ctx();
    if (duty.audio.state === 'suspended') duty.audio.resume().catch(() => {});
  }

  /** Two tones, high then low: not a sound a phone or a PC makes by itself. */
  function beep() {
    prepareSound();
    const ctx = duty.audio;
    if (!ctx) return;
    const t = ctx.currentTime;
    [880, 660].forEach((hz, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'square';
      osc.frequency.value = hz;
      gain.gain.value = 0.25;
      osc.connect(gain).connect(ctx.destination);
      osc.start(t + i * 0.35);
      osc.stop(t + i * 0.35 + 0.3);
    });
  }

  function alarm() {
    beep();
    if (navigator.vibrate) navigator.vibrate([400, 200, 400]);
  }

  function notify(a) {
    if (!('Notification' in window) || Notification.permission !== 'granted') return;
    try {
      const n = new Notification('新告警：' + titleOf(a), { body: placeOf(a), tag: a.id, requireInteraction: true });
      n.onclick = () => { window.focus(); showCard(a.id); n.close(); };
    } catch (e) {
      // Chrome on Android notifies only from a service worker: the pop-up, sound and vibration remain
    }
  }

  function ring(a) {
    const first = !duty.ringing.has(a.id);
    duty.ringing.set(a.id, a);
    showRing();
    if (!first) return;
    window.__linliRings++;
    notify(a);
    if (!duty.ringTimer) {
      alarm();
      duty.ringTimer = setInterval(alarm, RING_EVERY_MS);
    }
  }

  /** Stops ringing for one alert (it was taken), or for all (acknowledged on this screen). */
  function quiet(id) {
    if (id === undefined) duty.ringing.clear(); else duty.ringing.delete(id);
    if (duty.ringing.size === 0) {
      clearInterval(duty.ringTimer);
      duty.ringTimer = null;
      if (navigator.vibrate) navigator.vibrate(0);
    }
    showRing();
  }

  function showRing() {
    $('ring').hidden = duty.ringing.size === 0;
    $('ring-list').replaceChildren(...[...duty.ringing.values()].map(a => {
      const look = el('button', { type: 'button', class: 'small' }, '查看');
      look.addEventListener('click', () => showCard(a.id));
      return el('li', { 'data-alert': a.id }, el('b', {}, titleOf(a)), ' ', placeOf(a), ' ', look);
    }));
  }

  /** Scrolls to the alert's card and opens it (clearing a search that hides it). */
  function showCard(id) {
    if (!state.cards.has(id) || !state.cards.get(id).shown) {
      $('search').value = '';
      duty.query = '';
      renderList();
    }
    const card = state.cards.get(id);
    if (!card) return;
    card.root.scrollIntoView({ block: 'center' });
    if (!card.body || card.body.hidden) card.head.click();
  }

  H.alert.push((old, a, rendered) => {
    duty.statsDirty = true;
    if (rendered && !old && lifeSafety(a) && awaiting(a)) ring(a);
    else if (duty.ringing.has(a.id) && !awaiting(a)) quiet(a.id);
  });

  // ---- statistics for the day ----

  /** 今日告警 / 已处置 / 处置率 / 超时 over the alerts raised since local midnight that the grid filter shows. */
  function computeStats(now) {
    const midnight = new Date(now); midnight.setHours(0, 0, 0, 0);
    const grid = $('filter-grid').value;
    let today = 0, handled = 0, overdue = 0;
    for (const a of state.alerts.values()) {
      if (grid && a.grid !== grid) continue;
      if (!a.raisedAt || Date.parse(a.raisedAt) < midnight.getTime()) continue;
      today++;
      if (isSettled(a)) handled++;
      if ((a.escalationLevel || 0) > 0 || (awaiting(a) && a.acceptBy && Date.parse(a.acceptBy) < now)) overdue++;
    }
    return { today, handled, overdue };
  }

  function showStats() {
    const s = computeStats(Date.now());
    $('stat-today').textContent = String(s.today);
    $('stat-handled').textContent = String(s.handled);
    $('stat-rate').textContent = s.today ? Math.round(100 * s.handled / s.today) + '%' : '—';
    $('stat-overdue').textContent = String(s.overdue);
    $('stat-overdue').parentElement.classList.toggle('bad', s.overdue > 0);
    duty.statsDirty = false;
  }

  // ---- search ----

  /** What a search can match on an alert: place, household and grid, people, device, type. */
  function haystack(a) {
    const loc = a.location || {};
    const names = (window.linliGridNames || new Map());
    return [titleOf(a), a.type, loc.description, loc.text, loc.household, a.grid, names.get(a.grid),
      a.device && a.device.id, a.device && a.device.type, a.assignee && a.assignee.name,
      a.gridWorker && a.gridWorker.name, ...(a.contacts || []).map(c => c.name), a.detail]
      .filter(Boolean).join(' ').toLowerCase();
  }

  H.visible.push(a => !duty.query || haystack(a).includes(duty.query));

  // ---- on each card: the assignee, and the away flag on an inactivity alert ----

  H.card.push((card, a) => {
    if (!card.duty) {
      card.duty = el('div', { class: 'duty-extra' });
      card.head.after(card.duty);
      card.dutyKey = null;
    }
    const household = a.location && a.location.household;
    const key = [a.assignee ? a.assignee.name : '', INACTIVITY.has(a.type) ? household : ''].join('|');
    if (card.dutyKey === key) return;   // nothing of ours changed: most versions of an alert
    card.dutyKey = key;
    const parts = [];
    if (a.assignee) parts.push(el('span', { class: 'assignee' }, '处置人 ' + a.assignee.name));
    if (INACTIVITY.has(a.type) && household) parts.push(awayControl(household));
    card.duty.replaceChildren(...parts);
    card.duty.hidden = parts.length === 0;
  });

  /** 外出 for a household: the current flag, a length and the button to set it, or the button to clear it. */
  function awayControl(household) {
    const box = el('div', { class: 'away', 'data-household': household });
    const draw = () => {
      const until = duty.away.get(household);
      const status = el('span', { class: 'away-status' }, until ? '外出至 ' + time(until) : '在家');
      if (until) {
        const clear = el('button', { type: 'button', class: 'small', 'data-away': 'clear' }, '取消外出');
        clear.addEventListener('click', () => setAway(household, null, box, draw));
        box.replaceChildren(status, clear);
        return;
      }
      const days = el('select', { class: 'away-days', 'aria-label': '外出天数' },
        ...AWAY_DAYS.map(d => el('option', { value: d }, d + ' 天')));
      const set = el('button', { type: 'button', class: 'small', 'data-away': 'set' }, '设为外出');
      set.addEventListener('click', () => setAway(household,
        new Date(Date.now() + Number(days.value) * 86400000).toISOString(), box, draw));
      box.replaceChildren(status, days, set);
    };
    box.addEventListener('redraw', draw);
    if (duty.away.has(household)) draw();
    else {
      box.textContent = '外出状态读取中…';
      api('GET', '/api/households/' + encodeURIComponent(household) + '/away').then(r => {
        if (r.status === 200 && r.json) duty.away.set(household, r.json.awayUntil || null);
        draw();
      });
    }
    return box;
  }

  async function setAway(household, until, box, draw) {
    const r = await api('PUT', '/api/households/' + encodeURIComponent(household) + '/away', { until });
    if (r.status === 200 && r.json) {
      duty.away.set(household, r.json.awayUntil || null);
      // every card of this household shows the new flag
      document.querySelectorAll('.away[data-household="' + CSS.escape(household) + '"]')
        .forEach(b => b.dispatchEvent(new Event('redraw')));
      if (!box.isConnected) draw();
    } else {
      box.append(el('span', { class: 'error' }, '未成功（' + r.status + '）'));
    }
  }

  // ---- snapshots: caption and full-screen viewer ----

  /** The camera and time of a snapshot, from its id (<time base 36>-<n>-<camera>, camera/SnapshotStore). */
  function snapshotCaption(link) {
    const id = decodeURIComponent(link.split('/').pop() || '');
    const parts = id.split('-');
    const ms = parseInt(parts[0], 36);
    const camera = parts.slice(2).join('-');
    const name = duty.cameras.get(camera) || camera || '摄像头';
    return name + (isNaN(ms) ? '' : ' · ' + time(new Date(ms).toISOString()));
  }

  function captionSnapshots(root) {
    for (const img of root.querySelectorAll ? root.querySelectorAll('.evidence img') : []) {
      if (img.dataset.captioned) continue;
      img.dataset.captioned = '1';
      img.title = '点击放大';
      img.after(el('p', { class: 'caption' }, snapshotCaption(img.getAttribute('src') || '')));
    }
  }

  function openViewer(img) {
    $('viewer-img').src = img.getAttribute('src');
    $('viewer-caption').textContent = snapshotCaption(img.getAttribute('src') || '');
    $('viewer').hidden = false;
    $('viewer-close').focus();
  }

  function closeViewer() {
    $('viewer').hidden = true;
    $('viewer-img').removeAttribute('src');
  }

  // ---- start and stop ----

  async function loadNames() {
    const g = await api('GET', '/api/grids');
    if (g.status === 200 && g.json) {
      window.linliGridNames = new Map(g.json.grids.map(x => [x.id, x.name || x.id]));
      for (const x of g.json.grids) addGridOption(x.id);
      for (const o of $('filter-grid').options) if (o.value) o.textContent = window.linliGridNames.get(o.value) || o.value;
      if (state.user) showWho(state.user);   // the header names the grid too
    }
    const c = await api('GET', '/api/cameras/names');
    if (c.status === 200 && c.json) {
      for (const [id, name] of Object.entries(c.json.cameras || {})) {
        duty.cameras.set(id.toLowerCase().replace(/[^a-z0-9_-]/g, '_'), name);
      }
    }
  }

  H.start.push(() => {
    prepareSound();
    if ('Notification' in window && Notification.permission === 'default') {
      Notification.requestPermission().catch(() => {});
    }
    loadNames();
    clearInterval(duty.statsTimer);
    // deadlines pass with no event: recount every few seconds anyway
    let ticks = 0;
    duty.statsTimer = setInterval(() => { if (duty.statsDirty || ++ticks % 10 === 0) showStats(); }, STATS_EVERY_MS);
  });

  // the first render follows the replay: count at once rather than at the next tick
  H.rendered.push(showStats);

  H.stop.push(() => {
    quiet();
    clearInterval(duty.statsTimer);
    duty.statsTimer = null;
    duty.away.clear();
  });

  document.addEventListener('DOMContentLoaded', () => {
    $('ring-ack').addEventListener('click', () => quiet());
    $('search').addEventListener('input', () => {
      clearTimeout(duty.searchTimer);
      duty.searchTimer = setTimeout(() => {
        duty.query = $('search').value.trim().toLowerCase();
        if (state.rendered) renderList();
      }, SEARCH_WAIT_MS);
    });
    $('filter-grid').addEventListener('change', () => { duty.statsDirty = true; });
    // a card's body is built when it is first opened: caption its snapshots then
    new MutationObserver(records => {
      for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) captionSnapshots(n);
    }).observe($('alerts'), { childList: true, subtree: true });
    $('alerts').addEventListener('click', e => {
      const img = e.target.closest ? e.target.closest('.evidence img') : null;
      if (img) openViewer(img);
    });
    $('viewer-close').addEventListener('click', closeViewer);
    $('viewer').addEventListener('click', e => { if (e.target === $('viewer')) closeViewer(); });
    document.addEventListener('keydown', e => { if (e.key === 'Escape' && !$('viewer').hidden) closeViewer(); });
    // the first tap or key on the page lets it play sound (a screen restored without a login)
    for (const ev of ['pointerdown', 'keydown']) document.addEventListener(ev, prepareSound, { capture: true });
  });
})();
