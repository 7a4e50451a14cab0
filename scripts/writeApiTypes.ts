import { writeFileSync } from 'node:fs';
import { API_TYPES_FILE, apiTypesSource } from './apiTypesSource.js';

// npm run api:types — regenerates the client's API types after a route changed (a test fails until you do).
writeFileSync(API_TYPES_FILE, await apiTypesSource());
console.log(`wrote ${API_TYPES_FILE}`);
