import type { z } from 'zod';
import type { DocumentView, InterpreterUseView, NoteView } from '@eidor/contract';
import type { DocumentRow, InterpreterRow, NoteRow, NoteVersionRow } from './queries.ts';

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

export function presentInterpreter(i: InterpreterRow): z.output<typeof InterpreterUseView> {
  return {
    id: i.id,
    date: i.used_on,
    category: i.category,
    topic: i.topic,
    language: i.language,
    qualification: i.qualification as z.output<typeof InterpreterUseView>['qualification'],
    status: i.status as 'booked' | 'used',
    mode: i.mode as 'on_site' | 'remote',
    interpreterName: i.interpreter_name,
    registerNumber: i.register_number,
    noteId: i.note_id,
    createdAt: iso(i.created_at),
    createdBy: i.author,
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
