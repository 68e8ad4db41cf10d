import type { Page } from 'playwright-core'
import { expect } from 'vitest'

// The organiser pages as a person uses them: sign up from an invitation, invite someone.
export const PASSWORD = 'correct horse battery'

export async function signUp(page: Page, link: string, name: string) {
  await page.goto(link)
  await page.getByLabel('用户名').fill(name)
  await page.getByLabel('密码（至少 10 个字符）').fill(PASSWORD)
  await page.getByLabel('再输一次密码').fill(PASSWORD)
  await page.getByRole('button', { name: '注册' }).click()
  await page.getByText(`已登录：${name}`).waitFor()
}

/** The link of the invitation just made (not the one shown before it). */
export async function invite(page: Page, role: 'editor' | 'reviewer', region: string): Promise<string> {
  await page.getByLabel('角色').selectOption(role)
  await page.getByLabel(/地区代码/).fill(region)
  const before = (await page.locator('.link code').count()) ? await page.locator('.link code').textContent() : null
  await page.getByRole('button', { name: '生成邀请链接' }).click()
  await expect.poll(() => page.locator('.link code').textContent()).not.toBe(before)
  return (await page.locator('.link code').textContent())!
}
