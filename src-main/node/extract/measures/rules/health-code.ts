// 码证查验: 1 scan/show a code · 2 codes checked at venues/transport · 3 code plus negative test ·
// 4 entry refused to yellow/red codes or recent arrivals.
import type { CategoryRules } from '../types'

export const healthCode: CategoryRules = {
  mergeByWord: true,
  category: 'health_code',
  rules: [
    { re: /(红码|黄码|红黄码|带星|弹窗)[^，。]{0,10}(不得|禁止|劝返|拒绝|一律|谢绝)|(拒绝|禁止|谢绝)[^，。]{0,10}(红码|黄码)/, level: 4 },
    { re: /赋[红黄]码|转[红黄]码|赋码|红码黄码|[红黄]码/, level: 3 },
    { re: /(查验|核验|检查|出示|查看)[^，。]{0,10}(健康码|行程卡|行程码|场所码|通行码|双码|两码|[^，。]{0,3}康码)/, level: 2 },
    { re: /(健康码|行程卡|行程码)[^，。]{0,6}(查验|核验|检查|出示)/, level: 2 },
    { re: /扫码|亮码|场所码|健康码|行程码|行程卡|实联制|扫描[^，。]{0,6}(二维码|码)|亮卡|绿码|健康宝|安心码|[^，。]{1,3}康码|验码|查码|一码通|弹窗|安心出行|实联制|实名制登记|电子针卡/, level: 1, unless: /疫苗|接种|加入|关注|下载|粉丝|公众号|进群/ }
  ]
}
