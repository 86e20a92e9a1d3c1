import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode, FieldError } from '@eidor/contract';
import { ERROR_STATUS } from '@eidor/contract';
import type { Deps } from './platform/context.ts';
import { AppError } from './platform/errors.ts';
import { DEFAULT_WEB_DIST } from './paths.ts';
import { SESSION_COOKIE } from './platform/http.ts';
import { findSession } from './platform/sessions.ts';
import { registerAudit } from './modules/audit/routes.ts';
import { registerAuth } from './modules/auth/routes.ts';
import { registerDev } from './modules/dev/routes.ts';
import { registerHealth, APP_VERSION } from './modules/health/routes.ts';
import { registerUnits } from './modules/units/routes.ts';
import { registerPersons } from './modules/persons/routes.ts';
import { registerHousing } from './modules/housing/routes.ts';
import { registerSettlement } from './modules/settlement/routes.ts';
import { registerTasks } from './modules/tasks/routes.ts';
import { registerProgramme } from './modules/programme/routes.ts';
import { registerUsers } from './modules/users/routes.ts';
import { registerExtraGrants } from './modules/extra-grants/routes.ts';
import { registerGrants } from './modules/grants/routes.ts';
import { registerJournal } from './modules/journal/routes.ts';
import { registerPersonOverview } from './modules/person-overview/routes.ts';
import { registerReferrals } from './modules/referrals/routes.ts';
import { registerGroups } from './modules/groups/routes.ts';
import { registerNotifications } from './modules/notifications/routes.ts';
import { randomUUID } from 'node:crypto';

export type { Deps } from './platform/context.ts';

/** Log redaction: no cookies, tokens, passwords or personal data in log lines. */
export const LOG_REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.email',
  '*.name',
  '*.fnr',
  '*.token',
];


/** Turns the validator's issues into the contract's field list: `email`, `roles.0.unitId`, … */
function fieldsOf(err: FastifyError): FieldError[] {
  const out: FieldError[] = [];
  for (const v of err.validation ?? []) {
    const base = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    const keys = (v.params as { keys?: string[] } | undefined)?.keys;
    if (keys && keys.length > 0) {
      for (const k of keys) out.push({ path: base ? `${base}.${k}` : k, message: 'is not a known field' });
    } else {
      out.push({ path: base || (err.validationContext ?? 'body'), message: v.message ?? 'is invalid' });
    }
  }
  return out;
}

/** Builds the Fastify app: plugins, hooks and one register() per module. Does not listen. */
export async function buildApp(deps: Deps): Promise<FastifyInstance> {
  const secure = deps.config.env === 'production';
  const app = Fastify({
    logger:
      deps.config.logLevel === 'silent'
        ? false
        : {
            level: deps.config.logLevel,
            redact: { paths: LOG_REDACT, censor: '[redacted]' },
            ...(deps.logStream ? { stream: deps.logStream } : {}),
          },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 64 * 1024,
    trustProxy: deps.config.env === 'production',
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: secure ? [] : null,
      },
    },
    hsts: secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Eidør API', version: APP_VERSION, description: 'Case software for municipal refugee work' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE(secure) } } },
    },
    transform: jsonSchemaTransform,
  });

  // Uploads (api entries with `upload`): the body is the file, handed to the handler as a stream
  // so a large list is parsed while it arrives. The handler enforces the size limit.
  app.addContentTypeParser(['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], (_req, payload, done) => done(null, payload));
  // Documents (journal): the server decides the type from the bytes, whatever the declared type says.
  app.addContentTypeParser(
    ['application/pdf', 'image/png', 'image/jpeg', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/octet-stream'],
    (_req, payload, done) => done(null, payload),
  );

  app.decorateRequest('session', null);
  // Authentication: the session cookie is resolved before anything else of the request is read.
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    reply.header('cache-control', 'no-store');
    const token = req.cookies[SESSION_COOKIE(secure)];
    req.session = token ? await findSession(deps.database.db, token, deps.clock.now(), deps.sessionPolicy) : null;
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const send = (code: ErrorCode, message: string, fields?: FieldError[], status: number = ERROR_STATUS[code]) => {
      const body: ErrorBody = { error: { code, message, requestId: req.id, ...(fields ? { fields } : {}) } };
      return reply.code(status).send(body);
    };
    if (err instanceof AppError) {
      if (err.headers) reply.headers(err.headers);
      if (err.status >= 400 && err.status < 500) req.log.info({ code: err.code }, 'request refused');
      return send(err.code, err.message, err.fields);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = fieldsOf(err);
      return send('VALIDATION', `Invalid ${err.validationContext ?? 'input'}: ${fields.map((f) => `${f.path} ${f.message}`).join('; ')}`, fields);
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err: { message: err.message, method: err.method, url: err.url } }, 'response does not match the contract');
      return send('INTERNAL', 'Internal error');
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send('PAYLOAD_TOO_LARGE', 'The request body is too large');
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Malformed JSON, wrong content type, empty body and the like.
      return send('VALIDATION', err.message.replace(/^Body /, 'Request body '), [{ path: 'body', message: err.message }], 400);
    }
    req.log.error({ err }, 'unhandled error');
    return send('INTERNAL', 'Internal error; quote the request id when reporting it');
  });

  registerHealth(app, deps);
  registerAuth(app, deps);
  registerUnits(app, deps);
  registerUsers(app, deps);
  registerPersons(app, deps);
  registerSettlement(app, deps);
  registerHousing(app, deps);
  registerTasks(app, deps);
  registerProgramme(app, deps);
  registerExtraGrants(app, deps);
  registerGrants(app, deps);
  registerJournal(app, deps);
  registerReferrals(app, deps);
  registerPersonOverview(app, deps);
  registerGroups(app, deps);
  registerNotifications(app, deps);
  registerAudit(app, deps);
  registerDev(app, deps);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webDist = deps.config.webDist ?? DEFAULT_WEB_DIST;
  const hasWeb = existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET') {
      return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'Not found', requestId: req.id } } satisfies ErrorBody);
    }
    if (!hasWeb) return reply.code(404).type('text/plain').send('The web app is not built. Run: npm run build');
    // Client-side routes: every other GET gets the single-page app.
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}
