import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import './styles.css'
import App from './App.vue'
import { createAppI18n } from './i18n'
import { createAppRouter, navigateTo } from './router'
import { wireEvents } from './stores/events'

const app = createApp(App)
const router = createAppRouter()
app.use(createPinia()).use(createAppI18n()).use(router).use(ElementPlus)
wireEvents((route) => navigateTo(router, route))
app.mount('#app')
