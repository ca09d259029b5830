#!/usr/bin/env python3
"""Sums a JFR recording's jdk.Compilation events: the compilations and their time by level, then the C2 (level 4)
time by class and by method, with the bytes inlined into each. Record with -XX:StartFlightRecording=filename=F.jfr,
settings=comp.jfc where comp.jfc enables only jdk.Compilation with threshold 0 ms. Usage: jfr_compilations.py F.jfr
(BENCHMARKS.md, "The JIT compilers on a cold drain, and Paho's own cost", item 6)."""
import json, subprocess, sys, collections
f = sys.argv[1]
out = subprocess.run(['jfr', 'print', '--json', '--events', 'jdk.Compilation', f], capture_output=True, text=True).stdout
ev = json.loads(out)['recording']['events']
def dur(e):
    d = e['values']['duration']  # ISO-8601 e.g. PT0.001S
    return float(d[2:-1]) if d.startswith('PT') and d.endswith('S') else 0.0
by_level = collections.Counter(); n_level = collections.Counter()
by_class = collections.Counter(); by_method = collections.Counter(); inl = collections.Counter()
for e in ev:
    v = e['values']; lvl = v['compileLevel']; d = dur(e)
    by_level[lvl] += d; n_level[lvl] += 1
    m = v['method']; cls = m['type']['name']; name = m['name']
    if lvl == 4:
        by_class[cls] += d; by_method[cls + '.' + name] += d; inl[cls + '.' + name] = v.get('inlinedBytes', 0)
tot = sum(by_level.values())
print(f"{len(ev)} compilations, {tot:.2f} s in all")
for l in sorted(by_level): print(f"  level {l}: {n_level[l]} compilations, {by_level[l]:.2f} s")
c2 = by_level[4]
print("C2 time by class (top 12):")
for p, d in by_class.most_common(12): print(f"  {d:6.2f} s {100*d/c2:5.1f} %  {p}")
print("C2 time by method (top 15):")
for p, d in by_method.most_common(15): print(f"  {d:6.3f} s  inlined {inl[p]:6d} B  {p}")
