// ts-jest in ESM mode: the package is "type": "module" because @actions/core 3 is ESM-only.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    // The same stand-ins as the bundle's (tsconfig.json `paths`, stubs/README.md), so that every
    // tier runs the dependency graph that ships; __tests__/unit/bundle guards the mapping.
    '^@actions/http-client$': '<rootDir>/stubs/actions-http-client/lib/index.js',
    '^@actions/http-client/lib/auth$': '<rootDir>/stubs/actions-http-client/lib/auth.js',
    '^@actions/exec$': '<rootDir>/stubs/actions-exec/lib/index.js',
    // Sources import siblings as './x.js' (NodeNext); map them back to the .ts files.
    '^(\\.{1,2}/.*)\\.js$': '$1'
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  },
  testMatch: ['**/__tests__/**/*.test.ts'],
  // The Node 20 and Node 24 binaries the end-to-end suites run dist/index.js under.
  globalSetup: '<rootDir>/__tests__/setup/global-setup.ts',
  setupFilesAfterEnv: ['<rootDir>/__tests__/setup/remove-runner-folders.ts'],
  // The suites spend most of their time waiting on servers and child processes: two at once.
  maxWorkers: 2,
  testTimeout: 30000,
  verbose: false
}
