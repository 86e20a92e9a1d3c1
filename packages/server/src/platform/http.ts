import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { z } from 'zod';
import { api, ErrorResponse, type Api, type Endpoint, type EndpointName } from '@eidor/contract';
import { safeEqual } from './crypto.ts';
import { AppError } from './errors.ts';

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;
type Field<N extends EndpointName, K extends string> = Api[N] extends Record<K, infer S> ? Out<S> : undefined;

/** What a handler receives: the validated body, query and params of its contract entry. */
export type In<N extends EndpointName> = {
  body: Field<N, 'body'>;
  query: Field<N, 'query'>;
  params: Field<N, 'params'>;
  req: FastifyRequest;
  reply: FastifyReply;
};
type Result<N extends EndpointName> = Api[N] extends { response: infer R } ? Out<R> : void;

export const SESSION_COOKIE = (secure: boolean) => (secure ? '__Host-eidor_session' : 'eidor_session');
export const PRE_AUTH_CSRF_COOKIE = (secure: boolean) => (secure ? '__Host-eidor_csrf' : 'eidor_csrf');
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Refuses requests without a full session: the first gate after rate limiting. */
export const requireSession: onRequestHookHandler = async (req) => {
  if (!req.session || req.session.mfaPending) throw new AppError('UNAUTHENTICATED', 'Sign in first');
};

/**
 * CSRF: every state-changing request carries `x-csrf-token`, equal to the session's token, or
 * before sign-in to the pre-session cookie (double submit). Cross-site pages can neither read
 * these values nor send custom headers without a CORS preflight, which this server never allows.
 */
export function csrfGuard(secure: boolean): onRequestHookHandler {
  return async (req) => {
    if (!MUTATING.has(req.method)) return;
    const header = req.headers['x-csrf-token'];
    const sent = Array.isArray(header) ? header[0] : header;
    if (!sent) throw new AppError('CSRF_INVALID', 'The request has no CSRF token (x-csrf-token header)');
    const ok =
      safeEqual(sent, req.session?.csrfToken) || safeEqual(sent, req.cookies[PRE_AUTH_CSRF_COOKIE(secure)]);
    if (!ok) throw new AppError('CSRF_INVALID', 'The CSRF token is wrong or expired; reload the page');
  };
}

/**
 * Registers one contract endpoint. The order a request takes is fixed here: session gate (unless
 * public) → CSRF → schema validation → handler (which opens the tenant transaction, authorises,
 * runs the command, audits and presents) → response schema (strips anything not in the contract).
 */
export function route<N extends EndpointName>(
  app: FastifyInstance,
  name: N,
  opts: { secure: boolean },
  handler: (input: In<N>) => Promise<Result<N>>,
): void {
  const ep = api[name] as Endpoint;
  const response: Record<number | string, z.ZodType> = { '4xx': ErrorResponse, '5xx': ErrorResponse };
  if (ep.response) response[ep.status] = ep.response;
  app.route({
    method: ep.method,
    url: ep.path,
    ...(ep.bodyLimit ? { bodyLimit: ep.bodyLimit } : {}),
    schema: {
      summary: ep.summary,
      operationId: name,
      tags: [ep.path.split('/')[2] ?? 'api'],
      ...(ep.body ? { body: ep.body } : {}),
      ...(ep.query ? { querystring: ep.query } : {}),
      ...(ep.params ? { params: ep.params } : {}),
      response,
    },
    onRequest: ep.public ? [csrfGuard(opts.secure)] : [requireSession, csrfGuard(opts.secure)],
    handler: async (req, reply) => {
      if (ep.upload) {
        const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        if (!ep.upload.includes(type)) {
          throw new AppError('VALIDATION', `Send the file itself as the request body, as ${ep.upload.join(' or ')}`, { fields: [{ path: 'body', message: `content type ${type || 'missing'} is not accepted` }] });
        }
      }
      const result = await handler({
        body: req.body as Field<N, 'body'>,
        query: req.query as Field<N, 'query'>,
        params: req.params as Field<N, 'params'>,
        req,
        reply,
      });
      if (reply.sent) return reply;
      reply.code(ep.status);
      return ep.status === 204 ? reply.send() : reply.send(result);
    },
  });
}
