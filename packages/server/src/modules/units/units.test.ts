import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createWorld, signedIn, snapshot, type World } from '../../test/harness.ts';

let w: World;
let admin: Agent;
beforeAll(async () => {
  w = await createWorld();
  admin = await signedIn(w.app, 'admin@a.test');
});
afterAll(async () => w?.close());

describe('units', () => {
  it('needs a session', async () => {
    expect((await new Agent(w.app).get('/api/units')).statusCode).toBe(401);
  });

  it('lists only the own municipality’s units, with what the actor may do', async () => {
    const res = await admin.get('/api/units');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.can.create).toBe(true);
    expect(body.items.map((u: { id: string }) => u.id).sort()).toEqual(Object.values(w.a.unitIds).sort());
    expect(body.items.every((u: { can: { edit: boolean } }) => u.can.edit)).toBe(true);
    const advisor = await signedIn(w.app, 'advisor@a.test');
    const seen = (await advisor.get('/api/units')).json();
    expect(seen.can.create).toBe(false);
    expect(seen.items[0].can.edit).toBe(false);
  });

  it('partners may not list units', async () => {
    const nav = await signedIn(w.app, 'nav@a.test');
    const res = await nav.get('/api/units');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('an admin creates and edits a unit; every change writes an audit row', async () => {
    const created = await admin.post('/api/units', { name: 'PPT Vest', kind: 'ppt' });
    expect(created.statusCode).toBe(201);
    const unit = created.json();
    expect(unit).toMatchObject({ name: 'PPT Vest', kind: 'ppt', active: true, version: 0 });
    const edited = await admin.patch(`/api/units/${unit.id}`, { name: 'PPT Vest og Nord', kind: 'ppt', active: false, version: 0 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ name: 'PPT Vest og Nord', active: false, version: 1 });
    const audit = await w.database.query<{ action: string; role: string }>(
      'SELECT action, role FROM audit_log WHERE subject_id = $1 ORDER BY id',
      [unit.id],
    );
    expect(audit).toEqual([
      { action: 'unit.create', role: 'admin' },
      { action: 'unit.update', role: 'admin' },
    ]);
  });

  it('a stale version answers 409 and changes nothing', async () => {
    const unit = (await admin.post('/api/units', { name: 'Boligkontoret', kind: 'housing' })).json();
    expect((await admin.patch(`/api/units/${unit.id}`, { name: 'Bolig 1', kind: 'housing', active: true, version: 0 })).statusCode).toBe(200);
    const before = await snapshot(w.database, 'units');
    const stale = await admin.patch(`/api/units/${unit.id}`, { name: 'Bolig 2', kind: 'housing', active: true, version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect(await snapshot(w.database, 'units')).toEqual(before);
  });

  it('a duplicate name is a conflict naming the field', async () => {
    const res = await admin.post('/api/units', { name: 'flyktningtjenesten', kind: 'refugee_service' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields[0].path).toBe('name');
  });

  it('wrong role: refused, nothing written', async () => {
    const advisor = await signedIn(w.app, 'advisor@a.test');
    const before = await snapshot(w.database, 'units');
    expect((await advisor.post('/api/units', { name: 'X', kind: 'other' })).statusCode).toBe(403);
    const id = w.a.unitIds.refugee!;
    expect((await advisor.patch(`/api/units/${id}`, { name: 'X', kind: 'other', active: true, version: 0 })).statusCode).toBe(403);
    expect(await snapshot(w.database, 'units')).toEqual(before);
  });

  it('outsider: another municipality’s admin gets 404 and the database is unchanged', async () => {
    const outsider = await signedIn(w.app, 'admin@b.test');
    const before = await snapshot(w.database, 'units');
    const id = w.a.unitIds.nav!;
    const res = await outsider.patch(`/api/units/${id}`, { name: 'Hijacked', kind: 'nav', active: true, version: 0 });
    expect(res.statusCode).toBe(404);
    expect(await snapshot(w.database, 'units')).toEqual(before);
    const list = (await outsider.get('/api/units')).json();
    expect(list.items.some((u: { id: string }) => u.id === id)).toBe(false);
  });

  it('bad input: 400 naming the field', async () => {
    const cases: [string, string, unknown, string][] = [
      ['POST', '/api/units', { name: '', kind: 'nav' }, 'name'],
      ['POST', '/api/units', { name: 'x'.repeat(121), kind: 'nav' }, 'name'],
      ['POST', '/api/units', { name: 'Ok', kind: 'spaceship' }, 'kind'],
      ['POST', '/api/units', { name: 'Ok', kind: 'nav', municipalityId: w.b.municipalityId }, 'municipalityId'],
      ['PATCH', `/api/units/${w.a.unitIds.nav}`, { name: 'Ok', kind: 'nav', active: 'yes', version: 0 }, 'active'],
      ['PATCH', `/api/units/${w.a.unitIds.nav}`, { name: 'Ok', kind: 'nav', active: true, version: -1 }, 'version'],
      ['PATCH', '/api/units/not-a-uuid', { name: 'Ok', kind: 'nav', active: true, version: 0 }, 'id'],
    ];
    for (const [method, url, body, field] of cases) {
      const res = await admin.request(method as 'POST', url, body);
      expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)}`).toBe(400);
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
  });
});
