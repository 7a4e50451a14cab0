import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI_PATH } from '../../server/http/openApiDocument.js';
import { ADMIN_TOKEN, removeDir, startTestServer, type TestServer } from '../support/testServer.js';

/**
 * The OpenAPI document is generated from the route definitions: it must be a valid document,
 * list every operation the app really registered, and describe what the server really answers —
 * checked here by validating real answers against the document's own JSON Schemas.
 */
interface Operation {
  operationId?: string;
  security?: unknown[];
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content: Record<string, { schema?: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
}
interface Doc {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  security?: unknown[];
  components: { securitySchemes: Record<string, { type: string }>; schemas: Record<string, unknown> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
/** What the server answers 201 to: everything that creates a resource. */
const CREATES = [
  'createDocument',
  'importDocument',
  'createInvite',
  'issueSigninLink',
  'lodgeObjection',
  'issueRevision',
  'raiseFlag',
  'createScreenLink',
];
/** No session or token needed (a new person's first requests, and the probes). */
const ANONYMOUS = ['signIn', 'signOut', 'getInvite', 'acceptInvite', 'getHealth', 'getReadiness', 'openScreen'];

describe('the OpenAPI document', () => {
  let server: TestServer;
  let doc: Doc;
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, op]) => ({ path, method, op })),
    );
  const operation = (operationId: string) => {
    const found = operations().find((o) => o.op.operationId === operationId);
    if (!found) throw new Error(`no operation ${operationId}`);
    return found;
  };

  /** Checks a real answer against the schema the document gives for it (JSON Schema 2020-12, as OpenAPI 3.1). */
  let ajv: Ajv2020;
  const schemaFor = (operationId: string, status: number, type = 'application/json') => {
    const { path, method, op } = operation(operationId);
    expect(op.responses[String(status)]?.content?.[type]?.schema, `${operationId} documents ${status}`).toBeTruthy();
    const pointer = ['paths', path, method, 'responses', String(status), 'content', type, 'schema']
      .map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1'))
      .join('/');
    const validate = ajv.getSchema(`urn:accord:openapi#/${pointer}`);
    if (!validate) throw new Error(`no schema at ${pointer}`);
    return validate;
  };
  const conforms = (operationId: string, res: { status: number; body: unknown }) => {
    const validate = schemaFor(operationId, res.status);
    const valid = validate(res.body);
    expect(validate.errors ?? [], `${operationId} ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`).toEqual(
      [],
    );
    expect(valid).toBe(true);
  };

  beforeAll(async () => {
    server = await startTestServer();
    const res = await fetch(`${server.url}${OPENAPI_PATH}`);
    expect(res.status).toBe(200);
    doc = (await res.json()) as Doc;
    ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    ajv.addSchema({ ...doc, $id: 'urn:accord:openapi' });
  });
  afterAll(async () => {
    await server.stop();
    removeDir(server.dataDir);
  });

  it('is a valid OpenAPI 3.1 document (swagger-parser)', async () => {
    expect(doc.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
    console.log(`openapi: ${operations().length} operations, ${Object.keys(doc.components.schemas).length} schemas`);
  });

  it('documents every route the app registered under /api, with its method, and nothing it did not', () => {
    const registered = new Set(
      server.accord.app.routes
        .filter((r) => r.method !== 'ALL' && !r.path.includes('*'))
        .filter((r) => r.path.startsWith('/api/') && r.path !== OPENAPI_PATH)
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = new Set(operations().map((o) => `${o.method} ${o.path}`));
    expect(registered.size).toBeGreaterThan(25);
    expect([...registered].filter((r) => !documented.has(r))).toEqual([]);
    const probes = ['get /healthz', 'get /readyz', 'get /metrics'];
    expect([...documented].filter((d) => !registered.has(d) && !probes.includes(d))).toEqual([]);
  });

  it('gives every operation a unique operationId and a response schema for its success', () => {
    const ids = operations().map((o) => o.op.operationId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { op } of operations()) {
      const success = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
      expect(success.length, op.operationId).toBeGreaterThan(0);
      for (const [, response] of success) {
        const contents = Object.values(response.content ?? {});
        expect(contents.length, op.operationId).toBeGreaterThan(0);
        for (const c of contents) expect(Object.keys(c.schema ?? {}).length, op.operationId).toBeGreaterThan(0);
      }
    }
  });

  it('documents 201 where the server creates, and the shared Error body for every error', () => {
    for (const id of CREATES) {
      const { op } = operation(id);
      expect(
        Object.keys(op.responses).filter((s) => s.startsWith('2')),
        id,
      ).toEqual(['201']);
    }
    for (const { op, path } of operations()) {
      if (!path.startsWith('/api/')) continue;
      const errors = Object.entries(op.responses).filter(([status]) => /^[45]\d\d$/.test(status));
      expect(
        errors.map(([s]) => s),
        op.operationId,
      ).toContain('500');
      for (const [, r] of errors) {
        expect(r.content?.['application/json']?.schema, op.operationId).toEqual({
          $ref: '#/components/schemas/Error',
        });
      }
    }
    expect(operation('setParagraphStatus').op.responses['409']).toBeTruthy();
    expect(operation('exportDocument').op.responses['409']).toBeTruthy();
    expect(operation('importDocument').op.responses['413']).toBeTruthy();
    expect(operation('createInvite').op.responses['429']).toMatchObject({ headers: { 'Retry-After': {} } });
  });

  it('says how to authenticate, and that the anonymous operations need nothing', () => {
    expect(doc.components.securitySchemes.bearer?.type).toBe('http');
    expect(doc.components.securitySchemes.cookie?.type).toBe('apiKey');
    expect(doc.security).toEqual([{ bearer: [] }, { cookie: [] }]);
    for (const id of ANONYMOUS) expect(operation(id).op.security, id).toEqual([]);
    const secured = operations().filter((o) => !ANONYMOUS.includes(o.op.operationId ?? '') && o.path !== '/metrics');
    for (const { op } of secured) expect(op.security, op.operationId).toBeUndefined();
  });

  it('documents query parameters, the multipart import and the export files', () => {
    const query = (id: string) =>
      (operation(id).op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    expect(query('compareVersions')).toEqual(expect.arrayContaining(['from', 'to', 'format']));
    expect(query('exportDocument')).toEqual(expect.arrayContaining(['format', 'variant', 'revision', 'markDraft']));
    expect(query('getDocumentAudit')).toEqual(expect.arrayContaining(['after', 'limit', 'format', 'verify']));
    const form = operation('importDocument').op.requestBody?.content['multipart/form-data']?.schema;
    expect(form).toMatchObject({ properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] });
    const files = Object.keys(operation('exportDocument').op.responses['200']?.content ?? {});
    expect(files).toEqual(
      expect.arrayContaining(['application/pdf', 'text/markdown', 'application/akn+xml', 'text/html']),
    );
  });

  it('describes what the server really answers (contract check on a real server)', async () => {
    const created = await server.api<{ id: string }>('POST', '/api/documents', { title: 'Contract check' });
    expect(created.status).toBe(201);
    conforms('createDocument', created);
    // The schemas have teeth: a body of another shape does not pass.
    expect(schemaFor('createDocument', 201)({ ...created.body, role: 'president' })).toBe(false);
    expect(schemaFor('getDocument', 200)({ id: 'x' })).toBe(false);
    const docId = created.body.id;
    const base = `/api/documents/${docId}`;

    const form = new FormData();
    form.set('file', new Blob(['# Legal measures\n\nStates [should] cooperate.\n\nA second paragraph.\n']), 'z.md');
    form.set('title', 'Imported');
    const imported = await fetch(`${server.url}/api/documents/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      body: form,
    });
    expect(imported.status).toBe(201);
    const importedBody = (await imported.json()) as { id: string };
    conforms('importDocument', { status: 201, body: importedBody });
    const imp = `/api/documents/${importedBody.id}`;

    conforms('getMe', await server.api('GET', '/api/me'));
    conforms('listDocuments', await server.api('GET', '/api/documents'));
    conforms('getDocument', await server.api('GET', base));
    const member = await server.addPerson(docId, 'member', 'Ana');
    conforms('listMembers', await server.api('GET', `${base}/members`));
    conforms('createInvite', await server.api('POST', `${base}/invites`, { role: 'observer' }));
    conforms('changeMemberRole', await server.api('PATCH', `${base}/members/${member.userId}`, { role: 'observer' }));
    conforms('issueSigninLink', await server.api('POST', `${base}/members/${member.userId}/signin-link`));
    conforms('issueApiToken', await server.api('POST', '/api/tokens', { label: 'ci' }));
    conforms('listApiTokens', await server.api('GET', '/api/tokens'));

    const rev = await server.api<{ number: number }>('POST', `${imp}/revisions`, { note: 'zero' });
    conforms('issueRevision', rev);
    conforms('listRevisions', await server.api('GET', `${imp}/revisions`));
    const snapshot = await server.api<{ draft: { sections: Array<{ paragraphs: Array<{ id: string }> }> } }>(
      'GET',
      `${imp}/revisions/${rev.body.number}`,
    );
    conforms('getRevision', snapshot);
    const pid = snapshot.body.draft.sections[0]?.paragraphs[0]?.id ?? '';
    const para = `${imp}/paragraphs/${pid}`;

    const stale = await server.api<{ error: { code: string } }>('POST', `${para}/status`, {
      status: 'under_negotiation',
      textHash: '0'.repeat(64),
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('text_changed');
    conforms('setParagraphStatus', stale);
    conforms('setParagraphStatus', await server.api('POST', `${para}/status`, { status: 'under_negotiation' }));
    const objection = await server.api<{ id: string }>('POST', `${para}/objections`, { reason: 'Too vague' });
    conforms('lodgeObjection', objection);
    conforms(
      'answerObjection',
      await server.api('POST', `${imp}/objections/${objection.body.id}/answer`, { text: 'Noted' }),
    );
    const locked = await server.api('POST', `${para}/lock`);
    expect(locked.status).toBe(409);
    conforms('lockParagraph', locked);
    conforms('compareVersions', await server.api('GET', `${imp}/compare?from=0&to=live`));
    conforms('getDocumentAudit', await server.api('GET', `${imp}/audit?limit=2`));
    conforms('getInstallationAudit', await server.api('GET', '/api/audit?limit=5'));
    const clean = await server.api('GET', `${imp}/export?format=md&variant=clean`);
    expect(clean.status).toBe(409);
    conforms('exportDocument', clean);
    const md = await fetch(`${server.url}${imp}/export?format=md`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(md.status).toBe(200);
    expect(operation('exportDocument').op.responses['200']?.content).toHaveProperty(
      md.headers.get('content-type')?.split(';')[0] ?? 'none',
    );

    const invalid = await server.api<{ error: { code: string; message: string; details: unknown[] } }>(
      'POST',
      '/api/documents',
      { title: '' },
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('bad_request');
    expect(invalid.body.error.message).toMatch(/^Invalid request: title: /);
    expect(invalid.body.error.details.length).toBeGreaterThan(0);
    conforms('createDocument', invalid);
    const badQuery = await server.api('GET', `${imp}/audit?limit=0`);
    expect(badQuery.status).toBe(400);
    conforms('getDocumentAudit', badQuery);
    const notJson = await fetch(`${server.url}/api/documents`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        'content-type': 'application/json',
      },
      body: '{"title": ',
    });
    expect(notJson.status).toBe(400);
    conforms('createDocument', { status: 400, body: await notJson.json() });
    const anonymous = await fetch(`${server.url}/api/me`);
    conforms('getMe', { status: anonymous.status, body: await anonymous.json() });
    conforms('getDocument', await server.api('GET', '/api/documents/nope'));
    conforms('removeMember', await server.api('DELETE', `${base}/members/${member.userId}`));
    conforms('getHealth', { status: 200, body: await (await fetch(`${server.url}/healthz`)).json() });
    conforms('getReadiness', { status: 200, body: await (await fetch(`${server.url}/readyz`)).json() });
  });

  it('checks access before the body: a stranger gets 401/404, not a validation error', async () => {
    const anonymous = await fetch(`${server.url}/api/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(anonymous.status).toBe(401);
    const docId = await server.createDoc();
    const outsider = await server.addPerson(await server.createDoc(), 'member');
    const res = await server.api('POST', `/api/documents/${docId}/invites`, { role: 'nobody' }, outsider.token);
    expect(res.status).toBe(404);
  });

  it('keeps an empty body with Content-Type: application/json as {} where the body is optional', async () => {
    const res = await fetch(`${server.url}/api/tokens`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        'content-type': 'application/json',
      },
    });
    expect(res.status).toBe(200);
    conforms('issueApiToken', { status: 200, body: await res.json() });
  });
});
