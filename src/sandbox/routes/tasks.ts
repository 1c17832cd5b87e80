// Tasks: create, read, list, and the state changes a bot or a user makes (finish, restart,
// interrupt, cancel, kill). The Runner itself lives outside the API: see runTask().
import type { On } from '../context.js'
import { HttpError, json } from '../http.js'
import { msg } from '../messages.js'
import { page, withinDays } from '../page.js'
import {
  FINISH_STATUSES,
  TASK_STATES,
  now,
  type FinishStatus,
  type State,
  type Task
} from '../state.js'
import { fields, parseId, toEnum } from '../validate.js'

export function findTask(state: State, id: unknown): Task {
  const n = parseId(id, 'task')
  const task = state.tasks.get(n)
  if (!task) throw new HttpError(404, msg.taskNotFound(n))
  return task
}

export interface Items {
  totalItems: number | null
  processedItems: number | null
  failedItems: number | null
}

/** All three given must add up; fewer than three are stored as given. */
export function checkItems(i: Items): void {
  const { totalItems: t, processedItems: p, failedItems: f } = i
  if (t !== null && p !== null && f !== null && t !== p + f) {
    throw new HttpError(400, msg.itemsMismatch(t, p, f))
  }
}

export function finishTask(
  task: Task,
  status: FinishStatus,
  message: string | null,
  items: Items
): void {
  const at = now()
  task.state = 'FINISHED'
  task.finishStatus = status
  task.finishMessage = message
  task.totalItems = items.totalItems
  task.processedItems = items.processedItems
  task.failedItems = items.failedItems
  task.dateLastModified = at
}

export function registerTasks(on: On): void {
  on('POST', '/task', async c => {
    const f = fields(await c.json())
    const label = f.str(['activityLabel', 'label'])
    if (!c.state.automations.has(label)) throw new HttpError(404, msg.automationNotFound(label))
    const parameters = f.optObject('parameters') ?? {}
    const test = f.optBool('test') ?? false
    const priority = f.optInt('priority', 0, 10) ?? 0
    const minExecutionDate = f.optDate('minExecutionDate')
    const at = now()
    const task: Task = {
      id: c.state.nextId('task'),
      state: 'START',
      parameters,
      inputFile: null,
      agentId: null,
      userEmail: null,
      userCreationName: c.state.seed.login,
      organizationLabel: c.state.seed.login,
      dateCreation: at,
      dateLastModified: at,
      dateStartRunning: null,
      minExecutionDate,
      finishStatus: null,
      finishMessage: null,
      test,
      machineId: null,
      activityLabel: label,
      activityName: label,
      interrupted: false,
      killed: false,
      priority,
      repositoryLabel: 'DEFAULT',
      totalItems: null,
      processedItems: null,
      failedItems: null
    }
    c.state.tasks.set(task.id, task)
    return json(task)
  })

  on('GET', '/task/:id', c => {
    const task = findTask(c.state, c.params.id)
    c.state.runs.read(task.id) // a Runner's play may wait for reads (finishAfterReads)
    return json(task)
  })

  on('POST', '/task/:id', async c => {
    const task = findTask(c.state, c.params.id)
    const f = fields(await c.json())
    const state = f.optEnum('state', TASK_STATES)
    const interrupted = f.optBool('interrupted')
    const killed = f.optBool('killed')
    if (state === 'FINISHED') {
      const status = f.optEnum('finishStatus', FINISH_STATUSES)
      if (status === null) throw new HttpError(400, msg.finishStatusRequired)
      const items: Items = {
        totalItems: f.optInt('totalItems', 0),
        processedItems: f.optInt('processedItems', 0),
        failedItems: f.optInt('failedItems', 0)
      }
      checkItems(items)
      finishTask(task, status, f.optStr('finishMessage'), items)
    } else if (state === 'START') {
      // Restart: back in the queue, as if new; whatever the Runner planned for the old run is void.
      c.state.runs.next(task.id)
      Object.assign(task, {
        state: 'START',
        finishStatus: null,
        finishMessage: null,
        dateStartRunning: null,
        interrupted: false,
        killed: false,
        totalItems: null,
        processedItems: null,
        failedItems: null
      })
    } else if (state !== null) {
      task.state = state
      if (state === 'RUNNING' && !task.dateStartRunning) task.dateStartRunning = now()
    }
    if (interrupted !== null) task.interrupted = interrupted
    if (killed !== null) task.killed = killed
    if (state === null && interrupted === null && killed === null) {
      throw new HttpError(400, msg.required('state'))
    }
    task.dateLastModified = now()
    if (interrupted === true) c.state.runs.interrupted(task.id)
    return json(task)
  })

  on('GET', '/task', c => {
    const q = c.query
    let tasks = withinDays([...c.state.tasks.values()], q, t => t.dateCreation)
    const stateFilter = q.get('stateFilter')
    if (stateFilter) {
      const wanted = stateFilter.split(',').map(s => toEnum('stateFilter', s, TASK_STATES))
      tasks = tasks.filter(t => wanted.includes(t.state))
    }
    const label = q.get('activityLabel')
    if (label) tasks = tasks.filter(t => t.activityLabel === label)
    const machine = q.get('machineId')
    if (machine) tasks = tasks.filter(t => t.machineId === machine)
    return json(page(tasks, q, [{ property: 'dateCreation', direction: 'DESC' }]))
  })
}
