import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // decorator metadata for type-graphql and MikroORM
  plugins: [swc.vite({ tsconfigFile: false, swcrc: false, module: { type: 'es6' }, jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false }, keepClassNames: true, target: 'es2022' } })],
  resolve: {
    alias: [
      { find: /^@chorus-support\/sdk$/, replacement: fileURLToPath(new URL('./packages/sdk/src/index.ts', import.meta.url)) },
      // the package's other entries (./documents, ./request), from their sources too
      { find: /^@chorus-support\/sdk\/(documents|request)$/, replacement: fileURLToPath(new URL('./packages/sdk/src/', import.meta.url)) + '$1.ts' },
      // one graphql realm: the CommonJS build that type-graphql and Apollo load
      { find: /^graphql$/, replacement: require.resolve('graphql', { paths: [fileURLToPath(new URL('./packages/server', import.meta.url))] }) },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 90_000,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
