#!/usr/bin/env node
// Usage: node packages/sdk/scripts/schema-check.mjs
// Prints the changes since the released schema and the version bump they call for; exits 1
// on a breaking change to a field that was not deprecated first. To release: pnpm release:schema
// (scripts/release-schema.mjs: version, CHANGELOG entry and baseline).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareSchemas } from './schema-compat.mjs';

const at = (p) => fileURLToPath(new URL(p, import.meta.url));
const RELEASED = at('../../schema/released/schema.graphql');
const CURRENT = at('../../schema/schema.graphql');
const PKG = at('../package.json');

const pkg = JSON.parse(readFileSync(PKG, 'utf8'));
const report = await compareSchemas(readFileSync(RELEASED, 'utf8'), readFileSync(CURRENT, 'utf8'));
const show = (title, list) => list.length && console.log(`${title} (${list.length}):\n${list.map((c) => `  - ${c.message}`).join('\n')}`);
show('Breaking', report.breaking);
show('Dangerous', report.dangerous);
show('Safe', report.safe);
const [major, minor, patch] = pkg.version.split('.').map(Number);
const next = { major: `${major + 1}.0.0`, minor: `${major}.${minor + 1}.0`, patch: `${major}.${minor}.${patch + 1}`, none: pkg.version }[report.bump];
console.log(`Released SDK ${pkg.version}; these changes call for a ${report.bump} bump → ${next}.`);
if (report.refused.length) {
  console.error(`Refused: ${report.refused.length} breaking change(s) to released fields that were not deprecated first:\n${report.refused.map((c) => `  - ${c.message}`).join('\n')}`);
  process.exit(1);
}
