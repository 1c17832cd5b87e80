// Log in once per job: a login step exports BOTCITY_ACCESS_TOKEN, and every later Maestro step uses
// it instead of logging in, making only the requests its job needs. Run from the bundles through
// the runner protocol: the GITHUB_ENV a step writes is in the environment of the next, as on GitHub.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MaestroClient } from '../../src/maestro/index.js'
import { testRuntimes } from '../support/node-runtimes.js'
import {
  actionDir,
  commandsOf,
  expectNoLeaks,
  runStep,
  runSteps,
  type RunResult,
  type Step
} from '../support/runner.js'
import {
  startTestSandbox,
  type RecordedRequest,
  type TestSandbox
} from '../support/test-sandbox.js'

const TOKEN = 'BOTCITY_ACCESS_TOKEN'
const LOGIN_PATH = '/api/v2/workspace/login'
const AUTOMATION = 'reuse-bot'
const VAULT = 'reuse-vault'
const LOG = 'reuse-log'

let sandbox: TestSandbox
let client: MaestroClient

beforeAll(async () => {
  sandbox = await startTestSandbox({
    automations: [AUTOMATION],
    credentials: { [VAULT]: { user: 'vault-user-1', password: 'vault-pass-1', pin: 'vault-pin-1' } }
  })
})
afterAll(async () => {
  await sandbox.close()
})
beforeEach(async () => {
  await sandbox.reset()
  client = new MaestroClient({ server: sandbox.url, login: sandbox.login, key: sandbox.key })
})
afterEach(async () => {
  await client.close()
})

function loginStep(node?: string): Step {
  return {
    actionDir: actionDir('login'),
    inputs: { server: sandbox.url, login: sandbox.login, 'access-key': sandbox.key },
    node
  }
}

async function newTaskId(): Promise<string> {
  const task = await client.createTask({ activityLabel: AUTOMATION, parameters: {} })
  return String(task.id)
}

const describeRequest = (q: RecordedRequest) => `${q.method} ${q.path} ${q.status}`

/**
 * No secret where it must not be: the token only in the login step's GITHUB_ENV (by design), the
 * vault values only in get-credential's outputs (its job, masked), the key and the token in no
 * output, summary or later env file at all.
 */
function expectNoSecretIn(results: RunResult[], token: string): void {
  for (const [i, r] of results.entries()) {
    const readsVault = r.childEnv.GITHUB_ACTION_PATH?.endsWith('get-credential')
    expectNoLeaks(r, {
      allow: { env: i === 0 ? [TOKEN] : [], outputs: readsVault ? true : [] }
    })
    for (const secret of [sandbox.key, token]) {
      expect(JSON.stringify(r.outputs)).not.toContain(secret)
      expect(r.summary).not.toContain(secret)
    }
    if (i > 0) expect(JSON.stringify(r.env)).not.toContain(token)
  }
}

describe.each(testRuntimes())('token reuse under $label', ({ nodePath }) => {
  it('login, then create-task with the token only: one request after login', async () => {
    const results = await runSteps([
      loginStep(nodePath),
      {
        actionDir: actionDir('create-task'),
        inputs: { 'activity-label': AUTOMATION },
        node: nodePath
      }
    ])
    const [login, create] = results
    expect([login.exitCode, create.exitCode]).toEqual([0, 0])
    expect(create.stderr).toBe('')
    expect(create.outputs['task-id']).toMatch(/^\d+$/)
    const requests = await sandbox.requests()
    expect(requests.map(describeRequest)).toEqual([
      `POST ${LOGIN_PATH} 200`,
      expect.stringMatching(/^POST \/api\/v2\/task 20\d$/)
    ])
    // The step authenticated with the exported token (the log shows the header, redacted).
    expect(requests[1].headers.token).toBe('[redacted]')
    expect(create.masks).toContain(login.env[TOKEN])
    expectNoSecretIn(results, login.env[TOKEN])
  })
})

interface JobStep extends Step {
  /** Runs before the step (e.g. the sandbox expiring the tokens). */
  before?: () => Promise<void>
}

/**
 * Steps of one job, as runSteps runs them (one workspace and RUNNER_TEMP, each step's GITHUB_ENV in
 * the environment of the next; step env wins), plus the requests each step made and a hook between
 * steps. The workspace is given so a step can find files put there beforehand.
 */
async function runJob(
  steps: JobStep[],
  workspace = mkdtempSync(join(tmpdir(), 'reuse-ws-'))
): Promise<{ results: RunResult[]; counts: number[]; carried: Record<string, string> }> {
  const runnerTemp = mkdtempSync(join(tmpdir(), 'reuse-temp-'))
  const results: RunResult[] = []
  const counts: number[] = []
  let carried: Record<string, string> = {}
  for (const { before, ...step } of steps) {
    await before?.()
    const seen = (await sandbox.requests()).length
    const r = await runStep({ ...step, env: { ...carried, ...step.env }, workspace, runnerTemp })
    carried = { ...carried, ...r.env }
    results.push(r)
    counts.push((await sandbox.requests()).length - seen)
  }
  return { results, counts, carried }
}

const errorsOf = (results: RunResult[]) =>
  results.flatMap(r => commandsOf(r, 'error').map(e => `${e.properties.title}: ${e.data}`))

describe('one login per job: each action makes only the requests its job needs', () => {
  it('a job of every action: one login, then the minimum per step, no version call', async () => {
    const taskId = await newTaskId()
    await client.createLog({
      activityLabel: LOG,
      columns: [{ name: 'version', label: 'version', width: 100 }]
    })
    await sandbox.clearRequests()
    const workspace = mkdtempSync(join(tmpdir(), 'reuse-ws-'))
    writeFileSync(join(workspace, 'result.txt'), 'result\n')
    const step = (name: string, inputs: Record<string, string>): JobStep => ({
      actionDir: actionDir(name),
      inputs
    })

    const job: Array<[JobStep, number]> = [
      [loginStep(), 1],
      [step('create-task', { 'activity-label': AUTOMATION }), 1],
      [step('alert', { 'task-id': taskId, title: 'reuse', message: 'one request' }), 1],
      [step('log-entry', { log: LOG, values: '{"version": "1"}' }), 1],
      [step('get-credential', { label: VAULT, key: 'user' }), 1],
      [step('get-credential', { label: VAULT, key: 'user\npassword\npin' }), 1],
      [step('post-artifact', { 'task-id': taskId, path: 'result.txt' }), 2],
      [step('finish-task', { 'task-id': taskId, status: 'SUCCESS' }), 1]
    ]
    const { results, counts, carried } = await runJob(
      job.map(([s]) => s),
      workspace
    )
    expect(errorsOf(results)).toEqual([])
    expect(results.map(r => r.exitCode)).toEqual(job.map(() => 0))
    expect(counts).toEqual(job.map(([, n]) => n))
    const paths = (await sandbox.requests()).map(q => q.path)
    expect(paths.filter(p => p === LOGIN_PATH)).toHaveLength(1)
    expect(paths.filter(p => p.includes('/maestro/version'))).toEqual([])
    expectNoSecretIn(results, carried[TOKEN])
  })
})

describe('the token expires mid-job', () => {
  const createTask = (env: Record<string, string> = {}): JobStep => ({
    actionDir: actionDir('create-task'),
    inputs: { 'activity-label': AUTOMATION },
    env,
    before: async () => {
      await sandbox.expireTokens()
      await sandbox.clearRequests()
    }
  })

  it('with a key: the step logs in again once and carries on', async () => {
    // The key comes from the job's env, as with `env: BOTCITY_KEY: ${{ secrets.BOTCITY_KEY }}`.
    const { results, carried } = await runJob([
      loginStep(),
      createTask({ BOTCITY_KEY: sandbox.key })
    ])
    expect(errorsOf(results)).toEqual([])
    expect((await sandbox.requests()).map(describeRequest)).toEqual([
      'POST /api/v2/task 401',
      `POST ${LOGIN_PATH} 200`,
      expect.stringMatching(/^POST \/api\/v2\/task 20\d$/)
    ])
    expect((await sandbox.state()).tasks).toHaveLength(1)
    expectNoSecretIn(results, carried[TOKEN])
  })

  it('with a key, between the two calls of one step: the second call is sent again', async () => {
    const taskId = await newTaskId()
    const workspace = mkdtempSync(join(tmpdir(), 'reuse-ws-'))
    writeFileSync(join(workspace, 'result.txt'), 'result\n')
    const { results, carried } = await runJob(
      [
        loginStep(),
        {
          actionDir: actionDir('post-artifact'),
          inputs: { 'task-id': taskId, path: 'result.txt' },
          env: { BOTCITY_KEY: sandbox.key },
          before: async () => {
            await sandbox.expireTokens(1) // the record is created, then the token expires
            await sandbox.clearRequests()
          }
        }
      ],
      workspace
    )
    expect(errorsOf(results)).toEqual([])
    expect(
      (await sandbox.requests()).map(q => `${q.path.replace(/\d+$/, 'N')} ${q.status}`)
    ).toEqual([
      expect.stringMatching(/^\/api\/v2\/artifact 20\d$/),
      '/api/v2/artifact/log/N 401',
      `${LOGIN_PATH} 200`,
      expect.stringMatching(/^\/api\/v2\/artifact\/log\/N 20\d$/)
    ])
    expectNoSecretIn(results, carried[TOKEN])
  })

  it('without a key: one error that says the token expired and how to fix it', async () => {
    const { results, carried } = await runJob([loginStep(), createTask()])
    const r = results[1]
    expect(r.exitCode).toBe(1)
    const errors = commandsOf(r, 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0].properties.title).toMatch(/failed$/)
    expect(errors[0].data).toMatch(/HTTP 401/)
    expect(errors[0].data).toMatch(/BOTCITY_ACCESS_TOKEN .*expired or is invalid/)
    expect(errors[0].data).toMatch(/run the login action again/)
    expect(errors[0].data).toMatch(/'access-key' input or the BOTCITY_KEY environment variable/)
    expect((await sandbox.requests()).map(describeRequest)).toEqual(['POST /api/v2/task 401'])
    expect((await sandbox.state()).tasks).toHaveLength(0)
    expectNoSecretIn(results, carried[TOKEN])
  })
})
