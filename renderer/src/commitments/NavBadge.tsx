import { useEffect, useState } from 'react';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { useCommitments } from './store.js';
import './commitments.css';

const REFRESH_MS = 5 * 60_000;

/** The count on 承诺督办 in the navigation: commitments overdue or due today. Recounted when the board changes. */
export function CommitmentsBadge() {
  const version = useCommitments((s) => s.version);
  const [count, setCount] = useState(0);
  useEffect(() => {
    let live = true;
    const load = () =>
      void call('getAttention').then((r) => {
        if (live && r.ok) setCount(r.value.badge);
      });
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [version]);
  if (count === 0) return null;
  return (
    <span className="nav-badge" data-testid="nav-commitments-badge" aria-label={t.commitments.badge(count)} title={t.commitments.badge(count)}>
      {count > 99 ? '99+' : count}
    </span>
  );
}
