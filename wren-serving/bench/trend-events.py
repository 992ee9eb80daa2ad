#!/usr/bin/env python3
"""Writes an event log (EVENT_LOG.md's format) that makes items trend, for `wren stream` to replay before a benchmark.

    wren-serving/bench/trend-events.py DATA OUT [EVENTS]

3,000 events by default: clicks and ratings (3 in 10) by random users of the dataset over the last 30 minutes, on 300
random movies with weights 1/rank, then one event 2 minutes later that closes the windows holding the last ones.
Deterministic but for the times, which end now.
"""
import csv
import json
import random
import sys
import time

data, out = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 3000
random.seed(7)
with open(f"{data}/movies.csv", newline="") as f:
    reader = csv.reader(f)
    next(reader)
    items = [int(row[0]) for row in reader]
with open(f"{data}/ratings.csv", newline="") as f:
    reader = csv.reader(f)
    next(reader)
    users = sorted({int(row[0]) for row in reader})
pool = random.sample(items, 300)
weights = [1 / (i + 1) for i in range(len(pool))]
start = int(time.time()) - 1800


def event(kind, user, item, value, ts):
    return json.dumps({"kind": "event", "schemaVersion": 1, "loggedAt": ts * 1000, "type": kind, "userId": user,
                       "itemId": item, "value": value, "timestamp": ts})


lines = []
for k in range(n):
    ts = start + k * 1800 // n
    item = random.choices(pool, weights)[0]
    user = random.choice(users)
    if random.random() < 0.3:
        lines.append(event("rating", user, item, random.choice([3.0, 3.5, 4.0, 4.5, 5.0]), ts))
    else:
        lines.append(event("click", user, item, 1.0, ts))
lines.append(event("click", users[0], pool[-1], 1.0, start + 1800 + 120))
with open(out, "w") as f:
    f.write("\n".join(lines) + "\n")
print(f"{len(lines)} events in {out}")
