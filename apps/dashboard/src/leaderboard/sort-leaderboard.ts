// Sorting a leaderboard by any column. Rows that are not comparable with the board always follow the
// comparable ones (ranking them together would mislead), and missing values sort last either way.
import type { LeaderboardRow, ReferenceRow } from './leaderboard-row';

export type SortKey = 'rank' | 'model' | 'microAuc' | 'macroAuc' | 'rbdc' | 'tbdc' | 'framesPerSecond' | 'parameterCount' | 'createdAt';
export type SortDirection = 'asc' | 'desc';

export interface SortOrder {
  key: SortKey;
  direction: SortDirection;
}

/** The direction a column sorts in when first clicked: best first. */
export function defaultDirection(key: SortKey): SortDirection {
  return key === 'rank' || key === 'model' || key === 'parameterCount' ? 'asc' : 'desc';
}

/** Clicking the sorted column flips it; clicking another sorts it best first. */
export function nextSortOrder(current: SortOrder, key: SortKey): SortOrder {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: defaultDirection(key) };
}

type Value = number | string | null | undefined;

function rowValue(row: LeaderboardRow, key: SortKey): Value {
  switch (key) {
    case 'rank':
      return row.rank;
    case 'model':
      return `${row.modelVersion.model.name} ${String(row.modelVersion.number).padStart(6, '0')}`;
    case 'createdAt':
      return row.createdAt;
    case 'microAuc':
    case 'macroAuc':
    case 'rbdc':
    case 'tbdc':
    case 'framesPerSecond':
    case 'parameterCount':
      return row[key];
  }
}

function compareValues(a: Value, b: Value, direction: SortDirection): number {
  const aMissing = a == null || (typeof a === 'number' && Number.isNaN(a));
  const bMissing = b == null || (typeof b === 'number' && Number.isNaN(b));
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  const order = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
  return direction === 'asc' ? order : -order;
}

export function sortLeaderboardRows(rows: readonly LeaderboardRow[], order: SortOrder): LeaderboardRow[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      if (a.row.comparable !== b.row.comparable) return a.row.comparable ? -1 : 1;
      return compareValues(rowValue(a.row, order.key), rowValue(b.row, order.key), order.direction) || a.index - b.index;
    })
    .map(({ row }) => row);
}

/** Reference rows sort among themselves on the metric columns; other keys keep the API's order. */
export function sortReferenceRows(rows: readonly ReferenceRow[], order: SortOrder): ReferenceRow[] {
  const key = order.key;
  if (key !== 'microAuc' && key !== 'macroAuc' && key !== 'rbdc' && key !== 'tbdc' && key !== 'framesPerSecond') return [...rows];
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => compareValues(a.row[key], b.row[key], order.direction) || a.index - b.index)
    .map(({ row }) => row);
}
