const preset = require('../../jest.preset.cjs');

module.exports = { ...preset, displayName: 'jobs', rootDir: __dirname };
