// ESM mode: @actions/core 3 and friends ship only ES modules.
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    // Type-checking is `tsc --noEmit`'s job in `npm test`; here we only transpile.
    '^.+\\.ts$': ['ts-jest', { useESM: true }]
  },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  testTimeout: 30000
}
