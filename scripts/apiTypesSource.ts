import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { createAccord } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { openApiDocument } from '../server/http/openApiDocument.js';
import { createLogger } from '../server/logger.js';

/** Where the client's API types live (client/api/apiClient.ts types its calls with them). */
export const API_TYPES_FILE = 'client/api/schema.d.ts';

/** The OpenAPI document of the app, built without listening (on a throwaway data directory). */
export async function buildApiDocument(): Promise<ReturnType<typeof openApiDocument>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-openapi-'));
  try {
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const accord = await createAccord(config, createLogger(config));
    try {
      return openApiDocument(accord.app, '/');
    } finally {
      await accord.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The client's API types, generated from the document by openapi-typescript. */
export async function apiTypesSource(): Promise<string> {
  const document = await buildApiDocument();
  // openapi-typescript takes the document as a plain JSON object.
  // defaultNonNullable off: a field with a default may be left out of a request body.
  const ast = await openapiTS(JSON.parse(JSON.stringify(document)), { defaultNonNullable: false });
  return `/**\n * Generated from the OpenAPI document by \`npm run api:types\` (scripts/writeApiTypes.ts): do not edit.\n */\n\n${astToString(ast)}`;
}
