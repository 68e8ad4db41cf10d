/** Every year the calendars cover, as the build recorded it (seeds/settings.json › window). */
export const WINDOW_YEARS: number[] = Array.from({ length: __DATA_WINDOW__.to - __DATA_WINDOW__.from + 1 }, (_, i) => __DATA_WINDOW__.from + i)
