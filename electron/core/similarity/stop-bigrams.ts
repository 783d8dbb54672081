// Bigrams that say nothing about which matter an incident is: function words, and the words every post and
// every register entry uses (网友反映, 相关部门, 希望尽快). They are left out of signatures (so LSH buckets are not
// filled by them) and weigh nothing in a score. Bigrams common in this ledger are discounted on top of these by
// their document frequency (see weights.ts); this list is what holds even in a ledger of ten incidents.
const WORDS = `
的了 了的 是的 在的 和的 也是 就是 还是 但是 因为 所以 如果 虽然 已经 目前 现在 今天 昨天 近日 日前 近期 此前
一个 一些 这个 那个 这些 那些 这里 那里 什么 怎么 为什么 没有 不是 可以 不能 不会 能够 需要 应该 进行 表示 认为
网友 网民 市民 居民 群众 村民 业主 家长 反映 投诉 举报 发帖 发布 称 视频 帖子 留言 网上 网传 曝光 关注 热议
希望 要求 请求 呼吁 尽快 及时 解决 处理 协调 相关 部门 有关 单位 问题 情况 事件 事情 情况 存在 导致 造成
我们 他们 你们 自己 大家 记者 领导 政府 工作 人员 多次 一直 至今 仍然 依然 始终 还有 以及 并且 而且 对此
`;

/** Every two-character run of the words above: 为什么 gives 为什 and 什么. */
export const STOP_BIGRAMS: ReadonlySet<string> = new Set(
  WORDS.split(/\s+/)
    .filter(Boolean)
    .flatMap((word) => {
      const chars = [...word];
      return chars.length < 2 ? [] : chars.slice(1).map((c, i) => chars[i]! + c);
    }),
);
