import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { checkAction } from '../support/action-check.js'
import { testRuntimes } from '../support/node-runtimes.js'
import { actionDir, expectNoLeaks, runStep, onlyError } from '../support/runner.js'
import { expectInputError } from '../support/input-errors.js'
import { startTestSandbox, type TestSandbox } from '../support/test-sandbox.js'
import { parseColumns, parseValues } from '../../src/actions/log-entry/parse.js'
import { addEntry } from '../../src/actions/log-entry/main.js'
import { MaestroHttpError } from '../../src/maestro/index.js'
import { ActionInputError } from '../../src/actions/shared/inputs.js'

const DIR = actionDir('log-entry')
const COLUMNS = JSON.stringify([
  { name: 'Version', label: 'version', width: 120 },
  { name: 'Result', label: 'result' }
])

let sandbox: TestSandbox
beforeAll(async () => {
  sandbox = await startTestSandbox()
})
afterAll(async () => {
  await sandbox?.close()
})
beforeEach(async () => {
  await sandbox.clearFaults()
  await sandbox.clearRequests()
})

const step = (inputs: Record<string, string>, env: Record<string, string> = {}, node?: string) =>
  runStep({ actionDir: DIR, inputs, env: { ...sandbox.env, ...env }, node })

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the sandbox's own records
async function logOf(label: string): Promise<any> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (await sandbox.state()).logs.find((l: any) => l.activityLabel === label)
}

/** Creates a log through the bundle itself (its first run, with columns). */
async function ensureLog(label: string) {
  if (await logOf(label)) return
  const r = await step({ log: label, values: '{"version": "0"}', columns: COLUMNS })
  expect(r.exitCode).toBe(0)
  await sandbox.clearRequests()
}

function inputError(fn: () => unknown): string {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(ActionInputError)
    return (e as ActionInputError).message
  }
  throw new Error('no error')
}

describe('log-entry metadata', () => {
  it('matches action.yml', () => {
    expect(checkAction({ name: 'log-entry' })).toEqual([])
  })
})

describe('values', () => {
  it('sends every cell as text, numbers and booleans as written', () => {
    expect(
      parseValues('values', 'version: 1.10\nbuild: 007\nok: True\nrate: 0.5\nnote: ~\nname: x y')
    ).toEqual({ version: '1.10', build: '007', ok: 'True', rate: '0.5', note: '', name: 'x y' })
    expect(parseValues('values', '{"n": 12, "b": false, "s": "a \\"q\\""}')).toEqual({
      n: '12',
      b: 'false',
      s: 'a "q"'
    })
  })

  it('refuses nested values, an empty row, lists and bad syntax', () => {
    expect(inputError(() => parseValues('values', 'a: {b: 1}'))).toMatch(
      /Column 'a' holds a mapping; a cell is a single value, got 'a: \{b: 1\}'/
    )
    expect(inputError(() => parseValues('values', '{"a": [1]}'))).toMatch(/Column 'a' holds a list/)
    expect(inputError(() => parseValues('values', ''))).toMatch(/Required input is empty/)
    expect(inputError(() => parseValues('values', '{}'))).toMatch(/The row has no values/)
    expect(inputError(() => parseValues('values', '- a'))).toMatch(/Expected a mapping/)
    expect(inputError(() => parseValues('values', '{"a": 1'))).toMatch(/Not valid JSON or YAML/)
  })
})

describe('columns', () => {
  it('parses JSON and YAML lists, with defaults', () => {
    expect(parseColumns('columns', '')).toBeUndefined()
    expect(parseColumns('columns', COLUMNS)).toEqual([
      { name: 'Version', label: 'version', width: 120 },
      { name: 'Result', label: 'result', width: 300 }
    ])
    expect(parseColumns('columns', '- label: a\n  width: 50\n- b\n- {name: C, label: c}')).toEqual([
      { name: 'a', label: 'a', width: 50 },
      { name: 'b', label: 'b', width: 300 },
      { name: 'C', label: 'c', width: 300 }
    ])
  })

  it('points at the bad item', () => {
    const bad = (raw: string) => inputError(() => parseColumns('columns', raw))
    expect(bad('a: b')).toMatch(/Expected a list but this is a mapping/)
    expect(bad('[]')).toMatch(/The list is empty/)
    expect(bad('[{"label": "a"}, {"name": "b"}]')).toMatch(
      /Column 2: 'label' must be a non-empty text/
    )
    expect(bad('- {label: a, name: ""}')).toMatch(/Column 1: 'name' must be a non-empty text/)
    expect(bad('- {label: a, width: 0}')).toMatch(
      /Column 1: 'width' must be a positive integer, got 0/
    )
    expect(bad('- {label: a, width: 1.5}')).toMatch(/'width' must be a positive integer/)
    expect(bad('- {label: a, width: "10"}')).toMatch(/'width' must be a positive integer, got "10"/)
    expect(bad('- {label: a, widht: 10}')).toMatch(/Column 1: unknown field 'widht'/)
    expect(bad('- a\n- [b]')).toMatch(/Column 2: expected a mapping/)
    expect(bad('- a\n- a')).toMatch(/Two columns have the label 'a'/)
    expect(bad('[{"label": "a"')).toMatch(/Not valid JSON or YAML at line 1/)
  })
})

describe('addEntry (fake client)', () => {
  const httpError = (status: number) =>
    new MaestroHttpError({ operation: 'x', method: 'POST', path: '/p', status })
  const fake = (answers: Record<string, Array<number | undefined>>) => {
    const calls: string[] = []
    const next = async (name: string) => {
      calls.push(name)
      const status = answers[name]?.shift()
      if (status !== undefined) throw httpError(status)
    }
    return {
      calls,
      client: {
        addLogEntry: () => next('entry'),
        createLog: async () => {
          await next('create')
          return { id: 1, activityLabel: 'l', columns: [] }
        },
        getLog: async () => {
          await next('get')
          return { id: 1, activityLabel: 'l', columns: [{ name: 'A', label: 'a' }] }
        }
      }
    }
  }
  const cols = [{ name: 'a', label: 'a', width: 300 }]

  it('posts again when another job created the log first (409)', async () => {
    const f = fake({ entry: [404], create: [409] })
    await expect(addEntry(f.client, 'l', { a: '1' }, cols)).resolves.toBe(true)
    expect(f.calls).toEqual(['entry', 'create', 'entry'])
  })

  it('keeps a 400 that is not about columns as it came', async () => {
    const f = fake({ entry: [400] })
    await expect(addEntry(f.client, 'l', { a: '1' }, undefined)).rejects.toMatchObject({
      name: 'MaestroHttpError',
      status: 400
    })
    expect(f.calls).toEqual(['entry', 'get'])
  })

  it('keeps the 400 when the log cannot be read to list its columns', async () => {
    const f = fake({ entry: [400], get: [500] })
    await expect(addEntry(f.client, 'l', { b: '1' }, undefined)).rejects.toMatchObject({
      status: 400
    })
  })
})

describe.each(testRuntimes())('log-entry bundle under $label', ({ nodePath }) => {
  it('creates the log from columns, then adds rows to it with one request', async () => {
    const label = `build-${nodePath.length}-${Date.now()}`
    const first = await step(
      { log: label, values: 'version: 1.10\nresult: ok', columns: COLUMNS },
      {},
      nodePath
    )
    expect(first.stderr).toBe('')
    expect(first.exitCode).toBe(0)
    expect(first.outputs).toEqual({
      log: label,
      entry: JSON.stringify({ version: '1.10', result: 'ok' })
    })
    expectNoLeaks(first)
    // entry 404, create, entry
    expect((await sandbox.apiRequests()).map(r => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `POST /api/v2/log/${label}/entry 404`,
      'POST /api/v2/log 200',
      `POST /api/v2/log/${label}/entry 200`
    ])
    const log = await logOf(label)
    expect(log.columns).toEqual([
      { name: 'Version', label: 'version', width: 120, visible: true },
      { name: 'Result', label: 'result', width: 300, visible: true }
    ])
    expect(log.entries.map((e: { columns: unknown }) => e.columns)).toEqual([
      { version: '1.10', result: 'ok' }
    ])
    expect(first.summary).toContain(label)

    await sandbox.clearRequests()
    const second = await step(
      { log: label, values: '{"version": 2, "result": true}', columns: COLUMNS },
      {},
      nodePath
    )
    expect(second.exitCode).toBe(0)
    expectNoLeaks(second)
    expect((await sandbox.requests()).map(r => `${r.method} ${r.path}`)).toEqual([
      'POST /api/v2/workspace/login',
      `POST /api/v2/log/${label}/entry`
    ])
    expect((await logOf(label)).entries[1].columns).toEqual({ version: '2', result: 'true' })
  })
})

describe('log-entry bad input: one error, no request at all', () => {
  it.each([
    [{ log: '', values: 'a: 1' }, 'log', /Required input is empty/],
    [{ log: 'x', values: '' }, 'values', /Required input is empty/],
    [{ log: 'x', values: 'a: [1, 2]' }, 'values', /Column 'a' holds a list/],
    [{ log: 'x', values: 'a: 1', columns: '{label: a}' }, 'columns', /Expected a list/],
    [{ log: 'x', values: 'a: 1', columns: '- {label: a, width: -3}' }, 'columns', /got -3/],
    [
      { log: 'x', values: 'a: 1\nzz: 2', columns: '- a' },
      'values',
      /No column 'zz' in 'columns'. Accepted: the labels given in 'columns': 'a'/
    ]
  ])('%j', async (inputs, input, message) => {
    const result = await step(inputs as Record<string, string>)
    expectInputError(result, input, message)
    expect(await sandbox.requests()).toEqual([])
    expect(result.outputs).toEqual({})
  })
})

describe('log-entry server answers', () => {
  it('unknown column: lists the log’s real columns (entry, then one read of the log)', async () => {
    await ensureLog('known')
    const result = await step({ log: 'known', values: 'version: 3\nstatus: ok' })
    expect(result.exitCode).toBe(1)
    const error = onlyError(result)
    expect(error.properties.title).toBe("Invalid input 'values'")
    expect(error.data).toBe(
      "Execution log 'known' has no column 'status'. Accepted: its column labels 'version' (Version), 'result' (Result)"
    )
    expect((await sandbox.apiRequests()).map(r => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /api/v2/log/known/entry 400',
      'GET /api/v2/log/known 200'
    ])
    expect((await logOf('known')).entries).toHaveLength(1)
    expectNoLeaks(result)
  })

  it('404 without columns: names the log and says columns would create it', async () => {
    const result = await step({ log: 'no-such-log', values: 'a: 1' })
    expect(result.exitCode).toBe(1)
    const error = onlyError(result)
    expect(error.properties.title).toBe('Log entry failed')
    expect(error.data).toMatch(
      /Could not add an entry to execution log 'no-such-log': HTTP 404 Not Found: Log 'no-such-log' not found/
    )
    expect(error.data).toMatch(/give the 'columns' input to create it/)
    expect(await sandbox.apiRequests()).toHaveLength(1)
    expect(await logOf('no-such-log')).toBeUndefined()
    expectNoLeaks(result)
  })

  it('401 with a wrong key', async () => {
    const result = await step({ log: 'known', values: 'a: 1' }, { BOTCITY_KEY: 'wrong-key-456' })
    expect(result.exitCode).toBe(1)
    const error = onlyError(result)
    expect(error.data).toMatch(/HTTP 401 Unauthorized/)
    expect(error.data).toMatch(/Hint: check the login/)
    expect(await sandbox.apiRequests()).toEqual([])
    expectNoLeaks(result)
  })

  it('500: what it was doing, the status and the hint; the row is not sent twice', async () => {
    await ensureLog('known')
    await sandbox.fault({ path: '/api/v2/log/known/entry', status: 500, times: 0 })
    const before = (await logOf('known')).entries.length
    const result = await step({ log: 'known', values: 'version: 9' })
    expect(result.exitCode).toBe(1)
    const error = onlyError(result)
    expect(error.data).toMatch(
      /Could not add an entry to execution log 'known': HTTP 500 .*Hint: Maestro had a server-side problem/
    )
    // adding an entry is not idempotent: no blind retry
    expect(await sandbox.apiRequests()).toHaveLength(1)
    await sandbox.clearFaults()
    expect((await logOf('known')).entries).toHaveLength(before)
    expectNoLeaks(result)
  })
})
