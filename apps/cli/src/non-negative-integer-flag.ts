// Reads a whole-number command-line flag (digits only), with a default and a lower bound.
import { CliUsageError } from './cli-error';

export function nonNegativeIntegerFlag(value: string | undefined, flag: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < min) throw new CliUsageError(`${flag} must be an integer ≥ ${min}, got "${value}"`);
  return n;
}
