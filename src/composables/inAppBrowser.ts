/**
 * WeChat's and QQ's in-app browsers neither subscribe to a calendar nor import a file: a parent
 * who scans the school poster there has to open the page in the phone's own browser first.
 */
export type InAppBrowser = 'wechat' | 'qq' | null

export function inAppBrowser(userAgent = typeof navigator === 'undefined' ? '' : navigator.userAgent): InAppBrowser {
  if (/MicroMessenger/i.test(userAgent)) return 'wechat'
  // QQ's in-app browser says "QQ/<version>"; the QQ Browser app ("MQQBrowser" alone) is a real browser.
  if (/\bQQ\/\d/i.test(userAgent)) return 'qq'
  return null
}

/** Which phone the page is on, to offer first the way of subscribing that works there. */
export type Platform = 'ios' | 'android' | 'other'

export function platform(userAgent = typeof navigator === 'undefined' ? '' : navigator.userAgent): Platform {
  if (/iPhone|iPad|iPod/i.test(userAgent)) return 'ios'
  if (/Android|HarmonyOS/i.test(userAgent)) return 'android'
  return 'other'
}
