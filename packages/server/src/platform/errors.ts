import { ERROR_STATUS, type ErrorCode, type FieldError } from '@eidor/contract';

/** An expected failure with a stable code; the error handler turns it into the contract's error body. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;
  constructor(code: ErrorCode, message: string, opts: { fields?: FieldError[]; headers?: Record<string, string> } = {}) {
    super(message);
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.fields = opts.fields;
    this.headers = opts.headers;
  }
}

export const notFound = () => new AppError('NOT_FOUND', 'Not found');
export const forbidden = () => new AppError('FORBIDDEN', 'You do not have access to this function');
export const versionConflict = () =>
  new AppError('VERSION_CONFLICT', 'The record was changed by someone else. Reload it and try again.');
