/**
 * Night replenishment of `day` (MODEL §2.2), in this order: supplier
 * deliveries reach the centrals and trips in transit reach their grids;
 * fronts return stock above their plan to their grid; grids pull from
 * central (trips may take nights); fronts pull from their grid up to the
 * plan; each central places its supplier orders. Shocks scale trip
 * capacity, add lead time and change fill rates.
 */
import type { RunState } from './run-state.js';
import { roundQty } from './stock.js';
import { returnUp } from './transfers.js';
import {
  baseStockLevel, gridBaseStock, orderFromSuppliers, receiveDeliveries, shipRequests, type PurchaseOutcome,
} from './upstream.js';

/** Upstream levels open at their base-stock levels with fresh stock (received on the first simulated day). */
export function initialiseUpstream(s: RunState): void {
  const { world, topo, p, simStart } = s;
  topo.centrals.forEach((central, r) => {
    const regional = s.demand.stats(topo.frontsOfRegion[r], simStart - world.centralPolicy.windowDays, simStart);
    for (const sku of world.skus) {
      const lt = world.suppliers[sku.supplier].leadTimeDays;
      const qty = baseStockLevel(world.centralPolicy, lt, regional.mean[sku.id], regional.std[sku.id]);
      p.stock.add(central.id, sku.id, roundQty(qty), simStart + sku.shelfLifeDays - 1, simStart);
    }
  });
  for (const g of topo.grids) {
    const levels = gridBaseStock(s.demand, topo.frontsUnder[g.id], world.gridPolicy, simStart, g.tripLeadTimeDays ?? 0);
    for (const sku of world.skus) {
      p.stock.add(g.id, sku.id, roundQty(levels[sku.id]), simStart + sku.shelfLifeDays - 1, simStart);
    }
  }
  for (const site of world.sites) for (let i = 0; i < s.nSku; i++) p.ledger.opening[site.id * s.nSku + i] = p.stock.onHand(site.id, i);
}

function receive(s: RunState, day: number): void {
  const due = s.deliveries.get(day) ?? [];
  const central0 = s.topo.centrals[0].id;
  for (const [r, central] of s.topo.centrals.entries()) {
    const mine = due.filter((d) => (d.central ?? central0) === central.id);
    receiveDeliveries(s.p, central.id, mine, s.world.skus, day);
    for (const d of mine) s.pipeline[r][d.sku] = roundQty(s.pipeline[r][d.sku] - d.qty);
  }
  s.deliveries.delete(day);
  s.transit.arrive(day);
}

function returnExcess(s: RunState, day: number): void {
  for (const f of s.topo.fronts) {
    const plan = s.plans.get(s.key(f.id, day))!;
    let returned = 0;
    for (let i = 0; i < s.nSku; i++) {
      const excess = roundQty(s.p.stock.onHand(f.id, i) - plan[i]);
      if (excess > 0) { returnUp(s.p, f.id, f.parent, i, excess); returned += excess; }
    }
    s.metricsOf(f.id, day).returnedUnits = roundQty(returned);
  }
}

function pullToGrids(s: RunState, day: number): void {
  const { topo, p, nSku, world } = s;
  for (const g of topo.grids) {
    const lead = g.tripLeadTimeDays ?? 0;
    const fronts = topo.frontsUnder[g.id];
    const base = gridBaseStock(s.demand, fronts, world.gridPolicy, day, lead);
    const req = new Float64Array(nSku);
    for (let i = 0; i < nSku; i++) {
      let need = base[i] - p.stock.onHand(g.id, i) - (lead > 0 ? s.transit.toward(g.id, i) : 0);
      for (const f of fronts) need += Math.max(0, s.plans.get(s.key(f, day))![i] - p.stock.onHand(f, i));
      req[i] = need > 0 ? Math.ceil(need - 1e-9) : 0;
    }
    const capacity = g.tripCapacityUnits * s.effects.tripCapacityFactor(g.id, day);
    const move = lead > 0 ? (sku: number, qty: number) => s.transit.dispatch(g.parent, g.id, sku, qty, day + lead) : undefined;
    shipRequests(p, g.parent, g.id, req, capacity, world.skus, move);
  }
}

function pullToFronts(s: RunState, day: number): void {
  for (const f of s.topo.fronts) {
    const plan = s.plans.get(s.key(f.id, day))!;
    const req = new Float64Array(s.nSku);
    for (let i = 0; i < s.nSku; i++) req[i] = Math.max(0, roundQty(plan[i] - s.p.stock.onHand(f.id, i)));
    const capacity = f.tripCapacityUnits * s.effects.tripCapacityFactor(f.id, day);
    s.metricsOf(f.id, day).replenishmentShortUnits = shipRequests(s.p, f.parent, f.id, req, capacity, s.world.skus);
  }
}

function purchase(s: RunState, day: number): void {
  const { world, topo } = s;
  const record = (o: PurchaseOutcome): void => {
    const r = s.supplierRecords[o.supplier];
    r.purchaseOrders++;
    r.unitsOrdered = roundQty(r.unitsOrdered + o.orderedQty);
    r.unitsDelivered = roundQty(r.unitsDelivered + o.deliveredQty);
    if (o.onTime) r.onTimeOrders++;
    if (o.full) r.fullOrders++;
  };
  topo.centrals.forEach((central, r) => {
    const regional = s.demand.stats(topo.frontsOfRegion[r], day - world.centralPolicy.windowDays, day);
    const placed = orderFromSuppliers({
      p: s.p, central: central.id, skus: world.skus, suppliers: world.suppliers, policy: world.centralPolicy,
      stats: regional, pipeline: s.pipeline[r], rng: s.supplierRng, day,
      leadTimeExtraDays: (sup) => s.effects.leadTimeExtraDays(sup, r, day),
      fillRate: (sup) => s.effects.fillRate(sup, world.suppliers[sup].fillRate, day),
      onOutcome: record,
    });
    for (const d of placed) {
      const due = s.deliveries.get(d.arrivalDay) ?? [];
      due.push(d);
      s.deliveries.set(d.arrivalDay, due);
    }
  });
}

/** Run the night of `day`. */
export function replenish(s: RunState, day: number): void {
  receive(s, day);
  returnExcess(s, day);
  pullToGrids(s, day);
  pullToFronts(s, day);
  purchase(s, day);
}
