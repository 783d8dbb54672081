import type { KeyType61 } from '../../shared/domain.js';

// What incidents look like, per sensitive category: a title, a summary, the unit involved, the unit that leads
// the handling and the usual co-operating units (seed ids, see seeds/units.json). Placeholders in braces are
// filled per incident (see fill-text.ts); one placeholder keeps one value across title, summary and unit, so
// the village in the title is the village in the summary.

export const DEMO_CATEGORIES = [
  'epidemic', 'realestate', 'wages', 'environment', 'food_drug', 'edu_medical', 'elderly', 'work_safety', 'hardship', 'other',
] as const;
export type DemoCategory = (typeof DEMO_CATEGORIES)[number];

export interface IncidentTemplate {
  title: string;
  summary: string;
  /** 涉事单位 as the office would write it. */
  involved: string;
  /** 牵头单位: the department a county routes this kind of incident to. */
  lead: string;
  /** Candidates for 配合单位; an incident takes none to two of them. */
  co: readonly string[];
  /** A second category that often applies (tagged on about half of these incidents). */
  also?: DemoCategory;
  /** China-time months in which this happens at all (heating complaints come in winter). */
  months?: readonly number[];
  keyType?: KeyType61;
  /** Multiplies the odds of a grave severity: accidents and deaths are graver than a noisy shop. */
  gravity?: number;
}

const WINTER = [11, 12, 1, 2, 3];

/** Relative frequency of each category; wage complaints double before the Spring Festival (see generate.ts). */
export const CATEGORY_WEIGHTS: Record<DemoCategory, number> = {
  wages: 16, environment: 14, realestate: 12, edu_medical: 12, hardship: 10, other: 11,
  food_drug: 8, elderly: 7, work_safety: 7, epidemic: 3,
};

export const TEMPLATES: Record<DemoCategory, readonly IncidentTemplate[]> = {
  wages: [
    {
      title: '{township}某建筑工地{workers:6-60}名农民工反映被拖欠工资',
      summary: '网友发帖称，{township}{project}工地{workers:6-60}名农民工自去年{month:3-10}月起被拖欠工资共计约{money:8-160}万元，多次找{firm:construction}讨要无果，工人聚集在项目部门口讨薪。',
      involved: '{firm:construction}', lead: 'u-rsj', co: ['u-zjj', 'u-gaj', 'u-sfj', 'u-xfj'], also: 'realestate',
    },
    {
      title: '{village}{workers:3-20}名工人讨薪无果，拍视频求助',
      summary: '视频中，{workers:3-20}名工人手举“还我血汗钱”纸板，称在{firm:industry}务工{months:2-11}个月未拿到工钱，包工头{person}失联。',
      involved: '{firm:industry}', lead: 'u-rsj', co: ['u-gaj', 'u-sfj'],
    },
    {
      title: '{project}劳务费拖欠，{workers:10-80}余名工人年关讨薪',
      summary: '有网友反映，{township}{project}施工方拖欠劳务费约{money:20-300}万元，临近春节工人无钱返乡，情绪激动，要求政府协调解决。',
      involved: '{firm:construction}', lead: 'u-rsj', co: ['u-zjj', 'u-czj', 'u-xfj'], keyType: 'public_interest',
    },
    {
      title: '{firm:service}拖欠员工工资{months:2-8}个月，员工集体反映',
      summary: '{firm:service}员工在领导留言板反映，公司以经营困难为由拖欠{workers:15-90}名员工工资{months:2-8}个月，社保也已断缴。',
      involved: '{firm:service}', lead: 'u-rsj', co: ['u-scjgj', 'u-sfj'],
    },
    {
      title: '政府投资{project}欠付工程款，施工队拉横幅讨要',
      summary: '网传视频显示，施工队在{township}人民政府门口拉横幅，称{project}已完工{months:6-24}个月，尚欠工程款{money:50-600}万元，导致农民工工资无法发放。',
      involved: '{township}人民政府', lead: 'u-czj', co: ['u-rsj', 'u-fgj', 'u-zjj'], keyType: 'misconduct',
    },
  ],
  environment: [
    {
      title: '{township}某企业夜间偷排污水，村民反映异味严重',
      summary: '{village}村民反映，{firm:industry}每到夜间就向{river}支流偷排污水，附近异味刺鼻，河里的鱼大量死亡，村民担心地下水被污染。',
      involved: '{firm:industry}', lead: 'u-sthjj', co: ['u-slj', 'u-nyj'],
    },
    {
      title: '{village}附近采石场粉尘扬尘严重，庄稼蒙灰',
      summary: '网友发布视频称，{village}附近的采石场昼夜开采，扬尘漫天，房前屋后和庄稼上落满粉尘，大车碾压导致村路破损，疑似无证盗采。',
      involved: '{firm:industry}', lead: 'u-zrzyj', co: ['u-sthjj', 'u-jtj'],
    },
    {
      title: '{community}旁烧烤店油烟噪音扰民，居民难以入睡',
      summary: '{community}居民反映，楼下{road}沿街烧烤店营业至凌晨，油烟直排、噪音扰民，多次投诉未见改善。',
      involved: '{road}沿街商户', lead: 'u-cgj', co: ['u-sthjj', 'u-scjgj'],
    },
    {
      title: '{township}垃圾场焚烧垃圾冒黑烟，周边村民投诉',
      summary: '有群众反映，{township}{village}村外垃圾堆放点经常露天焚烧垃圾，黑烟和臭味飘进村里，老人孩子咳嗽不止。',
      involved: '{township}人民政府', lead: 'u-sthjj', co: ['u-cgj', 'u-zjj'],
    },
    {
      title: '{river}河道被倾倒建筑垃圾，网友质疑监管缺位',
      summary: '网友拍摄视频显示，{river}{township}段河道内堆满建筑垃圾和生活垃圾，河道变窄，汛期存在隐患，质疑河长制形同虚设。',
      involved: '{township}人民政府', lead: 'u-slj', co: ['u-sthjj', 'u-zrzyj'], keyType: 'public_interest',
    },
    {
      title: '{village}山林被砍伐，疑似毁林开荒',
      summary: '{village}村民举报，后山{area:10-200}亩林地被成片砍伐，疑似有人毁林开荒种地，要求有关部门查处。',
      involved: '{village}村民委员会', lead: 'u-zrzyj', co: ['u-nyj', 'u-gaj'],
    },
  ],
  realestate: [
    {
      title: '{community}停工{months:6-30}个月成烂尾楼，业主盼交房',
      summary: '{community}业主发帖称，项目已停工{months:6-30}个月，{households:80-900}户业主按时还贷却迟迟无法收房，开发商{firm:property}负责人避而不见。',
      involved: '{firm:property}', lead: 'u-zjj', co: ['u-zrzyj', 'u-jrb', 'u-xfj'], keyType: 'public_interest', gravity: 2,
    },
    {
      title: '{community}业主入住{years:2-9}年办不下房产证',
      summary: '{community}{households:80-900}户业主反映，入住已{years:2-9}年仍办不下不动产权证，孩子上学、落户受影响，开发商称土地出让金未缴清。',
      involved: '{firm:property}', lead: 'u-zrzyj', co: ['u-zjj', 'u-czj'], keyType: 'public_interest',
    },
    {
      title: '{community}交房后墙体开裂漏水，业主维权',
      summary: '{community}业主在网上晒出照片，新交付的房屋多处墙体开裂、地下室渗水，要求开发商维修并追究质量监管责任。',
      involved: '{firm:property}', lead: 'u-zjj', co: ['u-scjgj'],
    },
    {
      title: '{community}物业弃管，小区垃圾成山无人清运',
      summary: '{community}居民反映，原物业公司{firm:property}撤场后小区无人管理，垃圾堆积、路灯不亮、电梯停运，老人上下楼困难。',
      involved: '{firm:property}', lead: 'u-zjj', co: ['u-lcjd', 'u-cgj'], also: 'elderly',
    },
    {
      title: '网传{firm:service}非法集资暴雷，投资人聚集讨要',
      summary: '有网友发帖称，{firm:service}以高息理财为名吸收群众资金约{money:200-3000}万元，近日无法兑付，{households:30-300}余名投资人聚集讨要。',
      involved: '{firm:service}', lead: 'u-jrb', co: ['u-gaj', 'u-scjgj', 'u-xfj'], keyType: 'public_interest', gravity: 3,
    },
    {
      title: '{project}安置房迟迟未分配，被征迁户反映',
      summary: '{township}{project}被征迁户反映，按协议应于{years:1-3}年前分配安置房，至今未兑现，过渡费也已停发。',
      involved: '{township}人民政府', lead: 'u-zjj', co: ['u-zrzyj', 'u-czj', 'u-xfj'], keyType: 'policy',
    },
  ],
  hardship: [
    {
      title: '{community}供暖不达标，室温仅{temp:10-15}度',
      summary: '{community}居民反映，入冬以来家中暖气不热，室温只有{temp:10-15}度，老人孩子冻得生病，多次打热力公司电话无人解决。',
      involved: '{firm:service}', lead: 'u-zjj', co: ['u-cgj', 'u-scjgj'], months: WINTER, also: 'elderly',
    },
    {
      title: '{township}{village}村民冬季取暖难，低保户买不起煤',
      summary: '网友反映，{village}部分低保户、特困户冬季取暖用煤不足，屋内结冰，希望政府发放取暖补贴。',
      involved: '{township}人民政府', lead: 'u-mzj', co: ['u-czj'], months: WINTER,
    },
    {
      title: '{village}{days:3-12}天停水，村民到处找水吃',
      summary: '{village}村民反映，村里自来水已停了{days:3-12}天，村民只能去邻村拉水，问村里只说在修，没有准确时间。',
      involved: '{village}村民委员会', lead: 'u-slj', co: ['u-zfb'],
    },
    {
      title: '残疾人{person}申请低保被拒，质疑评定不公',
      summary: '{township}残疾人{person}在领导留言板反映，家中无劳动能力，申请低保多次被拒，而村里有人开着轿车吃低保。',
      involved: '{township}人民政府', lead: 'u-mzj', co: ['u-czj'], keyType: 'misconduct',
    },
    {
      title: '{village}危房改造补助迟迟未发放',
      summary: '{village}村民{person}反映，去年完成危房改造并通过验收，{money:1-4}万元补助资金至今未到位。',
      involved: '{township}人民政府', lead: 'u-zjj', co: ['u-czj', 'u-mzj'],
    },
    {
      title: '{community}冬季频繁停电，居民取暖受影响',
      summary: '{community}居民反映，近一周已停电{times:3-9}次，电暖气无法使用，物业和供电所相互推诿。',
      involved: '{firm:property}', lead: 'u-fgj', co: ['u-zjj'], months: WINTER,
    },
  ],
  edu_medical: [
    {
      title: '{township}{school}违规收取补课费',
      summary: '家长反映，{township}{school}组织学生假期集中补课，每人收费{fee:300-1500}元，不交钱的学生被安排到最后一排。',
      involved: '{township}{school}', lead: 'u-jyj', co: ['u-scjgj'], keyType: 'misconduct',
    },
    {
      title: '{countySchool}周边交通拥堵，学生上下学存在安全隐患',
      summary: '家长在网上发帖称，{countySchool}门口{road}上下学时段车辆乱停乱放，学生横穿马路十分危险，希望设置护学岗。',
      involved: '{countySchool}', lead: 'u-jyj', co: ['u-gaj', 'u-cgj'],
    },
    {
      title: '{hospital}患者家属称医生延误救治',
      summary: '网友发布视频称，其家人在{hospital}急诊等待{hours:2-7}个小时无人处置，病情加重，质疑医院存在医疗过错。',
      involved: '{hospital}', lead: 'u-wjj', co: ['u-ybj'], gravity: 2,
    },
    {
      title: '{township}卫生院医保报销难，群众多次往返',
      summary: '{township}群众反映，在卫生院看病后医保报销手续繁琐，需往返县城{times:3-6}次才能办完，希望简化流程。',
      involved: '{township}卫生院', lead: 'u-ybj', co: ['u-wjj'], also: 'elderly',
    },
    {
      title: '{community}适龄儿童入学难，家长质疑学区划分',
      summary: '{community}家长反映，小区被划入距离较远的学校，孩子每天上学要走{km:2-6}公里，多次反映未得到答复。',
      involved: '县教育局', lead: 'u-jyj', co: ['u-zjj'], keyType: 'policy',
    },
    {
      title: '{township}幼儿园校车超载，家长担忧安全',
      summary: '家长拍摄视频显示，{township}一民办幼儿园校车核载{seats:7-19}人实载{load:20-35}人，孩子挤在车里，存在严重安全隐患。',
      involved: '{township}民办幼儿园', lead: 'u-jyj', co: ['u-gaj', 'u-jtj'], also: 'work_safety', gravity: 2,
    },
  ],
  food_drug: [
    {
      title: '{township}{eatery}多人就餐后腹泻呕吐',
      summary: '网友反映，{diners:5-40}人在{township}一家{eatery}就餐后陆续出现腹泻、呕吐症状，已到医院就诊，疑似食物中毒。',
      involved: '{township}{eatery}', lead: 'u-scjgj', co: ['u-wjj'], gravity: 2,
    },
    {
      title: '{countySchool}食堂饭菜发现异物，家长要求彻查',
      summary: '学生家长在家长群发图称，{countySchool}食堂的饭菜里吃出异物，孩子回家说饭菜经常是凉的，要求学校公开食堂承包情况。',
      involved: '{countySchool}', lead: 'u-scjgj', co: ['u-jyj'], also: 'edu_medical',
    },
    {
      title: '{road}一超市销售过期{food}',
      summary: '消费者反映，在{road}一家超市购买的{food}已过期{days:3-60}天，与店家协商未果，质疑市场监管不到位。',
      involved: '{road}某超市', lead: 'u-scjgj', co: [],
    },
    {
      title: '网传{township}有人向老人推销假保健品',
      summary: '网友发帖称，有人在{township}以免费体检、送鸡蛋为名聚集老人，推销所谓能治百病的保健品，一盒卖到{fee:300-3000}元。',
      involved: '不详', lead: 'u-scjgj', co: ['u-gaj'], also: 'elderly',
    },
    {
      title: '{village}小作坊疑用地沟油加工{food}',
      summary: '村民举报，{village}一无证小作坊使用来路不明的油料加工{food}，卫生条件极差，产品流入县城早市。',
      involved: '无证小作坊', lead: 'u-scjgj', co: ['u-gaj', 'u-nyj'],
    },
  ],
  elderly: [
    {
      title: '{township}敬老院老人反映伙食差、取暖不足',
      summary: '网友发布视频称，{township}敬老院老人伙食长期只有白菜土豆，冬天屋里很冷，个别护理人员态度恶劣。',
      involved: '{township}敬老院', lead: 'u-mzj', co: ['u-scjgj'], keyType: 'moral',
    },
    {
      title: '{person}高龄补贴停发{months:3-12}个月',
      summary: '{township}{age:80-96}岁老人{person}的子女反映，老人的高龄补贴已停发{months:3-12}个月，到乡里询问被告知等通知。',
      involved: '{township}人民政府', lead: 'u-mzj', co: ['u-czj'],
    },
    {
      title: '退休职工养老金认证难，老人多次跑腿',
      summary: '{township}退休职工反映，养老金资格认证要求本人到县城办理，行动不便的老人只能雇车前往，希望提供上门服务。',
      involved: '县人社局', lead: 'u-rsj', co: ['u-mzj'],
    },
    {
      title: '{community}民办养老院被指虐待老人',
      summary: '家属在网上发布视频，称{community}附近一民办养老院护工殴打失能老人，视频引发大量关注和愤慨。',
      involved: '民办养老机构', lead: 'u-mzj', co: ['u-gaj', 'u-wjj'], keyType: 'moral', gravity: 3,
    },
    {
      title: '{village}老人被骗办理“以房养老”',
      summary: '{village}多名老人反映，被人以高息为诱饵办理所谓以房养老项目，房产被抵押，{money:10-90}万元血本无归。',
      involved: '不详', lead: 'u-gaj', co: ['u-jrb', 'u-mzj'], also: 'realestate',
    },
  ],
  work_safety: [
    {
      title: '{township}一{firm:industry}发生事故，{injured:1-5}人受伤',
      summary: '网传视频显示，{township}{firm:industry}厂区发生事故，现场浓烟滚滚，有{injured:1-5}名工人受伤被送医，网友质疑企业安全管理不到位。',
      involved: '{firm:industry}', lead: 'u-yjj', co: ['u-gaj', 'u-wjj', 'u-sthjj'], keyType: 'emergency', gravity: 4,
    },
    {
      title: '{community}燃气泄漏，居民紧急疏散',
      summary: '{community}居民反映，单元楼内闻到浓烈燃气味，{households:20-120}户居民紧急疏散，燃气公司抢修人员{hours:1-3}小时后才到场。',
      involved: '{firm:service}', lead: 'u-zjj', co: ['u-yjj', 'u-gaj'], keyType: 'emergency', gravity: 3,
    },
    {
      title: '{road}一门市房起火，网友质疑消防通道被占',
      summary: '网友发布视频称，{road}一门市房突发火灾，消防车因通道被占迟迟无法靠近，质疑日常检查流于形式。',
      involved: '{road}沿街商户', lead: 'u-yjj', co: ['u-cgj', 'u-gaj'], keyType: 'emergency', gravity: 3,
    },
    {
      title: '{village}非法采矿塌方，村民担心房屋安全',
      summary: '{village}村民反映，村后非法采矿造成山体塌方，多户房屋出现裂缝，村民晚上不敢在家睡觉。',
      involved: '不详', lead: 'u-zrzyj', co: ['u-yjj', 'u-gaj'], also: 'environment', gravity: 2,
    },
    {
      title: '{project}工地违规作业，塔吊下无防护',
      summary: '路人拍摄视频称，{project}工地塔吊在{road}上方吊运建材，下方行人车辆通行无任何防护和警戒。',
      involved: '{firm:construction}', lead: 'u-zjj', co: ['u-yjj'],
    },
  ],
  epidemic: [
    {
      title: '{township}出现发热病例，网传“封村”引发恐慌',
      summary: '网上流传消息称{township}{village}出现多例发热病例，村子已被封锁，引发群众恐慌抢购，部分信息与实际不符。',
      involved: '{township}人民政府', lead: 'u-wjj', co: ['u-xcb', 'u-gaj'], keyType: 'emergency', gravity: 3,
    },
    {
      title: '{hospital}发热门诊排长队，群众就诊难',
      summary: '网友反映，{hospital}发热门诊排队{hours:2-6}小时，候诊区拥挤，老人孩子站在室外等候。',
      involved: '{hospital}', lead: 'u-wjj', co: ['u-ybj'], also: 'edu_medical',
    },
    {
      title: '{countySchool}多名学生出现流感症状，家长要求停课',
      summary: '家长反映，{countySchool}一个班有{students:8-25}名学生先后发热请假，要求学校停课消杀并公开情况。',
      involved: '{countySchool}', lead: 'u-wjj', co: ['u-jyj'], also: 'edu_medical',
    },
  ],
  other: [
    {
      title: '{township}工作人员办事推诿、态度生硬被曝光',
      summary: '网友发布视频称，在{township}便民服务中心办理业务时，工作人员玩手机、态度生硬，让其“明天再来”，已是第{times:3-6}次往返。',
      involved: '{township}人民政府', lead: 'u-zfb', co: ['u-ysj'], keyType: 'misconduct',
    },
    {
      title: '{road}路面坑洼多日无人修，车辆频繁受损',
      summary: '市民反映，{road}路面塌陷形成大坑已有{days:10-40}天，夜间多次发生车辆受损、电动车摔倒，至今无人修复。',
      involved: '县交通运输局', lead: 'u-jtj', co: ['u-cgj', 'u-zjj'],
    },
    {
      title: '{village}村干部被指优亲厚友、侵占补偿款',
      summary: '{village}村民实名举报，村干部在征地补偿款分配中优亲厚友，{money:5-60}万元补偿款去向不明。',
      involved: '{village}村民委员会', lead: 'u-zfb', co: ['u-nyj', 'u-czj', 'u-xfj'], keyType: 'misconduct',
    },
    {
      title: '县城至{township}客运班车停运，群众出行难',
      summary: '{township}群众反映，县城至{township}的客运班车已停运{days:10-60}天，老人看病、学生上学只能坐黑车。',
      involved: '{firm:service}', lead: 'u-jtj', co: ['u-ysj'],
    },
    {
      title: '企业反映{township}营商环境差，审批一拖再拖',
      summary: '{firm:industry}负责人在领导留言板反映，项目手续在{township}和县直部门之间来回跑了{months:2-9}个月仍未办结。',
      involved: '{township}人民政府', lead: 'u-ysj', co: ['u-fgj', 'u-zrzyj'], keyType: 'policy',
    },
    {
      title: '网传“{township}流浪狗伤人”，居民要求整治',
      summary: '网友称{township}集镇上流浪狗成群，已有{injured:2-6}人被咬伤，呼吁有关部门尽快整治。',
      involved: '{township}人民政府', lead: 'u-cgj', co: ['u-nyj', 'u-gaj'],
    },
    {
      title: '退役军人{person}反映优抚待遇未落实',
      summary: '{township}退役军人{person}反映，其应享受的优抚补助已{months:3-12}个月未发放，到多个部门询问无果。',
      involved: '县退役军人事务局', lead: 'u-ylj', co: ['u-czj'],
    },
  ],
};
