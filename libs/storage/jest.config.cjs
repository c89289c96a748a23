const preset = require('../../jest.preset.cjs');

module.exports = { ...preset, displayName: 'storage', rootDir: __dirname };
