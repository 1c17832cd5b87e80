// Error reports: an exception from a bot, with an optional screenshot and attachments.
import type { On } from '../context.js'
import { HttpError, json } from '../http.js'
import { msg } from '../messages.js'
import { page, withinDays } from '../page.js'
import { now, type ErrorReport, type State, type StoredFile } from '../state.js'
import { fields, parseId } from '../validate.js'
import { findTask } from './tasks.js'

function findError(state: State, id: unknown): ErrorReport {
  const n = parseId(id, 'error')
  const e = state.errors.get(n)
  if (!e) throw new HttpError(404, msg.errorNotFound(n))
  return e
}

const info = (f: StoredFile) => ({ fileName: f.fileName, size: f.size, sha256: f.sha256 })

export const errorView = (e: ErrorReport) => ({
  ...e,
  screenshot: e.screenshot ? info(e.screenshot) : null,
  attachments: e.attachments.map(info)
})

function parseTags(raw: unknown): Record<string, string> {
  if (raw === undefined || raw === null) return {}
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw new HttpError(400, msg.wrongType('tags', 'an object'))
  const tags: Record<string, string> = {}
  for (const [k, v] of Object.entries(raw)) {
    if (v !== null && typeof v === 'object')
      throw new HttpError(400, msg.wrongType(`tags.${k}`, 'a string'))
    tags[k] = v === null ? '' : String(v)
  }
  return tags
}

export function registerErrors(on: On): void {
  on('POST', '/error', async c => {
    const f = fields(await c.json())
    const task = findTask(c.state, f.id('taskId', 'task'))
    const report: ErrorReport = {
      id: c.state.nextId('error'),
      taskId: task.id,
      type: f.optStr('type') ?? '',
      message: f.str('message'),
      stackTrace: f.optStr('stackTrace') ?? '',
      language: f.optStr('language') ?? '',
      tags: parseTags(f.o.tags),
      activityLabel: task.activityLabel,
      organizationLabel: c.state.seed.login,
      dateCreation: now(),
      screenshot: null,
      attachments: []
    }
    c.state.errors.set(report.id, report)
    // Exactly 201: the Python SDK checks for it.
    return json(errorView(report), 201)
  })

  on('POST', '/error/:id/screenshot', async c => {
    const report = findError(c.state, c.params.id)
    const stored = await c.upload()
    const old = report.screenshot
    report.screenshot = stored
    await c.discard(old)
    return json(errorView(report))
  })

  on('POST', '/error/:id/attachments', async c => {
    const report = findError(c.state, c.params.id)
    report.attachments.push(await c.upload())
    return json(errorView(report))
  })

  on('GET', '/error', c => {
    let all = withinDays([...c.state.errors.values()], c.query, e => e.dateCreation)
    const taskId = c.query.get('taskId')
    if (taskId) {
      const id = parseId(taskId, 'task')
      all = all.filter(e => e.taskId === id)
    }
    const label = c.query.get('automationLabel')
    if (label) all = all.filter(e => e.activityLabel === label)
    return json(
      page(all.map(errorView), c.query, [{ property: 'dateCreation', direction: 'DESC' }])
    )
  })

  on('GET', '/error/:id', c => json(errorView(findError(c.state, c.params.id))))
}
