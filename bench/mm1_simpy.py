"""The M/M/1 queue of bench/mm1-model.ts in SimPy, in two styles.

--style event (like for like with freshsim's model): two events per
customer, an arrival and a departure, each a Timeout whose callback does the
work; waiting customers are their arrival times in a deque (freshsim's model
keeps them in a ring buffer).

--style process (the usual SimPy way): a source process starts one customer
process per arrival; each customer requests a one-slot Resource, holds it for
an exponential service time with env.timeout, and releases it.

Prints one JSON object on stdout.

Needs SimPy 3 or 4 (`import simpy`). On Debian that is the package
python3-simpy3; Debian's python3-simpy is SimPy 2 (`import SimPy`), a
different API that this script does not use.

What "events" counts: every event SimPy puts on its heap. Environment.schedule
draws one id per event from env._eid (an itertools.count), so reading the next
id after env.run() gives the number of events scheduled; run() stops only when
the heap is empty, so every scheduled event was also processed (popped by
env.step() and its callbacks run). Per customer these are: the source's
interarrival Timeout, the customer process's Initialize, the Request, the
service Timeout, the Release, and the customer Process's own end event, about
six in all. Reading the counter costs nothing inside the timed loop;
--verify-events also counts env.step() calls by wrapping it (slower, so only
as a check) and fails if the two numbers differ.

In the process style freshsim's model handles two events per customer
(arrival, departure) for the same work, so events/s is not like for like
there; customers/s is the fair metric. The event style schedules exactly two.
"""
import argparse
import collections
import json
import random
import sys
import time

import simpy


def source(env, server, rng, customers, lam, mu, stats):
    """Start `customers` customers, with exponential interarrival times."""
    for _ in range(customers):
        yield env.timeout(rng.expovariate(lam))
        env.process(customer(env, server, rng, mu, stats))


def customer(env, server, rng, mu, stats):
    """Queue for the server, record the wait, be served, leave."""
    arrived = env.now
    with server.request() as req:
        yield req
        stats["wait_sum"] += env.now - arrived
        yield env.timeout(rng.expovariate(mu))
    stats["served"] += 1


def event_style(env, rng, customers, lam, mu, stats):
    """Arrivals and departures as Timeouts with callbacks: two events per customer."""
    queue = collections.deque()
    state = {"arrived": 0, "busy": False}

    def start_service():
        env.timeout(rng.expovariate(mu)).callbacks.append(on_departure)

    def on_arrival(_event):
        state["arrived"] += 1
        if state["arrived"] < customers:
            env.timeout(rng.expovariate(lam)).callbacks.append(on_arrival)
        if state["busy"]:
            queue.append(env.now)
        else:
            state["busy"] = True
            start_service()

    def on_departure(_event):
        stats["served"] += 1
        if queue:
            stats["wait_sum"] += env.now - queue.popleft()
            start_service()
        else:
            state["busy"] = False

    env.timeout(rng.expovariate(lam)).callbacks.append(on_arrival)


def simpy_version():
    """SimPy's version: simpy.__version__, else the installed package's metadata (a source checkout on PYTHONPATH may lack both)."""
    version = getattr(simpy, "__version__", None)
    if version:
        return version
    try:
        from importlib.metadata import version as package_version
        return package_version("simpy")
    except Exception:  # noqa: BLE001 - no metadata: say so rather than guess
        return "unknown"


def run(customers, lam, mu, seed, verify_events, style="process"):
    """Simulate and return the result dict (wall time covers env setup and run)."""
    rng = random.Random(seed)
    stats = {"wait_sum": 0.0, "served": 0}
    started = time.perf_counter()
    env = simpy.Environment()
    steps = [0]
    if verify_events:
        plain_step = env.step

        def counting_step():
            plain_step()  # raises EmptySchedule at the end: not counted
            steps[0] += 1

        env.step = counting_step
    if style == "event":
        event_style(env, rng, customers, lam, mu, stats)
    else:
        server = simpy.Resource(env, capacity=1)
        env.process(source(env, server, rng, customers, lam, mu, stats))
    env.run()
    wall = time.perf_counter() - started
    events = next(env._eid)
    if verify_events and steps[0] != events:
        sys.exit(f"event count mismatch: {events} scheduled, {steps[0]} stepped")
    served = stats["served"]
    return {
        "engine": "simpy",
        "simpy_version": simpy_version(),
        "style": style,
        "python_version": sys.version.split()[0],
        "customers": customers,
        "served": served,
        "events": events,
        "events_verified": verify_events,
        "mean_wait": stats["wait_sum"] / served,
        "sim_time": env.now,
        "wall_seconds": wall,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--lambda", dest="lam", type=float, default=0.9)
    parser.add_argument("--mu", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--verify-events", action="store_true")
    parser.add_argument("--style", choices=["process", "event"], default="process")
    args = parser.parse_args()
    if args.customers <= 0:
        parser.error(f"--customers {args.customers}: expected a positive integer")
    if not (args.lam > 0 and args.mu > 0):
        parser.error(f"--lambda {args.lam} --mu {args.mu}: expected rates > 0")
    result = run(args.customers, args.lam, args.mu, args.seed, args.verify_events, args.style)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
