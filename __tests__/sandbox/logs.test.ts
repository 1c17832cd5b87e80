import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { harness, type Harness } from './helpers.js'

let h: Harness
beforeAll(async () => {
  h = await harness()
})
afterAll(() => h.sb.close())

const columns = [
  { name: 'Invoice', label: 'invoice', width: 100 },
  { name: 'Total, BRL', label: 'total', width: 80 }
]

describe('execution logs', () => {
  it('creates a log under any label and reads it back', async () => {
    const r = await h.call('POST', '/api/v2/log', {
      activityLabel: 'fresh-label-1',
      columns,
      organizationLabel: 'x'
    })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ activityLabel: 'fresh-label-1', organizationLabel: h.sb.login })
    expect(r.body.columns).toEqual([
      { name: 'Invoice', label: 'invoice', width: 100, visible: true },
      { name: 'Total, BRL', label: 'total', width: 80, visible: true }
    ])
    expect(r.body.id).toBeTruthy()
    const one = await h.call('GET', '/api/v2/log/fresh-label-1')
    expect(one.body).toEqual(r.body)
    const all = await h.call('GET', '/api/v2/log')
    expect(all.body.map((l: { activityLabel: string }) => l.activityLabel)).toContain(
      'fresh-label-1'
    )
  })

  it('accepts the C# form (label, column visible) and the JS form (column object)', async () => {
    const cs = await h.call('POST', '/api/v2/log', {
      label: 'csharp-log',
      repositoryLabel: 'DEFAULT',
      columns: [{ name: 'A', label: 'a', width: 10, visible: false }]
    })
    expect(cs.status).toBe(200)
    expect(cs.body.activityLabel).toBe('csharp-log')
    expect(cs.body.columns[0].visible).toBe(false)
    const js = await h.call('POST', '/api/v2/log', {
      activityLabel: 'js-log',
      columns: [{ name: 'A', label: 'a', width: 10, object: { name: 'A', label: 'a', width: 10 } }]
    })
    expect(js.status).toBe(200)
    // Another JS SDK release sends the columns as valueColumns.
    const jsValue = await h.call('POST', '/api/v2/log', {
      activityLabel: 'js-value-log',
      valueColumns: [{ name: 'B', label: 'b', width: 20 }],
      organizationLabel: h.sb.login
    })
    expect(jsValue.status).toBe(200)
    expect(jsValue.body.columns).toEqual([{ name: 'B', label: 'b', width: 20, visible: true }])
  })

  it('400s on missing label or columns, 409s on an existing label', async () => {
    expect((await h.call('POST', '/api/v2/log', { columns })).status).toBe(400)
    expect((await h.call('POST', '/api/v2/log', { activityLabel: 'no-cols' })).status).toBe(400)
    expect(
      (await h.call('POST', '/api/v2/log', { activityLabel: 'bad-cols', columns: [{ name: 'x' }] }))
        .status
    ).toBe(400)
    const dup = await h.call('POST', '/api/v2/log', { activityLabel: 'fresh-label-1', columns })
    expect(dup.status).toBe(409)
  })

  it('adds entries (exactly 200), lists them, and exports CSV', async () => {
    const e1 = await h.call('POST', '/api/v2/log/fresh-label-1/entry', {
      invoice: 'INV-1',
      total: '10'
    })
    expect(e1.status).toBe(200)
    await h.call('POST', '/api/v2/log/fresh-label-1/entry', { invoice: 'INV "2"', total: '1,5' })
    const list = await h.call('GET', '/api/v2/log/fresh-label-1/entry-list?days=7')
    expect(list.status).toBe(200)
    expect(list.body).toHaveLength(2)
    expect(list.body[0].columns).toEqual({ invoice: 'INV-1', total: '10' })
    expect(typeof list.body[0].dateCreation).toBe('string')
    // The C# SDK omits days.
    expect((await h.call('GET', '/api/v2/log/fresh-label-1/entry-list')).body).toHaveLength(2)
    const csv = await h.call('GET', '/api/v2/log/fresh-label-1/export?days=365&format=csv')
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
    const lines = csv.text.trim().split('\r\n')
    expect(lines[0]).toBe('Invoice,"Total, BRL",Date')
    expect(lines[1]).toMatch(/^INV-1,10,\d{4}-/)
    expect(lines[2]).toMatch(/^"INV ""2""","1,5",/)
    expect((await h.call('GET', '/api/v2/log/fresh-label-1/export?format=xlsx')).status).toBe(400)
    // The JS SDK's path for the same export.
    const js = await h.call('GET', '/api/v2/log/fresh-label-1/csv?days=7')
    expect(js.status).toBe(200)
    expect(js.text).toBe(csv.text)
  })

  it('pages entry-list with page/size (oldest first), and keeps the plain array without them', async () => {
    await h.call('POST', '/api/v2/log', { activityLabel: 'paged-log', columns })
    for (let i = 1; i <= 5; i++) {
      await h.call('POST', '/api/v2/log/paged-log/entry', { invoice: `INV-${i}`, total: String(i) })
    }
    const first = await h.call('GET', '/api/v2/log/paged-log/entry-list?days=1&page=0&size=2')
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ totalElements: 5, totalPages: 3, number: 0, last: false })
    expect(
      first.body.content.map((e: { columns: { invoice: string } }) => e.columns.invoice)
    ).toEqual(['INV-1', 'INV-2'])
    const last = await h.call('GET', '/api/v2/log/paged-log/entry-list?days=1&page=2&size=2')
    expect(last.body.last).toBe(true)
    expect(last.body.content).toHaveLength(1)
    expect(last.body.content[0].columns.invoice).toBe('INV-5')
    // size alone means page 0
    expect(
      (await h.call('GET', '/api/v2/log/paged-log/entry-list?size=10')).body.content
    ).toHaveLength(5)
    expect(
      Array.isArray((await h.call('GET', '/api/v2/log/paged-log/entry-list?days=1')).body)
    ).toBe(true)
    expect((await h.call('GET', '/api/v2/log/paged-log/entry-list?page=-1')).status).toBe(400)
    expect((await h.call('GET', '/api/v2/log/paged-log/entry-list?size=0')).status).toBe(400)
  })

  it('400s on an entry with an unknown column or a nested value', async () => {
    const r = await h.call('POST', '/api/v2/log/fresh-label-1/entry', { nope: 'x' })
    expect(r.status).toBe(400)
    expect(r.body.message).toContain("'nope'")
    expect(
      (await h.call('POST', '/api/v2/log/fresh-label-1/entry', { invoice: { a: 1 } })).status
    ).toBe(400)
    expect(
      (
        await h.call('POST', '/api/v2/log/fresh-label-1/entry', '[1]', {
          ...h.auth,
          'content-type': 'application/json'
        })
      ).status
    ).toBe(400)
  })

  it('404s naming an unknown label on every per-log route', async () => {
    for (const [m, p] of [
      ['GET', '/api/v2/log/ghost'],
      ['POST', '/api/v2/log/ghost/entry'],
      ['GET', '/api/v2/log/ghost/entry-list?days=1'],
      ['GET', '/api/v2/log/ghost/export?format=csv'],
      ['DELETE', '/api/v2/log/ghost']
    ]) {
      const r = await h.call(m, p, m === 'POST' ? { a: '1' } : undefined)
      expect(r.status).toBe(404)
      expect(r.body.message).toContain("'ghost'")
    }
  })

  it('deletes a log (exactly 200)', async () => {
    await h.call('POST', '/api/v2/log', { activityLabel: 'to-delete', columns })
    const r = await h.call('DELETE', '/api/v2/log/to-delete')
    expect(r.status).toBe(200)
    expect((await h.call('GET', '/api/v2/log/to-delete')).status).toBe(404)
  })
})

describe('alerts', () => {
  it('creates an alert tied to a task, type by name or index, taskId as string', async () => {
    const task = (await h.call('POST', '/api/v2/task', { activityLabel: 'demo-bot' })).body
    const r = await h.call('POST', '/api/v2/alerts', {
      taskId: task.id,
      title: 'T',
      message: 'M',
      type: 'WARN'
    })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({
      taskId: task.id,
      title: 'T',
      message: 'M',
      type: 'WARN',
      activityLabel: 'demo-bot'
    })
    expect(typeof r.body.id).toBe('number')
    expect(typeof r.body.date).toBe('string')
    const cs = await h.call('POST', '/api/v2/alerts', {
      taskId: String(task.id),
      title: 'T',
      message: 'M',
      type: 2
    })
    expect(cs.body.type).toBe('ERROR')
    expect((await h.control('GET', '/state')).body.alerts).toHaveLength(2)
  })

  it('400s on bad type or missing title, 404s naming an unknown task', async () => {
    const task = (await h.call('POST', '/api/v2/task', { activityLabel: 'demo-bot' })).body
    expect(
      (
        await h.call('POST', '/api/v2/alerts', {
          taskId: task.id,
          title: 'T',
          message: 'M',
          type: 'LOUD'
        })
      ).status
    ).toBe(400)
    expect(
      (await h.call('POST', '/api/v2/alerts', { taskId: task.id, message: 'M', type: 'INFO' }))
        .status
    ).toBe(400)
    const r = await h.call('POST', '/api/v2/alerts', {
      taskId: 777777,
      title: 'T',
      message: 'M',
      type: 'INFO'
    })
    expect(r.status).toBe(404)
    expect(r.body.message).toContain('777777')
  })
})

describe('messages', () => {
  it('sends (exactly 200) with group or groups', async () => {
    const before = (await h.control('GET', '/state')).body.messages.length
    const r = await h.call('POST', '/api/v2/message', {
      emails: ['a@example.com'],
      logins: ['bob'],
      subject: 'S',
      body: '<b>B</b>',
      type: 'HTML',
      group: ''
    })
    expect(r.status).toBe(200)
    const cs = await h.call('POST', '/api/v2/message', {
      emails: [],
      logins: [],
      subject: 'S',
      body: 'B',
      type: 0,
      groups: 'ops'
    })
    expect(cs.status).toBe(200)
    const msgs = (await h.control('GET', '/state')).body.messages
    expect(msgs).toHaveLength(before + 2)
    expect(msgs[before]).toMatchObject({
      emails: ['a@example.com'],
      logins: ['bob'],
      type: 'HTML',
      subject: 'S'
    })
    expect(msgs[before + 1]).toMatchObject({ group: 'ops', type: 'TEXT' })
  })

  it('400s on more than 50 recipients, none at all, or a bad type', async () => {
    const emails = Array.from({ length: 40 }, (_, i) => `u${i}@example.com`)
    const logins = Array.from({ length: 11 }, (_, i) => `l${i}`)
    const many = await h.call('POST', '/api/v2/message', {
      emails,
      logins,
      subject: 'S',
      body: 'B',
      type: 'TEXT'
    })
    expect(many.status).toBe(400)
    expect(many.body.message).toMatch(/51/)
    const fifty = await h.call('POST', '/api/v2/message', {
      emails,
      logins: logins.slice(1),
      subject: 'S',
      body: 'B'
    })
    expect(fifty.status).toBe(200)
    expect(
      (await h.call('POST', '/api/v2/message', { emails: [], subject: 'S', body: 'B' })).status
    ).toBe(400)
    expect(
      (
        await h.call('POST', '/api/v2/message', {
          emails: ['a@b.c'],
          subject: 'S',
          body: 'B',
          type: 'PDF'
        })
      ).status
    ).toBe(400)
  })
})
