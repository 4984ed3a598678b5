/** Unit specs live beside the domain code; end-to-end suites in test/. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }];

module.exports = {
  testEnvironment: 'node',
  moduleNameMapper: { '^@coupons/domain$': '<rootDir>/libs/coupons/src/index.ts' },
  transform: { '^.+\\.ts$': tsJest },
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  testTimeout: 60000,
};
