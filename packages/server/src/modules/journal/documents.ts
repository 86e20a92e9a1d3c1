import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { JOURNAL_DATA_CATEGORY, JOURNAL_LIMITS, type DocumentView, type JournalCategoryName } from '@eidor/contract';
import { canAccessPerson } from '@eidor/domain';
import { withTenant, type Ctx, type Deps } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { loadReachablePerson } from '../persons/public.ts';
import { requireWrite } from './access.ts';
import { presentDocument } from './presenter.ts';
import { findDocument, insertDocument } from './queries.ts';
import { MEDIA_TYPE, officeTypeOf, sniffHead, zipEntryNames, type DocumentTypeName } from './sniff.ts';
import type { ObjectStore, StagedObject } from './storage.ts';

const MAX = JOURNAL_LIMITS.documentMaxBytes;
const EXT: Record<DocumentTypeName, string> = { pdf: '.pdf', png: '.png', jpeg: '.jpg', docx: '.docx', xlsx: '.xlsx' };

const tooLarge = () =>
  new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${MAX / 1024 / 1024} MB`, { fields: [{ path: 'file', message: `must be at most ${MAX / 1024 / 1024} MB` }] });
const badFile = (message: string) => new AppError('VALIDATION', `The file was refused: ${message}`, { fields: [{ path: 'file', message }] });

/** The file name from the `x-file-name` header (percent-encoded UTF-8): no folders, no control characters. */
export function fileNameFrom(header: string | string[] | undefined): string | null {
  const raw = Array.isArray(header) ? header[0] : header;
  if (!raw) return null;
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    return null;
  }
  name = name.replace(/^.*[\\/]/, '').replace(/\p{Cc}/gu, '').trim();
  if (!name) return null;
  return name.slice(0, JOURNAL_LIMITS.fileNameMax);
}

/** Decides the type of a staged file by its content: magic bytes, and for office files the zip's parts. */
async function typeOf(staged: StagedObject, head: Buffer): Promise<DocumentTypeName> {
  const verdict = sniffHead(head);
  if (verdict.kind === 'type') return verdict.type;
  if (verdict.kind === 'executable') throw badFile('it is a program (an executable file), whatever its name says; only PDF, PNG, JPEG, DOCX and XLSX documents are accepted');
  if (verdict.kind === 'zip') {
    const names = await zipEntryNames(staged.localPath);
    const office = names ? officeTypeOf(names) : null;
    if (office) return office;
    throw badFile('it is a zip archive, not a Word (DOCX) or Excel (XLSX) document');
  }
  throw badFile('its content is not a PDF, PNG, JPEG, DOCX or XLSX document');
}

/**
 * Stores an uploaded document: checks the actor may write the category for the person, streams the
 * body to staging while counting (stopped past the limit) and hashing, decides the type from the
 * bytes, then writes the row and the audit row and moves the bytes to their final key in one
 * transaction. Anything that fails leaves neither a row nor a file.
 */
export async function uploadDocument(
  deps: Deps,
  store: ObjectStore,
  req: FastifyRequest,
  personId: string,
  category: JournalCategoryName,
): Promise<z.output<typeof DocumentView>> {
  const declared = Number(req.headers['content-length']);
  // A browser sends the length first: a file that is too large is refused before a byte is read.
  if (Number.isFinite(declared) && declared > MAX) throw tooLarge();
  const authorise = async (ctx: Ctx) => requireWrite(ctx, (await loadReachablePerson(ctx, personId)).relationships, category);
  // 1. May the actor write this category for this person? Refused before a byte is read.
  await withTenant(deps, req, authorise);
  let storedKey: string | null = null;
  let staged: StagedObject | null = null;
  try {
    // 2. The bytes arrive outside any transaction (a slow upload holds no database connection),
    //    counted, hashed and stopped past the limit; the type is decided from the content.
    let size = 0;
    const hash = createHash('sha256');
    const headChunks: Buffer[] = [];
    let headLen = 0;
    const body = req.body as Readable | undefined;
    if (!body || typeof body[Symbol.asyncIterator] !== 'function') throw badFile('it is empty');
    staged = await store.stage(body, (chunk) => {
      size += chunk.length;
      if (size > MAX) throw tooLarge();
      hash.update(chunk);
      if (headLen < 16) {
        headChunks.push(chunk.subarray(0, 16 - headLen));
        headLen += Math.min(chunk.length, 16 - headLen);
      }
    });
    if (size === 0) throw badFile('it is empty');
    const type = await typeOf(staged, Buffer.concat(headChunks));
    const fileName = fileNameFrom(req.headers['x-file-name']) ?? `dokument${EXT[type]}`;
    const sha256 = hash.digest('hex');
    const ready = staged;
    // 3. Access is checked again (it may have ended meanwhile); the row, its audit row and the file commit together.
    return await withTenant(deps, req, async (ctx: Ctx) => {
      const decision = await authorise(ctx);
      const key = randomUUID();
      const row = await insertDocument(ctx.tx, {
        municipalityId: ctx.actor.municipalityId,
        personId,
        category,
        fileName,
        type,
        sizeBytes: size,
        sha256,
        storageKey: key,
        now: ctx.now,
        by: ctx.actor.userId,
      });
      await ctx.audit({ action: 'journal.document.upload', subjectType: 'person', subjectId: personId, categories: [JOURNAL_DATA_CATEGORY[category]], via: decision.via });
      await ready.commit(key);
      storedKey = key;
      return presentDocument(row);
    });
  } catch (err) {
    // The transaction did not commit: the bytes must not outlive it.
    if (storedKey) await store.remove(storedKey).catch(() => undefined);
    throw err;
  } finally {
    await (staged as StagedObject | null)?.discard();
  }
}

/**
 * A document's bytes for download, after the read is authorised and audited in the same transaction;
 * a document the actor may not read answers 404, like one that does not exist.
 */
export async function readDocument(deps: Deps, store: ObjectStore, req: FastifyRequest, id: string): Promise<{ bytes: Buffer; fileName: string; mediaType: string }> {
  return withTenant(deps, req, async (ctx) => {
    const doc = await findDocument(ctx.tx, id);
    if (!doc) throw notFound();
    const { relationships } = await loadReachablePerson(ctx, doc.person_id);
    const decision = canAccessPerson(ctx.actor, 'read', JOURNAL_DATA_CATEGORY[doc.category], relationships);
    if (!decision.allowed) throw notFound();
    const bytes = await store.read(doc.storage_key);
    await ctx.audit({ action: 'journal.document.download', subjectType: 'person', subjectId: doc.person_id, categories: [JOURNAL_DATA_CATEGORY[doc.category]], via: decision.via });
    return { bytes, fileName: doc.file_name, mediaType: MEDIA_TYPE[doc.doc_type] };
  });
}

/** Content-Disposition for a name that may hold any characters: an ASCII fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
