/**
 * The catalogue of an imported log, built while streaming: per SKU its
 * description, category, unit (kg when any quantity is fractional), modal
 * unit price and sales counts, in bounded memory per SKU.
 */
import type { CleanLine } from './clean.js';
import { detach } from './csv.js';

/** A SKU as written to catalogue.json. */
export interface ImportedSku {
  readonly code: string;
  readonly description: string;
  /** The category most often given for it ('' when the log has none). */
  readonly category: string;
  readonly unit: 'piece' | 'kg';
  /** Modal unit price over its sales, or null when the log gives none. */
  readonly price: number | null;
  readonly lines: number;
  readonly units: number;
}

/** Distinct prices tracked per SKU; further prices are not counted (bounded memory). */
export const maxPricesPerSku = 64;

interface SkuStats {
  description: string;
  categories: Map<string, number>;
  prices: Map<number, number>;
  fractional: boolean;
  lines: number;
  units: number;
}

/** Accumulates SKU statistics from sales. */
export function catalogueBuilder() {
  const stats = new Map<string, SkuStats>();
  return {
    add(l: CleanLine): void {
      let s = stats.get(l.sku);
      if (!s) {
        s = { description: detach(l.description), categories: new Map(), prices: new Map(), fractional: false, lines: 0, units: 0 };
        stats.set(detach(l.sku), s);
      }
      if (s.description === '' && l.description !== '') s.description = detach(l.description);
      const n = s.categories.get(l.category);
      if (n === undefined) s.categories.set(detach(l.category), 1);
      else s.categories.set(l.category, n + 1);
      if (l.price > 0 && (s.prices.has(l.price) || s.prices.size < maxPricesPerSku)) s.prices.set(l.price, (s.prices.get(l.price) ?? 0) + 1);
      if (!Number.isInteger(l.qty)) s.fractional = true;
      s.lines++;
      s.units += l.qty;
    },
    /** The SKUs sorted by code. */
    build(): ImportedSku[] {
      const mode = <K>(m: Map<K, number>, better: (a: K, b: K) => boolean): K | undefined => {
        let best: K | undefined, n = -1;
        for (const [k, c] of m) if (c > n || (c === n && better(k, best as K))) { best = k; n = c; }
        return best;
      };
      return [...stats.keys()].sort(compareCodes).map((code) => {
        const s = stats.get(code)!;
        const category = mode(s.categories, (a, b) => a !== '' && (b === '' || a < b)) ?? '';
        const price = mode(s.prices, (a, b) => a < b);
        return {
          code, description: s.description, category, unit: s.fractional ? 'kg' : 'piece',
          price: price ?? null, lines: s.lines, units: Math.round(s.units * 1000) / 1000,
        };
      });
    },
  };
}

/** Code order independent of locale. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
