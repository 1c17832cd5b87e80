// Datapools: a queue of items per label. Pull hands out the next PENDING item (highest priority
// first, then FIFO or LIFO), or 204 when none is left.
import type { On } from '../context.js'
import { HttpError, empty, json } from '../http.js'
import { msg } from '../messages.js'
import {
  CONSUMPTION_POLICIES,
  DATAPOOL_TRIGGERS,
  ENTRY_STATES,
  now,
  type Datapool,
  type DatapoolEntry,
  type State
} from '../state.js'
import { fields, parseId, type Fields } from '../validate.js'

function findPool(state: State, label: string): Datapool {
  const pool = state.datapools.get(label)
  if (!pool) throw new HttpError(404, msg.datapoolNotFound(label))
  return pool
}

function findEntry(pool: Datapool, id: unknown): DatapoolEntry {
  const n = parseId(id, 'entry')
  const entry = pool.entries.find(e => e.id === n)
  if (!entry) throw new HttpError(404, msg.datapoolEntryNotFound(pool.label, n))
  return entry
}

// The SDKs send defaultAutomation but the Python SDK reads defaultActivity back: show both.
const view = ({ entries: _entries, ...pool }: Datapool) => ({
  ...pool,
  defaultActivity: pool.defaultAutomation
})

/** Settings of a datapool; on update only the fields present change. */
function settings(f: Fields, current?: Datapool): Record<string, unknown> {
  const pick = <T>(name: string, read: () => T | null, dflt: T) => {
    const v = read()
    return v !== null ? v : current ? current[name] : dflt
  }
  return {
    name: pick('name', () => f.optStr('name'), current?.label ?? ''),
    defaultAutomation: pick(
      'defaultAutomation',
      () => f.optStr(['defaultAutomation', 'defaultActivity']),
      null
    ),
    consumptionPolicy: pick(
      'consumptionPolicy',
      () => f.optEnum('consumptionPolicy', CONSUMPTION_POLICIES),
      'FIFO'
    ),
    schema: pick('schema', () => f.optArray('schema'), []),
    trigger: pick('trigger', () => f.optEnum('trigger', DATAPOOL_TRIGGERS), 'NEVER'),
    autoRetry: pick('autoRetry', () => f.optBool('autoRetry'), false),
    maxAutoRetry: pick('maxAutoRetry', () => f.optInt('maxAutoRetry', 0), 0),
    abortOnError: pick('abortOnError', () => f.optBool('abortOnError'), false),
    maxErrorsBeforeInactive: pick(
      'maxErrorsBeforeInactive',
      () => f.optInt('maxErrorsBeforeInactive', 0),
      0
    ),
    itemMaxProcessingTime: pick(
      'itemMaxProcessingTime',
      () => f.optInt('itemMaxProcessingTime', 0),
      0
    ),
    active: pick('active', () => f.optBool('active'), true),
    repositoryLabel: pick('repositoryLabel', () => f.optStr('repositoryLabel'), 'DEFAULT')
  }
}

function summary(pool: Datapool) {
  const count = (s: string) => pool.entries.filter(e => e.state === s).length
  return {
    dataPoolLabel: pool.label,
    countPending: count('PENDING'),
    countProcessing: count('PROCESSING'),
    countDone: count('DONE'),
    countError: count('ERROR'),
    countTimeout: count('TIMEOUT'),
    countCanceled: count('CANCELED'),
    countTotal: pool.entries.length
  }
}

export function registerDatapools(on: On): void {
  on('POST', '/datapool', async c => {
    const f = fields(await c.json())
    const label = f.str('label')
    if (c.state.datapools.has(label)) throw new HttpError(409, msg.datapoolExists(label))
    const s = settings(f)
    const pool: Datapool = {
      id: String(c.state.nextId('datapool')),
      label,
      ...s,
      name: s.name || label,
      organizationLabel: c.state.seed.login,
      dateCreation: now(),
      entries: []
    }
    c.state.datapools.set(label, pool)
    return json(view(pool))
  })

  on('GET', '/datapool/:label', c => json(view(findPool(c.state, c.params.label))))

  on('POST', '/datapool/:label', async c => {
    const pool = findPool(c.state, c.params.label)
    const f = fields(await c.json())
    Object.assign(pool, settings(f, pool))
    return json(view(pool))
  })

  on('DELETE', '/datapool/:label', c => {
    findPool(c.state, c.params.label)
    c.state.datapools.delete(c.params.label)
    return empty(200)
  })

  on('GET', '/datapool/:label/summary', c => json(summary(findPool(c.state, c.params.label))))

  on('POST', '/datapool/:label/push', async c => {
    const pool = findPool(c.state, c.params.label)
    const f = fields(await c.json())
    const values = f.optObject('values')
    if (values === null) throw new HttpError(400, msg.required('values'))
    const entry: DatapoolEntry = {
      id: c.state.nextId('datapool-entry'),
      dataPoolLabel: pool.label,
      datapoolLabel: pool.label,
      state: 'PENDING',
      priority: f.optInt('priority', 0) ?? 0,
      values,
      taskId: null,
      parent: null,
      child: null,
      dateRegister: now(),
      dateProcessing: null,
      dateFinished: null
    }
    pool.entries.push(entry)
    return json(entry)
  })

  on('GET', '/datapool/:label/pull', c => {
    const pool = findPool(c.state, c.params.label)
    const pending = pool.entries.filter(e => e.state === 'PENDING')
    if (pending.length === 0) return empty(204)
    const lifo = pool.consumptionPolicy === 'LIFO'
    pending.sort((a, b) => b.priority - a.priority || (lifo ? b.id - a.id : a.id - b.id))
    const entry = pending[0]
    entry.state = 'PROCESSING'
    entry.dateProcessing = now()
    return json(entry)
  })

  on('GET', '/datapool/:label/entry/:id', c =>
    json(findEntry(findPool(c.state, c.params.label), c.params.id))
  )

  on('POST', '/datapool/:label/entry/:id', async c => {
    const entry = findEntry(findPool(c.state, c.params.label), c.params.id)
    const f = fields(await c.json())
    const state = f.optEnum('state', ENTRY_STATES)
    const values = f.optObject('values')
    const priority = f.optInt('priority', 0)
    // The Python SDK sends taskId as str(task_id), which is "None" when the bot has no task: keep
    // whatever comes, as a number when it is one.
    const rawTask = f.o.taskId
    const taskId =
      rawTask === undefined || rawTask === null || rawTask === ''
        ? null
        : /^\d+$/.test(String(rawTask))
          ? Number(rawTask)
          : String(rawTask)
    const parent = f.optStr('parent')
    const child = f.optStr('child')
    if (state !== null) {
      entry.state = state
      if (state === 'DONE' || state === 'ERROR' || state === 'CANCELED' || state === 'TIMEOUT') {
        entry.dateFinished = now()
      }
    }
    if (values !== null) entry.values = values
    if (priority !== null) entry.priority = priority
    if (taskId !== null) entry.taskId = taskId
    if (parent !== null) entry.parent = parent
    if (child !== null) entry.child = child
    return json(entry)
  })
}
