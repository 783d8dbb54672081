import type { ResponseChannel, ResponseMethod } from '../../shared/domain.js';
import type { FieldValue } from '../../electron/core/ledger/tables.js';

// The response an incident's story implies when it reaches 已回应: what was said, where, by whom. Chosen by the
// incident's index rather than drawn from the generator's random streams, so adding responses changed no
// incident a seed already produced.

const SAID: Record<string, string> = {
  wages: '已介入调查，督促用工单位限期足额支付拖欠工资，并对欠薪企业依法处理',
  environment: '已组织执法人员现场检查，责令企业立即停产整改，相关监测数据将向社会公开',
  realestate: '已召集开发企业、业主代表协调，明确复工交房及办证时间表',
  hardship: '已安排工作人员入户核实，落实临时救助和取暖保障措施',
  edu_medical: '已成立调查组核查情况，依法依规处理并向家长和患者家属反馈',
  elderly: '已对相关机构开展检查，确保老人合法权益和补贴按时发放',
  food_drug: '已对涉事经营单位立案调查，抽检样品并下架问题产品',
  work_safety: '已责令涉事企业停产整顿，开展安全隐患排查，伤者得到及时救治',
  epidemic: '已发布权威信息，说明防控措施和就医安排，请群众不信谣不传谣',
  other: '已核实有关情况，将依法依规妥善处理并及时公布结果',
};
const FIRST_METHODS: ResponseMethod[] = ['briefing', 'online_reply', 'authoritative_info'];
const CHANNELS: ResponseChannel[] = ['gov_weibo', 'gov_wechat', 'gov_website', 'gov_douyin'];

export function demoResponses(input: {
  index: number;
  incidentId: string;
  severity: string;
  category: string;
  leadUnitId: string | null;
  unitName: string;
  at: string;
}): { id: string; fields: Record<string, FieldValue> }[] {
  const { index, incidentId, severity, category, leadUnitId, unitName, at } = input;
  const grave = severity === 'major' || severity === 'extreme';
  const base = (method: ResponseMethod, channel: ResponseChannel, content: string) => ({
    incident_id: incidentId,
    at,
    method,
    channel,
    url: '',
    content,
    unit_id: leadUnitId ?? 'u-zfb',
    disposition: category === 'other' ? 'clarify' : 'solve',
    created_at: at,
  });
  const said = `${unitName}${SAID[category] ?? SAID.other!}。`;
  const responses = [
    {
      id: `${incidentId}-r1`,
      fields: base(grave ? 'authoritative_info' : FIRST_METHODS[index % 3]!, CHANNELS[index % 4]!, said),
    },
  ];
  // Most grave incidents also get the press conference the 24 h rule asks for.
  if (grave && index % 10 < 7) {
    responses.push({ id: `${incidentId}-r2`, fields: base('press_conference', 'media', `召开新闻发布会通报情况：${said}`) });
  }
  return responses;
}
