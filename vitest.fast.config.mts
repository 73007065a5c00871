/**
 * The fast tier (`npx -y pnpm@12.4.2 test:fast`): what a developer runs before each commit —
 * every unit test beside the code, and one end-to-end file per feature over the real server,
 * the real SDK and a real PostgreSQL. CI runs the whole suite (`test`); the slow files (the
 * packed SDK, the compiled docs, browsers, benches' smoke runs, storms, timers) are there only.
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config.mts';

// the base config with another list of files (mergeConfig would add the lists together)
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'packages/*/src/**/*.test.ts',
      'test/schema-drift.test.ts',
      'test/conventions.test.ts',
      'test/i18n.test.ts',
      'test/client-mistakes.test.ts',
      'test/transport-parity.test.ts',
      'test/directory.test.ts',
      'test/service-desk-lifecycle.test.ts',
      'test/service-desk-links.test.ts',
      'test/service-desk-macros.test.ts',
      'test/incidents-batch.test.ts',
      'test/training-workflow.test.ts',
      'test/chatbot-dialog.test.ts',
      'test/notifications.test.ts',
      'test/audit.test.ts',
      'test/sdk.test.ts',
    ],
  },
});
