const preset = require('../../jest.preset.cjs');

module.exports = { ...preset, displayName: 'metrics', rootDir: __dirname };
