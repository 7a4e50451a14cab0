import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypesSource } from '../../scripts/apiTypesSource.js';

/**
 * The client's API calls are typed from the OpenAPI document (client/api/schema.d.ts, committed).
 * A route that changes without regenerating them fails here, not in a browser.
 */
describe('the client API types', () => {
  it('are what `npm run api:types` makes from the current OpenAPI document', async () => {
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    const fresh = await apiTypesSource();
    expect(committed === fresh, `${API_TYPES_FILE} is out of date: run npm run api:types`).toBe(true);
  });
});
