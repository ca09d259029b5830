// Checks the camera simulator against a third-party ONVIF client, the npm package onvif 0.8.3.
// Run by ThirdPartyOnvifClientTest (node onvif-npm-check.js <http port>), or by hand: start a SimulatedCamera
// that calls triggerMotion(true) every few seconds, then, outside the repo:
//   npm install onvif@0.8.3 && node onvif-npm-check.js 18080
// Expected: connected with Profile_1,Profile_2 and an active source, snapshot and stream URIs, device
// information, Initialized events, then a Changed CellMotionDetector event (exit code 0).
const onvif = require('onvif');
const port = parseInt(process.argv[2] || '18080', 10);
const cam = new onvif.Cam({hostname: '127.0.0.1', port: port, username: 'admin', password: 'admin123', timeout: 10000}, function (err) {
  if (err) { console.log('CONNECT ERROR', err.message); process.exit(1); }
  console.log('connected; profiles:', this.profiles.map(p => p.$.token).join(','), 'activeSource:', JSON.stringify(this.activeSource));
  this.getSnapshotUri({protocol: 'HTTP'}, (e, r) => {
    console.log('snapshotUri', e ? 'ERR ' + e.message : r.uri);
    this.getStreamUri({protocol: 'RTSP'}, (e2, s) => {
      console.log('streamUri', e2 ? 'ERR ' + e2.message : s.uri);
      this.getDeviceInformation((e3, info) => {
        console.log('deviceInfo', e3 ? 'ERR ' + e3.message : JSON.stringify(info));
        const t = setTimeout(() => { console.log('NO EVENT within 20s'); process.exit(2); }, 20000);
        this.on('event', (m) => {
          const topic = m.topic._ || m.topic;
          const data = JSON.stringify(m.message.message.data);
          console.log('EVENT', topic, m.message.message.$.PropertyOperation, data);
          if (m.message.message.$.PropertyOperation === 'Changed') { clearTimeout(t); process.exit(0); }
        });
        this.on('eventsError', (e) => console.log('eventsError', e.message));
      });
    });
  });
});
