import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { refusal } from './use-action';

// The check useAction makes before anything is sent: the server's own schema, then the form's
// own words or extra check.

describe('useAction refusal', () => {
  const load = { topic: 'orders', rate: 100, durationSeconds: 30, keyPattern: null, keySpace: 10 };

  it('passes a valid payload', () => {
    assert.equal(refusal('produce:load-start', load, {}), null);
  });

  it('refuses what the schema refuses, worded as field: message', () => {
    assert.equal(
      refusal('produce:load-start', { ...load, rate: 50_001 }, {}),
      'rate: at most 50000 messages per second',
    );
  });

  it("uses the form's wording when it has one, and its extra check only after the schema", () => {
    const describe = () => 'pick a rate';
    const check = () => 'never mind';
    assert.equal(refusal('produce:load-start', { ...load, rate: 0 }, { describe, check }), 'pick a rate');
    assert.equal(refusal('produce:load-start', load, { describe, check }), 'never mind');
  });
});
