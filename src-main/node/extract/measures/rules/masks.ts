// 口罩: 1 recommended · 2 required in named places · 3 all public places · 4 everywhere outside home.
import type { CategoryRules } from '../types'

export const masks: CategoryRules = {
  category: 'masks',
  rules: [
    {
      re: /口罩/,
      level: (c) => (/(外出全程|除饮食外|出门|户外)/.test(c) ? 4 : /(公共场所|室内|全程)/.test(c) ? 3 : /(建议|倡导|提倡)/.test(c) ? 1 : 2),
      unless: /口罩[^，。]{0,4}(生产|价格|供|储备|销售|质量)|保障[^，。]{0,4}口罩|(捐赠|捐助|购买|采购|囤积|假冒|伪劣)[^，。]{0,6}口罩|假口罩/
    }
  ]
}
