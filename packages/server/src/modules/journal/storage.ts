import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { s3ObjectStore, type S3Config } from './s3-storage.ts';

/**
 * Where document bytes live. The local folder is the default; an S3-compatible store (`s3-storage.ts`)
 * implements the same calls (stage = local check, then a put to a temporary key; commit = copy to the final key).
 * Keys are random ids: no file name or personal data ever becomes part of a key or a path.
 */
export interface ObjectStore {
  /** Writes the stream to a staging object and returns its handle; `check` sees every chunk and may throw to stop. */
  stage(body: Readable | AsyncIterable<Buffer>, check: (chunk: Buffer) => void): Promise<StagedObject>;
  /** Reads a committed object. */
  read(key: string): Promise<Buffer>;
  /** Removes a committed object (used only to undo a commit whose transaction failed). */
  remove(key: string): Promise<void>;
}

export interface StagedObject {
  /** A local file path to inspect the staged bytes (sniffing the zip directory of office files). */
  readonly localPath: string;
  /** Makes the staged object the object `key`. */
  commit(key: string): Promise<void>;
  /** Throws the staged bytes away; safe to call more than once and after commit. */
  discard(): Promise<void>;
}

/** Documents in a folder on the server's disk: `<root>/objects/<key>`, staged in `<root>/staging`. */
export function localFolderStore(root: string): ObjectStore {
  const objects = path.join(root, 'objects');
  const staging = path.join(root, 'staging');
  const keyPath = (key: string) => {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error('invalid object key');
    return path.join(objects, key);
  };
  return {
    async stage(body, check) {
      await mkdir(staging, { recursive: true, mode: 0o700 });
      const localPath = path.join(staging, `${randomUUID()}.part`);
      let committed = false;
      const discard = async () => {
        if (!committed) await rm(localPath, { force: true });
      };
      const out = createWriteStream(localPath, { mode: 0o600 });
      // Iterate without destroying the request when a check stops the upload: the rest is drained
      // (resume) so the client still gets the answer (413, 400) instead of a reset connection.
      const source = body as Readable;
      const chunks: AsyncIterable<Buffer> = typeof source.iterator === 'function' ? source.iterator({ destroyOnReturn: false }) : body;
      try {
        for await (const chunk of chunks) {
          check(chunk);
          if (!out.write(chunk)) await once(out, 'drain');
        }
        out.end();
        await finished(out);
      } catch (err) {
        out.destroy();
        await finished(out).catch(() => undefined);
        await discard();
        if (typeof source.resume === 'function') source.resume();
        throw err;
      }
      return {
        localPath,
        async commit(key) {
          await mkdir(objects, { recursive: true, mode: 0o700 });
          await rename(localPath, keyPath(key));
          committed = true;
        },
        discard,
      };
    },
    read: (key) => readFile(keyPath(key)),
    remove: (key) => rm(keyPath(key), { force: true }),
  };
}

/**
 * The documents' store for this configuration: the S3-compatible bucket when `EIDOR_S3_*` is set (the local
 * folder then only stages uploads while they are checked), else the local folder.
 */
export function documentStore(config: { documentsDir: string; s3?: S3Config | undefined }): ObjectStore {
  const local = localFolderStore(config.documentsDir);
  return config.s3 ? s3ObjectStore(config.s3, local) : local;
}
