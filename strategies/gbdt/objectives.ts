/**
 * The two objectives: gradients and hessians of the loss at the current raw
 * scores, the starting score, and the validation loss used for early stopping.
 */
import type { GbdtObjective } from './params.js';

/** Hessians never fall below this (log-loss on confident rows), to keep leaf steps finite. */
const MIN_HESSIAN = 1e-16;

/** The logistic function, clamped away from exact 0 and 1 only by floating point. */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Write gradients and hessians of the loss for every row. */
export function computeGradients(
  objective: GbdtObjective, labels: ArrayLike<number>, raw: Float64Array, grad: Float64Array, hess: Float64Array,
): void {
  const n = raw.length;
  if (objective === 'regression') {
    for (let i = 0; i < n; i++) {
      grad[i] = raw[i] - labels[i];
      hess[i] = 1;
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const prob = sigmoid(raw[i]);
    grad[i] = prob - labels[i];
    hess[i] = Math.max(MIN_HESSIAN, prob * (1 - prob));
  }
}

/**
 * The constant score every model starts from: the label mean (regression) or
 * its log-odds (binary; a label mean of exactly 0 or 1 is pulled in by 1e-6 so
 * the score stays finite).
 */
export function initialScore(objective: GbdtObjective, labels: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < labels.length; i++) sum += labels[i];
  const mean = sum / labels.length;
  if (objective === 'regression') return mean;
  const m = Math.min(1 - 1e-6, Math.max(1e-6, mean));
  return Math.log(m / (1 - m));
}

/** Mean loss at raw scores: mean squared error (regression) or mean log-loss (binary). */
export function meanLoss(objective: GbdtObjective, labels: ArrayLike<number>, raw: Float64Array): number {
  let total = 0;
  const n = raw.length;
  if (objective === 'regression') {
    for (let i = 0; i < n; i++) {
      const e = raw[i] - labels[i];
      total += e * e;
    }
    return total / n;
  }
  for (let i = 0; i < n; i++) {
    // log(1 + e^{-z}) for y = 1, log(1 + e^{z}) for y = 0, computed stably.
    const z = labels[i] === 1 ? raw[i] : -raw[i];
    total += z > 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z));
  }
  return total / n;
}
