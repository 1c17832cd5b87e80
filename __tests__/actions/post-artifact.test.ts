import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { once } from 'node:events'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { formatSize } from '../../src/actions/shared/summary.js'
import {
  parseDisplayName,
  planUploads,
  type LocalFile
} from '../../src/actions/post-artifact/main.js'
import { MaestroClient } from '../../src/maestro/index.js'
import { checkAction } from '../support/action-check.js'
import { testRuntimes } from '../support/node-runtimes.js'
import { actionDir, commandsOf, expectNoLeaks, runStep, onlyError } from '../support/runner.js'
import { expectInputError } from '../support/input-errors.js'
import { startTestSandbox, type TestSandbox } from '../support/test-sandbox.js'
import { zipEntryText, zipNames } from '../support/zip-reader.js'

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

let sandbox: TestSandbox
let client: MaestroClient
let taskId: number
let ws: string
let scratch: string

// The workspace every step runs in.
const files = {
  'report.txt': 'quarterly report\n',
  'build/app.js': 'console.log("app")\n',
  'build/.env.example': 'A=1\n',
  'build/sub/data.json': '{"a":1}\n',
  'logs/a.log': 'a\n',
  'logs/b.log': 'bb\n',
  'logs/c.log': 'ccc\n'
}

beforeAll(async () => {
  sandbox = await startTestSandbox()
  client = new MaestroClient({ server: sandbox.url, login: sandbox.login, key: sandbox.key })
  taskId = (await client.createTask({ activityLabel: 'demo-bot' })).id
  ws = mkdtempSync(path.join(tmpdir(), 'post-artifact-ws-'))
  scratch = mkdtempSync(path.join(tmpdir(), 'post-artifact-out-'))
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(ws, name)), { recursive: true })
    writeFileSync(path.join(ws, name), text)
  }
})
afterAll(async () => {
  await client.close()
  await sandbox.close()
  rmSync(ws, { recursive: true, force: true })
  rmSync(scratch, { recursive: true, force: true })
})
beforeEach(async () => {
  await sandbox.clearFaults()
  await sandbox.clearRequests()
})

const step = (inputs: Record<string, string>, env: Record<string, string> = {}, node?: string) =>
  runStep({
    actionDir: actionDir('post-artifact'),
    inputs: { 'task-id': String(taskId), ...inputs },
    env: { ...sandbox.env, ...env },
    node,
    workspace: ws,
    timeoutMs: 120_000
  })

interface StoredArtifact {
  id: number
  taskId: number
  name: string
  fileName: string
  size: number
  sha256: string
}
async function stored(id: string | number): Promise<StoredArtifact> {
  const all = (await sandbox.state()).artifacts as StoredArtifact[]
  const a = all.find(x => x.id === Number(id))
  if (!a) throw new Error(`no artifact ${id} in the sandbox`)
  return a
}
const requestLines = async () =>
  (await sandbox.requests()).map(r => `${r.method} ${r.path.replace(/\d+$/, '<id>')} ${r.status}`)

/** Downloads an artifact and lists `name:content` of every entry of the zip. */
async function zipListing(id: string): Promise<string[]> {
  const dest = path.join(scratch, `${id}.zip`)
  await client.downloadArtifact(id, dest)
  return zipNames(dest)
    .filter(n => !n.endsWith('/'))
    .sort()
    .map(n => `${n}:${zipEntryText(dest, n)}`)
}

describe('post-artifact metadata', () => {
  it('matches its Inputs and Outputs', () => {
    expect(checkAction({ name: 'post-artifact' })).toEqual([])
  })
})

describe('display name', () => {
  it.each(['report', 'build output.zip', 'relatório-final', 'a.b'])('accepts %j', name => {
    expect(parseDisplayName('name', name)).toBe(name)
  })
  it.each([
    ['dist/app.zip', 'A name, not a path'],
    ['..\\x', 'A name, not a path'],
    ['..', 'Not a file name'],
    ['bad\u0007name', 'Control characters'],
    ['x'.repeat(256), 'Too long']
  ])('refuses %j', (name, problem) => {
    expect(() => parseDisplayName('name', name)).toThrow(problem)
  })
  it('treats empty as not given', () => {
    expect(parseDisplayName('name', '  ')).toBeUndefined()
  })
})

describe('planUploads', () => {
  const f = (p: string): LocalFile => ({ path: `/ws/${p}`, entryName: p, size: 1 })
  const base = { cwd: '/ws', name: undefined, archive: 'auto' as const }
  const mk = (paths: string[], rootDirectory: string, namedFolder: boolean) => {
    const local = paths.map(f)
    return { found: { files: local.map(l => l.path), rootDirectory, namedFolder }, files: local }
  }
  const one = mk(['r.txt'], '/ws', false)
  const folder = mk(['b/x', 'b/y'], '/ws/b', true)
  const several = mk(['a.log', 'b.log'], '/ws', false)

  it('auto: one file as is, named after it', () => {
    expect(planUploads({ ...base, ...one, patterns: ['r.txt'] })).toEqual([
      { kind: 'file', name: 'r.txt', file: one.files[0] }
    ])
  })
  it('auto: a folder as <folder>.zip, several files as result-files.zip', () => {
    expect(planUploads({ ...base, ...folder, patterns: ['b/'] })[0]).toMatchObject({
      kind: 'archive',
      name: 'b',
      fileName: 'b.zip',
      root: '/ws/b'
    })
    expect(planUploads({ ...base, ...several, patterns: ['*.log'] })[0]).toMatchObject({
      kind: 'archive',
      name: 'result-files',
      fileName: 'result-files.zip'
    })
  })
  it('always: even one file is zipped; a name ending in .zip is not doubled', () => {
    const opts = { ...base, archive: 'always' as const, ...one }
    expect(planUploads({ ...opts, patterns: ['r.txt'] })[0]).toMatchObject({
      kind: 'archive',
      name: 'r.txt',
      fileName: 'r.txt.zip'
    })
    expect(planUploads({ ...opts, name: 'out.ZIP', patterns: ['r.txt'] })[0]).toMatchObject({
      fileName: 'out.ZIP'
    })
  })
  it('never: one result file per file; a single name for several is refused', () => {
    const opts = { ...base, archive: 'never' as const, ...several }
    expect(planUploads({ ...opts, patterns: ['*.log'] }).map(p => p.name)).toEqual([
      'a.log',
      'b.log'
    ])
    expect(() => planUploads({ ...opts, name: 'logs', patterns: ['*.log'] })).toThrow(
      /2 matched files become 2 result files/
    )
  })
  it('formats sizes', () => {
    expect(formatSize(1)).toBe('1 byte')
    expect(formatSize(1023)).toBe('1023 bytes')
    expect(formatSize(1536)).toBe('1.5 KiB (1536 bytes)')
    expect(formatSize(50 * 1024 * 1024)).toBe('50.0 MiB (52428800 bytes)')
  })
})

describe.each(testRuntimes())('post-artifact bundle under $label', ({ nodePath }) => {
  it('posts one file as is in 2 requests after the login, bytes identical', async () => {
    const result = await step({ path: 'report.txt', name: 'Quarterly' }, {}, nodePath)
    expect(result.exitCode).toBe(0)
    expectNoLeaks(result)
    const bytes = Buffer.from(files['report.txt'])
    expect(result.outputs).toEqual({
      'artifact-id': expect.stringMatching(/^\d+$/),
      'artifact-ids': `[${result.outputs['artifact-id']}]`,
      size: String(bytes.length),
      sha256: sha(bytes)
    })
    expect(await stored(result.outputs['artifact-id'])).toMatchObject({
      taskId,
      name: 'Quarterly',
      fileName: 'report.txt',
      size: bytes.length,
      sha256: sha(bytes)
    })
    expect(await requestLines()).toEqual([
      'POST /api/v2/workspace/login 200',
      'POST /api/v2/artifact 200',
      'POST /api/v2/artifact/log/<id> 200'
    ])
    expect(result.summary).toContain(`Result file posted to Maestro task ${taskId}`)
    expect(result.summary).toContain('Quarterly')
    expect(result.summary).toContain('17 bytes')
  })

  it('zips a folder while sending it: <folder>.zip, entries relative to the folder', async () => {
    const result = await step({ path: 'build' }, {}, nodePath)
    expect(result.exitCode).toBe(0)
    expectNoLeaks(result)
    const id = result.outputs['artifact-id']
    const a = await stored(id)
    expect(a).toMatchObject({ name: 'build', fileName: 'build.zip', sha256: result.outputs.sha256 })
    expect(a.size).toBe(Number(result.outputs.size))
    expect(await zipListing(id)).toEqual([
      '.env.example:A=1\n',
      'app.js:console.log("app")\n',
      'sub/data.json:{"a":1}\n'
    ])
    expect((await requestLines()).slice(0, 3)).toEqual([
      'POST /api/v2/workspace/login 200',
      'POST /api/v2/artifact 200',
      'POST /api/v2/artifact/log/<id> 200'
    ])
    expect(result.summary).toContain('sub/data.json')
    expect(result.summary).toContain('3 files in total')
  })
})

describe('post-artifact bundle', () => {
  it('several files (auto) become one result-files.zip; exclusions apply', async () => {
    const result = await step({ path: 'logs/*.log\n!logs/b.log\nreport.txt' })
    expect(result.exitCode).toBe(0)
    expectNoLeaks(result)
    const id = result.outputs['artifact-id']
    expect(await stored(id)).toMatchObject({ name: 'result-files', fileName: 'result-files.zip' })
    expect(await zipListing(id)).toEqual([
      'logs/a.log:a\n',
      'logs/c.log:ccc\n',
      'report.txt:quarterly report\n'
    ])
  })

  it('archive: never posts one result file per file and lists every id', async () => {
    const result = await step({ path: 'logs/', archive: 'never' })
    expect(result.exitCode).toBe(0)
    expectNoLeaks(result)
    const ids = JSON.parse(result.outputs['artifact-ids']) as number[]
    expect(ids).toHaveLength(3)
    expect(result.outputs['artifact-id']).toBe(String(ids[0]))
    const posted = await Promise.all(ids.map(id => stored(id)))
    expect(posted.map(a => [a.name, a.fileName, a.size, a.sha256])).toEqual(
      ['a.log', 'b.log', 'c.log'].map(n => {
        const b = Buffer.from(files[`logs/${n}` as keyof typeof files])
        return [n, n, b.length, sha(b)]
      })
    )
    expect(result.outputs.sha256).toBe(posted[0].sha256)
    const lines = await requestLines()
    expect(lines.filter(l => l.includes('/login'))).toHaveLength(1)
    expect(lines).toHaveLength(1 + 2 * 3)
    expect(result.summary).toContain('3 result files posted')
  })

  it('archive: always zips a single file', async () => {
    const result = await step({ path: 'report.txt', archive: 'always', name: 'report' })
    expect(result.exitCode).toBe(0)
    const id = result.outputs['artifact-id']
    expect(await stored(id)).toMatchObject({ name: 'report', fileName: 'report.zip' })
    expect(await zipListing(id)).toEqual(['report.txt:quarterly report\n'])
  })

  it('streams a 50 MB file: the sandbox holds the same bytes', async () => {
    const big = path.join(ws, 'big', 'data.bin')
    mkdirSync(path.dirname(big), { recursive: true })
    const hash = createHash('sha256')
    const out = createWriteStream(big)
    for (let i = 0; i < 50; i++) {
      const chunk = randomBytes(1024 * 1024)
      hash.update(chunk)
      if (!out.write(chunk)) await once(out, 'drain')
    }
    out.end()
    await once(out, 'close')
    const digest = hash.digest('hex')
    try {
      const result = await step({ path: 'big/data.bin' })
      expect(result.exitCode).toBe(0)
      expect(result.outputs.sha256).toBe(digest)
      expect(await stored(result.outputs['artifact-id'])).toMatchObject({
        size: 50 * 1024 * 1024,
        sha256: digest
      })
      expect(result.summary).toContain('50.0 MiB (52428800 bytes)')
    } finally {
      rmSync(path.dirname(big), { recursive: true, force: true })
    }
  }, 120_000)

  it.each([
    ['a cut file send (single file)', { path: 'report.txt' }, 10],
    ['a cut file send (zip)', { path: 'build' }, 200]
  ])('%s is retried: one artifact, the right bytes', async (_what, inputs, afterBytes) => {
    const before = (await sandbox.state()).artifacts.length
    await sandbox.fault({
      method: 'POST',
      path: '/api/v2/artifact/log/*',
      reset: 'during-request',
      afterBytes,
      times: 1
    })
    const result = await step(inputs)
    expect(result.exitCode).toBe(0)
    expectNoLeaks(result)
    const artifacts = (await sandbox.state()).artifacts as StoredArtifact[]
    expect(artifacts).toHaveLength(before + 1)
    const a = await stored(result.outputs['artifact-id'])
    expect(a.sha256).toBe(result.outputs.sha256)
    if (inputs.path === 'report.txt') expect(a.sha256).toBe(sha(Buffer.from(files['report.txt'])))
    else expect(await zipListing(String(a.id))).toHaveLength(3)
    const lines = await requestLines()
    expect(lines.filter(l => l.includes('/artifact/log/'))).toHaveLength(2)
    expect(lines.filter(l => l.endsWith('/artifact 200'))).toHaveLength(1)
  })

  it.each([
    ['task-id', { 'task-id': 'abc' }, "'abc'"],
    ['task-id', { 'task-id': '0' }, "'0'"],
    ['path', { path: '' }, 'Required input is empty'],
    ['path', { path: 'nothing/here/*.pdf' }, "No files match 'nothing/here/*.pdf'"],
    ['archive', { path: 'report.txt', archive: 'tar' }, "'tar'"],
    ['if-no-files-found', { path: 'report.txt', 'if-no-files-found': 'fail' }, "'fail'"],
    ['name', { path: 'report.txt', name: 'out/report.txt' }, "'out/report.txt'"],
    ['name', { path: 'logs', archive: 'never', name: 'logs' }, "got 'logs'"]
  ])('fails on a bad %s with one error and no request', async (input, inputs, quoted) => {
    const result = await step({ path: 'report.txt', ...inputs })
    expectInputError(result, input, quoted)
    expect(await sandbox.requests()).toEqual([])
  })

  it('if-no-files-found: warn and ignore post nothing, send nothing, and pass', async () => {
    const warn = await step({ path: 'nothing.txt', 'if-no-files-found': 'warn' })
    expect(warn.exitCode).toBe(0)
    expect(commandsOf(warn, 'warning').map(w => w.data)).toEqual([
      expect.stringContaining("No files match 'nothing.txt'")
    ])
    expect(warn.outputs).toEqual({ 'artifact-id': '', 'artifact-ids': '[]', size: '', sha256: '' })
    const ignore = await step({ path: 'nothing.txt', 'if-no-files-found': 'IGNORE' })
    expect(ignore.exitCode).toBe(0)
    expect(commandsOf(ignore, 'warning')).toHaveLength(0)
    expect(await sandbox.requests()).toEqual([])
  })

  it('reports a wrong key (401) with the hint', async () => {
    const result = await step({ path: 'report.txt' }, { BOTCITY_KEY: 'wrong-key-123' })
    expect(result.exitCode).toBe(1)
    expectNoLeaks(result)
    const error = onlyError(result)
    expect(error.properties.title).toBe('Post result files failed')
    expect(error.data).toMatch(/log in.*HTTP 401/)
    expect(error.data).toContain('Hint:')
  })

  it('reports an unknown task (404) and sends no file', async () => {
    const result = await step({ path: 'report.txt', 'task-id': '987654' })
    expect(result.exitCode).toBe(1)
    expectNoLeaks(result)
    const error = onlyError(result)
    expect(error.data).toContain('HTTP 404')
    expect(error.data).toContain('task 987654')
    expect((await sandbox.apiRequests()).map(r => r.path)).toEqual(['/api/v2/artifact'])
  })

  it('reports a server error (500) on the record without retrying it', async () => {
    await sandbox.fault({ path: '/api/v2/artifact', status: 500, times: 0 })
    const result = await step({ path: 'report.txt' })
    expect(result.exitCode).toBe(1)
    expectNoLeaks(result)
    const error = onlyError(result)
    expect(error.data).toContain("create the record of artifact 'report.txt'")
    expect(error.data).toContain('HTTP 500')
    expect((await sandbox.apiRequests()).map(r => r.path)).toEqual(['/api/v2/artifact'])
  })

  it('a file send that keeps failing (500) fails after the retries, naming the file', async () => {
    await sandbox.fault({ path: '/api/v2/artifact/log/*', status: 500, times: 0 })
    const result = await step({ path: 'report.txt' })
    expect(result.exitCode).toBe(1)
    expectNoLeaks(result)
    expect(onlyError(result).data).toMatch(/send file 'report.txt' to artifact \d+.*HTTP 500/)
  }, 60_000)
})
