// The save step every correction dialog shares: busy flag, success message, close on success, and a
// failure shown to the user with the dialog left open so nothing typed is lost.
import { ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { showError } from '@/lib/errors'

type Message = string | [key: string, params: Record<string, unknown>]

export function useDialogSave(open: Ref<boolean>): { saving: Ref<boolean>; save: (work: () => Promise<Message>) => Promise<void> } {
  const { t } = useI18n()
  const saving = ref(false)
  /** `work` performs the change and returns the i18n key of its success message (with parameters, if any). */
  async function save(work: () => Promise<Message>): Promise<void> {
    saving.value = true
    try {
      const done = await work()
      ElMessage.success(typeof done === 'string' ? t(done) : t(done[0], done[1]))
      open.value = false
    } catch (e) {
      showError(t, e)
    } finally {
      saving.value = false
    }
  }
  return { saving, save }
}
