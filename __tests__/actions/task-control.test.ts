import { describe, expect, it } from '@jest/globals'
import {
  ALLOWED_STATES,
  notAllowedReason,
  readTaskControlInputs,
  TASK_OPERATIONS
} from '../../src/actions/task-control/main.js'
import type { Task, TaskState } from '../../src/maestro/index.js'
import { checkAction } from '../support/action-check.js'
import { createCoreStub } from '../support/core-stub.js'
import { testRuntimes } from '../support/node-runtimes.js'
import {
  actionDir,
  commandsOf,
  expectNoLeaks,
  onlyError,
  runSteps,
  type RunResult
} from '../support/runner.js'
import { expectInputError } from '../support/input-errors.js'
import { useTaskSandbox } from '../support/task-sandbox.js'

const LABEL = 'invoice-bot'

const tasks = useTaskSandbox('task-control', LABEL)
const { newTask, stored, step } = tasks

const errors = (r: RunResult) => commandsOf(r, 'error')
const { paths } = tasks

function task(state: TaskState, partial: Partial<Task> = {}): Task {
  return {
    id: 7,
    state,
    parameters: {},
    finishStatus: state === 'FINISHED' ? 'SUCCESS' : null,
    finishMessage: null,
    test: false,
    activityLabel: LABEL,
    interrupted: false,
    killed: false,
    totalItems: null,
    processedItems: null,
    failedItems: null,
    ...partial
  }
}

describe('task-control metadata', () => {
  it('action.yml matches the code', () => {
    expect(checkAction({ name: 'task-control' })).toEqual([])
  })
})

describe('task-control logic', () => {
  it('reads the inputs: operation in any case, if-not-allowed defaults to error', () => {
    expect(
      readTaskControlInputs(createCoreStub({ inputs: { 'task-id': '5', operation: 'Cancel' } }))
    ).toEqual({ taskId: 5, operation: 'cancel', ifNotAllowed: 'error' })
    expect(() =>
      readTaskControlInputs(createCoreStub({ inputs: { 'task-id': '5', operation: 'stop' } }))
    ).toThrow("Unknown value, got 'stop'. Accepted: one of get, interrupt, restart, cancel")
    expect(() =>
      readTaskControlInputs(
        createCoreStub({ inputs: { 'task-id': '5', operation: 'x'.repeat(1 << 20) } })
      )
    ).toThrow(/^Too long: 1048576 characters, the limit is 65536\. Accepted: .*$/)
  })

  it('which operation applies in which state', () => {
    const states: TaskState[] = ['START', 'RUNNING', 'FINISHED', 'CANCELED']
    const table = Object.fromEntries(
      TASK_OPERATIONS.map(op => [
        op,
        states.filter(s => notAllowedReason(op, task(s)) === undefined)
      ])
    )
    expect(table).toEqual({ get: states, ...ALLOWED_STATES })
    expect(ALLOWED_STATES).toEqual({
      interrupt: ['START', 'RUNNING'],
      cancel: ['START'],
      restart: ['FINISHED', 'CANCELED']
    })
  })

  it('the reason names the task, its state, what applies and what to do instead', () => {
    expect(notAllowedReason('cancel', task('FINISHED'))).toBe(
      "Cannot cancel task 7: it is FINISHED (SUCCESS); it has already ended. 'cancel' applies only to a task in START."
    )
    expect(notAllowedReason('cancel', task('RUNNING'))).toMatch(
      /it is RUNNING; a Runner already picked it up, use 'operation: interrupt'/
    )
    expect(notAllowedReason('restart', task('RUNNING'))).toMatch(
      /^Cannot restart task 7: it is RUNNING; interrupt it or wait for it to finish first\. 'restart' applies only to a task in FINISHED or CANCELED\.$/
    )
    expect(notAllowedReason('restart', task('START'))).toMatch(/it has not run yet/)
    expect(notAllowedReason('interrupt', task('CANCELED'))).toMatch(
      /^Cannot interrupt task 7: it is CANCELED; it has already ended/
    )
  })
})

describe.each(testRuntimes())('task-control bundle under $label', ({ nodePath }) => {
  it('get: one GET after the login, outputs and summary, nothing changed', async () => {
    const id = await newTask()
    const r = await step({ 'task-id': String(id), operation: 'get' }, {}, nodePath)
    expect(errors(r)).toEqual([])
    expect(r.exitCode).toBe(0)
    expectNoLeaks(r)
    expect(r.masks).toContain(tasks.sandbox.key)
    expect(await paths()).toEqual(['POST /api/v2/workspace/login', `GET /api/v2/task/${id}`])
    expect(r.outputs).toEqual({
      'task-id': String(id),
      state: 'START',
      'finish-status': '',
      'finish-message': '',
      applied: 'false',
      task: r.outputs.task
    })
    expect(JSON.parse(r.outputs.task)).toMatchObject({ id, activityLabel: LABEL, state: 'START' })
    expect(r.summary).toContain(`Maestro task ${id} is START`)
  })

  it('interrupt a running task: the bot stops, and wait-task sees how it finished', async () => {
    const id = await newTask()
    await tasks.sandbox.runTask(id, {
      finishStatus: 'SUCCESS',
      finishAfterMs: 60_000,
      interruptStatus: 'FAILED'
    })
    await tasks.sandbox.clearRequests()
    const [control, wait] = await runSteps([
      {
        actionDir: actionDir('task-control'),
        inputs: { 'task-id': String(id), operation: 'interrupt' },
        env: tasks.sandbox.env,
        node: nodePath
      },
      {
        actionDir: actionDir('wait-task'),
        inputs: {
          'task-id': String(id),
          'poll-interval-seconds': '1',
          'allowed-statuses': 'SUCCESS, FAILED'
        },
        env: tasks.sandbox.env,
        node: nodePath
      }
    ])
    expect(errors(control)).toEqual([])
    expect(control.exitCode).toBe(0)
    expectNoLeaks(control)
    expect(control.outputs).toMatchObject({ state: 'RUNNING', applied: 'true' })
    expect(JSON.parse(control.outputs.task).interrupted).toBe(true)
    expect(control.summary).toContain(`Maestro task ${id} asked to stop (interrupt)`)
    expect(wait.exitCode).toBe(0)
    expect(wait.outputs).toMatchObject({
      state: 'FINISHED',
      'finish-status': 'FAILED',
      'finish-message': 'Interrupted on request'
    })
    const p = await paths()
    expect(p.slice(0, 3)).toEqual([
      'POST /api/v2/workspace/login',
      `GET /api/v2/task/${id}`,
      `POST /api/v2/task/${id}`
    ])
  })
})

describe('task-control bundle', () => {
  it('cancel a queued task: GET then one POST; CANCELED', async () => {
    const id = await newTask()
    const r = await step({ 'task-id': String(id), operation: 'CANCEL' })
    expect(r.exitCode).toBe(0)
    expect(await paths()).toEqual([
      'POST /api/v2/workspace/login',
      `GET /api/v2/task/${id}`,
      `POST /api/v2/task/${id}`
    ])
    expect(r.outputs).toMatchObject({ state: 'CANCELED', applied: 'true' })
    expect((await stored(id)).state).toBe('CANCELED')
    expect(r.summary).toContain(`Maestro task ${id} cancelled`)
    expect(r.summary).toContain('State before')
  })

  it('restart a finished task: back to START, finish status cleared; it can run again', async () => {
    const id = await newTask()
    await tasks.sandbox.runTask(id, { finishStatus: 'FAILED', finishMessage: 'boom' })
    await tasks.sandbox.clearRequests()
    const r = await step({ 'task-id': String(id), operation: 'restart' })
    expect(r.exitCode).toBe(0)
    expect(r.outputs).toMatchObject({ state: 'START', 'finish-status': '', applied: 'true' })
    expect(await stored(id)).toMatchObject({ state: 'START', finishStatus: null })
    await tasks.sandbox.runTask(id, { finishStatus: 'SUCCESS' })
    expect((await stored(id)).finishStatus).toBe('SUCCESS')
  })

  it('not allowed (cancel a finished task): one error naming the state, nothing sent, outputs set', async () => {
    const id = await newTask()
    await tasks.sandbox.runTask(id, { finishStatus: 'SUCCESS' })
    await tasks.sandbox.clearRequests()
    const r = await step({ 'task-id': String(id), operation: 'cancel' })
    expect(r.exitCode).toBe(1)
    const err = onlyError(r)
    expect(err.properties.title).toBe('Task control failed')
    expect(err.data).toBe(
      `Cannot cancel task ${id}: it is FINISHED (SUCCESS); it has already ended. 'cancel' applies ` +
        "only to a task in START. (Set 'if-not-allowed: warn' to let the step pass.)"
    )
    expect(await paths()).toEqual(['POST /api/v2/workspace/login', `GET /api/v2/task/${id}`])
    expect(r.outputs).toMatchObject({
      state: 'FINISHED',
      'finish-status': 'SUCCESS',
      applied: 'false'
    })
    expect(r.summary).toContain(`Maestro task ${id}: cancel not sent`)
    expect((await stored(id)).state).toBe('FINISHED')
    expectNoLeaks(r)
  })

  it('not allowed with warn: one warning, the step passes; with ignore: no annotation', async () => {
    const id = await newTask()
    await tasks.sandbox.runTask(id, { finishStatus: 'SUCCESS', finishAfterMs: 60_000 })
    const warned = await step({
      'task-id': String(id),
      operation: 'restart',
      'if-not-allowed': 'warn'
    })
    expect(warned.exitCode).toBe(0)
    expect(errors(warned)).toEqual([])
    const warnings = commandsOf(warned, 'warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0].data).toMatch(new RegExp(`^Cannot restart task ${id}: it is RUNNING`))
    expect(warned.outputs).toMatchObject({ state: 'RUNNING', applied: 'false' })
    await tasks.sandbox.clearRequests()
    const ignored = await step({
      'task-id': String(id),
      operation: 'cancel',
      'if-not-allowed': 'ignore'
    })
    expect(ignored.exitCode).toBe(0)
    expect(commandsOf(ignored, 'warning')).toEqual([])
    expect(ignored.stdout).toContain(`Cannot cancel task ${id}: it is RUNNING`)
    expect(await tasks.sandbox.apiRequests()).toHaveLength(1)
    expect((await stored(id)).state).toBe('RUNNING')
  })

  const badInputs: Array<[string, Record<string, string>, RegExp]> = [
    ['task-id', { operation: 'get' }, /Required input is empty/],
    ['task-id', { 'task-id': '1.5', operation: 'get' }, /Not an integer, got '1.5'/],
    ['task-id', { 'task-id': '0', operation: 'get' }, /Out of range, got '0'/],
    ['operation', { 'task-id': '1' }, /Required input is empty. Accepted: one of get, interrupt/],
    ['operation', { 'task-id': '1', operation: 'kill' }, /Unknown value, got 'kill'/],
    [
      'if-not-allowed',
      { 'task-id': '1', operation: 'cancel', 'if-not-allowed': 'fail' },
      /Unknown value, got 'fail'. Accepted: one of error, warn, ignore/
    ]
  ]
  it.each(badInputs)(
    'bad %s: one ::error naming it, exit 1, zero requests',
    async (input, inputs, message) => {
      const r = await step(inputs)
      expectInputError(r, input, message)
      expect(await tasks.sandbox.requests()).toEqual([])
    }
  )

  it('401: wrong key, one error with status and hint, no leak', async () => {
    const r = await step({ 'task-id': '1', operation: 'get' }, { BOTCITY_KEY: 'wrong-key-123' })
    expect(r.exitCode).toBe(1)
    const err = onlyError(r)
    expect(err.properties.title).toBe('Task control failed')
    expect(err.data).toMatch(/401/)
    expect(err.data).toMatch(/Hint:/)
    expectNoLeaks(r)
    expect(await tasks.sandbox.apiRequests()).toEqual([])
  })

  it('404: unknown task, the hint names the id; nothing sent after the read', async () => {
    const r = await step({ 'task-id': '987654', operation: 'cancel' })
    expect(r.exitCode).toBe(1)
    const err = onlyError(r)
    expect(err.data).toMatch(/^Could not read task 987654: HTTP 404.*Task 987654 not found/)
    expect(err.data).toMatch(/Hint: check that task 987654 exists/)
    expect(await tasks.sandbox.apiRequests()).toHaveLength(1)
  })

  it('500 on the change: retried (a state update is idempotent), then one error naming it', async () => {
    const id = await newTask()
    await tasks.sandbox.fault({ method: 'POST', path: `/api/v2/task/${id}`, status: 500, times: 0 })
    const r = await step({ 'task-id': String(id), operation: 'interrupt' })
    expect(r.exitCode).toBe(1)
    expect(onlyError(r).data).toMatch(new RegExp(`^Could not interrupt task ${id}: HTTP 500`))
    const posts = (await paths()).filter(p => p === `POST /api/v2/task/${id}`)
    expect(posts.length).toBeGreaterThan(1)
    expectNoLeaks(r)
  }, 30_000)
})
