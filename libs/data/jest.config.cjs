const preset = require('../../jest.preset.cjs');

module.exports = { ...preset, displayName: 'data', rootDir: __dirname };
