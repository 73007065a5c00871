import { describe, expect, it } from 'vitest';
import { unsupportedNode } from './runtime';

describe('the Node.js the server accepts', () => {
  it.each(['20.20.2', 'v20.19.0', '18.20.0'])('refuses %s with the way to the pinned one', (v) => expect(unsupportedNode(v)).toMatch(/too old.*pnpm@12\.4\.2 start/));
  it.each(['22.12.0', '24.22.3', '25.0.0'])('accepts %s', (v) => expect(unsupportedNode(v)).toBeNull());
});
