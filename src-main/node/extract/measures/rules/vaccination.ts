// 疫苗接种: 1 key groups · 2 adults · 3 extended ages (3–17, 60+) · 4 boosters broadly or for 60+.
import type { CategoryRules } from '../types'

export const vaccination: CategoryRules = {
  category: 'vaccination',
  rules: [
    { re: /疫苗通行证|疫苗通/, level: 2 },
    {
      re: /接种|疫苗|加强针|第[一二三四]剂|打针|应接尽接|应种尽种/,
      level: (c) => (/(加强针|加强免疫|第三剂|第四剂)/.test(c) ? 4 : /(60岁|老年|3[至~-]11岁|3-17|12[至~-]17|儿童|青少年)/.test(c) ? 3 : /(18岁以上|全民|全员|应接尽接)/.test(c) ? 2 : 1),
      // Facts about vaccines (是最有效的措施, 症状较轻, 10万剂…抵达) are not a drive.
      // A group defined by its doses (若未接种3剂疫苗者, 已完成接种的人员) is a target, and vaccine
      // technologies (灭活疫苗、蛋白疫苗) are research news.
      unless: /(疫苗研发|疫苗生产)|(未|没有|已)(完成)?接种[^，。]{0,10}(的)?(人士|人员|者)|(灭活|蛋白|载体|mRNA)疫苗|是[^，。]{0,20}(措施|办法|手段|方式)|能够|症状|无论是否|抵达|运抵|到货|合资|集团|[0-9]+万剂/
    }
  ]
}
