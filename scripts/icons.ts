// npm run icons: renders public/favicon.svg into the PNG icons the manifest lists (the PNGs are committed).
import { readFileSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { chromiumLaunchOptions } from './browser'
const svg = readFileSync('public/favicon.svg', 'utf8')
const browser = await chromium.launch(await chromiumLaunchOptions())
const page = await browser.newPage()
async function shot(size: number, file: string, maskable = false) {
  await page.setViewportSize({ width: size, height: size })
  const inner = maskable ? svg.replace('rx="14"', 'rx="0"').replace('<svg ', '<svg ') : svg
  const body = maskable
    ? `<div style="width:${size}px;height:${size}px;background:#0b6e69;display:flex;align-items:center;justify-content:center"><div style="width:${size * 0.72}px;height:${size * 0.72}px">${inner.replace('<rect width="64" height="64" rx="0" fill="#0b6e69"/>', '')}</div></div>`
    : `<div style="width:${size}px;height:${size}px">${svg}</div>`
  await page.setContent(`<html><body style="margin:0;background:transparent">${body}<style>svg{width:100%;height:100%;display:block}</style></body></html>`)
  await page.screenshot({ path: file, omitBackground: !maskable })
}
await shot(192, 'public/icons/icon-192.png')
await shot(512, 'public/icons/icon-512.png')
await shot(512, 'public/icons/maskable-512.png', true)
await shot(180, 'public/icons/apple-touch-icon.png', true)
await browser.close()
