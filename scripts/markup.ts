/** Text or an attribute value in HTML or XML (the Atom feed, the sitemap, pre-rendered pages). */
export const escapeMarkup = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
