import { z } from 'zod';

interface Operation {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  summary: string;
  body?: z.ZodType;
  query?: z.ZodType;
  /** Who may call it, for the reader. */
  access: string;
  produces?: string;
}

/** Operations registered by the route modules as they define routes; served at /api/openapi.json. */
export class OpenApiRegistry {
  private readonly ops: Operation[] = [];

  add(op: Operation): void {
    this.ops.push(op);
  }

  document(serverUrl: string): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const op of this.ops) {
      const path = op.path.replace(/:(\w+)/g, '{$1}');
      const params = [...op.path.matchAll(/:(\w+)/g)].map((m) => ({
        name: m[1],
        in: 'path',
        required: true,
        schema: { type: 'string' },
      }));
      const query = op.query ? queryParams(op.query) : [];
      paths[path] ??= {};
      (paths[path] as Record<string, unknown>)[op.method] = {
        summary: op.summary,
        description: `Access: ${op.access}.`,
        parameters: [...params, ...query],
        ...(op.body
          ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(op.body) } } } }
          : {}),
        responses: {
          '200': { description: 'OK', content: { [op.produces ?? 'application/json']: {} } },
          default: {
            description: 'Error',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
        },
        security: [{ bearer: [] }, { cookie: [] }],
      };
    }
    return {
      openapi: '3.1.0',
      info: { title: 'Accord API', version: '1', description: 'Everything the Accord UI does, for scripts.' },
      servers: [{ url: serverUrl }],
      paths,
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'API token (ADMIN_TOKEN or one issued by POST /api/tokens)',
          },
          cookie: { type: 'apiKey', in: 'cookie', name: 'accord_session' },
        },
        schemas: {
          Error: {
            type: 'object',
            properties: {
              error: {
                type: 'object',
                properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
                required: ['code', 'message'],
              },
            },
          },
        },
      },
    };
  }
}

function queryParams(schema: z.ZodType): unknown[] {
  // Input view: a parameter with a default is optional for the caller.
  const json = z.toJSONSchema(schema, { io: 'input' }) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: s,
  }));
}
