// 聚集活动: 1 limit > 1000 · 2 101–1000 · 3 11–100 or 婚事缓办/丧事简办 · 4 ≤ 10 or all banned.
import type { MeasureParams } from '../../../../common/record'
import type { CategoryRules } from '../types'

function level(_c: string, p: MeasureParams): number {
  if (p.people === undefined) return 3
  return p.people <= 10 ? 4 : p.people <= 100 ? 3 : p.people <= 1000 ? 2 : 1
}

export const gatherings: CategoryRules = {
  // Advice against gathering is restated through a document (不聚集 in the lead, the body and the
  // closing appeal): the same words with the same numbers are one measure.
  mergeByWord: true,
  category: 'gatherings',
  rules: [
    { re: /婚事缓办|丧事简办|宴会不办|红事缓办|白事简办|喜事缓办/, level: 3 },
    // Hong Kong and Taiwan limits: 限聚令, N人一枱/每枱N人, 梅花座, 公祭停止.
    { re: /限聚令|[0-9一二两三四五六七八九十]+人一[枱台桌]|每[枱台桌][^，。]{0,4}[0-9一二两三四五六七八九十]+人|梅花座|隔板|公祭/, level },
    // 聚集性 as an adjective (聚集性疫情, 聚集性发热病例, 聚集性强) names no gathering rule; 聚集性活动 does.
    { re: /不聚集|不扎堆|少聚集|聚集性活动|聚集活动|聚餐|聚会|集会|庙会|大型活动|大型会议|群体性活动|人员聚集|聚集/, level, unless: /聚集性(?!活动)|态势|散发/ },
    { re: /间隔[^，。]{0,3}米|一米|1米|走亲访友|扎堆|逢场|并桌|共餐|敬酒|婚宴|会展|不与外人接触|不前往公共场所|赛事|展销|年会|论坛|(室内|室外)[^，。]{0,4}[0-9]+人/, level: 3 },
    // People told to stay away from crowded places (尽量不去人员集聚的商场等场所) avoid crowds: TAXONOMY
    // puts that under gatherings; staying away from listed venues alone is venues.
    { re: /不(进入|前往|去)[^，。]{0,30}(场所|影剧院|歌舞厅|网吧|棋牌室|KTV)/i, level: 2, requires: /集聚|密集|聚集|人多/ },
    { re: /一米线|1米线|社交距离|安全距离|保持[^，。]{0,6}(距离|间距)|人潮拥挤|(停办|延期)[^，。]{0,12}活动|(暂停|停止|取消)[^，。]{0,16}(团体|集体|群体性|聚集性)活动/, level: 2 },
    // Crowded places are a measure when avoided or limited, not where another rule applies (在人员密集场所佩戴口罩).
    { re: /人员密集|人群密集|人多密集|密集场所/, level: 2, requires: /(避免|不去|少去|减少|不前往|尽量|禁止|严禁|不得|控制|限制|不要)/ }
  ]
}
