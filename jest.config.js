/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // nock 14 keeps its interceptor on the global scope across test files; Jest's cleanup of globals
  // between files would delete it from under nock (and warns that it will fail in a later version).
  testEnvironmentOptions: { globalsCleanup: 'off' },
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 20000
}
