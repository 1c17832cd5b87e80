// The client against a running sandbox: version, login, tasks, auth renewal, retries and faults.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import {
  MaestroHttpError,
  MaestroInputError,
  MaestroNetworkError,
  type Task
} from '../../src/maestro/index.js'
import { expectNoSecrets, failure, startHarness, type Harness } from './sandbox-harness.js'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h.close()
})
beforeEach(async () => {
  await h.control('DELETE', '/faults')
  await h.control('DELETE', '/requests')
  h.logs.length = 0
  h.sleeps.length = 0
})

const apiCalls = async () =>
  (await h.requests())
    .filter(r => r.path.startsWith('/api/'))
    .map(r => `${r.method} ${r.path} ${r.status}`)

describe('version and login', () => {
  test('getVersion needs no login; login hands the token to onSecret', async () => {
    const c = h.client()
    await expect(c.getVersion()).resolves.toMatchObject({
      version: expect.stringMatching(/^\d+\.\d+\.\d+/)
    })
    expect(c.accessToken).toBeUndefined()
    const r = await c.login()
    expect(r.accessToken).toBeTruthy()
    expect(r.organizationLabel).toBe('acme')
    expect(h.secrets.has(r.accessToken)).toBe(true)
    expect(c.accessToken).toBe(r.accessToken)
    expect(await apiCalls()).toEqual([
      'GET /api/v2/maestro/version 200',
      'POST /api/v2/workspace/login 200'
    ])
  })

  test('the first call logs in lazily: exactly two requests, no version probe', async () => {
    const c = h.client()
    const task = await c.createTask({ activityLabel: 'deploy-bot' })
    const calls = await apiCalls()
    expect(calls.map(x => x.replace(/ \d+$/, ''))).toEqual([
      'POST /api/v2/workspace/login',
      'POST /api/v2/task'
    ])
    expect(calls.every(x => / 2\d\d$/.test(x))).toBe(true)
    expect(task.state).toBe('START')
  })

  test('a wrong key: 401 with a hint about login and key, key never shown', async () => {
    const c = h.client({ key: 'wrong-key-123456' })
    h.secrets.add('wrong-key-123456')
    const e = await failure(c.getTask(1))
    expect(e).toBeInstanceOf(MaestroHttpError)
    expect((e as MaestroHttpError).status).toBe(401)
    expect(e.message).toMatch(
      /^Could not log in to http:\/\/127\.0\.0\.1:\d+ as 'acme': HTTP 401 Unauthorized: .+ Hint: check the login/
    )
    expectNoSecrets(h, e)
  })

  test('tokens expire: one new login, the call succeeds', async () => {
    const c = h.client()
    await c.login()
    const first = c.accessToken
    await h.control('POST', '/tokens/expire', {})
    const t = await c.createTask({ activityLabel: 'deploy-bot' })
    expect(t.id).toBeDefined()
    expect(c.accessToken).not.toBe(first)
    const calls = await apiCalls()
    expect(calls.map(x => x.replace(/ \d+$/, ''))).toEqual([
      'POST /api/v2/workspace/login',
      'POST /api/v2/task',
      'POST /api/v2/workspace/login',
      'POST /api/v2/task'
    ])
    expect(calls[1]).toMatch(/ 401$/)
    const tasks = (await h.state()).tasks.filter((x: Task) => x.id === t.id)
    expect(tasks).toHaveLength(1)
  })

  test('tokens expire after N calls: renewal mid-sequence', async () => {
    const c = h.client()
    const t = await c.createTask({ activityLabel: 'deploy-bot' })
    await h.control('POST', '/tokens/expire', { afterCalls: 1 })
    await c.getTask(t.id)
    await c.getTask(t.id)
    await c.getTask(t.id)
    const logins = (await h.requests()).filter(r => r.path === '/api/v2/workspace/login')
    expect(logins).toHaveLength(2)
  })

  test('a caller-given token without a key: an expired token is a clear error', async () => {
    const c0 = h.client()
    const { accessToken } = await c0.login()
    await h.control('POST', '/tokens/expire', {})
    const c = h.client({ key: undefined, accessToken })
    const e = await failure(c.getTask(1))
    expect(e).toBeInstanceOf(MaestroHttpError)
    expect(e.message).toMatch(/HTTP 401 Unauthorized.*Hint: the access token expired or is invalid/)
    expectNoSecrets(h, e)
  })
})

describe('tasks', () => {
  test('create, get, runner plays it, finish rules, restart, interrupt, cancel, list', async () => {
    const c = h.client()
    const t = await c.createTask({
      activityLabel: 'deploy-bot',
      parameters: { env: 'prod', n: 3 },
      priority: 5,
      test: true,
      minExecutionDate: new Date('2030-01-01T10:00:00+02:00')
    })
    expect(t).toMatchObject({
      activityLabel: 'deploy-bot',
      state: 'START',
      priority: 5,
      test: true
    })
    expect(t.parameters).toMatchObject({ env: 'prod', n: 3 })
    expect(t.minExecutionDate).toMatch(/^2030-01-01T08:00:00/)
    await expect(c.getTask(t.id)).resolves.toMatchObject({ id: t.id, state: 'START' })
    await expect(c.getTask(String(t.id))).resolves.toMatchObject({ id: t.id })

    const done = await c.finishTask(t.id, {
      finishStatus: 'PARTIALLY_COMPLETED',
      finishMessage: 'ok',
      totalItems: 10,
      failedItems: 2
    })
    expect(done).toMatchObject({
      state: 'FINISHED',
      finishStatus: 'PARTIALLY_COMPLETED',
      totalItems: 10,
      processedItems: 8,
      failedItems: 2
    })
    const sent = (await h.requests()).filter(
      r => r.method === 'POST' && r.path === `/api/v2/task/${t.id}`
    )
    expect(sent).toHaveLength(1)

    const none = await c.finishTask((await c.createTask({ activityLabel: 'deploy-bot' })).id, {
      finishStatus: 'SUCCESS'
    })
    expect(none).toMatchObject({ totalItems: null, processedItems: null, failedItems: null })
    expect(h.logs.some(l => /warning: Task \d+: No item counts/.test(l))).toBe(true)

    const r = await c.restartTask(t.id)
    expect(r.state).toBe('START')
    const i = await c.interruptTask(t.id)
    expect(i.interrupted).toBe(true)
    const x = await c.cancelTask(t.id)
    expect(x.state).toBe('CANCELED')

    const page = await c.listTasks({ activityLabel: 'deploy-bot', size: 100 })
    expect(page.content.some(p => p.id === t.id)).toBe(true)
    expect(typeof page.totalElements).toBe('number')
  })

  test('the runner moves a task START -> RUNNING -> FINISHED', async () => {
    const c = h.client()
    const t = await c.createTask({ activityLabel: 'report-bot' })
    await h.control('POST', `/tasks/${t.id}/run`, {
      finishStatus: 'SUCCESS',
      finishMessage: 'done'
    })
    await expect(c.getTask(t.id)).resolves.toMatchObject({
      state: 'FINISHED',
      finishStatus: 'SUCCESS',
      finishMessage: 'done'
    })
  })

  test('404: unknown automation and unknown task, with hints naming them', async () => {
    const c = h.client()
    const e = await failure(c.createTask({ activityLabel: 'no-such-bot' }))
    expect(e).toBeInstanceOf(MaestroHttpError)
    expect(e.message).toBe(
      "Could not create task for automation 'no-such-bot': HTTP 404 Not Found: Automation 'no-such-bot' not found. " +
        "Hint: check that automation 'no-such-bot' (the activity label) exists in this workspace (labels are case-sensitive)."
    )
    const e2 = await failure(c.getTask(987654))
    expect(e2.message).toMatch(
      /^Could not read task 987654: HTTP 404 Not Found: Task 987654 not found\. Hint: check that task 987654 exists/
    )
    expectNoSecrets(h, e)
    expectNoSecrets(h, e2)
  })

  test('400 from the server: Maestro message shown, no retry', async () => {
    const c = h.client()
    const t = await c.createTask({ activityLabel: 'deploy-bot' })
    await h.fault({
      method: 'POST',
      path: `/api/v2/task/${t.id}`,
      status: 400,
      body: { status: 400, error: 'Bad Request', message: 'finishStatus is wrong' }
    })
    const e = await failure(c.finishTask(t.id, { finishStatus: 'SUCCESS' }))
    expect(e.message).toMatch(
      /^Could not finish task \d+: HTTP 400 Bad Request: finishStatus is wrong\.$/
    )
    expect(h.sleeps).toEqual([])
  })

  test('caller mistakes are refused before sending', async () => {
    const c = h.client()
    const cases: [Promise<unknown>, string][] = [
      [c.createTask({ activityLabel: '' }), 'activityLabel'],
      [c.createTask({ activityLabel: 'deploy-bot', priority: 11 }), 'priority'],
      [c.getTask('abc'), 'taskId'],
      [c.finishTask(1, { finishStatus: 'DONE' as 'SUCCESS' }), 'finishStatus'],
      [c.finishTask(1, { finishStatus: 'SUCCESS', totalItems: 5 }), 'processedItems'],
      [
        c.finishTask(1, {
          finishStatus: 'SUCCESS',
          totalItems: 5,
          processedItems: 4,
          failedItems: 4
        }),
        'totalItems'
      ]
    ]
    for (const [p, field] of cases) {
      const e = await failure(p)
      expect(e).toBeInstanceOf(MaestroInputError)
      expect((e as MaestroInputError).field).toBe(field)
    }
    expect(await apiCalls()).toEqual([])
  })
})

describe('retries and faults', () => {
  test('429 with Retry-After on a create: waits what was asked, then succeeds, one task', async () => {
    const c = h.client()
    await c.login()
    const before = (await h.state()).tasks.length
    await h.fault({ method: 'POST', path: '/api/v2/task', status: 429, retryAfter: '3' })
    const t = await c.createTask({ activityLabel: 'deploy-bot' })
    expect(h.sleeps).toEqual([3000])
    expect((await h.state()).tasks.length).toBe(before + 1)
    expect(t.id).toBeDefined()
    expect(
      h.logs.some(l =>
        /info: create task for automation 'deploy-bot': attempt 1 of 4 failed \(HTTP 429\); retrying in 3 s\./.test(
          l
        )
      )
    ).toBe(true)
  })

  test('503 with an HTTP-date Retry-After on a GET', async () => {
    const c = h.client()
    const t = await c.createTask({ activityLabel: 'deploy-bot' })
    const at = new Date(Date.now() + 5000).toUTCString()
    await h.fault({ method: 'GET', path: '/api/v2/task/*', status: 503, retryAfter: at })
    await c.getTask(t.id)
    expect(h.sleeps).toHaveLength(1)
    expect(h.sleeps[0]).toBeGreaterThan(2000)
    expect(h.sleeps[0]).toBeLessThanOrEqual(5000)
  })

  test('a create is not retried after a reset before the response: exactly one attempt', async () => {
    const c = h.client()
    await c.login()
    await h.control('DELETE', '/requests')
    await h.fault({ method: 'POST', path: '/api/v2/task', reset: 'before-response' })
    const e = await failure(c.createTask({ activityLabel: 'deploy-bot' }))
    expect(e).toBeInstanceOf(MaestroNetworkError)
    expect((e as MaestroNetworkError).attempts).toBe(1)
    expect(e.message).toMatch(
      /^Could not create task for automation 'deploy-bot': network error \((ECONNRESET|UND_ERR_SOCKET)\)/
    )
    const posts = (await h.requests()).filter(r => r.method === 'POST' && r.path === '/api/v2/task')
    expect(posts).toHaveLength(1)
    expect(h.sleeps).toEqual([])
    expectNoSecrets(h, e)
  })

  test('a GET is retried after a reset and a 500', async () => {
    const c = h.client()
    const t = await c.createTask({ activityLabel: 'deploy-bot' })
    await h.fault({ method: 'GET', path: '/api/v2/task/*', reset: 'before-response' })
    await h.fault({ method: 'GET', path: '/api/v2/task/*', status: 500 })
    await expect(c.getTask(t.id)).resolves.toMatchObject({ id: t.id })
    expect(h.sleeps).toHaveLength(2)
  })

  test('a task state update is retried on 502 (idempotent)', async () => {
    const c = h.client()
    const t = await c.createTask({ activityLabel: 'deploy-bot' })
    await h.fault({
      method: 'POST',
      path: `/api/v2/task/${t.id}`,
      status: 502,
      body: '<html>Bad gateway</html>'
    })
    await expect(
      c.finishTask(t.id, { finishStatus: 'SUCCESS', totalItems: 1, processedItems: 1 })
    ).resolves.toMatchObject({ state: 'FINISHED' })
    expect(h.sleeps).toHaveLength(1)
  })

  test('persistent 500: gives up after the attempts budget with a server-trouble hint', async () => {
    const c = h.client({ retry: { attempts: 3 } })
    const t = await c.createTask({ activityLabel: 'deploy-bot' })
    await h.fault({ method: 'GET', path: '/api/v2/task/*', status: 500, times: 0 })
    const e = await failure(c.getTask(t.id))
    expect(e.message).toMatch(
      /HTTP 500 Internal Server Error: Injected fault \(after 3 attempts\)\. Hint: Maestro had a server-side problem/
    )
    expect(h.sleeps).toHaveLength(2)
  })

  test('per-request timeout: a GET times out and is retried', async () => {
    const c = h.client({ timeoutMs: 200, retry: { attempts: 2 } })
    const t = await c.createTask({ activityLabel: 'deploy-bot' })
    await h.fault({ method: 'GET', path: '/api/v2/task/*', delayMs: 1000 })
    await expect(c.getTask(t.id)).resolves.toMatchObject({ id: t.id })
    expect(h.logs.some(l => /failed \(TIMEOUT\)/.test(l))).toBe(true)
  })

  test('connection refused: a create is retried (never sent), then a clear error', async () => {
    const c = h.client({ server: 'http://127.0.0.1:9', retry: { attempts: 2 } })
    const e = await failure(c.createTask({ activityLabel: 'deploy-bot' }))
    expect(e).toBeInstanceOf(MaestroNetworkError)
    expect((e as MaestroNetworkError).code).toBe('ECONNREFUSED')
    expect((e as MaestroNetworkError).attempts).toBe(2)
    expectNoSecrets(h, e)
  })
})
