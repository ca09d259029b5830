// The printable monthly report of one community (docs/CENTRE.md "The alert archive"): reads
// GET /api/reports/monthly?community=&month= (the archive's MonthlyReportJson) and writes it as a table in Chinese.
// Not logged in → back to the console's login.
'use strict';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);

/** Seconds as the report writes them: 45秒, 3分, 4分36秒, 1小时5分. */
function duration(s) {
  if (s === null || s === undefined) return '—';
  const total = Math.round(s);
  if (total < 60) return total + '秒';
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = total % 60;
  if (h > 0) return h + '小时' + (m ? m + '分' : '');
  return m + '分' + (sec ? sec + '秒' : '');
}

function percent(share) {
  return share === null || share === undefined ? '—' : (share * 100).toFixed(1) + '%';
}

function minutes(seconds) {
  return (seconds / 60).toFixed(1) + '分钟';
}

function cell(text, field, cls) {
  const td = document.createElement('td');
  td.textContent = text;
  if (field) td.dataset.field = field;
  if (cls) td.className = cls;
  return td;
}

function row(r) {
  const tr = document.createElement('tr');
  if (r.compound) tr.dataset.compound = r.compound; else tr.dataset.total = '';
  const levels = r.escalatedByLevel || {};
  const high = r.escalated - (levels['1'] || 0);
  tr.append(cell(r.label, 'label', 'label'), cell(r.alerts, 'alerts'),
    cell(r.accept.reached, 'accepted'), cell(duration(r.accept.p50Seconds), 'acceptP50'),
    cell(duration(r.accept.p90Seconds), 'acceptP90'),
    cell(r.onSite.reached, 'onSite'), cell(duration(r.onSite.p50Seconds), 'onSiteP50'),
    cell(duration(r.onSite.p90Seconds), 'onSiteP90'),
    cell(r.handled.reached, 'handled'), cell(duration(r.handled.p50Seconds), 'handledP50'),
    cell(duration(r.handled.p90Seconds), 'handledP90'),
    cell(r.withOutcome, 'withOutcome'), cell(r.falseAlarms, 'falseAlarms'),
    cell(percent(r.falseAlarmShare), 'falseAlarmShare'),
    cell(r.escalated, 'escalated'), cell(high, 'escalatedHigh'),
    cell(r.darkPeriods, 'darkPeriods'), cell(minutes(r.darkSeconds), 'darkMinutes'));
  return tr;
}

function period(month) {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return y + '年' + m + '月1日 至 ' + y + '年' + m + '月' + last + '日（北京时间）';
}

async function load() {
  const community = params.get('community') || '';
  const month = params.get('month') || '';
  $('month').value = month;
  $('month').addEventListener('change', () => {
    location.search = '?community=' + encodeURIComponent(community) + '&month=' + $('month').value;
  });
  $('print').addEventListener('click', () => window.print());
  const query = 'community=' + encodeURIComponent(community) + '&month=' + encodeURIComponent(month);
  $('csv').href = '/api/reports/monthly?' + query + '&format=csv';
  const r = await fetch('/api/reports/monthly?' + query, { credentials: 'same-origin',
    headers: { 'Accept': 'application/json' } });
  if (r.status === 401) { location.href = 'centre.html'; return; }
  let json = {};
  try { json = await r.json(); } catch (e) { /* not JSON */ }
  if (r.status !== 200) {
    $('status').textContent = r.status === 404 ? '没有这个社区，或不在您的管辖范围内。'
      : r.status === 503 ? '告警档案暂不可用：' + (json.error || '') : '报告生成失败（' + r.status + '）';
    $('status').className = 'status error';
    document.body.dataset.failed = String(r.status);
    return;
  }
  document.title = json.title;
  $('title').textContent = json.title;
  $('community-name').textContent = json.communityName;
  $('period').textContent = period(json.month);
  $('generated').textContent = new Date(json.generatedAt).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
  $('rows').replaceChildren(...json.rows.map(row));
  $('total').replaceChildren(row(json.total));
  $('status').hidden = true;
  $('sheet').hidden = false;
  document.body.dataset.loaded = json.month;
}

load();
