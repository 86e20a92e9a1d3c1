import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';

/**
 * The key that encrypts secrets at rest (TOTP seeds). Production: EIDOR_SECRET_KEY. Embedded
 * database: a random key kept next to the data (mode 0600). Development on PostgreSQL without a
 * key: one derived from the database URL, with a warning.
 */
export function resolveSecretKey(config: Config, warn: (msg: string) => void): Buffer {
  if (config.secretKeyHex) return Buffer.from(config.secretKeyHex, 'hex');
  if (!config.databaseUrl) {
    const file = path.join(config.dataDir, 'secret.key');
    if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
    mkdirSync(config.dataDir, { recursive: true });
    const key = randomBytes(32);
    writeFileSync(file, key.toString('hex'), { mode: 0o600 });
    return key;
  }
  warn('EIDOR_SECRET_KEY is not set; using a development key derived from DATABASE_URL. Set it in production.');
  return createHash('sha256').update(`eidor-dev-key:${config.databaseUrl}`).digest();
}
