// Turns a table row that PostgreSQL serialised with to_jsonb() back into the shape Prisma returns for it.
// One statement can then bring several tables' rows at once (see read-leaderboard.ts) without losing types.

// Prisma's DateTime columns are TIMESTAMP(3) without time zone, holding UTC; to_jsonb writes them with no
// zone suffix and drops trailing zeros of the fraction ("2026-11-28T14:18:31.14").
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?$/;

/**
 * Revives the row's timestamp columns as Dates. Only top-level columns are looked at: the contents of JSON
 * columns stay as they were stored. Tables with BigInt, Decimal or Bytes columns are not supported.
 */
export function rowFromJsonb<Row>(json: Record<string, unknown>): Row {
  const row: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(json)) {
    row[column] = typeof value === 'string' && TIMESTAMP.test(value) ? new Date(`${value}Z`) : value;
  }
  return row as Row;
}
