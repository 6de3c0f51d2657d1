// Chinese names of the categories and what each level requires (TAXONOMY.md): one wording for main
// (difference sentences, CLI tables, exports) and for the interface's zh-CN messages.
import type { MeasureCategory } from './taxonomy'

export const CATEGORY_ZH: Record<MeasureCategory, string> = {
  testing: '核酸检测',
  health_code: '码证查验',
  quarantine: '隔离',
  health_monitoring: '健康监测',
  lockdown_zones: '风险区域管控',
  gatherings: '聚集活动',
  masks: '口罩',
  cold_chain: '冷链',
  venues: '娱乐及非必要场所',
  schools: '学校',
  vaccination: '疫苗接种',
  transport: '交通与人员流动',
  travel_reporting: '出行报备·返乡',
  medical: '医疗机构',
  supplies: '物资保障',
  other: '其他'
}

/** What each level requires, as a phrase that follows 要求 (index = level; 0 unused). */
export const LEVEL_ZH: Record<MeasureCategory, string[]> = {
  testing: ['', '重点人群应检尽检', '区域核酸筛查', '全员核酸检测', '高频核酸检测'],
  health_code: ['', '扫码亮码', '查验健康码和行程卡', '查验健康码和核酸阴性证明', '限制黄码、红码及近期来返人员进入'],
  quarantine: ['', '7天以内居家隔离', '7天以上居家隔离或5天以内集中隔离', '6至13天集中隔离', '14天以上集中隔离'],
  health_monitoring: ['', '自我健康监测', '居家健康监测', '居家健康监测并赋码或定期核酸'],
  lockdown_zones: ['', '划定防范区', '划定管控区（人不出区）', '划定封控区（足不出户）', '全域静态管理'],
  gatherings: ['', '限制千人以上聚集', '限制百人以上聚集', '限制十人以上聚集或红白喜事从简', '禁止聚集活动'],
  masks: ['', '建议佩戴口罩', '指定场所佩戴口罩', '所有公共场所佩戴口罩', '出门即佩戴口罩'],
  cold_chain: ['', '冷链预防性消毒', '冷链产品抽检和从业人员检测', '冷链全程追溯和集中监管仓', '暂停冷链产品销售或进口'],
  venues: ['', '场所限流、预约或缩短营业时间', '关闭高风险场所', '关闭全部非必要场所'],
  schools: ['', '学校封闭管理等严格措施', '部分学段线上教学或延期开学', '全部线上教学或停课'],
  vaccination: ['', '重点人群接种', '成人接种', '扩大年龄段接种', '加强针接种'],
  transport: ['', '交通出行查验或限流', '非必要不离开', '停运公共交通或封闭道路'],
  travel_reporting: ['', '倡导就地过节、非必要不出行', '提前报备或来返登记', '出行须审批'],
  medical: ['', '预检分诊和发热门诊', '强化发热门诊和闭环转运', '暂停接诊发热病人或登记四类药品'],
  supplies: ['', '监测物资价格', '组织保供', '向封控区配送物资'],
  other: ['', '其他防控措施']
}
