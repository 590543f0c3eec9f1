/**
 * The optional sections of results.json that the report shows when present
 * and skips cleanly when absent, gathered per strategy. Their types and
 * schemas belong to the results document (analysis/results-document.ts);
 * a present but malformed section is an error that names the field.
 */
import type { z } from 'zod';
import {
  formatFieldPath, sectionSchemas as S, type AblationSection, type PickupRow, type RefundByLag, type Results, type Sections, type ShockWindow, type SiteRow,
  type StageRow, type StockedByRank, type StressSection, type SupplierRow,
} from '../analysis/index.js';

export type {
  AblationRow, AblationSection, PickupRow, RefundByLag, ShockWindow, SiteRow, StageRow, StockedByRank, StressSection, SupplierRow,
} from '../analysis/index.js';

/** Every optional section found in a results document. */
export interface Extensions {
  readonly shocks?: readonly ShockWindow[];
  readonly refundByLag: Readonly<Record<string, RefundByLag>>;
  readonly stockedByRank: Readonly<Record<string, StockedByRank>>;
  readonly stages: Readonly<Record<string, readonly StageRow[]>>;
  readonly suppliers: Readonly<Record<string, readonly SupplierRow[]>>;
  readonly pickup: Readonly<Record<string, PickupRow>>;
  readonly extraDeliveryLatenessHours: Readonly<Record<string, number>>;
  readonly bySite: Readonly<Record<string, readonly SiteRow[]>>;
  readonly stress?: StressSection;
  readonly ablation?: AblationSection;
}

/** A present but malformed optional section. */
export class ReportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportInputError';
  }
}

function check<T>(schema: z.ZodType<T>, value: unknown, path: string): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    const i = r.error.issues[0];
    const sub = i.path.length ? (typeof i.path[0] === 'number' ? '' : '.') + formatFieldPath(i.path) : '';
    throw new ReportInputError(`results field ${path}${sub}: ${i.message}`);
  }
  return r.data;
}

/** The optional sections of `results`, validated (an in-memory document may not have gone through parseResults). */
export function readExtensions(results: Results): Extensions {
  const perStrategy = <K extends keyof Sections>(key: K): Record<string, Sections[K]> => {
    const out: Record<string, Sections[K]> = {};
    for (const [name, s] of Object.entries(results.strategies)) {
      const v = (s as unknown as Record<string, unknown>)[key];
      if (v !== undefined) out[name] = check(S[key], v, `strategies.${name}.${key}`);
    }
    return out;
  };
  const top = <K extends 'shocks' | 'stress' | 'ablation'>(key: K): Sections[K] | undefined =>
    results[key] === undefined ? undefined : check(S[key], results[key], key);
  return {
    stages: perStrategy('stages'),
    suppliers: perStrategy('suppliers'),
    pickup: perStrategy('pickup'),
    extraDeliveryLatenessHours: perStrategy('extraDeliveryLatenessHours'),
    bySite: perStrategy('bySite'),
    shocks: top('shocks'),
    refundByLag: perStrategy('refundByLag'),
    stockedByRank: perStrategy('stockedByRank'),
    stress: top('stress'),
    ablation: top('ablation'),
  };
}
