import type { FastifyInstance } from 'fastify';
import { JOURNAL_DATA_CATEGORY } from '@eidor/contract';
import { canAccessPerson, osloDate } from '@eidor/domain';
import { withTenant, type Ctx, type Deps } from '../../platform/context.ts';
import { AppError, notFound, versionConflict } from '../../platform/errors.ts';
import { route } from '../../platform/http.ts';
import { loadReachablePerson } from '../persons/public.ts';
import { dataCategoriesOf, journalRights, requireWrite } from './access.ts';
import { contentDisposition, readDocument, uploadDocument } from './documents.ts';
import { presentDocument, presentInterpreter, presentNote } from './presenter.ts';
import {
  documentsOf,
  findInterpreterUse,
  findNote,
  insertInterpreterUse,
  interpreterHistoryOf,
  insertNote,
  insertVersion,
  interpreterDatesOf,
  interpretersOf,
  latestVersion,
  notesOf,
  updateInterpreterUse,
  versionsOf,
  type InterpreterHistoryRow,
  type InterpreterRow,
  type InterpreterState,
} from './queries.ts';
import { documentStore, type ObjectStore } from './storage.ts';

/** One note with all its versions, as the actor sees it. */
async function noteView(ctx: Ctx, noteId: string, canCorrect: boolean) {
  const note = (await findNote(ctx.tx, noteId))!;
  return presentNote(note, await versionsOf(ctx.tx, [noteId]), canCorrect);
}

/** A note the actor may read (else 404: existence is not revealed), with the person's relationships. */
async function loadReadableNote(ctx: Ctx, noteId: string) {
  const note = await findNote(ctx.tx, noteId);
  if (!note) throw notFound();
  const { person, relationships } = await loadReachablePerson(ctx, note.person_id);
  if (!canAccessPerson(ctx.actor, 'read', JOURNAL_DATA_CATEGORY[note.category], relationships).allowed) throw notFound();
  return { note, person, relationships };
}

/** Interpreter records with their history, as the actor sees them. */
async function interpreterViews(ctx: Ctx, uses: InterpreterRow[], writable: readonly string[]) {
  const history = await interpreterHistoryOf(ctx.tx, uses.map((i) => i.id));
  const byUse = new Map<string, InterpreterHistoryRow[]>();
  for (const h of history) byUse.set(h.interpreter_use_id, [...(byUse.get(h.interpreter_use_id) ?? []), h]);
  return uses.map((i) => presentInterpreter(i, byUse.get(i.id) ?? [], writable.includes(i.category)));
}

const stateOf = (i: InterpreterRow): InterpreterState => ({
  status: i.status,
  usedOn: i.used_on,
  qualification: i.qualification,
  mode: i.mode,
  interpreterName: i.interpreter_name,
  registerNumber: i.register_number,
  cancelReason: i.cancel_reason,
});

export function registerJournal(app: FastifyInstance, deps: Deps, store: ObjectStore = documentStore(deps.config)): void {
  const o = { secure: deps.config.env === 'production' };

  route(app, 'personJournal', o, async ({ req, params }) =>
    withTenant(deps, req, async (ctx) => {
      const { person, relationships } = await loadReachablePerson(ctx, params.id);
      const rights = journalRights(ctx, relationships);
      const notes = await notesOf(ctx.tx, params.id, rights.read);
      const versions = await versionsOf(ctx.tx, notes.map((n) => n.id));
      const byNote = new Map<string, typeof versions>();
      for (const v of versions) byNote.set(v.note_id, [...(byNote.get(v.note_id) ?? []), v]);
      const interpreters = await interpretersOf(ctx.tx, params.id, rights.read);
      const documents = await documentsOf(ctx.tx, params.id, rights.read);
      // Meetings recorded in readable notes with no interpreter on that date (or linked), while the person needs one.
      const used = await interpreterDatesOf(ctx.tx, params.id);
      const missing = person.interpreterNeeded
        ? notes.filter((n) => n.meeting_date && !used.dates.has(n.meeting_date) && !used.noteIds.has(n.id)).map((n) => ({ noteId: n.id, date: n.meeting_date! }))
        : [];
      // One audit row per opening, naming the categories actually shown (identity for the person's interpreter need).
      const shown = new Set(dataCategoriesOf([...notes, ...interpreters, ...documents].map((x) => x.category)));
      shown.add('identity');
      await ctx.audit({
        action: 'journal.read',
        subjectType: 'person',
        subjectId: params.id,
        categories: [...shown],
        via: canAccessPerson(ctx.actor, 'read', 'identity', relationships).via,
      });
      return {
        personId: params.id,
        can: rights,
        notes: notes.map((n) => presentNote(n, byNote.get(n.id) ?? [], rights.write.includes(n.category))),
        interpreters: await interpreterViews(ctx, interpreters, rights.write),
        documents: documents.map(presentDocument),
        interpreterNeed: { needed: person.interpreterNeeded, language: person.interpreterLanguage, meetingsWithoutInterpreter: missing },
      };
    }),
  );

  route(app, 'createNote', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      const { relationships } = await loadReachablePerson(ctx, params.id);
      const decision = requireWrite(ctx, relationships, body.category);
      const id = await insertNote(ctx.tx, {
        municipalityId: ctx.actor.municipalityId,
        personId: params.id,
        category: body.category,
        meetingDate: body.meetingDate,
        text: body.text,
        now: ctx.now,
        by: ctx.actor.userId,
      });
      await ctx.audit({ action: 'journal.note.create', subjectType: 'person', subjectId: params.id, categories: [JOURNAL_DATA_CATEGORY[body.category]], via: decision.via });
      return noteView(ctx, id, true);
    }),
  );

  route(app, 'correctNote', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      const { note, relationships } = await loadReadableNote(ctx, params.id);
      const decision = requireWrite(ctx, relationships, note.category, 'text');
      if ((await latestVersion(ctx.tx, note.id)) !== body.version) throw versionConflict();
      const added = await insertVersion(ctx.tx, {
        municipalityId: ctx.actor.municipalityId,
        noteId: note.id,
        version: body.version + 1,
        text: body.text,
        reason: body.reason,
        now: ctx.now,
        by: ctx.actor.userId,
      });
      if (!added) throw versionConflict();
      await ctx.audit({ action: 'journal.note.correct', subjectType: 'person', subjectId: note.person_id, categories: [JOURNAL_DATA_CATEGORY[note.category]], via: decision.via });
      return noteView(ctx, note.id, true);
    }),
  );

  route(app, 'createInterpreterUse', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      const { relationships } = await loadReachablePerson(ctx, params.id);
      const decision = requireWrite(ctx, relationships, body.category);
      if (body.noteId) {
        // The linked note must be this person's and readable; otherwise it is as if it did not exist.
        const note = await findNote(ctx.tx, body.noteId);
        if (!note || note.person_id !== params.id || !canAccessPerson(ctx.actor, 'read', JOURNAL_DATA_CATEGORY[note.category], relationships).allowed) {
          throw new AppError('VALIDATION', 'The note to link was not found for this person', { fields: [{ path: 'noteId', message: 'is not a note of this person that you can read' }] });
        }
      }
      const row = await insertInterpreterUse(ctx.tx, {
        municipalityId: ctx.actor.municipalityId,
        personId: params.id,
        noteId: body.noteId,
        date: body.date,
        category: body.category,
        topic: body.topic,
        language: body.language,
        qualification: body.qualification,
        status: body.status,
        mode: body.mode,
        interpreterName: body.interpreterName || null,
        registerNumber: body.registerNumber || null,
        now: ctx.now,
        by: ctx.actor.userId,
      });
      await ctx.audit({ action: 'journal.interpreter.create', subjectType: 'person', subjectId: params.id, categories: [JOURNAL_DATA_CATEGORY[body.category]], via: decision.via });
      return presentInterpreter(row, [], true);
    }),
  );

  route(app, 'updateInterpreterUse', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      // A record the actor cannot read is as if it did not exist (404); one they may read but not write is 403.
      const use = await findInterpreterUse(ctx.tx, params.id);
      if (!use) throw notFound();
      const { relationships } = await loadReachablePerson(ctx, use.person_id);
      if (!canAccessPerson(ctx.actor, 'read', JOURNAL_DATA_CATEGORY[use.category], relationships).allowed) throw notFound();
      const decision = requireWrite(ctx, relationships, use.category);
      if (Number(use.version) !== body.version) throw versionConflict();

      const before = stateOf(use);
      const status = body.status ?? before.status;
      const pick = (v: string | null | undefined, old: string | null) => (v === undefined ? old : v || null);
      const after: InterpreterState = {
        status,
        usedOn: body.date ?? before.usedOn,
        qualification: body.qualification ?? before.qualification,
        mode: body.mode ?? before.mode,
        interpreterName: pick(body.interpreterName, before.interpreterName),
        registerNumber: pick(body.registerNumber, before.registerNumber),
        cancelReason: status === 'cancelled' ? (body.cancelReason ?? null) : null,
      };
      const fields: { path: string; message: string }[] = [];
      if (before.status === 'cancelled') fields.push({ path: 'status', message: 'the booking was cancelled; a cancelled record is final and cannot be changed' });
      else if (before.status === 'used' && status !== 'used') fields.push({ path: 'status', message: `the interpreter was used; a use is final and cannot become ${status}` });
      if (status === 'used' && !after.interpreterName && !after.registerNumber) {
        fields.push({ path: 'interpreterName', message: "give the interpreter's name or register number" });
      }
      if (status === 'used' && before.status !== 'used' && after.usedOn > osloDate(ctx.now)) fields.push({ path: 'date', message: 'an interpreter cannot have been used on a date after today' });
      if (fields.length > 0) throw new AppError('VALIDATION', 'The interpreter record cannot be changed so', { fields });

      const changed = (Object.keys(after) as (keyof InterpreterState)[]).some((k) => after[k] !== before[k]);
      if (changed) {
        const ok = await updateInterpreterUse(ctx.tx, { municipalityId: ctx.actor.municipalityId, id: use.id, version: body.version, before, after, now: ctx.now, by: ctx.actor.userId });
        if (!ok) throw versionConflict();
      }
      await ctx.audit({ action: 'journal.interpreter.update', subjectType: 'person', subjectId: use.person_id, categories: [JOURNAL_DATA_CATEGORY[use.category]], via: decision.via });
      const [view] = await interpreterViews(ctx, [(await findInterpreterUse(ctx.tx, use.id))!], [use.category]);
      return view!;
    }),
  );

  route(app, 'uploadDocument', o, async ({ req, params, query }) => uploadDocument(deps, store, req, params.id, query.category));

  route(app, 'downloadDocument', o, async ({ req, reply, params }) => {
    // Sent only after the audit row has committed: no bytes leave without their log row.
    const doc = await readDocument(deps, store, req, params.id);
    reply
      .code(200)
      .header('content-type', doc.mediaType)
      .header('content-disposition', contentDisposition(doc.fileName))
      .header('x-content-type-options', 'nosniff')
      .send(doc.bytes);
  });
}
