import { open } from 'node:fs/promises';
import type { DOCUMENT_TYPES } from '@eidor/contract';

export type DocumentTypeName = (typeof DOCUMENT_TYPES)[number];

/** What the first bytes of a file say it is; `zip` needs a look at the archive's directory. */
export type HeadVerdict = { kind: 'type'; type: DocumentTypeName } | { kind: 'zip' } | { kind: 'executable' } | { kind: 'unknown' };

const starts = (b: Buffer, sig: readonly number[]) => b.length >= sig.length && sig.every((x, i) => b[i] === x);

/** Decides by the first bytes (magic numbers), never by the name or the declared content type. */
export function sniffHead(head: Buffer): HeadVerdict {
  if (starts(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { kind: 'type', type: 'pdf' }; // %PDF-
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'type', type: 'png' };
  if (starts(head, [0xff, 0xd8, 0xff])) return { kind: 'type', type: 'jpeg' };
  if (starts(head, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'zip' };
  // ELF (Linux), MZ (Windows PE), Mach-O (both byte orders, fat binaries), scripts with #!
  if (
    starts(head, [0x7f, 0x45, 0x4c, 0x46]) ||
    starts(head, [0x4d, 0x5a]) ||
    starts(head, [0xcf, 0xfa, 0xed, 0xfe]) ||
    starts(head, [0xfe, 0xed, 0xfa, 0xcf]) ||
    starts(head, [0xca, 0xfe, 0xba, 0xbe]) ||
    starts(head, [0x23, 0x21])
  ) {
    return { kind: 'executable' };
  }
  return { kind: 'unknown' };
}

/**
 * The names in a zip archive's central directory, read from the end of the file (End Of Central
 * Directory record, then each directory entry). Null when the structure is not a valid zip.
 */
export async function zipEntryNames(file: string, maxEntries = 10_000): Promise<string[] | null> {
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    if (size < 22) return null;
    const tailLen = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, size - tailLen);
    let eocd = -1;
    for (let i = tailLen - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return null;
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (count > maxEntries || dirOffset + dirSize > size) return null;
    const dir = Buffer.alloc(dirSize);
    await fh.read(dir, 0, dirSize, dirOffset);
    const names: string[] = [];
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== 0x02014b50) return null;
      const nameLen = dir.readUInt16LE(p + 28);
      const extraLen = dir.readUInt16LE(p + 30);
      const commentLen = dir.readUInt16LE(p + 32);
      if (p + 46 + nameLen > dir.length) return null;
      names.push(dir.toString('utf8', p + 46, p + 46 + nameLen));
      p += 46 + nameLen + extraLen + commentLen;
    }
    return names;
  } finally {
    await fh.close();
  }
}

/** An Office Open XML file by its parts: a Word document or an Excel workbook; anything else is not accepted. */
export function officeTypeOf(names: readonly string[]): DocumentTypeName | null {
  const has = new Set(names);
  if (!has.has('[Content_Types].xml')) return null;
  if (has.has('word/document.xml')) return 'docx';
  if (has.has('xl/workbook.xml')) return 'xlsx';
  return null;
}

export const MEDIA_TYPE: Record<DocumentTypeName, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
