// Every string the UI shows, in one place (DESIGN §6). Domain labels (等级, 状态, 平台…) come from shared/domain
// so the UI, the core and the CLI always use the same words; this catalog holds the UI's own wording.

export const zhCN = {
  appName: '舆情回应台账',
  workstation: '工作站',
  loading: '加载中…',
  retry: '重试',
  close: '关闭',
  cancel: '取消',
  notConnected: '未连接到台账服务，请从舆情回应台账程序中打开本界面。',
  bridgeFailed: '与台账服务通信失败，操作可能未执行，请重试。',

  nav: {
    label: '主导航',
    dashboard: '工作台',
    ledger: '舆情台账',
    commitments: '承诺督办',
    digest: '周报',
    sync: '同步',
    settings: '设置',
  },

  placeholder: {
    dashboard: '即将推出：待研判事件、即将超过回应时限的事件（实时倒计时）、3个工作日内到期及已逾期的承诺。',
    commitments: '即将推出：承诺期限与督办单——按责任单位和期限查看承诺，逐单位打印督办单。',
    digest: '即将推出：舆情周报——每周一汇总上周舆情及回应、承诺落实情况，供领导审阅和打印。',
    sync: '即将推出：工作站间同步——通过U盘或共享文件夹交换加密同步包，各工作站台账保持一致。',
    settings: '即将推出：敏感类别、单位、乡镇（街道）、回应时限和节假日调休的维护。',
    ledgerHint: '目前可在“舆情台账”中登记和查看舆情事件。',
  },

  settings: {
    thisWorkstation: '本工作站',
    siteName: '工作站名称',
    siteId: '工作站编号',
    schemaVersion: '数据库版本',
    appVersion: '程序版本',
  },

  ledger: {
    title: '舆情台账',
    total: (n: number) => `共 ${n} 条`,
    register: '登记',
    registerShortcut: '快捷键 N',
    empty: '暂无舆情事件。点击“登记”或按 N 键登记第一条。',
    emptyFiltered: '没有符合筛选条件的舆情事件。',
    rowLoading: '加载中…',
    loadFailed: '台账加载失败',
    columns: {
      number: '编号',
      title: '标题',
      categories: '敏感类别',
      severity: '等级',
      platform: '首发平台',
      foundAt: '发现时间',
      leadUnit: '牵头单位',
      status: '状态',
    },
    filters: {
      label: '筛选',
      category: '敏感类别',
      severity: '等级',
      status: '状态',
      all: '全部',
      clear: '清除筛选',
    },
    unassigned: '未指定',
    registered: (number: string) => `已登记 ${number}`,
  },

  register: {
    title: '登记舆情事件',
    submit: '登记',
    submitting: '正在登记…',
    checkFields: (n: number) => `有 ${n} 处需要修改，请查看标红的项目。`,
    choose: '请选择',
    none: '不选',
    timeHint: '格式：2026-11-28 14:05（北京时间）',
    urlHint: '以 http:// 或 https:// 开头',
    coUnitsHint: '可多选；牵头单位不在此列',
    sections: {
      basic: '基本情况',
      grading: '研判',
      routing: '交办',
    },
    fields: {
      title: '标题',
      summary: '摘要',
      platform: '首发平台',
      url: '原帖链接',
      firstSeenAt: '首发时间',
      foundAt: '发现时间',
      township: '涉事地域',
      involvedUnit: '涉事单位',
      categories: '敏感类别',
      keyType61: '61号重点回应类型',
      severity: '等级',
      sentiment: '情感倾向',
      leadUnit: '牵头单位',
      coUnits: '配合单位',
      leaderInstruction: '领导批示',
    },
    required: '必填',
  },
} as const;

export const t = zhCN;
