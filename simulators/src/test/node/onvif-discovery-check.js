// Stock WS-Discovery against the camera simulator: the npm package onvif 0.8.3's Discovery.probe multicasts a Probe
// to 239.255.255.250:3702 and lists the cameras that answer. Run by StockDiscoveryTest, or by hand next to
// `./linli camera-sim`:   npm install onvif@0.8.3 && node onvif-discovery-check.js
// Prints one line per camera found: "FOUND <hostname>:<port><path>", then "DONE <count>".
const onvif = require('onvif');
onvif.Discovery.on('error', () => {}); // answers from other devices on the network that are not ProbeMatches
onvif.Discovery.probe({timeout: parseInt(process.argv[2] || '3000', 10)}, (err, cams) => {
  (cams || []).forEach(c => console.log('FOUND ' + c.hostname + ':' + c.port + c.path));
  console.log('DONE ' + (cams || []).length);
  process.exit(0);
});
