import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { harness, raw, sleep, type Harness } from './helpers.js'

let h: Harness
beforeAll(async () => {
  h = await harness({ login: 'ctl', key: 'super-secret-key-123' })
})
afterAll(() => h.sb.close())
afterEach(async () => {
  await h.control('DELETE', '/faults')
})

const taskCount = async () => (await h.control('GET', '/state')).body.tasks.length
const newTask = async () =>
  (await h.call('POST', '/api/v2/task', { activityLabel: 'demo-bot' })).body
const rawHeaders = () => ({ ...h.auth, 'content-type': 'application/json' })

describe('faults', () => {
  it('answers with an injected status and Retry-After without running the handler', async () => {
    const before = await taskCount()
    const added = await h.control('POST', '/faults', {
      method: 'POST',
      path: '/api/v2/task',
      status: 503,
      retryAfter: '3'
    })
    expect(typeof added.body.id).toBe('number')
    const r = await h.call('POST', '/api/v2/task', { activityLabel: 'demo-bot' })
    expect(r.status).toBe(503)
    expect(r.headers.get('retry-after')).toBe('3')
    expect(r.body).toMatchObject({ status: 503, message: 'Injected fault', path: '/api/v2/task' })
    expect(await taskCount()).toBe(before)
    // times defaults to 1: the next call goes through.
    expect((await h.call('POST', '/api/v2/task', { activityLabel: 'demo-bot' })).status).toBe(200)
    expect(await taskCount()).toBe(before + 1)
  })

  it('uses a custom body, counts times, and matches * within a segment, ** across', async () => {
    const t = await newTask()
    await h.control('POST', '/faults', {
      path: '/api/v2/task/*',
      status: 500,
      times: 2,
      body: { message: 'boom' }
    })
    const a = await h.call('GET', `/api/v2/task/${t.id}`)
    expect(a.status).toBe(500)
    expect(a.body).toEqual({ message: 'boom' })
    expect((await h.control('GET', '/faults')).body[0]).toMatchObject({ remaining: 1, used: 1 })
    // '*' does not cross '/': a deeper path is not matched.
    expect((await h.call('GET', `/api/v2/task`)).status).toBe(200)
    expect((await h.call('GET', `/api/v2/task/${t.id}`)).status).toBe(500)
    expect((await h.call('GET', `/api/v2/task/${t.id}`)).status).toBe(200)
    expect((await h.control('GET', '/faults')).body).toEqual([])

    await h.control('POST', '/faults', { path: '/api/**', status: 502, times: 0 })
    for (let i = 0; i < 3; i++)
      expect((await h.call('GET', `/api/v2/task/${t.id}`)).status).toBe(502)
    expect((await h.call('GET', '/api/v2/maestro/version', undefined, {})).status).toBe(502)
    await h.control('DELETE', '/faults')
    expect((await h.call('GET', `/api/v2/task/${t.id}`)).status).toBe(200)
  })

  it('matches the method when given, and faults in order of creation', async () => {
    const t = await newTask()
    await h.control('POST', '/faults', { method: 'POST', path: '/api/v2/task/*', status: 418 })
    await h.control('POST', '/faults', { path: '/api/v2/task/*', status: 429 })
    await h.control('POST', '/faults', { path: '/api/v2/task/*', status: 500 })
    expect((await h.call('GET', `/api/v2/task/${t.id}`)).status).toBe(429)
    expect((await h.call('GET', `/api/v2/task/${t.id}`)).status).toBe(500)
    expect((await h.call('GET', `/api/v2/task/${t.id}`)).status).toBe(200)
  })

  it('delays the response, then answers normally', async () => {
    const t = await newTask()
    await h.control('POST', '/faults', { path: '/api/v2/task/*', delayMs: 300 })
    const started = Date.now()
    const r = await h.call('GET', `/api/v2/task/${t.id}`)
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
    expect(r.status).toBe(200)
    expect(r.body.id).toBe(t.id)
  })

  it('delays, then answers with the injected status', async () => {
    await h.control('POST', '/faults', {
      path: '/api/v2/task',
      delayMs: 200,
      status: 429,
      retryAfter: '1'
    })
    const started = Date.now()
    const r = await h.call('GET', '/api/v2/task')
    expect(Date.now() - started).toBeGreaterThanOrEqual(190)
    expect(r.status).toBe(429)
    expect(r.headers.get('retry-after')).toBe('1')
    const log = (await h.control('GET', '/requests')).body
    expect(log[log.length - 1]).toMatchObject({ path: '/api/v2/task', status: 429 })
  })

  it('sends an HTTP-date Retry-After counted from the answer, not from the set-up', async () => {
    await h.control('POST', '/faults', {
      path: '/api/v2/task',
      delayMs: 1200,
      status: 503,
      retryAfterDate: 2
    })
    const r = await h.call('GET', '/api/v2/task')
    const answered = Date.now()
    expect(r.status).toBe(503)
    const header = r.headers.get('retry-after') ?? ''
    expect(header).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/)
    // Rounded up to a whole second: at least 2 s after the answer (set up 1.2 s before it).
    const wait = Date.parse(header) - answered
    expect(wait).toBeGreaterThan(1900)
    expect(wait).toBeLessThanOrEqual(3000)
  })

  it('refuses retryAfter together with retryAfterDate', async () => {
    const r = await h.control('POST', '/faults', {
      path: '/api/v2/task',
      status: 429,
      retryAfter: '1',
      retryAfterDate: 1
    })
    expect(r.status).toBe(400)
    expect(r.body.message).toBe('A fault takes at most one of retryAfter and retryAfterDate')
    expect((await h.control('GET', '/faults')).body).toEqual([])
  })

  it('answers with a text body when the fault gives a string', async () => {
    await h.control('POST', '/faults', {
      path: '/api/v2/task',
      status: 502,
      body: '<html>Bad Gateway</html>'
    })
    const r = await h.call('GET', '/api/v2/task')
    expect(r.status).toBe(502)
    expect(r.text).toBe('<html>Bad Gateway</html>')
  })

  it('resets before the response: nothing executed, ECONNRESET', async () => {
    const before = await taskCount()
    await h.control('POST', '/faults', { path: '/api/v2/task', reset: 'before-response' })
    const r = await raw(
      h.sb.url,
      'POST',
      '/api/v2/task',
      rawHeaders(),
      JSON.stringify({ activityLabel: 'demo-bot' })
    )
    expect(r.status).toBeUndefined()
    expect(r.error?.code).toBe('ECONNRESET')
    expect(r.error?.message).not.toMatch(/hang up/) // an RST, not a clean close
    expect(await taskCount()).toBe(before)
  })

  it('resets during the request after afterBytes of the body', async () => {
    const before = await taskCount()
    await h.control('POST', '/faults', {
      path: '/api/v2/task',
      reset: 'during-request',
      afterBytes: 100
    })
    const body = JSON.stringify({
      activityLabel: 'demo-bot',
      parameters: { pad: 'x'.repeat(200_000) }
    })
    const r = await raw(h.sb.url, 'POST', '/api/v2/task', rawHeaders(), body)
    expect(r.status).toBeUndefined()
    expect(['ECONNRESET', 'EPIPE']).toContain(r.error?.code)
    expect(await taskCount()).toBe(before)
    const log = (await h.control('GET', '/requests')).body
    const last = log[log.length - 1]
    expect(last.status).toBeNull()
    expect(last.bodyBytes).toBeGreaterThanOrEqual(100)
    expect(last.bodyBytes).toBeLessThan(Buffer.byteLength(body))
  })

  it('resets during the response after afterBytes, with the handler executed', async () => {
    const before = await taskCount()
    await h.control('POST', '/faults', {
      path: '/api/v2/task',
      reset: 'during-response',
      afterBytes: 10
    })
    const r = await raw(
      h.sb.url,
      'POST',
      '/api/v2/task',
      rawHeaders(),
      JSON.stringify({ activityLabel: 'demo-bot' })
    )
    expect(r.status).toBe(200)
    expect(r.error?.code).toBe('ECONNRESET')
    expect(r.error?.message).not.toMatch(/hang up/)
    expect(r.body.length).toBe(10)
    expect(await taskCount()).toBe(before + 1)
  })

  it('truncates: full Content-Length, half the body, then the connection ends', async () => {
    const t = await newTask()
    await h.control('POST', '/faults', { path: '/api/v2/task/*', truncate: true })
    const r = await raw(h.sb.url, 'GET', `/api/v2/task/${t.id}`, h.auth)
    const full = JSON.stringify((await h.call('GET', `/api/v2/task/${t.id}`)).body)
    expect(r.status).toBe(200)
    expect(Number(r.headers?.['content-length'])).toBeGreaterThan(r.body.length)
    expect(r.body.length).toBe(Math.floor(Number(r.headers?.['content-length']) / 2))
    expect(full.startsWith(r.body.toString())).toBe(true)
    expect(r.error).toBeDefined()
  })

  it('rejects malformed fault specs', async () => {
    expect((await h.control('POST', '/faults', {})).status).toBe(400)
    expect((await h.control('POST', '/faults', { path: '/x', reset: 'sometimes' })).status).toBe(
      400
    )
    expect(
      (await h.control('POST', '/faults', { path: '/x', status: 503, truncate: true })).status
    ).toBe(400)
  })
})

describe('token expiry', () => {
  it('expires every token now; a new login works', async () => {
    await h.login()
    expect((await h.call('GET', '/api/v2/task')).status).toBe(200)
    await h.control('POST', '/tokens/expire', {})
    const r = await h.call('GET', '/api/v2/task')
    expect(r.status).toBe(401)
    await h.login()
    expect((await h.call('GET', '/api/v2/task')).status).toBe(200)
  })

  it('expires existing tokens after N more authenticated calls', async () => {
    await h.login()
    await h.control('POST', '/tokens/expire', { afterCalls: 2 })
    expect((await h.call('GET', '/api/v2/task')).status).toBe(200)
    expect(
      (await h.call('GET', '/api/v2/task', undefined, { authorization: `Bearer ${h.token}` }))
        .status
    ).toBe(200)
    expect((await h.call('GET', '/api/v2/task')).status).toBe(401)
    expect((await h.call('GET', '/api/v2/task')).status).toBe(401)
    await h.login()
    expect((await h.call('GET', '/api/v2/task')).status).toBe(200)
  })
})

describe('request log', () => {
  it('records API calls with redacted secrets and never the login body', async () => {
    await h.control('DELETE', '/requests')
    await h.login()
    await h.call('GET', '/api/v2/task?size=3&sort=id,desc', undefined, {
      ...h.auth,
      cookie: 'session=abc'
    })
    await h.call('GET', '/api/v2/task', undefined, { authorization: `Bearer ${h.token}` })
    const r = await h.control('GET', '/requests')
    expect(r.status).toBe(200)
    expect(r.body).toHaveLength(3)
    const [login, list, bearer] = r.body
    expect(login).toMatchObject({ method: 'POST', path: '/api/v2/workspace/login', status: 200 })
    expect(login.bodyBytes).toBeGreaterThan(0)
    expect(list).toMatchObject({
      method: 'GET',
      path: '/api/v2/task',
      query: { size: '3', sort: 'id,desc' }
    })
    expect(list.headers.token).toBe('[redacted]')
    expect(list.headers.cookie).toBe('[redacted]')
    expect(list.headers.organization).toBe('ctl')
    expect(bearer.headers.authorization).toBe('[redacted]')
    expect(list.seq).toBeLessThan(bearer.seq)
    expect(typeof list.durationMs).toBe('number')
    expect(list.at).toBeGreaterThanOrEqual(login.at)
    expect(Math.abs(Date.now() - list.at)).toBeLessThan(10_000)
    const dump = r.text
    expect(dump).not.toContain('super-secret-key-123')
    expect(dump).not.toContain(h.token)
    await h.control('DELETE', '/requests')
    expect((await h.control('GET', '/requests')).body).toEqual([])
  })
})

describe('Runner', () => {
  it('moves a task START -> RUNNING -> FINISHED on a schedule', async () => {
    const t = await newTask()
    const r = await h.control('POST', `/tasks/${t.id}/run`, {
      finishStatus: 'PARTIALLY_COMPLETED',
      finishMessage: 'done-ish',
      runningAfterMs: 200,
      finishAfterMs: 1500,
      totalItems: 4,
      processedItems: 3,
      failedItems: 1
    })
    const started = Date.now()
    expect(r.status).toBe(202)
    expect(r.body).toEqual({ id: t.id })
    const first = (await h.call('GET', `/api/v2/task/${t.id}`)).body
    if (Date.now() - started < 200) expect(first.state).toBe('START')
    // Wide windows so a loaded machine does not flake: RUNNING from 200 ms to 1700 ms.
    await sleep(400)
    const running = (await h.call('GET', `/api/v2/task/${t.id}`)).body
    expect(running.state).toBe('RUNNING')
    expect(running.dateStartRunning).not.toBeNull()
    expect(running.finishStatus).toBeNull()
    let state = running.state
    while (state !== 'FINISHED' && Date.now() - started < 5000) {
      await sleep(100)
      state = (await h.call('GET', `/api/v2/task/${t.id}`)).body.state
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(1700)
    const done = (await h.call('GET', `/api/v2/task/${t.id}`)).body
    expect(done).toMatchObject({
      state: 'FINISHED',
      finishStatus: 'PARTIALLY_COMPLETED',
      finishMessage: 'done-ish',
      totalItems: 4,
      processedItems: 3,
      failedItems: 1
    })
  })

  it('finishes after a number of reads when asked (finishAfterReads), each read answered first', async () => {
    const t = await newTask()
    await h.control('POST', `/tasks/${t.id}/run`, { finishStatus: 'SUCCESS', finishAfterReads: 2 })
    const states: string[] = []
    for (let i = 0; i < 3; i++) {
      states.push((await h.call('GET', `/api/v2/task/${t.id}`)).body.state)
      await sleep(20)
    }
    expect(states).toEqual(['RUNNING', 'RUNNING', 'FINISHED'])
    expect((await h.call('GET', `/api/v2/task/${t.id}`)).body.finishStatus).toBe('SUCCESS')
  })

  it('finishes at once by default; 404 for an unknown task, 400 for a bad status', async () => {
    const t = await newTask()
    await h.control('POST', `/tasks/${t.id}/run`, { finishStatus: 'SUCCESS' })
    expect((await h.call('GET', `/api/v2/task/${t.id}`)).body).toMatchObject({
      state: 'FINISHED',
      finishStatus: 'SUCCESS'
    })
    expect((await h.control('POST', '/tasks/9999/run', { finishStatus: 'SUCCESS' })).status).toBe(
      404
    )
    expect((await h.control('POST', `/tasks/${t.id}/run`, { finishStatus: 'MEH' })).status).toBe(
      400
    )
  })
})

describe('Runner and a user changing the task', () => {
  const get = async (id: number) => (await h.call('GET', `/api/v2/task/${id}`)).body

  it('a bot that watches interrupted stops when asked and finishes with interruptStatus', async () => {
    const t = await newTask()
    await h.control('POST', `/tasks/${t.id}/run`, {
      finishStatus: 'SUCCESS',
      finishAfterMs: 60_000,
      interruptStatus: 'FAILED'
    })
    expect((await get(t.id)).state).toBe('RUNNING')
    const reply = await h.call('POST', `/api/v2/task/${t.id}`, { interrupted: true })
    // The interrupt only asks: the reply still shows the task running.
    expect(reply.body).toMatchObject({ state: 'RUNNING', interrupted: true })
    let task = await get(t.id)
    for (let i = 0; i < 50 && task.state !== 'FINISHED'; i++) {
      await sleep(20)
      task = await get(t.id)
    }
    expect(task).toMatchObject({
      state: 'FINISHED',
      finishStatus: 'FAILED',
      finishMessage: 'Interrupted on request',
      interrupted: true,
      totalItems: null
    })
  })

  it('a bot without interruptStatus never looks: it runs on and finishes as planned', async () => {
    const t = await newTask()
    await h.call('POST', `/api/v2/task/${t.id}`, { interrupted: true })
    await h.control('POST', `/tasks/${t.id}/run`, { finishStatus: 'SUCCESS', finishAfterMs: 100 })
    await sleep(300)
    expect(await get(t.id)).toMatchObject({ state: 'FINISHED', finishStatus: 'SUCCESS' })
  })

  it('a task interrupted while queued stops as soon as the bot starts', async () => {
    const t = await newTask()
    await h.call('POST', `/api/v2/task/${t.id}`, { interrupted: true })
    await h.control('POST', `/tasks/${t.id}/run`, {
      finishStatus: 'SUCCESS',
      finishAfterMs: 60_000,
      interruptStatus: 'PARTIALLY_COMPLETED'
    })
    await sleep(100)
    expect(await get(t.id)).toMatchObject({
      state: 'FINISHED',
      finishStatus: 'PARTIALLY_COMPLETED'
    })
  })

  it('a restart voids the earlier run: its timers do not finish the restarted task', async () => {
    const t = await newTask()
    await h.control('POST', `/tasks/${t.id}/run`, {
      finishStatus: 'FAILED',
      runningAfterMs: 150,
      finishAfterMs: 150
    })
    await h.call('POST', `/api/v2/task/${t.id}`, { state: 'CANCELED' })
    await h.call('POST', `/api/v2/task/${t.id}`, { state: 'START' })
    await sleep(500)
    expect(await get(t.id)).toMatchObject({ state: 'START', finishStatus: null })
    // and the restarted task can be played again
    await h.control('POST', `/tasks/${t.id}/run`, { finishStatus: 'SUCCESS' })
    expect(await get(t.id)).toMatchObject({ state: 'FINISHED', finishStatus: 'SUCCESS' })
  })

  it('a cancelled queued task is never picked up', async () => {
    const t = await newTask()
    await h.control('POST', `/tasks/${t.id}/run`, { finishStatus: 'SUCCESS', runningAfterMs: 100 })
    await h.call('POST', `/api/v2/task/${t.id}`, { state: 'CANCELED' })
    await sleep(300)
    expect(await get(t.id)).toMatchObject({ state: 'CANCELED', dateStartRunning: null })
    expect(
      (await h.control('POST', `/tasks/${t.id}/run`, { finishStatus: 'SUCCESS' })).status
    ).toBe(409)
  })
})

describe('state and reset', () => {
  it('dumps every collection and resets to the seed', async () => {
    await newTask()
    const s = (await h.control('GET', '/state')).body
    for (const k of [
      'tasks',
      'logs',
      'alerts',
      'messages',
      'artifacts',
      'errors',
      'credentials',
      'datapools',
      'bots'
    ]) {
      expect(Array.isArray(s[k])).toBe(true)
    }
    expect(s.tasks.length).toBeGreaterThan(0)
    expect((await h.control('POST', '/reset')).status).toBe(204)
    expect((await h.control('GET', '/state')).body.tasks).toEqual([])
    // A reset is a fresh server: old tokens are gone, the seeded login still works.
    expect((await h.call('GET', '/api/v2/task')).status).toBe(401)
    await h.login()
    expect((await h.call('GET', '/api/v2/task')).status).toBe(200)
  })

  it('reports memory figures for the benchmark', async () => {
    const s = (await h.control('GET', '/stats')).body
    expect(s.peakRss).toBeGreaterThan(s.heapUsed)
  })
})
