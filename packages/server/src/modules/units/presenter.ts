import type { z } from 'zod';
import type { UnitView } from '@eidor/contract';
import type { UnitKind } from '@eidor/domain';
import type { UnitRow } from './queries.ts';

export function presentUnit(u: UnitRow, canEdit: boolean): z.output<typeof UnitView> {
  return { id: u.id, name: u.name, kind: u.kind as UnitKind, active: u.active, version: u.version, can: { edit: canEdit } };
}
