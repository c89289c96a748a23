import { ConfigError, ConfigErrorCode } from '@vad/config';
import { reportStartFailure } from './report-start-failure';

describe('reportStartFailure', () => {
  it('gives what the user can fix one line and exit code 2, and a platform failure its stack and code 1', () => {
    const lines: string[] = [];
    expect(reportStartFailure(new ConfigError(ConfigErrorCode.InvalidValue, 'PORT must be a port number'), (line) => lines.push(line))).toBe(2);
    expect(reportStartFailure(Object.assign(new Error('the store refused the migration'), { name: 'DbError' }), (line) => lines.push(line))).toBe(2);
    expect(reportStartFailure(new TypeError('undefined is not a function'), (line) => lines.push(line))).toBe(1);
    expect(lines[0]).toBe('PORT must be a port number');
    expect(lines[1]).toBe('the store refused the migration');
    expect(lines[2]).toMatch(/^unexpected failure: TypeError: undefined is not a function\n\s+at /);
  });
});
