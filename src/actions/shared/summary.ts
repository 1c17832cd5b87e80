// Job summary and outputs. The summary is written once, at the end of a successful run; every
// text passes through `redact` so a masked value can never reach the summary file (the runner does
// not mask files).
import type { ActionCore } from './core.js'
import { redact } from './secrets.js'

export type SummaryValue = string | number | boolean | null | undefined

export interface SummaryLink {
  text: string
  href: string
}

export interface SummaryContent {
  /** Heading, e.g. "Maestro task 1234 created". */
  title: string
  /** Key/value rows; rows whose value is undefined or "" are left out. */
  rows?: ReadonlyArray<readonly [string, SummaryValue]>
  links?: readonly SummaryLink[]
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

const safe = (v: SummaryValue) => escapeHtml(redact(v === null || v === undefined ? '' : String(v)))

/** Only http(s) links: a `javascript:` href from server data must not reach the page. */
function safeHref(href: string): string | undefined {
  try {
    const url = new URL(href)
    return url.protocol === 'https:' || url.protocol === 'http:'
      ? escapeHtml(redact(href))
      : undefined
  } catch {
    return undefined
  }
}

/**
 * Writes a heading, a two-column table and a list of links to the job summary. A summary that
 * cannot be written (no GITHUB_STEP_SUMMARY, e.g. a local run) is a warning, never a failure.
 */
export async function writeSummary(
  core: Pick<ActionCore, 'summary' | 'warning'>,
  content: SummaryContent
): Promise<void> {
  const s = core.summary
  s.addHeading(safe(content.title), 3)
  const rows = (content.rows ?? []).filter(([, v]) => v !== undefined && v !== null && v !== '')
  if (rows.length > 0) {
    s.addTable([
      [
        { data: 'Field', header: true },
        { data: 'Value', header: true }
      ],
      ...rows.map(([k, v]) => [safe(k), safe(v)])
    ])
  }
  const links = (content.links ?? []).flatMap(l => {
    const href = safeHref(l.href)
    return href ? [`<a href="${href}">${safe(l.text)}</a>`] : []
  })
  if (links.length > 0) s.addList(links)
  try {
    await s.write()
  } catch (e) {
    s.emptyBuffer()
    core.warning(
      `Could not write the job summary: ${redact(e instanceof Error ? e.message : String(e))}`
    )
  }
}

/**
 * Sets every output. Outputs always exist: undefined/null become "", numbers and booleans their
 * text, objects JSON. Mask secret values (maskSecret) BEFORE calling this.
 */
export function setOutputs(
  core: Pick<ActionCore, 'setOutput'>,
  outputs: Readonly<Record<string, unknown>>
): void {
  for (const [name, value] of Object.entries(outputs)) {
    const text =
      value === undefined || value === null
        ? ''
        : typeof value === 'string'
          ? value
          : typeof value === 'object'
            ? JSON.stringify(value)
            : String(value)
    core.setOutput(name, text)
  }
}

/** `1 file`, `2 files`: a count and a noun that takes an s. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/** `1.5 MiB (1572864 bytes)`, or `12 bytes`. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return plural(bytes, 'byte')
  const units = ['KiB', 'MiB', 'GiB', 'TiB']
  let v = bytes / 1024
  let i = 0
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024
    i++
  }
  return `${v.toFixed(1)} ${units[i]} (${bytes} bytes)`
}
