import { fingerprintGroups } from './format.js';

/**
 * A fingerprint as eight separate groups of four, large and monospaced, so two people on the phone can read
 * and tick them off one group at a time (`0` and `O`, `1` and `I` must not be confusable).
 */
export function Fingerprint({ value, size = 'large', testId }: { value: string; size?: 'large' | 'small'; testId?: string }) {
  return (
    <span className={`sy-fp sy-fp-${size}`} data-testid={testId} data-fingerprint={value} aria-label={value}>
      {fingerprintGroups(value).map((group, i) => (
        <span key={i} className="sy-fp-group">
          {group}
        </span>
      ))}
    </span>
  );
}
