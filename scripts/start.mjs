#!/usr/bin/env node
// npm start: build the web app if it is missing, then run the server on the embedded database
// (or on DATABASE_URL when set).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webIndex = path.join(root, 'packages/web/dist/index.html');
if (!existsSync(webIndex) && !process.env.EIDOR_SKIP_WEB_BUILD) {
  console.log('Building the web app (first start only)…');
  const r = spawnSync('npm', ['run', 'build', '-w', '@eidor/web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
// The server is bundled at every start (about a tenth of a second), so it is never stale.
const { buildServer } = await import('./build-server.mjs');
await buildServer();
const child = spawn(process.execPath, ['--enable-source-maps', path.join(root, 'packages/server/dist/main.mjs')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
