#!/usr/bin/env node
// Entry point of the `vad` command. The platform runs from its TypeScript sources through tsx,
// so a clone works after `npm install` with no build step.
require('tsx/cjs');
require('../src/main.ts');
