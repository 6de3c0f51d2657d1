// 物资保障: 1 monitoring, price enforcement · 2 organised supply · 3 managed delivery to locked-down areas.
import type { CategoryRules } from '../types'

export const supplies: CategoryRules = {
  category: 'supplies',
  rules: [
    // Supplies delivered by the community (生活物资由社区统一配送) are managed delivery too.
    { re: /(生活物资|物资|蔬菜|食品)[^，。]{0,12}(统一配送|集中配送|统一采购)|服务上门|送货上门|配送上门|上门配送|配送到户|送货到户|配送到家|无接触配送|代购|采购[^，。]{0,6}(生活|物资)|每[0-9一二两三]+天[^，。]{0,4}[0-9一二两三]+人|每户[^，。]{0,6}[0-9一二两三]+人[^，。]{0,4}(外出|采购)|外出采购|错峰取物/, level: 3 },
    // Basic needs and supplies guaranteed (保障居民基本生活需求, 保障口罩供应).
    { re: /保供|生活必需品|物资储备|储备|菜篮子|物资保障|保障[^，。]{0,6}供应|供应充足|(保障|满足)[^，。]{0,8}生活(需求|需要)/, level: 2, unless: /人才|干部|技术储备|知识储备/ },
    { re: /哄抬[^，。]{0,4}价|价格监测|价格监管|囤积/, level: 1 }
  ]
}
