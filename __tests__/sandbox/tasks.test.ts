import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { harness, type Harness } from './helpers.js'

let h: Harness
beforeAll(async () => {
  h = await harness({ automations: ['demo-bot', 'other-bot'] })
})
afterAll(() => h.sb.close())

const create = (body: object) => h.call('POST', '/api/v2/task', body)

describe('create task', () => {
  it('returns the full Task in START', async () => {
    const r = await create({
      activityLabel: 'demo-bot',
      parameters: { a: '1', n: 2 },
      test: true,
      priority: 7,
      minExecutionDate: '2030-01-02T03:04:05Z'
    })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({
      state: 'START',
      parameters: { a: '1', n: 2 },
      test: true,
      priority: 7,
      activityLabel: 'demo-bot',
      minExecutionDate: '2030-01-02T03:04:05.000Z',
      finishStatus: null,
      totalItems: null,
      processedItems: null,
      failedItems: null,
      interrupted: false,
      killed: false
    })
    expect(Number.isInteger(r.body.id)).toBe(true)
    for (const f of [
      'organizationLabel',
      'dateCreation',
      'dateLastModified',
      'dateStartRunning',
      'machineId'
    ]) {
      expect(r.body).toHaveProperty(f)
    }
  })

  it('reads a naive minExecutionDate (Python isoformat) as UTC', async () => {
    const r = await create({
      activityLabel: 'demo-bot',
      minExecutionDate: '2031-05-06T07:08:09.123456'
    })
    expect(r.status).toBe(200)
    expect(r.body.minExecutionDate).toBe('2031-05-06T07:08:09.123Z')
    const offset = await create({
      activityLabel: 'demo-bot',
      minExecutionDate: '2031-05-06T07:08:09-03:00'
    })
    expect(offset.body.minExecutionDate).toBe('2031-05-06T10:08:09.000Z')
  })

  it('404s naming an automation that does not exist', async () => {
    const r = await create({ activityLabel: 'ghost-bot' })
    expect(r.status).toBe(404)
    expect(r.body.message).toContain("'ghost-bot'")
  })

  it.each([
    [{}, /activityLabel/],
    [{ activityLabel: 'demo-bot', priority: 11 }, /priority.*0 and 10/],
    [{ activityLabel: 'demo-bot', priority: -1 }, /priority/],
    [{ activityLabel: 'demo-bot', test: 'yes' }, /test/],
    [{ activityLabel: 'demo-bot', minExecutionDate: 'soon' }, /minExecutionDate/],
    [{ activityLabel: 'demo-bot', parameters: [1] }, /parameters/]
  ])('400s on %j', async (body, message) => {
    const r = await create(body)
    expect(r.status).toBe(400)
    expect(r.body.message).toMatch(message)
  })

  it('400s on invalid JSON', async () => {
    const r = await h.call('POST', '/api/v2/task', '{"activityLabel": ', {
      ...h.auth,
      'content-type': 'application/json'
    })
    expect(r.status).toBe(400)
    expect(r.body.message).toMatch(/JSON/)
  })
})

describe('read task', () => {
  it('reads by numeric id and by numeric string id', async () => {
    const t = (await create({ activityLabel: 'demo-bot' })).body
    const r = await h.call('GET', `/api/v2/task/${t.id}`)
    expect(r.status).toBe(200)
    expect(r.body.id).toBe(t.id)
    const padded = await h.call('GET', `/api/v2/task/00${t.id}`)
    expect(padded.body.id).toBe(t.id)
  })

  it('404s naming the id, 400s on a non-numeric id', async () => {
    const r = await h.call('GET', '/api/v2/task/99999')
    expect(r.status).toBe(404)
    expect(r.body.message).toContain('99999')
    expect((await h.call('GET', '/api/v2/task/abc')).status).toBe(400)
  })
})

describe('task state changes', () => {
  it('finishes with status, message and consistent items', async () => {
    const t = (await create({ activityLabel: 'demo-bot' })).body
    const r = await h.call('POST', `/api/v2/task/${t.id}`, {
      state: 'FINISHED',
      finishStatus: 'PARTIALLY_COMPLETED',
      finishMessage: 'some failed',
      totalItems: 10,
      processedItems: 7,
      failedItems: 3
    })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({
      state: 'FINISHED',
      finishStatus: 'PARTIALLY_COMPLETED',
      finishMessage: 'some failed',
      totalItems: 10,
      processedItems: 7,
      failedItems: 3
    })
    expect((await h.call('GET', `/api/v2/task/${t.id}`)).body.state).toBe('FINISHED')
  })

  it('accepts enums as integers and ids as strings (C# SDK)', async () => {
    const t = (await create({ activityLabel: 'demo-bot' })).body
    const r = await h.call('POST', `/api/v2/task/${String(t.id)}`, {
      state: 2,
      finishStatus: 1,
      totalItems: null,
      processedItems: null,
      failedItems: null
    })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ state: 'FINISHED', finishStatus: 'FAILED', totalItems: null })
  })

  it('400s on inconsistent items, bad enums and a finish without status', async () => {
    const t = (await create({ activityLabel: 'demo-bot' })).body
    const path = `/api/v2/task/${t.id}`
    const items = await h.call('POST', path, {
      state: 'FINISHED',
      finishStatus: 'SUCCESS',
      totalItems: 5,
      processedItems: 3,
      failedItems: 1
    })
    expect(items.status).toBe(400)
    expect(items.body.message).toMatch(/totalItems \(5\)/)
    const badStatus = await h.call('POST', path, { state: 'FINISHED', finishStatus: 'GREAT' })
    expect(badStatus.status).toBe(400)
    expect(badStatus.body.message).toMatch(/finishStatus.*GREAT/)
    const badState = await h.call('POST', path, { state: 7 })
    expect(badState.status).toBe(400)
    const noStatus = await h.call('POST', path, { state: 'FINISHED' })
    expect(noStatus.status).toBe(400)
    // None of the rejected calls changed the task.
    expect((await h.call('GET', path)).body.state).toBe('START')
  })

  it('restarts, interrupts, kills and cancels', async () => {
    const t = (await create({ activityLabel: 'demo-bot' })).body
    const path = `/api/v2/task/${t.id}`
    await h.call('POST', path, { state: 'FINISHED', finishStatus: 'FAILED' })
    const restarted = await h.call('POST', path, { state: 'START' })
    expect(restarted.body).toMatchObject({ state: 'START', finishStatus: null })
    const interrupted = await h.call('POST', path, { interrupted: true })
    expect(interrupted.body.interrupted).toBe(true)
    const killed = await h.call('POST', path, { interrupted: true, killed: true })
    expect(killed.body.killed).toBe(true)
    const canceled = await h.call('POST', path, { state: 'CANCELED' })
    expect(canceled.body.state).toBe('CANCELED')
  })

  it('404s on an unknown task', async () => {
    const r = await h.call('POST', '/api/v2/task/424242', {
      state: 'FINISHED',
      finishStatus: 'SUCCESS'
    })
    expect(r.status).toBe(404)
    expect(r.body.message).toContain('424242')
  })
})

describe('list tasks', () => {
  it('returns a Spring Page with paging, sorting and filters', async () => {
    await h.control('POST', '/reset')
    await h.login()
    const ids: number[] = []
    for (let i = 0; i < 5; i++) {
      ids.push(
        (await create({ activityLabel: i % 2 ? 'other-bot' : 'demo-bot', priority: i })).body.id
      )
    }
    const p0 = await h.call('GET', '/api/v2/task?page=0&size=2&sort=priority,desc')
    expect(p0.status).toBe(200)
    expect(p0.body).toMatchObject({
      totalElements: 5,
      totalPages: 3,
      number: 0,
      size: 2,
      numberOfElements: 2,
      first: true,
      last: false,
      empty: false
    })
    expect(p0.body.content.map((t: { priority: number }) => t.priority)).toEqual([4, 3])
    expect(p0.body).toHaveProperty('sort')
    expect(p0.body).toHaveProperty('pageable')
    const last = await h.call('GET', '/api/v2/task?page=2&size=2&sort=priority,desc')
    expect(last.body).toMatchObject({ numberOfElements: 1, last: true, first: false })
    const byLabel = await h.call('GET', '/api/v2/task?activityLabel=other-bot')
    expect(byLabel.body.totalElements).toBe(2)
    await h.call('POST', `/api/v2/task/${ids[0]}`, { state: 'FINISHED', finishStatus: 'SUCCESS' })
    const finished = await h.call('GET', '/api/v2/task?stateFilter=FINISHED&days=1')
    expect(finished.body.content.map((t: { id: number }) => t.id)).toEqual([ids[0]])
    const newest = await h.call('GET', '/api/v2/task?size=1')
    expect(newest.body.content[0].id).toBe(ids[4])
    expect((await h.call('GET', '/api/v2/task?size=abc')).status).toBe(400)
  })
})
