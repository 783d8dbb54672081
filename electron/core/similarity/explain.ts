import type { Names } from '../digest/names.js';
import type { Match } from './score.js';
import type { Profile } from './profile.js';

// The reason a person reads beside a similar incident:
//   标题和摘要有 68% 相同的词（供暖、室温）；同为 困难群众生活；均为 县住建局 牵头；同在 城关镇；相隔 3 天

export function reasonOf(match: Match, a: Profile, names: Names): string {
  const parts = [`标题和摘要有 ${Math.round(match.text * 100)}% 相同的词${match.shared.length > 0 ? `（${match.shared.slice(0, 4).join('、')}）` : ''}`];
  if (match.categories.length > 0) parts.push(`同为 ${match.categories.map(names.category).join('、')}`);
  if (match.sameLead) parts.push(`均为 ${names.unit(a.leadUnitId)} 牵头`);
  if (match.sameTownship) parts.push(`同在 ${names.township(a.townshipId)}`);
  parts.push(match.days < 1 ? '同一天发现' : `相隔 ${Math.round(match.days)} 天`);
  return parts.join('；');
}
