/** Shared limits, used by the server's schemas and by the forms' hints. */
export const LIMITS = {
  emailMax: 254,
  nameMax: 200,
  unitNameMax: 120,
  passwordMin: 12,
  passwordMax: 256,
  totpCodeLength: 6,
  pageSizeMax: 200,
  textMax: 2000,
  maxRolesPerUser: 30,
  personNameMax: 100,
} as const;
