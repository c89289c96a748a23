// Entry point of the dashboard's server (serve-dashboard.ts), run from its TypeScript source through tsx
// like the `vad` command.
require('tsx/cjs');
require('./serve-dashboard.ts');
