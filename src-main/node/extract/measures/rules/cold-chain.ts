// 冷链: 1 guidance, preventive disinfection · 2 sampling and staff testing · 3 full tracing,
// central supervised warehouses · 4 sales or imports suspended.
import type { CategoryRules } from '../types'

export const coldChain: CategoryRules = {
  // A cold-chain notice restates its rule (进口冷链食品须…) in several items: same words, one measure.
  mergeByWord: true,
  category: 'cold_chain',
  rules: [
    {
      re: /冷链|冷冻|冻品|冷库|监管仓|进口[^，。]{0,6}(食品|物品|货物)|海淘|代购境外|生鲜/,
      level: (c) => (/(暂停|停止)[^，。]{0,6}(销售|进口|经营)/.test(c) ? 4 : /(追溯|监管仓|全链条|全过程|闭环|集中监管|排查)/.test(c) ? 3 : /(抽检|抽样|检测|核酸|采样)/.test(c) ? 2 : 1)
    },
    { re: /(包裹|快递|邮件|货物)[^，。]{0,10}(消毒|检测)|(消毒|检测)[^，。]{0,6}(包裹|快递|邮件)/, level: 1 }
  ]
}
