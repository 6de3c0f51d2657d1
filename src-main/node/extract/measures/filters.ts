// Clause filters applied before the category tables: each pattern names a kind of clause that
// states no measure. Kept as data so a new false positive can be fixed by one line.
//
// What counts as a measure: a clause that orders (须, 一律, 暂停), announces (即日起实行, 调整为) or
// states a rule in force (…实行封闭管理). Narrative, reporter observation, meeting, inspection and
// drill accounts, definitions, case statistics, headlines that restate the body, how-to steps and
// enforcement news are not.
//
// Work reports (已完成…, 共设置…): what a report says was done is a measure in force at the
// report's date when it states the act itself (设置卡口12个, 对返乡人员实行居家隔离, 张贴通告300张):
// the report is the evidence that the measure applied. A tally of tests or samples done
// (已完成采样35万人次) is a statistic of a testing drive stated elsewhere and adds no measure, like a
// case count; so is a count of zones reached (增至24个). A visit, meeting or drill told as news
// (座谈, 慰问, 演练) is an account, not a measure, and so is the progress of work (正在有序进行).

const NOT_A_MEASURE_PARTS: RegExp[] = [
  // Questions: guides ask before they answer (…吗, 为什么要…, …有什么区别).
  /(吗|[?？])$|可否|能否|是否可以|为什[么幺]|有什[么幺]|是什[么幺]|怎[么幺]办|有何|有哪些|什[么幺]区别|区别$/,
  // Citations of basis documents and legal provisions.
  /《[^》]*》[^，。]{0,6}(规定|要求|精神)|^(根据|按照|依据|为了|为|鉴于)[^，。]{0,30}(规定|要求|部署|精神)$/,
  /^(根据|按照|依据|落实)[^，。]*《|第[一二三四五六七八九十百零]+条/,
  // The basis cited at length (严格按照《…方案》有关对低风险区管控的要求) is the basis, not the measure.
  /(按照|根据|依据)[^，。]*《[^》]*》[^，。]{0,20}(规定|要求|精神)$/,
  /^(根据|结合)[^，。]{0,30}(情况|结果|研判)$/,
  // What work relies on (根据摸排情况看, 结合入户摸排, 依托…优势) is its basis, not a measure.
  /^(根据|结合|依托)[^，。]{0,20}(摸排|排查|情况看|情况来看)$|依托[^，。]*优势$/,
  // Purpose and rhetoric.
  // A numbered item may open with its purpose (三、为确保…全覆盖，…): the number does not make it an order.
  /^(?:[（(]?[一二三四五六七八九十0-9]{1,2}[)）、.．])?为了?(减少|降低|防止|避免|加强|做好|进一步|有效|切实|确保|保障|阻断|遏制|集中|全面|更好|尽快|保证|实现|维护|巩固|应对|严防|精准|防范|守护)|(减低|降低|减少)[^，。]{0,16}风险$/,
  /不等于|重要手段|意识$|认识到?|复杂性|重要性|不留死角|多重角色|科学管理|高效有序|不断(提升|提高|增强)|率先|以来$/,
  // Work-report narrative about meetings, drills and inspections.
  /等(工作|情况)$|工作安排|演练|井然有序|召开|电话会|调度会|推进会|调研|督导/,
  // Conditions and subjects of a following clause (若…, …期间, …的).
  /^(若|如果|例如|倘若?|假如)|(期间|前提下|情况下)$|的$/,
  // A bare 如 or 且 opens a condition (如…均为阴性, 如您对…有异议) unless the clause itself orders
  // (如有症状应主动报告); 如实 and 如期 are adverbs of an order.
  // (应 inside 对应, 相应, 供应 or 反应 is no order.)
  /^(?:如(?!实|期|下)|且)(?![^，。]*(?:(?<![对相供反适效])应|须|需|要|请|可|将|不得|禁止|务必|一律|立即))/,
  // Team names (消杀组); numbered headings are HEADING below.
  /[^小]组$/,
  // Appeals to cooperate or pay attention restate a measure given elsewhere.
  // An appeal that goes on to list concrete acts (积极配合戴口罩、验码测温) states them.
  /^(请|并|要|须|应)?(广大)?(市民|居民|群众)?(积极|主动|自觉|全力)?配合(?![^，。]*、)|^(请|请广大市民)?(密切|持续|及时)?关注/,
  // A single item followed by 等措施 refers to measures rather than stating one.
  /^[^、]*等(防控)?措施$/,
  // How-to steps of an app (点击, 搜索, 页面).
  /点击|打开(支付宝|微信|手机)|搜索|页面|链接|验证码/,
  // Document headings.
  /的通告$|的通知$|的公告$/,
  // Rhetoric and appraisal: why a measure matters, not what it orders (绷紧…这根弦, 有利于…,
  // 就是最大的支持, 是…的风险点).
  // A measure named as the most important thing (不去风险地区才是最重要的) is appraised, not ordered.
  /这根弦|有利于|就是最大的|多一分|不折不扣|是[^，。]{0,20}(风险点|防线|手段|关键|重中之重|武器|法宝|屏障)|才是[^，。]{0,8}(最|关键|根本|重要)/,
  // Credit and appraisal in narratives (得益于…, 令人鼓舞) and the status of zero cases or zones
  // (已全部清零), which no one ordered.
  /得益于|令人|清零/,
  // Purpose clauses (便于流调) state why, not what.
  /便于|以便/,
  // Inspection narrative: a visitor asking about or learning of the work (询问…情况, 了解…工作).
  /(询问|了解|察看|查看|听取)[^，。]*(情况|工作)$/,
  // Work-report bookkeeping: ledgers and files kept (建立…台账, 下发…文件6个).
  /台[帐账]|文件[0-9一二三四五六七八九十]+[个份件]/,
  // A condition of the next clause (…交通卡口时, 出现发热症状时) and a subject standing alone
  // (…区域的居民, 对进入商超等人员密集场所) carry the measure of the clause that follows, not one of
  // their own.
  // A clock time (营业至18时, 每日22时) ends a clause without making it a condition.
  /(?<![小同0-9０-９一二三四五六七八九十点])时$|的[^，。、]{0,8}(居民|人员|人士|市民|群众)$|^对[^，。]{0,20}(人员|人士|居民|群众)$|^对(进入|前往)?[^，。]{0,30}(场所|区域|场馆|商超|市场)$/,
  // Trends described, not ordered (人员流动性和聚集性活动增加), and what many did (很多商场都暂停营业了):
  // an order names all or some by rule, a description counts how many.
  /(增加|增多|加大)$/,
  /(很多|许多|不少|大多数|大部分)[^，。]{0,12}(都|也|纷纷)/,
  /越来越多|越来越少|日益增多|逐渐增多/,
  // How a case was found (系集中隔离期间核酸检测发现), rumours denied (网传…不实, 系谣言) and what
  // had been done before (此前已被划为…) are news, not measures.
  /(系|是|均为)[^，。]{0,20}(发现|检出|筛查出)的?$|网传|谣言|辟谣|消息不实|此前(已|曾)|早前(已|曾)/,
  // A named person in a story (家住城南的王女士, 张先生说) is a story's subject.
  /家住|[\u4e00-\u9fff](女士|先生|阿姨|大爷|大妈|奶奶|爷爷|师傅)(?!们)/,
  // The end of a period as a time frame (隔离期满后, 解封后) conditions what follows.
  /^[^，。]{0,10}(期满|结束|届满)(后|前|时|之后)?$/,
  // Goals and cited requirements (确保溯源到位, 落实…关于“外防输入”的总体要求).
  /到位$|关于[^，。]*(要求|部署|精神)$/,
  // Services and logistics around a measure (可在…小程序中查询, 出入证由社区开具, 接种点位于…) and conditions
  // inside a clause (如无症状可解除隔离).
  /^(并|也|均)?(可|可以)[^，。]{0,16}查询|(接种点|采样点|检测点|隔离点|服务点|接种站)[^，。]{0,4}(位于|设在|地址)|由[^，。]{0,12}(开具|发放|办理)$|如[无有][^，。]{0,8}(可|则|(?<!立)即)/,
  // Negated measures (并未全面封控, 尚未实施) state what is not in force.
  /(并未|尚未|没有|并没有|未曾|不会)[^，。]{0,4}(全面|实行|实施|采取|进行|封城|封控|静默|停课|停运)/,
  // A time frame before or after something (在…调整为低风险前) conditions the next clause.
  /^在[^，。]{0,30}(前|之前|以前|后|之后|期间)$/,
  // Fears and one person's own story (怕回去要隔离, 自己一直在家, 已做过核酸) are narrative.
  /^(怕|担心|害怕|生怕)|(怕|担心|害怕)[^，。]{0,10}(隔离|封控|检测)|一直在|自己在|已做过|做过核酸/,
  // Deferred announcements (恢复时间另行通知) and absent zones (已无中风险区) order nothing.
  /另行通知$|已无/,
  // App how-to steps (打开…, 扫…进入…, 即报备成功).
  /^[（(]?[0-9]{1,2}[)）]?[^，。]{0,4}(打开|进入|填写|提交)|成功$|小程序$|咨询电话/,
  // Definitions (…是指, 条件为…, 期限自…算起) explain a measure stated elsewhere.
  /是指|指的是|(条件|期限|标准|定义)(为|是)|自[^，。]{0,10}算起/,
  // Explainer-site wrappers around a news item (下面小编为大家带来…, 以上就是…介绍) and the
  // question they answer (…什么时候解封, 封城了吗). 么 may reach here as 幺 from the converter.
  /小编|以上就是|什[么幺]时候|了吗|[？]|(什[么幺]|怎[么幺]|吗|呢)\?|吗(?=[(（\s]|$)/,
  // Reporter observation in a story: who was seen doing what, and how it looked (民警…巡查,
  // 市民纷纷…, 孩子自发…, 现场井然).
  /记者|纷纷|忙碌|乖巧|场面|身上背|感动|暖心|一幕|身影|笑容|的一名|一名[^，。]{0,4}(民警|医生|护士|志愿者|队员)|刚[^，。]{0,4}(巡查|检查)|的消息$|等来|终于/,
  // Progress of response work (…等相关工作正在有序进行) reports a status, naming no rule.
  /正在有序|有序进行|正在进行|有条不紊/,
  // Distributive narrative (有的报名…，有的配合…) tells what some people did.
  /^[^，。]{0,6}有的(?!放矢)/,
  // An appeal that ends on 配合 names no act (也请…的居民朋友积极配合), and a vocative naming who
  // is addressed (呼吁居家隔离的市民朋友, also as a numbered item) opens the appeal that follows.
  /配合$|^(?:[（(]?[一二三四五六七八九十0-9]{1,2}[)）、.．])?(呼吁|倡议|提醒)[^，。]*(朋友|市民|居民|群众|民众)$/,
  // Announcements of what follows (现将…通告如下, 名单如下, 明确…主要措施, 调整…的措施) name
  // measures stated below.
  /^现将|(通告|公告|通知|名单|清单|情况|安排)如下[:：]?$|主要措施$|(调整|优化|更新)[^，。]{1,16}的(防控)?(措施|安排|规定)$/,
  // Rhetoric of attitude (紧迫感和责任感).
  /紧迫感|责任感|使命感|获得感/,
  // Enforcement news and the offence itself (查处3起…案, 故意隐瞒…): a case is not a rule; the
  // rule is the penalty, stated with 依法.
  /查处[^，。]{0,8}[0-9一二三四五六七八九十]+[起宗]|[0-9一二三四五六七八九十]+[起宗][^，。]{0,12}案|^(故意|拒不)?(隐瞒|瞒报|谎报|未及时)[^，。]{0,12}$/,
  // How-to steps for a visit or sign-up (携带身份证, 提前注册账号). An order to go and be tested
  // that mentions the ID to bring (请携带身份证到采样点进行核酸检测) is still an order.
  /携带[^，。]{0,8}(身份证|证件|户口簿)(?![^，。]*(进行|参加|接受|完成)[^，。]{0,6}(核酸|检测|采样|接种))|注册[^，。]{0,6}(账号|帐号|信息)/,
  // An explanation of what a rule is for (实名登记是为了…) restates it.
  /是为了|目的是|旨在/,
  // Visits and meetings told as news (座谈, 慰问, 一行N人), and the topics a meeting or training
  // went through (会议围绕…、…等方面进行了解读): an account of what was discussed.
  /座谈|慰问|看望|一行[0-9一二三四五六七八九十]+人/,
  /会议围绕|等方面[^，。]*(解读|讨论|交流|讲解)|进行了?[^，。]{0,6}(解读|讲解)$/,
  // The means of a finding (通过核酸筛查，发现…) and the frame of a rule (“疫苗通”安排下) lead into
  // the clause that follows.
  /^通过[^，。]{0,10}(筛查|检测|排查|流调)$|(安排|机制|框架|模式)下$/,
  // An official's visit to inspect the work (到隔离酒店检查防控工作, 深入社区督查) is an account.
  /(到|赴|深入|走进|前往)[^，。]{0,12}(检查|视察|督查|督导|暗访|指导)[^，。]{0,10}工作/,
  // Effort and scene told in a story (忍着…坚持完成采样, 投入到…工作中去, 让现场有条理): what people
  // did and how it went, not a rule.
  /忍着|冒着|顶着|坚持完成|投入到[^，。]*中去?$|^让[^，。]*(有序|有条|井然|有层次)/,
  // Rhetoric of defence lines (筑牢…防线) and speculation (解封时间只能推后, 或将延长).
  /筑牢[^，。]*防线|只能推|或将|也许|恐怕/,
  // News of elsewhere in the plural (多地升为中高风险) and past episodes counted (三度封城).
  /多地[^，。]{0,4}(升为|调整为|出现|发生|新增)|[一二三四五六七八九十两]度[“"]?(封|静默|停)/,
  // Getting ready and reporting back (做好采样准备, 及时进行通报) are the work around a measure.
  /准备(工作)?$|(进行|及时)通报$/,
  // Consequences explained, not ordered (健康码会调整为黄码, 变为红码后…).
  /(会|将会|就会)[^，。]{0,6}(调整|转|变)为|变为[红黄绿]码/
]

export const NOT_A_MEASURE = new RegExp(NOT_A_MEASURE_PARTS.map((r) => `(?:${r.source})`).join('|'))

// A clause that only names a kind of area (1.国内中风险地区, 行程卡带*的地区) defines a list
// heading, unless a verb puts the area under a rule.
/**
 * A numbered section heading (一、主动报备). A short numbered item that ends its sentence
 * (一、暂停堂食。) is a measure; the caller checks what follows the clause.
 */
export const HEADING = /^[（(]?[一二三四五六七八九十0-9]{1,2}[)）、.．][^，。]{0,6}$/

export const AREA_ONLY = /^[^，。]{0,40}(地区|区域)$/
export const AREA_VERB = /(调整|划定|降为|列为|转为|实行|实施|解除|升为|纳入|管理|管控|前往|不去|不出|为)/

// Case statistics: clauses that report numbers rather than order anything.
export const STATS = new RegExp(
  [
    /(新增|累计|现有|报告)[^，。]{0,10}([0-9]+|[一二三四五六七八九十]+)[^，。]{0,4}(例|宗|名)/,
    /确诊病例[0-9]+例|无症状感染者[0-9]+例|治愈出院/,
    /(新增|累计|现有|解除|治愈|出院|死亡|确诊|发现|报告|共计|共有|排查到?)[^，。]{0,16}[0-9]+(人|例|名|宗|起)$/,
    /[0-9]+人[于在]|合共|中发现|检出|有[0-9]+(人|例|名)$/,
    // Cases found or released (发现2例初筛阳性, 1例无症状感染者解除隔离).
    /发现[^，。]{0,6}([0-9]+|[一二三四五六七八九十]+)例|发现[^，。]{0,20}[0-9一二三四五六七八九十]+名[^，。]{0,8}(人员|人士|旅客)$|[0-9一二三四五六七八九十]+例[^，。]{0,10}(解除|出院|治愈)/,
    // Tallies of work done (已采样12万份); a count of zones in force (共有高风险区3个) is a measure.
    /增至[^，。]{0,6}[0-9一二三四五六七八九十]+个/,
    // (Copies whose numbers were stripped keep the frame: 已采样份, 已出检测结果份.)
    /(已|累计|共)(完成|采样|检测|采集)[^，。]{0,10}[0-9.]+万?(人次|份|管|人)|已(采样|出[^，。]{0,4}结果)[0-9.]*份$/
  ]
    .map((r) => `(?:${r.source})`)
    .join('|')
)
