/** Unit specs live beside the domain code; end-to-end suites in test/. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
// @fastify/static requires content-disposition 3, and the Flexprice dialect's suites use @flexprice/sdk: both ship
// only ESM, which Jest on Node 20 needs as CommonJS.
const esmOnly = ['content-disposition', '@flexprice/sdk'];

module.exports = {
  testEnvironment: 'node',
  moduleNameMapper: {
    '^@coupons/domain$': '<rootDir>/libs/coupons/src/index.ts',
    '^#api/(.*)$': '<rootDir>/apps/api/src/$1',
  },
  transform: {
    '^.+\\.ts$': tsJest,
    [`node_modules/(${esmOnly.join('|')})/.+\\.js$`]: ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', isolatedModules: true } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  testTimeout: 60000,
};
