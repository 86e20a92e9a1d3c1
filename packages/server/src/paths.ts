import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The server package's folder, whether running from src/ (tsx) or from the bundle in dist/. */
function findServerRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === '@eidor/server') return dir;
    dir = path.dirname(dir);
  }
  throw new Error('Cannot find the @eidor/server package folder');
}

export const SERVER_ROOT = findServerRoot();
export const MIGRATIONS_DIR = path.join(SERVER_ROOT, 'src/db/migrations');
export const DEFAULT_WEB_DIST = path.resolve(SERVER_ROOT, '../web/dist');
