import base from './playwright.config';

// `npm run screenshots`: the same browser and server as the browser tests, for the spec that
// writes docs/screenshots/ (kept out of `npm test`).
export default { ...base, testDir: 'tests/screenshots' };
