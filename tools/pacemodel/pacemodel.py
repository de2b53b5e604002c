#!/usr/bin/env python3
# Copyright (c) The terraform-provider-tencentcloud authors.
# SPDX-License-Identifier: MPL-2.0
"""A model of plans sharing one account's budget, for trying pacing schemes.

It is a discrete-event model, not the provider: K clients, each with
unlimited callers, read N bindings against a server that admits 20
requests in any trailing second, each request reaching it 1 ms plus 0 to
30 ms late. The wall time is over a floor of all the calls at 20 per
second, ten listing calls per plan included, as `make bench -plans K`
counts it, and each client starts its bindings at a random moment in
`start`, as plans whose first listing was throttled start late.

Two schemes are modelled:
  - cubic: tencentapi/pacer.go as it is (the cut to 95% of what the
    server accepted, the regain in 4 s, the cubic growth, the settle
    second, the first-throttle hold, the departures rule). Against
    `terraform plan` and the fake-clock test it agrees within about 0.01
    of the ratio.
  - lanes: each client sends on n lanes, each at a fixed phase every
    1.031 s, so that it never has more than n requests in any second; a
    throttled request drops its lane (the first throttle keeps only the
    lanes answered in the second before, and holds until that burst has
    left the window), and a client not throttled for 2.75 s adds a lane,
    then 2, 4, ... every 1.1 s while none is throttled. Clients keep the
    places the server has accepted, so a throttle moves one place and no
    client's other requests change phase.

Run: python3 tools/pacemodel/pacemodel.py [seeds]
"""
import heapq
import math
import random
import sys

LIMIT = 20
JIT = 0.030
RTT = 0.002
MARGIN = 0.97
CEIL = LIMIT * MARGIN
SPAN = 1 / MARGIN
PERIOD = 1 / MARGIN


class Server:
    def __init__(self):
        self.acc = []
        self.h = 0
        self.ok = 0
        self.thr = 0

    def allow(self, a):
        while self.h < len(self.acc) and a - self.acc[self.h] >= 1.0:
            self.h += 1
        if len(self.acc) - self.h >= LIMIT:
            self.thr += 1
            return False
        self.acc.append(a)
        self.ok += 1
        return True


class Cubic:
    """pacer.go as landed."""
    beta = 0.95; recover = 4.0; scale = 0.1; settle = 1.0; minshare = 1 / 40

    def __init__(self):
        self.cut = None; self.after = self.peak = CEIL; self.accepted = []; self.hold = 0.0
        self.deps = []

    def pace(self, now):
        if self.cut is None:
            return CEIL
        t = now - self.cut - self.recover
        if t < 0:
            f = t / self.recover
            return self.peak + (self.peak - self.after) * f ** 3
        return min(CEIL, self.peak + self.scale * CEIL * t ** 3)

    def dep_earliest(self, now):
        n = 20
        if len(self.deps) < n:
            return 0
        return self.deps[-n] + SPAN

    def left(self, t):
        self.deps.append(t); self.deps = self.deps[-64:]

    def answered(self, now):
        self.accepted.append(now)

    def span(self, now):
        return max(1.0, 2 / self.pace(now))

    def throttled(self, sent, now):
        if self.cut is not None and sent < self.cut + self.settle:
            return
        pace = self.pace(now)
        span = self.span(now)
        self.accepted = [a for a in self.accepted if now - a < span]
        got = min(pace, len(self.accepted) / span)
        peak = got
        if got < self.peak:
            peak = got * (1 + self.beta) / 2
        if self.cut is None:
            end = sent + 1
            for a in self.accepted:
                if now - a < 1:
                    end = a + 1
                    break
            self.hold = min(end, now + 1)
        self.cut = now
        self.after = max(got * self.beta, CEIL * self.minshare)
        self.peak = max(peak, self.after)


def run(make, K=5, N=200, seed=1, start=(0.7, 2.2), extra_calls=10):
    random.seed(seed)
    srv = Server()
    ev = []  # (time, seq, kind, client, data)
    seq = [0]

    def push(t, kind, i, data=None):
        seq[0] += 1
        heapq.heappush(ev, (t, seq[0], kind, i, data))

    cl = []
    for i in range(K):
        c = dict(p=make(), done=0, inflight=0, pending=0, last=-1e9, end=None, sched=False, retry_q=[])
        cl.append(c)
        push(random.uniform(*start), 'wake', i)
    while ev:
        t, _, kind, i, data = heapq.heappop(ev)
        c = cl[i]; p = c['p']
        if kind == 'wake':
            c['sched'] = False
            demand = N - c['done'] - c['inflight']
            if demand <= 0:
                continue
            pace = p.pace(t)
            cand = max(t, c['last'] + 1 / pace, p.dep_earliest(t), p.hold)
            if cand - t <= 0.25 and p.hold <= t:
                if cand > t:
                    c['sched'] = True
                    push(cand, 'send', i)
                else:
                    push(t, 'send', i); c['sched'] = True
            else:
                c['sched'] = True
                push(min(max(p.hold, t + 0.001), t + 0.25) if p.hold > t else t + 0.25, 'wake', i)
        elif kind == 'send':
            c['sched'] = False
            if p.hold > t:
                push(p.hold, 'wake', i); c['sched'] = True; continue
            demand = N - c['done'] - c['inflight']
            if demand <= 0:
                continue
            c['last'] = t; p.left(t); c['inflight'] += 1
            a = t + RTT / 2 + random.random() * JIT
            push(a, 'arrive', i, t)
            push(t + 0.0001, 'wake', i); c['sched'] = True
        elif kind == 'arrive':
            ok = srv.allow(t)
            push(t + RTT / 2, 'answer', i, (data, ok))
        elif kind == 'answer':
            sent, ok = data
            c['inflight'] -= 1
            if ok:
                p.answered(t); c['done'] += 1
                if c['done'] == N:
                    c['end'] = t
            else:
                p.throttled(sent, t)
            if not c['sched']:
                push(t, 'wake', i); c['sched'] = True
    ends = [c['end'] for c in cl]
    wall = max(ends) + 0.2
    floor = (srv.ok + K * extra_calls) / LIMIT
    return wall / floor, srv.thr / (srv.ok + K * extra_calls), sorted(ends)


def run_lanes(K=5, N=200, seed=1, start=(0.7, 2.2), G=2.75, accel=True, Pmin=1.1, extra=10, newphase='random', maxl=20, hold_first=True):
    random.seed(seed)
    srv = Server()
    ev = []; seq = [0]
    def push(t, kind, i, data=None):
        seq[0] += 1; heapq.heappush(ev, (t, seq[0], kind, i, data))
    cl = []
    for i in range(K):
        s = random.uniform(*start)
        lanes = {}
        for j in range(maxl):
            lid = (i, j)
            lanes[lid] = s + j * PERIOD / maxl
            push(lanes[lid], 'lane', i, lid)
        cl.append(dict(lanes=lanes, nextid=maxl, done=0, inflight=0, end=None, lastchange=s, streak=0, nextadd=s + G, first=True, hold=0.0))
        push(s + G, 'grow', i)
    while ev:
        t, _, kind, i, data = heapq.heappop(ev)
        c = cl[i]
        if kind == 'lane':
            lid = data
            if lid not in c['lanes'] or c['lanes'][lid] != t:
                continue
            nt = t + PERIOD
            if c['done'] + c['inflight'] < N and t >= c['hold']:
                c['inflight'] += 1
                push(t + RTT / 2 + random.random() * JIT, 'arrive', i, (t, lid))
            if c['done'] < N:
                c['lanes'][lid] = nt; push(nt, 'lane', i, lid)
        elif kind == 'arrive':
            ok = srv.allow(t)
            push(t + RTT / 2, 'answer', i, (data, ok))
        elif kind == 'answer':
            (sent, lid), ok = data
            c['inflight'] -= 1
            if ok:
                c.setdefault('okl', {})[lid] = t
                c['done'] += 1
                if c['done'] == N: c['end'] = t
            else:
                if lid in c['lanes'] and len(c['lanes']) > 1:
                    del c['lanes'][lid]
                c['streak'] = 0
                c['lastchange'] = t
                c['nextadd'] = t + G
                if c['first'] and hold_first:
                    c['first'] = False
                    okl = c.get('okl', {})
                    keep = [l for l in c['lanes'] if l in okl and t - okl[l] < 1.0]
                    if not keep:
                        keep = [lid if lid in c['lanes'] else next(iter(c['lanes']))]
                    c['lanes'] = {l: c['lanes'][l] for l in keep}
                    ends = sorted(okl[l] for l in keep if l in okl)
                    c['hold'] = min(ends[0] + 1 if ends else sent + 1, t + 1)
                    # shift kept lanes to start after hold
                    for l in keep:
                        x = c['lanes'][l]
                        while x < c['hold']:
                            x += PERIOD
                        c['lanes'][l] = x; push(x, 'lane', i, l)
                push(c['nextadd'], 'grow', i)
        elif kind == 'grow':
            if c['done'] >= N or abs(t - c['nextadd']) > 1e-9:
                continue
            if len(c['lanes']) < maxl:
                # add lane(s)
                n = 2 ** c['streak'] if accel else 1
                for _ in range(min(n, maxl - len(c['lanes']))):
                    lid = (i, c['nextid']); c['nextid'] += 1
                    if newphase == 'random':
                        ph = t + random.random() * PERIOD
                    else:
                        # middle of largest gap in own phases
                        ts = sorted((x - t) % PERIOD for x in c['lanes'].values())
                        gaps = [(ts[(k+1) % len(ts)] - ts[k]) % PERIOD or PERIOD for k in range(len(ts))]
                        k = max(range(len(ts)), key=lambda k: gaps[k])
                        ph = t + (ts[k] + gaps[k] / 2) % PERIOD
                    c['lanes'][lid] = ph; push(ph, 'lane', i, lid)
                c['streak'] += 1
            wait = max(Pmin, G / (2 ** c['streak'])) if accel else G
            c['nextadd'] = t + wait
            push(c['nextadd'], 'grow', i)
    ends = [c['end'] for c in cl]
    wall = max(ends) + 0.2
    floor = (srv.ok + K * extra) / LIMIT
    return wall / floor, srv.thr / (srv.ok + K * extra), sorted(ends)



def table(name, runs):
    r = sorted(x[0] for x in runs)
    th = sorted(x[1] for x in runs)
    met = sum(1 for x in runs if x[0] <= 1.10 and x[1] <= 0.10)
    q = lambda xs, f: xs[int(f * (len(xs) - 1))]
    print(f"{name:44s} wall/floor p50 {q(r, .5):.3f} p90 {q(r, .9):.3f}  "
          f"throttled p50 {100 * q(th, .5):.1f}% p90 {100 * q(th, .9):.1f}%  both met {met}/{len(runs)}")


if __name__ == '__main__':
    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    for label, start in [('bindings start 0.7-2.2 s', (0.7, 2.2)), ('bindings start 0.7-0.9 s', (0.7, 0.9))]:
        for k, n in [(5, 200), (3, 300)]:
            table(f'cubic, {k} plans, {label}', [run(Cubic, k, n, s, start=start) for s in range(seeds)])
            table(f'lanes, {k} plans, {label}', [run_lanes(k, n, s, start=start) for s in range(seeds)])
    table('cubic, 1 plan of 1,000', [run(Cubic, 1, 1000, s) for s in range(3)])
    table('lanes, 1 plan of 1,000', [run_lanes(1, 1000, s) for s in range(3)])
