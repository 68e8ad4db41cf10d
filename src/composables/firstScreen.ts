import { FIRST_SCREEN_ID, type FirstScreen } from '@/domain/firstScreen'

/** The first screen a pre-rendered region page carries (null on the shell, or when unreadable). */
export function readFirstScreen(): FirstScreen | null {
  const text = document.getElementById(FIRST_SCREEN_ID)?.textContent
  if (!text) return null
  try {
    const first = JSON.parse(text) as FirstScreen
    return typeof first?.code === 'string' && typeof first.today === 'string' && Array.isArray(first.chain) && first.chain.length > 0 && first.chain.every((own) => Array.isArray(own?.instances)) ? first : null
  } catch {
    return null
  }
}
