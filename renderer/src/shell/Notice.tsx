import { useEffect } from 'react';
import { t } from '../i18n/zh-CN.js';
import { useUi } from '../stores/ui.js';

// A brief confirmation (e.g. 已登记 YQ-2026-0001). It stays long enough to read the number, then goes.
const VISIBLE_MS = 6000;

export function Notice() {
  const notice = useUi((s) => s.notice);
  const dismiss = useUi((s) => s.dismissNotice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(dismiss, VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  return (
    <div className="notice-region" role="status" aria-live="polite">
      {notice && (
        <div className="notice" data-testid="notice">
          <span>{notice}</span>
          <button type="button" className="notice-close" aria-label={t.close} onClick={dismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
