/**
 * The browser tests (`npm run test:e2e`): the built tester driven through Debian's Chromium. Kept out of
 * `npm test` (whose roots would find test/e2e) by their `.e2e.ts` names, which jest's default match skips.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 60000
}
