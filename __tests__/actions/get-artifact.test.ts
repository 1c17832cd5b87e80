import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import {
  UNKNOWN_AGE_DAYS,
  checkArtifactService,
  listingDays,
  matchesNameFilter,
  parseArtifactIds,
  parseDestination,
  parseGithubArtifactName,
  parseNameFilter,
  planDownloads
} from '../../src/actions/get-artifact/main.js'
import type { Artifact } from '../../src/maestro/index.js'
import { MaestroClient } from '../../src/maestro/index.js'
import { checkAction } from '../support/action-check.js'
import { testRuntimes } from '../support/node-runtimes.js'
import { recordReliability } from '../support/reliability.js'
import { actionDir, commandsOf, expectNoLeaks, onlyError, runStep } from '../support/runner.js'
import { expectInputError } from '../support/input-errors.js'
import { startTestSandbox, type TestSandbox } from '../support/test-sandbox.js'
import { zipEntryText, zipNames } from '../support/zip-reader.js'

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex')

let sandbox: TestSandbox
let client: MaestroClient
let taskId: number
let ws: string

beforeAll(async () => {
  sandbox = await startTestSandbox()
  client = new MaestroClient({ server: sandbox.url, login: sandbox.login, key: sandbox.key })
  taskId = (await client.createTask({ activityLabel: 'demo-bot' })).id
})
afterAll(async () => {
  await client.close()
  await sandbox.close()
})
beforeEach(async () => {
  await sandbox.clearFaults()
  await sandbox.clearRequests()
  ws = mkdtempSync(path.join(tmpdir(), 'get-artifact-ws-'))
})

/** Posts a result file with these bytes (the file name is sent exactly as given). */
async function post(fileName: string, content: Buffer | string, task = taskId, name = fileName) {
  const bytes = Buffer.from(content)
  const { artifact } = await client.uploadArtifact({
    taskId: task,
    name,
    fileName,
    stream: Readable.from([bytes]),
    size: bytes.length
  })
  return { id: artifact.id, bytes }
}

const step = (inputs: Record<string, string>, env: Record<string, string> = {}, node?: string) =>
  runStep({
    actionDir: actionDir('get-artifact'),
    inputs,
    env: { ...sandbox.env, ...env },
    node,
    workspace: ws,
    timeoutMs: 120_000
  })

const requestLines = async () =>
  (await sandbox.requests()).map(
    r => `${r.method} ${r.path.replace(/\/\d+(\/|$)/, '/<id>$1')} ${r.status}`
  )

/** Every file under `dir`, relative, temporary `.part` files included. */
function listTree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()
}

describe('get-artifact metadata', () => {
  it('matches its Inputs and Outputs', () => {
    expect(checkAction({ name: 'get-artifact' })).toEqual([])
  })
})

describe('artifact-id input', () => {
  it.each([
    ['12', [12]],
    ['12\n13\n\n14', [12, 13, 14]],
    ['12, 13 14', [12, 13, 14]],
    ['[12, 13]', [12, 13]],
    ['["12", 13]', [12, 13]],
    ['12\n12\n13', [12, 13]],
    ['', []]
  ])('%j -> %j', (raw, ids) => {
    expect(parseArtifactIds('artifact-id', raw)).toEqual(ids)
  })
  it.each([
    ['abc', "'abc'"],
    ['0', "'0'"],
    ['-1', "'-1'"],
    ['1.5', "'1.5'"],
    ['12 x', "'x'"],
    ['[1, "x"]', "'x'"],
    ['[1, 2', 'Not a JSON array'],
    ['[{"id": 1}]', 'Not a result file id'],
    ['99999999999999999999', 'Not a result file id'],
    [Array.from({ length: 1001 }, (_, i) => i + 1).join('\n'), 'More than 1000 ids']
  ])('refuses case %#', (raw, problem) => {
    expect(() => parseArtifactIds('artifact-id', raw)).toThrow(problem)
  })
})

describe('name globs', () => {
  const a = (name: string, fileName = name) => ({ name, fileName })
  it('match the name or the file name, case-insensitively; ! excludes', () => {
    const filter = parseNameFilter('name', ['*.PDF', 'summary', '!draft-*'])
    expect(matchesNameFilter(a('report.pdf'), filter)).toBe(true)
    expect(matchesNameFilter(a('Summary', 'summary-2026.txt'), filter)).toBe(true)
    expect(matchesNameFilter(a('Weekly', 'weekly.pdf'), filter)).toBe(true)
    expect(matchesNameFilter(a('draft-report.pdf'), filter)).toBe(false)
    expect(matchesNameFilter(a('data.csv'), filter)).toBe(false)
  })
  it('only excluding patterns keep everything else', () => {
    const filter = parseNameFilter('name', ['!*.log'])
    expect(matchesNameFilter(a('a.txt'), filter)).toBe(true)
    expect(matchesNameFilter(a('a.log'), filter)).toBe(false)
  })
  it('no patterns: no filter', () => {
    expect(parseNameFilter('name', [])).toBeUndefined()
    expect(matchesNameFilter(a('x'), undefined)).toBe(true)
  })
  it.each([
    [['!'], 'An empty pattern'],
    [['x'.repeat(1001)], 'Too long'],
    [['a\u0007b'], 'Control characters'],
    [Array.from({ length: 101 }, (_, i) => `p${i}`), '101 patterns']
  ])('refuses %#', (lines, problem) => {
    expect(() => parseNameFilter('name', lines)).toThrow(problem)
  })
})

describe('path input', () => {
  let root: string
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'get-artifact-dest-'))
    mkdirSync(path.join(root, 'ws', 'existing'), { recursive: true })
    writeFileSync(path.join(root, 'ws', 'a-file'), 'x')
  })
  afterAll(() => rmSync(root, { recursive: true, force: true }))
  const wsDir = () => path.join(root, 'ws')

  it('defaults to the workspace; relative paths stay inside it; absolute paths are taken', () => {
    expect(parseDestination('path', '', wsDir())).toBe(wsDir())
    expect(parseDestination('path', 'existing', wsDir())).toBe(path.join(wsDir(), 'existing'))
    expect(parseDestination('path', 'new/deeper', wsDir())).toBe(path.join(wsDir(), 'new/deeper'))
    expect(parseDestination('path', 'a/../b', wsDir())).toBe(path.join(wsDir(), 'b'))
    expect(parseDestination('path', path.join(root, 'out'), wsDir())).toBe(path.join(root, 'out'))
  })
  it.each([
    ['../outside', 'Climbs out of the workspace'],
    ['existing/../../x', 'Climbs out of the workspace'],
    ['a-file', 'Not a folder'],
    ['a-file/sub', 'is a file, not a folder'],
    ['bad\u0000name', 'Control characters'],
    ['x'.repeat(5000), 'Too long']
  ])('refuses case %#', (raw, problem) => {
    expect(() => parseDestination('path', raw, wsDir())).toThrow(problem)
  })
  it.each([
    ['downloads\\results:1', "Windows does not allow ':' in the name 'results:1'"],
    ['downloads/aux', "'aux' is a Windows device name"],
    ['out./files', "drops the dot or space that ends the name 'out.'"],
    ['a|b', "does not allow '|'"]
  ])('on Windows, refuses %j before any request', (raw, problem) => {
    expect(() => parseDestination('path', raw, wsDir(), 'win32')).toThrow(problem)
    // Other platforms create such folders as named.
    expect(parseDestination('path', raw, wsDir(), 'linux')).toBe(path.join(wsDir(), raw))
  })
  it('on Windows, checks the nearest existing folder by creating a file in it, and leaves none', () => {
    expect(parseDestination('path', 'existing/new', wsDir(), 'win32')).toBe(
      path.join(wsDir(), 'existing', 'new')
    )
    expect(readdirSync(path.join(wsDir(), 'existing'))).toEqual([])
  })
})

describe('github-artifact-name input and the artifact service check', () => {
  it.each(['maestro-results', 'results 2026 (nightly)', 'a.b'])('accepts %j', name => {
    expect(parseGithubArtifactName('github-artifact-name', name)).toBe(name)
  })
  it.each([
    ['a/b', 'does not allow'],
    ['a:b', 'does not allow'],
    ['a*', 'does not allow'],
    ['a\u0001', 'Control characters'],
    ['n'.repeat(256), 'Too long']
  ])('refuses case %#', (name, problem) => {
    expect(() => parseGithubArtifactName('github-artifact-name', name)).toThrow(problem)
  })
  const ok = {
    ACTIONS_RUNTIME_TOKEN: 'token',
    ACTIONS_RESULTS_URL: 'https://results.example/',
    GITHUB_SERVER_URL: 'https://github.com'
  }
  it('passes with both variables on github.com', () => {
    expect(() => checkArtifactService('github-artifact-name', 'x', ok)).not.toThrow()
  })
  it.each([
    [{ ...ok, ACTIONS_RUNTIME_TOKEN: '' }, 'ACTIONS_RUNTIME_TOKEN is not set'],
    [{ GITHUB_SERVER_URL: 'https://github.com' }, 'ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL'],
    [{ ...ok, ACTIONS_RESULTS_URL: 'not a url' }, 'ACTIONS_RESULTS_URL is not a URL'],
    [{ ...ok, GITHUB_SERVER_URL: 'https://git.acme.corp' }, 'GitHub Enterprise Server']
  ])('fails clearly: %#', (env, problem) => {
    expect(() => checkArtifactService('github-artifact-name', 'x', env)).toThrow(problem)
    expect(() => checkArtifactService('github-artifact-name', 'x', env)).toThrow(
      'Nothing was downloaded'
    )
  })
})

describe('planning', () => {
  const art = (id: number, fileName: string, name = fileName): Artifact => ({
    id,
    taskId: 1,
    name,
    fileName
  })
  it('reduces hostile names, numbers repeats, avoids entries that are not files', () => {
    const plans = planDownloads(
      [
        art(1, '../../etc/passwd'),
        art(2, 'report.pdf'),
        art(3, 'REPORT.pdf'),
        art(4, ''),
        art(5, '', 'display name.txt'),
        art(6, 'sub'),
        art(7, 'CON')
      ],
      '/dest',
      ['sub']
    )
    expect(plans.map(p => p.fileName)).toEqual([
      'passwd',
      'report.pdf',
      'REPORT (1).pdf',
      'artifact-4',
      'display name.txt',
      'sub (1)',
      '_CON'
    ])
    // The folder as path.join spells it: '\dest' on Windows.
    for (const p of plans) expect(path.dirname(p.path)).toBe(path.normalize('/dest'))
  })
  it('listing reaches back to the task creation', () => {
    const now = Date.parse('2026-03-10T12:00:00Z')
    expect(listingDays('2026-03-10T11:00:00Z', now)).toBe(2)
    expect(listingDays('2026-01-01T00:00:00Z', now)).toBe(70)
    expect(listingDays(undefined, now)).toBe(UNKNOWN_AGE_DAYS)
    expect(listingDays('garbage', now)).toBe(UNKNOWN_AGE_DAYS)
  })
})

describe.each(testRuntimes())('get-artifact bundle under $label', ({ nodePath }) => {
  it('downloads one result file by id: bytes, outputs, summary, 3 requests', async () => {
    const { id, bytes } = await post('report.txt', 'quarterly report\n')
    await sandbox.clearRequests()
    const result = await step({ 'artifact-id': String(id), path: 'in' }, {}, nodePath)
    expect(result.exitCode).toBe(0)
    expectNoLeaks(result)
    const file = path.join(ws, 'in', 'report.txt')
    expect(readFileSync(file)).toEqual(bytes)
    expect(result.outputs).toEqual({
      files: JSON.stringify([file]),
      'artifact-ids': `[${id}]`,
      sha256: JSON.stringify({ [file]: sha(bytes) }),
      'github-artifact-id': ''
    })
    expect(await requestLines()).toEqual([
      'POST /api/v2/workspace/login 200',
      'GET /api/v2/artifact/<id> 200',
      'GET /api/v2/artifact/<id>/file 200'
    ])
    expect(result.summary).toContain('1 result file downloaded from Maestro')
    expect(result.summary).toContain('report.txt')
    expect(result.summary).toContain('17 bytes')
    expect(result.summary).toContain(sha(bytes))
  })
})

describe('get-artifact bundle', () => {
  it('several ids (a JSON array): repeated names get a suffix, an old file is replaced, a folder is avoided', async () => {
    const a = await post('data.csv', 'a,b\n1,2\n')
    const b = await post('DATA.csv', 'a,b\n3,4\n')
    const c = await post('notes', 'n\n')
    writeFileSync(path.join(ws, 'data.csv'), 'stale')
    mkdirSync(path.join(ws, 'notes'))
    const result = await step({ 'artifact-id': JSON.stringify([a.id, b.id, c.id]) })
    expect(result.exitCode).toBe(0)
    expectNoLeaks(result)
    const files = JSON.parse(result.outputs.files) as string[]
    expect(files).toEqual([
      path.join(ws, 'data.csv'),
      path.join(ws, 'DATA (1).csv'),
      path.join(ws, 'notes (1)')
    ])
    expect(files.map(f => readFileSync(f, 'utf8'))).toEqual(['a,b\n1,2\n', 'a,b\n3,4\n', 'n\n'])
    expect(JSON.parse(result.outputs['artifact-ids'])).toEqual([a.id, b.id, c.id])
    expect(Object.values(JSON.parse(result.outputs.sha256))).toEqual([
      sha(a.bytes),
      sha(b.bytes),
      sha(c.bytes)
    ])
    expect(result.summary).toContain('3 result files downloaded from Maestro')
    expect(result.summary).toContain('DATA (1).csv (in Maestro: &#39;DATA.csv&#39;)')
  })

  it('task-id: every result file of the task across listing pages, oldest first; others untouched', async () => {
    const task = (await client.createTask({ activityLabel: 'demo-bot' })).id
    const other = (await client.createTask({ activityLabel: 'demo-bot' })).id
    const first = await post('first.txt', 'first\n', task)
    // More than one page (the action asks for 100 a page) of another task's records between them.
    const token = await client.login()
    for (let i = 0; i < 101; i++) {
      const response = await fetch(`${sandbox.url}/api/v2/artifact`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          token: token.accessToken,
          organization: sandbox.login
        },
        body: JSON.stringify({ taskId: other, name: `noise-${i}`, filename: `noise-${i}.txt` })
      })
      expect(response.ok).toBe(true)
    }
    const last = await post('last.txt', 'last\n', task)
    await sandbox.clearRequests()
    const result = await step({ 'task-id': String(task), path: 'from-task' })
    expect(result.exitCode).toBe(0)
    expectNoLeaks(result)
    expect(JSON.parse(result.outputs['artifact-ids'])).toEqual([first.id, last.id])
    expect(listTree(path.join(ws, 'from-task'))).toEqual(['first.txt', 'last.txt'])
    const listing = (await sandbox.requests()).filter(r => r.path === '/api/v2/artifact')
    expect(listing.map(r => r.query.page)).toEqual(['0', '1'])
    expect(listing[0].query.days).toBe('2')
    expect(result.summary).toContain(`2 result files downloaded from Maestro task ${task}`)
  })

  it('task-id with name globs downloads only what matches', async () => {
    const task = (await client.createTask({ activityLabel: 'demo-bot' })).id
    await post('invoice-1.PDF', '1', task)
    await post('draft-invoice.pdf', '2', task)
    await post('log.txt', '3', task, 'Run log')
    const result = await step({ 'task-id': String(task), name: '*.pdf\nrun LOG\n!draft-*' })
    expect(result.exitCode).toBe(0)
    expect(listTree(ws)).toEqual(['invoice-1.PDF', 'log.txt'])
  })

  it('task-id without result files: error, warn or ignore', async () => {
    const task = (await client.createTask({ activityLabel: 'demo-bot' })).id
    const error = await step({ 'task-id': String(task) })
    expect(error.exitCode).toBe(1)
    expect(onlyError(error).data).toContain(`Task ${task} has no result file`)
    expect(onlyError(error).data).toContain('Nothing was downloaded')
    const warn = await step({ 'task-id': String(task), name: '*.pdf', 'if-no-files-found': 'warn' })
    expect(warn.exitCode).toBe(0)
    expect(commandsOf(warn, 'warning').map(w => w.data)).toEqual([
      `Task ${task} has no result file whose name matches '*.pdf'; nothing downloaded.`
    ])
    expect(warn.outputs).toEqual({
      files: '[]',
      'artifact-ids': '[]',
      sha256: '{}',
      'github-artifact-id': ''
    })
    const ignore = await step({ 'task-id': String(task), 'if-no-files-found': 'ignore' })
    expect(ignore.exitCode).toBe(0)
    expect(commandsOf(ignore, 'warning')).toHaveLength(0)
  })

  it('names from the server can never write outside the folder', async () => {
    const task = (await client.createTask({ activityLabel: 'demo-bot' })).id
    const hostile = [
      '../../escape-1.txt',
      '/etc/escape-2.txt',
      'C:\\Windows\\escape-3.txt',
      '\\\\server\\share\\escape-4.txt',
      '..',
      'evil\u0000.sh',
      'CON',
      `${'long'.repeat(300)}.log`,
      'link'
    ]
    for (const name of hostile) await post(name, `content of ${JSON.stringify(name)}`, task)
    const outside = path.join(ws, 'outside')
    mkdirSync(outside)
    const dest = path.join(ws, 'dest', 'deeper')
    mkdirSync(dest, { recursive: true })
    // A symlink named like a result file must not be followed into another folder.
    symlinkSync(outside, path.join(dest, 'link'))
    const result = await step({ 'task-id': String(task), path: 'dest/deeper' })
    expect(result.exitCode).toBe(0)
    expectNoLeaks(result)
    const files = JSON.parse(result.outputs.files) as string[]
    expect(files).toHaveLength(hostile.length)
    for (const f of files) expect(path.dirname(f)).toBe(dest)
    expect(files.map(f => path.basename(f)).slice(0, 8)).toEqual([
      'escape-1.txt',
      'escape-2.txt',
      'escape-3.txt',
      'escape-4.txt',
      expect.stringMatching(/^artifact-\d+$/),
      'evil.sh',
      '_CON',
      `${'long'.repeat(62)}lon.log`
    ])
    expect(path.basename(files[8])).toBe('link (1)')
    expect(Buffer.byteLength(path.basename(files[7]))).toBe(255)
    expect(readdirSync(outside)).toEqual([])
    expect(listTree(ws).filter(f => !f.startsWith('dest/deeper/') && f !== 'dest/deeper')).toEqual([
      'dest',
      'outside'
    ])
    expect(listTree(dest).some(f => f.endsWith('.part'))).toBe(false)
  })

  it('a cut download is retried: one complete file, no temporary file left', async () => {
    const { id, bytes } = await post('retried.bin', randomBytes(300_000))
    await sandbox.fault({
      path: `/api/v2/artifact/${id}/file`,
      reset: 'during-response',
      times: 1
    })
    const result = await step({ 'artifact-id': String(id) })
    recordReliability('fault', 'get-artifact: download cut once', result.exitCode === 0)
    expect(result.exitCode).toBe(0)
    expect(readFileSync(path.join(ws, 'retried.bin'))).toEqual(bytes)
    expect(listTree(ws)).toEqual(['retried.bin'])
    expect(result.stdout).toMatch(/download artifact \d+: attempt 1 of 4 failed/)
    // The test's own keep-alive connection to the sandbox is reset after this fault (cause not
    // found yet, see the report of issue 7); one fresh try reads the request log.
    const log = await sandbox.requests().catch(() => sandbox.requests())
    const downloads = log.filter(r => r.path.endsWith('/file'))
    expect(downloads).toHaveLength(2)
  })

  it('streams a 40 MB file to disk: the same bytes', async () => {
    const big = randomBytes(40 * 1024 * 1024)
    const { id } = await post('big.bin', big)
    const result = await step({ 'artifact-id': String(id) })
    expect(result.exitCode).toBe(0)
    expect(JSON.parse(result.outputs.sha256)).toEqual({ [path.join(ws, 'big.bin')]: sha(big) })
    // The bytes on disk, not only the hash taken on the way: written chunks are released early.
    expect(sha(readFileSync(path.join(ws, 'big.bin')))).toBe(sha(big))
    expect(result.summary).toContain('40.0 MiB (41943040 bytes)')
  }, 120_000)

  it('when the second of two downloads fails: the first stays and is named everywhere, nothing partial', async () => {
    const one = await post('one.txt', 'one\n')
    const two = await post('two.txt', randomBytes(200_000))
    const three = await post('three.txt', 'three\n')
    await sandbox.fault({
      path: `/api/v2/artifact/${two.id}/file`,
      reset: 'during-response',
      times: 0
    })
    const result = await step({ 'artifact-id': `${one.id}\n${two.id}\n${three.id}` })
    const tree = listTree(ws)
    recordReliability('partial-file', 'get-artifact: second download fails', tree.length === 1)
    expect(result.exitCode).toBe(1)
    expectNoLeaks(result)
    expect(tree).toEqual(['one.txt'])
    const kept = path.join(ws, 'one.txt')
    expect(result.outputs).toEqual({
      files: JSON.stringify([kept]),
      'artifact-ids': `[${one.id}]`,
      sha256: JSON.stringify({ [kept]: sha('one\n') }),
      'github-artifact-id': ''
    })
    const error = onlyError(result)
    expect(error.properties.title).toBe('Get result files failed')
    expect(error.data).toContain(`download artifact ${two.id}`)
    expect(error.data).toContain(
      `1 of 3 result files were downloaded before it and kept: ${kept} (result file ${one.id})`
    )
    expect(error.data).toContain('1 more was not tried')
    expect(error.data).toContain(`Nothing partial was left at ${path.join(ws, 'two.txt')}`)
    expect(result.summary).toContain('1 result file downloaded from Maestro before a failure')
    expect(result.summary).toContain('one.txt')
    expect(result.summary).toContain(`result file ${two.id}`)
    // Retried as a safe read, then given up; the third was never asked for.
    const paths = (await sandbox.apiRequests()).map(r => r.path)
    expect(paths.filter(p => p === `/api/v2/artifact/${two.id}/file`)).toHaveLength(4)
    expect(paths).not.toContain(`/api/v2/artifact/${three.id}/file`)
  }, 60_000)

  it.each([
    ['artifact-id', { 'artifact-id': 'abc' }, "'abc'"],
    ['artifact-id', { 'artifact-id': '' }, "Neither 'artifact-id' nor 'task-id'"],
    ['artifact-id', { 'artifact-id': '1', 'task-id': '2' }, 'Both'],
    ['task-id', { 'task-id': '-3' }, "'-3'"],
    ['name', { 'artifact-id': '1', name: '*.pdf' }, "got '*.pdf'"],
    ['name', { 'task-id': '1', name: '!' }, "got '!'"],
    ['path', { 'artifact-id': '1', path: '../../elsewhere' }, 'Climbs out of the workspace'],
    ['path', { 'artifact-id': '1', path: 'x'.repeat(100_000) }, 'Too long'],
    ['if-no-files-found', { 'task-id': '1', 'if-no-files-found': 'fail' }, "'fail'"],
    ['github-artifact-name', { 'artifact-id': '1', 'github-artifact-name': 'a/b' }, "'a/b'"],
    [
      'github-artifact-name',
      { 'artifact-id': '1', 'github-artifact-name': 'maestro-results' },
      "the runner's artifact service is not available to this step (ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set"
    ]
  ])('fails on a bad %s with one error and no request', async (input, inputs, quoted) => {
    const result = await step(inputs)
    const requests = await sandbox.requests()
    recordReliability(
      'bad-input',
      `get-artifact: ${input} ${JSON.stringify(inputs).slice(0, 60)}`,
      result.exitCode === 1 && requests.length === 0
    )
    expectInputError(result, input, quoted)
    expect(requests).toEqual([])
    expect(listTree(ws)).toEqual([])
  })

  it('reports a wrong key (401) with the hint', async () => {
    const result = await step({ 'artifact-id': '1' }, { BOTCITY_KEY: 'wrong-key-123' })
    expect(result.exitCode).toBe(1)
    expectNoLeaks(result)
    const error = onlyError(result)
    expect(error.properties.title).toBe('Get result files failed')
    expect(error.data).toMatch(/log in.*HTTP 401/)
    expect(error.data).toContain('Hint:')
  })

  it('reports an unknown result file (404) naming its id, before writing anything', async () => {
    const { id } = await post('fine.txt', 'fine')
    const result = await step({ 'artifact-id': `${id}\n987654` })
    expect(result.exitCode).toBe(1)
    expectNoLeaks(result)
    const error = onlyError(result)
    expect(error.data).toContain('HTTP 404')
    expect(error.data).toContain('check that artifact 987654 exists')
    expect(listTree(ws)).toEqual([])
  })

  it('reports an unknown task (404) naming it', async () => {
    const result = await step({ 'task-id': '987654' })
    expect(result.exitCode).toBe(1)
    const error = onlyError(result)
    expect(error.data).toContain('HTTP 404')
    expect(error.data).toContain('check that task 987654 exists')
    expect((await sandbox.apiRequests()).map(r => r.path)).toEqual(['/api/v2/task/987654'])
  })

  it('a download that keeps failing (500) names the result file and leaves nothing', async () => {
    const { id } = await post('broken.txt', 'x')
    await sandbox.fault({ path: `/api/v2/artifact/${id}/file`, status: 500, times: 0 })
    const result = await step({ 'artifact-id': String(id) })
    recordReliability('fault', 'get-artifact: download 500', result.exitCode === 1)
    expect(result.exitCode).toBe(1)
    const error = onlyError(result)
    expect(error.data).toMatch(new RegExp(`download artifact ${id}.*HTTP 500`))
    expect(error.data).toContain(`No file was written to ${ws}`)
    expect(listTree(ws)).toEqual([])
  }, 60_000)
})

// ------------------------------------------------------------------------------------------------
// A minimal stand-in for the runner's artifact service: the two Twirp calls @actions/artifact makes
// and the Azure block-blob upload its signed URL points at.

interface FakeResults {
  url: string
  server: Server
  calls: string[]
  created: Array<Record<string, unknown>>
  finalized: Array<Record<string, unknown>>
  /** The committed blob (the zip), once the block list arrived. */
  blob?: Buffer
}

async function startFakeResults(): Promise<FakeResults> {
  const blocks = new Map<string, Buffer>()
  const fake: FakeResults = {
    url: '',
    server: createServer(),
    calls: [],
    created: [],
    finalized: []
  }
  fake.server.on('request', (req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const url = new URL(req.url ?? '/', fake.url)
      fake.calls.push(
        `${req.method} ${url.pathname}${url.searchParams.has('comp') ? `?comp=${url.searchParams.get('comp')}` : ''}`
      )
      const twirp = /\/twirp\/github\.actions\.results\.api\.v1\.ArtifactService\/(\w+)$/.exec(
        url.pathname
      )
      if (req.method === 'POST' && twirp) {
        const payload = JSON.parse(body.toString('utf8')) as Record<string, unknown>
        res.setHeader('content-type', 'application/json')
        if (twirp[1] === 'CreateArtifact') {
          fake.created.push(payload)
          res.end(
            JSON.stringify({ ok: true, signedUploadUrl: `${fake.url}/blob/a.zip?sig=secret` })
          )
          return
        }
        if (twirp[1] === 'FinalizeArtifact') {
          fake.finalized.push(payload)
          res.end(JSON.stringify({ ok: true, artifactId: '4242' }))
          return
        }
      }
      if (req.method === 'PUT' && url.pathname === '/blob/a.zip') {
        const comp = url.searchParams.get('comp')
        if (comp === 'block') {
          blocks.set(url.searchParams.get('blockid') ?? '', body)
        } else if (comp === 'blocklist') {
          const ids = [
            ...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)</g)
          ]
          fake.blob = Buffer.concat(ids.map(m => blocks.get(m[1]) ?? Buffer.alloc(0)))
        } else {
          fake.blob = body
        }
        res.statusCode = 201
        res.setHeader('x-ms-request-id', 'fake')
        res.setHeader('etag', '"0x1"')
        res.end()
        return
      }
      res.statusCode = 404
      res.end('{}')
    })
  })
  await new Promise<void>(resolve => fake.server.listen(0, '127.0.0.1', resolve))
  fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`
  return fake
}

/** An unsigned JWT with the scope @actions/artifact reads the backend ids from. */
function runtimeToken(): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ scp: 'Actions.GenericRead Actions.Results:run-backend-1:job-backend-2' })}.sig`
}

describe('get-artifact publishing as a workflow artifact', () => {
  let fake: FakeResults
  beforeAll(async () => {
    fake = await startFakeResults()
  })
  afterAll(async () => {
    await new Promise(resolve => fake.server.close(resolve))
  })

  it('uploads the downloaded files with @actions/artifact: create, blob, finalize', async () => {
    const a = await post('alpha.txt', 'alpha\n')
    const b = await post('beta.txt', 'beta\n')
    const result = await step(
      { 'artifact-id': `${a.id}\n${b.id}`, path: 'pub', 'github-artifact-name': 'maestro-results' },
      { ACTIONS_RUNTIME_TOKEN: runtimeToken(), ACTIONS_RESULTS_URL: `${fake.url}/` }
    )
    expect(result.exitCode).toBe(0)
    expectNoLeaks(result)
    expect(result.outputs['github-artifact-id']).toBe('4242')
    expect(fake.created).toEqual([
      expect.objectContaining({
        name: 'maestro-results',
        workflow_run_backend_id: 'run-backend-1',
        workflow_job_run_backend_id: 'job-backend-2'
      })
    ])
    expect(fake.finalized).toEqual([
      expect.objectContaining({ name: 'maestro-results', size: String(fake.blob?.length) })
    ])
    const zip = path.join(ws, 'published.zip')
    writeFileSync(zip, fake.blob ?? Buffer.alloc(0))
    const entries = zipNames(zip)
    expect(entries.sort()).toEqual(['alpha.txt', 'beta.txt'])
    expect(zipEntryText(zip, 'beta.txt')).toBe('beta\n')
    expect(result.summary).toContain('maestro-results (id 4242)')
    expect(existsSync(path.join(ws, 'pub', 'alpha.txt'))).toBe(true)
  }, 60_000)
})
