// /_sandbox/*: the test hooks (request log, faults, token expiry, the Runner, state dump, reset).
// Served only when the sandbox was started with control: true.
import type { On } from './context.js'
import { HttpError, empty, json } from './http.js'
import { parseFault } from './faults.js'
import { msg } from './messages.js'
import { checkItems, findTask, finishTask } from './routes/tasks.js'
import type { App } from './server.js'
import { FINISH_STATUSES, now } from './state.js'
import { artifactView } from './routes/artifacts.js'
import { botStateView } from './routes/bots.js'
import { errorView } from './routes/errors.js'
import { fields } from './validate.js'

const NO_ITEMS = { totalItems: null, processedItems: null, failedItems: null }

export function registerControl(on: On, app: App): void {
  on('GET', '/requests', () => json(app.requests))
  on('DELETE', '/requests', () => {
    app.requests = []
    return empty(204)
  })

  on('GET', '/faults', () => json(app.faults.list()))
  on('POST', '/faults', async c => json({ id: app.faults.add(parseFault(await c.json())) }, 201))
  on('DELETE', '/faults', () => {
    app.faults.clear()
    return empty(204)
  })

  on('POST', '/tokens/expire', async c => {
    const raw = await c.json().catch(() => ({}))
    const afterCalls = fields(raw ?? {}).optInt('afterCalls', 0)
    app.expireTokens(afterCalls)
    return json({ expired: afterCalls === null ? 'now' : `after ${afterCalls} calls` })
  })

  // Plays the Runner: START -> RUNNING -> FINISHED, on timers so tests can watch each state. With
  // `interruptStatus` the bot watches `interrupted` (from when it starts running) and, once asked,
  // stops and finishes the task with that status; without it the bot never looks, and runs on.
  on('POST', '/tasks/:id/run', async c => {
    const task = findTask(c.state, c.params.id)
    const f = fields(await c.json())
    const finishStatus = f.enum('finishStatus', FINISH_STATUSES)
    const finishMessage = f.optStr('finishMessage')
    const runningAfterMs = f.optInt('runningAfterMs', 0) ?? 0
    const finishAfterMs = f.optInt('finishAfterMs', 0) ?? 0
    // Instead of a timer: the bot finishes once the task has been read that often, so a test can
    // have a waiting client see it running, then finished, whatever the machine's speed.
    const finishAfterReads = f.optInt('finishAfterReads', 1)
    const interruptStatus = f.optEnum('interruptStatus', FINISH_STATUSES)
    const items = {
      totalItems: f.optInt('totalItems', 0),
      processedItems: f.optInt('processedItems', 0),
      failedItems: f.optInt('failedItems', 0)
    }
    checkItems(items)
    if (task.state === 'FINISHED' || task.state === 'CANCELED') {
      throw new HttpError(409, msg.taskAlreadyDone(task.id, task.state))
    }
    const runs = c.state.runs
    const run = runs.next(task.id)
    const live = () => runs.current(task.id) === run && c.state.tasks.get(task.id) === task
    const stopWhenInterrupted = () => {
      if (!live() || task.state !== 'RUNNING' || interruptStatus === null) return
      // The bot notices on its next check, not inside the interrupt call.
      c.timers.after(0, () => {
        if (live() && task.state === 'RUNNING') {
          finishTask(task, interruptStatus, msg.interruptedByRequest, NO_ITEMS)
        }
      })
    }
    const toRunning = () => {
      if (!live() || (task.state !== 'START' && task.state !== 'RUNNING')) return
      task.state = 'RUNNING'
      task.dateStartRunning ??= now()
      task.dateLastModified = now()
      if (interruptStatus !== null && task.interrupted) return stopWhenInterrupted()
      runs.watchInterrupt(task.id, stopWhenInterrupted)
      const toFinished = () => {
        if (live() && task.state === 'RUNNING') finishTask(task, finishStatus, finishMessage, items)
      }
      // The read that counts is answered first: the bot finishes after it, as after a timer.
      if (finishAfterReads !== null)
        runs.finishAfterReads(task.id, finishAfterReads, () => c.timers.after(0, toFinished))
      else if (finishAfterMs === 0) toFinished()
      else c.timers.after(finishAfterMs, toFinished)
    }
    if (runningAfterMs === 0) toRunning()
    else c.timers.after(runningAfterMs, toRunning)
    return json({ id: task.id }, 202)
  })

  on('GET', '/state', c => {
    const s = c.state
    return json({
      tasks: [...s.tasks.values()],
      logs: [...s.logs.values()],
      alerts: s.alerts,
      messages: s.messages,
      artifacts: [...s.artifacts.values()].map(a => ({
        ...artifactView(a),
        size: a.file?.size ?? null,
        sha256: a.file?.sha256 ?? null
      })),
      errors: [...s.errors.values()].map(errorView),
      credentials: [...s.credentials.values()],
      datapools: [...s.datapools.values()],
      bots: botsView(app)
    })
  })

  on('POST', '/reset', async () => {
    await app.resetAll()
    return empty(204)
  })

  on('GET', '/stats', () => {
    const mem = process.memoryUsage()
    // maxRSS is in KiB.
    return json({ ...mem, peakRss: process.resourceUsage().maxRSS * 1024 })
  })
}

function botsView(app: App) {
  const byId = new Map<string, { botId: string; versions: object[]; released: string | null }>()
  for (const b of app.state.bots) {
    let entry = byId.get(b.botId)
    if (!entry) {
      entry = { botId: b.botId, versions: [], released: null }
      byId.set(b.botId, entry)
    }
    entry.versions.push(botStateView(b))
    if (b.released) entry.released = b.version
  }
  return [...byId.values()]
}
