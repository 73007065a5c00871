#!/usr/bin/env node
// Usage: pnpm release:schema [--dry-run] [--version X.Y.Z] [--note "text"]
//
// Releases the current schema: compares it with the released baseline
// (packages/schema/released/schema.graphql, graphql-inspector through schema-compat.mjs),
// decides the version bump (breaking → major, dangerous or added → minor, any other change
// → patch), writes the SDK's version (and the schema package's, the same), adds a
// CHANGELOG.md entry generated from the diff, and copies the schema to the baseline.
// Refuses a breaking change to a released field that was not deprecated first.
// `--version` gives a higher version than the bump asks (e.g. the first stable 1.0.0);
// `--note` opens the entry with a sentence of your own.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareSchemas } from './schema-compat.mjs';

const at = (p) => fileURLToPath(new URL(p, import.meta.url));
export const PATHS = {
  released: at('../../schema/released/schema.graphql'),
  current: at('../../schema/schema.graphql'),
  sdkPackage: at('../package.json'),
  schemaPackage: at('../../schema/package.json'),
  changelog: at('../CHANGELOG.md'),
};

/** The first line of the released baseline: which SDK version released it. */
export const baselineHeader = (version) => `# Released with @chorus-support/sdk ${version}: do not edit (pnpm release:schema writes it).`;

/** The baseline's schema text without its header line. */
export const baselineSchema = (text) => text.replace(/^# Released with [^\n]*\n/, '');

/** The version `bump` makes of `version`. */
export function nextVersion(version, bump) {
  const [major, minor, patch] = version.split('.').map(Number);
  return { major: `${major + 1}.0.0`, minor: `${major}.${minor + 1}.0`, patch: `${major}.${minor}.${patch + 1}`, none: version }[bump];
}

const newer = (a, b) => {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] > y[i];
  return false;
};

const SECTIONS = [
  ['breaking', 'Breaking changes', 'A client written for the previous version may fail: read each one before upgrading.'],
  ['dangerous', 'Dangerous changes', 'Nothing stops working, but a client may see what it did not expect (a new value of an enum, a new default): handle unknown values.'],
  ['safe', 'Additions and other safe changes', null],
];

/** A CHANGELOG entry for `version` from a comparison `report` (compareSchemas); long sections are summarised by kind of change. */
export function changelogEntry(version, date, report, { note } = {}) {
  const lines = [`## ${version} — ${date}`, ''];
  if (note) lines.push(note, '');
  lines.push(`Schema changes since the previous release: ${report.breaking.length} breaking, ${report.dangerous.length} dangerous, ${report.safe.length} safe (${report.bump} bump).`, '');
  for (const [key, title, warning] of SECTIONS) {
    const changes = report[key];
    if (!changes.length) continue;
    lines.push(`### ${title}`, '');
    if (warning) lines.push(warning, '');
    if (changes.length <= 60) {
      for (const c of changes) lines.push(`- ${c.message.replace(/\s+/g, ' ')}`);
    } else {
      const byType = new Map();
      for (const c of changes) byType.set(c.type, (byType.get(c.type) ?? 0) + 1);
      for (const [type, n] of [...byType].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) lines.push(`- ${type}: ${n}`);
      const types = changes.filter((c) => c.type === 'TYPE_ADDED').map((c) => c.path).sort();
      if (types.length) lines.push('', `Types added: ${types.map((t) => `\`${t}\``).join(', ')}.`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

const CHANGELOG_HEAD = `# Changelog of @chorus-support/sdk

The SDK's version is the API's: it follows the changes of the GraphQL schema
(\`packages/schema/schema.graphql\`) since the last released one
(\`packages/schema/released/schema.graphql\`), as graphql-inspector classes them:

- a **breaking** change (a field or type removed, a type changed) is a **major** version, and
  only for what the previous release deprecated first;
- a **dangerous** change (a new value of an enum, an argument's new default) or an **addition**
  is a **minor** version; enums whose description says "New values may be added: handle
  unknown values." grow in minor versions, and the SDK types them with room for values to come;
- any other change (descriptions, deprecations) is a **patch**.

Between releases, main may only add to the schema (no breaking change: \`test/schema-release.test.ts\`);
\`npx -y pnpm@12.4.2 release:schema\` writes the next entry from the diff, sets the version and
records the schema as released.
`;

/** The changelog with `entry` as its newest entry. */
export function withEntry(changelog, entry) {
  const text = changelog?.trim() ? changelog : CHANGELOG_HEAD;
  const at = text.indexOf('\n## ');
  return at < 0 ? `${text.trimEnd()}\n\n${entry.trimEnd()}\n` : `${text.slice(0, at).trimEnd()}\n\n${entry.trimEnd()}\n\n${text.slice(at + 1)}`;
}

async function main(argv) {
  const dryRun = argv.includes('--dry-run');
  const asked = argv.includes('--version') ? argv[argv.indexOf('--version') + 1] : null;
  const pkg = JSON.parse(readFileSync(PATHS.sdkPackage, 'utf8'));
  const current = readFileSync(PATHS.current, 'utf8');
  const report = await compareSchemas(baselineSchema(readFileSync(PATHS.released, 'utf8')), current);
  if (report.refused.length) {
    console.error(`Refused: ${report.refused.length} breaking change(s) to released fields that were not deprecated first:\n${report.refused.map((c) => `  - ${c.message}`).join('\n')}`);
    process.exit(1);
  }
  const computed = nextVersion(pkg.version, report.bump);
  if (asked && !/^\d+\.\d+\.\d+$/.test(asked)) throw new Error(`--version ${asked}: not a version X.Y.Z`);
  if (asked && asked !== computed && !newer(asked, computed)) throw new Error(`--version ${asked}: the changes call for ${computed} at least`);
  const version = asked ?? computed;
  if (report.bump === 'none' && !asked) {
    console.log(`Nothing changed since ${pkg.version}: nothing to release.`);
    return;
  }
  const given = argv.includes('--note') ? argv[argv.indexOf('--note') + 1] : null;
  const note = [given, asked && asked !== computed ? `Released as ${version} (the changes alone call for ${computed}).` : null].filter(Boolean).join(' ') || undefined;
  const entry = changelogEntry(version, new Date().toISOString().slice(0, 10), report, { note });
  console.log(entry);
  if (dryRun) return;
  let changelog = '';
  try {
    changelog = readFileSync(PATHS.changelog, 'utf8');
  } catch {
    // the first release writes it
  }
  writeFileSync(PATHS.changelog, withEntry(changelog, entry));
  writeFileSync(PATHS.sdkPackage, JSON.stringify({ ...pkg, version }, null, 2) + '\n');
  const schemaPkg = JSON.parse(readFileSync(PATHS.schemaPackage, 'utf8'));
  writeFileSync(PATHS.schemaPackage, JSON.stringify({ ...schemaPkg, version }, null, 2) + '\n');
  writeFileSync(PATHS.released, `${baselineHeader(version)}\n${current}`);
  console.log(`Released ${version}: CHANGELOG.md, the versions and the baseline are written.`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main(process.argv.slice(2));
