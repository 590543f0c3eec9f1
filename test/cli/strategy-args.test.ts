import { describe, expect, it } from 'vitest';
import { parseStrategyEntry, splitStrategyList, strategySpecs } from '../../cli/strategy-args.js';
import { defineStrategy, StrategyError } from '../../strategies/index.js';
import { resolvedParams } from '../../strategies/index.js';

describe('--strategies entries', () => {
  it('splits at commas outside braces and reads typed values', () => {
    expect(splitStrategyList('pto-greedy, safety-stock{serviceLevel=0.8,sigmaWindowDays=14},./x.mjs')).toEqual([
      'pto-greedy', 'safety-stock{serviceLevel=0.8,sigmaWindowDays=14}', './x.mjs',
    ]);
    expect(parseStrategyEntry('a{n=3,f=-1.5e2,b=true,c=false,s=hello}')).toEqual({ strategy: 'a', params: { n: 3, f: -150, b: true, c: false, s: 'hello' } });
    expect(parseStrategyEntry('pto-greedy')).toEqual({ strategy: 'pto-greedy' });
  });

  it('labels variants distinctly and validates parameters, naming the field', async () => {
    const specs = await strategySpecs('safety-stock{serviceLevel=0.8},safety-stock');
    expect(specs.map((s) => s.label)).toEqual(['safety-stock[serviceLevel=0.8]', 'safety-stock']);
    await expect(strategySpecs('safety-stock{serviceLevel=high}')).rejects.toThrow(/'safety-stock\{serviceLevel=high\}': invalid parameters for strategy 'safety-stock': serviceLevel: .*expected number/);
    await expect(strategySpecs('safety-stock{nope=1}')).rejects.toThrow(/nope/);
    await expect(strategySpecs('pto-greedy,pto-greedy')).rejects.toThrow(/lists 'pto-greedy' twice/);
    await expect(strategySpecs('pto-greedy{x}')).rejects.toThrow(/'x' is not param=value/);
    await expect(strategySpecs('pto-greedy{a=1,a=2}')).rejects.toThrow(/'a' is given twice/);
    await expect(strategySpecs('magic')).rejects.toThrow(StrategyError);
  });
});

describe('defineStrategy', () => {
  const s = defineStrategy({ name: 'mine', params: { k: 3, tag: 'x', on: true }, create: () => (ctx) => new Float64Array(ctx.skus.length) });

  it('fills defaults and checks each given parameter against its default\'s type', () => {
    expect(resolvedParams(s, { k: 5 })).toEqual({ k: 5, tag: 'x', on: true });
    expect(() => resolvedParams(s, { k: '5' })).toThrow(/invalid parameters for strategy 'mine': k: expected number, got "5"/);
    expect(() => resolvedParams(s, { kk: 1 })).toThrow(/kk: unknown parameter; expected one of: k, tag, on/);
    expect(() => resolvedParams(s, { k: Number.NaN })).toThrow(/k: expected number/);
  });

  it('rejects a bad name, a missing create and a default of another type', () => {
    expect(() => defineStrategy({ name: 'a b', create: () => () => new Float64Array(0) })).toThrow(/name "a b"/);
    expect(() => defineStrategy({ name: 'a', create: undefined as never })).toThrow(/create/);
    expect(() => defineStrategy({ name: 'a', params: { x: [1] as never }, create: () => () => new Float64Array(0) })).toThrow(/parameter 'x'/);
  });
});
