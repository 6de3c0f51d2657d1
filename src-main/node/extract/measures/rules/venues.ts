// 娱乐及非必要场所: 1 capacity limits, booking, shorter hours · 2 listed venues closed · 3 all
// non-essential businesses closed.
import type { CategoryRules } from '../types'

const PLACES = /(公园|企事业单位|KTV|ktv|网吧|棋牌|影院|电影院|剧院|娱乐|歌舞|酒吧|健身|游泳|浴|足浴|夜市|八大|休闲场所|营业场所|商场|超市|餐馆|餐厅|餐饮|饭店|堂食|景区|景点|密闭场所|公共场所|场所|图书馆|博物馆|文化馆|体育馆|宗教|寺庙|农贸市场|市场|门店|店铺|商铺|美容|美发|理发|旅行社|旅游|街市|食肆|酒楼|场馆|游戏设施|娱乐设施|[^药商]店(?=[、，。\s]|暂停|停止|停业|关闭))/i
// 2020-era wording too: 休市 (markets), 关停.
const CLOSE = /(暂停|关闭|停业|停止营业|停止运营|停止开放|暂停开放|一律停|暂不开放|歇业|闭馆|停止[^，。]{0,4}营业|不得开放|不得营业|休市|关停)/
const LIMIT = /(限流|预约|人流控管|总量管制|控制在|不超过|以内|限制|错峰|缩短|[0-9]+%|有序开放|恢复|开放|不得超过|堂食|入场)/

export const venues: CategoryRules = {
  category: 'venues',
  // A station closing (汽车站暂停营业) stops transport, not a venue.
  exclude: /(开展核酸|核酸采样点|检测点|(汽车站|客运站|火车站|高铁站|车站)[^，。]{0,4}(暂停|停止)营业)/,
  rules: [
    // Staying away from listed venues (不进入影剧院、网吧等场所); from crowded places it is gatherings.
    { re: /不(进入|前往|去)[^，。]{0,30}(场所|影剧院|歌舞厅|网吧|棋牌室|KTV)/i, level: 1, unless: /集聚|密集|聚集|人多/ },
    { re: /闭园|闭馆|外卖|外带|住宿场所|米\/人|查核|暂停服务/, level: 1, unless: /(学校|公交|地铁)/ },
    // Gatherings and group activities called off (聚会一律停办, 暂停团体活动) are gatherings, not venues.
    { re: CLOSE, requires: /(除[^，。]{0,20}外|一律|所有|全部|非必要)/, objectFromRequires: true, level: 3, unless: /(学校|课|公交|地铁|客运|航班|列车|冷链|快递|聚会|聚餐|集会|宴会|宴席|团体活动|聚集性活动)/ },
    { re: CLOSE, requires: PLACES, objectFromRequires: true, level: 2, unless: /(学校|课|公交|地铁|客运|航班|列车|交通|跨省旅游|聚会|聚餐|集会|宴会|宴席|团体活动|聚集性活动)/ },
    { re: LIMIT, requires: PLACES, objectFromRequires: true, level: 1, unless: /(学校|公交|地铁|口罩|测温|扫码|核酸|消毒|通风)/ }
  ]
}
