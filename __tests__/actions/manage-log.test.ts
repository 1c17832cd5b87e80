import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { checkAction } from '../support/action-check.js'
import { recordReliability } from '../support/reliability.js'
import { actionDir, expectNoLeaks, onlyError, runStep } from '../support/runner.js'
import { expectInputError } from '../support/input-errors.js'
import { startTestSandbox, type TestSandbox } from '../support/test-sandbox.js'
import { MaestroClient, type LogEntry } from '../../src/maestro/index.js'
import { entryRow, exportHeaders, writeExport } from '../../src/actions/manage-log/export.js'
import { parseOutputPath, readWindow } from '../../src/actions/manage-log/main.js'
import { ActionInputError, createInputReader } from '../../src/actions/shared/inputs.js'

const DIR = actionDir('manage-log')

const COLUMNS = [
  { name: 'Invoice', label: 'invoice', width: 100 },
  { name: 'Total, BRL', label: 'total', width: 80 },
  { name: 'Note', label: 'note', width: 300 }
]
// Cells that break naive CSV writers.
const TRICKY = [
  { invoice: 'INV-1', total: '10', note: 'plain' },
  { invoice: 'INV "2"', total: '1,5', note: 'two\nlines' },
  { invoice: 'INV-3', total: '', note: 'ção, 日本 and a \r carriage return' }
]

let sandbox: TestSandbox
let client: MaestroClient
beforeAll(async () => {
  sandbox = await startTestSandbox()
  client = new MaestroClient({ server: sandbox.url, login: sandbox.login, key: sandbox.key })
  await client.createLog({ activityLabel: 'invoices', columns: COLUMNS })
  for (const row of TRICKY) await client.addLogEntry('invoices', row)
})
afterAll(async () => {
  await client?.close()
  await sandbox?.close()
})
beforeEach(async () => {
  await sandbox.clearFaults()
  await sandbox.clearRequests()
})

const step = (inputs: Record<string, string>, workspace?: string) =>
  runStep({ actionDir: DIR, inputs, env: sandbox.env, workspace })

/** A small RFC 4180 reader for checking what was written (quotes, doubled quotes, CRLF rows). */
function readCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += c
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell])
  return rows
}

async function* pagesOf(...pages: LogEntry[][]): AsyncGenerator<LogEntry[]> {
  for (const p of pages) yield p
}
const entry = (columns: Record<string, string>, date = '2026-01-02T03:04:05.000Z'): LogEntry => ({
  columns,
  dateCreation: date
})

describe('manage-log metadata', () => {
  it('matches action.yml', () => {
    expect(checkAction({ name: 'manage-log' })).toEqual([])
  })
})

describe('export writing', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'manage-log-'))
  })

  it('headers: names then Date; a repeated name becomes "name (label)"', () => {
    expect(exportHeaders(COLUMNS)).toEqual(['Invoice', 'Total, BRL', 'Note', 'Date'])
    expect(
      exportHeaders([
        { name: 'A', label: 'a1' },
        { name: 'A', label: 'a2' },
        { name: 'Date', label: 'when' },
        { name: '', label: 'bare' }
      ])
    ).toEqual(['A (a1)', 'A (a2)', 'Date (when)', 'bare', 'Date (dateCreation)'])
    expect(entryRow(COLUMNS, entry({ invoice: 'x', extra: 'ignored' }))).toEqual([
      'x',
      '',
      '',
      '2026-01-02T03:04:05.000Z'
    ])
  })

  it('CSV: quotes what needs it, round-trips every tricky cell', async () => {
    const path = join(dir, 'out.csv')
    const rows = await writeExport(
      pagesOf(
        TRICKY.slice(0, 2).map(r => entry(r)),
        [entry(TRICKY[2])]
      ),
      {
        path,
        format: 'csv',
        columns: COLUMNS
      }
    )
    expect(rows).toBe(3)
    const text = readFileSync(path, 'utf8')
    expect(text.startsWith('Invoice,"Total, BRL",Note,Date\r\n')).toBe(true)
    expect(readCsv(text)).toEqual([
      ['Invoice', 'Total, BRL', 'Note', 'Date'],
      ...TRICKY.map(r => [r.invoice, r.total, r.note, '2026-01-02T03:04:05.000Z'])
    ])
    expect(readdirSync(dir)).toEqual(['out.csv'])
  })

  it('JSON: a list of objects keyed by the headers; empty exports are valid files', async () => {
    const path = join(dir, 'nested', 'out.json')
    await writeExport(pagesOf(TRICKY.map(r => entry(r))), {
      path,
      format: 'json',
      columns: COLUMNS
    })
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(
      TRICKY.map(r => ({
        Invoice: r.invoice,
        'Total, BRL': r.total,
        Note: r.note,
        Date: '2026-01-02T03:04:05.000Z'
      }))
    )
    const empty = join(dir, 'empty.json')
    expect(await writeExport(pagesOf(), { path: empty, format: 'json', columns: COLUMNS })).toBe(0)
    expect(JSON.parse(readFileSync(empty, 'utf8'))).toEqual([])
    const emptyCsv = join(dir, 'empty.csv')
    await writeExport(pagesOf([]), { path: emptyCsv, format: 'csv', columns: COLUMNS })
    expect(readFileSync(emptyCsv, 'utf8')).toBe('Invoice,"Total, BRL",Note,Date\r\n')
  })

  it('a failure half way leaves the old file as it was and no temporary file', async () => {
    const path = join(dir, 'out.csv')
    writeFileSync(path, 'previous export\n')
    async function* failing(): AsyncGenerator<LogEntry[]> {
      yield [entry(TRICKY[0])]
      throw new Error('connection reset on page 2')
    }
    await expect(writeExport(failing(), { path, format: 'csv', columns: COLUMNS })).rejects.toThrow(
      /page 2/
    )
    recordReliability('partial-file', 'manage-log: failure half way', readdirSync(dir).length === 1)
    expect(readdirSync(dir)).toEqual(['out.csv'])
    expect(readFileSync(path, 'utf8')).toBe('previous export\n')
  })

  it('streams: a page is asked for only when the earlier ones are (nearly) on disk', async () => {
    const path = join(dir, 'big.csv')
    const cell = 'x'.repeat(1000)
    const pageCount = 60
    const perPage = 100 // ~100 KB a page
    const lag: number[] = []
    async function* big(): AsyncGenerator<LogEntry[]> {
      for (let p = 0; p < pageCount; p++) {
        const part = readdirSync(dir).find(f => f.endsWith('.part'))
        const written = part ? statSync(join(dir, part)).size : 0
        lag.push(p - written / (perPage * 1000))
        yield Array.from({ length: perPage }, (_, i) => entry({ invoice: `${p}-${i}`, note: cell }))
      }
    }
    expect(await writeExport(big(), { path, format: 'csv', columns: COLUMNS })).toBe(
      pageCount * perPage
    )
    // Pages pulled ahead of what reached the file: bounded by the stream buffers, not the log.
    expect(Math.max(...lag)).toBeLessThan(4)
    expect(statSync(path).size).toBeGreaterThan(pageCount * perPage * 1000)
  })
})

describe('input parsing', () => {
  const errorOf = (f: () => unknown) => {
    try {
      f()
    } catch (e) {
      expect(e).toBeInstanceOf(ActionInputError)
      return (e as ActionInputError).message
    }
    throw new Error('no error')
  }

  it('output paths: inside the workspace when relative, never a folder', () => {
    const ws = mkdtempSync(join(tmpdir(), 'manage-log-ws-'))
    mkdirSync(join(ws, 'exports'))
    writeFileSync(join(ws, 'a-file'), '')
    expect(parseOutputPath('path', 'exports/log.csv', ws)).toBe(join(ws, 'exports', 'log.csv'))
    expect(parseOutputPath('path', 'new/dir/log.csv', ws)).toBe(join(ws, 'new', 'dir', 'log.csv'))
    expect(parseOutputPath('path', join(tmpdir(), 'x.csv'), ws)).toBe(join(tmpdir(), 'x.csv'))
    expect(parseOutputPath('path', '..data.csv', ws)).toBe(join(ws, '..data.csv'))
    expect(errorOf(() => parseOutputPath('path', '../outside.csv', ws))).toMatch(
      /outside the workspace/
    )
    expect(errorOf(() => parseOutputPath('path', 'exports/../../x.csv', ws))).toMatch(/outside/)
    expect(errorOf(() => parseOutputPath('path', 'exports', ws))).toMatch(/is a folder/)
    expect(errorOf(() => parseOutputPath('path', 'exports/', ws))).toMatch(/names a folder/)
    expect(errorOf(() => parseOutputPath('path', 'a-file/x.csv', ws))).toMatch(
      /is a file, not a folder/
    )
    expect(errorOf(() => parseOutputPath('path', 'a\0b', ws))).toMatch(/NUL/)
    expect(errorOf(() => parseOutputPath('path', '', ws))).toMatch(/Required input is empty/)
  })

  it('output paths on Windows: names Windows cannot create are refused before any request', () => {
    const ws = mkdtempSync(join(tmpdir(), 'manage-log-ws-'))
    const onWindows = (value: string) => errorOf(() => parseOutputPath('path', value, ws, 'win32'))
    expect(onWindows('exports/CON.csv')).toBe(
      "'CON.csv' is a Windows device name, not a file name, got 'exports/CON.csv'. Accepted: a file path, relative to the workspace (and inside it) or absolute, e.g. exports/log.csv; on Windows, names without < > : \" | ? * or control characters, not ending in a dot or space, and no device name (CON, PRN, AUX, NUL, COM1-9, LPT1-9, also with an extension)"
    )
    expect(onWindows('nul')).toMatch(/'nul' is a Windows device name/)
    expect(onWindows('exports\\com1.json')).toMatch(/'com1.json' is a Windows device name/)
    expect(onWindows('report:v2.csv')).toMatch(
      /Windows does not allow ':' in the name 'report:v2.csv'/
    )
    expect(onWindows('a?.csv')).toMatch(/does not allow '\?'/)
    expect(onWindows('out|x/log.csv')).toMatch(/does not allow '\|' in the name 'out\|x'/)
    expect(onWindows('log.csv.')).toMatch(/drops the dot or space that ends the name 'log.csv.'/)
    expect(onWindows('exports /log.csv')).toMatch(/ends the name 'exports '/)
    expect(onWindows('log\tx.csv')).toMatch(/holds a control character, got '"log\\tx.csv"'/)
    // The drive and the steps are not names; '.', '..' inside are fine.
    expect(parseOutputPath('path', 'exports\\.\\log.csv', ws, 'win32')).toBe(
      join(ws, 'exports\\.\\log.csv')
    )
    // Absolute where it runs on Windows, a relative name elsewhere.
    expect(parseOutputPath('path', 'C:\\exports\\log.csv', ws, 'win32')).toBe(
      resolve(ws, 'C:\\exports\\log.csv')
    )
    // Other platforms create these names as they are.
    expect(parseOutputPath('path', 'exports/CON.csv', ws, 'linux')).toBe(
      join(ws, 'exports', 'CON.csv')
    )
    expect(parseOutputPath('path', 'report:v2.csv', ws, 'darwin')).toBe(join(ws, 'report:v2.csv'))
  })

  it('days or since-date, not both; default 30 days; no future date', () => {
    const reader = (inputs: Record<string, string>) =>
      createInputReader({ getInput: (n: string) => inputs[n] ?? '' })
    expect(readWindow(reader({}))).toEqual({ days: 30 })
    expect(readWindow(reader({ days: '7' }))).toEqual({ days: 7 })
    expect(readWindow(reader({ 'since-date': '2026-01-31' }))).toEqual({
      since: '2026-01-31T00:00:00.000Z'
    })
    expect(errorOf(() => readWindow(reader({ days: '7', 'since-date': '2026-01-31' })))).toMatch(
      /'days' and 'since-date' were both given/
    )
    expect(errorOf(() => readWindow(reader({ days: '0' })))).toMatch(/Out of range/)
    expect(errorOf(() => readWindow(reader({ days: '3651' })))).toMatch(/Out of range/)
    expect(errorOf(() => readWindow(reader({ days: '1.5' })))).toMatch(/Not an integer/)
    const future = new Date(Date.now() + 86_400_000).toISOString()
    expect(errorOf(() => readWindow(reader({ 'since-date': future })))).toMatch(/in the future/)
  })
})

describe('manage-log bundle', () => {
  it('creates a log with the columns given, then refuses to create it again', async () => {
    const label = `created-${Date.now()}`
    const result = await step({
      log: label,
      operation: 'create',
      columns: '- { name: Version, label: version, width: 160 }\n- result\n'
    })
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toEqual({ path: '', rows: '' })
    expect(result.summary).toContain(label)
    const log = (await sandbox.state()).logs.find(
      (l: { activityLabel: string }) => l.activityLabel === label
    )
    expect(log.columns).toEqual([
      { name: 'Version', label: 'version', width: 160, visible: true },
      { name: 'result', label: 'result', width: 300, visible: true }
    ])
    expectNoLeaks(result)

    const again = await step({ log: label, operation: 'create', columns: '[a]' })
    expect(again.exitCode).toBe(1)
    expect(onlyError(again).data).toMatch(
      new RegExp(
        `create execution log '${label}': HTTP 409.*Hint: execution log '${label}' already exists`
      )
    )
    const creates = (await sandbox.apiRequests()).filter(
      r => r.method === 'POST' && r.path === '/api/v2/log'
    )
    expect(creates).toHaveLength(2)
  })

  it('deletes a log when confirmed; a missing log is a 404 naming it', async () => {
    const label = `doomed-${Date.now()}`
    await client.createLog({ activityLabel: label, columns: [{ name: 'A', label: 'a' }] })
    const result = await step({ log: label, operation: 'delete', confirm: label })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toEqual({ path: '', rows: '' })
    expect(result.summary).toContain('deleted')
    expect(
      (await sandbox.state()).logs.some((l: { activityLabel: string }) => l.activityLabel === label)
    ).toBe(false)

    const missing = await step({ log: label, operation: 'delete', confirm: label })
    expect(missing.exitCode).toBe(1)
    expect(onlyError(missing).data).toMatch(
      new RegExp(
        `delete execution log '${label}': HTTP 404.*Hint: execution log '${label}' does not exist.*nothing was deleted`
      )
    )
  })

  it('exports CSV to a relative path, page by page, every cell intact', async () => {
    const result = await step({
      log: 'invoices',
      operation: 'export',
      path: 'exports/invoices.csv',
      days: '1'
    })
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(0)
    const file = join(result.dirs.workspace, 'exports', 'invoices.csv')
    expect(result.outputs).toEqual({ path: file, rows: '3' })
    const rows = readCsv(readFileSync(file, 'utf8'))
    expect(rows[0]).toEqual(['Invoice', 'Total, BRL', 'Note', 'Date'])
    expect(rows.slice(1).map(r => r.slice(0, 3))).toEqual(
      TRICKY.map(r => [r.invoice, r.total, r.note])
    )
    expect(result.summary).toContain('Rows')
    const api = await sandbox.apiRequests()
    expect(api.map(r => `${r.method} ${r.path} ${JSON.stringify(r.query)}`)).toEqual([
      'GET /api/v2/log/invoices {}',
      'GET /api/v2/log/invoices/entry-list {"days":"1","page":"0","size":"500"}'
    ])
    expectNoLeaks(result)
  })

  it('exports JSON (from the extension) since a date, over several pages', async () => {
    const label = `many-${Date.now()}`
    await client.createLog({ activityLabel: label, columns: [{ name: 'N', label: 'n' }] })
    for (let i = 0; i < 501; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, 501 - i) }, (_, k) =>
          client.addLogEntry(label, { n: String(i + k) })
        )
      )
    }
    const since = new Date(Date.now() - 3_600_000).toISOString()
    const result = await step({
      log: label,
      operation: 'export',
      path: 'many.json',
      'since-date': since
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.rows).toBe('501')
    const parsed = JSON.parse(readFileSync(result.outputs.path, 'utf8')) as Array<{
      N: string
      Date: string
    }>
    expect(parsed).toHaveLength(501)
    expect(new Set(parsed.map(p => p.N)).size).toBe(501)
    const pages = (await sandbox.apiRequests()).filter(r => r.path.endsWith('/entry-list'))
    expect(pages.map(p => p.query.page)).toEqual(['0', '1'])
  })

  it('an unknown log: a 404 naming it, and no file', async () => {
    const result = await step({ log: 'ghost-log', operation: 'export', path: 'ghost.csv' })
    expect(result.exitCode).toBe(1)
    expect(onlyError(result).data).toMatch(
      /read execution log 'ghost-log': HTTP 404.*Hint: check that execution log 'ghost-log' exists/
    )
    expect(readdirSync(result.dirs.workspace)).toEqual([])
  })

  it('a server error while reading entries: named, retried, and nothing left at path', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'manage-log-run-'))
    writeFileSync(join(workspace, 'keep.csv'), 'the previous export\n')
    await sandbox.fault({ path: '/api/v2/log/invoices/entry-list', status: 500, times: 0 })
    const result = await step({ log: 'invoices', operation: 'export', path: 'keep.csv' }, workspace)
    recordReliability(
      'partial-file',
      'manage-log: 500 on entries',
      readdirSync(workspace).length === 1
    )
    expect(result.exitCode).toBe(1)
    expect(onlyError(result).data).toMatch(
      /read the entries of execution log 'invoices' \(page 1\): HTTP 500.*Hint: Maestro had a server-side problem/
    )
    expect(readdirSync(workspace)).toEqual(['keep.csv'])
    expect(readFileSync(join(workspace, 'keep.csv'), 'utf8')).toBe('the previous export\n')
    const tries = (await sandbox.apiRequests()).filter(r => r.path.endsWith('/entry-list'))
    expect(tries.length).toBeGreaterThan(1)
  }, 30_000)

  it('401 with a wrong key: says so', async () => {
    const result = await runStep({
      actionDir: DIR,
      inputs: { log: 'invoices', operation: 'export', path: 'x.csv' },
      env: { ...sandbox.env, BOTCITY_KEY: 'wrong-key-123' }
    })
    expect(result.exitCode).toBe(1)
    expect(onlyError(result).data).toMatch(/HTTP 401.*Hint: check the login/)
    expect(existsSync(join(result.dirs.workspace, 'x.csv'))).toBe(false)
    expectNoLeaks(result)
  })
})

describe('manage-log bad input: one error, no request at all', () => {
  const ok = { log: 'invoices', operation: 'export', path: 'out.csv' }
  it.each([
    ['log', { ...ok, log: '' }, /Required input is empty/],
    ['log', { ...ok, log: 'a\nb' }, /line break/],
    ['operation', { ...ok, operation: '' }, /Required input is empty/],
    [
      'operation',
      { ...ok, operation: 'purge' },
      /Unknown value, got 'purge'.*create, delete, export/
    ],
    ['columns', { log: 'x', operation: 'create' }, /Required input is empty/],
    [
      'columns',
      { log: 'x', operation: 'create', columns: '[{label: a, widht: 3}]' },
      /unknown field 'widht'/
    ],
    [
      'columns',
      { log: 'x', operation: 'create', columns: '{ not: [closed' },
      /Not valid JSON or YAML/
    ],
    ['columns', { ...ok, columns: '[a]' }, /only used by operation create/],
    ['confirm', { log: 'x', operation: 'delete' }, /needs a confirmation.*'x'/],
    ['confirm', { log: 'x', operation: 'delete', confirm: 'y' }, /does not match.*got 'y'/],
    ['path', { log: 'x', operation: 'export' }, /Required input is empty/],
    ['path', { ...ok, path: '../../etc/out.csv' }, /outside the workspace/],
    ['path', { ...ok, path: '.' }, /is a folder/],
    [
      'path',
      { log: 'x', operation: 'delete', confirm: 'x', path: 'a.csv' },
      /only used by operation export/
    ],
    ['format', { ...ok, format: 'xml' }, /Unknown value, got 'xml'/],
    ['days', { ...ok, days: 'abc' }, /Not an integer/],
    ['days', { ...ok, days: '-1' }, /Out of range/],
    ['days', { ...ok, days: '99999999999999999999' }, /Out of range/],
    ['since-date', { ...ok, days: '3', 'since-date': '2026-01-01' }, /both given/],
    ['since-date', { ...ok, 'since-date': '31/01/2026' }, /Not an ISO-8601/]
  ])('%s: %j', async (input, inputs, message) => {
    const result = await step(inputs as Record<string, string>)
    recordReliability('bad-input', `manage-log: ${input}`, result.exitCode === 1)
    expectInputError(result, input, message)
    expect(await sandbox.requests()).toEqual([])
    expect(result.outputs).toEqual({})
  })
})

describe('manage-log delete whose answer is lost', () => {
  // The sandbox cannot delete and then lose the answer, so a two-line server does: the first
  // DELETE is carried out and its connection cut, the retry finds nothing (404).
  it('a retry that finds nothing: the earlier try deleted it, so the step passes with a warning', async () => {
    const deletes: string[] = []
    const server = createServer((req, res) => {
      deletes.push(`${req.method} ${req.url}`)
      if (deletes.length === 1) return void req.socket.destroy()
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ status: 404, error: 'Not Found', message: 'Log not found' }))
    })
    await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
    const { port } = server.address() as AddressInfo
    try {
      const result = await runStep({
        actionDir: DIR,
        inputs: { log: 'audit', operation: 'delete', confirm: 'audit' },
        env: {
          BOTCITY_SERVER: `http://127.0.0.1:${port}`,
          BOTCITY_LOGIN: 'lost-answer',
          BOTCITY_ACCESS_TOKEN: 'token-of-an-earlier-login',
          MAESTRO_ACTIONS_RETRY_MAX_DELAY_MS: '10'
        }
      })
      expect(deletes).toEqual(['DELETE /api/v2/log/audit', 'DELETE /api/v2/log/audit'])
      expect(result.exitCode).toBe(0)
      const warnings = result.stdout.split('\n').filter(l => l.startsWith('::warning'))
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toContain('most likely deleted it')
    } finally {
      await new Promise(done => server.close(done))
    }
  })
})
