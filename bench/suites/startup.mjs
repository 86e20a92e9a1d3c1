// Cold start (issue 2, point 10): `npm start` serves requests within 20 s on an empty data folder
// and within 3 s on an existing one. Measured from process spawn to the first 200 from /api/health,
// the median of 3 runs each. Runs the same bundle `npm start` runs. The targets are the baselines; ratio = measured / target.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildServer } from '../../scripts/build-server.mjs';

const PORT = 3970;
const root = process.cwd();

async function startOnce(dataDir) {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--enable-source-maps', path.join(root, 'packages/server/dist/main.mjs')], {
    cwd: root,
    env: { ...process.env, PORT: String(PORT), EIDOR_DATA_DIR: dataDir, EIDOR_DEMO_PASSWORD: 'bench-password-123', LOG_LEVEL: 'warn', NODE_ENV: 'development' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let ms;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const r = await fetch(`http://127.0.0.1:${PORT}/api/health`);
      if (r.status === 200) {
        ms = performance.now() - t0;
        break;
      }
    } catch {
      /* not listening yet */
    }
    if (performance.now() - t0 > 60_000) {
      child.kill('SIGKILL');
      throw new Error('server did not answer within 60 s');
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  return ms;
}

await buildServer(); // as npm start does
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const first = [];
const again = [];
for (let i = 0; i < 3; i++) {
  const dir = mkdtempSync(path.join(tmpdir(), 'eidor-bench-'));
  try {
    first.push(await startOnce(dir));
    again.push(await startOnce(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(`first start (empty folder): ${first.map((x) => Math.round(x)).join(', ')} ms`);
console.log(`start on existing folder:   ${again.map((x) => Math.round(x)).join(', ')} ms`);
const f = median(first);
const e = median(again);
console.log(`BENCH startup first_start_ms=${Math.round(f)} baseline=20000 ratio=${(f / 20000).toFixed(3)}`);
console.log(`BENCH startup existing_start_ms=${Math.round(e)} baseline=3000 ratio=${(e / 3000).toFixed(3)}`);
if (f > 20000 || e > 3000) process.exitCode = 1;
