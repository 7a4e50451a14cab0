import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './context.js';
import { SESSION_COOKIE } from './context.js';

/** The path the document is served at (app.ts), and the tests and client generator read it from. */
export const OPENAPI_PATH = '/api/openapi.json';

const info = {
  title: 'Accord API',
  version: '1',
  description:
    'Everything the Accord UI does, for scripts. Errors are always `{ error: { code, message, details? } }`; ' +
    'clients switch on `code`. Generated from the route definitions (server/http/routes).',
};

/**
 * Registers what the operations share: how callers authenticate (an API token as a bearer
 * token, or the browser's session cookie, which also needs a same-origin request for writes).
 * Operations that need neither say `security: []`.
 */
export function registerSecuritySchemes(app: OpenAPIHono<AppEnv>): void {
  const registry = app.openAPIRegistry;
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'API token (ADMIN_TOKEN or one issued by POST /api/tokens)',
  });
  registry.registerComponent('securitySchemes', 'cookie', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'The browser session; state-changing requests must come from an Accord page (Origin)',
  });
  registry.registerComponent('securitySchemes', 'metricsToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'METRICS_TOKEN, for /metrics when it is set',
  });
}

/** The OpenAPI 3.1 document of every operation registered on `app`, for a server at `serverUrl`. */
export function openApiDocument(app: OpenAPIHono<AppEnv>, serverUrl: string) {
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info,
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }, { cookie: [] }],
  });
}
