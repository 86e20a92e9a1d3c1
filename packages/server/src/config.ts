import path from 'node:path';
import { z } from 'zod';

const Bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  EIDOR_DATA_DIR: z.string().default('.data'),
  EIDOR_DOCUMENTS_DIR: z.string().optional(),
  /** An S3-compatible bucket for documents (all four, or none: the local folder); path-style `endpoint/bucket/key`. */
  EIDOR_S3_ENDPOINT: z
    .string()
    .url()
    .refine((u) => /^https?:\/\/[^/@]+(\/|$)/i.test(u), 'EIDOR_S3_ENDPOINT must be an http(s) address without user name or password')
    .optional(),
  EIDOR_S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'EIDOR_S3_BUCKET must be a bucket name (3-63 of a-z, 0-9, dot, hyphen)').optional(),
  EIDOR_S3_REGION: z.string().regex(/^[a-z0-9-]{1,64}$/, 'EIDOR_S3_REGION must be a region name like us-east-1').optional(),
  EIDOR_S3_ACCESS_KEY_ID: z.string().optional(),
  EIDOR_S3_SECRET_ACCESS_KEY: z.string().optional(),
  EIDOR_PUBLIC_URL: z.string().url().optional(),
  EIDOR_DEMO_PASSWORD: z.string().min(12, 'EIDOR_DEMO_PASSWORD must be at least 12 characters').optional(),
  EIDOR_SEED_DEMO: Bool.optional(),
  /** Run the daily notification jobs (digest, deadlines) in this process; off for a process that must not, e.g. a benchmark. */
  EIDOR_DAILY_JOBS: Bool.optional(),
  EIDOR_SECRET_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, 'EIDOR_SECRET_KEY must be 64 hex characters (32 bytes)')
    .optional(),
  EIDOR_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  EIDOR_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(10),
  EIDOR_OIDC_ISSUER: z.string().url().optional(),
  EIDOR_OIDC_CLIENT_ID: z.string().optional(),
  EIDOR_OIDC_CLIENT_SECRET: z.string().optional(),
  EIDOR_OIDC_LABEL: z.string().default('Entra ID'),
  EIDOR_OIDC_SCOPE: z.string().default('openid email profile'),
  EIDOR_WEB_DIST: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** The application's configuration, parsed once from the environment. */
export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** The folder of uploaded documents (the local object store); default `<data dir>/documents`. */
  documentsDir: string;
  /** The S3-compatible document store; when set it holds the documents and `documentsDir` only stages uploads. */
  s3: { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string } | undefined;
  publicUrl: string;
  demoPassword: string | undefined;
  seedDemo: boolean;
  dailyJobs: boolean;
  secretKeyHex: string | undefined;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  oidc: { issuer: string; clientId: string; clientSecret: string; label: string; scope: string } | undefined;
  webDist: string | undefined;
  logLevel: string;
};

/** Reads and checks the environment; throws a readable error naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as unset (`DATABASE_URL= npm start` means the embedded database).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const oidcSet = [e.EIDOR_OIDC_ISSUER, e.EIDOR_OIDC_CLIENT_ID, e.EIDOR_OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidcSet > 0 && oidcSet < 3) {
    throw new Error('Invalid configuration:\n  EIDOR_OIDC_ISSUER, EIDOR_OIDC_CLIENT_ID and EIDOR_OIDC_CLIENT_SECRET must be set together');
  }
  const s3Required = ['EIDOR_S3_ENDPOINT', 'EIDOR_S3_BUCKET', 'EIDOR_S3_ACCESS_KEY_ID', 'EIDOR_S3_SECRET_ACCESS_KEY'] as const;
  const s3Missing = s3Required.filter((k) => !e[k]);
  if (s3Missing.length > 0 && (s3Missing.length < s3Required.length || e.EIDOR_S3_REGION)) {
    throw new Error(
      `Invalid configuration:\n${s3Missing.map((k) => `  ${k} is missing: ${s3Required.join(', ')} must be set together (EIDOR_S3_REGION is optional)`).join('\n')}`,
    );
  }
  if (e.NODE_ENV === 'production') {
    if (!e.DATABASE_URL) {
      throw new Error(
        'Refusing to start: NODE_ENV=production needs DATABASE_URL. The embedded database (PGlite) is for development and demos only.',
      );
    }
    if (!e.EIDOR_SECRET_KEY) throw new Error('Invalid configuration:\n  EIDOR_SECRET_KEY is required in production');
    if (!e.EIDOR_PUBLIC_URL) throw new Error('Invalid configuration:\n  EIDOR_PUBLIC_URL is required in production');
  }
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.EIDOR_DATA_DIR),
    documentsDir: path.resolve(e.EIDOR_DOCUMENTS_DIR ?? path.join(e.EIDOR_DATA_DIR, 'documents')),
    s3:
      e.EIDOR_S3_ENDPOINT && e.EIDOR_S3_BUCKET && e.EIDOR_S3_ACCESS_KEY_ID && e.EIDOR_S3_SECRET_ACCESS_KEY
        ? Object.freeze({
            endpoint: e.EIDOR_S3_ENDPOINT,
            bucket: e.EIDOR_S3_BUCKET,
            region: e.EIDOR_S3_REGION ?? 'us-east-1',
            accessKeyId: e.EIDOR_S3_ACCESS_KEY_ID,
            secretAccessKey: e.EIDOR_S3_SECRET_ACCESS_KEY,
          })
        : undefined,
    publicUrl: (e.EIDOR_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    demoPassword: e.EIDOR_DEMO_PASSWORD,
    seedDemo: e.EIDOR_SEED_DEMO ?? e.NODE_ENV !== 'production',
    dailyJobs: e.EIDOR_DAILY_JOBS ?? true,
    secretKeyHex: e.EIDOR_SECRET_KEY,
    sessionIdleMs: e.EIDOR_SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.EIDOR_SESSION_ABSOLUTE_HOURS * 3_600_000,
    oidc:
      e.EIDOR_OIDC_ISSUER && e.EIDOR_OIDC_CLIENT_ID && e.EIDOR_OIDC_CLIENT_SECRET
        ? {
            issuer: e.EIDOR_OIDC_ISSUER,
            clientId: e.EIDOR_OIDC_CLIENT_ID,
            clientSecret: e.EIDOR_OIDC_CLIENT_SECRET,
            label: e.EIDOR_OIDC_LABEL,
            scope: e.EIDOR_OIDC_SCOPE,
          }
        : undefined,
    webDist: e.EIDOR_WEB_DIST,
    logLevel: e.LOG_LEVEL,
  });
}
