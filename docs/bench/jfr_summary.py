#!/usr/bin/env python3
"""Summarises JFR execution samples (10 ms apart per running thread with settings=profile): share of samples per thread group and per top (self) frame, and the
inclusive share of a few named hot spots. Usage: jfr_summary.py recording.jfr [top-N]"""
import json, re, subprocess, sys
from collections import Counter

rec = sys.argv[1]; top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
only = re.compile(sys.argv[3]) if len(sys.argv) > 3 else None   # e.g. "vert.x-eventloop|linli-|MQTT": the gateway's threads
out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample", rec],
                     capture_output=True, text=True, check=True).stdout
events = json.loads(out)["recording"]["events"]

def group(name):
    name = re.sub(r"\d+", "N", name or "?")
    return name

threads, selfs, incl = Counter(), Counter(), Counter()
HOT = {"influx Point (TreeMap, NumberFormat)": "com.influxdb.client.write.Point.",
       "line protocol (new LineProtocol)": "org.linli.gateway.timeseries.LineProtocol",
       "PointFactory": "org.linli.gateway.timeseries.PointFactory.",
       "Jackson readTree": "com.fasterxml.jackson.databind.ObjectMapper.readTree",
       "ProfileDecoder.decode": "org.linli.drivers.mqtt.ProfileDecoder.decode",
       "TopicTemplate.deviceIdFrom (split)": "org.linli.drivers.mqtt.TopicTemplate.deviceIdFrom",
       "Pipeline.accept/apply": "org.linli.gateway.pipeline.Pipeline.",
       "UTF-8 encode (String.getBytes)": "java.lang.String.getBytes",
       "DiskQueue": "org.linli.gateway.queue.",
       "Paho": "org.eclipse.paho.",
       "Rules/alerts": "org.linli.gateway.rules.",
       "DeviceTags (cached tag prefix)": "org.linli.gateway.timeseries.DeviceTags",
       "IngestLanes/LanedQueue": "org.linli.gateway.pipeline.LanedQueue",
       "AlarmScanner (pre-decode)": "org.linli.gateway.pipeline.AlarmScanner",
       "TopicRouter": "org.linli.gateway.mqtt.TopicRouter",
       "JsonPointer.compile": "com.fasterxml.jackson.core.JsonPointer.compile",
       "NumberFormat/DecimalFormat": "java.text.DecimalFormat."}
n = 0
for e in events:
    v = e["values"]
    t = group((v.get("sampledThread") or {}).get("javaName") or (v.get("sampledThread") or {}).get("osName"))
    frames = (v.get("stackTrace") or {}).get("frames") or []
    if only and not only.search(t):
        continue
    n += 1
    threads[t] += 1
    if frames:
        m = frames[0]["method"]; selfs[m["type"]["name"].replace("/", ".") + "." + m["name"]] += 1
    names = {f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames}
    for label, prefix in HOT.items():
        if any(x.startswith(prefix) for x in names):
            incl[label] += 1
print(f"samples: {n}")
print("\n| thread | share of samples |\n|---|---|")
for t, c in threads.most_common(top):
    print(f"| {t} | {100*c/n:.1f} % |")
print("\n| top frame (self time) | share |\n|---|---|")
for m, c in selfs.most_common(top):
    print(f"| `{m}` | {100*c/n:.1f} % |")
print("\n| hot spot (inclusive, any frame on the stack) | share |\n|---|---|")
for label, c in incl.most_common():
    print(f"| {label} | {100*c/n:.1f} % |")
