import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  JOB_STATUS_ALIASES,
  readFinishTaskInputs,
  resolveItems
} from '../../src/actions/finish-task/main.js'
import { ActionInputError } from '../../src/actions/shared/inputs.js'
import { checkAction } from '../support/action-check.js'
import { createCoreStub } from '../support/core-stub.js'
import { testRuntimes } from '../support/node-runtimes.js'
import { actionDir, commandsOf, expectNoLeaks, runStep, type RunResult } from '../support/runner.js'
import { expectInputError } from '../support/input-errors.js'
import { sandboxApi, startTestSandbox, type TestSandbox } from '../support/test-sandbox.js'

const LABEL = 'demo-bot'

let sandbox: TestSandbox
beforeAll(async () => {
  sandbox = await startTestSandbox({ automations: [LABEL] })
})
afterAll(async () => {
  await sandbox?.close()
})
beforeEach(async () => {
  await sandbox.clearFaults()
  await sandbox.clearRequests()
})

async function newTaskId(): Promise<number> {
  const task = await sandboxApi<{ id: number }>(sandbox, 'POST', '/api/v2/task', {
    activityLabel: LABEL,
    parameters: {}
  })
  await sandbox.clearRequests()
  return task.id
}

async function stateOf(id: number) {
  const s = await sandbox.state()
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- sandbox records
  return s.tasks.find((t: any) => t.id === id)
}

function step(inputs: Record<string, string>, env: Record<string, string> = {}, nodePath?: string) {
  return runStep({
    actionDir: actionDir('finish-task'),
    inputs,
    env: { ...sandbox.env, ...env },
    node: nodePath
  })
}

function errors(r: RunResult) {
  return commandsOf(r, 'error')
}

describe('finish-task metadata', () => {
  it('action.yml matches the code', () => {
    expect(checkAction({ name: 'finish-task' })).toEqual([])
  })
})

describe('finish-task inputs (pure)', () => {
  const read = (inputs: Record<string, string>) => readFinishTaskInputs(createCoreStub({ inputs }))

  it('maps job.status words: success, failure, cancelled', () => {
    expect(JOB_STATUS_ALIASES).toEqual({
      success: 'SUCCESS',
      failure: 'FAILED',
      cancelled: 'FAILED'
    })
    expect(read({ 'task-id': '3', status: 'success' }).status).toBe('SUCCESS')
    expect(read({ 'task-id': '3', status: 'failure' }).status).toBe('FAILED')
    expect(read({ 'task-id': '3', status: 'Cancelled' }).status).toBe('FAILED')
    expect(read({ 'task-id': '3', status: 'partially_completed' }).status).toBe(
      'PARTIALLY_COMPLETED'
    )
  })

  it('derives the third item count; none given sends nulls', () => {
    expect(
      read({ 'task-id': '3', status: 'SUCCESS', 'total-items': '10', 'failed-items': '2' }).items
    ).toEqual({
      totalItems: 10,
      processedItems: 8,
      failedItems: 2
    })
    expect(read({ 'task-id': '3', status: 'SUCCESS' }).items).toMatchObject({
      totalItems: null,
      processedItems: null,
      failedItems: null
    })
  })

  it('inconsistent items name our input, not the API field', () => {
    const cases: Array<[Record<string, number>, string, RegExp]> = [
      [
        { total: 5, processed: 3, failed: 1 },
        'total-items',
        /total-items \(5\) must equal processed-items \(3\) \+ failed-items \(1\)/
      ],
      [
        { total: 5 },
        'processed-items',
        /at least two of total-items, processed-items and failed-items/
      ],
      [
        { total: 2, failed: 3 },
        'failed-items',
        /failed-items \(3\) is greater than total-items \(2\)/
      ],
      [
        { total: 2, processed: 3 },
        'processed-items',
        /processed-items \(3\) is greater than total-items \(2\)/
      ]
    ]
    for (const [items, input, message] of cases) {
      let thrown: unknown
      try {
        resolveItems(items)
      } catch (e) {
        thrown = e
      }
      expect(thrown).toBeInstanceOf(ActionInputError)
      expect((thrown as ActionInputError).input).toBe(input)
      expect((thrown as Error).message).toMatch(message)
      expect((thrown as Error).message).toMatch(/Accepted: /)
      expect((thrown as Error).message).not.toMatch(/totalItems|processedItems|failedItems/)
    }
  })
})

describe.each(testRuntimes())('finish-task bundle under $label', ({ nodePath }) => {
  it('finishes the task in one request after the login; outputs, summary, no leaks', async () => {
    const id = await newTaskId()
    const r = await step(
      {
        'task-id': String(id),
        status: 'success',
        message: 'All invoices sent',
        'total-items': '10',
        'processed-items': '9'
      },
      {},
      nodePath
    )
    expect(errors(r)).toEqual([])
    expect(r.exitCode).toBe(0)
    expectNoLeaks(r)
    expect(r.masks).toContain(sandbox.key)
    expect(r.outputs).toEqual({ state: 'FINISHED', 'finish-status': 'SUCCESS' })
    expect(await stateOf(id)).toMatchObject({
      state: 'FINISHED',
      finishStatus: 'SUCCESS',
      finishMessage: 'All invoices sent',
      totalItems: 10,
      processedItems: 9,
      failedItems: 1
    })
    const reqs = await sandbox.requests()
    expect(reqs.map(q => `${q.method} ${q.path}`)).toEqual([
      'POST /api/v2/workspace/login',
      `POST /api/v2/task/${id}`
    ])
    expect(r.summary).toContain(`Maestro task ${id} finished: SUCCESS`)
    expect(r.summary).toContain('10 total, 9 processed, 1 failed')
    expect(r.summary).not.toContain(sandbox.key)
  })
})

describe('finish-task bundle', () => {
  it('no item counts: nulls sent, one warning, still one request', async () => {
    const id = await newTaskId()
    const r = await step({ 'task-id': String(id), status: 'cancelled' })
    expect(r.exitCode).toBe(0)
    expectNoLeaks(r)
    expect(r.outputs['finish-status']).toBe('FAILED')
    const warnings = commandsOf(r, 'warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0].data).toMatch(/No item counts were given/)
    expect(await stateOf(id)).toMatchObject({
      finishStatus: 'FAILED',
      totalItems: null,
      processedItems: null,
      failedItems: null
    })
    expect(await sandbox.apiRequests()).toHaveLength(1)
  })

  const badInputs: Array<[string, Record<string, string>, RegExp]> = [
    [
      'task-id',
      { 'task-id': 'abc', status: 'SUCCESS' },
      /Not an integer, got 'abc'. Accepted: an integer from 1/
    ],
    ['task-id', { 'task-id': '0', status: 'SUCCESS' }, /Out of range, got '0'/],
    ['task-id', { 'task-id': '', status: 'SUCCESS' }, /Required input is empty/],
    [
      'status',
      { 'task-id': '1', status: 'done' },
      /Unknown value, got 'done'. Accepted: one of SUCCESS, FAILED, PARTIALLY_COMPLETED.*success \(= SUCCESS\), failure \(= FAILED\), cancelled \(= FAILED\)/
    ],
    ['status', { 'task-id': '1', status: '' }, /Required input is empty/],
    [
      'total-items',
      {
        'task-id': '1',
        status: 'SUCCESS',
        'total-items': '5',
        'processed-items': '3',
        'failed-items': '1'
      },
      /total-items \(5\) must equal processed-items \(3\) \+ failed-items \(1\), got total-items '5', processed-items '3', failed-items '1'/
    ],
    [
      'processed-items',
      { 'task-id': '1', status: 'SUCCESS', 'total-items': '5' },
      /Give at least two of/
    ],
    [
      'failed-items',
      { 'task-id': '1', status: 'SUCCESS', 'failed-items': '-1', 'total-items': '3' },
      /Out of range, got '-1'. Accepted: an integer from 0/
    ],
    [
      'processed-items',
      { 'task-id': '1', status: 'SUCCESS', 'processed-items': '2.5', 'total-items': '3' },
      /Not an integer, got '2.5'/
    ]
  ]
  it.each(badInputs)(
    'bad %s: one ::error naming it, exit 1, zero requests',
    async (input, inputs, message) => {
      const r = await step(inputs)
      expectInputError(r, input, message)
      expect(await sandbox.requests()).toEqual([])
    }
  )

  it('401: wrong key, one error with status and hint, no leak', async () => {
    const r = await step({ 'task-id': '1', status: 'SUCCESS' }, { BOTCITY_KEY: 'wrong-key-123' })
    expect(r.exitCode).toBe(1)
    const errs = errors(r)
    expect(errs).toHaveLength(1)
    expect(errs[0].properties.title).toBe('Finish task failed')
    expect(errs[0].data).toMatch(/401/)
    expect(errs[0].data).toMatch(/Hint:/)
    expectNoLeaks(r)
    expect(await sandbox.apiRequests()).toEqual([])
  })

  it('404: unknown task, named in the error', async () => {
    const r = await step({
      'task-id': '999999',
      status: 'SUCCESS',
      'total-items': '1',
      'processed-items': '1'
    })
    expect(r.exitCode).toBe(1)
    const errs = errors(r)
    expect(errs).toHaveLength(1)
    expect(errs[0].data).toMatch(/Could not finish task 999999: HTTP 404/)
    expect(errs[0].data).toMatch(/999999/)
    expect(await sandbox.apiRequests()).toHaveLength(1)
  })

  it('500 every time: retried (idempotent), then one error with the status and server message', async () => {
    const id = await newTaskId()
    await sandbox.fault({ path: '/api/v2/task/*', status: 500, times: 0 })
    const r = await step({
      'task-id': String(id),
      status: 'FAILED',
      'total-items': '1',
      'failed-items': '1'
    })
    expect(r.exitCode).toBe(1)
    const errs = errors(r)
    expect(errs).toHaveLength(1)
    expect(errs[0].properties.title).toBe('Finish task failed')
    expect(errs[0].data).toMatch(new RegExp(`Could not finish task ${id}: HTTP 500`))
    expectNoLeaks(r)
    expect((await sandbox.apiRequests()).length).toBeGreaterThan(1)
    expect(await stateOf(id)).toMatchObject({ state: 'START' })
  }, 30_000)
})
