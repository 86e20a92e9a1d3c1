import { createHash, createHmac, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { ObjectStore, StagedObject } from './storage.ts';

/** Where and as whom to reach an S3-compatible bucket (AWS S3, MinIO, Ceph RGW …); path-style addressing. */
export type S3Config = {
  /** `https://host[:port][/prefix]`, without the bucket. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
};

export const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');
const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** RFC 3986 percent-encoding as SigV4 wants it: everything but A-Z a-z 0-9 - _ . ~ is encoded. */
export function uriEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `20130524T000000Z` */
export const amzDate = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export type SignInput = {
  method: string;
  /** The request's URL; its path must already be encoded segment by segment (S3 encodes the path once). */
  url: URL;
  /** Headers to sign besides `host` (taken from the URL), `x-amz-date` and `x-amz-content-sha256` (added here). */
  headers: Record<string, string>;
  /** Hex SHA-256 of the body (EMPTY_SHA256 for none). */
  payloadHash: string;
  now: Date;
  region: string;
  service?: string;
  accessKeyId: string;
  secretAccessKey: string;
};

export type Signed = {
  /** Every header to send except `host` (fetch derives it from the URL, the same value that was signed). */
  headers: Record<string, string>;
  authorization: string;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
};

/** AWS Signature Version 4 for one request, with the signature in the Authorization header. */
export function signV4(input: SignInput): Signed {
  const service = input.service ?? 's3';
  const stamp = amzDate(input.now);
  const day = stamp.slice(0, 8);
  const all: Record<string, string> = { host: input.url.host };
  for (const [k, v] of Object.entries(input.headers)) all[k.toLowerCase()] = v;
  all['x-amz-date'] = stamp;
  all['x-amz-content-sha256'] = input.payloadHash;
  const names = Object.keys(all).sort();
  const canonicalHeaders = names.map((n) => `${n}:${all[n]!.trim().replace(/\s+/g, ' ')}\n`).join('');
  const signedHeaders = names.join(';');
  const query = [...input.url.searchParams]
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : av > bv ? 1 : 0) : ak < bk ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonicalRequest = [input.method.toUpperCase(), input.url.pathname || '/', query, canonicalHeaders, signedHeaders, input.payloadHash].join('\n');
  const scope = `${day}/${input.region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', stamp, scope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, day), input.region), service), 'aws4_request');
  const signature = createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
  const authorization = `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  const headers: Record<string, string> = {};
  for (const n of names) if (n !== 'host') headers[n] = all[n]!;
  headers.authorization = authorization;
  return { headers, authorization, canonicalRequest, stringToSign, signature };
}

/**
 * A failure of the document store. The message names the operation, the HTTP status and S3's error code
 * only: never the URL, the bucket, the key, the response body or the credentials, so it is safe to log.
 */
export class ObjectStoreError extends Error {
  override name = 'ObjectStoreError';
}

const OBJECT_KEY = /^[0-9a-f-]{36}$/;
const TIMEOUT_MS = 60_000;

type Options = { fetch?: typeof fetch; now?: () => Date };

/**
 * Documents in an S3-compatible bucket. The upload is first staged in the local folder store (checked,
 * counted and sniffed there: `localPath`), then put to `staging/<random id>` before any transaction;
 * commit is a server-side copy to `<key>` (short, inside the transaction) and a delete of the staging
 * object. Keys are the random ids the documents module chooses; no file name reaches the bucket.
 */
export function s3ObjectStore(config: S3Config, local: ObjectStore, opts: Options = {}): ObjectStore {
  const doFetch = opts.fetch ?? fetch;
  const now = opts.now ?? (() => new Date());
  const base = new URL(config.endpoint);
  const basePath = base.pathname.replace(/\/+$/, '');

  const urlOf = (key: string) => {
    const u = new URL(base.origin);
    u.pathname = `${basePath}/${uriEncode(config.bucket)}/${key.split('/').map(uriEncode).join('/')}`;
    return u;
  };

  const fail = (op: string, detail: string) => new ObjectStoreError(`Document store (S3) ${op} failed: ${detail}`);

  /** One signed request; answers the response for the statuses the caller accepts, else throws a safe error. */
  async function send(op: string, method: string, key: string, ok: (status: number) => boolean, body?: Buffer, extra: Record<string, string> = {}): Promise<Response> {
    const url = urlOf(key);
    const payloadHash = body ? sha256Hex(body) : EMPTY_SHA256;
    const signed = signV4({ method, url, headers: extra, payloadHash, now: now(), region: config.region, accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey });
    let res: Response;
    try {
      res = await doFetch(url, {
        method,
        headers: signed.headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
        ...(body ? { body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) } : {}),
      });
    } catch (err) {
      // Only a short, known code from the cause (ECONNREFUSED, TimeoutError …): its message may carry the address.
      const e = err as { name?: string; cause?: { code?: unknown } };
      const code = typeof e.cause?.code === 'string' && /^[A-Z_]{2,40}$/.test(e.cause.code) ? e.cause.code : e.name === 'TimeoutError' ? 'timeout' : 'network error';
      throw fail(op, `no answer (${code})`);
    }
    if (ok(res.status)) return res;
    throw fail(op, `HTTP ${res.status}${await errorCodeOf(res)}`);
  }

  const remove = async (key: string) => {
    const res = await send('delete', 'DELETE', key, (s) => (s >= 200 && s < 300) || s === 404);
    await res.arrayBuffer().catch(() => undefined);
  };

  return {
    async stage(body, check) {
      const staged = await local.stage(body, check);
      const tempKey = `staging/${randomUUID()}`;
      let uploaded = false;
      let committed = false;
      const discard = async () => {
        await staged.discard();
        if (uploaded && !committed) {
          uploaded = false;
          await remove(tempKey).catch(() => undefined);
        }
      };
      try {
        const bytes = await readFile(staged.localPath);
        await send('upload', 'PUT', tempKey, (s) => s >= 200 && s < 300, bytes, { 'content-type': 'application/octet-stream' }).then((r) => r.arrayBuffer());
        uploaded = true;
      } catch (err) {
        await discard();
        throw err;
      }
      const object: StagedObject = {
        localPath: staged.localPath,
        async commit(key) {
          if (!OBJECT_KEY.test(key)) throw new Error('invalid object key');
          const res = await send('commit (copy)', 'PUT', key, (s) => s >= 200 && s < 300, undefined, {
            'x-amz-copy-source': `/${uriEncode(config.bucket)}/${tempKey.split('/').map(uriEncode).join('/')}`,
          });
          // A copy may answer 200 and still fail: S3 then puts an <Error> in the body.
          const text = await res.text();
          if (/<Error>/.test(text)) throw fail('commit (copy)', `HTTP ${res.status}${codeIn(text)}`);
          committed = true;
          await remove(tempKey).catch(() => undefined); // a leftover staging object expires by the bucket's lifecycle rule
        },
        discard,
      };
      return object;
    },
    async read(key) {
      if (!OBJECT_KEY.test(key)) throw new Error('invalid object key');
      const res = await send('download', 'GET', key, (s) => s === 200);
      return Buffer.from(await res.arrayBuffer());
    },
    async remove(key) {
      if (!OBJECT_KEY.test(key)) throw new Error('invalid object key');
      await remove(key);
    },
  };
}

/** S3's error code from an XML error body, e.g. ` SignatureDoesNotMatch`; nothing else of the body (it names bucket and key). */
function codeIn(text: string): string {
  const m = /<Code>([A-Za-z0-9.]{1,64})<\/Code>/.exec(text);
  return m ? ` ${m[1]}` : '';
}

async function errorCodeOf(res: Response): Promise<string> {
  try {
    return codeIn((await res.text()).slice(0, 4096));
  } catch {
    return '';
  }
}
