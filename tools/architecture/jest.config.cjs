const preset = require('../../jest.preset.cjs');

module.exports = { ...preset, displayName: 'architecture', rootDir: __dirname };
