import { codeWords } from '../../../shared/code-words.js';
import { t } from '../i18n/zh-CN.js';
import { fingerprintGroups } from './format.js';

/**
 * What two people compare by phone: the card's eight 核对词 (shared/code-words.ts, derived from its fingerprint),
 * large, read one word at a time. The fingerprint itself (eight groups of four hex digits) is one click away for
 * whoever supports the office; both say the same thing.
 */
export function Fingerprint({ value, size = 'large', testId }: { value: string; size?: 'large' | 'small'; testId?: string }) {
  const words = codeWords(value);
  return (
    <span className={`sy-fp sy-fp-${size}`} data-testid={testId} data-fingerprint={value} aria-label={words.join(' ')}>
      <span className="sy-words" data-testid={testId ? `${testId}-words` : undefined}>
        {words.map((word, i) => (
          <span key={i} className="sy-word">
            {word}
          </span>
        ))}
      </span>
      <details className="sy-fp-detail">
        <summary>{t.sync.technical}</summary>
        <span className="sy-fp-hex">
          {fingerprintGroups(value).map((group, i) => (
            <span key={i} className="sy-fp-group">
              {group}
            </span>
          ))}
        </span>
      </details>
    </span>
  );
}
