import { t } from '../i18n/zh-CN.js';

/** "另有 N 项，在“…”中查看 →": the rest of a 工作台 list is one click away, in the view that lists all of them. */
export function MoreLink({ count, where, onClick, testId }: { count: number; where: string; onClick: () => void; testId?: string }) {
  if (count <= 0) return null;
  return (
    <button type="button" className="link-button dash-more" data-testid={testId} onClick={onClick}>
      {t.dashboard.more(count)}
      {t.dashboard.moreTo(where)}
    </button>
  );
}
