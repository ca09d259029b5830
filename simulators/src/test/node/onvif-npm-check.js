// Checks the camera simulator against a third-party ONVIF client, the npm package onvif 0.8.3.
// Not run by Maven. Start a SimulatedCamera on http port 18080 (CameraSimOptions.defaults("NodeCheck")
// .withPorts(18080, 13702)) that calls triggerMotion(true) every few seconds, then, outside the repo:
//   npm install onvif@0.8.3 && node onvif-npm-check.js
// Expected: connected with Profile_1,Profile_2 and an active source, snapshot and stream URIs, device
// information, Initialized events, then a Changed CellMotionDetector event (exit code 0).
const onvif = require('onvif');
const cam = new onvif.Cam({hostname: '127.0.0.1', port: 18080, username: 'admin', password: 'admin123', timeout: 10000}, function (err) {
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
