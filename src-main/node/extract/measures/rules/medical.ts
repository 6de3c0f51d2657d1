// 医疗机构: 1 triage and fever clinics · 2 reinforced (24-hour fever clinics, closed-loop transfer,
// visit limits) · 3 clinics stop fever patients or pharmacies register/stop 四类药品.
import type { CategoryRules } from '../types'

export const medical: CategoryRules = {
  category: 'medical',
  rules: [
    // What a pharmacy must do about its buyers (药店应登记购药者体温, 买家发热须报告) is a drug-sale
    // rule: registering, reporting or taking the temperature there is not travel reporting.
    { re: /药店|药房|零售药|买家|购药|买药/, level: 3, requires: /(登记|报告|体温|测温)/ },
    { re: /(药品|退烧药|退热药|一退两抗|感冒药)[^，。]{0,12}实名登记|四类药品|退热[^，。]{0,4}药|止咳|抗病毒|抗菌素|(诊所|卫生室|药店)[^，。]{0,10}(暂停|不得|停止)[^，。]{0,6}(接诊|诊疗|销售)/, level: 3 },
    { re: /发热门诊[^，。]{0,8}24小时|24小时[^，。]{0,8}发热门诊|探视|陪护|陪诊|闭环[^，。]{0,4}(转运|诊疗)/, level: 2, unless: /密接|隔离/, requires: /(暂停|禁止|严禁|取消|限制|不得|谢绝|原则上|一律|每|仅|只|压缩|不超过|勿|不要|在线|视频|远程)/ },
    // Who may enter the wards (请不要进入病区, 陪护证为进入住院楼的唯一凭证): a visiting rule.
    { re: /(不要|不得|禁止|严禁|谢绝|勿)[^，。]{0,4}(进入|进出)[^，。]{0,4}(病区|病房|住院楼|住院部)|(陪护证|探视证)[^，。]{0,20}(凭证|凭|方可)/, level: 2 },
    // How people under control may seek care (不私自外出就医, 就医需联系社区、专人专车) and clinics opened.
    { re: /不[^，。]{0,2}(私自|自行)[^，。]{0,4}就医|(就医|就诊)[^，。]{0,10}(需|须)[^，。]{0,6}(联系|报告|报备)|开设[^，。]{0,12}门诊/, level: 2 },
    // Infection control inside hospitals (严控院内感染).
    { re: /院内感染|院感/, level: 1 },
    { re: /隔离[^，。]{0,4}治疗|送往[^，。]{0,12}(医院|临床中心|医疗机构)|发热门诊|预检分诊|发热病人|发热患者|(定点|指定)[^，。]{0,6}(医院|医疗机构)|首诊负责|方舱|收治|救治|医院[^，。]{0,8}(管理|诊疗)/, level: 1 }
  ]
}
