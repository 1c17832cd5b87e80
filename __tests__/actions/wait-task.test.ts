import { describe, expect, it } from '@jest/globals'
import { EventEmitter } from 'node:events'
import {
  describeItems,
  readWaitTaskInputs,
  run,
  taskOutputs
} from '../../src/actions/wait-task/main.js'
import type { Task } from '../../src/maestro/index.js'
import { checkAction } from '../support/action-check.js'
import { createCoreStub } from '../support/core-stub.js'
import { testRuntimes } from '../support/node-runtimes.js'
import { commandsOf, expectNoLeaks, onlyError, type RunResult } from '../support/runner.js'
import { expectInputError } from '../support/input-errors.js'
import { useTaskSandbox } from '../support/task-sandbox.js'

const LABEL = 'invoice-bot'

const tasks = useTaskSandbox('wait-task', LABEL)
const { api, newTask, stored, step } = tasks

const errors = (r: RunResult) => commandsOf(r, 'error')
const paths = async () => (await tasks.sandbox.requests()).map(q => `${q.method} ${q.path}`)

function task(partial: Partial<Task>): Task {
  return {
    id: 7,
    state: 'FINISHED',
    parameters: {},
    finishStatus: 'SUCCESS',
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

describe('wait-task metadata', () => {
  it('action.yml matches the code', () => {
    expect(checkAction({ name: 'wait-task' })).toEqual([])
  })
})

describe('wait-task logic', () => {
  it('reads every input with the same defaults as create-task', () => {
    expect(readWaitTaskInputs(createCoreStub({ inputs: { 'task-id': '42' } }))).toEqual({
      taskId: 42,
      timeoutMs: 3_600_000,
      pollIntervalMs: 10_000,
      interruptOnTimeout: false,
      allowedStatuses: ['SUCCESS']
    })
    expect(
      readWaitTaskInputs(
        createCoreStub({
          inputs: {
            'task-id': '42',
            'wait-timeout-seconds': '90',
            'poll-interval-seconds': '2.5',
            'interrupt-on-timeout': 'true',
            'allowed-statuses': 'success, Partially_Completed'
          }
        })
      )
    ).toEqual({
      taskId: 42,
      timeoutMs: 90_000,
      pollIntervalMs: 2500,
      interruptOnTimeout: true,
      allowedStatuses: ['SUCCESS', 'PARTIALLY_COMPLETED']
    })
  })

  it('item counts: outputs "" when not reported, text for the summary', () => {
    expect(taskOutputs(task({}))).toMatchObject({
      'total-items': null,
      'processed-items': null,
      'failed-items': null
    })
    expect(describeItems(task({}))).toBeUndefined()
    expect(describeItems(task({ totalItems: 10, processedItems: 8, failedItems: 2 }))).toBe(
      '10 in total, 8 processed, 2 failed'
    )
    expect(describeItems(task({ processedItems: 3 }))).toBe('3 processed')
  })

  it('a cancelled workflow (SIGTERM) stops the wait, interrupts when asked, fails the step', async () => {
    const id = await newTask()
    const signals = new EventEmitter()
    const core = createCoreStub({
      inputs: {
        server: tasks.sandbox.url,
        login: tasks.sandbox.login,
        'access-key': tasks.sandbox.key,
        'task-id': String(id),
        'poll-interval-seconds': '1',
        'interrupt-on-timeout': 'true'
      }
    })
    const running = run(core, { signals: signals as unknown as NodeJS.Process })
    while (!core.infoMessages.some(m => m.startsWith(`Task ${id} is START`))) {
      await new Promise(r => setTimeout(r, 10))
    }
    signals.emit('SIGTERM', 'SIGTERM')
    await expect(running).rejects.toThrow(
      `The step was cancelled while waiting for task ${id} (last state START). Asked Maestro to interrupt it.`
    )
    expect(core.outputs).toMatchObject({ 'task-id': String(id), state: 'START' })
    expect((await stored(id)).interrupted).toBe(true)
    expect(signals.listenerCount('SIGTERM')).toBe(0)
    const printed = core
      .allText()
      .split('\n')
      .filter(l => !l.startsWith('::add-mask::'))
    expect(printed.join('\n')).not.toContain(tasks.sandbox.key)
  })

  it('a 1 MiB task-id is refused before any request, without quoting it', () => {
    const huge = '9'.repeat(1 << 20)
    expect(() => readWaitTaskInputs(createCoreStub({ inputs: { 'task-id': huge } }))).toThrow(
      /^Too long: 1048576 characters, the limit is 65536\. Accepted: .*$/
    )
  })
})

describe.each(testRuntimes())('wait-task bundle under $label', ({ nodePath }) => {
  it('waits for a task another job started; items, outputs, summary; one GET per poll', async () => {
    const id = await newTask()
    const running = step({ 'task-id': String(id), 'poll-interval-seconds': '1' }, {}, nodePath)
    // The Runner starts once the step has seen the task queued, however slowly the step started.
    while (!(await paths()).includes(`GET /api/v2/task/${id}`)) {
      await new Promise(res => setTimeout(res, 20))
    }
    await tasks.sandbox.runTask(id, {
      finishStatus: 'SUCCESS',
      finishMessage: 'all sent',
      runningAfterMs: 300,
      finishAfterMs: 900,
      totalItems: 10,
      processedItems: 8,
      failedItems: 2
    })
    const r = await running
    expect(errors(r)).toEqual([])
    expect(r.exitCode).toBe(0)
    expectNoLeaks(r)
    expect(r.masks).toContain(tasks.sandbox.key)
    expect(r.outputs).toEqual({
      'task-id': String(id),
      state: 'FINISHED',
      'finish-status': 'SUCCESS',
      'finish-message': 'all sent',
      'total-items': '10',
      'processed-items': '8',
      'failed-items': '2',
      task: r.outputs.task
    })
    expect(JSON.parse(r.outputs.task)).toMatchObject({ id, activityLabel: LABEL, totalItems: 10 })
    const lines = r.stdout.split('\n')
    expect(lines.filter(l => l.startsWith(`Task ${id} is FINISHED`))).toHaveLength(1)
    const p = await paths()
    expect(p[0]).toBe('POST /api/v2/workspace/login')
    expect(p.slice(1).every(x => x === `GET /api/v2/task/${id}`)).toBe(true)
    // about 1.2 s of waiting at one poll a second
    expect(p.length).toBeGreaterThanOrEqual(3)
    expect(p.length).toBeLessThanOrEqual(6)
    expect(r.summary).toContain(`Maestro task ${id} finished: SUCCESS`)
    expect(r.summary).toContain('10 in total, 8 processed, 2 failed')
  })
})

describe('wait-task bundle', () => {
  it('a task that already finished: one GET, no waiting', async () => {
    const id = await newTask()
    await tasks.sandbox.runTask(id, { finishStatus: 'SUCCESS' })
    const r = await step({ 'task-id': String(id) })
    expect(r.exitCode).toBe(0)
    expect(await paths()).toEqual(['POST /api/v2/workspace/login', `GET /api/v2/task/${id}`])
    expect(r.outputs).toMatchObject({ state: 'FINISHED', 'total-items': '' })
  })

  it('a FAILED task fails the step naming status, message and allowed statuses; outputs set', async () => {
    const id = await newTask()
    await tasks.sandbox.runTask(id, {
      finishStatus: 'FAILED',
      finishMessage: 'portal down',
      totalItems: 3,
      processedItems: 1,
      failedItems: 2
    })
    const r = await step({ 'task-id': String(id) })
    expect(r.exitCode).toBe(1)
    const err = onlyError(r)
    expect(err.properties.title).toBe('Wait for task failed')
    expect(err.data).toBe(
      `Task ${id} finished with FAILED: portal down. Allowed finish statuses: SUCCESS ('allowed-statuses').`
    )
    expect(r.outputs).toMatchObject({ 'finish-status': 'FAILED', 'failed-items': '2' })
    expect(r.summary).toContain('portal down')
    expectNoLeaks(r)
  })

  it('allowed-statuses widens what passes', async () => {
    const id = await newTask()
    await tasks.sandbox.runTask(id, { finishStatus: 'PARTIALLY_COMPLETED' })
    const r = await step({
      'task-id': String(id),
      'allowed-statuses': 'SUCCESS\nPARTIALLY_COMPLETED'
    })
    expect(r.exitCode).toBe(0)
    expect(r.outputs['finish-status']).toBe('PARTIALLY_COMPLETED')
  })

  it('a CANCELED task never passes', async () => {
    const id = await newTask()
    await api('POST', `/api/v2/task/${id}`, { state: 'CANCELED' })
    const r = await step({ 'task-id': String(id), 'allowed-statuses': 'SUCCESS, FAILED' })
    expect(r.exitCode).toBe(1)
    expect(onlyError(r).data).toMatch(
      new RegExp(`^Task ${id} was CANCELED in Maestro without finishing`)
    )
  })

  it('timeout with interrupt-on-timeout: the task is interrupted and the bot stops', async () => {
    const id = await newTask()
    await tasks.sandbox.runTask(id, {
      finishStatus: 'SUCCESS',
      finishAfterMs: 60_000,
      interruptStatus: 'FAILED'
    })
    const r = await step({
      'task-id': String(id),
      'wait-timeout-seconds': '1',
      'poll-interval-seconds': '1',
      'interrupt-on-timeout': 'true'
    })
    expect(r.exitCode).toBe(1)
    expect(onlyError(r).data).toMatch(
      new RegExp(
        `^Timed out after 1 s waiting for task ${id} to finish; its last state was RUNNING.*Asked Maestro to interrupt it\\.$`
      )
    )
    expect(r.outputs.state).toBe('RUNNING')
    expect((await paths()).slice(-1)).toEqual([`POST /api/v2/task/${id}`])
    await new Promise(res => setTimeout(res, 100))
    expect(await stored(id)).toMatchObject({ interrupted: true, state: 'FINISHED' })
  })

  const badInputs: Array<[string, Record<string, string>, RegExp]> = [
    ['task-id', {}, /Required input is empty/],
    ['task-id', { 'task-id': 'abc' }, /Not an integer, got 'abc'. Accepted: an integer from 1/],
    ['task-id', { 'task-id': '-3' }, /Out of range, got '-3'/],
    [
      'wait-timeout-seconds',
      { 'task-id': '1', 'wait-timeout-seconds': 'soon' },
      /Not a number of seconds, got 'soon'/
    ],
    [
      'wait-timeout-seconds',
      { 'task-id': '1', 'wait-timeout-seconds': '0' },
      /Out of range, got '0'. Accepted: a number of seconds from 1 to 432000/
    ],
    [
      'poll-interval-seconds',
      { 'task-id': '1', 'poll-interval-seconds': '-1' },
      /Not a number of seconds, got '-1'/
    ],
    [
      'interrupt-on-timeout',
      { 'task-id': '1', 'interrupt-on-timeout': 'yes' },
      /Not a boolean, got 'yes'/
    ],
    [
      'allowed-statuses',
      { 'task-id': '1', 'allowed-statuses': 'SUCCESS, DONE' },
      /Unknown value, got 'DONE'/
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
    const r = await step({ 'task-id': '1' }, { BOTCITY_KEY: 'wrong-key-123' })
    expect(r.exitCode).toBe(1)
    const err = onlyError(r)
    expect(err.properties.title).toBe('Wait for task failed')
    expect(err.data).toMatch(/401/)
    expect(err.data).toMatch(/Hint:/)
    expectNoLeaks(r)
    expect(await tasks.sandbox.apiRequests()).toEqual([])
  })

  it('404: unknown task, the hint names the id; no outputs', async () => {
    const r = await step({ 'task-id': '987654' })
    expect(r.exitCode).toBe(1)
    const err = onlyError(r)
    expect(err.data).toMatch(/^Could not read task 987654: HTTP 404.*Task 987654 not found/)
    expect(err.data).toMatch(/Hint: check that task 987654 exists/)
    expect(r.outputs).toEqual({})
  })

  it('500 on the polls after the first read: retried, one error; outputs keep the last state', async () => {
    const id = await newTask()
    const running = step({ 'task-id': String(id), 'poll-interval-seconds': '1' })
    while (!(await paths()).includes(`GET /api/v2/task/${id}`)) {
      await new Promise(res => setTimeout(res, 20))
    }
    await tasks.sandbox.fault({ method: 'GET', path: '/api/v2/task/*', status: 500, times: 0 })
    const r = await running
    expect(r.exitCode).toBe(1)
    expect(onlyError(r).data).toMatch(new RegExp(`^Could not read task ${id}: HTTP 500`))
    expect(r.outputs).toMatchObject({ 'task-id': String(id), state: 'START' })
    expect((await tasks.sandbox.apiRequests()).length).toBeGreaterThan(2)
    expectNoLeaks(r)
  }, 30_000)
})
