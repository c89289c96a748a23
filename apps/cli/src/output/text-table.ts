// Output for people: columns padded to their widest cell, numbers right-aligned, missing values as "—".
// Commands print this by default and JSON with --json.
export type Cell = string | number | boolean | null | undefined;

const show = (cell: Cell): string => (cell === null || cell === undefined || cell === '' ? '—' : String(cell));

export function textTable(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const text = [header.map(String), ...rows.map((row) => row.map(show))];
  const numeric = header.map((_, c) => rows.length > 0 && rows.every((row) => typeof row[c] === 'number' || row[c] === null || row[c] === undefined));
  const widths = header.map((_, c) => Math.max(...text.map((row) => [...(row[c] ?? '')].length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, c) => (numeric[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(text[0]), line(widths.map((w) => '─'.repeat(w))), ...text.slice(1).map(line)].join('\n') + '\n';
}

/** A fraction as a percentage with one decimal (AUCs), as the dashboard and the paper print them. */
export const percent = (value: number | null | undefined): string | null => (value === null || value === undefined ? null : (value * 100).toFixed(1));

/** Label: value lines for one record. */
export function fieldList(fields: readonly (readonly [string, Cell])[]): string {
  const width = Math.max(...fields.map(([label]) => label.length));
  return fields.map(([label, value]) => `${label.padEnd(width)}  ${show(value)}`).join('\n') + '\n';
}
