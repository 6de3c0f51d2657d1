// 出行报备·返乡: 1 advice (就地过年, 非必要不出行) · 2 reporting or registration required · 3 approval.
import type { CategoryRules } from '../types'

export const travelReporting: CategoryRules = {
  category: 'travel_reporting',
  rules: [
    { re: /审批|审核同意|批准后/, level: 3, requires: /(出行|离开|外出|返|来)/ },
    { re: /报备|申报|主动(报告|通报|告知)|立即[^，。]{0,10}报告|向[^，。]{0,30}报告|排查[^，。]{0,40}返[^，。]{0,6}人员|逐户排查|来返[^，。]{0,4}登记|入[^，。]{0,2}登记|返乡[^，。]{0,10}(排查|登记)|摸排|排查[^，。]{0,10}(返乡|外来|来返)|(返乡|外来)[^，。]{0,10}排查/, level: 2, unless: /(结婚登记|实名登记购买|药品|药店|药房|买家|购药|报备单位|税务|纳税|业务|项目)/ },
    // Bare 登记 mostly completes another act (测温登记, 扫码登记, 实名登记购买退烧药).
    { re: /登记/, level: 2, weak: true, unless: /(结婚登记|实名登记|药|报备单位|税务|纳税|业务|项目)/ },
    { re: /就地过年|就地过节|不返乡|暂不返乡|不回乡|非必要不出行|减少[^，。]{0,6}出行|非必要不返乡|错峰返乡|倡导[^，。]{0,6}(不出行|就地)/, level: 1 }
  ]
}
