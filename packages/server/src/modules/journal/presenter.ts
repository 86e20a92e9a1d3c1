import type { z } from 'zod';
import type { DocumentView, InterpreterChangeView, InterpreterUseView, NoteView } from '@eidor/contract';
import type { DocumentRow, InterpreterHistoryRow, InterpreterRow, NoteRow, NoteVersionRow } from './queries.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

export function presentNote(n: NoteRow, versions: NoteVersionRow[], canCorrect: boolean): z.output<typeof NoteView> {
  return {
    id: n.id,
    category: n.category,
    meetingDate: n.meeting_date,
    createdAt: iso(n.created_at),
    createdBy: n.author,
    versions: versions.map((v) => ({ version: Number(v.version), text: v.body, reason: v.reason, writtenAt: iso(v.written_at), writtenBy: v.writer })),
    canCorrect,
  };
}

type Change = z.output<typeof InterpreterChangeView>;
type ChangeField = Change['changes'][number]['field'];
type State = Record<ChangeField, string | null>;

const stateOf = (x: InterpreterRow | InterpreterHistoryRow): State => ({
  status: x.status,
  date: x.used_on,
  qualification: x.qualification,
  mode: x.mode,
  interpreterName: x.interpreter_name,
  registerNumber: x.register_number,
  cancelReason: x.cancel_reason,
});

/**
 * The changes of one record, newest first: each history row is the state a change replaced (with when and
 * by whom it was changed); the state after it is the next history row, or the record itself for the last.
 */
export function interpreterChanges(current: InterpreterRow, history: readonly InterpreterHistoryRow[]): Change[] {
  const sorted = [...history].sort((a, b) => Number(a.version) - Number(b.version));
  return sorted
    .map((h, k) => {
      const from = stateOf(h);
      const to = stateOf(sorted[k + 1] ?? current);
      const changes = (Object.keys(from) as ChangeField[]).filter((f) => from[f] !== to[f]).map((field) => ({ field, from: from[field], to: to[field] }));
      return { version: Number(h.version) + 1, changedAt: iso(h.changed_at), changedBy: h.changer, changes };
    })
    .reverse();
}

export function presentInterpreter(i: InterpreterRow, history: readonly InterpreterHistoryRow[], canWrite: boolean): z.output<typeof InterpreterUseView> {
  return {
    id: i.id,
    date: i.used_on,
    category: i.category,
    topic: i.topic,
    language: i.language,
    qualification: i.qualification as z.output<typeof InterpreterUseView>['qualification'],
    status: i.status as z.output<typeof InterpreterUseView>['status'],
    mode: i.mode as 'on_site' | 'remote',
    interpreterName: i.interpreter_name,
    registerNumber: i.register_number,
    noteId: i.note_id,
    createdAt: iso(i.created_at),
    createdBy: i.author,
    cancelReason: i.cancel_reason,
    version: Number(i.version),
    updatedAt: i.updated_at ? iso(i.updated_at) : null,
    updatedBy: i.updater,
    history: interpreterChanges(i, history),
    canChange: canWrite && i.status !== 'cancelled',
  };
}

export function presentDocument(d: DocumentRow): z.output<typeof DocumentView> {
  return {
    id: d.id,
    category: d.category,
    fileName: d.file_name,
    type: d.doc_type,
    sizeBytes: Number(d.size_bytes),
    uploadedAt: iso(d.uploaded_at),
    uploadedBy: d.author,
  };
}
