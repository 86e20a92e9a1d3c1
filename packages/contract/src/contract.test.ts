import { describe, expect, it } from 'vitest';
import { api, type Endpoint } from './api.ts';
import { ERROR_STATUS } from './errors.ts';
import { InviteUserRequest, SignInRequest } from './platform.ts';

describe('contract', () => {
  it('every endpoint has a unique method + path under /api', () => {
    const keys = (Object.values(api) as Endpoint[]).map((e) => `${e.method} ${e.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every((k) => k.split(' ')[1]!.startsWith('/api/'))).toBe(true);
  });

  it('no endpoint puts personal data in the URL: bodies carry it, GET has no e-mail or name parameter', () => {
    for (const [name, e] of Object.entries(api) as [string, Endpoint][]) {
      expect(e.path, name).not.toMatch(/email|name|fnr|token/i);
    }
  });

  it('request bodies refuse unknown fields and normalise e-mail', () => {
    expect(SignInRequest.safeParse({ email: 'A@B.no', password: 'x', extra: 1 }).success).toBe(false);
    expect(SignInRequest.parse({ email: ' A@B.no ', password: 'x' }).email).toBe('a@b.no');
    expect(InviteUserRequest.safeParse({ email: 'a@b.no', name: 'A', roles: [] }).success).toBe(false);
  });

  it('maps every error code to a 4xx or 5xx status', () => {
    for (const s of Object.values(ERROR_STATUS)) expect(s >= 400 && s < 600).toBe(true);
  });
});
