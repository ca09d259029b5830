#!/usr/bin/env python3
"""Summarises JFR allocation samples (jdk.ObjectAllocationSample, weighted by the bytes each sample stands for):
bytes per thread group, per allocated class, and per allocating site (the first frame outside java.* / jdk.* /
sun.*, with the JDK frame under it). Usage: jfr_alloc.py recording.jfr [top-N] [thread regex]"""
import json, re, subprocess, sys
from collections import Counter

rec = sys.argv[1]; top = int(sys.argv[2]) if len(sys.argv) > 2 else 20
only = re.compile(sys.argv[3]) if len(sys.argv) > 3 else None
out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "24", "--events", "jdk.ObjectAllocationSample", rec],
                     capture_output=True, text=True, check=True).stdout
events = json.loads(out)["recording"]["events"]

def name(f):
    m = f["method"]
    return m["type"]["name"].replace("/", ".") + "." + m["name"]

JDK = re.compile(r"^(java|javax|jdk|sun)\.")
threads, classes, sites = Counter(), Counter(), Counter()
total = 0
for e in events:
    v = e["values"]
    t = (v.get("eventThread") or {}).get("javaName") or (v.get("eventThread") or {}).get("osName") or "?"
    t = re.sub(r"\d+", "N", t)
    if only and not only.search(t):
        continue
    w = v.get("weight") or 0
    total += w
    threads[t] += w
    classes[(v.get("objectClass") or {}).get("name", "?").replace("/", ".")] += w
    frames = (v.get("stackTrace") or {}).get("frames") or []
    site = next((i for i, f in enumerate(frames) if not JDK.match(name(f))), None)
    if site is None:
        sites[name(frames[0]) if frames else "?"] += w
    else:
        sites[name(frames[site]) + (" -> " + name(frames[site - 1]) if site > 0 else "")] += w
print(f"allocation samples: {len(events)}, {total / 2**20:.0f} MiB in all")
for title, c in (("thread", threads), ("allocated class", classes), ("allocating site (first non-JDK frame -> JDK frame)", sites)):
    print(f"\n| {title} | MiB | share |\n|---|---|---|")
    for k, w in c.most_common(top):
        print(f"| `{k}` | {w / 2**20:.0f} | {100 * w / total:.1f} % |")
