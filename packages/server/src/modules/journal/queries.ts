import type { JournalCategoryName } from '@eidor/contract';
import type { Db } from '../../db/client.ts';
import { rows } from '../../db/raw.ts';

// All SQL of the journal module. Dates as YYYY-MM-DD text, so PGlite and PostgreSQL answer alike.

/** A PostgreSQL array literal of enum values or uuids (checked by the schema; no quoting needed). */
const pgArray = (xs: readonly string[]) => `{${xs.join(',')}}`;

export type NoteRow = {
  id: string;
  person_id: string;
  category: JournalCategoryName;
  meeting_date: string | null;
  created_at: Date | string;
  created_by: string | null;
  author: string | null;
};

export type NoteVersionRow = {
  note_id: string;
  version: number;
  body: string;
  reason: string | null;
  written_at: Date | string;
  written_by: string | null;
  writer: string | null;
};

const NOTE_COLS = `n.id, n.person_id, n.category, to_char(n.meeting_date, 'YYYY-MM-DD') AS meeting_date, n.created_at, n.created_by, u.name AS author`;

/** The person's notes in the given categories, newest first. */
export async function notesOf(tx: Db, personId: string, categories: readonly JournalCategoryName[]): Promise<NoteRow[]> {
  if (categories.length === 0) return [];
  return rows<NoteRow>(
    tx,
    `SELECT ${NOTE_COLS} FROM journal_notes n LEFT JOIN users u ON u.id = n.created_by
      WHERE n.person_id = $1 AND n.category = ANY($2::text[]) ORDER BY n.created_at DESC, n.id`,
    [personId, pgArray(categories)],
  );
}

export async function findNote(tx: Db, id: string): Promise<NoteRow | undefined> {
  return (await rows<NoteRow>(tx, `SELECT ${NOTE_COLS} FROM journal_notes n LEFT JOIN users u ON u.id = n.created_by WHERE n.id = $1`, [id]))[0];
}

/** Every version of the given notes, newest first per note. */
export async function versionsOf(tx: Db, noteIds: readonly string[]): Promise<NoteVersionRow[]> {
  if (noteIds.length === 0) return [];
  return rows<NoteVersionRow>(
    tx,
    `SELECT v.note_id, v.version, v.body, v.reason, v.written_at, v.written_by, u.name AS writer
       FROM journal_note_versions v LEFT JOIN users u ON u.id = v.written_by
      WHERE v.note_id = ANY($1::uuid[]) ORDER BY v.note_id, v.version DESC`,
    [pgArray(noteIds)],
  );
}

export async function insertNote(
  tx: Db,
  v: { municipalityId: string; personId: string; category: JournalCategoryName; meetingDate: string | null; text: string; now: Date; by: string },
): Promise<string> {
  const r = await rows<{ id: string }>(
    tx,
    `INSERT INTO journal_notes (municipality_id, person_id, category, meeting_date, created_at, created_by)
     VALUES ($1, $2, $3, $4::date, $5, $6) RETURNING id`,
    [v.municipalityId, v.personId, v.category, v.meetingDate, v.now, v.by],
  );
  const id = r[0]!.id;
  await insertVersion(tx, { municipalityId: v.municipalityId, noteId: id, version: 0, text: v.text, reason: null, now: v.now, by: v.by });
  return id;
}

/**
 * Adds a version. Two corrections against the same version race for the primary key (note_id, version);
 * the loser inserts nothing and gets false (a version conflict), never an overwrite.
 */
export async function insertVersion(
  tx: Db,
  v: { municipalityId: string; noteId: string; version: number; text: string; reason: string | null; now: Date; by: string },
): Promise<boolean> {
  const r = await rows<{ version: number }>(
    tx,
    `INSERT INTO journal_note_versions (municipality_id, note_id, version, body, reason, written_at, written_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (note_id, version) DO NOTHING RETURNING version`,
    [v.municipalityId, v.noteId, v.version, v.text, v.reason, v.now, v.by],
  );
  return r.length > 0;
}

export async function latestVersion(tx: Db, noteId: string): Promise<number> {
  const r = await rows<{ v: number | null }>(tx, `SELECT max(version) AS v FROM journal_note_versions WHERE note_id = $1`, [noteId]);
  return Number(r[0]?.v ?? -1);
}

// ---------- interpreters ----------

export type InterpreterRow = {
  id: string;
  person_id: string;
  note_id: string | null;
  used_on: string;
  category: JournalCategoryName;
  topic: string;
  language: string;
  qualification: string;
  status: string;
  mode: string;
  interpreter_name: string | null;
  register_number: string | null;
  created_at: Date | string;
  author: string | null;
};

const INTERPRETER_COLS = `i.id, i.person_id, i.note_id, to_char(i.used_on, 'YYYY-MM-DD') AS used_on, i.category, i.topic, i.language,
  i.qualification, i.status, i.mode, i.interpreter_name, i.register_number, i.created_at, u.name AS author`;

export async function interpretersOf(tx: Db, personId: string, categories: readonly JournalCategoryName[]): Promise<InterpreterRow[]> {
  if (categories.length === 0) return [];
  return rows<InterpreterRow>(
    tx,
    `SELECT ${INTERPRETER_COLS} FROM interpreter_uses i LEFT JOIN users u ON u.id = i.created_by
      WHERE i.person_id = $1 AND i.category = ANY($2::text[]) ORDER BY i.used_on DESC, i.created_at DESC`,
    [personId, pgArray(categories)],
  );
}

/** Interpreter uses by id (for other modules that link to one, e.g. a responsibility-group meeting). */
export async function interpreterUsesByIds(tx: Db, ids: readonly string[]): Promise<InterpreterRow[]> {
  if (ids.length === 0) return [];
  return rows<InterpreterRow>(tx, `SELECT ${INTERPRETER_COLS} FROM interpreter_uses i LEFT JOIN users u ON u.id = i.created_by WHERE i.id = ANY($1::uuid[])`, [pgArray(ids)]);
}

/** Dates with any interpreter use for the person, whatever its category (only dates leave this function). */
export async function interpreterDatesOf(tx: Db, personId: string): Promise<{ dates: Set<string>; noteIds: Set<string> }> {
  const r = await rows<{ d: string; note_id: string | null }>(
    tx,
    `SELECT to_char(used_on, 'YYYY-MM-DD') AS d, note_id FROM interpreter_uses WHERE person_id = $1`,
    [personId],
  );
  return { dates: new Set(r.map((x) => x.d)), noteIds: new Set(r.flatMap((x) => (x.note_id ? [x.note_id] : []))) };
}

export async function insertInterpreterUse(
  tx: Db,
  v: {
    municipalityId: string;
    personId: string;
    noteId: string | null;
    date: string;
    category: JournalCategoryName;
    topic: string;
    language: string;
    qualification: string;
    status: string;
    mode: string;
    interpreterName: string | null;
    registerNumber: string | null;
    now: Date;
    by: string;
  },
): Promise<InterpreterRow> {
  const r = await rows<{ id: string }>(
    tx,
    `INSERT INTO interpreter_uses (municipality_id, person_id, note_id, used_on, category, topic, language, qualification, status, mode,
                                   interpreter_name, register_number, created_at, created_by)
     VALUES ($1, $2, $3, $4::date, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
    [v.municipalityId, v.personId, v.noteId, v.date, v.category, v.topic, v.language, v.qualification, v.status, v.mode, v.interpreterName, v.registerNumber, v.now, v.by],
  );
  return (await rows<InterpreterRow>(tx, `SELECT ${INTERPRETER_COLS} FROM interpreter_uses i LEFT JOIN users u ON u.id = i.created_by WHERE i.id = $1`, [r[0]!.id]))[0]!;
}

// ---------- documents ----------

export type DocumentRow = {
  id: string;
  person_id: string;
  category: JournalCategoryName;
  file_name: string;
  doc_type: 'pdf' | 'png' | 'jpeg' | 'docx' | 'xlsx';
  size_bytes: number | string;
  storage_key: string;
  uploaded_at: Date | string;
  author: string | null;
};

const DOC_COLS = `d.id, d.person_id, d.category, d.file_name, d.doc_type, d.size_bytes, d.storage_key, d.uploaded_at, u.name AS author`;

export async function documentsOf(tx: Db, personId: string, categories: readonly JournalCategoryName[]): Promise<DocumentRow[]> {
  if (categories.length === 0) return [];
  return rows<DocumentRow>(
    tx,
    `SELECT ${DOC_COLS} FROM journal_documents d LEFT JOIN users u ON u.id = d.uploaded_by
      WHERE d.person_id = $1 AND d.category = ANY($2::text[]) ORDER BY d.uploaded_at DESC, d.id`,
    [personId, pgArray(categories)],
  );
}

export async function findDocument(tx: Db, id: string): Promise<DocumentRow | undefined> {
  return (await rows<DocumentRow>(tx, `SELECT ${DOC_COLS} FROM journal_documents d LEFT JOIN users u ON u.id = d.uploaded_by WHERE d.id = $1`, [id]))[0];
}

export async function insertDocument(
  tx: Db,
  v: { municipalityId: string; personId: string; category: JournalCategoryName; fileName: string; type: string; sizeBytes: number; sha256: string; storageKey: string; now: Date; by: string },
): Promise<DocumentRow> {
  const r = await rows<{ id: string }>(
    tx,
    `INSERT INTO journal_documents (municipality_id, person_id, category, file_name, doc_type, size_bytes, sha256, storage_key, uploaded_at, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [v.municipalityId, v.personId, v.category, v.fileName, v.type, v.sizeBytes, v.sha256, v.storageKey, v.now, v.by],
  );
  return (await findDocument(tx, r[0]!.id))!;
}
