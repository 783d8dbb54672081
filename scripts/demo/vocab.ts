import type { Platform, Severity, Sentiment } from '../../shared/domain.js';
import type { DemoCategory } from './templates.js';

// Words the templates are filled with. Names are invented; they only need to read like a northern Chinese county
// (villages, housing estates, firms, roads) and vary enough that full-text search meets realistic text.

export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '宋', '谢', '韩', '唐', '冯', '于', '董', '曹', '邢'];

const VILLAGE_HEADS = ['前', '后', '东', '西', '南', '北', '大', '小', '上', '下', '新', '老'];
const VILLAGE_TAILS = ['家营子', '家沟', '家店', '家窝铺', '杖子', '家屯', '家湾', '台子', '庄', '家梁', '家洼', '房申'];
const VILLAGE_WHOLE = ['前进村', '红旗村', '新民村', '太平村', '永安村', '兴隆村', '三合村', '富山村', '长胜村', '双庙村', '白家洼村', '黄土梁子村'];

export const COMMUNITIES = [
  '阳光花园', '锦绣华庭', '幸福里小区', '凤凰城', '盛世嘉园', '鑫源小区', '龙泉佳苑', '金地名苑', '学府花园', '滨河湾',
  '御景湾', '丽水名苑', '翰林苑', '怡和家园', '康乐小区', '紫御府', '书香门第', '万和城', '新城家园', '富民小区',
  '东方明珠苑', '泰和园', '明珠花园', '北岸华府', '天润城',
];

const FIRM_WORDS = ['鑫达', '宏达', '恒泰', '金鼎', '瑞丰', '永兴', '华盛', '兴旺', '盛源', '天宇', '德隆', '福源', '嘉禾', '广厦', '通达', '振兴', '汇丰', '众诚', '晟鑫', '坤元'];
export const FIRM_TRADES = {
  construction: ['建筑工程有限公司', '建设集团有限公司', '建安工程有限公司', '劳务有限公司'],
  property: ['房地产开发有限公司', '置业有限公司', '物业服务有限公司'],
  industry: ['化工有限公司', '矿业有限公司', '建材有限公司', '冶炼有限公司', '养殖专业合作社', '石材加工厂', '砖厂', '铸造有限公司', '选矿厂', '水泥有限公司'],
  food: ['食品有限公司', '饮品有限公司', '肉类加工厂', '粮油有限公司', '超市', '大药房'],
  service: ['物流有限公司', '商贸有限公司', '燃气有限公司', '热力有限公司', '客运有限公司', '培训学校'],
} as const;
export type FirmTrade = keyof typeof FIRM_TRADES;

export const ROADS = ['建设路', '人民路', '文化路', '长江路', '朝阳大街', '迎宾路', '新华路', '胜利街', '兴平路', '府前街', '环城东路', '工业路', '和平街', '滨河路', '育才路'];
export const RIVERS = ['大凌河', '老哈河', '牤牛河', '第二牤牛河', '蹦河'];
export const SCHOOL_KINDS = ['中心小学', '中学', '第二小学', '幼儿园', '九年一贯制学校'];
export const COUNTY_SCHOOLS = ['县第一高级中学', '县第二中学', '县实验小学', '县职业教育中心', '县育才幼儿园', '县第三小学'];
export const HOSPITALS = ['县人民医院', '县中医院', '县妇幼保健院', '县第二人民医院'];
export const FOODS = ['熟食', '散装白酒', '豆制品', '月饼', '牛奶', '火锅底料', '桶装水', '儿童零食', '冷冻水饺', '蛋糕'];
export const EATERIES = ['烧烤店', '饭店', '快餐店', '麻辣烫店', '早餐店', '火锅店', '农家乐', '学校食堂', '工地食堂'];
export const PROJECTS = ['棚户区改造项目', '安置小区', '道路改造工程', '污水管网工程', '农村饮水安全工程', '高标准农田项目', '老旧小区改造工程', '学校教学楼工程', '物流园项目'];

export const REGISTRARS = ['张敏', '李晓东', '王静', '刘洋', '陈思远', '赵丽娜', '孙浩'];

/** Where incidents surface: hotline and leaders' message boards are as common as the big apps (DESIGN §1). */
export const PLATFORM_WEIGHTS: readonly (readonly [Platform, number])[] = [
  ['weibo', 20], ['douyin', 18], ['hotline', 18], ['leader_board', 14], ['wechat', 8], ['kuaishou', 7],
  ['toutiao', 5], ['forum', 4], ['tieba', 3], ['news', 2], ['other', 1],
];

/**
 * Base odds before a template's gravity (accidents, fraud, abuse) shifts them upward; the outcome over all
 * templates is close to 一般 70%, 较大 20%, 重大 8%, 特别重大 2%.
 */
export const SEVERITY_WEIGHTS: readonly (readonly [Severity, number])[] = [
  ['general', 72], ['large', 19], ['major', 6.8], ['extreme', 1.7],
];

export const SENTIMENT_WEIGHTS: readonly (readonly [Sentiment, number])[] = [
  ['negative', 78], ['neutral', 18], ['positive', 4],
];

export const VILLAGE_FORMS = { heads: VILLAGE_HEADS, tails: VILLAGE_TAILS, whole: VILLAGE_WHOLE };
export const FIRM_WORDS_LIST = FIRM_WORDS;

/** How far each platform carried the post, appended to the summary. */
export const PLATFORM_TAILS: Record<Platform, readonly string[]> = {
  weibo: ['该微博发布后阅读量{reads}，转发{shares}次，评论{comments}条。', '有本地大V转发该微博，话题阅读量达{reads}。'],
  douyin: ['视频发布后点赞{shares}次、评论{comments}条，部分评论情绪激烈。', '该短视频播放量约{reads}，已有多个账号搬运。'],
  kuaishou: ['视频播放量{reads}，评论区有网友称“{quote}”。', '该视频被多个本地账号转发，评论{comments}条。'],
  wechat: ['该文在多个本地微信群转发，阅读量{reads}。', '本地公众号发文后留言{comments}条，阅读量{reads}。'],
  toutiao: ['该文章阅读量{reads}，评论{comments}条。'],
  tieba: ['帖子回复{comments}条，楼内有网友称“{quote}”。'],
  forum: ['本地论坛帖子浏览{reads}次，回复{comments}条。'],
  news: ['有媒体记者就此事联系县有关部门求证。', '该报道被多家网站转载。'],
  leader_board: ['留言人要求县领导关注并督促解决。', '网友在领导留言板留言，希望有关部门尽快给出答复。'],
  hotline: ['12345热线工单号{ticket}，来电人要求尽快处理并回复。', '市民通过12345热线反映，工单号{ticket}，已多次来电。'],
  other: ['该情况由群众来信反映。', '网格员在走访中发现并上报。'],
};

export const QUOTES = ['管不管了', '等了好几个月没人理', '希望有关部门重视', '这事拖太久了', '孩子天天闻着这味上学', '老百姓太难了', '求扩散', '到底谁负责', '已经找过好几次了'];

export const DEMANDS = [
  '网友要求有关部门尽快核实处理。',
  '多名网友跟帖称有类似情况。',
  '反映人称此前已向有关部门反映，未得到答复。',
  '部分网友质疑监管不到位。',
  '评论区有人呼吁媒体关注。',
  '反映人希望尽快给出明确答复和解决时限。',
  '',
];

export const NO_RESPONSE_REASONS = [
  '经核实为个人情绪化表达，未形成传播，持续关注',
  '信息已过时效，相关问题此前已处置完毕',
  '属企业内部劳动纠纷，已引导通过劳动仲裁途径解决',
  '经研判不涉及我县，已转相关地区',
  '重复反映，已并入此前登记的事件',
  '经核实情况不属实，发帖人已自行删除',
];

export const REBOUND_REASONS = ['舆情反弹：网友对回应不满意，再次集中发帖', '舆情反弹：有媒体跟进报道', '舆情反弹：当事人再次发布视频'];

export const LEADERS = ['县委书记', '县长', '常务副县长', '分管副县长', '县委副书记'];
export const INSTRUCTIONS = [
  '请{lead}牵头，会同{co}立即核实情况，依法依规妥善处置，并及时回应社会关切。',
  '请{lead}高度重视，主要负责同志亲自过问，三日内报告处置情况。',
  '此事影响较大，请{lead}迅速核查，有关情况及时向社会公开。',
  '请{lead}会同{co}认真核实，举一反三，切实维护群众合法权益。',
];

/** Given names for the 责任人 of commitments (surnames from SURNAMES). */
export const GIVEN_NAMES = ['建国', '志强', '海燕', '立新', '晓光', '红梅', '国庆', '春雷', '玉兰', '振华', '文博', '永刚', '丽华', '宏伟', '秀英', '德胜', '明辉', '淑芬', '卫东', '雪松'];

type ByCategory = Record<DemoCategory, readonly string[]>;

/** What the response promised, per category; {deadline} is the computed deadline (2026年10月9日). */
export const PRIMARY_COMMITMENTS: ByCategory = {
  wages: ['督促用工单位于{deadline}前足额支付拖欠工资', '督促施工总承包单位于{deadline}前通过农民工工资专用账户足额支付拖欠工资'],
  environment: ['责令涉事单位于{deadline}前完成整改，整改结果向社会公开', '于{deadline}前完成现场核查，依法查处并公开处理结果'],
  realestate: ['协调涉事企业于{deadline}前拿出解决方案并向业主和反映群众公布', '于{deadline}前召开协调会，明确解决时限并向反映群众反馈'],
  hardship: ['于{deadline}前入户核实，落实保障措施并向反映群众反馈', '于{deadline}前解决反映的民生问题，符合条件的落实救助'],
  edu_medical: ['调查组于{deadline}前查明情况，依法依规处理并向当事人反馈', '于{deadline}前完成整改并向家长和群众通报处理结果'],
  elderly: ['于{deadline}前查清反映问题，依法依规处理并向老人及家属反馈', '于{deadline}前落实老人应享待遇，整改结果向社会公开'],
  food_drug: ['于{deadline}前完成抽检并公布检验结果，依法查处违法经营行为', '于{deadline}前完成对涉事经营单位的调查并公开处罚结果'],
  work_safety: ['于{deadline}前完成涉事单位隐患排查整改，调查结果向社会公布', '于{deadline}前查明事故原因，依法追究相关责任'],
  epidemic: ['于{deadline}前完成流调和环境消杀，每日公布防控进展', '于{deadline}前完成重点人群排查并公布结果'],
  other: ['于{deadline}前核实办理并将结果反馈反映人', '于{deadline}前协调解决反映的问题并向社会公开办理结果'],
};

/** A second commitment some responses also make: the wider follow-through. */
export const SECONDARY_COMMITMENTS: ByCategory = {
  wages: ['于{deadline}前对欠薪企业依法作出处理，并纳入失信联合惩戒'],
  environment: ['于{deadline}前对周边同类企业开展专项排查'],
  realestate: ['于{deadline}前对全县同类项目开展排查'],
  hardship: ['于{deadline}前建立定期走访机制，落实包保责任人'],
  edu_medical: ['于{deadline}前完成全县同类问题专项排查'],
  elderly: ['于{deadline}前开展涉老领域专项检查'],
  food_drug: ['于{deadline}前开展同类经营单位专项检查'],
  work_safety: ['于{deadline}前完成全县同行业安全生产大检查'],
  epidemic: ['于{deadline}前完成重点场所防控措施检查'],
  other: ['于{deadline}前向社会公开办理结果'],
};

/** 兑现情况 recorded when a commitment is fulfilled. */
export const COMMITMENT_EVIDENCE: Record<DemoCategory, string> = {
  wages: '拖欠工资已全部支付到位，取得工资发放签收表和银行转账凭证',
  environment: '整改已完成，经现场复查和监测达到要求，复查记录已存档',
  realestate: '解决方案已落实，相关情况已向业主和反映群众公布，业主代表签字确认',
  hardship: '保障措施已落实到户，取得签收单和入户照片',
  edu_medical: '调查处理已完成，处理决定已送达当事人，相关责任人已问责',
  elderly: '问题已整改到位，老人应享待遇已落实，取得相关凭证',
  food_drug: '抽检结果已出，违法经营行为已立案处罚，处罚决定书已存档',
  work_safety: '隐患已整改闭环，调查结论已形成，相关责任人已依法处理',
  epidemic: '流调消杀和排查工作已完成，情况已通过政务新媒体发布',
  other: '问题已协调解决，办理结果已反馈反映人，反映人表示满意',
};

export const UNFULFILLABLE_REASONS = [
  '涉事企业已进入破产清算程序，已引导当事人依法申报债权',
  '项目涉及规划调整，需报上级审批，无法在原承诺范围内解决',
  '经复核不符合政策规定条件，已向反映人解释说明',
];

export const NOT_PUBLISHED_NOTES = [
  '涉及当事人个人信息，已当面向反映人反馈办理结果',
  '已通过12345热线回访反映人，未另行公开',
  '属企业内部整改事项，已书面告知反映人',
];
