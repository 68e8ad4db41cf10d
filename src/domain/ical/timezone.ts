// China has kept UTC+8 without daylight saving since 1991, so one STANDARD block describes
// Asia/Shanghai for every date a calendar of this project can hold.
export const SHANGHAI = 'Asia/Shanghai'

export const SHANGHAI_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Asia/Shanghai',
  'X-LIC-LOCATION:Asia/Shanghai',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'DTSTART:19700101T000000',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n')
