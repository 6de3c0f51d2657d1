// ECharts with only the parts the Compare view draws (step lines and a region map), so the bundle
// carries no unused chart types.
import { use, init, registerMap, type ECharts, type EChartsCoreOption } from 'echarts/core'
import { LineChart, MapChart } from 'echarts/charts'
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([LineChart, MapChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent, CanvasRenderer])

export { init, registerMap }
export type { ECharts, EChartsCoreOption }
