import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  ALERT_TYPES,
  Inputs,
  defaultMessage,
  defaultTitle,
  run
} from '../../src/actions/alert/main.js'
import { readGithubContext } from '../../src/actions/shared/github-context.js'
import { MaestroClient } from '../../src/maestro/index.js'
import { checkAction } from '../support/action-check.js'
import { createCoreStub } from '../support/core-stub.js'
import { testRuntimes } from '../support/node-runtimes.js'
import {
  actionDir,
  commandsOf,
  defaultGithubEnv,
  expectNoLeaks,
  runStep,
  onlyError
} from '../support/runner.js'
import { expectInputError } from '../support/input-errors.js'
import { startTestSandbox, type TestSandbox } from '../support/test-sandbox.js'

let sandbox: TestSandbox
let taskId: number

beforeAll(async () => {
  sandbox = await startTestSandbox()
  const client = new MaestroClient({
    server: sandbox.url,
    login: sandbox.login,
    key: sandbox.key
  })
  taskId = (await client.createTask({ activityLabel: 'demo-bot' })).id
  await client.close()
})
afterAll(async () => {
  await sandbox.close()
})
beforeEach(async () => {
  await sandbox.clearFaults()
  await sandbox.clearRequests()
})

const step = (inputs: Record<string, string>, env: Record<string, string> = {}, node?: string) =>
  runStep({ actionDir: actionDir('alert'), inputs, env: { ...sandbox.env, ...env }, node })

describe('alert metadata', () => {
  it('matches its Inputs and Outputs', () => {
    expect(checkAction({ name: 'alert' })).toEqual([])
  })
})

describe('default title and message', () => {
  const ctx = readGithubContext(defaultGithubEnv('/ws', '/tmp'))

  it('name the workflow, run number and job', () => {
    expect(defaultTitle(ctx)).toBe('CI #42: test')
  })

  it('give the repository, commit, actor and a link to the run', () => {
    const message = defaultMessage({ ...ctx, eventName: 'push', runAttempt: '2' })
    expect(message).toBe(
      [
        "Workflow 'CI' run #42 (attempt 2), job 'test' in acme/bots.",
        'Commit ffac537e6cbb on main (push).',
        'Triggered by octocat.',
        'Run: https://github.com/acme/bots/actions/runs/1658821493'
      ].join('\n')
    )
  })

  it('still say something outside a workflow run', () => {
    const empty = readGithubContext({})
    expect(defaultTitle(empty)).toBe('GitHub Actions alert')
    expect(defaultMessage(empty)).toBe('Raised from GitHub Actions.')
  })
})

describe('alert logic (core stub)', () => {
  it('rejects a bad type before anything is sent', async () => {
    const core = createCoreStub({
      inputs: { [Inputs.taskId]: String(taskId), [Inputs.type]: 'fatal' }
    })
    await expect(run(core, { env: sandbox.env })).rejects.toMatchObject({
      input: 'type',
      message: expect.stringContaining("got 'fatal'. Accepted: one of INFO, WARN, ERROR")
    })
    expect(await sandbox.requests()).toEqual([])
  })

  it('accepts each type in any case', async () => {
    for (const type of ALERT_TYPES) {
      const core = createCoreStub({
        inputs: { [Inputs.taskId]: String(taskId), [Inputs.type]: type.toLowerCase() }
      })
      await run(core, { env: sandbox.env })
      expect(core.outputs['alert-id']).toMatch(/^\d+$/)
    }
    const state = await sandbox.state()
    expect(state.alerts.slice(-3).map((a: { type: string }) => a.type)).toEqual(ALERT_TYPES)
  })
})

describe.each(testRuntimes())('alert bundle under $label', ({ nodePath }) => {
  it('raises an alert with the run context by default, in one request after login', async () => {
    const result = await step({ 'task-id': String(taskId), type: 'error' }, {}, nodePath)
    expect(result.exitCode).toBe(0)
    expectNoLeaks(result)
    const alertId = Number(result.outputs['alert-id'])
    expect(alertId).toBeGreaterThan(0)
    const alert = (await sandbox.state()).alerts.find((a: { id: number }) => a.id === alertId)
    expect(alert).toMatchObject({
      taskId,
      type: 'ERROR',
      title: 'CI #42: test',
      message: expect.stringContaining('https://github.com/acme/bots/actions/runs/1658821493')
    })
    expect((await sandbox.requests()).map(r => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /api/v2/workspace/login 200',
      'POST /api/v2/alerts 200'
    ])
    expect(result.summary).toContain(`Maestro alert raised on task ${taskId}`)
    expect(result.summary).toContain('CI #42: test')
  })
})

describe('alert bundle', () => {
  it('sends the given title and message', async () => {
    const result = await step({
      'task-id': String(taskId),
      type: 'WARN',
      title: 'Deploy blocked',
      message: 'line 1\nline 2'
    })
    expect(result.exitCode).toBe(0)
    expectNoLeaks(result)
    const alert = (await sandbox.state()).alerts.find(
      (a: { id: number }) => a.id === Number(result.outputs['alert-id'])
    )
    expect(alert).toMatchObject({
      type: 'WARN',
      title: 'Deploy blocked',
      message: 'line 1\nline 2'
    })
  })

  it.each([
    ['task-id', { 'task-id': 'abc' }, "'abc'"],
    ['task-id', { 'task-id': '0' }, "'0'"],
    ['task-id', { 'task-id': '' }, 'Required input is empty'],
    ['type', { type: 'CRITICAL' }, "'CRITICAL'"],
    ['fail-on-error', { 'fail-on-error': 'no' }, "'no'"]
  ])('fails on a bad %s with one error and no request', async (input, bad, quoted) => {
    const result = await step({ 'task-id': String(taskId), ...bad })
    expectInputError(result, input, quoted)
    expect(await sandbox.requests()).toEqual([])
  })

  it('fails on bad input even with fail-on-error: false', async () => {
    const result = await step({ 'task-id': '-3', 'fail-on-error': 'false' })
    expect(result.exitCode).toBe(1)
    expect(onlyError(result).properties.title).toBe("Invalid input 'task-id'")
    expect(commandsOf(result, 'warning')).toHaveLength(0)
    expect(await sandbox.requests()).toEqual([])
  })

  it('reports a wrong key as a login failure with the status and a hint', async () => {
    const result = await step({ 'task-id': String(taskId) }, { BOTCITY_KEY: 'wrong-key-123' })
    expect(result.exitCode).toBe(1)
    expectNoLeaks(result)
    const error = onlyError(result)
    expect(error.properties.title).toBe('Alert failed')
    expect(error.data).toMatch(/log in.*HTTP 401/)
    expect(error.data).toContain('Hint:')
    expect(result.outputs['alert-id'] ?? '').toBe('')
  })

  it('reports an unknown task (404)', async () => {
    const result = await step({ 'task-id': '987654' })
    expect(result.exitCode).toBe(1)
    expectNoLeaks(result)
    const error = onlyError(result)
    expect(error.data).toContain('create alert for task 987654')
    expect(error.data).toContain('HTTP 404')
    expect(error.data).toContain('task 987654')
  })

  it('reports a server error (500) without retrying the create', async () => {
    await sandbox.fault({ path: '/api/v2/alerts', status: 500, times: 0 })
    const result = await step({ 'task-id': String(taskId) })
    expect(result.exitCode).toBe(1)
    expectNoLeaks(result)
    expect(onlyError(result).data).toContain('HTTP 500')
    expect((await sandbox.apiRequests()).map(r => r.path)).toEqual(['/api/v2/alerts'])
  })

  it('turns a server error into a warning with fail-on-error: false', async () => {
    await sandbox.fault({ path: '/api/v2/alerts', status: 500, times: 0 })
    const result = await step({ 'task-id': String(taskId), 'fail-on-error': 'false' })
    expect(result.exitCode).toBe(0)
    expectNoLeaks(result)
    expect(commandsOf(result, 'error')).toHaveLength(0)
    const warnings = commandsOf(result, 'warning').filter(w => w.data.includes('HTTP 500'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0].properties.title).toBe('Alert failed')
    expect(warnings[0].data).toContain(`create alert for task ${taskId}`)
    expect(result.outputs['alert-id']).toBe('')
  })

  it('turns a login failure into a warning with fail-on-error: false', async () => {
    const result = await step(
      { 'task-id': String(taskId), 'fail-on-error': 'false' },
      { BOTCITY_KEY: 'wrong-key-123' }
    )
    expect(result.exitCode).toBe(0)
    expectNoLeaks(result)
    const warnings = commandsOf(result, 'warning').filter(w => w.data.includes('HTTP 401'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0].data).toContain('Hint:')
  })

  it('turns a network failure into a warning with fail-on-error: false', async () => {
    const result = await step(
      { 'task-id': String(taskId), 'fail-on-error': 'false', 'timeout-seconds': '2' },
      { BOTCITY_SERVER: 'http://127.0.0.1:9' }
    )
    expect(result.exitCode).toBe(0)
    expect(commandsOf(result, 'warning').some(w => w.data.includes('ECONNREFUSED'))).toBe(true)
  })
})
