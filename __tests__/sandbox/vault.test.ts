import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { harness, type Harness } from './helpers.js'

let h: Harness
beforeAll(async () => {
  h = await harness({ credentials: { erp: { username: 'robot', password: 'pa:ss "w0rd"' } } })
})
afterAll(() => h.sb.close())

describe('credentials', () => {
  it('returns a seeded secret as raw text, not JSON', async () => {
    const r = await h.call('GET', '/api/v2/credential/erp/key/password')
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toMatch(/^text\/plain/)
    expect(r.text).toBe('pa:ss "w0rd"')
  })

  it('returns the set with its secrets', async () => {
    const r = await h.call('GET', '/api/v2/credential/erp')
    expect(r.status).toBe(200)
    expect(r.body.label).toBe('erp')
    expect(r.body.secrets).toEqual([
      { key: 'username', value: 'robot', valid: true },
      { key: 'password', value: 'pa:ss "w0rd"', valid: true }
    ])
  })

  it('404s naming an unknown label or key', async () => {
    const set = await h.call('GET', '/api/v2/credential/nope')
    expect(set.status).toBe(404)
    expect(set.body.message).toContain("'nope'")
    const key = await h.call('GET', '/api/v2/credential/erp/key/token')
    expect(key.status).toBe(404)
    expect(key.body.message).toContain("'token'")
    expect(key.body.message).toContain("'erp'")
    expect((await h.call('GET', '/api/v2/credential/nope/key/x')).status).toBe(404)
  })

  it('follows the SDK create flow: create the set, then add keys', async () => {
    const created = await h.call('POST', '/api/v2/credential', {
      label: 'fresh-set',
      secrets: [{ key: 'a', value: '1', valid: true }]
    })
    expect(created.status).toBe(200)
    // The C# form: no `valid`, plus repositoryLabel.
    const cs = await h.call('POST', '/api/v2/credential', {
      label: 'cs-set',
      repositoryLabel: 'DEFAULT',
      secrets: [{ key: 'k', value: 'v' }]
    })
    expect(cs.body.secrets).toEqual([{ key: 'k', value: 'v', valid: true }])
    // 201: an older Python SDK accepts nothing else for an added key.
    expect(
      (await h.call('POST', '/api/v2/credential/fresh-set/key', { key: 'b', value: '2' })).status
    ).toBe(201)
    expect((await h.call('GET', '/api/v2/credential/fresh-set/key/b')).text).toBe('2')
    // Adding an existing key replaces its value.
    await h.call('POST', '/api/v2/credential/fresh-set/key', { key: 'a', value: 'one' })
    expect((await h.call('GET', '/api/v2/credential/fresh-set/key/a')).text).toBe('one')
    expect(
      (await h.call('POST', '/api/v2/credential', { label: 'fresh-set', secrets: [] })).status
    ).toBe(409)
    expect(
      (await h.call('POST', '/api/v2/credential/ghost/key', { key: 'b', value: '2' })).status
    ).toBe(404)
  })

  it('stores a number or boolean value as text (the JS SDK types value as any)', async () => {
    await h.call('POST', '/api/v2/credential', {
      label: 'typed',
      secrets: [{ key: 'pin', value: 1234 }]
    })
    await h.call('POST', '/api/v2/credential/typed/key', { key: 'flag', value: true })
    expect((await h.call('GET', '/api/v2/credential/typed/key/pin')).text).toBe('1234')
    expect((await h.call('GET', '/api/v2/credential/typed/key/flag')).text).toBe('true')
    expect(
      (await h.call('POST', '/api/v2/credential/typed/key', { key: 'o', value: { a: 1 } })).status
    ).toBe(400)
  })

  it('replaces a whole set', async () => {
    await h.call('POST', '/api/v2/credential', {
      label: 'swap',
      secrets: [{ key: 'old', value: 'x' }]
    })
    const r = await h.call('POST', '/api/v2/credential/swap', {
      label: 'swap',
      secrets: [{ key: 'new', value: 'y', valid: false }]
    })
    expect(r.status).toBe(200)
    expect((await h.call('GET', '/api/v2/credential/swap')).body.secrets).toEqual([
      { key: 'new', value: 'y', valid: false }
    ])
    expect((await h.call('GET', '/api/v2/credential/swap/key/old')).status).toBe(404)
    expect(
      (await h.call('POST', '/api/v2/credential/swap', { label: 'other', secrets: [] })).status
    ).toBe(400)
    expect(
      (await h.call('POST', '/api/v2/credential/ghost', { label: 'ghost', secrets: [] })).status
    ).toBe(404)
  })

  it('deletes a set (an addition to the contract)', async () => {
    await h.call('POST', '/api/v2/credential', {
      label: 'gone',
      secrets: [{ key: 'a', value: 'b' }]
    })
    expect((await h.call('DELETE', '/api/v2/credential/gone')).status).toBe(200)
    expect((await h.call('GET', '/api/v2/credential/gone')).status).toBe(404)
    expect((await h.call('DELETE', '/api/v2/credential/gone')).status).toBe(404)
  })

  it('400s on malformed secrets', async () => {
    expect((await h.call('POST', '/api/v2/credential', { secrets: [] })).status).toBe(400)
    expect(
      (await h.call('POST', '/api/v2/credential', { label: 'm', secrets: [{ key: 'a' }] })).status
    ).toBe(400)
    expect(
      (await h.call('POST', '/api/v2/credential', { label: 'm', secrets: 'a=b' })).status
    ).toBe(400)
    expect((await h.call('POST', '/api/v2/credential/erp/key', { key: 'z' })).status).toBe(400)
  })

  it('never puts a secret value in the request log', async () => {
    const log = (await h.control('GET', '/requests')).text
    expect(log).not.toContain('w0rd')
  })
})

describe('datapools', () => {
  it('creates, reads, updates, and deletes a datapool under any label', async () => {
    const r = await h.call('POST', '/api/v2/datapool', {
      label: 'orders',
      name: 'Orders',
      defaultAutomation: 'demo-bot',
      consumptionPolicy: 'FIFO',
      schema: [{ label: 'n', type: 'TEXT' }],
      trigger: 'NEVER',
      autoRetry: true,
      maxAutoRetry: 2,
      abortOnError: false,
      maxErrorsBeforeInactive: 5,
      itemMaxProcessingTime: 60,
      active: true,
      repositoryLabel: 'DEFAULT'
    })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({
      label: 'orders',
      name: 'Orders',
      consumptionPolicy: 'FIFO',
      maxAutoRetry: 2
    })
    expect(r.body).not.toHaveProperty('entries')
    // The Python SDK reads the automation back as defaultActivity.
    expect(r.body.defaultActivity).toBe('demo-bot')
    const up = await h.call('POST', '/api/v2/datapool/orders', { trigger: 2, active: false })
    expect(up.body).toMatchObject({ trigger: 'NO_TASK_ACTIVE', active: false, name: 'Orders' })
    expect((await h.call('GET', '/api/v2/datapool/orders')).body.active).toBe(false)
    expect((await h.call('POST', '/api/v2/datapool', { label: 'orders' })).status).toBe(409)
    expect(
      (await h.call('POST', '/api/v2/datapool', { label: 'x', consumptionPolicy: 'RANDOM' })).status
    ).toBe(400)
    await h.call('POST', '/api/v2/datapool', { label: 'temp' })
    expect((await h.call('DELETE', '/api/v2/datapool/temp')).status).toBe(200)
    const gone = await h.call('GET', '/api/v2/datapool/temp')
    expect(gone.status).toBe(404)
    expect(gone.body.message).toContain("'temp'")
  })

  it('pushes, pulls by priority then FIFO/LIFO, reports, summarises, and 204s when empty', async () => {
    for (const policy of ['FIFO', 'LIFO']) {
      const label = `q-${policy}`
      await h.call('POST', '/api/v2/datapool', { label, consumptionPolicy: policy })
      const pushed = []
      for (const [n, priority] of [
        ['a', 0],
        ['b', 0],
        ['c', 5]
      ] as const) {
        const p = await h.call('POST', `/api/v2/datapool/${label}/push`, {
          priority,
          values: { n }
        })
        expect(p.status).toBe(200)
        expect(p.body.state).toBe('PENDING')
        pushed.push(p.body)
      }
      const order = []
      for (let i = 0; i < 3; i++) {
        const e = await h.call('GET', `/api/v2/datapool/${label}/pull`)
        expect(e.status).toBe(200)
        expect(e.body.state).toBe('PROCESSING')
        order.push(e.body.values.n)
      }
      expect(order).toEqual(policy === 'FIFO' ? ['c', 'a', 'b'] : ['c', 'b', 'a'])
      const empty = await h.call('GET', `/api/v2/datapool/${label}/pull`)
      expect(empty.status).toBe(204)
      expect(empty.text).toBe('')

      const done = await h.call('POST', `/api/v2/datapool/${label}/entry/${pushed[0].id}`, {
        state: 'DONE'
      })
      expect(done.body.state).toBe('DONE')
      await h.call('POST', `/api/v2/datapool/${label}/entry/${pushed[1].id}`, { state: 3 })
      expect(
        (await h.call('GET', `/api/v2/datapool/${label}/entry/${pushed[1].id}`)).body.state
      ).toBe('ERROR')
      const s = await h.call('GET', `/api/v2/datapool/${label}/summary`)
      expect(s.body).toMatchObject({
        countPending: 0,
        countProcessing: 1,
        countDone: 1,
        countError: 1,
        countTimeout: 0
      })
    }
  })

  it('takes the Python SDK entry update body, taskId "None" included', async () => {
    await h.call('POST', '/api/v2/datapool', { label: 'py' })
    const pushed = (
      await h.call('POST', '/api/v2/datapool/py/push', { priority: 0, values: { a: '1' } })
    ).body
    expect(pushed.dataPoolLabel).toBe('py')
    const pulled = (await h.call('GET', '/api/v2/datapool/py/pull')).body
    const r = await h.call('POST', `/api/v2/datapool/py/entry/${pulled.id}`, {
      priority: 0,
      values: { a: '1' },
      dataPoolLabel: 'py',
      state: 'DONE',
      taskId: 'None',
      parent: null,
      child: null
    })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ state: 'DONE', taskId: 'None', dataPoolLabel: 'py' })
    expect(typeof r.body.dateFinished).toBe('string')
    const withTask = await h.call('POST', `/api/v2/datapool/py/entry/${pulled.id}`, {
      taskId: '42'
    })
    expect(withTask.body.taskId).toBe(42)
  })

  it('takes the C# SDK forms: int enums, defaultActivity, extra fields; both label spellings back', async () => {
    const created = await h.call('POST', '/api/v2/datapool', {
      label: 'cs-pool',
      defaultAutomation: 'demo-bot',
      consumptionPolicy: 1,
      schema: null,
      trigger: 0,
      autoRetry: true,
      maxAutoRetry: 0,
      abortOnError: true,
      maxErrorsBeforeInactive: 0,
      itemMaxProcessingTime: 0,
      active: true,
      repositoryLabel: 'DEFAULT'
    })
    expect(created.body).toMatchObject({ consumptionPolicy: 'LIFO', trigger: 'ALWAYS' })
    // C#'s ActivateAsync serialises the whole object, its Maestro client included.
    const updated = await h.call('POST', '/api/v2/datapool/cs-pool', {
      Maestro: { notifiedDisconnect: false },
      label: 'cs-pool',
      id: created.body.id,
      defaultActivity: 'other-bot',
      consumptionPolicy: 0,
      schema: [],
      trigger: 1,
      active: false,
      dateTimeout: null
    })
    expect(updated.status).toBe(200)
    expect(updated.body).toMatchObject({
      defaultActivity: 'other-bot',
      consumptionPolicy: 'FIFO',
      active: false
    })
    const entry = (
      await h.call('POST', '/api/v2/datapool/cs-pool/push', { priority: 0, values: {} })
    ).body
    expect(entry).toMatchObject({ datapoolLabel: 'cs-pool', dataPoolLabel: 'cs-pool' })
  })

  it('404s naming unknown pools and entries; 400s on bad entry state or missing values', async () => {
    expect((await h.call('GET', '/api/v2/datapool/ghost/pull')).status).toBe(404)
    expect((await h.call('POST', '/api/v2/datapool/ghost/push', { values: {} })).status).toBe(404)
    await h.call('POST', '/api/v2/datapool', { label: 'small' })
    const e = await h.call('GET', '/api/v2/datapool/small/entry/424242')
    expect(e.status).toBe(404)
    expect(e.body.message).toContain('424242')
    expect((await h.call('POST', '/api/v2/datapool/small/push', { priority: 1 })).status).toBe(400)
    const p = (await h.call('POST', '/api/v2/datapool/small/push', { values: { a: 1 } })).body
    expect(
      (await h.call('POST', `/api/v2/datapool/small/entry/${p.id}`, { state: 'LOST' })).status
    ).toBe(400)
  })
})
