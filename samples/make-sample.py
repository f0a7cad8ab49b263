#!/usr/bin/env python3
"""Writes samples/transactions.jsonl: a small, deterministic, synthetic sample in the documented
JSON-lines format (docs/transaction-format.md). Every name, phone, account and address is made
up. The project's own generator (`osec-screener generate`) supersedes this script for real
volumes; this file exists so that a fresh clone has data to run on before anything is built.
"""
import json, random
from datetime import datetime, timedelta, timezone

rng = random.Random(20261129)
GIVEN = ["Maria", "Jose", "Ana", "Juan", "Rosa", "Mark", "Grace", "Paolo", "Liza", "Ramon", "Joy", "Carlo"]
SURN = ["Santos", "Reyes", "Cruz", "Bautista", "Garcia", "Mendoza", "Torres", "Flores", "Ramos", "Aquino"]
CITY = ["Cebu City", "Quezon City", "Davao City", "Iloilo City", "Bacolod City", "Tacloban City"]
SEND = [("US", "USD", -5), ("AU", "AUD", 10), ("GB", "GBP", 0), ("CA", "CAD", -5), ("SA", "SAR", 3), ("SG", "SGD", 8)]
START = datetime(2026, 1, 5, 12, 0, tzinfo=timezone.utc)
out = []
n = [0]

def tx(ts, amt, cur, off, purpose, s, b, osec, scen, channel):
    n[0] += 1
    local = ts.astimezone(timezone(timedelta(hours=off)))
    out.append((ts, {"id": "T-%06d" % n[0], "timestamp": local.isoformat(timespec="seconds"),
                     "amount": amt, "currency": cur, "channel": channel, "purpose": purpose,
                     "sender": s, "beneficiary": b, "label": {"osec": osec, "scenario": scen}}))

def person(pid, country, name, **kw):
    d = {"id": pid, "type": "PERSON", "name": name, "country": country}
    d.update(kw)
    return d

def ph_phone():
    return "09%d%d %03d %04d" % (rng.randint(15, 99) // 10, rng.randint(0, 9), rng.randint(0, 999), rng.randint(0, 9999))

# Legitimate family support: monthly around payday, same one or two payees sharing a surname.
for i in range(60):
    c, cur, off = SEND[i % len(SEND)]
    sur = rng.choice(SURN)
    s = person("S-F%03d" % i, c, "%s %s" % (rng.choice(GIVEN), sur), account="ACC-%06d" % rng.randint(0, 999999))
    addr = "Purok %d, Brgy. %s, %s" % (rng.randint(1, 9), rng.choice(["San Isidro", "Mabini", "Poblacion"]), rng.choice(CITY))
    payees = [person("B-F%03d-%d" % (i, k), "PH", "%s %s %s" % (rng.choice(GIVEN), rng.choice(SURN), sur),
                     phone=ph_phone(), address=addr) for k in range(rng.randint(1, 2))]
    for m in range(5):
        for b in payees:
            ts = START + timedelta(days=30 * m + rng.randint(0, 2), hours=rng.randint(0, 8))
            tx(ts, "%d.00" % rng.choice([150, 200, 250, 300, 400, 500]), cur, off, "family support", s, b,
               False, "family_support", rng.choice(["ONLINE", "BANK", "AGENT"]))

# Small weekly support from a worker to a parent.
for i in range(20):
    c, cur, off = SEND[i % len(SEND)]
    sur = rng.choice(SURN)
    s = person("S-W%03d" % i, c, "%s %s" % (rng.choice(GIVEN), sur))
    b = person("B-W%03d" % i, "PH", "%s %s" % (rng.choice(GIVEN), sur), wallet=ph_phone().replace(" ", ""))
    for w in range(18):
        ts = START + timedelta(days=7 * w, hours=rng.randint(0, 6))
        tx(ts, "%d.00" % rng.randint(20, 50), cur, off, "allowance", s, b, False, "weekly_support", "MOBILE_WALLET")

# A facilitator ring: three payees sharing a phone and an address, paid by several offenders.
ring_phone = ph_phone()
ring_addr = "Blk 4 Lot 2, Brgy. San Isidro, Cebu City"
ring = [person("B-R%02d" % k, "PH", "%s %s" % (rng.choice(GIVEN), rng.choice(SURN)), phone=ring_phone if k < 2 else None,
               wallet=ring_phone.replace(" ", "") if k >= 1 else None, address=ring_addr) for k in range(3)]
for i in range(6):
    c, cur, off = SEND[i % 3]
    s = person("S-O%02d" % i, c, "%s %s" % (rng.choice(["John", "Peter", "Mike", "Dave"]), rng.choice(["Smith", "Brown", "Jones"])),
               device="d-%04d" % rng.randint(0, 9999))
    k = rng.randint(12, 30)
    for j in range(k):
        ts = START + timedelta(days=rng.uniform(0, 120))
        # late at night in the sender's local time
        local_hour = rng.choice([23, 0, 1, 2, 3])
        ts = ts.replace(hour=(local_hour - off) % 24, minute=rng.randint(0, 59))
        tx(ts, "%d.00" % rng.choice([20, 25, 30, 40, 50, 60]), cur, off,
           rng.choice(["gift", "school fees", "uniform", "treat", ""]), s, rng.choice(ring), True, "facilitator_ring",
           rng.choice(["ONLINE", "MOBILE_WALLET"]))

out.sort(key=lambda p: (p[0], p[1]["id"]))
with open("transactions.jsonl", "w") as f:
    for _, d in out:
        if not d["purpose"]:
            del d["purpose"]
        f.write(json.dumps(d, separators=(",", ":"), ensure_ascii=False) + "\n")
print(len(out), "lines")
