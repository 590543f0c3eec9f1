"""top-k in Python: the same policy as top-k.mjs, over freshsim's protocol.

Stock the K SKUs that sold most at the site over the last ``windowDays`` days,
each at its mean daily demand (rounded up, at least L), within C:

    npx freshsim run --scenario tiny --strategies 'pto-greedy,exec:python3 examples/strategies/top_k.py'
"""
import math

from freshsim_protocol import run


class TopK:
    def __init__(self, hello):
        params = hello["params"]
        self.k = params.get("k", 0)
        self.window_days = params.get("windowDays", 7)
        self.constraints = hello["constraints"]
        self.n_skus = len(hello["catalogue"])

    def decide(self, history, request):
        K, C, L = self.constraints["K"], self.constraints["C"], self.constraints["L"]
        k = min(self.k, K) if self.k > 0 else K
        day, site = request["day"], request["site"]
        first = max(history.first_day, day - self.window_days)
        sold = [0.0] * self.n_skus
        # Units demanded per SKU over the window, summed in arrival order (as the JavaScript version).
        for d in range(first, day):
            for order in history.orders(site, d):
                for sku, qty in order["lines"]:
                    sold[sku] += qty
        days = max(1, day - first)
        ranked = sorted((i for i in range(self.n_skus) if sold[i] > 0), key=lambda i: (-sold[i], i))
        plan = {}
        units = 0
        for i in ranked[:k]:
            q = max(L, math.ceil(sold[i] / days))
            if units + q > C:
                q = C - units
            if q < L or q <= 0:
                break
            plan[i] = q
            units += q
        return plan


if __name__ == "__main__":
    run(TopK)
