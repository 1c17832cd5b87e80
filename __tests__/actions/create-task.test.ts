import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { readCreateTaskInputs } from '../../src/actions/create-task/main.js'
import { parseAllowedStatuses, waitFailure } from '../../src/actions/shared/wait-task.js'
import type { Task } from '../../src/maestro/index.js'
import { checkAction } from '../support/action-check.js'
import { createCoreStub } from '../support/core-stub.js'
import { testRuntimes } from '../support/node-runtimes.js'
import { itOnPosix } from '../support/platform.js'
import {
  actionDir,
  commandsOf,
  defaultGithubEnv,
  expectNoLeaks,
  inputEnvName,
  parseCommands,
  parseFileCommand,
  readActionMetadata,
  runStep,
  type RunResult
} from '../support/runner.js'
import { expectInputError } from '../support/input-errors.js'
import { startTestSandbox, type RunTaskSpec, type TestSandbox } from '../support/test-sandbox.js'

const LABEL = 'invoice-bot'

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

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- sandbox records
type SandboxTask = any

async function tasks(): Promise<SandboxTask[]> {
  return (await sandbox.state()).tasks
}
async function taskById(id: number | string): Promise<SandboxTask> {
  return (await tasks()).find((t: SandboxTask) => String(t.id) === String(id))
}
async function maxTaskId(): Promise<number> {
  return Math.max(0, ...(await tasks()).map((t: SandboxTask) => Number(t.id)))
}

/** Waits for the action to create a task (id above `after`), then plays the Runner on it. */
async function runWhenCreated(after: number, spec?: RunTaskSpec): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const created = (await tasks()).find((t: SandboxTask) => Number(t.id) > after)
    if (created) {
      if (spec) await sandbox.runTask(created.id, spec)
      return Number(created.id)
    }
    await new Promise(r => setTimeout(r, 25))
  }
  throw new Error('the action created no task')
}

function step(inputs: Record<string, string>, env: Record<string, string> = {}, nodePath?: string) {
  return runStep({
    actionDir: actionDir('create-task'),
    inputs,
    env: { ...sandbox.env, ...env },
    node: nodePath
  })
}

const errors = (r: RunResult) => commandsOf(r, 'error')
const infos = (r: RunResult) => r.stdout.split('\n').filter(l => !l.startsWith('::'))
const paths = async () => (await sandbox.requests()).map(q => `${q.method} ${q.path}`)

function task(partial: Partial<Task>): Task {
  return {
    id: 7,
    state: 'FINISHED',
    parameters: {},
    finishStatus: 'FAILED',
    finishMessage: 'boom',
    test: false,
    activityLabel: LABEL,
    interrupted: null,
    killed: null,
    totalItems: null,
    processedItems: null,
    failedItems: null,
    ...partial
  }
}

describe('create-task metadata', () => {
  it('action.yml matches the code', () => {
    expect(checkAction({ name: 'create-task' })).toEqual([])
  })
})

describe('create-task logic (pure)', () => {
  it('allowed-statuses: lines or commas, any case, validated', () => {
    expect(parseAllowedStatuses('a', '')).toEqual(['SUCCESS'])
    expect(parseAllowedStatuses('a', 'success, partially_completed')).toEqual([
      'SUCCESS',
      'PARTIALLY_COMPLETED'
    ])
    expect(parseAllowedStatuses('a', 'SUCCESS\nFAILED\n\nSUCCESS')).toEqual(['SUCCESS', 'FAILED'])
    expect(() => parseAllowedStatuses('allowed-statuses', 'SUCCESS, DONE')).toThrow(
      /Unknown value, got 'DONE'. Accepted: one of SUCCESS, FAILED, PARTIALLY_COMPLETED/
    )
  })

  it('reads every input with its default', () => {
    const c = readCreateTaskInputs(
      createCoreStub({ inputs: { 'activity-label': LABEL, parameters: 'n: 3\nok: true' } })
    )
    expect(c).toEqual({
      activityLabel: LABEL,
      parameters: { n: 3, ok: true },
      test: false,
      priority: 0,
      minExecutionDate: undefined,
      wait: false,
      timeoutMs: 3_600_000,
      pollIntervalMs: 10_000,
      interruptOnTimeout: false,
      allowedStatuses: ['SUCCESS']
    })
  })

  it('failure messages: bad status, canceled, timeout, cancelled step', () => {
    const config = { allowedStatuses: ['SUCCESS' as const], interruptOnTimeout: false }
    expect(waitFailure({ kind: 'finished', task: task({ finishStatus: 'SUCCESS' }) }, config)).toBe(
      undefined
    )
    expect(waitFailure({ kind: 'finished', task: task({}) }, config)).toBe(
      "Task 7 finished with FAILED: boom. Allowed finish statuses: SUCCESS ('allowed-statuses')."
    )
    expect(
      waitFailure(
        { kind: 'finished', task: task({ state: 'CANCELED', finishStatus: null }) },
        config
      )
    ).toMatch(/^Task 7 was CANCELED in Maestro without finishing/)
    expect(
      waitFailure(
        {
          kind: 'timed-out',
          task: task({ state: 'RUNNING' }),
          waitedMs: 90_000,
          interrupted: true
        },
        config
      )
    ).toBe(
      'Timed out after 1 min 30 s waiting for task 7 to finish; its last state was RUNNING ' +
        '(wait-timeout-seconds). Asked Maestro to interrupt it.'
    )
    expect(
      waitFailure({ kind: 'cancelled', task: task({ state: 'START' }), interrupted: false }, config)
    ).toMatch(/cancelled while waiting for task 7 \(last state START\). It was left running/)
  })
})

describe.each(testRuntimes())('create-task bundle under $label', ({ nodePath }) => {
  it('creates the task in exactly one request after the login; outputs, state, summary', async () => {
    const r = await step(
      {
        'activity-label': LABEL,
        parameters: '{"env": "staging", "retries": 3, "dry": false, "tags": ["a"]}',
        test: 'true',
        priority: '7',
        'min-execution-date': '2026-12-01T08:00:00'
      },
      {},
      nodePath
    )
    expect(errors(r)).toEqual([])
    expect(r.exitCode).toBe(0)
    expectNoLeaks(r)
    expect(r.masks).toContain(sandbox.key)
    expect(await paths()).toEqual(['POST /api/v2/workspace/login', 'POST /api/v2/task'])
    const id = r.outputs['task-id']
    expect(id).toMatch(/^\d+$/)
    const stored = await taskById(id)
    expect(stored).toMatchObject({
      activityLabel: LABEL,
      state: 'START',
      test: true,
      priority: 7,
      parameters: { env: 'staging', retries: 3, dry: false, tags: ['a'] }
    })
    expect(new Date(stored.minExecutionDate).toISOString()).toBe('2026-12-01T08:00:00.000Z')
    expect(r.outputs).toMatchObject({ state: 'START', 'finish-status': '', 'finish-message': '' })
    expect(Object.keys(r.outputs).sort()).toEqual(
      ['finish-message', 'finish-status', 'state', 'task', 'task-id'].sort()
    )
    expect(JSON.parse(r.outputs.task)).toMatchObject({ id: Number(id), activityLabel: LABEL })
    expect(r.summary).toContain(`Maestro task ${id} created`)
    expect(r.summary).toContain('env, retries, dry, tags')
    expect(r.summary).not.toContain('staging')
    expect(r.summary).not.toContain('href')
  })

  it('waits: logs each state once, finishes with SUCCESS, one GET per poll', async () => {
    const before = await maxTaskId()
    const running = step(
      { 'activity-label': LABEL, wait: 'true', 'poll-interval-seconds': '1' },
      {},
      nodePath
    )
    const id = await runWhenCreated(before, {
      finishStatus: 'SUCCESS',
      finishMessage: 'done',
      finishAfterMs: 1200
    })
    const r = await running
    expect(errors(r)).toEqual([])
    expect(r.exitCode).toBe(0)
    expectNoLeaks(r)
    const lines = infos(r)
    for (const state of ['START', 'RUNNING', 'FINISHED']) {
      expect(lines.filter(l => l.startsWith(`Task ${id} is ${state}`))).toHaveLength(1)
    }
    expect(r.outputs).toMatchObject({
      'task-id': String(id),
      state: 'FINISHED',
      'finish-status': 'SUCCESS',
      'finish-message': 'done'
    })
    const p = await paths()
    expect(p.slice(0, 2)).toEqual(['POST /api/v2/workspace/login', 'POST /api/v2/task'])
    expect(p.slice(2).every(x => x === `GET /api/v2/task/${id}`)).toBe(true)
    expect(p.length).toBeGreaterThanOrEqual(4)
    expect(p.length).toBeLessThanOrEqual(5)
    expect(r.summary).toContain(`Maestro task ${id} finished: SUCCESS`)
  })
})

describe('create-task bundle: waiting', () => {
  it('a FAILED task fails the step, naming id, status, message and allowed statuses; outputs still set', async () => {
    const before = await maxTaskId()
    const running = step({ 'activity-label': LABEL, wait: 'true', 'poll-interval-seconds': '1' })
    const id = await runWhenCreated(before, {
      finishStatus: 'FAILED',
      finishMessage: 'portal down'
    })
    const r = await running
    expect(r.exitCode).toBe(1)
    const errs = errors(r)
    expect(errs).toHaveLength(1)
    expect(errs[0].properties.title).toBe('Create task failed')
    expect(errs[0].data).toBe(
      `Task ${id} finished with FAILED: portal down. Allowed finish statuses: SUCCESS ('allowed-statuses').`
    )
    expect(r.outputs).toMatchObject({
      'task-id': String(id),
      state: 'FINISHED',
      'finish-status': 'FAILED',
      'finish-message': 'portal down'
    })
    expect(r.summary).toContain('portal down')
    expectNoLeaks(r)
  })

  it('allowed-statuses widens what passes', async () => {
    const before = await maxTaskId()
    const running = step({
      'activity-label': LABEL,
      wait: 'true',
      'poll-interval-seconds': '1',
      'allowed-statuses': 'SUCCESS\npartially_completed'
    })
    await runWhenCreated(before, { finishStatus: 'PARTIALLY_COMPLETED' })
    const r = await running
    expect(errors(r)).toEqual([])
    expect(r.exitCode).toBe(0)
    expect(r.outputs['finish-status']).toBe('PARTIALLY_COMPLETED')
  })

  it('timeout: fails saying how long it waited and the last state; task left alone', async () => {
    const r = await step({
      'activity-label': LABEL,
      wait: 'true',
      'poll-interval-seconds': '1',
      'wait-timeout-seconds': '1'
    })
    expect(r.exitCode).toBe(1)
    const errs = errors(r)
    expect(errs).toHaveLength(1)
    const id = r.outputs['task-id']
    expect(errs[0].data).toMatch(
      new RegExp(`^Timed out after 1 s waiting for task ${id} to finish; its last state was START`)
    )
    expect(errs[0].data).toMatch(/It was left running \(set 'interrupt-on-timeout: true'/)
    expect(r.outputs.state).toBe('START')
    expect((await taskById(id)).interrupted).not.toBe(true)
    expect(await paths()).toEqual([
      'POST /api/v2/workspace/login',
      'POST /api/v2/task',
      `GET /api/v2/task/${id}`
    ])
  })

  it('timeout with interrupt-on-timeout: the task is interrupted', async () => {
    const r = await step({
      'activity-label': LABEL,
      wait: 'true',
      'poll-interval-seconds': '1',
      'wait-timeout-seconds': '1',
      'interrupt-on-timeout': 'true'
    })
    expect(r.exitCode).toBe(1)
    const id = r.outputs['task-id']
    expect(errors(r)[0].data).toMatch(/Asked Maestro to interrupt it\.$/)
    expect((await taskById(id)).interrupted).toBe(true)
    expect((await paths()).slice(-1)).toEqual([`POST /api/v2/task/${id}`])
  })

  itOnPosix(
    'Node can only terminate another process there, not send it a signal it can catch',
    'SIGTERM while waiting (workflow cancelled): interrupts the task, outputs set, exit 1',
    async () => {
      const meta = readActionMetadata(actionDir('create-task'))
      const dir = mkdtempSync(join(tmpdir(), 'create-task-sigterm-'))
      const files = { output: join(dir, 'output'), summary: join(dir, 'summary') }
      for (const f of Object.values(files)) writeFileSync(f, '')
      const inputs: Record<string, string> = {
        'activity-label': LABEL,
        wait: 'true',
        'poll-interval-seconds': '1',
        'interrupt-on-timeout': 'true'
      }
      const env: Record<string, string> = {
        PATH: process.env.PATH ?? '',
        ...defaultGithubEnv(dir, dir),
        GITHUB_OUTPUT: files.output,
        GITHUB_STEP_SUMMARY: files.summary,
        ...sandbox.env
      }
      for (const [name, spec] of Object.entries(meta.inputs)) {
        env[inputEnvName(name)] =
          inputs[name] ?? (spec.default === undefined ? '' : String(spec.default))
      }
      const child = spawn(process.execPath, [resolve(actionDir('create-task'), meta.runs.main!)], {
        cwd: dir,
        env,
        stdio: ['ignore', 'pipe', 'pipe']
      })
      let stdout = ''
      const started = new Promise<void>(ok => {
        child.stdout.on('data', (d: Buffer) => {
          stdout += d.toString()
          if (/Task \d+ is START/.test(stdout)) ok()
        })
      })
      const closed = new Promise<number | null>(ok => child.on('close', code => ok(code)))
      await started
      child.kill('SIGTERM')
      const code = await closed
      expect(code).toBe(1)
      const outputs = parseFileCommand(readFileSync(files.output, 'utf8')).values
      const id = outputs['task-id']
      expect(id).toMatch(/^\d+$/)
      expect(outputs.state).toBe('START')
      expect(stdout).toContain('Received SIGTERM')
      const errs = parseCommands(stdout).filter(c => c.command === 'error')
      expect(errs).toHaveLength(1)
      expect(errs[0].data).toMatch(
        new RegExp(
          `cancelled while waiting for task ${id} \\(last state START\\). Asked Maestro to interrupt it`
        )
      )
      expect((await taskById(id)).interrupted).toBe(true)
      // the key and token appear only in the ::add-mask:: lines the runner never prints
      const printed = stdout.split('\n').filter(l => !l.startsWith('::add-mask::'))
      const masks = stdout
        .split('\n')
        .filter(l => l.startsWith('::add-mask::'))
        .map(l => l.slice('::add-mask::'.length))
      expect(masks).toContain(sandbox.key)
      for (const m of masks) expect(printed.join('\n')).not.toContain(m)
      expect(readFileSync(files.summary, 'utf8')).toContain(`Maestro task ${id}`)
    }
  )

  it('500 on every poll: retried, then one error naming the operation and status', async () => {
    await sandbox.fault({ method: 'GET', path: '/api/v2/task/*', status: 500, times: 0 })
    const r = await step({ 'activity-label': LABEL, wait: 'true', 'poll-interval-seconds': '1' })
    expect(r.exitCode).toBe(1)
    const errs = errors(r)
    expect(errs).toHaveLength(1)
    expect(errs[0].data).toMatch(
      new RegExp(`Could not read task ${r.outputs['task-id']}: HTTP 500`)
    )
    // the task exists: its id and last known state are outputs for `if: always()` steps
    expect(r.outputs).toMatchObject({ state: 'START', 'finish-status': '' })
    expectNoLeaks(r)
    expect((await sandbox.apiRequests()).filter(q => q.method === 'GET').length).toBe(4)
  }, 30_000)
})

describe('create-task bundle: errors', () => {
  const badInputs: Array<[string, Record<string, string>, RegExp]> = [
    ['activity-label', { 'activity-label': ' ' }, /Required input is empty/],
    [
      'parameters',
      { parameters: '[1, 2]' },
      /Expected a mapping but this is a list, got '\[1, 2\]'. Accepted: a JSON object or a YAML mapping/
    ],
    ['parameters', { parameters: '{"a": ' }, /Not valid JSON or YAML/],
    ['test', { test: 'yes' }, /Not a boolean, got 'yes'/],
    ['priority', { priority: '11' }, /Out of range, got '11'. Accepted: an integer from 0 to 10/],
    [
      'min-execution-date',
      { 'min-execution-date': '2026-02-30' },
      /Not a real calendar date\/time, got '2026-02-30'/
    ],
    ['wait', { wait: 'maybe' }, /Not a boolean, got 'maybe'/],
    ['wait-timeout-seconds', { 'wait-timeout-seconds': '0' }, /Out of range, got '0'/],
    [
      'poll-interval-seconds',
      { 'poll-interval-seconds': '0.5' },
      /Out of range, got '0.5'. Accepted: a number of seconds from 1 to 3600/
    ],
    ['interrupt-on-timeout', { 'interrupt-on-timeout': 'on' }, /Not a boolean, got 'on'/],
    [
      'allowed-statuses',
      { 'allowed-statuses': 'SUCCESS, OK' },
      /Unknown value, got 'OK'. Accepted: one of SUCCESS, FAILED, PARTIALLY_COMPLETED/
    ]
  ]
  it.each(badInputs)(
    'bad %s: one ::error naming it, exit 1, zero requests',
    async (input, inputs, message) => {
      const r = await step({ 'activity-label': LABEL, ...inputs })
      expectInputError(r, input, message)
      expect(await sandbox.requests()).toEqual([])
    }
  )

  it('unknown activity label: the 404 names the label', async () => {
    const r = await step({ 'activity-label': 'no-such-bot' })
    expect(r.exitCode).toBe(1)
    const errs = errors(r)
    expect(errs).toHaveLength(1)
    expect(errs[0].properties.title).toBe('Create task failed')
    expect(errs[0].data).toMatch(/Could not create task for automation 'no-such-bot': HTTP 404/)
    expect(errs[0].data).toMatch(/Hint: .*'no-such-bot'/)
    expect(await sandbox.apiRequests()).toHaveLength(1)
  })

  it('401 with a wrong key: one error, no leak, nothing created', async () => {
    const before = (await tasks()).length
    const r = await step({ 'activity-label': LABEL }, { BOTCITY_KEY: 'wrong-key-123' })
    expect(r.exitCode).toBe(1)
    const errs = errors(r)
    expect(errs).toHaveLength(1)
    expect(errs[0].data).toMatch(/HTTP 401/)
    expectNoLeaks(r)
    expect(await sandbox.apiRequests()).toEqual([])
    expect((await tasks()).length).toBe(before)
  })

  it('500 on create: not retried (a create is not idempotent), one error', async () => {
    await sandbox.fault({ method: 'POST', path: '/api/v2/task', status: 500, times: 0 })
    const r = await step({ 'activity-label': LABEL })
    expect(r.exitCode).toBe(1)
    const errs = errors(r)
    expect(errs).toHaveLength(1)
    expect(errs[0].data).toMatch(/Could not create task for automation 'invoice-bot': HTTP 500/)
    expect(await sandbox.apiRequests()).toHaveLength(1)
    expect(r.outputs).toEqual({})
  })
})
