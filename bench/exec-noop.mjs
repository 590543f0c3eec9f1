// A strategy that stocks nothing, in-process: the baseline for the protocol's overhead (docs/BENCHMARKS.md).
import { defineStrategy } from 'freshsim';

export default defineStrategy({ name: 'noop-module', create: () => (ctx) => new Float64Array(ctx.skus.length) });
