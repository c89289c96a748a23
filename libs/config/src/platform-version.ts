// The platform's version (the root package.json's), shown by `vad --version` and the health query.
import fs from 'node:fs';
import path from 'node:path';

const rootPackage = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as { version: string };

export const PLATFORM_VERSION: string = rootPackage.version;
