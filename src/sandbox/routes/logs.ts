// Execution logs: a table per label (any label, not only automations), rows added one at a time.
import { randomBytes } from 'node:crypto'
import type { Handler, On } from '../context.js'
import { HttpError, empty, json, text } from '../http.js'
import { msg } from '../messages.js'
import { now, type ExecutionLog, type LogColumn, type State } from '../state.js'
import { page } from '../page.js'
import { asObject, fields, queryInt } from '../validate.js'

const DEFAULT_WIDTH = 300

function findLog(state: State, label: string): ExecutionLog {
  const log = state.logs.get(label)
  if (!log) throw new HttpError(404, msg.logNotFound(label))
  return log
}

function parseColumn(value: unknown, i: number): LogColumn {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, msg.wrongType(`columns[${i}]`, 'an object'))
  }
  const f = fields(value)
  const label = f.str('label')
  return {
    name: f.optStr('name') ?? label,
    label,
    width: f.optInt('width', 0) ?? DEFAULT_WIDTH,
    visible: f.optBool('visible') ?? true
  }
}

/** The log as the API shows it: without its entries. */
const view = ({ entries: _entries, ...log }: ExecutionLog) => log

function since(q: URLSearchParams): number {
  // No `days` (the C# SDK omits it): every entry.
  const days = queryInt(q, 'days', null)
  return days === null ? 0 : Date.now() - days * 24 * 3600 * 1000
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function registerLogs(on: On): void {
  on('POST', '/log', async c => {
    const f = fields(await c.json())
    // The C# SDK sends `label` where the others send `activityLabel`.
    const label = f.str(['activityLabel', 'label'])
    // The JS SDK sends its columns as valueColumns.
    const columns = f.array(['columns', 'valueColumns']).map(parseColumn)
    if (c.state.logs.has(label)) throw new HttpError(409, msg.logExists(label))
    const log: ExecutionLog = {
      id: randomBytes(12).toString('hex'),
      organizationLabel: c.state.seed.login,
      activityLabel: label,
      columns,
      entries: []
    }
    c.state.logs.set(label, log)
    return json(view(log))
  })

  on('GET', '/log', c => json([...c.state.logs.values()].map(view)))

  on('GET', '/log/:label', c => json(view(findLog(c.state, c.params.label))))

  on('DELETE', '/log/:label', c => {
    findLog(c.state, c.params.label)
    c.state.logs.delete(c.params.label)
    return empty(200)
  })

  on('POST', '/log/:label/entry', async c => {
    const log = findLog(c.state, c.params.label)
    const values = asObject(await c.json())
    const known = new Set(log.columns.map(col => col.label))
    const unknown = Object.keys(values).filter(k => !known.has(k))
    if (unknown.length) throw new HttpError(400, msg.unknownColumns(log.activityLabel, unknown))
    for (const [k, v] of Object.entries(values)) {
      if (v !== null && typeof v === 'object')
        throw new HttpError(400, msg.wrongType(k, 'a string or a number'))
    }
    log.entries.push({ columns: values, dateCreation: now() })
    return empty(200)
  })

  on('GET', '/log/:label/entry-list', c => {
    const log = findLog(c.state, c.params.label)
    const from = since(c.query)
    const entries = log.entries.filter(e => Date.parse(e.dateCreation) >= from)
    // Not in the contract: with `page` or `size` the list comes as a Spring Page (the contract's
    // shape for paged lists), oldest first, so a client can read a big log a page at a time.
    // Without them it stays the plain array every official SDK reads.
    if (c.query.has('page') || c.query.has('size')) return json(page(entries, c.query))
    return json(entries)
  })

  const exportCsv: Handler = c => {
    const log = findLog(c.state, c.params.label)
    const format = (c.query.get('format') ?? 'csv').toLowerCase()
    if (format !== 'csv') throw new HttpError(400, msg.badFormat(format))
    const from = since(c.query)
    const lines = [[...log.columns.map(col => col.name), 'Date'].map(csvCell).join(',')]
    for (const e of log.entries) {
      if (Date.parse(e.dateCreation) < from) continue
      lines.push(
        [...log.columns.map(col => e.columns[col.label]), e.dateCreation].map(csvCell).join(',')
      )
    }
    const reply = text(lines.join('\r\n') + '\r\n', 'text/csv; charset=utf-8')
    reply.headers = {
      'Content-Disposition': `attachment; filename="${encodeURIComponent(log.activityLabel)}.csv"`
    }
    return reply
  }
  on('GET', '/log/:label/export', exportCsv)
  // The JS SDK downloads from /csv?days=N instead.
  on('GET', '/log/:label/csv', exportCsv)
}
