// Tables as CSV (RFC 4180) for spreadsheets: fields with commas, quotes or line breaks are quoted, and text
// that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe, since names
// in these tables are typed by users. Numbers are written as they are; null is an empty field.
export type CsvValue = string | number | boolean | null | undefined;

function field(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvTable(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
