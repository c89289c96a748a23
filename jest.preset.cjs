// Shared Jest settings: every project's jest.config.cjs spreads this. SWC strips types only;
// type errors are caught by `npm run typecheck`, which keeps the test loop fast on two cores.
module.exports = {
  testEnvironment: require.resolve('./jest-environment.cjs'),
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true } }, module: { type: 'commonjs' } }],
  },
  // Generated and nodenext-style sources import './x.js' meaning './x.ts'.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'cjs', 'mjs', 'json'],
  testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.spec.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/.next/'],
};
