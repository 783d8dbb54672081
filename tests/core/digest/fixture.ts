import { contractCalls } from '../../helpers/ledger-calls.js';
import { tempLedger } from '../../helpers/temp.js';

// A crafted ledger for the 2026-W48 digest (Monday 2026-11-23 00:00 to Sunday 2026-11-29 24:00 China time),
// written through the contract with fixed times, so every figure of the report can be worked out by hand.
// The clock stands at Monday 2026-11-30 09:00 China time — the morning the digest is printed; the figures are
// taken at the week's end (2026-11-30 00:00), so what happened on Monday morning must not count.
//
// Incidents (发现时间, China time):
//   P1 11-18 10:00 一般 微博 欠薪            (previous week) response 11-23 09:00 情况通报 (in W48, 48h met late)
//   P2 11-22 23:59 较大 抖音 环境            (previous week: Sunday 23:59) never answered → 48h still overdue
//   A  11-23 00:00 重大 抖音 欠薪 羊山镇     (Monday 00:00 → W48) 权威信息 03:00 (5h ✓), 发布会 20:00 (24h ✓)
//   B  11-24 09:00 特别重大 微博 环境+食药 柳城街道  权威信息 16:00 (5h due 14:00 ✗ late), 发布会 11-25 08:00 (24h ✓)
//   C  11-25 10:00 较大 微信 教育医疗        网上答复 11-26 09:00 (48h ✓)
//   C2 11-23 14:00 较大 本地论坛 房地产金融  网上答复 11-26 15:00 (48h due 11-25 14:00 ✗ late)
//   D  11-26 10:00 一般 微博 欠薪            no response: 48h due 11-28 10:00 → missed, still overdue (38 h at asOf)
//   E  11-28 20:00 一般 12345热线 养老        no response: 48h due 11-30 20:00 → running at asOf
//   F  11-29 23:59 重大 今日头条 安全生产    (Sunday 23:59 → W48) answered 11-30 02:00, after asOf → running
//   G  11-27 11:00 一般 微博 其他            judged 无需回应 → out of the response figures
//   H  11-30 08:00 一般 微博 欠薪            (Monday of W49: not in W48)
//
// Commitments:
//   K1 A  县人社局      made 11-23 12:00, due 11-27, fulfilled 11-26 15:00, published 政务微博 11-27 10:00
//   K2 B  县生态环境分局 made 11-24 18:00, due 11-26, open → overdue 4 days at asOf
//   K3 C  县教育局      made 11-26 10:00, due 12-02 → due next week
//   K4 P1 县人社局      made 11-19 10:00, due 11-30, fulfilled 11-30 08:00 (after asOf) → open at asOf, due next week
//   K5 P2 县生态环境分局 made 11-20 10:00, due 11-21, fulfilled 11-24 10:00, not published (涉及个人隐私)
//   K6 C2 县住建局      made 11-25 12:00, due 12-10 → neither
//   K7 A  县人社局      made 11-23 12:00, due 11-28 (Saturday), 推进中 → overdue 2 days

export const NOW_CHINA = '2026-11-30 09:00';

export function digestLedger() {
  const ledger = tempLedger({ now: () => Date.parse('2026-11-30T01:00:00Z') });
  return { ledger, ...contractCalls(ledger) };
}

type Ok = ReturnType<typeof digestLedger>['ok'];

export async function fillW48(ok: Ok) {
  const incident = (title: string, foundAt: string, severity: string, platform: string, categories: string[], extra: Record<string, string> = {}) =>
    ok('createIncident', { title, foundAt, severity, platform, categories, ...extra });
  const respond = (incidentId: string, at: string, method: string, channel: string, content: string, unit: string) =>
    ok('addResponse', { incident: incidentId, at, method, channel, content, unit });

  const p1 = await incident('某建筑工地拖欠农民工工资', '2026-11-18 10:00', '一般', '微博', ['欠薪']);
  const p2 = await incident('河道出现大量死鱼', '2026-11-22 23:59', '较大', '抖音', ['环境']);
  const a = await incident('羊山镇某企业拖欠百余名工人工资', '2026-11-23 00:00', '重大', '抖音', ['欠薪'], { township: '羊山镇', leadUnit: '县人社局' });
  const b = await incident('柳城街道化工厂异味引发居民聚集', '2026-11-24 09:00', '特别重大', '微博', ['环境', '食药'], {
    township: '柳城街道',
    leadUnit: '县生态环境分局',
  });
  const c = await incident('某中学食堂饭菜质量引发家长不满', '2026-11-25 10:00', '较大', '微信', ['教育医疗'], { leadUnit: '县教育局' });
  const c2 = await incident('某楼盘逾期交房业主维权', '2026-11-23 14:00', '较大', '本地论坛', ['房地产金融'], { leadUnit: '县住建局' });
  await incident('某超市拖欠员工三个月工资', '2026-11-26 10:00', '一般', '微博', ['欠薪'], { leadUnit: '县人社局' });
  await incident('养老院护理人员态度恶劣', '2026-11-28 20:00', '一般', '12345热线', ['养老'], { leadUnit: '县民政局' });
  const f = await incident('某矿山发生透水事故', '2026-11-29 23:59', '重大', '今日头条', ['安全生产'], { leadUnit: '县应急管理局' });
  const g = await incident('网传县城将全面限行系谣言', '2026-11-27 11:00', '一般', '微博', ['其他']);
  await ok('transitionIncident', { id: g.id, to: '无需回应', reason: '经核实为个别网民误传，已自然平息' });
  await incident('某小区物业拖欠保洁工资', '2026-11-30 08:00', '一般', '微博', ['欠薪']);

  await respond(p1.id, '2026-11-23 09:00', '情况通报', '政府网站', '县人社局已约谈施工方，督促其限期结清欠薪。', '县人社局');
  await respond(a.id, '2026-11-23 03:00', '发布权威信息', '政务微博', '县人社局已成立工作专班进驻企业核实欠薪情况。', '县人社局');
  await respond(a.id, '2026-11-23 20:00', '新闻发布会/吹风会', '媒体', '召开新闻发布会通报欠薪处置进展，企业承诺11月27日前发放全部工资。', '县政府办公室');
  await respond(b.id, '2026-11-24 16:00', '发布权威信息', '政务微信', '县生态环境分局已对涉事化工厂停产检查，空气质量监测数据将每日公布。', '县生态环境分局');
  await respond(b.id, '2026-11-25 08:00', '新闻发布会/吹风会', '媒体', '县政府召开新闻发布会，通报化工厂异味调查结果及整改措施。', '县政府办公室');
  await respond(c.id, '2026-11-26 09:00', '网上答复/12345回复', '政务微信', '县教育局已责成学校整改食堂管理并公开每周食谱。', '县教育局');
  await respond(c2.id, '2026-11-26 15:00', '网上答复/12345回复', '政府网站', '县住建局已约谈开发商，督促制定交房计划。', '县住建局');
  await respond(f.id, '2026-11-30 02:00', '发布权威信息', '政务微博', '县应急管理局已组织救援，被困人员全部获救。', '县应急管理局');

  const commit = (incidentId: string, content: string, unit: string, promisedAt: string, date: string) =>
    ok('addCommitment', { incident: incidentId, content, unit, promisedAt, deadline: { date } });
  const k1 = await commit(a.id, '11月27日前发放全部拖欠工资', '县人社局', '2026-11-23 12:00', '2026-11-27');
  await ok('updateCommitment', {
    id: k1.id,
    patch: { status: '已兑现', evidence: '工资已全部发放', fulfilledAt: '2026-11-26 15:00', publication: { published: true, channel: '政务微博', at: '2026-11-27 10:00' } },
  });
  await commit(b.id, '11月26日前公布化工厂整改方案', '县生态环境分局', '2026-11-24 18:00', '2026-11-26');
  await commit(c.id, '12月2日前完成食堂整改并公开验收结果', '县教育局', '2026-11-26 10:00', '2026-12-02');
  const k4 = await commit(p1.id, '11月30日前结清工地欠薪', '县人社局', '2026-11-19 10:00', '2026-11-30');
  await ok('updateCommitment', { id: k4.id, patch: { status: '已兑现', evidence: '已结清', fulfilledAt: '2026-11-30 08:00' } });
  // Promised the minute P2 was found (a promise cannot precede 发现时间), still in the previous week.
  const k5 = await commit(p2.id, '11月23日前查明死鱼原因', '县生态环境分局', '2026-11-22 23:59', '2026-11-23');
  await ok('updateCommitment', {
    id: k5.id,
    patch: { status: '已兑现', evidence: '已查明系水体缺氧', fulfilledAt: '2026-11-24 10:00', publication: { published: false, note: '涉及个人隐私' } },
  });
  await commit(c2.id, '12月10日前公布交房计划', '县住建局', '2026-11-25 12:00', '2026-12-10');
  const k7 = await commit(a.id, '11月28日前完成企业用工情况全面排查', '县人社局', '2026-11-23 12:00', '2026-11-28');
  await ok('updateCommitment', { id: k7.id, patch: { status: '推进中' } });
}
