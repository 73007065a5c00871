/**
 * Writes packages/schema/persisted-documents.json, the manifest of the SDK's operations
 * ({ "<sha256 of the document's text>": "<document>" }), part of `npx -y pnpm@12.4.2 gen`.
 *
 * The documents are the ones the SDK sends (src/documents.ts, made by codegen from
 * packages/schema/operations/*.graphql: each operation with the fragments it uses), printed as
 * graphql-request prints them before sending: the SDK sends the SHA-256 of that text instead of
 * the text, and the server, which loads this manifest at start, knows it.
 * A test (schema-drift) fails when the checked-in manifest is not what this makes.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { print } from 'graphql';

const GENERATED = fileURLToPath(new URL('../src/documents.ts', import.meta.url));
export const MANIFEST = fileURLToPath(new URL('../../schema/persisted-documents.json', import.meta.url));

/** `export const FooDocument = {…} as unknown as DocumentNode<Foo, FooVariables>;`: codegen's typed documents, one a line. */
const DOCUMENT_LINE = /^export const (\w+)Document = (\{.*\}) as unknown as DocumentNode(?:<[^>]*>)?;$/gm;

/** The manifest's text, from the text of the SDK's documents.ts: entries in the order of the operations' names. */
export function persistedDocumentsManifest(generatedTs) {
  const documents = [];
  for (const [, name, json] of generatedTs.matchAll(DOCUMENT_LINE)) {
    const text = print(JSON.parse(json));
    documents.push([name, createHash('sha256').update(text).digest('hex'), text]);
  }
  if (!documents.length) throw new Error(`no operation document found in ${GENERATED}`);
  documents.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${JSON.stringify(Object.fromEntries(documents.map(([, id, text]) => [id, text])), null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifest = persistedDocumentsManifest(readFileSync(GENERATED, 'utf8'));
  writeFileSync(MANIFEST, manifest);
  console.log(`Wrote ${MANIFEST} (${Object.keys(JSON.parse(manifest)).length} documents)`);
}
