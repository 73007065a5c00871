#!/usr/bin/env node
// The size of a one-call browser app on the SDK, bundled and minified by esbuild: with
// `createClient` (every operation), and with `createRequest` + one document of
// `@chorus-support/sdk/documents` (only what the app sends). Reads the built package
// (dist/esm: run `node scripts/build.mjs` first), or the ESM build of an installed copy
// (`--dist <dir>/node_modules/@chorus-support/sdk/dist/esm`). Prints one line per app;
// `--json` prints JSON.
//
//   node packages/sdk/scripts/bundle-size.mjs
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const given = process.argv.indexOf('--dist');
const dist = given > 0 ? `${resolve(process.argv[given + 1])}/` : fileURLToPath(new URL('../dist/esm/', import.meta.url));
if (!existsSync(`${dist}index.js`)) throw new Error(`no ${dist}index.js: build the SDK first (node packages/sdk/scripts/build.mjs)`);

/** One-call browser apps, as a team would write them. */
export const APPS = {
  'createClient (whole SDK)': `
    import { createClient } from '${dist}index.js';
    const chorus = createClient({ url: '/graphql', getToken: () => sessionStorage.getItem('token') ?? '' });
    chorus.Viewer().then(({ viewer }) => { document.body.textContent = viewer.kind; });`,
  'createRequest + ViewerDocument': `
    import { createRequest } from '${dist}request.js';
    import { ViewerDocument } from '${dist}documents.js';
    const request = createRequest({ url: '/graphql', getToken: () => sessionStorage.getItem('token') ?? '' });
    request(ViewerDocument).then(({ viewer }) => { document.body.textContent = viewer.kind; });`,
};

/** Bundles each app; returns its minified and gzipped sizes in bytes. */
export async function bundleSizes() {
  const out = {};
  for (const [name, contents] of Object.entries(APPS)) {
    const result = await build({
      stdin: { contents, resolveDir: dist, loader: 'js' },
      bundle: true,
      minify: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0].contents;
    out[name] = { minified: code.byteLength, gzipped: gzipSync(code).byteLength };
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = await bundleSizes();
  if (process.argv.includes('--json')) console.log(JSON.stringify(sizes));
  else for (const [name, s] of Object.entries(sizes)) console.log(`${name}: ${(s.minified / 1024).toFixed(1)} KB minified, ${(s.gzipped / 1024).toFixed(1)} KB gzipped`);
}
