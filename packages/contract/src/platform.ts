import { z } from 'zod';
import { DATA_CATEGORIES, PERMISSIONS, ROLES, UNIT_KINDS } from '@eidor/domain';
import { Email, IsoDateTime, Uuid, Version } from './common.ts';
import { LIMITS } from './limits.ts';

export const Role = z.enum(ROLES);
export const UnitKind = z.enum(UNIT_KINDS);
export const Permission = z.enum(PERMISSIONS);
export const DataCategory = z.enum(DATA_CATEGORIES);
export const Locale = z.enum(['nb', 'nn', 'en']);

// ---------- health ----------
export const HealthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  migration: z.string(),
  embedded: z.boolean(),
  version: z.string(),
});

// ---------- session ----------
export const RoleAssignmentView = z.object({
  role: Role,
  unitId: Uuid,
  unitName: z.string(),
  unitKind: UnitKind,
});
export const SessionView = z.object({
  user: z.object({ id: Uuid, email: z.string(), name: z.string(), totpEnabled: z.boolean() }),
  municipality: z.object({ id: Uuid, name: z.string(), number: z.string() }),
  assignments: z.array(RoleAssignmentView),
  permissions: z.array(Permission),
  csrfToken: z.string(),
  authMethod: z.enum(['password', 'oidc']),
  expiresAt: IsoDateTime,
});
export type SessionView = z.infer<typeof SessionView>;

export const CsrfResponse = z.object({ csrfToken: z.string() });

export const SignInRequest = z
  .object({
    email: Email,
    password: z.string().min(1).max(LIMITS.passwordMax),
  })
  .strict();
export const SignInResponse = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed_in'), session: SessionView }),
  z.object({ status: z.literal('totp_required') }),
]);

export const TotpCode = z
  .string()
  .regex(/^\d{6}$/, { message: 'must be six digits' });
export const TotpVerifyRequest = z.object({ code: TotpCode }).strict();
export const TotpSetupResponse = z.object({ secret: z.string(), otpauthUri: z.string() });
export const TotpEnableRequest = z.object({ code: TotpCode }).strict();
export const TotpDisableRequest = z.object({ password: z.string().min(1).max(LIMITS.passwordMax) }).strict();

export const OidcConfigResponse = z.object({ enabled: z.boolean(), label: z.string() });

// ---------- units ----------
export const UnitView = z.object({
  id: Uuid,
  name: z.string(),
  kind: UnitKind,
  active: z.boolean(),
  version: Version,
  can: z.object({ edit: z.boolean() }),
});
export type UnitView = z.infer<typeof UnitView>;
export const UnitListResponse = z.object({ items: z.array(UnitView), can: z.object({ create: z.boolean() }) });
export const UnitName = z.string().trim().min(1).max(LIMITS.unitNameMax);
export const CreateUnitRequest = z.object({ name: UnitName, kind: UnitKind }).strict();
export const UpdateUnitRequest = z
  .object({ name: UnitName, kind: UnitKind, active: z.boolean(), version: Version })
  .strict();
export const IdParams = z.object({ id: Uuid }).strict();

// ---------- users ----------
export const RoleGrant = z.object({ role: Role, unitId: Uuid }).strict();
export const UserStatus = z.enum(['invited', 'active', 'disabled']);
export const UserView = z.object({
  id: Uuid,
  email: z.string(),
  name: z.string(),
  status: UserStatus,
  totpEnabled: z.boolean(),
  roles: z.array(RoleAssignmentView),
  version: Version,
  can: z.object({ edit: z.boolean() }),
});
export type UserView = z.infer<typeof UserView>;
export const UserListResponse = z.object({ items: z.array(UserView), can: z.object({ invite: z.boolean() }) });
export const PersonName = z.string().trim().min(1).max(LIMITS.nameMax);
export const InviteUserRequest = z
  .object({ email: Email, name: PersonName, roles: z.array(RoleGrant).min(1).max(LIMITS.maxRolesPerUser) })
  .strict();
export const SetRolesRequest = z
  .object({ roles: z.array(RoleGrant).max(LIMITS.maxRolesPerUser), version: Version })
  .strict();
export const VersionRequest = z.object({ version: Version }).strict();

// ---------- invitations ----------
export const InvitationToken = z.string().regex(/^[A-Za-z0-9_-]{32,128}$/, { message: 'is not a valid invitation token' });
export const InvitationLookupRequest = z.object({ token: InvitationToken }).strict();
export const InvitationView = z.object({ email: z.string(), name: z.string(), municipalityName: z.string() });
export const AcceptInvitationRequest = z
  .object({ token: InvitationToken, password: z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax) })
  .strict();

// ---------- dev mailbox ----------
export const MailView = z.object({
  id: Uuid,
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  createdAt: IsoDateTime,
});
export const MailboxResponse = z.object({ items: z.array(MailView) });

// ---------- audit ----------
export const AuditEntryView = z.object({
  /** The row's number in insertion order. */
  id: z.number().int(),
  /** Its place in the municipality's hash chain; null for the moment between its commit and its sealing. */
  seq: z.number().int().nullable(),
  occurredAt: IsoDateTime,
  actorId: Uuid.nullable(),
  actorEmail: z.string().nullable(),
  unitId: Uuid.nullable(),
  role: z.string().nullable(),
  action: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  categories: z.array(z.string()),
  requestId: z.string(),
  ip: z.string().nullable(),
});
export const AuditQuery = z
  .object({
    actorId: Uuid.optional(),
    action: z.string().max(100).optional(),
    subjectId: z.string().max(100).optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50),
  })
  .strict();
export const AuditListResponse = z.object({
  items: z.array(AuditEntryView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export const AuditVerifyResponse = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
  /** Committed rows not yet chained (chained within moments of their commit). */
  unsealed: z.number().int(),
});
