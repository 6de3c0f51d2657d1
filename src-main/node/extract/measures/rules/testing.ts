// 核酸检测: 1 key groups / certificates · 2 area-limited mass testing · 3 whole-jurisdiction mass
// testing · 4 high-frequency rolling testing.
import type { CategoryRules } from '../types'

const ACTION = /(进行|开展|完成|做|持|提供|查验|出示|须|需|应|要|实行|实施|安排|组织|启动|接受|配合|参加|参与|主动|落实|凭|验|展开|继续|检测|筛查|采样|一次)/

export const testing: CategoryRules = {
  mergeByWord: true,
  category: 'testing',
  // A result reported (检测结果为阴性) is no rule; a negative result required (持阴性结果方可,
  // 结果呈阴性才可解除) is.
  // The time, date, list or cycle of a testing round, or a site named, is logistics of a measure
  // stated elsewhere; a site where people are told to be tested (到指定采样点进行核酸检测) is not.
  exclude: /(时间|日期|名单|周期|安排)$|时间为|((?<!阴性|检测)结果(?![^，。]{0,6}[方才])|均为阴性(?![^，。]{0,4}[方才后])|[为呈]阴性(?![^，。]{0,4}[方才后])|已做过|做过核酸|样本|(采样点|检测点)(?![^，。]*(进行|参加|接受|完成)[^，。]{0,6}(核酸|检测|采样))|检测组|等待|总共|检出|阳性结果|确诊|报告阳性|核酸检测点$|发现$)/,
  rules: [
    { re: /([0-9一二两三四五六七八九十]+)天([0-9一二两三四五六七八九十]+)检|[每一]日一检|每天一检|一天一检|每日[^，。]{0,6}核酸|常态化[^，。]{0,8}核酸|[每逢]([0-9一二两三四五六七]+)天[^，。]{0,8}(检测|核酸|一检)|一日一检/, level: 4 },
    { re: /全员核酸|全员检测|全员[^，。]{0,6}(核酸|检测|筛查)|全域[^，。]{0,6}核酸|全[区市县镇]核酸|全[区市县]范围[^，。]{0,8}核酸|核酸大筛|大筛查|区域核酸|[第一二三四五六七八九十0-9]+轮[^，。]{0,6}核酸/, level: (c) => (/(街道|社区|小区|村|楼栋)/.test(c) && !/全[区市县域]/.test(c) ? 2 : 3) },
    { re: /(核酸|抗原)[^，。]{0,8}(阴性)?[^，。]{0,4}证明|阴性证明|无感染证明|检测报告/, level: 1 },
    // Sampling regimes named by their short form (双采双检, 单采单检).
    { re: /落地检|应检尽检|应检必检|不落一人|验核酸|核酸筛查|抗原检测|抗原自测|核酸采样|采样证明|[双单]采[双单]检/, level: 1 },
    // Sampling, antigen and screening wording (上门采样, 抗原自测, 普筛, 采集咽拭子).
    { re: /(上门|入户|定期|集中|单采|混采|10混1|单人单管)[^，。]{0,4}(采样|采集|检测)|采集[^，。]{0,4}(样本|咽拭子|鼻拭子)|咽拭子|鼻拭子|普筛|抗原|快测|快速[^，。]{0,4}检测|检测[^，。]{0,6}(采样|筛查)|(的|进行|开展|组织|做好)采样|采样(和|工作|服务|检测)|阴性[^，。]{0,6}结果[^，。]{0,6}(方可|方能|才能|出行|通行)/, level: 1 },
    // A temperature check (体温检测) is health monitoring: its 检测 is no test. A clause that also
    // names health monitoring (居家健康监测第3天开展一次核酸检测) still orders a test.
    { re: /核酸检测|核酸|(?<!体温|温度)检测/, level: 1, requires: ACTION, unless: /(检测点|采样点)(?!.*(须|需|要))|检测能力|检测机构/ }
  ]
}
