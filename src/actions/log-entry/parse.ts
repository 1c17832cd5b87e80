// The `values` and `columns` inputs of log-entry. Pure functions, unit-tested.
import { isMap, isScalar, isSeq, parseDocument, YAMLParseError, type Node } from 'yaml'
import { ActionInputError, invalidInput, parseMapping } from '../shared/inputs.js'

export const DEFAULT_COLUMN_WIDTH = 300

export interface Column {
  name: string
  label: string
  width: number
}

const VALUES_ACCEPTED =
  'a JSON object or YAML mapping of column label to a text, number or boolean, e.g. {"version": "1.4.2", "result": "ok"}'

/**
 * `values`: column label -> value. Maestro stores every cell as text, so numbers and booleans are
 * sent as the text written in the workflow (`1.10` stays `1.10`, not `1.1`; `007` stays `007`),
 * null (`~`, `null` or nothing) as "". A nested mapping or list is an error.
 */
export function parseValues(input: string, raw: string): Record<string, string> {
  if (raw.trim() === '') {
    throw new ActionInputError(input, `Required input is empty. Accepted: ${VALUES_ACCEPTED}`)
  }
  const parsed = parseMapping(input, raw)
  if (Object.keys(parsed).length === 0) {
    throw invalidInput(input, 'The row has no values', raw, VALUES_ACCEPTED)
  }
  // The text as written, for scalars that YAML turned into numbers or booleans.
  const written = new Map<string, string>()
  const doc = parseDocument(raw.trim())
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined
      const value = pair.value as Node | null
      if (key !== undefined && isScalar(value) && typeof value.source === 'string') {
        written.set(key, value.source)
      }
    }
  }
  const row: Record<string, string> = {}
  for (const [label, value] of Object.entries(parsed)) {
    if (label.trim() === '')
      throw invalidInput(input, 'A column label is empty', raw, VALUES_ACCEPTED)
    if (value === null || value === undefined) row[label] = ''
    else if (typeof value === 'string') row[label] = value
    else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
      row[label] = written.get(label) ?? String(value)
    else if (value instanceof Date) row[label] = written.get(label) ?? value.toISOString()
    else {
      throw invalidInput(
        input,
        `Column '${label}' holds ${Array.isArray(value) ? 'a list' : 'a mapping'}; a cell is a single value`,
        raw,
        `${VALUES_ACCEPTED} (quote structured data as text if you need it in a cell)`
      )
    }
  }
  return row
}

const COLUMNS_ACCEPTED =
  'a JSON or YAML list of columns, each {label, name?, width?} (name defaults to the label, width to ' +
  `${DEFAULT_COLUMN_WIDTH}) or just a label, e.g. [{"name": "Version", "label": "version"}, "result"]`

/**
 * `columns`: a JSON or YAML list. Each item is a mapping {label, name, width} (label a non-empty
 * text; name a non-empty text, default the label; width a positive integer, default 300) or a bare
 * label. Unknown fields (a typo such as `widht`) and duplicate labels are errors. Empty -> undefined.
 */
export function parseColumns(input: string, raw: string): Column[] | undefined {
  const text = raw.trim()
  if (text === '') return undefined
  const doc = parseDocument(text, { uniqueKeys: true })
  const problem = doc.errors[0]
  if (problem) {
    const where =
      problem instanceof YAMLParseError && problem.linePos
        ? ` at line ${problem.linePos[0].line}, column ${problem.linePos[0].col}`
        : ''
    const why = problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
    throw invalidInput(input, `Not valid JSON or YAML${where} (${why})`, text, COLUMNS_ACCEPTED)
  }
  if (!isSeq(doc.contents)) {
    const kind = isMap(doc.contents) ? 'a mapping' : 'a single value'
    throw invalidInput(input, `Expected a list but this is ${kind}`, text, COLUMNS_ACCEPTED)
  }
  const items = doc.toJS({ maxAliasCount: 100 }) as unknown[]
  if (items.length === 0) throw invalidInput(input, 'The list is empty', text, COLUMNS_ACCEPTED)
  const columns = items.map((item, i) => parseColumn(input, item, i + 1, text))
  const seen = new Set<string>()
  for (const c of columns) {
    if (seen.has(c.label)) {
      throw invalidInput(input, `Two columns have the label '${c.label}'`, text, COLUMNS_ACCEPTED)
    }
    seen.add(c.label)
  }
  return columns
}

const nonEmptyText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== ''

function parseColumn(input: string, item: unknown, n: number, text: string): Column {
  const bad = (problem: string) =>
    invalidInput(input, `Column ${n}: ${problem}`, text, COLUMNS_ACCEPTED)
  if (nonEmptyText(item)) return { name: item, label: item, width: DEFAULT_COLUMN_WIDTH }
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw bad(`expected a mapping {label, name, width} or a label, got ${JSON.stringify(item)}`)
  }
  const fields = item as Record<string, unknown>
  const unknown = Object.keys(fields).filter(k => !['name', 'label', 'width'].includes(k))
  if (unknown.length > 0) throw bad(`unknown field ${unknown.map(k => `'${k}'`).join(', ')}`)
  if (!nonEmptyText(fields.label)) throw bad(`'label' must be a non-empty text`)
  if (fields.name !== undefined && !nonEmptyText(fields.name)) {
    throw bad(`'name' must be a non-empty text`)
  }
  const width = fields.width ?? DEFAULT_COLUMN_WIDTH
  if (typeof width !== 'number' || !Number.isSafeInteger(width) || width <= 0) {
    throw bad(`'width' must be a positive integer, got ${JSON.stringify(width)}`)
  }
  const label = fields.label
  return { name: nonEmptyText(fields.name) ? fields.name : label, label, width }
}
