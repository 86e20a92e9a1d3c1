import type { JournalCategoryName } from '@eidor/contract';
import type { Db } from '../../db/client.ts';
import { preparedRows, rows } from '../../db/raw.ts';

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

export type NoteSummaryRow = {
  id: string;
  category: JournalCategoryName;
  meeting_date: string | null;
  created_at: Date | string;
  author: string | null;
  excerpt: string;
  truncated: boolean;
  corrected: boolean;
  total: string | number;
};

/** The newest `limit` notes in the categories, each with the start of its current text, and how many there are in all. */
export async function latestNotesOf(tx: Db, personId: string, categories: readonly JournalCategoryName[], limit: number, excerptChars: number): Promise<NoteSummaryRow[]> {
  if (categories.length === 0) return [];
  return preparedRows<NoteSummaryRow>(
    tx,
    'latest_notes_of_person',
    `SELECT n.id, n.category, to_char(n.meeting_date, 'YYYY-MM-DD') AS meeting_date, n.created_at, u.name AS author,
            left(v.body, $3) AS excerpt, length(v.body) > $3 AS truncated, v.version > 0 AS corrected, count(*) OVER () AS total
       FROM journal_notes n
       LEFT JOIN users u ON u.id = n.created_by
      CROSS JOIN LATERAL (SELECT x.body, x.version FROM journal_note_versions x WHERE x.note_id = n.id ORDER BY x.version DESC LIMIT 1) v
      WHERE n.person_id = $1 AND n.category = ANY($2::text[])
      ORDER BY n.created_at DESC, n.id
      LIMIT $4`,
    [personId, pgArray(categories), excerptChars, limit],
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
  cancel_reason: string | null;
  created_at: Date | string;
  author: string | null;
  version: number;
  updated_at: Date | string | null;
  updater: string | null;
};

const INTERPRETER_COLS = `i.id, i.person_id, i.note_id, to_char(i.used_on, 'YYYY-MM-DD') AS used_on, i.category, i.topic, i.language,
  i.qualification, i.status, i.mode, i.interpreter_name, i.register_number, i.cancel_reason, i.created_at, u.name AS author,
  i.version, i.updated_at, (SELECT name FROM users WHERE id = i.updated_by) AS updater`;

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

export async function findInterpreterUse(tx: Db, id: string): Promise<InterpreterRow | undefined> {
  return (await rows<InterpreterRow>(tx, `SELECT ${INTERPRETER_COLS} FROM interpreter_uses i LEFT JOIN users u ON u.id = i.created_by WHERE i.id = $1`, [id]))[0];
}

/**
 * Dates with an interpreter actually used for the person, whatever its category (only dates leave this
 * function). A booking not (yet) marked as used and a cancelled booking do not count: the meeting is
 * then still without a documented interpreter.
 */
export async function interpreterDatesOf(tx: Db, personId: string): Promise<{ dates: Set<string>; noteIds: Set<string> }> {
  const r = await rows<{ d: string; note_id: string | null }>(
    tx,
    `SELECT to_char(used_on, 'YYYY-MM-DD') AS d, note_id FROM interpreter_uses WHERE person_id = $1 AND status = 'used'`,
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
  return (await findInterpreterUse(tx, r[0]!.id))!;
}

/** The fields of an interpreter record that may change (migration 0020 grants UPDATE on only these). */
export type InterpreterState = {
  status: string;
  usedOn: string;
  qualification: string;
  mode: string;
  interpreterName: string | null;
  registerNumber: string | null;
  cancelReason: string | null;
};

/**
 * Changes a record read at `version`: keeps the state it replaces in interpreter_use_history, then writes
 * the new state as version + 1. Two changes against the same version: the loser's update finds no row
 * (false, a version conflict) and its history row is rolled back with its transaction.
 */
export async function updateInterpreterUse(
  tx: Db,
  v: { municipalityId: string; id: string; version: number; before: InterpreterState; after: InterpreterState; now: Date; by: string },
): Promise<boolean> {
  const updated = await rows<{ id: string }>(
    tx,
    `UPDATE interpreter_uses SET status = $3, used_on = $4::date, qualification = $5, mode = $6, interpreter_name = $7, register_number = $8,
            cancel_reason = $9, version = version + 1, updated_at = $10, updated_by = $11
      WHERE id = $1 AND version = $2 AND status <> 'cancelled' RETURNING id`,
    [v.id, v.version, v.after.status, v.after.usedOn, v.after.qualification, v.after.mode, v.after.interpreterName, v.after.registerNumber, v.after.cancelReason, v.now, v.by],
  );
  if (updated.length === 0) return false;
  const b = v.before;
  await rows(
    tx,
    `INSERT INTO interpreter_use_history (municipality_id, interpreter_use_id, version, status, used_on, qualification, mode, interpreter_name, register_number,
                                          cancel_reason, new_status, changed_at, changed_by)
     VALUES ($1, $2, $3, $4, $5::date, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [v.municipalityId, v.id, v.version, b.status, b.usedOn, b.qualification, b.mode, b.interpreterName, b.registerNumber, b.cancelReason, v.after.status, v.now, v.by],
  );
  return true;
}

export type InterpreterHistoryRow = {
  interpreter_use_id: string;
  version: number;
  status: string;
  used_on: string;
  qualification: string;
  mode: string;
  interpreter_name: string | null;
  register_number: string | null;
  cancel_reason: string | null;
  changed_at: Date | string;
  changer: string | null;
};

/** The earlier states of the given records, oldest first per record. */
export async function interpreterHistoryOf(tx: Db, ids: readonly string[]): Promise<InterpreterHistoryRow[]> {
  if (ids.length === 0) return [];
  return rows<InterpreterHistoryRow>(
    tx,
    `SELECT h.interpreter_use_id, h.version, h.status, to_char(h.used_on, 'YYYY-MM-DD') AS used_on, h.qualification, h.mode, h.interpreter_name,
            h.register_number, h.cancel_reason, h.changed_at, u.name AS changer
       FROM interpreter_use_history h LEFT JOIN users u ON u.id = h.changed_by
      WHERE h.interpreter_use_id = ANY($1::uuid[]) ORDER BY h.interpreter_use_id, h.version`,
    [pgArray(ids)],
  );
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
