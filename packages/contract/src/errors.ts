/** The closed list of error codes, and the HTTP status each answers with. */
export const ERROR_STATUS = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOTP_REQUIRED: 401,
  INVALID_TOTP: 401,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  CONFLICT: 409,
  INVITATION_INVALID: 410,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

/** A field that failed validation: a dotted path and a message in English (the client translates by code). */
export type FieldError = { path: string; message: string };

/** The body of every error response. */
export type ErrorBody = {
  error: { code: ErrorCode; message: string; requestId: string; fields?: FieldError[] };
};
