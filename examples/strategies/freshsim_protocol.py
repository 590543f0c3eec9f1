"""freshsim's strategy protocol (version 1) for Python: one file, no dependencies.

Write a class with ``__init__(self, hello)`` and ``decide(self, history, request)``
returning ``{sku: qty}`` (or a list of ``(sku, qty)``), then call ``run(MyStrategy)``.
freshsim starts your script once per (scenario, replication) with
``--strategies 'exec:python3 my_strategy.py'`` and talks JSON lines on
stdin/stdout (see docs/PROTOCOL.md). Print nothing else on stdout: use stderr.
"""
import json
import sys

PROTOCOL = 1


class History:
    """What the strategy has observed so far, kept from the incremental messages."""

    def __init__(self, first_day):
        self.first_day = first_day
        self._orders = {}   # (site, day) -> list of orders {id, timeOfDay, lines: [[sku, qty], ...]}
        self._plans = {}    # (site, day) -> {sku: qty} the strategy's own plan as simulated
        self.refunds = []   # refunds as filed (censored by latency), oldest first

    def orders(self, site, day):
        """Orders of ``day`` at ``site``, in arrival order (days before the decision only)."""
        return self._orders.get((site, day), [])

    def plan(self, site, day):
        """The plan this strategy made for ``site`` on ``day`` ({sku: qty}), or None."""
        return self._plans.get((site, day))

    def _add(self, site, days, refunds):
        for d in days:
            self._orders[(site, d["day"])] = d["orders"]
            if d["plan"] is not None:
                self._plans[(site, d["day"])] = {sku: qty for sku, qty in d["plan"]}
        self.refunds.extend(refunds)


def _send(message):
    sys.stdout.write(json.dumps(message, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def _plan_pairs(plan):
    items = plan.items() if isinstance(plan, dict) else plan
    return [[int(sku), float(qty)] for sku, qty in items if qty]


def run(factory):
    """Serve freshsim's requests on stdin/stdout with a strategy made by ``factory(hello)``."""
    strategy = None
    history = None
    for line in sys.stdin:
        if not line.strip():
            continue
        message = json.loads(line)
        kind = message.get("type")
        if kind == "hello":
            if message.get("protocol") != PROTOCOL:
                _send({"type": "error", "message": "this helper speaks protocol %d, freshsim sent %r" % (PROTOCOL, message.get("protocol"))})
                return
            history = History(message["firstDay"])
            strategy = factory(message)
            _send({"type": "ready", "protocol": PROTOCOL})
        elif kind == "decide":
            history._add(message["site"], message["days"], message["refunds"])
            _send({"type": "plan", "plan": _plan_pairs(strategy.decide(history, message))})
        else:
            _send({"type": "error", "message": "unknown message type %r" % kind})
