// 其他: disinfection, work from home, enforcement, publicity, organisation, elderly-care homes,
// contact tracing and entry from abroad.
import type { CategoryRules } from '../types'

export const other: CategoryRules = {
  mergeByWord: true,
  category: 'other',
  exclude: /(勤洗手|常通风|洗手)(?![^，。]*场所)/,
  rules: [
    { re: /依法[^，。]{0,10}(追究|处理|处置|查处)|法律责任|严肃[^，。]{0,4}(追责|处理|追究)|从严从重|依法[^，。]{0,6}打击|严厉打击|承担[^，。]{0,10}责任|(可|将)被?(采取|处以)[^，。]{0,4}强制|违反[^，。]{0,20}(处罚|重罚|依法)/, level: 1, strong: true },
    // Emergency response and organisation (启动一级应急响应, 包保责任制, 干部值班), sanitation.
    { re: /启动[^，。]{0,8}(应急|响应)|应急响应|包保责任|责任制|干部值班|卫生整治|爱国卫生|医废|关爱服务/, level: 1 },
    // Penalties announced (将依法重罚, 由公安机关进行处罚, 予以惩处).
    { re: /裁罚|罚锾|罚款|处以[^，。]{0,6}元|依法[^，。]{0,6}(重罚|处罚|惩处|严惩)|(进行|予以|给予|从重)(处罚|惩处)/, level: 1, strong: true },
    // Earlier notices extended, continued or repealed (延续实施至…, 继续按…通告规定的措施执行,
    // 废止…公告): the notice in force is the measure.
    { re: /(延续|延长)[^，。]{0,6}(实施|执行)|继续按[^，。]{0,40}(通告|通知|公告|规定)[^，。]{0,10}执行|(废止|撤销)[^，。]{0,30}(公告|通告|通知)/, level: 1 },
    { re: /切结书|信息报送|值守|网格(?!员|长)|减少购买|弹性工作/, level: 1 },
    // 通风 describing a place (通风良好的空地, 通风不良) is no ventilation order.
    { re: /消毒|消杀|通风(?!良好|不良|较差|条件)|清洁|清消/, level: 1, unless: /(冷链|冷冻|进口|包裹|快递)/ },
    { re: /居家办公|远程办公|线上办公|弹性上班|错峰上下班|取消[^，。]{0,6}休假|停止[^，。]{0,4}休假/, level: 1 },
    // Organisation and mobilisation: bodies set up (临时党支部, 突击队), staff turned volunteers.
    { re: /(转为|招募|组建)[^，。]{0,6}志愿者|下沉[^，。]{0,4}(社区|一线|村)/, level: 1 },
    { re: /成立[^，。]{0,20}(领导小组|指挥部|工作专班|专班|工作组|党支部|突击队|服务队)|(领导小组|专班)[^，。]{0,6}成立|轮班|值班值守|24小时值班/, level: 1 },
    // The means of publicity listed (宣传栏、宣传车) are instruments: the act is 开展宣传 or 发放宣传资料.
    { re: /宣传(?!栏|车|点|单|册|品|画|页|海报|资料|材料)|告知书|明白纸|张贴|发放[^，。]{0,8}(宣传|资料)|悬挂[^，。]{0,4}(横幅|标语)/, level: 1, unless: /宣传部/ },
    // Contact tracing, including who is judged a close contact (判定密切接触者, 扩大判定范围). 追踪 traces
    // people or sources (追踪密接, 追踪轨迹); tracking data or an inquiry (追踪航班数据, 追踪查询) is no tracing.
    { re: /流调|流行病学调查|追踪(?=[^，。]{0,8}(密接|接触者|人员|轨迹|行程|病例|患者|来源|传播链|风险))|溯源|(判定|排查|追踪)[^，。]{0,20}密切接触者|(密切接触者|密接)[^，。]{0,6}判定/, level: 1 },
    { re: /养老机构|福利院|敬老院|监所|精神卫生/, level: 1, requires: /(封闭|管理|暂停|探视|谢绝)/ },
    { re: /分类管控|网格化|联防联控|群防群控|入户/, level: 1, requires: /(执行|实行|实施|落实|按照|开展)/ }
  ]
}
