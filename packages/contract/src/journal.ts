import { z } from 'zod';
import type { DataCategory as DataCategoryName } from '@eidor/domain';
import { IsoDateTime, Uuid, Version } from './common.ts';
import { CalendarDate } from './people.ts';
import { IdParams } from './platform.ts';

// Issue 7 §§ 5–7: journal notes, interpreter use and documents of one person.

/** The category of a note, interpreter record or document; its visibility follows the category. */
export const JOURNAL_CATEGORIES = ['general', 'settlement', 'programme', 'health', 'child_welfare', 'economy'] as const;
export type JournalCategoryName = (typeof JOURNAL_CATEGORIES)[number];
export const JournalCategory = z.enum(JOURNAL_CATEGORIES);

/** The data category of the access policy that decides who reads and writes a journal category. */
export const JOURNAL_DATA_CATEGORY: Record<JournalCategoryName, DataCategoryName> = {
  general: 'identity',
  settlement: 'settlement',
  programme: 'programme',
  health: 'health',
  child_welfare: 'child_welfare',
  economy: 'economy',
};

export const JOURNAL_LIMITS = {
  noteMax: 20_000,
  reasonMax: 500,
  interpreterNameMax: 200,
  registerNumberMax: 20,
  topicMax: 200,
  fileNameMax: 200,
  /** A document may have at most this many bytes; larger uploads are stopped while they arrive. */
  documentMaxBytes: 25 * 1024 * 1024,
} as const;

const Text = (max: number) => z.string().trim().min(1, { message: 'must not be empty' }).max(max, { message: `must be at most ${max} characters` });
const InterpreterName = z.string().trim().max(JOURNAL_LIMITS.interpreterNameMax, { message: `must be at most ${JOURNAL_LIMITS.interpreterNameMax} characters` });
const RegisterNumber = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{1,20}$/, { message: 'must be the register number: digits and letters, at most 20' });

// ---------- notes ----------

export const CreateNoteRequest = z
  .object({
    category: JournalCategory,
    text: Text(JOURNAL_LIMITS.noteMax),
    /** Set when the note records a meeting or conversation with the person (then an interpreter may be due). */
    meetingDate: CalendarDate.nullable().default(null),
  })
  .strict();

export const CorrectNoteRequest = z
  .object({
    text: Text(JOURNAL_LIMITS.noteMax),
    reason: Text(JOURNAL_LIMITS.reasonMax),
    /** The version the correction was written against; a newer one answers 409. */
    version: Version,
  })
  .strict();

export const NoteVersionView = z.object({
  version: Version,
  text: z.string(),
  reason: z.string().nullable(),
  writtenAt: IsoDateTime,
  writtenBy: z.string().nullable(),
});

export const NoteView = z.object({
  id: Uuid,
  category: JournalCategory,
  meetingDate: z.string().nullable(),
  createdAt: IsoDateTime,
  createdBy: z.string().nullable(),
  /** The current text is versions[0]; older versions follow, newest first. */
  versions: z.array(NoteVersionView),
  canCorrect: z.boolean(),
});

// ---------- interpreters ----------

/**
 * The national interpreter register (Nasjonalt tolkeregister, IMDi): categories 1–5, best first —
 * 1: state authorisation and interpreting education; 2: state authorisation (or education and the
 * bilingual test); 3: interpreting education (at least 30 credits); 4: the bilingual test and the
 * TAO course; 5: the TAO course only. Anyone else is "not in the register".
 */
export const INTERPRETER_QUALIFICATIONS = ['category_1', 'category_2', 'category_3', 'category_4', 'category_5', 'not_registered'] as const;
export const InterpreterQualification = z.enum(INTERPRETER_QUALIFICATIONS);
/** Booked → used or cancelled; used and cancelled are final. */
export const INTERPRETER_STATUSES = ['booked', 'used', 'cancelled'] as const;
export type InterpreterStatusName = (typeof INTERPRETER_STATUSES)[number];
export const InterpreterStatus = z.enum(INTERPRETER_STATUSES);
/** A new record is booked or used; only a booking can be cancelled, by changing it. */
export const INTERPRETER_CREATE_STATUSES = ['booked', 'used'] as const;
export const INTERPRETER_MODES = ['on_site', 'remote'] as const;
export const InterpreterMode = z.enum(INTERPRETER_MODES);

export const CreateInterpreterUseRequest = z
  .object({
    date: CalendarDate,
    category: JournalCategory,
    /** What the meeting or conversation was (no personal details needed). */
    topic: Text(JOURNAL_LIMITS.topicMax),
    language: z.string().trim().regex(/^[a-z]{2,3}$/, { message: 'must be an ISO 639 code, e.g. ar' }),
    qualification: InterpreterQualification,
    status: z.enum(INTERPRETER_CREATE_STATUSES),
    mode: InterpreterMode,
    interpreterName: InterpreterName.nullable().default(null),
    registerNumber: RegisterNumber.nullable().default(null),
    noteId: Uuid.nullable().default(null),
  })
  .strict()
  // A booking may be made before the interpreter is known; a use must name them.
  .refine((v) => v.status !== 'used' || (v.interpreterName && v.interpreterName.length > 0) || v.registerNumber, {
    message: "give the interpreter's name or register number",
    path: ['interpreterName'],
  });

/**
 * Changes an interpreter record: only the fields sent change. Booked → used (the interpreter named by
 * name or register number) or cancelled (with a reason); used and cancelled are final, and a cancelled
 * record is not changed any more. Sent with the version read; a newer one answers 409.
 */
export const UpdateInterpreterUseRequest = z
  .object({
    version: Version,
    status: InterpreterStatus.optional(),
    date: CalendarDate.optional(),
    qualification: InterpreterQualification.optional(),
    mode: InterpreterMode.optional(),
    interpreterName: InterpreterName.nullable().optional(),
    registerNumber: RegisterNumber.nullable().optional(),
    /** Required when cancelling, and only then. */
    cancelReason: Text(JOURNAL_LIMITS.reasonMax).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.status === 'cancelled' && v.cancelReason === undefined) ctx.addIssue({ code: 'custom', path: ['cancelReason'], message: 'give the reason the booking was cancelled' });
    if (v.status !== 'cancelled' && v.cancelReason !== undefined) ctx.addIssue({ code: 'custom', path: ['cancelReason'], message: 'is given only when cancelling a booking' });
  });

/** One change of an interpreter record: the fields that changed, from and to. */
export const InterpreterChangeView = z.object({
  /** The version the change produced. */
  version: Version,
  changedAt: IsoDateTime,
  changedBy: z.string().nullable(),
  changes: z.array(
    z.object({
      field: z.enum(['status', 'date', 'qualification', 'mode', 'interpreterName', 'registerNumber', 'cancelReason']),
      from: z.string().nullable(),
      to: z.string().nullable(),
    }),
  ),
});

export const InterpreterUseView = z.object({
  id: Uuid,
  date: z.string(),
  category: JournalCategory,
  topic: z.string(),
  language: z.string(),
  qualification: InterpreterQualification,
  status: InterpreterStatus,
  mode: InterpreterMode,
  interpreterName: z.string().nullable(),
  registerNumber: z.string().nullable(),
  noteId: Uuid.nullable(),
  createdAt: IsoDateTime,
  createdBy: z.string().nullable(),
  /** Set when the booking was cancelled. */
  cancelReason: z.string().nullable(),
  version: Version,
  updatedAt: IsoDateTime.nullable(),
  updatedBy: z.string().nullable(),
  /** Every change, newest first (empty for a record never changed). */
  history: z.array(InterpreterChangeView),
  /** The actor may change it: they may write its category and it is not cancelled. */
  canChange: z.boolean(),
});

// ---------- documents ----------

export const DOCUMENT_TYPES = ['pdf', 'png', 'jpeg', 'docx', 'xlsx'] as const;
export const DocumentType = z.enum(DOCUMENT_TYPES);

/** The content types an upload may be sent as; the server decides the type from the bytes, not from these. */
export const DOCUMENT_UPLOAD_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
] as const;

/** The category travels in the query; the file name in the `x-file-name` header (percent-encoded), never in the URL. */
export const UploadDocumentQuery = z.object({ category: JournalCategory }).strict();

export const DocumentView = z.object({
  id: Uuid,
  category: JournalCategory,
  fileName: z.string(),
  type: DocumentType,
  sizeBytes: z.number().int().nonnegative(),
  uploadedAt: IsoDateTime,
  uploadedBy: z.string().nullable(),
});

// ---------- the journal page ----------

export const CategoryRights = z.object({ read: z.array(JournalCategory), write: z.array(JournalCategory) });

export const JournalView = z.object({
  personId: Uuid,
  can: CategoryRights,
  notes: z.array(NoteView),
  interpreters: z.array(InterpreterUseView),
  documents: z.array(DocumentView),
  interpreterNeed: z.object({
    needed: z.boolean(),
    language: z.string().nullable(),
    /** Meetings recorded in notes the actor may read, with no interpreter use on that date, while one is needed. */
    meetingsWithoutInterpreter: z.array(z.object({ noteId: Uuid, date: z.string() })),
  }),
});

export const NoteIdParams = IdParams;

export const journalEndpoints = {
  personJournal: { method: 'GET', path: '/api/journal/persons/:id', summary: "A person's journal: the notes, interpreter use and documents in the categories the actor may read (audited)", params: IdParams, status: 200, response: JournalView },
  createNote: { method: 'POST', path: '/api/journal/persons/:id/notes', summary: 'Write a journal note in a category the actor may write (audited)', params: IdParams, body: CreateNoteRequest, status: 201, response: NoteView },
  correctNote: { method: 'POST', path: '/api/journal/notes/:id/versions', summary: 'Correct a note: a new version; the old ones are kept (audited)', params: IdParams, body: CorrectNoteRequest, status: 201, response: NoteView },
  createInterpreterUse: { method: 'POST', path: '/api/journal/persons/:id/interpreters', summary: 'Record interpreter use (booked or used) for a meeting (audited)', params: IdParams, body: CreateInterpreterUseRequest, status: 201, response: InterpreterUseView },
  updateInterpreterUse: { method: 'PATCH', path: '/api/journal/interpreters/:id', summary: 'Change an interpreter record: booked → used or cancelled, the interpreter, qualification, mode or date, with the version read (audited; the earlier state kept)', params: IdParams, body: UpdateInterpreterUseRequest, status: 200, response: InterpreterUseView },
  uploadDocument: { method: 'POST', path: '/api/journal/persons/:id/documents', summary: 'Upload a document (the file as the body; PDF, PNG, JPEG, DOCX or XLSX by content; at most 25 MB)', params: IdParams, query: UploadDocumentQuery, status: 201, response: DocumentView, bodyLimit: JOURNAL_LIMITS.documentMaxBytes, upload: DOCUMENT_UPLOAD_TYPES },
  downloadDocument: { method: 'GET', path: '/api/journal/documents/:id/content', summary: 'Download a document by its id (audited)', params: IdParams, status: 200 },
} as const;
