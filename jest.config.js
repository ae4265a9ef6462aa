/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // `npm test` is the fast suite. Browser, LibreOffice and fuzz tests run with `npm run test:e2e` / `test:render` / `test:fuzz`.
  // (Those scripts pass --testPathIgnorePatterns=/node_modules/ to lift the exclusion.)
  testPathIgnorePatterns: ["/node_modules/", "/tests/e2e/", "/tests/render/", "/tests/fuzz/"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { isolatedModules: true, tsconfig: "tsconfig.json" }],
  },
  setupFiles: ["<rootDir>/tests/setup/fastcheck.ts"],
  testTimeout: 60000,
};
