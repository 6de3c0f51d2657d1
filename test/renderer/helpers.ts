// Mounting with the real plugins (Pinia, vue-i18n, the router on memory history, Element Plus).
import { vi } from 'vitest'
import { mount, flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import ElementPlus from 'element-plus'
import { createMemoryHistory, type Router } from 'vue-router'
import type { Component } from 'vue'
import { createAppI18n, type Locale } from '@/i18n'
import { createAppRouter } from '@/router'

// Mounting Element Plus views is slow on a busy shared machine; the default 5 s is too tight.
vi.setConfig({ testTimeout: 30_000 })

export interface Mounted {
  pinia: Pinia
  router: Router
}

export async function mountWithApp(component: Component, opts: { route?: string; locale?: Locale; props?: Record<string, unknown> } = {}) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createAppRouter(createMemoryHistory())
  await router.push(opts.route ?? '/library')
  await router.isReady()
  const wrapper = mount(component, {
    props: opts.props,
    attachTo: document.body,
    global: { plugins: [pinia, createAppI18n(opts.locale ?? 'zh-CN'), router, ElementPlus] }
  })
  await flushPromises()
  return { wrapper, pinia, router }
}

export { flushPromises }
