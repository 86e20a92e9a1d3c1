#!/usr/bin/env node
// npm run bench [-- NAME ...]: runs the named benchmarks (all when none is named). Each prints
// "BENCH <name> <metric>=<value> baseline=<value> ratio=<value>" lines (times in ms).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const all = readdirSync(path.join(here, 'suites')).filter((f) => f.endsWith('.mjs')).map((f) => f.replace(/\.mjs$/, '')).sort();
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length > 0 ? wanted : all;
let failed = 0;
for (const name of names) {
  if (!all.includes(name)) {
    console.error(`No benchmark named ${name}. Known: ${all.join(', ')}`);
    failed++;
    continue;
  }
  console.log(`\n### ${name}`);
  const r = spawnSync(process.execPath, [path.join(here, 'suites', `${name}.mjs`)], { stdio: 'inherit', cwd: path.resolve(here, '..') });
  if (r.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
