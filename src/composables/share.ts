import { ref } from 'vue'

/** Web Share where the phone has it; otherwise copy the link and say so. */
export function useShare() {
  const message = ref('')
  async function share(data: { title: string; text: string; url: string }) {
    if (navigator.share) {
      try {
        await navigator.share(data)
        return
      } catch (e) {
        if ((e as Error).name === 'AbortError') return
      }
    }
    message.value = (await copyText(data.url)) ? '链接已复制，可粘贴到微信或短信中分享。' : `请复制此链接分享：${data.url}`
  }
  return { share, message }
}

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}
