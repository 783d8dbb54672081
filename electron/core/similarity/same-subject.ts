import type { Db } from '../db/open.js';
import { cached } from '../ledger/statements.js';

// 反弹 is one matter flaring up again, not another of its kind: a 供暖不达标 post from 学府花园 is not a 反弹 of
// one from 龙泉佳苑 closed last month, however alike the two read (that is a 共性问题). Text alone cannot tell them
// apart — posts about one kind of matter in different places share most of their words — so where both incidents
// record where it happened (township) and whom it concerns (涉事单位), those must agree. What is not recorded
// does not rule a pair out: a person confirms every 反弹.

export interface Subject {
  townshipId: string | null;
  /** 涉事单位 as written; '' when not recorded. */
  involved: string;
}

/** One unit written shorter or longer (鑫源置业 / 鑫源置业有限公司) is the same unit. */
function sameUnit(a: string, b: string): boolean {
  const x = a.replace(/\s+/gu, '');
  const y = b.replace(/\s+/gu, '');
  return x === '' || y === '' || x.includes(y) || y.includes(x);
}

export function sameSubject(a: Subject, b: Subject): boolean {
  if (a.townshipId !== null && b.townshipId !== null && a.townshipId !== b.townshipId) return false;
  return sameUnit(a.involved, b.involved);
}

/** The 涉事单位 of an incident by rowid ('' when none). */
export function involvedOf(db: Db, rowid: number): string {
  return (cached(db, 'SELECT involved_unit FROM incidents WHERE rowid = ?').pluck().get(rowid) as string | undefined) ?? '';
}
