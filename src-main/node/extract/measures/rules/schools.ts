// 学校: 1 in person with strict changes · 2 some levels online or postponed · 3 all online/closed.
import type { CategoryRules } from '../types'

export const schools: CategoryRules = {
  category: 'schools',
  rules: [
    { re: /(所有|全部|各级各类|全市|全区)[^，。]{0,10}(学校|中小学|幼儿园)[^，。]{0,10}(停课|线上|网课|暂停|延期|推迟)/, level: 3 },
    { re: /(线下培训|培训机构|校外培训|培训班)[^，。]{0,6}(暂停|停止|关闭)|(暂停|停止|关闭)[^，。]{0,6}(线下培训|培训机构|校外培训|培训班)|停课|线上教学|线上授课|网上授课|远距教学|远程教学|网课|延期开学|推迟开学|暂停线下|居家学习|(学校|中小学|幼儿园|校外培训|培训机构|托育)[^，。]{0,10}(暂停|停止|关闭|延期|推迟)/, level: 2 },
    { re: /不开学|不到校|校际[^，。]{0,4}(交流|活动)|校外教学/, level: 2 },
    { re: /(学校|校园)[^，。]{0,8}(封闭管理|封闭式管理)|返校[^，。]{0,6}核酸|进入校园/, level: 1 },
    // Reopening lifts a closure and keeps its category (恢复线下教学, 复课, 分批返校).
    { re: /恢复线下(教学|上课|授课|课堂)|恢复(到校|开学|上课)|复课|复学|(分批|错峰)(返校|开学)/, level: 1 }
  ]
}
