// A job's parameters or result as label/value pairs a person can read: nested objects flattened with dotted
// labels, numbers rounded to four significant digits, long lists summarised, ids left to the job's subject line.
export interface ReadableField {
  label: string;
  value: string;
}

const MAX_DEPTH = 3;

function readableValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toLocaleString('en-US') : String(Number(value.toPrecision(4)));
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    if (value.length <= 6 && value.every((v) => typeof v !== 'object' || v === null)) return value.map(readableValue).join(', ');
    return `${value.length} values`;
  }
  return JSON.stringify(value);
}

const labelOf = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

export function readableFields(source: unknown, prefix = '', depth = 0): ReadableField[] {
  if (typeof source !== 'object' || source === null || Array.isArray(source)) return prefix ? [{ label: prefix, value: readableValue(source) }] : [];
  return Object.entries(source as Record<string, unknown>).flatMap(([key, value]) => {
    const label = prefix ? `${prefix} · ${labelOf(key)}` : labelOf(key);
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && depth < MAX_DEPTH) {
      const nested = readableFields(value, label, depth + 1);
      return nested.length > 0 ? nested : [{ label, value: 'none' }];
    }
    return [{ label, value: readableValue(value) }];
  });
}
