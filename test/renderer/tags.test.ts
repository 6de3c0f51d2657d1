import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import TagsView from '@/views/TagsView.vue'
import TrashView from '@/views/TrashView.vue'
import LibraryView from '@/views/LibraryView.vue'
import { buildTagTree } from '@common/tags'
import { FakeApi, uninstall } from './fake-api'
import { fakeTags } from './fake-tags'
import { flushPromises, mountWithApp } from './helpers'

let fake: FakeApi
let mounted: { unmount(): void } | null = null
beforeEach(() => {
  fake = new FakeApi(6).install()
})
afterEach(() => {
  // Unmounted even when a test failed, so its window listeners do not answer the next test's keys.
  mounted?.unmount()
  mounted = null
  uninstall()
  document.body.innerHTML = ''
})

async function mount(...a: Parameters<typeof mountWithApp>): ReturnType<typeof mountWithApp> {
  const m = await mountWithApp(...a)
  mounted = m.wrapper
  return m
}

const key = (k: string, init: KeyboardEventInit = {}): void => {
  window.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, ...init }))
}

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
  }
}

describe('tag tree', () => {
  it('builds the "/" hierarchy with placeholder parents and subtree totals', () => {
    const tree = buildTagTree(fakeTags(fake).tags)
    expect(tree.map((n) => n.name)).toEqual(['出行', '防控', '重点'])
    const prevention = tree.find((n) => n.name === '防控')!
    expect(prevention.children.map((c) => c.label)).toEqual(['隔离', '口罩'])
    expect(prevention).toMatchObject({ exists: true, count: 2, total: 6 })
    expect(tree[0]).toMatchObject({ exists: false, count: 0, total: 4 })
  })

  it('shows tags as a tree in the Tags view, with counts and rule badges', async () => {
    const { wrapper } = await mount(TagsView, { route: '/tags' })
    const nodes = wrapper.findAll('[data-testid="tag-node"]')
    expect(nodes.map((n) => n.attributes('data-name'))).toEqual(['出行', '出行/报备', '防控', '防控/隔离', '防控/口罩', '重点'])
    // A child is rendered inside its parent's tree node.
    const parent = wrapper.findAll('.el-tree-node').find((n) => n.find('[data-testid="tag-node"]').attributes('data-name') === '防控')!
    expect(parent.find('[data-name="防控/隔离"]').exists()).toBe(true)
    const isolation = nodes.find((n) => n.attributes('data-name') === '防控/隔离')!
    expect(isolation.text()).toContain('隔离')
    expect(isolation.text()).toContain('3 篇')
    expect(isolation.text()).toContain('1 条规则')
    expect(nodes[0].text()).toContain('仅作上级')
    expect(wrapper.findAll('[data-testid="rule-item"]')[0].text()).toContain('隔离词')
  })

  it('deletes a tag from its menu, and Ctrl+Z undoes through history.undo', async () => {
    const { wrapper } = await mount(TagsView, { route: '/tags' })
    const node = wrapper.findAll('[data-testid="tag-node"]').find((n) => n.attributes('data-name') === '防控')!
    await node.get('[data-testid="tag-action-delete"]').trigger('click')
    await settle()
    expect(fake.callsOf('tags.delete')).toEqual([{ names: ['防控'] }])
    expect(wrapper.findAll('[data-testid="tag-node"]').map((n) => n.attributes('data-name'))).toEqual(['出行', '出行/报备', '重点'])
    const before = fake.callsOf('tags.all').length
    key('z', { ctrlKey: true })
    await settle()
    expect(fake.callsOf('history.undo')).toEqual([{}])
    expect(fake.callsOf('tags.all').length).toBeGreaterThan(before)
  })

  it('renames a tag (with its subtree) from its button and dialog', async () => {
    const { wrapper } = await mount(TagsView, { route: '/tags' })
    const node = wrapper.findAll('[data-testid="tag-node"]').find((n) => n.attributes('data-name') === '防控')!
    await node.get('[data-testid="tag-action-rename"]').trigger('click')
    await settle()
    const input = document.body.querySelector<HTMLInputElement>('input[data-testid="tag-name-input"]')!
    expect(input.value).toBe('防控')
    input.value = '疫情防控'
    input.dispatchEvent(new Event('input'))
    await settle()
    document.body.querySelector<HTMLButtonElement>('[data-testid="tag-edit-apply"]')!.click()
    await settle()
    expect(fake.callsOf('tags.rename')).toEqual([{ name: '防控', to: '疫情防控' }])
    expect(wrapper.findAll('[data-testid="tag-node"]').map((n) => n.attributes('data-name'))).toContain('疫情防控/隔离')
  })

  it('runs the rules with progress and reports what they did', async () => {
    const { wrapper } = await mount(TagsView, { route: '/tags' })
    await wrapper.get('[data-testid="rules-run-all"]').trigger('click')
    await settle()
    expect(fake.callsOf('tags.rules.run')).toEqual([{}])
    expect(document.body.textContent).toContain('新增 2 个标签')
  })
})

describe('bulk tagging in the library', () => {
  it('T opens the tag dialog for the selection; applying tags all selected documents', async () => {
    const { wrapper } = await mount(LibraryView)
    const rows = wrapper.findAll('[data-testid="library-row"]')
    const ids = [0, 2, 4].map((i) => rows[i].attributes('data-id'))
    for (const i of [0, 2, 4]) await rows[i].find('.c-check').trigger('click')
    key('t')
    await settle()
    const dialog = document.body.querySelector<HTMLElement>('.el-dialog')
    expect(dialog?.textContent).toContain('为 3 篇文档打标签')
    await wrapper.getComponent({ name: 'TagDialog' }).vm.$nextTick()
    // Choose an existing tag in the "add" select.
    document.body.querySelector<HTMLElement>('[data-testid="tag-add"] .el-select__wrapper')!.click()
    await settle()
    const option = [...document.body.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find((o) => o.textContent?.trim() === '重点')!
    option.click()
    await settle()
    document.body.querySelector<HTMLButtonElement>('[data-testid="tag-apply"]')!.click()
    await settle()
    expect(fake.callsOf('documents.tag')).toEqual([{ ids, add: ['重点'], remove: [] }])
  })

  it('T does nothing without a selection; Ctrl+Z undoes the latest change and refreshes the list', async () => {
    await mount(LibraryView)
    key('t')
    await settle()
    expect(document.body.querySelector('.el-dialog')).toBeNull()
    const lists = fake.callsOf('documents.list').length
    key('z', { metaKey: true })
    await settle()
    expect(fake.callsOf('history.undo')).toEqual([{}])
    expect(fake.callsOf('documents.list').length).toBeGreaterThan(lists)
  })
})

describe('trash view', () => {
  it('restores a document and empties the trash only after asking', async () => {
    const { wrapper } = await mount(TrashView, { route: '/trash' })
    expect(wrapper.get('[data-testid="trash-total"]').text()).toContain('共 3 篇')
    const first = fakeTags(fake).trash[0].id
    await wrapper.findAll('[data-testid="trash-restore"]')[0].trigger('click')
    await settle()
    expect(fake.callsOf('documents.restore')).toEqual([{ ids: [first] }])
    expect(wrapper.get('[data-testid="trash-total"]').text()).toContain('共 2 篇')

    await wrapper.get('[data-testid="trash-empty"]').trigger('click')
    await settle()
    expect(fake.callsOf('trash.empty')).toEqual([])
    const box = document.body.querySelector('.el-message-box')
    expect(box?.textContent).toContain('永久删除回收站中的 2 篇文档')
    document.body.querySelector<HTMLButtonElement>('.el-message-box .el-button--danger, .el-message-box__btns .el-button--primary')!.click()
    await settle()
    expect(fake.callsOf('trash.empty')).toEqual([{}])
    expect(wrapper.find('[data-testid="trash-empty-state"]').exists()).toBe(true)
  })
})
