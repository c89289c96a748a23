// Sorts file names the way people number frames: "2.png" before "10.png", whether or not zero-padded.

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

export function compareNatural(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

export function sortNatural(names: readonly string[]): string[] {
  return [...names].sort(compareNatural);
}
