// 健康监测: 1 self-monitoring / temperature checks · 2 home health monitoring · 3 home monitoring
// with codes, door sensors or scheduled tests.
import type { CategoryRules } from '../types'

export const healthMonitoring: CategoryRules = {
  category: 'health_monitoring',
  rules: [
    { re: /居家健康监测/, level: (c) => (/(赋码|门磁|核酸|检测)/.test(c) ? 3 : 2) },
    // Hong Kong's 医学监察 (medical surveillance of arrivals) and Taiwan's 自主健康管理 are self-monitoring.
    { re: /健康监测|自主健康管理|自我健康管理|健康观察|自我监测|自主健康监测|自主防疫|医学监察/, level: 1 },
    { re: /走访|(观测|询问|监测|报告)[^，。]{0,8}健康状况|主动监测|温度[^，。]{0,8}(筛检|检测|监测)/, level: 1 },
    { re: /(不适|症状)[^，。]{0,8}(报告|上报|告知)|(密切|健康)监控/, level: 1 },
    { re: /测温|体温检测|体温测量|测量体温|量体温|体温监测|体温/, level: 1, unless: /药店|药房|购药|买药|买家/ }
  ]
}
