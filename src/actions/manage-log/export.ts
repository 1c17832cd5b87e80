// Writing a log's entries to disk as CSV or JSON, a page at a time: memory holds one page, the
// file is written under a temporary name next to the destination and renamed into place at the
// end, so `path` never holds a partial file.
import { stringify } from 'csv-stringify'
import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { renameIntoPlace, type LogColumn, type LogEntry } from '../../maestro/index.js'

export type ExportFormat = 'csv' | 'json'

/** The header of the date column, after the log's own columns. */
export const DATE_HEADER = 'Date'

/**
 * Headers: each column's name (what Maestro shows), then `Date`. A name used twice (names need
 * not be unique, labels are) becomes `Name (label)`, so every header is unique and a JSON object
 * keeps every cell.
 */
export function exportHeaders(columns: readonly Pick<LogColumn, 'name' | 'label'>[]): string[] {
  const wanted = [
    ...columns.map(c => ({ name: c.name || c.label, label: c.label })),
    { name: DATE_HEADER, label: 'dateCreation' }
  ]
  const count = new Map<string, number>()
  for (const w of wanted) count.set(w.name, (count.get(w.name) ?? 0) + 1)
  return wanted.map(w => ((count.get(w.name) ?? 0) > 1 ? `${w.name} (${w.label})` : w.name))
}

/** A cell as text: Maestro stores text, but a server may answer numbers; null is empty. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return ''
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

export function entryRow(columns: readonly Pick<LogColumn, 'label'>[], entry: LogEntry): string[] {
  const values = (entry?.columns ?? {}) as Record<string, unknown>
  return [...columns.map(c => cell(values[c.label])), cell(entry?.dateCreation)]
}

export interface ExportTarget {
  path: string
  format: ExportFormat
  columns: readonly Pick<LogColumn, 'name' | 'label'>[]
}

/**
 * Streams the pages to `target.path` and returns the number of rows written. On any failure the
 * temporary file is removed and `path` is left as it was.
 */
export async function writeExport(
  pages: AsyncIterable<LogEntry[]>,
  target: ExportTarget
): Promise<number> {
  const headers = exportHeaders(target.columns)
  let rows = 0
  async function* records(): AsyncGenerator<string[]> {
    for await (const page of pages) {
      for (const entry of page) {
        rows++
        yield entryRow(target.columns, entry)
      }
    }
  }
  async function* jsonText(): AsyncGenerator<string> {
    yield '['
    let first = true
    for await (const row of records()) {
      const object = Object.fromEntries(headers.map((h, i) => [h, row[i]]))
      yield `${first ? '' : ','}\n  ${JSON.stringify(object)}`
      first = false
    }
    yield first ? ']\n' : '\n]\n'
  }

  await mkdir(dirname(target.path), { recursive: true })
  const temp = join(
    dirname(target.path),
    `.${basename(target.path)}.${randomBytes(6).toString('hex')}.part`
  )
  try {
    const file = createWriteStream(temp, { flags: 'wx' })
    if (target.format === 'csv') {
      // csv-stringify quotes what RFC 4180 needs; bare \n and \r are quoted too, which it does not
      // do by itself with a \r\n record delimiter.
      const csv = stringify({
        header: true,
        columns: headers,
        record_delimiter: 'windows',
        quoted_match: /[\r\n]/
      })
      await pipeline(Readable.from(records()), csv, file)
    } else {
      await pipeline(Readable.from(jsonText()), file)
    }
    await renameIntoPlace(temp, target.path)
  } catch (e) {
    await rm(temp, { force: true })
    throw e
  }
  return rows
}
