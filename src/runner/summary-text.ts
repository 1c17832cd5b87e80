// Job summaries as a terminal shows them. GitHub renders GITHUB_STEP_SUMMARY as Markdown with
// HTML allowed; @actions/core's summary writes HTML (<h3>, <table>, <ul>, <a>...) and `run:` steps
// usually write Markdown. This turns both into plain text: headings, aligned tables, bullets,
// links as `text (url)`, entities decoded, every other tag dropped. No colour, no wrapping.

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' '
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : whole
    }
    return ENTITIES[name.toLowerCase()] ?? whole
  })
}

/** Inline HTML and Markdown to text: links as `text (url)`, emphasis and code marks dropped. */
function inline(html: string): string {
  return decodeEntities(
    html
      .replace(/<a\s[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_m, href: string, text: string) =>
        link(inline(text), decodeEntities(href))
      )
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, text: string, href: string) => link(text, href))
      .replace(/\*\*([^*]+)\*\*|__([^_]+)__/g, (_m, a?: string, b?: string) => a ?? b ?? '')
      .replace(/`([^`]+)`/g, '$1')
  )
    .replace(/\s+/g, ' ')
    .trim()
}

function link(text: string, href: string): string {
  return text === href || href === '' ? text : `${text} (${href})`
}

/** Rows of cells as an aligned text table, a rule under the header row when there is one. */
export function textTable(rows: string[][], header: boolean): string[] {
  if (rows.length === 0) return []
  const columns = Math.max(...rows.map(r => r.length))
  const widths = Array.from({ length: columns }, (_, i) =>
    Math.max(...rows.map(r => [...(r[i] ?? '')].length))
  )
  const line = (r: string[]) =>
    widths
      .map((w, i) => (r[i] ?? '') + ' '.repeat(w - [...(r[i] ?? '')].length))
      .join('  ')
      .trimEnd()
  const out = rows.map(line)
  if (header) out.splice(1, 0, widths.map(w => '-'.repeat(w)).join('  '))
  return out
}

function htmlTable(html: string): string[] {
  const rows: string[][] = []
  let header = false
  for (const tr of html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gi)) {
    const cells = [...tr[1].matchAll(/<(t[hd])[^>]*>([\s\S]*?)<\/\1>/gi)]
    if (rows.length === 0 && cells.length > 0 && cells.every(c => c[1].toLowerCase() === 'th'))
      header = true
    rows.push(cells.map(c => inline(c[2])))
  }
  return textTable(rows, header)
}

function markdownTable(lines: string[]): string[] {
  const split = (l: string) =>
    l
      .trim()
      .replace(/^\|/, '')
      .replace(/(?<!\\)\|$/, '')
      .split(/(?<!\\)\|/)
      .map(c => inline(c.replace(/\\\|/g, '|')))
  const header = lines.length > 1 && /^\s*\|?\s*:?-{3,}/.test(lines[1])
  const rows = lines.filter((_, i) => !(header && i === 1)).map(split)
  return textTable(rows, header)
}

/** Renders a job summary (Markdown and/or HTML) as plain text lines. */
export function summaryToText(source: string): string {
  // Block-level HTML on lines of their own, so the line-based pass below sees each block.
  const text = source
    .replace(/\r\n/g, '\n')
    .replace(/<table[\s\S]*?<\/table>/gi, m => `\n${m.replace(/\n/g, ' ')}\n`)
    .replace(/<(h[1-6]|p|li|pre|details|summary|ul|ol|hr)\b/gi, '\n<$1')
    .replace(/<\/(h[1-6]|p|li|pre|ul|ol|details|summary)>/gi, '</$1>\n')

  const out: string[] = []
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const trimmed = line.trim()
    if (/^<table/i.test(trimmed)) {
      out.push(...htmlTable(trimmed))
      continue
    }
    if (/^\|.*\|$/.test(trimmed)) {
      const block: string[] = []
      while (i < lines.length && /^\|.*\|$/.test(lines[i].trim())) block.push(lines[i++])
      i--
      out.push(...markdownTable(block))
      continue
    }
    const h =
      /^<h([1-6])[^>]*>([\s\S]*?)<\/h\1>$/i.exec(trimmed) ?? /^(#{1,6})\s+(.*)$/.exec(trimmed)
    if (h) {
      const title = inline(h[2])
      const level = /^\d$/.test(h[1]) ? Number(h[1]) : h[1].length
      out.push(title, (level <= 2 ? '=' : '-').repeat([...title].length))
      continue
    }
    if (/^<hr\b/i.test(trimmed) || /^(-{3,}|\*{3,})$/.test(trimmed)) {
      out.push('----')
      continue
    }
    const li = /^<li[^>]*>([\s\S]*?)(<\/li>)?$/i.exec(trimmed) ?? /^[-*+]\s+(.*)$/.exec(trimmed)
    if (li) {
      out.push(`• ${inline(li[1])}`)
      continue
    }
    const rendered = inline(trimmed)
    if (rendered !== '') out.push(rendered)
    else if (out.length > 0 && out.at(-1) !== '') out.push('')
  }
  while (out.at(-1) === '') out.pop()
  return out.join('\n')
}
