/**
 * Serving customer orders (MODEL §2.4): a line is served from the front
 * site when it covers the whole quantity, else sourced from the parent grid
 * (then, if the scenario says so, from the region's central) as a later
 * delivery whose lateness grows with distance, else lost. Pre-sale pickups
 * (MODEL §3) have no second delivery: a short line is refunded at once.
 */
import type { SiteDayMetrics } from './metrics.js';
import type { RunState } from './run-state.js';
import { sell } from './transfers.js';
import type { Order } from './types.js';

/** Draw the defect of a sold line and book it; returns the refund record index or -1. */
function soldLine(s: RunState, order: Order, sku: number, qty: number, receivedDay: number, m: SiteDayMetrics): number {
  const info = s.world.skus[sku];
  const region = s.topo.regionOf[order.site];
  const factor = s.effects.defectFactor(info.supplier, info.category, region, order.day);
  const rec = s.supplierRecords[info.supplier];
  rec.linesSold++;
  const r = s.desk.serveLine(order, sku, qty, receivedDay, region, factor);
  if (r >= 0) {
    rec.defectiveLines++;
    m.defectiveLines++;
    m.refundAmount += s.desk.records[r].amount;
  }
  return r;
}

function countOrder(m: SiteDayMetrics, order: Order, upstream: number, lost: number): void {
  m.orders++;
  m.gmv += order.gmv;
  if (order.originSite !== undefined) m.ordersRerouted++;
  if (upstream > 0) m.extraDeliveries++;
  if (lost > 0) m.shortOrders++;
  else if (upstream > 0) m.splitOrders++;
  else { m.fullOrders++; m.gmvFull += order.gmv; }
}

/** Serve one instant-delivery order; returns the refund record indices it produced. */
export function serveOrder(s: RunState, order: Order): number[] {
  const m = s.metrics.get(s.key(order.site, order.day));
  if (!m || !s.plans.has(s.key(order.site, order.day))) {
    throw new Error(`order ${order.id} on day ${order.day} is at site ${order.site}, which has no plan`);
  }
  if (m.closed) throw new Error(`order ${order.id} on day ${order.day} is at site ${s.world.sites[order.site].name}, which is closed`);
  const { p, fulfilment, topo } = s;
  const parent = s.world.sites[order.site].parent;
  const central = fulfilment.splitSourcing === 'parent-then-central' ? topo.centrals[topo.regionOf[order.site]].id : -1;
  const refunds: number[] = [];
  let fromSite = 0, upstream = 0, lost = 0, farthestKm = -1;
  for (const line of order.lines) {
    m.lines++;
    m.unitsDemanded += line.qty;
    let servedBy = -1;
    if (p.stock.onHand(order.site, line.sku) >= line.qty - 1e-9) {
      servedBy = order.site; fromSite++; m.unitsFromSite += line.qty;
    } else if (p.stock.onHand(parent, line.sku) >= line.qty - 1e-9) {
      servedBy = parent; upstream++; m.linesFromParent++;
    } else if (central >= 0 && p.stock.onHand(central, line.sku) >= line.qty - 1e-9) {
      servedBy = central; upstream++; m.linesFromCentral++;
    } else {
      lost++; m.unitsLost += line.qty;
    }
    if (servedBy >= 0) {
      if (servedBy !== order.site) farthestKm = Math.max(farthestKm, topo.distanceKm(servedBy, order.site));
      const received = sell(p, servedBy, line.sku, line.qty);
      const r = soldLine(s, order, line.sku, line.qty, received, m);
      if (r >= 0) refunds.push(r);
    }
  }
  m.linesFromSite += fromSite;
  m.linesLost += lost;
  if (farthestKm >= 0) m.extraDeliveryLatenessHours += fulfilment.dispatchHours + farthestKm / fulfilment.speedKmPerHour;
  countOrder(m, order, upstream, lost);
  return refunds;
}

/** Count an order placed at a closed site that no open site could take: a short order with every line lost. */
export function loseOrder(s: RunState, order: Order): void {
  const m = s.metricsOf(order.site, order.day);
  for (const line of order.lines) {
    m.lines++;
    m.linesLost++;
    m.unitsDemanded += line.qty;
    m.unitsLost += line.qty;
  }
  m.ordersLostToClosure++;
  countOrder(m, order, 0, order.lines.length);
}

/** Serve one pre-sale pickup from the community point only; short lines are refunded at once. */
export function servePickup(s: RunState, order: Order): number[] {
  const m = s.metricsOf(order.site, order.day);
  const refunds: number[] = [];
  let lost = 0;
  for (const line of order.lines) {
    m.lines++;
    m.unitsDemanded += line.qty;
    if (s.p.stock.onHand(order.site, line.sku) >= line.qty - 1e-9) {
      m.linesFromSite++;
      m.unitsFromSite += line.qty;
      const received = sell(s.p, order.site, line.sku, line.qty);
      const r = soldLine(s, order, line.sku, line.qty, received, m);
      if (r >= 0) refunds.push(r);
    } else {
      lost++;
      m.linesLost++;
      m.unitsLost += line.qty;
      m.shortfallRefundLines++;
      m.shortfallRefundAmount += lineValue(s, order, line.sku, line.qty);
    }
  }
  countOrder(m, order, 0, lost);
  return refunds;
}

function lineValue(s: RunState, order: Order, sku: number, qty: number): number {
  let value = 0;
  for (const l of order.lines) value += l.qty * s.world.skus[l.sku].price;
  return (order.gmv * qty * s.world.skus[sku].price) / Math.max(1e-9, value);
}
