// 物资保障: 1 monitoring, price enforcement · 2 organised supply · 3 managed delivery to locked-down areas.
import type { CategoryRules } from '../types'

export const supplies: CategoryRules = {
  category: 'supplies',
  rules: [
    { re: /服务上门|送货上门|配送上门|无接触配送|代购|采购[^，。]{0,6}(生活|物资)|每[0-9一二两三]+天[^，。]{0,4}[0-9一二两三]+人|每户[^，。]{0,6}[0-9一二两三]+人[^，。]{0,4}(外出|采购)|外出采购|错峰取物/, level: 3 },
    { re: /保供|生活必需品|物资储备|储备|菜篮子|物资保障|保障供应|供应充足/, level: 2, unless: /人才|干部|技术储备|知识储备/ },
    { re: /哄抬[^，。]{0,4}价|价格监测|价格监管|囤积/, level: 1 }
  ]
}
