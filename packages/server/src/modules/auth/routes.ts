import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/context.ts';
import { withTenant } from '../../platform/context.ts';
import { randomToken } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { PRE_AUTH_CSRF_COOKIE, SESSION_COOKIE, route } from '../../platform/http.ts';
import { deleteSession, deleteUserSessions, findSession } from '../../platform/sessions.ts';
import { disableTotp, enableTotp, setupTotp, verifyTotpStep } from './commands/totp.ts';
import { signIn } from './commands/sign-in.ts';
import { OidcSignIn } from './oidc.ts';
import { presentSession } from './presenter.ts';
import { findMunicipality } from './queries.ts';

export function registerAuth(app: FastifyInstance, deps: Deps): void {
  const secure = deps.config.env === 'production';
  const o = { secure };
  const cookieOpts = (maxAgeMs: number) =>
    ({ path: '/', httpOnly: true, secure, sameSite: 'lax', maxAge: Math.ceil(maxAgeMs / 1000) }) as const;

  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE(secure), token, cookieOpts(deps.sessionPolicy.absoluteMs));
  // __Host- cookies are only replaced when the clearing cookie is Secure too.
  const clearSessionCookie = (reply: FastifyReply) =>
    reply.clearCookie(SESSION_COOKIE(secure), { path: '/', httpOnly: true, secure, sameSite: 'lax' });

  /** Loads the session just created for `token` and presents it. */
  async function sessionResponse(token: string) {
    const s = await findSession(deps.database.db, token, deps.clock.now(), deps.sessionPolicy);
    if (!s) throw new AppError('INTERNAL', 'Session vanished');
    const m = await findMunicipality(deps.database.db, s.user.municipalityId);
    return presentSession(s, m!);
  }

  route(app, 'csrf', o, async ({ req, reply }) => {
    if (req.session) return { csrfToken: req.session.csrfToken };
    const existing = req.cookies[PRE_AUTH_CSRF_COOKIE(secure)];
    const token = existing && /^[A-Za-z0-9_-]{43}$/.test(existing) ? existing : randomToken();
    reply.setCookie(PRE_AUTH_CSRF_COOKIE(secure), token, { ...cookieOpts(12 * 3_600_000), sameSite: 'strict' });
    return { csrfToken: token };
  });

  route(app, 'signIn', o, async ({ body, req, reply }) => {
    const r = await signIn(deps, {
      email: body.email,
      password: body.password,
      ip: req.ip,
      requestId: req.id,
      previousSessionId: req.session?.id,
    });
    setSessionCookie(reply, r.token);
    req.log.info({ event: 'auth.sign_in', outcome: r.status }, 'sign-in');
    if (r.status === 'totp_required') return { status: 'totp_required' as const };
    return { status: 'signed_in' as const, session: await sessionResponse(r.token) };
  });

  route(app, 'verifyTotp', o, async ({ body, req, reply }) => {
    if (!req.session?.mfaPending) throw new AppError('UNAUTHENTICATED', 'Sign in with your password first');
    const token = await verifyTotpStep(deps, req.session, { code: body.code, ip: req.ip, requestId: req.id });
    setSessionCookie(reply, token);
    return sessionResponse(token);
  });

  route(app, 'session', o, async ({ req }) => {
    const s = req.session!;
    const m = await findMunicipality(deps.database.db, s.user.municipalityId);
    return presentSession(s, m!);
  });

  route(app, 'signOut', o, async ({ req, reply }) => {
    await withTenant(deps, req, async (ctx) => {
      await ctx.audit({ action: 'auth.sign_out', subjectType: 'user', subjectId: ctx.actor.userId });
    });
    await deleteSession(deps.database.db, req.session!.id);
    clearSessionCookie(reply);
  });

  route(app, 'signOutEverywhere', o, async ({ req, reply }) => {
    await withTenant(deps, req, async (ctx) => {
      await ctx.audit({ action: 'auth.sign_out_everywhere', subjectType: 'user', subjectId: ctx.actor.userId });
    });
    await deleteUserSessions(deps.database.db, req.session!.user.id);
    clearSessionCookie(reply);
  });

  route(app, 'totpSetup', o, async ({ req }) => withTenant(deps, req, (ctx) => setupTotp(ctx, deps.secretKey)));
  route(app, 'totpEnable', o, async ({ req, body }) => withTenant(deps, req, (ctx) => enableTotp(ctx, deps.secretKey, body.code)));
  route(app, 'totpDisable', o, async ({ req, body }) => withTenant(deps, req, (ctx) => disableTotp(ctx, body.password)));

  route(app, 'oidcConfig', o, async () => ({
    enabled: !!deps.config.oidc,
    label: deps.config.oidc?.label ?? '',
  }));

  // The two browser redirects of the OIDC code flow are not JSON endpoints, so they are not in the contract.
  const oidc = new OidcSignIn(deps);
  // Binds a started flow to the browser that started it. Lax, so that the provider's top-level
  // redirect back to the callback carries it.
  const OIDC_STATE_COOKIE = secure ? '__Host-eidor_oidc' : 'eidor_oidc';
  app.get('/api/auth/oidc/start', { schema: { hide: true } }, async (_req: FastifyRequest, reply: FastifyReply) => {
    if (!deps.config.oidc) throw new AppError('NOT_FOUND', 'Single sign-on is not configured');
    const { url, state } = await oidc.start();
    reply.setCookie(OIDC_STATE_COOKIE, state, cookieOpts(10 * 60_000));
    return reply.redirect(url, 302);
  });
  app.get('/api/auth/oidc/callback', { schema: { hide: true } }, async (req: FastifyRequest, reply: FastifyReply) => {
    if (!deps.config.oidc) throw new AppError('NOT_FOUND', 'Single sign-on is not configured');
    const url = new URL(req.url, oidc.redirectUri);
    const browserState = req.cookies[OIDC_STATE_COOKIE];
    // A __Host- cookie is only replaced (here: expired) by a Set-Cookie that is itself Secure.
    reply.clearCookie(OIDC_STATE_COOKIE, { path: '/', httpOnly: true, secure, sameSite: 'lax' });
    try {
      const token = await oidc.callback(url, browserState, { ip: req.ip, requestId: req.id });
      if (req.session) await deleteSession(deps.database.db, req.session.id);
      setSessionCookie(reply, token);
      return reply.redirect('/', 302);
    } catch (err) {
      req.log.warn({ event: 'auth.oidc_failed', code: err instanceof AppError ? err.code : 'INTERNAL' }, 'oidc sign-in failed');
      return reply.redirect('/sign-in?error=sso', 302);
    }
  });
}
