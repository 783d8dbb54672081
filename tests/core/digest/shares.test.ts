import { describe, expect, it } from 'vitest';
import { formatShare } from '../../../shared/api/digest.js';

// Shares as leaders read them on paper: one decimal where needed, and never a rounded “all” or “none”.

describe('formatShare', () => {
  it('writes shares with at most one decimal', () => {
    expect(formatShare(0.5)).toBe('50%');
    expect(formatShare(4 / 7)).toBe('57.1%');
    expect(formatShare(1)).toBe('100%');
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(null)).toBe('—');
  });

  it('does not round a share that is not all to 100%, nor one that is not none to 0%', () => {
    expect(formatShare(2027 / 2028)).toBe('99.9%');
    expect(formatShare(1 / 5000)).toBe('0.1%');
  });
});
