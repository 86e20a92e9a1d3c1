#!/usr/bin/env node
// Bundles the server (and the workspace packages it uses) into packages/server/dist/main.mjs, so
// `npm start` does not compile TypeScript at every start. npm packages stay external.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export async function buildServer() {
  await build({
    entryPoints: [path.join(root, 'packages/server/src/main.ts')],
    outfile: path.join(root, 'packages/server/dist/main.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [
      {
        name: 'external-npm-packages',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@eidor/') ? undefined : { path: args.path, external: true }));
        },
      },
    ],
  });
}
if (import.meta.url === `file://${process.argv[1]}`) await buildServer();
