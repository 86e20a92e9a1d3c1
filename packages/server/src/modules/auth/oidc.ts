import { eq, lt } from 'drizzle-orm';
import * as client from 'openid-client';
import type { Deps } from '../../platform/context.ts';
import { auditRow, enterTenant } from '../../platform/context.ts';
import { appendAudit } from '../../platform/audit.ts';
import { safeEqual } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { createSession } from '../../platform/sessions.ts';
import { oidcFlows } from '../../db/schema.ts';
import { findUserByEmail } from './queries.ts';

const FLOW_TTL_MS = 10 * 60_000;

/**
 * Single sign-on with the municipality's identity provider (Entra ID, ID-porten or any certified
 * OpenID Provider): authorization code flow with PKCE, state and nonce. Users are not created
 * here: the e-mail claim must match an active user an administrator has invited.
 */
export class OidcSignIn {
  private configuration: Promise<client.Configuration> | undefined;
  constructor(private readonly deps: Deps) {}

  get redirectUri(): string {
    return `${this.deps.config.publicUrl}/api/auth/oidc/callback`;
  }

  private config(): Promise<client.Configuration> {
    const o = this.deps.config.oidc;
    if (!o) throw new AppError('NOT_FOUND', 'Single sign-on is not configured');
    // Only a local test or development provider may be plain http.
    const insecure = new URL(o.issuer).protocol === 'http:' && this.deps.config.env !== 'production';
    this.configuration ??= client
      .discovery(new URL(o.issuer), o.clientId, o.clientSecret, undefined, insecure ? { execute: [client.allowInsecureRequests] } : undefined)
      .catch((err: unknown) => {
        this.configuration = undefined;
        throw err;
      });
    return this.configuration;
  }

  /**
   * Where to send the browser to sign in, and the state the caller must bind to that browser
   * (a cookie), so that a callback URL cannot be completed in another browser (login CSRF).
   */
  async start(): Promise<{ url: string; state: string }> {
    const config = await this.config();
    const db = this.deps.database.db;
    const now = this.deps.clock.now();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    await db.delete(oidcFlows).where(lt(oidcFlows.createdAt, new Date(now.getTime() - FLOW_TTL_MS)));
    await db.insert(oidcFlows).values({ state, codeVerifier, nonce, createdAt: now });
    const url = client
      .buildAuthorizationUrl(config, {
        redirect_uri: this.redirectUri,
        scope: this.deps.config.oidc!.scope,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      })
      .toString();
    return { url, state };
  }

  /**
   * Completes the flow; returns the new session's token. `browserState` is the state bound to the
   * browser at `start`; the callback's state must equal it.
   */
  async callback(callbackUrl: URL, browserState: string | undefined, meta: { ip: string; requestId: string }): Promise<string> {
    const config = await this.config();
    const db = this.deps.database.db;
    const now = this.deps.clock.now();
    const state = callbackUrl.searchParams.get('state') ?? '';
    if (!state || !safeEqual(state, browserState)) {
      throw new AppError('UNAUTHENTICATED', 'This single sign-on attempt was not started in this browser; start again');
    }
    const flows = await db.delete(oidcFlows).where(eq(oidcFlows.state, state)).returning();
    const flow = flows[0];
    if (!flow || now.getTime() - flow.createdAt.getTime() > FLOW_TTL_MS) {
      throw new AppError('UNAUTHENTICATED', 'The single sign-on attempt expired or is unknown; start again');
    }
    let email: string | undefined;
    let emailVerified: unknown;
    try {
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims()!;
      let mail: unknown = claims['email'];
      emailVerified = claims['email_verified'];
      if (typeof mail !== 'string') {
        // Claims asked for with scope values come from the UserInfo endpoint when an access token is
        // issued (OpenID Connect Core 5.4); many providers leave them out of the ID token.
        const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
        mail = info.email;
        emailVerified = info.email_verified;
      }
      const raw = mail ?? claims['preferred_username'] ?? claims['upn'];
      email = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
    } catch {
      throw new AppError('UNAUTHENTICATED', 'Single sign-on failed');
    }
    // An address the provider itself says it has not verified proves nothing about who signed in.
    if (emailVerified === false || emailVerified === 'false') {
      throw new AppError('UNAUTHENTICATED', 'The identity provider has not verified this e-mail address');
    }
    const user = email ? await findUserByEmail(db, email) : undefined;
    if (!user || user.status !== 'active') {
      throw new AppError('UNAUTHENTICATED', 'No active Eidør user has this account; ask an administrator for an invitation');
    }
    return db.transaction(async (tx) => {
      const { token } = await createSession(tx, {
        userId: user.id,
        municipalityId: user.municipalityId,
        method: 'oidc',
        mfaPending: false,
        now,
        policy: this.deps.sessionPolicy,
      });
      await enterTenant(tx, user.municipalityId, user.id);
      await appendAudit(
        tx,
        auditRow(
          { municipalityId: user.municipalityId, actorUserId: user.id, actorEmail: user.email, requestId: meta.requestId, ip: meta.ip, now },
          { action: 'auth.sign_in_oidc', subjectType: 'user', subjectId: user.id },
        ),
      );
      return token;
    });
  }
}
