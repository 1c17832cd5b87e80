// Execution logs: create, read, list, entries (by days or since a moment), CSV export, delete.

import {
  type Log,
  type CreateLogRequest,
  type LogEntryValues,
  type LogEntry,
  type LogEntriesQuery,
  type LogEntryPagesQuery,
  type DownloadResult,
  type Page
} from '../models.js'
import { MaestroInputError } from '../errors.js'
import { readJson } from '../http.js'
import { type ApiContext, seg, requireText, download } from './context.js'

const DAY_MS = 86_400_000

export async function createLog(ctx: ApiContext, request: CreateLogRequest): Promise<Log> {
  const label = requireText(
    'activityLabel',
    request?.activityLabel,
    'create execution log',
    'log label'
  )
  const operation = `create execution log '${label}'`
  if (!Array.isArray(request.columns) || request.columns.length === 0)
    throw new MaestroInputError('columns', 'An execution log needs at least one column.', operation)
  request.columns.forEach((c, i) => {
    requireText(`columns[${i}].name`, c?.name, operation, `name of column ${i + 1}`)
    requireText(`columns[${i}].label`, c?.label, operation, `label of column ${i + 1}`)
  })
  return ctx.call<Log>({
    operation,
    method: 'POST',
    path: '/api/v2/log',
    json: {
      activityLabel: label,
      columns: request.columns.map(c => ({
        name: c.name,
        label: c.label,
        width: c.width ?? 300
      })),
      organizationLabel: ctx.login
    },
    idempotency: 'create',
    read: 'json'
  })
}

export async function getLog(ctx: ApiContext, label: string): Promise<Log> {
  const operation = `read execution log '${label}'`
  requireText('label', label, operation, 'log label')
  return ctx.call<Log>({
    operation,
    method: 'GET',
    path: `/api/v2/log/${seg(label)}`,
    idempotency: 'idempotent',
    notFound: `execution log '${label}'`,
    read: 'json'
  })
}

export async function listLogs(ctx: ApiContext): Promise<Log[]> {
  return ctx.call<Log[]>({
    operation: 'list execution logs',
    method: 'GET',
    path: '/api/v2/log',
    idempotency: 'idempotent',
    read: async a => ((await readJson(a, 'list execution logs')) as Log[] | undefined) ?? []
  })
}

export async function addLogEntry(
  ctx: ApiContext,
  label: string,
  values: LogEntryValues
): Promise<void> {
  const operation = `add an entry to execution log '${label}'`
  requireText('label', label, operation, 'log label')
  if (!values || typeof values !== 'object' || Array.isArray(values))
    throw new MaestroInputError(
      'values',
      'A log entry is an object of column label -> value.',
      operation
    )
  const body: Record<string, string> = {}
  for (const [k, v] of Object.entries(values))
    body[k] = v === null || v === undefined ? '' : String(v)
  return ctx.call<void>({
    operation,
    method: 'POST',
    path: `/api/v2/log/${seg(label)}/entry`,
    json: body,
    idempotency: 'create',
    notFound: `execution log '${label}'`,
    read: 'none'
  })
}

export async function getLogEntries(
  ctx: ApiContext,
  label: string,
  query: LogEntriesQuery = {}
): Promise<LogEntry[]> {
  const operation = `read the entries of execution log '${label}'`
  requireText('label', label, operation, 'log label')
  const { days, since } = entryWindow(query, operation)
  const entries = await ctx.call<LogEntry[]>({
    operation,
    method: 'GET',
    path: `/api/v2/log/${seg(label)}/entry-list`,
    query: { days },
    idempotency: 'idempotent',
    notFound: `execution log '${label}'`,
    read: async a => ((await readJson(a, operation)) as LogEntry[] | undefined) ?? []
  })
  if (since === undefined) return entries
  return entries.filter(e => {
    const t = Date.parse(e.dateCreation)
    return Number.isNaN(t) || t >= since
  })
}

const DEFAULT_ENTRY_PAGE_SIZE = 500

/**
 * The entries of a log a page at a time (oldest first), so a caller can write a big log to disk
 * without holding it. Sends `page` and `size` to entry-list; a server that answers a Spring Page
 * is walked page by page, one that ignores them and answers the plain array of the contract gives
 * that array as the only page. Each page is one idempotent GET (retried on its own).
 */
export async function* logEntryPages(
  ctx: ApiContext,
  label: string,
  query: LogEntryPagesQuery = {}
): AsyncGenerator<LogEntry[], void, undefined> {
  const operation = `read the entries of execution log '${label}'`
  requireText('label', label, operation, 'log label')
  const { days, since } = entryWindow(query, operation)
  const size = query.pageSize ?? DEFAULT_ENTRY_PAGE_SIZE
  if (!(Number.isInteger(size) && size > 0))
    throw new MaestroInputError('pageSize', 'pageSize must be a positive whole number.', operation)
  const keep = (entries: LogEntry[]) =>
    since === undefined
      ? entries
      : entries.filter(e => {
          const t = Date.parse(e?.dateCreation)
          return Number.isNaN(t) || t >= since
        })
  for (let page = 0; page < 1_000_000; page++) {
    const answer = await ctx.call<Page<LogEntry> | LogEntry[] | undefined>({
      operation: `${operation} (page ${page + 1})`,
      method: 'GET',
      path: `/api/v2/log/${seg(label)}/entry-list`,
      query: { days, page, size },
      idempotency: 'idempotent',
      notFound: `execution log '${label}'`,
      read: async a => (await readJson(a, operation)) as Page<LogEntry> | LogEntry[] | undefined
    })
    if (Array.isArray(answer)) {
      // No paging on this server: the whole list came at once.
      yield keep(answer)
      return
    }
    const content = Array.isArray(answer?.content) ? answer.content : []
    if (content.length > 0) yield keep(content)
    if (
      content.length === 0 ||
      answer?.last === true ||
      (typeof answer?.totalPages === 'number' && page + 1 >= answer.totalPages)
    )
      return
  }
}

export async function exportLogCsv(
  ctx: ApiContext,
  label: string,
  destPath: string,
  query: LogEntriesQuery = {}
): Promise<DownloadResult> {
  const operation = `export execution log '${label}' as CSV`
  requireText('label', label, operation, 'log label')
  requireText('destPath', destPath, operation, 'destination path')
  const { days } = entryWindow(query, operation)
  return download(
    ctx,
    operation,
    `/api/v2/log/${seg(label)}/export`,
    { days, format: 'csv' },
    destPath,
    `execution log '${label}'`
  )
}

export async function deleteLog(ctx: ApiContext, label: string): Promise<void> {
  const operation = `delete execution log '${label}'`
  requireText('label', label, operation, 'log label')
  return ctx.call<void>({
    operation,
    method: 'DELETE',
    path: `/api/v2/log/${seg(label)}`,
    idempotency: 'idempotent',
    notFound: `execution log '${label}'`,
    read: 'none'
  })
}

/** `days` for entry-list/export: given, derived from `since` (rounded up), or 7. */
function entryWindow(query: LogEntriesQuery, operation: string): { days: number; since?: number } {
  if (query.since !== undefined) {
    const since = query.since instanceof Date ? query.since.getTime() : Date.parse(query.since)
    if (Number.isNaN(since))
      throw new MaestroInputError('since', `'${String(query.since)}' is not a date.`, operation)
    return { days: Math.max(1, Math.ceil((Date.now() - since) / DAY_MS)), since }
  }
  const days = query.days ?? 7
  if (!(Number.isInteger(days) && days > 0))
    throw new MaestroInputError(
      'days',
      `days must be a positive whole number, got '${days}'.`,
      operation
    )
  return { days }
}
