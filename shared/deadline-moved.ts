// Why a deadline of N 自然日 is later than its Nth day: one sentence, shown by the UI and printed by the CLI.

/** e.g. `第7日 2026年10月5日 是国庆节，依民法典第二百零三条顺延至其后第一个工作日` */
export function deadlineMovedText(moved: { date: string; name: string }, days?: number): string {
  const [y, m, d] = moved.date.split('-').map(Number);
  const nth = days === undefined ? '期间最后一日' : `第${days}日`;
  return `${nth} ${y}年${m}月${d}日 是${moved.name}，依民法典第二百零三条顺延至其后第一个工作日`;
}
