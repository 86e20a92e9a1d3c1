import { createHash, createHmac } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { createWorld, signedIn } from '../../test/harness.ts';
import { EMPTY_SHA256, signV4 } from './s3-storage.ts';

// ---------------------------------------------------------------------------------------------
// The signer against AWS's published example ("Example: GET Object" in the S3 API reference,
// Authenticating Requests: Using the Authorization Header, Signature Version 4).
// ---------------------------------------------------------------------------------------------

describe('AWS Signature Version 4', () => {
  // Not a secret: AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY are the placeholder
  // credentials AWS publishes in its Signature Version 4 documentation (they open nothing); the test
  // must use them to reproduce the documented signature byte for byte.
  it("reproduces AWS's documented GET Object example exactly", () => {
    const signed = signV4({
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: { Range: 'bytes=0-9' },
      payloadHash: EMPTY_SHA256,
      now: new Date('2013-05-24T00:00:00Z'),
      region: 'us-east-1',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    });
    expect(EMPTY_SHA256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(signed.canonicalRequest).toBe(
      [
        'GET',
        '/test.txt',
        '',
        'host:examplebucket.s3.amazonaws.com',
        'range:bytes=0-9',
        'x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        'x-amz-date:20130524T000000Z',
        '',
        'host;range;x-amz-content-sha256;x-amz-date',
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      ].join('\n'),
    );
    expect(signed.stringToSign).toBe(
      'AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972',
    );
    expect(signed.signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
    // AWS prints the header without spaces after the commas; both forms are accepted.
    expect(signed.authorization.replace(/, /g, ',')).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    expect(signed.headers).toMatchObject({ 'x-amz-date': '20130524T000000Z', 'x-amz-content-sha256': EMPTY_SHA256, range: 'bytes=0-9' });
    expect(signed.headers).not.toHaveProperty('host');
  });

  it('sorts and encodes query parameters, keeps a port in the host', () => {
    const signed = signV4({
      method: 'get',
      url: new URL('http://127.0.0.1:9000/b/k?prefix=a%20b&delimiter=%2F'),
      headers: {},
      payloadHash: EMPTY_SHA256,
      now: new Date('2026-01-02T03:04:05.678Z'),
      region: 'us-east-1',
      accessKeyId: 'id',
      secretAccessKey: 'secret',
    });
    const lines = signed.canonicalRequest.split('\n');
    expect(lines.slice(0, 4)).toEqual(['GET', '/b/k', 'delimiter=%2F&prefix=a%20b', 'host:127.0.0.1:9000']);
    expect(signed.headers['x-amz-date']).toBe('20260102T030405Z');
  });
});

// ---------------------------------------------------------------------------------------------
// A minimal S3-compatible server: objects in memory, every request's signature checked by an
// implementation of its own (not the one under test), with the secret it knows.
// ---------------------------------------------------------------------------------------------

const ACCESS_KEY = 'EIDORTESTKEY';
const SECRET = 'test-secret-Zq8v/ObjectStore+Key';
const BUCKET = 'eidor-docs';
const AUTH = /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([a-z0-9-]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9-]+(?:;[a-z0-9-]+)*), ?Signature=([0-9a-f]{64})$/;

type FakeS3 = { server: Server; url: string; objects: Map<string, Buffer>; requests: { method: string; path: string; status: number }[]; close(): Promise<void> };

const xmlError = (code: string) => `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message><Resource>/secret-path</Resource></Error>`;

function verify(req: IncomingMessage, body: Buffer, secret: string): string | null {
  const auth = AUTH.exec(req.headers.authorization ?? '');
  if (!auth) return 'AuthorizationHeaderMalformed';
  const [, keyId, day, region, signedHeaders, signature] = auth as unknown as string[];
  if (keyId !== ACCESS_KEY) return 'InvalidAccessKeyId';
  const names = signedHeaders!.split(';');
  if (!['host', 'x-amz-date', 'x-amz-content-sha256'].every((n) => names.includes(n))) return 'AccessDenied';
  if ([...names].sort().join(';') !== signedHeaders) return 'AuthorizationHeaderMalformed';
  const stamp = String(req.headers['x-amz-date'] ?? '');
  if (!/^\d{8}T\d{6}Z$/.test(stamp) || stamp.slice(0, 8) !== day) return 'AuthorizationHeaderMalformed';
  const when = Date.parse(`${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`);
  if (Math.abs(Date.now() - when) > 15 * 60_000) return 'RequestTimeTooSkewed';
  const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
  if (payloadHash !== createHash('sha256').update(body).digest('hex')) return 'XAmzContentSHA256Mismatch';
  const [rawPath, rawQuery = ''] = (req.url ?? '/').split('?');
  const query = rawQuery ? rawQuery.split('&').sort().join('&') : '';
  const headerLines = names.map((n) => `${n}:${String(req.headers[n] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonical = `${req.method}\n${rawPath}\n${query}\n${headerLines}\n${signedHeaders}\n${payloadHash}`;
  const toSign = `AWS4-HMAC-SHA256\n${stamp}\n${day}/${region}/s3/aws4_request\n${createHash('sha256').update(canonical).digest('hex')}`;
  let k: Buffer = createHmac('sha256', `AWS4${secret}`).update(day!).digest();
  for (const part of [region!, 's3', 'aws4_request']) k = createHmac('sha256', k).update(part).digest();
  return createHmac('sha256', k).update(toSign).digest('hex') === signature ? null : 'SignatureDoesNotMatch';
}

async function fakeS3(): Promise<FakeS3> {
  const objects = new Map<string, Buffer>();
  const requests: FakeS3['requests'] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const pathname = (req.url ?? '/').split('?')[0]!;
      const answer = (status: number, text = '', type = 'application/xml') => {
        requests.push({ method: req.method ?? '', path: pathname, status });
        res.writeHead(status, text ? { 'content-type': type } : {}).end(text);
      };
      const problem = verify(req, body, SECRET);
      if (problem) return answer(403, xmlError(problem));
      const prefix = `/${BUCKET}/`;
      if (!pathname.startsWith(prefix)) return answer(404, xmlError('NoSuchBucket'));
      const key = decodeURIComponent(pathname.slice(prefix.length));
      if (req.method === 'PUT' && req.headers['x-amz-copy-source']) {
        const source = decodeURIComponent(String(req.headers['x-amz-copy-source']));
        const from = objects.get(source.replace(/^\//, '').slice(BUCKET.length + 1));
        if (!source.startsWith(`/${BUCKET}/`) || !from) return answer(404, xmlError('NoSuchKey'));
        objects.set(key, from);
        return answer(200, '<CopyObjectResult><ETag>"x"</ETag></CopyObjectResult>');
      }
      if (req.method === 'PUT') {
        objects.set(key, body);
        return answer(200);
      }
      if (req.method === 'GET') {
        const o = objects.get(key);
        if (!o) return answer(404, xmlError('NoSuchKey'));
        requests.push({ method: 'GET', path: pathname, status: 200 });
        return res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': o.length }).end(o);
      }
      if (req.method === 'DELETE') {
        objects.delete(key);
        return answer(204);
      }
      return answer(405, xmlError('MethodNotAllowed'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    objects,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(200)]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const s3Env = (s3: FakeS3, over: Record<string, string> = {}) => ({
  EIDOR_S3_ENDPOINT: s3.url,
  EIDOR_S3_BUCKET: BUCKET,
  EIDOR_S3_REGION: 'eu-north-1',
  EIDOR_S3_ACCESS_KEY_ID: ACCESS_KEY,
  EIDOR_S3_SECRET_ACCESS_KEY: SECRET,
  ...over,
});

async function worldWith(env: Record<string, string>) {
  const dir = await mkdtemp(path.join(tmpdir(), 'eidor-s3-staging-'));
  const log: string[] = [];
  const world = await createWorld({ EIDOR_DOCUMENTS_DIR: dir, LOG_LEVEL: 'info', ...env }, { write: (line) => void log.push(line) });
  const advisor = await signedIn(world.app, 'advisor@a.test');
  const person = (await advisor.post('/api/persons', {
    person: { givenName: 'Amina', familyName: 'Haddad', birthDate: '1990-05-01', sex: 'female', originCountry: 'SYR', languages: ['ar'], interpreterNeeded: false },
    household: { mode: 'none' },
  })).json<{ id: string }>();
  const upload = (body: Buffer, name = 'Vedtak Amina Haddad.pdf') =>
    advisor.request('POST', `/api/journal/persons/${person.id}/documents?category=general`, body, { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) });
  return {
    world,
    dir,
    log,
    advisor,
    person,
    upload,
    async close() {
      await world.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

describe('documents in an S3-compatible bucket', () => {
  let s3: FakeS3;
  let t: Awaited<ReturnType<typeof worldWith>>;
  beforeAll(async () => {
    s3 = await fakeS3();
    t = await worldWith(s3Env(s3));
  });
  afterAll(async () => {
    await t?.close();
    await s3?.close();
  });

  it('upload, list and download go through the bucket, keyed by random ids; nothing stays on local disk', async () => {
    expect(t.world.config.s3).toMatchObject({ bucket: BUCKET, region: 'eu-north-1' });
    const up = await t.upload(PDF);
    expect(up.statusCode, up.body).toBe(201);
    const doc = up.json<{ id: string; fileName: string }>();
    expect(doc.fileName).toBe('Vedtak Amina Haddad.pdf');

    // Exactly one object, under a random id: no staging leftover, no file name, no person id in the key.
    const keys = [...s3.objects.keys()];
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(UUID);
    expect(keys[0]).not.toBe(doc.id);
    expect(s3.objects.get(keys[0]!)).toEqual(PDF);
    expect(s3.requests.every((r) => !/Vedtak|Amina|Haddad/.test(r.path) && !r.path.includes(t.person.id))).toBe(true);
    // Stage (PUT staging/…), commit (copy, then delete the staging object), all accepted.
    expect(s3.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['PUT 200', 'PUT 200', 'DELETE 204']);

    const list = (await t.advisor.get(`/api/journal/persons/${t.person.id}`)).json<{ documents: { id: string; fileName: string; sizeBytes: number }[] }>();
    expect(list.documents).toEqual([expect.objectContaining({ id: doc.id, fileName: 'Vedtak Amina Haddad.pdf', sizeBytes: PDF.length })]);

    const down = await t.advisor.get(`/api/journal/documents/${doc.id}/content`);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.rawPayload).toEqual(PDF);
    expect(s3.requests.at(-1)).toEqual({ method: 'GET', path: `/${BUCKET}/${keys[0]}`, status: 200 });
    expect(await t.world.database.query("SELECT 1 FROM audit_log WHERE action = 'journal.document.download'")).toHaveLength(1);

    // The local folder only staged the upload.
    expect(await readdir(path.join(t.dir, 'staging'))).toEqual([]);
    expect(await readdir(t.dir)).toEqual(['staging']);
  });

  it('a refused file (an executable named .pdf) leaves no object in the bucket', async () => {
    const before = new Set(s3.objects.keys());
    const res = await t.upload(ELF, 'vedtak.pdf');
    expect(res.statusCode).toBe(400);
    expect(new Set(s3.objects.keys())).toEqual(before);
    expect(await readdir(path.join(t.dir, 'staging'))).toEqual([]);
  });

  it('an object missing from the bucket is a logged server error, without the URL', async () => {
    const up = (await t.upload(PDF)).json<{ id: string }>();
    const [key] = (await t.world.database.query<{ storage_key: string }>('SELECT storage_key FROM journal_documents WHERE id = $1', [up.id])).map((r) => r.storage_key);
    s3.objects.delete(key!);
    t.log.length = 0;
    const down = await t.advisor.get(`/api/journal/documents/${up.id}/content`);
    expect(down.statusCode).toBe(500);
    const logged = t.log.join('');
    expect(logged).toContain('Document store (S3) download failed: HTTP 404 NoSuchKey');
    expect(logged).not.toContain(key!);
    expect(logged).not.toContain(s3.url);
    expect(logged).not.toContain('secret-path');
  });
});

describe('documents when the S3 store refuses or is unreachable', () => {
  let s3: FakeS3;
  beforeAll(async () => {
    s3 = await fakeS3();
  });
  afterAll(async () => {
    await s3?.close();
  });

  it('a wrong secret is rejected by the signature check: 500, no row, no audit row, no object, no secret in the log', async () => {
    const t = await worldWith(s3Env(s3, { EIDOR_S3_SECRET_ACCESS_KEY: 'wrong-secret-value-123' }));
    try {
      const res = await t.upload(PDF);
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain('S3');
      expect(s3.requests.at(-1)).toMatchObject({ method: 'PUT', status: 403 });
      expect(s3.objects.size).toBe(0);
      expect(await t.world.database.query('SELECT 1 FROM journal_documents')).toEqual([]);
      expect(await t.world.database.query("SELECT 1 FROM audit_log WHERE action = 'journal.document.upload'")).toEqual([]);
      expect(await readdir(path.join(t.dir, 'staging'))).toEqual([]);
      const logged = t.log.join('');
      expect(logged).toContain('Document store (S3) upload failed: HTTP 403 SignatureDoesNotMatch');
      for (const s of ['wrong-secret-value-123', SECRET, s3.url, 'Vedtak', 'Haddad']) expect(logged).not.toContain(s);
    } finally {
      await t.close();
    }
  });

  it('an unreachable endpoint is a logged server error naming the cause, and nothing is stored', async () => {
    const gone = await fakeS3();
    await gone.close();
    const t = await worldWith(s3Env(gone));
    try {
      const res = await t.upload(PDF);
      expect(res.statusCode).toBe(500);
      expect(await t.world.database.query('SELECT 1 FROM journal_documents')).toEqual([]);
      expect(await readdir(path.join(t.dir, 'staging'))).toEqual([]);
      const logged = t.log.join('');
      expect(logged).toContain('Document store (S3) upload failed: no answer (ECONNREFUSED)');
      expect(logged).not.toContain(gone.url);
    } finally {
      await t.close();
    }
  });
});

describe('S3 configuration', () => {
  const base = { NODE_ENV: 'test' };
  const all = { EIDOR_S3_ENDPOINT: 'https://s3.example.no', EIDOR_S3_BUCKET: 'eidor-docs', EIDOR_S3_ACCESS_KEY_ID: 'id', EIDOR_S3_SECRET_ACCESS_KEY: 'secret' };

  it('none set: the local folder; all set: the bucket, region us-east-1 by default', () => {
    expect(loadConfig(base).s3).toBeUndefined();
    expect(loadConfig({ ...base, ...all }).s3).toEqual({ endpoint: 'https://s3.example.no', bucket: 'eidor-docs', region: 'us-east-1', accessKeyId: 'id', secretAccessKey: 'secret' });
    expect(loadConfig({ ...base, ...all, EIDOR_S3_REGION: 'no-osl-1' }).s3?.region).toBe('no-osl-1');
  });

  it('some set: refused, naming each missing variable and never echoing the secret', () => {
    const { EIDOR_S3_BUCKET: _bucket, ...noBucket } = all;
    expect(() => loadConfig({ ...base, ...noBucket })).toThrow(/EIDOR_S3_BUCKET is missing/);
    const e = (() => {
      try {
        loadConfig({ ...base, EIDOR_S3_SECRET_ACCESS_KEY: 'hush-hush-secret' });
      } catch (err) {
        return (err as Error).message;
      }
      return '';
    })();
    for (const v of ['EIDOR_S3_ENDPOINT', 'EIDOR_S3_BUCKET', 'EIDOR_S3_ACCESS_KEY_ID']) expect(e).toContain(`${v} is missing`);
    expect(e).not.toContain('EIDOR_S3_SECRET_ACCESS_KEY is missing');
    expect(e).not.toContain('hush-hush-secret');
    expect(() => loadConfig({ ...base, EIDOR_S3_REGION: 'eu-north-1' })).toThrow(/EIDOR_S3_ENDPOINT is missing/);
  });

  it('a bad endpoint or bucket name is refused', () => {
    expect(() => loadConfig({ ...base, ...all, EIDOR_S3_ENDPOINT: 'not a url' })).toThrow(/EIDOR_S3_ENDPOINT/);
    expect(() => loadConfig({ ...base, ...all, EIDOR_S3_ENDPOINT: 'https://user:pw@s3.example.no' })).toThrow(/without user name or password/);
    expect(() => loadConfig({ ...base, ...all, EIDOR_S3_BUCKET: 'Eidor_Docs' })).toThrow(/bucket name/);
  });
});
