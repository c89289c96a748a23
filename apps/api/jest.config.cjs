const preset = require('../../jest.preset.cjs');

module.exports = { ...preset, displayName: 'api-server', rootDir: __dirname };
