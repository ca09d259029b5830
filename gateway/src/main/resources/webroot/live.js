// The live connection (docs/CONSOLE.md, "The duty screen"): a red banner while the alert stream is down, saying
// since when; reconnection with a growing delay (1 s doubling to 15 s) that first asks GET /api/session, so a 401
// goes to the login page and anything else (the gateway restarting, the network gone) keeps trying. The browser's
// own EventSource retry covers a stream that drops after it was open; this covers one that was refused or closed.
// Loaded after console.js and joined to it through window.linliHooks.
'use strict';
(() => {
  const FIRST_DELAY_MS = 1000;
  const MAX_DELAY_MS = 15000;
  const live = { since: null, delay: FIRST_DELAY_MS, retry: null };

  function showBanner() {
    const b = $('live-banner');
    b.textContent = '实时连接已断开（' + live.since.toLocaleTimeString('zh-CN', { hour12: false })
      + ' 起），正在重连……新告警暂不会显示';
    b.hidden = false;
  }

  function hideBanner() {
    clearTimeout(live.retry);
    live.retry = null;
    live.since = null;
    live.delay = FIRST_DELAY_MS;
    $('live-banner').hidden = true;
  }

  /** Asks who we are after `delay`; reopens the stream when still logged in, else waits longer and asks again. */
  function scheduleReconnect(es) {
    live.retry = setTimeout(async () => {
      live.retry = null;
      if (state.source !== es) return;
      let r = null;
      try {
        r = await api('GET', '/api/session');
      } catch (e) {
        r = null;   // the gateway is not answering (restarting)
      }
      if (state.source !== es) return;   // logged out meanwhile, or a 401 took the page to the login
      if (r && r.status === 200 && r.json && r.json.user !== undefined) {
        startLive();
        return;
      }
      live.delay = Math.min(live.delay * 2, MAX_DELAY_MS);
      scheduleReconnect(es);
    }, live.delay);
  }

  window.linliHooks.live.push((open, es) => {
    if (open) {
      hideBanner();
      return;
    }
    if (state.source !== es) return;
    if (!live.since) live.since = new Date();
    showBanner();
    if (es.readyState === EventSource.CLOSED && !live.retry) scheduleReconnect(es);
  });

  window.linliHooks.stop.push(hideBanner);
})();
