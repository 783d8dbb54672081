import { useEffect, useState } from 'react';
import type { Response } from '../../../shared/api/responses.js';
import { chinaParts } from '../../../shared/china-time.js';
import { RESPONSE_METHOD_LABELS } from '../../../shared/domain.js';
import { call } from '../bridge.js';

// A commitment may name the response that made it (issue 4): the add dialog offers the incident's responses, and
// wherever a commitment is shown it says which one — “源于回应：11月28日 14:05 新闻发布会/吹风会”.

const pad = (n: number) => String(n).padStart(2, '0');

/** 11月28日 14:05 新闻发布会/吹风会 — when and how; the year only when it is not this year's (China time). */
export function responseWhen(r: Pick<Response, 'at' | 'method'>, now = new Date()): string {
  const p = chinaParts(r.at);
  const year = p.year === chinaParts(now.toISOString()).year ? '' : `${p.year}年`;
  return `${year}${p.month}月${p.day}日 ${pad(p.hour)}:${pad(p.minute)} ${RESPONSE_METHOD_LABELS[r.method]}`;
}

/** The choice in a list: when and how, then the first words of what was said (two responses may share a minute). */
export function responseChoice(r: Pick<Response, 'at' | 'method' | 'content'>): string {
  const text = r.content.replace(/\s+/g, ' ').trim();
  return `${responseWhen(r)}：${text.length > 24 ? `${text.slice(0, 24)}…` : text}`;
}

/**
 * The responses of an incident (by id or number), newest first: the latest is the likeliest source. `null` while
 * loading or when no incident is named; an incident that does not exist has none.
 */
export function useResponses(incident: string | null): Response[] | null {
  const [loaded, setLoaded] = useState<{ incident: string; responses: Response[] } | null>(null);
  useEffect(() => {
    if (incident === null) return;
    let live = true;
    void call('listResponses', { incident }).then((r) => {
      if (live) setLoaded({ incident, responses: r.ok ? [...r.value].reverse() : [] });
    });
    return () => {
      live = false;
    };
  }, [incident]);
  // An answer for an earlier incident (typed a moment ago) is not this one's.
  return loaded !== null && loaded.incident === incident ? loaded.responses : null;
}
