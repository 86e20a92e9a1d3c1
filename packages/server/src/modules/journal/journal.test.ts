import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, signedIn, snapshot, type Agent, type World } from '../../test/harness.ts';

let w: World;
let docsDir: string;
let advisor: Agent;
let health: Agent;
let nav: Agent;
let childWelfare: Agent;
let leader: Agent;

const person = (over: Record<string, unknown> = {}) => ({
  givenName: 'Amina',
  familyName: 'Haddad',
  birthDate: '1990-05-01',
  sex: 'female',
  originCountry: 'SYR',
  languages: ['ar'],
  interpreterNeeded: true,
  interpreterLanguage: 'ar',
  ...over,
});

async function register(over: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
  const res = await advisor.post('/api/persons', { person: person(over), household: { mode: 'none' } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const journal = (agent: Agent, id: string) => agent.get(`/api/journal/persons/${id}`);
const note = (agent: Agent, id: string, body: Record<string, unknown>) => agent.post(`/api/journal/persons/${id}/notes`, body);
const auditRows = (personId: string, action: string) =>
  w.database.query<{ action: string; categories: string[]; role: string | null }>(
    'SELECT action, categories, role FROM audit_log WHERE subject_type = $1 AND subject_id = $2 AND action = $3 ORDER BY id',
    ['person', personId, action],
  );

function upload(agent: Agent, personId: string, body: Buffer, opts: { category?: string; type?: string; name?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': opts.type ?? 'application/octet-stream' };
  if (opts.name) headers['x-file-name'] = encodeURIComponent(opts.name);
  return agent.request('POST', `/api/journal/persons/${personId}/documents?category=${opts.category ?? 'general'}`, body, headers);
}

/** A zip archive with stored (uncompressed) entries: enough to be a real DOCX or a plain zip. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const n = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    locals.push(local, n, data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, n);
    offset += 30 + n.length + data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(200)]);
const MZ = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300)]);
const DOCX = zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });

const storedFiles = async () => (await readdir(path.join(docsDir, 'objects')).catch(() => [] as string[])).length;
const stagingFiles = async () => (await readdir(path.join(docsDir, 'staging')).catch(() => [] as string[])).length;

beforeAll(async () => {
  docsDir = await mkdtemp(path.join(tmpdir(), 'eidor-docs-'));
  w = await createWorld({ EIDOR_DOCUMENTS_DIR: docsDir });
  advisor = await signedIn(w.app, 'advisor@a.test');
  health = await signedIn(w.app, 'health@a.test');
  nav = await signedIn(w.app, 'nav@a.test');
  childWelfare = await signedIn(w.app, 'childwelfare@a.test');
  leader = await signedIn(w.app, 'leader@a.test');
});
afterAll(async () => {
  await w?.close();
  if (docsDir) await rm(docsDir, { recursive: true, force: true });
});

describe('journal notes', () => {
  it('visibility follows the category: advisor, health worker, NAV partner (by team), child welfare', async () => {
    const p = await register();
    expect((await note(advisor, p.id, { category: 'general', text: 'Første samtale gjennomført.' })).statusCode).toBe(201);
    expect((await note(advisor, p.id, { category: 'economy', text: 'Søkt om startlån.' })).statusCode).toBe(201);
    const h = await note(health, p.id, { category: 'health', text: 'Henvist til fastlege for oppfølging.' });
    expect(h.statusCode, h.body).toBe(201);
    expect(h.json().versions[0]).toMatchObject({ version: 0, text: 'Henvist til fastlege for oppfølging.', reason: null, writtenBy: 'Helene Helse' });

    const byAdvisor = (await journal(advisor, p.id)).json();
    expect(byAdvisor.notes.map((n: { category: string }) => n.category).sort()).toEqual(['economy', 'general']);
    expect(byAdvisor.can.write).toEqual(['general', 'settlement', 'programme', 'economy']);
    const byHealth = (await journal(health, p.id)).json();
    expect(byHealth.notes.map((n: { category: string }) => n.category).sort()).toEqual(['general', 'health']);
    expect(byHealth.can.write).toEqual(['health']);

    // A partner unit sees nothing until it is on the person's team, then only its categories.
    expect((await journal(nav, p.id)).statusCode).toBe(404);
    expect((await note(nav, p.id, { category: 'economy', text: 'x' })).statusCode).toBe(404);
    const team = await advisor.put(`/api/persons/${p.id}/team`, { unitIds: [w.a.unitIds.nav!, w.a.unitIds.childwelfare!], version: p.version });
    expect(team.statusCode, team.body).toBe(200);
    const byNav = (await journal(nav, p.id)).json();
    expect(byNav.notes.map((n: { category: string }) => n.category).sort()).toEqual(['economy', 'general']);
    expect(byNav.notes.find((n: { category: string }) => n.category === 'general').canCorrect).toBe(false);
    expect((await note(nav, p.id, { category: 'economy', text: 'Avtale om økonomisk rådgivning.' })).statusCode).toBe(201);
    expect((await note(childWelfare, p.id, { category: 'child_welfare', text: 'Bekymringsmelding vurdert.' })).statusCode).toBe(201);
    expect((await journal(childWelfare, p.id)).json().notes.map((n: { category: string }) => n.category).sort()).toEqual(['child_welfare', 'general']);
    // Nobody else sees the child-welfare note: not the advisor, not the health worker, not the leader.
    for (const a of [advisor, health, nav, leader]) {
      expect((await journal(a, p.id)).json().notes.some((n: { category: string }) => n.category === 'child_welfare')).toBe(false);
    }
    // Another municipality: the person does not exist.
    const other = await signedIn(w.app, 'advisor@b.test');
    expect((await journal(other, p.id)).statusCode).toBe(404);
  });

  it('a note in a category the author may not write is refused with the reason and nothing is stored', async () => {
    const p = await register();
    const before = await snapshot(w.database, 'journal_notes');
    const res = await note(advisor, p.id, { category: 'health', text: 'Diagnose …' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.fields[0].path).toBe('category');
    expect(res.json().error.fields[0].message).toMatch(/may not write health/);
    expect((await note(health, p.id, { category: 'economy', text: 'x' })).statusCode).toBe(403);
    expect((await note(leader, p.id, { category: 'general', text: 'x' })).statusCode).toBe(403);
    const bad = await note(advisor, p.id, { category: 'gossip', text: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['category', 'text']);
    expect(await snapshot(w.database, 'journal_notes')).toEqual(before);
  });

  it('a correction is a new version that keeps the old text; a stale version answers 409', async () => {
    const p = await register();
    const created = (await note(advisor, p.id, { category: 'programme', text: 'Starter i norskopplæring 1. mars.' })).json();
    const fixed = await advisor.post(`/api/journal/notes/${created.id}/versions`, { text: 'Starter i norskopplæring 1. april.', reason: 'Feil dato', version: 0 });
    expect(fixed.statusCode, fixed.body).toBe(201);
    expect(fixed.json().versions.map((v: { version: number; text: string; reason: string | null }) => [v.version, v.text, v.reason])).toEqual([
      [1, 'Starter i norskopplæring 1. april.', 'Feil dato'],
      [0, 'Starter i norskopplæring 1. mars.', null],
    ]);
    const stale = await advisor.post(`/api/journal/notes/${created.id}/versions`, { text: 'Noe annet', reason: 'x', version: 0 });
    expect(stale.statusCode).toBe(409);
    expect((await advisor.post(`/api/journal/notes/${created.id}/versions`, { text: 'Noe annet', version: 1 })).json().error.fields[0].path).toBe('reason');
    // Someone who may read but not write the category cannot correct it; someone who cannot read it gets 404.
    expect((await leader.post(`/api/journal/notes/${created.id}/versions`, { text: 'x', reason: 'y', version: 1 })).statusCode).toBe(403);
    expect((await health.post(`/api/journal/notes/${created.id}/versions`, { text: 'x', reason: 'y', version: 1 })).statusCode).toBe(404);
    const page = (await journal(advisor, p.id)).json();
    expect(page.notes[0].versions).toHaveLength(2);
  });

  it('notes cannot be changed or removed, even by the application role in SQL', async () => {
    const p = await register();
    await note(advisor, p.id, { category: 'general', text: 'Kan ikke slettes.' });
    const grants = await w.database.query<{ table_name: string; privilege_type: string }>(
      "SELECT table_name, privilege_type FROM information_schema.role_table_grants WHERE grantee = 'eidor_app' AND table_name IN ('journal_notes','journal_note_versions','interpreter_uses','journal_documents')",
    );
    expect(grants.filter((g) => g.privilege_type === 'UPDATE' || g.privilege_type === 'DELETE')).toEqual([]);
    // An interpreter record changes only in its changeable columns; its history is insert-only.
    const columns = await w.database.query<{ table_name: string; column_name: string; privilege_type: string }>(
      "SELECT table_name, column_name, privilege_type FROM information_schema.column_privileges WHERE grantee = 'eidor_app' AND table_name IN ('journal_notes','journal_note_versions','interpreter_uses','interpreter_use_history','journal_documents') AND privilege_type IN ('UPDATE','DELETE')",
    );
    expect(columns.every((c) => c.table_name === 'interpreter_uses' && c.privilege_type === 'UPDATE')).toBe(true);
    expect(columns.map((c) => c.column_name).sort()).toEqual(['cancel_reason', 'interpreter_name', 'mode', 'qualification', 'register_number', 'status', 'updated_at', 'updated_by', 'used_on', 'version']);
    const history = await w.database.query<{ privilege_type: string }>("SELECT privilege_type FROM information_schema.role_table_grants WHERE grantee = 'eidor_app' AND table_name = 'interpreter_use_history'");
    expect(history.map((g) => g.privilege_type).sort()).toEqual(['INSERT', 'SELECT']);
  });

  it('every read of the journal is one audit row with the categories shown; writes are audited too', async () => {
    const p = await register();
    await note(advisor, p.id, { category: 'general', text: 'Samtale.' });
    await note(health, p.id, { category: 'health', text: 'Helsekartlegging gjennomført.' });
    await journal(health, p.id);
    await journal(advisor, p.id);
    const reads = await auditRows(p.id, 'journal.read');
    expect(reads).toHaveLength(2);
    expect(reads[0]!.categories.sort()).toEqual(['health', 'identity']);
    expect(reads[0]!.role).toBe('health_worker');
    expect(reads[1]!.categories).toEqual(['identity']);
    expect((await auditRows(p.id, 'journal.note.create')).map((r) => r.categories)).toEqual([['identity'], ['health']]);
    // The person's "who has looked" list shows the journal reads.
    const log = (await advisor.get(`/api/persons/${p.id}/access-log`)).json().items;
    expect(log.filter((i: { action: string }) => i.action === 'journal.read')).toHaveLength(2);
  });
});

describe('interpreters', () => {
  it('records interpreter use per meeting and shows meetings without an interpreter when one is needed', async () => {
    const p = await register();
    const meeting = (await note(advisor, p.id, { category: 'programme', text: 'Kartleggingssamtale.', meetingDate: '2026-11-02' })).json();
    await note(advisor, p.id, { category: 'programme', text: 'Oppfølgingssamtale.', meetingDate: '2026-11-09' });
    let page = (await journal(advisor, p.id)).json();
    expect(page.interpreterNeed).toMatchObject({ needed: true, language: 'ar' });
    expect(page.interpreterNeed.meetingsWithoutInterpreter.map((m: { date: string }) => m.date).sort()).toEqual(['2026-11-02', '2026-11-09']);

    const used = await advisor.post(`/api/journal/persons/${p.id}/interpreters`, {
      date: '2026-11-02',
      category: 'programme',
      topic: 'Kartleggingssamtale',
      language: 'ar',
      qualification: 'category_2',
      status: 'used',
      mode: 'remote',
      registerNumber: '12345',
      noteId: meeting.id,
    });
    expect(used.statusCode, used.body).toBe(201);
    expect(used.json()).toMatchObject({ qualification: 'category_2', status: 'used', mode: 'remote', registerNumber: '12345', interpreterName: null, noteId: meeting.id, createdBy: 'Ingrid Rådgiver' });
    const booked = await advisor.post(`/api/journal/persons/${p.id}/interpreters`, { date: '2026-11-09', category: 'general', topic: 'Oppfølging', language: 'ar', qualification: 'not_registered', status: 'booked', mode: 'on_site', interpreterName: 'Samir K.' });
    expect(booked.statusCode, booked.body).toBe(201);
    page = (await journal(advisor, p.id)).json();
    expect(page.interpreters.map((i: { date: string; status: string }) => [i.date, i.status])).toEqual([
      ['2026-11-09', 'booked'],
      ['2026-11-02', 'used'],
    ]);
    // Only an interpreter actually used documents the meeting: the booking for 9 November does not (yet).
    expect(page.interpreterNeed.meetingsWithoutInterpreter.map((m: { date: string }) => m.date)).toEqual(['2026-11-09']);
    expect((await auditRows(p.id, 'journal.interpreter.create'))).toHaveLength(2);

    // Bad input names the field; an interpreter in a category the actor may not write is refused; nothing stored.
    const before = await snapshot(w.database, 'interpreter_uses');
    const noWho = await advisor.post(`/api/journal/persons/${p.id}/interpreters`, { date: '2026-11-10', category: 'general', topic: 'x', language: 'ar', qualification: 'category_1', status: 'used', mode: 'on_site' });
    expect(noWho.statusCode).toBe(400);
    expect(noWho.json().error.fields[0].path).toBe('interpreterName');
    const badQual = await advisor.post(`/api/journal/persons/${p.id}/interpreters`, { date: '2026-13-10', category: 'general', topic: 'x', language: 'Arabic', qualification: 'category_9', status: 'used', mode: 'on_site', interpreterName: 'A' });
    expect(badQual.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['date', 'language', 'qualification']);
    expect((await advisor.post(`/api/journal/persons/${p.id}/interpreters`, { date: '2026-11-10', category: 'health', topic: 'x', language: 'ar', qualification: 'category_1', status: 'used', mode: 'on_site', interpreterName: 'A' })).statusCode).toBe(403);
    const other = await register({ givenName: 'Omar' });
    const foreignNote = await advisor.post(`/api/journal/persons/${other.id}/interpreters`, { date: '2026-11-10', category: 'general', topic: 'x', language: 'ar', qualification: 'category_1', status: 'used', mode: 'on_site', interpreterName: 'A', noteId: meeting.id });
    expect(foreignNote.statusCode).toBe(400);
    expect(foreignNote.json().error.fields[0].path).toBe('noteId');
    expect(await snapshot(w.database, 'interpreter_uses')).toEqual(before);
    // The health worker does not see the advisor's programme interpreter record, but sees the general one.
    expect((await journal(health, p.id)).json().interpreters.map((i: { category: string }) => i.category)).toEqual(['general']);
  });
});

describe('changing an interpreter record', () => {
  const book = (agent: Agent, personId: string, over: Record<string, unknown> = {}) =>
    agent.post(`/api/journal/persons/${personId}/interpreters`, { date: '2026-11-09', category: 'programme', topic: 'Oppfølgingssamtale', language: 'ar', qualification: 'not_registered', status: 'booked', mode: 'on_site', ...over });
  const change = (agent: Agent, id: string, body: Record<string, unknown>) => agent.patch(`/api/journal/interpreters/${id}`, body);
  const history = (id: string) =>
    w.database.query<{ version: number; status: string; new_status: string; interpreter_name: string | null; register_number: string | null; changed_by: string | null }>(
      'SELECT version, status, new_status, interpreter_name, register_number, changed_by FROM interpreter_use_history WHERE interpreter_use_id = $1 ORDER BY version',
      [id],
    );
  const state = async () => [await snapshot(w.database, 'interpreter_uses'), await snapshot(w.database, 'interpreter_use_history')];
  const missing = async (personId: string) => (await journal(advisor, personId)).json().interpreterNeed.meetingsWithoutInterpreter.map((m: { date: string }) => m.date);

  it('a booking made before the interpreter is known becomes used with the name or register number; the earlier state is kept', async () => {
    const p = await register();
    await note(advisor, p.id, { category: 'programme', text: 'Oppfølgingssamtale.', meetingDate: '2026-11-09' });
    const created = await book(advisor, p.id);
    expect(created.statusCode, created.body).toBe(201);
    const b = created.json();
    expect(b).toMatchObject({ status: 'booked', interpreterName: null, registerNumber: null, version: 0, updatedAt: null, history: [], canChange: true, cancelReason: null });
    expect(await missing(p.id)).toEqual(['2026-11-09']);

    const used = await change(advisor, b.id, { version: 0, status: 'used', interpreterName: 'Samir K.', registerNumber: '12345', qualification: 'category_2', mode: 'remote' });
    expect(used.statusCode, used.body).toBe(200);
    expect(used.json()).toMatchObject({ status: 'used', interpreterName: 'Samir K.', registerNumber: '12345', qualification: 'category_2', mode: 'remote', version: 1, updatedBy: 'Ingrid Rådgiver', canChange: true });
    expect(used.json().history).toEqual([
      {
        version: 1,
        changedAt: used.json().updatedAt,
        changedBy: 'Ingrid Rådgiver',
        changes: [
          { field: 'status', from: 'booked', to: 'used' },
          { field: 'qualification', from: 'not_registered', to: 'category_2' },
          { field: 'mode', from: 'on_site', to: 'remote' },
          { field: 'interpreterName', from: null, to: 'Samir K.' },
          { field: 'registerNumber', from: null, to: '12345' },
        ],
      },
    ]);
    // The meeting is documented now.
    expect(await missing(p.id)).toEqual([]);
    // In SQL: the booked state, who changed it and to what.
    expect(await history(b.id)).toEqual([{ version: 0, status: 'booked', new_status: 'used', interpreter_name: null, register_number: null, changed_by: (await w.database.query<{ id: string }>("SELECT id FROM users WHERE email = 'advisor@a.test'"))[0]!.id }]);

    // A use may still be corrected (the date here); each change is one more history row and version.
    const fixed = await change(advisor, b.id, { version: 1, date: '2026-11-10', interpreterName: '' });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({ version: 2, date: '2026-11-10', interpreterName: null, registerNumber: '12345', status: 'used' });
    expect(fixed.json().history.map((h: { version: number; changes: { field: string }[] }) => [h.version, h.changes.map((c) => c.field)])).toEqual([
      [2, ['date', 'interpreterName']],
      [1, ['status', 'qualification', 'mode', 'interpreterName', 'registerNumber']],
    ]);
    expect(await missing(p.id)).toEqual(['2026-11-09']);
    expect((await journal(advisor, p.id)).json().interpreters[0]).toMatchObject({ id: b.id, version: 2, history: [{ version: 2 }, { version: 1 }] });
    expect(await auditRows(p.id, 'journal.interpreter.update')).toEqual([
      { action: 'journal.interpreter.update', categories: ['programme'], role: 'advisor' },
      { action: 'journal.interpreter.update', categories: ['programme'], role: 'advisor' },
    ]);
  });

  it('a booking that fell through is cancelled with a reason; cancelled and used are final; a cancellation does not document the meeting', async () => {
    const p = await register();
    await note(advisor, p.id, { category: 'programme', text: 'Samtale.', meetingDate: '2026-11-09' });
    const b = (await book(advisor, p.id, { interpreterName: 'Samir K.' })).json();
    const before = await state();
    const noReason = await change(advisor, b.id, { version: 0, status: 'cancelled' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['cancelReason']);
    const blankReason = await change(advisor, b.id, { version: 0, status: 'cancelled', cancelReason: '  ' });
    expect(blankReason.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['cancelReason']);
    expect(await state()).toEqual(before);

    const cancelled = await change(advisor, b.id, { version: 0, status: 'cancelled', cancelReason: 'Tolken meldte forfall' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Tolken meldte forfall', version: 1, canChange: false });
    expect(cancelled.json().history[0].changes).toEqual([
      { field: 'status', from: 'booked', to: 'cancelled' },
      { field: 'cancelReason', from: null, to: 'Tolken meldte forfall' },
    ]);
    expect(await missing(p.id)).toEqual(['2026-11-09']);
    // Nothing more happens to a cancelled booking.
    const after = await state();
    for (const body of [{ version: 1, status: 'used', registerNumber: '12345' }, { version: 1, status: 'booked' }, { version: 1, mode: 'remote' }]) {
      const res = await change(advisor, b.id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['status']);
    }
    // A use cannot go back to booked, nor be cancelled.
    const u = (await book(advisor, p.id, { status: 'used', registerNumber: '777' })).json();
    for (const body of [{ version: 0, status: 'booked' }, { version: 0, status: 'cancelled', cancelReason: 'x' }]) {
      const res = await change(advisor, u.id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.fields[0].path).toBe('status');
    }
    expect(await snapshot(w.database, 'interpreter_use_history')).toEqual(after[1]);
  });

  it('bad input answers 400 naming the field; a stale version 409; nothing changes', async () => {
    const p = await register();
    const b = (await book(advisor, p.id)).json();
    const before = await state();
    const cases: [Record<string, unknown>, string[]][] = [
      [{ version: 0, status: 'used' }, ['interpreterName']],
      [{ version: 0, status: 'used', interpreterName: '  ', registerNumber: null }, ['interpreterName']],
      [{ version: 0, status: 'used', registerNumber: 'no spaces allowed' }, ['registerNumber']],
      [{ version: 0, status: 'used', registerNumber: '1', date: '2099-01-01' }, ['date']],
      [{ version: 0, date: '2026-02-30' }, ['date']],
      [{ version: 0, qualification: 'category_9', mode: 'carrier_pigeon' }, ['mode', 'qualification']],
      [{ version: 0, status: 'lost' }, ['status']],
      [{ version: 0, status: 'used', registerNumber: '1', cancelReason: 'why' }, ['cancelReason']],
      [{ status: 'used', registerNumber: '1' }, ['version']],
      [{ version: 0, topic: 'Ny' }, ['topic']],
    ];
    for (const [body, paths] of cases) {
      const res = await change(advisor, b.id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.fields.map((f: { path: string }) => f.path).sort(), JSON.stringify(body)).toEqual(paths);
    }
    expect(await state()).toEqual(before);

    expect((await change(advisor, b.id, { version: 0, registerNumber: '42' })).statusCode).toBe(200);
    const stale = await change(advisor, b.id, { version: 0, status: 'used', registerNumber: '42' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    // Two changes against the same version: one wins, the other is a conflict, never an overwrite.
    const race = await Promise.all([change(advisor, b.id, { version: 1, mode: 'remote' }), change(advisor, b.id, { version: 1, qualification: 'category_3' })]);
    expect(race.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await history(b.id)).map((h) => h.version)).toEqual([0, 1]);
  });

  it('an outsider gets 404 and one who may read but not write the category 403; nothing changes, nothing audited', async () => {
    const p = await register();
    const b = (await book(advisor, p.id, { interpreterName: 'Samir K.' })).json();
    const before = await state();
    const body = { version: 0, status: 'used' };
    // Not on the team, another municipality, a category the health worker cannot read, no such record.
    const other = await signedIn(w.app, 'advisor@b.test');
    for (const a of [nav, other, health]) expect((await change(a, b.id, body)).statusCode).toBe(404);
    expect((await change(advisor, '00000000-0000-4000-8000-000000000000', body)).statusCode).toBe(404);
    // The leader reads programme records but may not write them.
    const forbidden = await change(leader, b.id, body);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.fields[0].path).toBe('category');
    expect((await journal(leader, p.id)).json().interpreters[0]).toMatchObject({ id: b.id, canChange: false });
    expect(await state()).toEqual(before);
    expect(await auditRows(p.id, 'journal.interpreter.update')).toEqual([]);
  });
});

describe('documents', () => {
  it('accepts a real PDF, PNG, DOCX and XLSX by content and downloads them by id, audited', async () => {
    const p = await register();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Ark1').addRow(['Budsjett', 1000]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const cases: [Buffer, string, string, string][] = [
      [PDF, 'vedtak.pdf', 'application/pdf', 'pdf'],
      [PNG, 'skanning.png', 'image/png', 'png'],
      [DOCX, 'rapport.docx', 'application/octet-stream', 'docx'],
      [xlsx, 'budsjett.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
    ];
    const ids: string[] = [];
    for (const [bytes, name, type, expected] of cases) {
      const res = await upload(advisor, p.id, bytes, { name, type, category: 'programme' });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ fileName: name, type: expected, sizeBytes: bytes.length, category: 'programme', uploadedBy: 'Ingrid Rådgiver' });
      ids.push(res.json().id);
    }
    const pdf = await advisor.get(`/api/journal/documents/${ids[0]}/content`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('vedtak.pdf');
    expect(pdf.rawPayload.equals(PDF)).toBe(true);
    expect(await auditRows(p.id, 'journal.document.download')).toEqual([{ action: 'journal.document.download', categories: ['programme'], role: 'advisor' }]);
    expect(await auditRows(p.id, 'journal.document.upload')).toHaveLength(4);
    expect((await journal(advisor, p.id)).json().documents).toHaveLength(4);
    // A name with personal data and non-ASCII letters travels in a header, and comes back only in the body and the download header.
    const named = await upload(advisor, p.id, PNG, { name: 'Pass – Åse Ødegård.png', type: 'image/png' });
    expect(named.json().fileName).toBe('Pass – Åse Ødegård.png');
    expect((await advisor.get(`/api/journal/documents/${named.json().id}/content`)).headers['content-disposition']).toContain("filename*=UTF-8''Pass%20%E2%80%93%20%C3%85se%20%C3%98deg%C3%A5rd.png");
    // Download needs read access to the category: the health worker cannot fetch a programme document (404).
    expect((await health.get(`/api/journal/documents/${ids[0]}/content`)).statusCode).toBe(404);
    expect((await nav.get(`/api/journal/documents/${ids[0]}/content`)).statusCode).toBe(404);
    expect((await health.get(`/api/journal/documents/00000000-0000-4000-8000-000000000000/content`)).statusCode).toBe(404);
    expect(await auditRows(p.id, 'journal.document.download')).toHaveLength(2);
  });

  it('refuses an executable named .pdf, a plain zip, an empty file, an oversize file and a category the uploader may not write; nothing stored', async () => {
    const p = await register();
    const rowsBefore = await snapshot(w.database, 'journal_documents');
    const filesBefore = await storedFiles();
    const elf = await upload(advisor, p.id, ELF, { name: 'vedtak.pdf', type: 'application/pdf' });
    expect(elf.statusCode).toBe(400);
    expect(elf.json().error.fields[0]).toMatchObject({ path: 'file' });
    expect(elf.json().error.message).toMatch(/executable/);
    expect((await upload(advisor, p.id, MZ, { name: 'scan.pdf', type: 'application/pdf' })).json().error.message).toMatch(/executable/);
    expect((await upload(advisor, p.id, zip({ 'a.txt': 'hei' }), { name: 'x.docx' })).json().error.message).toMatch(/zip archive/);
    expect((await upload(advisor, p.id, Buffer.from('just text, not a document'), { name: 'x.pdf' })).statusCode).toBe(400);
    expect((await upload(advisor, p.id, Buffer.alloc(0), { name: 'x.pdf' })).statusCode).toBe(400);
    // Larger than 25 MB: refused (the real PDF header does not help).
    const huge = Buffer.concat([PDF, Buffer.alloc(25 * 1024 * 1024)]);
    const big = await upload(advisor, p.id, huge, { name: 'stor.pdf', type: 'application/pdf' });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    // Sent without a length (chunked), it is stopped while streaming.
    const { Readable } = await import('node:stream');
    const chunks = function* () {
      yield PDF;
      for (let i = 0; i < 30; i++) yield Buffer.alloc(1024 * 1024);
    };
    const streamed = await w.app.inject({
      method: 'POST',
      url: `/api/journal/persons/${p.id}/documents?category=general`,
      headers: { 'content-type': 'application/pdf', cookie: [...advisor.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': advisor.csrf! },
      payload: Readable.from(chunks()),
    });
    expect(streamed.statusCode).toBe(413);
    expect((await upload(advisor, p.id, PDF, { category: 'health' })).statusCode).toBe(403);
    expect((await upload(health, p.id, PDF, { category: 'programme' })).json().error.fields[0].path).toBe('category');
    expect((await upload(nav, p.id, PDF)).statusCode).toBe(404);
    expect((await advisor.request('POST', `/api/journal/persons/${p.id}/documents?category=general`, '{}', { 'content-type': 'application/json' })).statusCode).toBe(400);
    expect((await upload(advisor, p.id, PDF, { category: 'secret' })).statusCode).toBe(400);
    expect(await snapshot(w.database, 'journal_documents')).toEqual(rowsBefore);
    expect(await storedFiles()).toBe(filesBefore);
    expect(await stagingFiles()).toBe(0);
    expect(await auditRows(p.id, 'journal.document.upload')).toEqual([]);
  });

  it('a health document is read only by health roles; its download is special-category and audited', async () => {
    const p = await register();
    const doc = await upload(health, p.id, PDF, { category: 'health', name: 'epikrise.pdf', type: 'application/pdf' });
    expect(doc.statusCode, doc.body).toBe(201);
    expect((await journal(advisor, p.id)).json().documents).toEqual([]);
    expect((await advisor.get(`/api/journal/documents/${doc.json().id}/content`)).statusCode).toBe(404);
    expect((await health.get(`/api/journal/documents/${doc.json().id}/content`)).statusCode).toBe(200);
    expect((await auditRows(p.id, 'journal.document.download')).map((r) => r.categories)).toEqual([['health']]);
  });
});

describe('documents when the store fails', () => {
  it('a file that cannot be put in place leaves no row, no audit row and no staged bytes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'eidor-docs-broken-'));
    // `objects` is a file, not a folder: moving the staged bytes into place fails after the row is written.
    await writeFile(path.join(dir, 'objects'), 'not a folder');
    const broken = await createWorld({ EIDOR_DOCUMENTS_DIR: dir });
    try {
      const adv = await signedIn(broken.app, 'advisor@a.test');
      const p = (await adv.post('/api/persons', { person: person(), household: { mode: 'none' } })).json();
      const res = await adv.request('POST', `/api/journal/persons/${p.id}/documents?category=general`, PDF, { 'content-type': 'application/pdf', 'x-file-name': 'vedtak.pdf' });
      expect(res.statusCode).toBe(500);
      expect(await broken.database.query('SELECT 1 FROM journal_documents')).toEqual([]);
      expect(await broken.database.query("SELECT 1 FROM audit_log WHERE action = 'journal.document.upload'")).toEqual([]);
      expect(await readdir(path.join(dir, 'staging'))).toEqual([]);
    } finally {
      await broken.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
