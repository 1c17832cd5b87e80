// logEntryPages against the sandbox (which pages) and a scripted server (which does not), and
// setCredentialValue against a server whose set read leaves the values out.
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import { MaestroClient, type LogEntry } from '../../src/maestro/index.js'
import { startHarness, type Harness } from './sandbox-harness.js'
import { json, startStub, type Stub } from './stub.js'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.close())

async function collect(pages: AsyncIterable<LogEntry[]>): Promise<LogEntry[][]> {
  const out: LogEntry[][] = []
  for await (const page of pages) out.push(page)
  return out
}

describe('logEntryPages against the sandbox', () => {
  test('walks the pages oldest first, one GET each, and filters by since', async () => {
    const c = h.client()
    const label = `paged-${Date.now()}`
    await c.createLog({ activityLabel: label, columns: [{ name: 'N', label: 'n' }] })
    for (let i = 0; i < 7; i++) await c.addLogEntry(label, { n: String(i) })
    const pages = await collect(c.logEntryPages(label, { days: 1, pageSize: 3 }))
    expect(pages.map(p => p.map(e => e.columns.n))).toEqual([
      ['0', '1', '2'],
      ['3', '4', '5'],
      ['6']
    ])
    const gets = (await h.requests()).filter(r => r.path === `/api/v2/log/${label}/entry-list`)
    expect(gets).toHaveLength(3)
    expect(await collect(c.logEntryPages(label, { since: new Date(Date.now() + 60_000) }))).toEqual(
      [[]]
    )
  })

  test('an empty log gives no page; an unknown log is a 404 naming it', async () => {
    const c = h.client()
    const label = `empty-${Date.now()}`
    await c.createLog({ activityLabel: label, columns: [{ name: 'N', label: 'n' }] })
    expect(await collect(c.logEntryPages(label))).toEqual([])
    await expect(collect(c.logEntryPages('no-such-log'))).rejects.toThrow(
      /entries of execution log 'no-such-log' \(page 1\): HTTP 404.*check that execution log 'no-such-log' exists/
    )
    await expect(collect(c.logEntryPages(label, { pageSize: 0 }))).rejects.toThrow(/pageSize/)
  })
})

describe('against a server of its own', () => {
  let stub: Stub
  let client: MaestroClient
  afterEach(async () => {
    await client?.close()
    await stub?.close()
  })
  const start = async (rest: (path: string, body: string) => [number, unknown]) => {
    stub = await startStub((req, res) => {
      if (req.path === '/api/v2/workspace/login')
        return json(res, 200, { accessToken: 'tok-123456', organizationLabel: 'acme' })
      const [status, body] = rest(`${req.method} ${req.path}`, req.body.toString())
      json(res, status, body)
    })
    client = new MaestroClient({ server: stub.url, login: 'acme', key: 'key-123456' })
  }

  test('a server that ignores page/size: its plain array is the one page', async () => {
    const entries = [1, 2].map(n => ({ columns: { n: String(n) }, dateCreation: '2026-01-01' }))
    await start(() => [200, entries])
    expect(await collect(client.logEntryPages('x', { days: 3 }))).toEqual([entries])
    expect(stub.seen.filter(s => s.path.includes('entry-list'))).toHaveLength(1)
    expect(stub.seen[1].path).toMatch(/days=3/)
    expect(stub.seen[1].path).toMatch(/page=0/)
  })

  test('updating a key when the set read has no values: add-key, never a replace that wipes', async () => {
    const sent: string[] = []
    await start((call, body) => {
      sent.push(call)
      if (call === 'GET /api/v2/credential/erp')
        return [200, { label: 'erp', secrets: [{ key: 'a' }, { key: 'b' }] }]
      expect(JSON.parse(body)).toEqual({ key: 'a', value: 'new-value-123' })
      return [201, {}]
    })
    await expect(client.setCredentialValue('erp', 'a', 'new-value-123')).resolves.toBe(
      'updated-key'
    )
    expect(sent).toEqual(['GET /api/v2/credential/erp', 'POST /api/v2/credential/erp/key'])
  })
})
