import { computed, reactive, ref } from 'vue'
import type { Proposal } from '@/domain/documents/proposal'
import type { DocumentKind } from '@/domain/types'
import { ServiceError, useAccountStore } from '@/stores/account'

/** What is sent: a chosen file (as base64) or pasted text. */
export type Sent = { fileName: string; base64: string } | { text: string }

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/**
 * Handing in a document: read it (the service proposes region, year, 文号, activities), let the
 * person confirm or correct the facts, submit. Nothing is lost on a refusal: the file, the text
 * and the answers stay on the page with the message next to them.
 */
export function useDocumentUpload() {
  const account = useAccountStore()
  const sent = ref<Sent | null>(null)
  const sentName = computed(() => (sent.value && 'fileName' in sent.value ? sent.value.fileName : '粘贴的文字'))
  const proposal = ref<Proposal | null>(null)
  const facts = reactive({ region: '', year: null as number | null, docNumber: '', kind: '' as DocumentKind | '' })
  const busy = ref(false)
  const error = ref('')
  const fieldErrors = ref<Record<string, string>>({})
  const submitted = ref<number | null>(null)

  async function read(what: File | string) {
    error.value = ''
    fieldErrors.value = {}
    submitted.value = null
    busy.value = true
    try {
      sent.value = typeof what === 'string' ? { text: what } : { fileName: what.name, base64: await base64Of(what) }
      const r = await account.call<{ proposal: Proposal; inScope: boolean }>('POST', 'documents/preview', sent.value)
      proposal.value = r.proposal
      Object.assign(facts, { region: r.inScope ? (r.proposal.region?.code ?? '') : '', year: r.proposal.year, docNumber: r.proposal.docNumber ?? '', kind: r.proposal.kind })
    } catch (e) {
      proposal.value = null
      error.value = (e as Error).message
    } finally {
      busy.value = false
    }
  }

  async function submit() {
    if (!sent.value) return
    error.value = ''
    fieldErrors.value = {}
    busy.value = true
    try {
      const r = await account.call<{ id: number }>('POST', 'documents', { ...sent.value, region: facts.region, year: facts.year, docNumber: facts.docNumber || null, kind: facts.kind || null })
      submitted.value = r.id
    } catch (e) {
      error.value = (e as Error).message
      if (e instanceof ServiceError) fieldErrors.value = Object.fromEntries(e.problems.filter((p) => p.field).map((p) => [p.field!, p.message]))
    } finally {
      busy.value = false
    }
  }

  function reset() {
    sent.value = null
    proposal.value = null
    submitted.value = null
    error.value = ''
  }

  return { sent, sentName, proposal, facts, busy, error, fieldErrors, submitted, read, submit, reset }
}
