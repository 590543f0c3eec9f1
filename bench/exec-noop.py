"""A strategy that stocks nothing, over the protocol: its decision time is the protocol's overhead (docs/BENCHMARKS.md)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "strategies"))
from freshsim_protocol import run  # noqa: E402


class Noop:
    def __init__(self, hello):
        pass

    def decide(self, history, request):
        return {}


run(Noop)
