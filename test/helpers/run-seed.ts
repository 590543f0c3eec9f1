/**
 * The seed of a randomised test run: FRESHSIM_FUZZ_SEED if set (to reproduce
 * a failure), else drawn from the clock, so every CI run checks new inputs.
 * Printed, so a failing run can be repeated exactly.
 */
export function runSeed(what: string): number {
  const given = process.env.FRESHSIM_FUZZ_SEED;
  const seed = given !== undefined && given !== '' ? Number(given) : Date.now() % 2 ** 31;
  if (!Number.isSafeInteger(seed)) throw new Error(`FRESHSIM_FUZZ_SEED '${given}': expected a whole number`);
  console.log(`${what}: seed ${seed} (reproduce with FRESHSIM_FUZZ_SEED=${seed})`);
  return seed;
}
