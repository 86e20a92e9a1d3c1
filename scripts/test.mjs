#!/usr/bin/env node
// npm test: every suite. Unit, contract, server (PGlite, or PostgreSQL when TEST_DATABASE_URL is
// set) and web component tests with Vitest; then the browser tests in Chromium when it is
// installed (EIDOR_SKIP_E2E=1 skips them; EIDOR_ONLY_E2E=1 runs only them). Ends with one line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(path.join(tmpdir(), 'eidor-test-'));
const extra = process.argv.slice(2);
let passed = 0;
let failed = 0;

function vitest(label, args) {
  const file = path.join(out, `${label}.json`);
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`, ...extra], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  });
  if (!existsSync(file)) {
    console.error(`${label}: the test run crashed before reporting (exit ${r.status})`);
    failed += 1;
    return;
  }
  const j = JSON.parse(readFileSync(file, 'utf8'));
  passed += j.numPassedTests;
  failed += j.numFailedTests;
  // A file that failed to load counts as a failure even when it has no tests.
  const broken = (j.testResults ?? []).filter((t) => t.status === 'failed' && (t.assertionResults ?? []).length === 0).length;
  failed += broken;
  if (r.status !== 0 && j.numFailedTests === 0 && broken === 0) failed += 1;
}

const db = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
if (process.env.EIDOR_ONLY_E2E !== '1') vitest(`unit, contract, server (${db}) and web`, []);

const chromium = process.env.EIDOR_CHROMIUM ?? '/usr/bin/chromium';
if (process.env.EIDOR_SKIP_E2E === '1') {
  console.log('\nBrowser tests skipped (EIDOR_SKIP_E2E=1).');
} else if (!existsSync(chromium)) {
  console.log(`\nBrowser tests skipped: no Chromium at ${chromium} (Debian: apt-get install chromium).`);
  if (process.env.EIDOR_ONLY_E2E === '1') failed += 1;
} else {
  const b = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) failed += 1;
  else vitest('browser (Chromium + axe)', ['--config', 'e2e/vitest.config.ts']);
}

if (process.env.EIDOR_COUNTS_FILE) appendFileSync(process.env.EIDOR_COUNTS_FILE, `${passed} ${failed}\n`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
