import { describe, expect, it } from 'vitest';
import { PerAddressLimit } from '../../src/server/per-address-limit.js';

describe('PerAddressLimit', () => {
  it('admits up to the cap per address, independently per address, and frees a slot once per leave', () => {
    const gate = new PerAddressLimit(2);
    const a1 = gate.enter('10.0.0.1');
    const a2 = gate.enter('10.0.0.1');
    expect(a1).toBeDefined();
    expect(a2).toBeDefined();
    expect(gate.enter('10.0.0.1')).toBeUndefined();
    expect(gate.enter('10.0.0.2')).toBeDefined();
    a1!();
    a1!(); // a second call must not free a second slot
    expect(gate.count('10.0.0.1')).toBe(1);
    expect(gate.enter('10.0.0.1')).toBeDefined();
    expect(gate.enter('10.0.0.1')).toBeUndefined();
  });
});
