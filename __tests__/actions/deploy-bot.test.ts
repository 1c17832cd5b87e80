import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  Inputs,
  parseBotPackage,
  parseCommand,
  parseName,
  run,
  zipSizeBound,
  type BotPackage
} from '../../src/actions/deploy-bot/main.js'
import { run as runRootAction } from '../../src/actions/all/main.js'
import { zipStream } from '../../src/actions/shared/files.js'
import { checkAction } from '../support/action-check.js'
import { createCoreStub } from '../support/core-stub.js'
import { testRuntimes } from '../support/node-runtimes.js'
import { recordReliability } from '../support/reliability.js'
import { actionDir, commandsOf, expectNoLeaks, onlyError, runStep } from '../support/runner.js'
import { expectInputError } from '../support/input-errors.js'
import { startTestSandbox, type TestSandbox } from '../support/test-sandbox.js'
import { zipNames } from '../support/zip-reader.js'

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

let sandbox: TestSandbox
let ws: string
let zipBytes: Buffer
let tgzBytes: Buffer

// The workspace every step runs in: a bot folder, its zip and its tar.gz, and some bad packages.
const botFiles = {
  'bot/bot.py': 'print("hello from the bot")\n',
  'bot/requirements.txt': 'botcity-framework-core\n',
  'bot/.botcity/config.json': '{"a":1}\n',
  'bot/resources/data.bin': randomBytes(40_000).toString('base64')
}

async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of stream) chunks.push(Buffer.from(c))
  return Buffer.concat(chunks)
}

/** The zip deploy-bot builds of `bot/` (yazl is deterministic for the same files and times). */
async function folderZip(): Promise<Buffer> {
  const root = path.join(ws, 'bot')
  const files = Object.keys(botFiles)
    .map(f => path.join(ws, f))
    .sort()
  return readAll(await zipStream(files, root))
}

beforeAll(async () => {
  sandbox = await startTestSandbox({
    bots: [{ botId: 'seeded-bot', version: '1.0.0', technology: 'PYTHON' }]
  })
  ws = mkdtempSync(path.join(tmpdir(), 'deploy-bot-ws-'))
  for (const [name, text] of Object.entries(botFiles)) {
    mkdirSync(path.dirname(path.join(ws, name)), { recursive: true })
    writeFileSync(path.join(ws, name), text)
  }
  mkdirSync(path.join(ws, 'dist'))
  mkdirSync(path.join(ws, 'empty'))
  zipBytes = await folderZip()
  writeFileSync(path.join(ws, 'dist/bot.zip'), zipBytes)
  // Relative paths: GNU tar (Git's, on Windows runners) reads 'C:' in a path as a remote host.
  execFileSync('tar', ['-czf', '../dist/bot.tar.gz', '.'], { cwd: path.join(ws, 'bot') })
  tgzBytes = readFileSync(path.join(ws, 'dist/bot.tar.gz'))
  writeFileSync(path.join(ws, 'dist/bot.tgz'), tgzBytes)
  writeFileSync(path.join(ws, 'dist/notes.txt'), 'not a package\n')
  writeFileSync(path.join(ws, 'dist/renamed.zip'), 'plain text named .zip\n')
  writeFileSync(path.join(ws, 'dist/renamed.tgz'), zipBytes)
})
afterAll(async () => {
  await sandbox.close()
  rmSync(ws, { recursive: true, force: true })
})
beforeEach(async () => {
  await sandbox.clearFaults()
  await sandbox.clearRequests()
})

let botSeq = 0
/** A bot id no other test uses. */
const freshBot = () => `bot-${process.pid}-${++botSeq}`

const step = (inputs: Record<string, string>, env: Record<string, string> = {}, node?: string) =>
  runStep({
    actionDir: actionDir('deploy-bot'),
    inputs: { version: '1.0.0', technology: 'python', path: 'dist/bot.zip', ...inputs },
    env: { ...sandbox.env, ...env },
    node,
    workspace: ws,
    timeoutMs: 120_000
  })

interface StoredVersion {
  version: string
  technology: string
  command: string | null
  repositoryLabel: string
  uploads: number
  upload: { fileName: string; size: number; sha256: string } | null
}
async function storedBot(
  botId: string
): Promise<{ released: string | null; versions: StoredVersion[] } | undefined> {
  return ((await sandbox.state()).bots as { botId: string }[]).find(b => b.botId === botId) as
    { released: string | null; versions: StoredVersion[] } | undefined
}
async function storedVersion(botId: string, version: string): Promise<StoredVersion | undefined> {
  return (await storedBot(botId))?.versions.find(v => v.version === version)
}
const requestLines = async () =>
  (await sandbox.requests()).map(
    r =>
      `${r.method} ${r.path}${r.query.botId ? `?botId=${r.query.botId}` : ''} ${String(r.status)}`
  )
const uploadsSent = async () =>
  (await sandbox.requests()).filter(r => r.path.startsWith('/api/v2/bot/upload/'))

/** Entry names of the zip the sandbox stored with this SHA-256. */
function storedZipEntries(digest: string): string[] {
  const dir = path.join(sandbox.dataDir, 'files')
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name)
    if (sha(readFileSync(file)) !== digest) continue
    return zipNames(file).sort()
  }
  throw new Error(`no stored file with sha256 ${digest}`)
}

describe('deploy-bot metadata', () => {
  it('matches its Inputs and Outputs', () => {
    expect(checkAction({ name: 'deploy-bot' })).toEqual([])
  })
})

describe('parseName', () => {
  it.each(['invoice-bot', 'Bot_2', '1.4.0', 'v2 beta', 'a'.repeat(255)])('accepts %j', v => {
    expect(parseName('bot-id', v, 'x')).toBe(v)
  })
  it.each([
    ['', 'Required input is empty'],
    ['a/b', 'Slashes are not allowed'],
    ['a\\b', 'Slashes are not allowed'],
    ['..', 'Not a name'],
    ['bad\u0007id', 'Control characters'],
    ['x'.repeat(256), 'Too long']
  ])('refuses %j', (v, problem) => {
    expect(() => parseName('bot-id', v, 'x')).toThrow(problem)
  })
})

describe('parseCommand', () => {
  it('is required with the command technology and kept as one line', () => {
    expect(parseCommand('bot-command', ' ./run.sh --prod ', 'command', 'technology')).toBe(
      './run.sh --prod'
    )
    expect(() => parseCommand('bot-command', '', 'command', 'technology')).toThrow(
      "Required with 'technology: command'"
    )
    expect(() => parseCommand('bot-command', 'a\nb', 'command', 'technology')).toThrow(
      'Line breaks'
    )
    expect(() => parseCommand('bot-command', 'x'.repeat(4097), 'command', 'technology')).toThrow(
      'Too long'
    )
  })
  it('is refused with the other technologies, and null when absent', () => {
    expect(parseCommand('bot-command', '', 'python', 'technology')).toBeNull()
    expect(() => parseCommand('bot-command', 'run.sh', 'java', 'technology')).toThrow(
      "Only used with 'technology: command' (this bot is java), got 'run.sh'"
    )
  })
})

describe('parseBotPackage', () => {
  const parse = (raw: string) => parseBotPackage('path', raw, ws)
  it('takes a .zip, .tar.gz or .tgz file as is', async () => {
    await expect(parse('dist/bot.zip')).resolves.toMatchObject({
      kind: 'file',
      fileName: 'bot.zip',
      format: 'zip',
      size: zipBytes.length
    })
    await expect(parse('dist/bot.tar.gz')).resolves.toMatchObject({ format: 'tar.gz' })
    await expect(parse(path.join(ws, 'dist/bot.tgz'))).resolves.toMatchObject({
      format: 'tar.gz'
    })
  })
  it('lists a folder: every file, hidden ones too, sorted, relative to the folder', async () => {
    const pkg = (await parse('bot/')) as Extract<BotPackage, { kind: 'folder' }>
    expect(pkg).toMatchObject({ kind: 'folder', fileName: 'bot.zip', path: path.join(ws, 'bot') })
    expect(pkg.files.map(f => f.entryName)).toEqual([
      '.botcity/config.json',
      'bot.py',
      'requirements.txt',
      'resources/data.bin'
    ])
    const total = pkg.files.reduce((n, f) => n + f.size, 0)
    expect(pkg.sizeBound).toBeGreaterThan(total)
    expect(pkg.sizeBound).toBeGreaterThanOrEqual(zipBytes.length)
  })
  it.each([
    ['', 'Required input is empty'],
    ['dist/missing.zip', 'No file or folder at'],
    ['dist/notes.txt', 'Not a .zip, .tar.gz or .tgz file'],
    ['dist/renamed.zip', 'is not a zip archive'],
    ['dist/renamed.tgz', 'is not a gzip file'],
    ['empty', 'holds no files'],
    ['..', 'holds the whole workspace'],
    ['/', 'holds the whole workspace'],
    ['dist/bot\u0000.zip', 'Control characters']
  ])('refuses %j', async (raw, problem) => {
    await expect(parse(raw)).rejects.toMatchObject({
      input: 'path',
      message: expect.stringContaining(problem)
    })
  })
  it('bounds the size of a zip of incompressible data', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'deploy-bot-bound-'))
    try {
      for (let i = 0; i < 20; i++) writeFileSync(path.join(dir, `f${i}.bin`), randomBytes(5000 * i))
      const pkg = (await parseBotPackage('path', dir, ws)) as Extract<
        BotPackage,
        { kind: 'folder' }
      >
      const zip = await readAll(
        await zipStream(
          pkg.files.map(f => f.path),
          dir
        )
      )
      expect(zip.length).toBeLessThanOrEqual(zipSizeBound(pkg.files))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('deploy-bot logic (core stub)', () => {
  const env = () => ({ ...sandbox.env, GITHUB_WORKSPACE: ws })
  const inputsFor = (botId: string, extra: Record<string, string> = {}) => ({
    [Inputs.botId]: botId,
    [Inputs.version]: '3.0',
    [Inputs.technology]: 'JavaScript',
    [Inputs.path]: 'dist/bot.zip',
    ...extra
  })

  it('deploys a new bot with its technology, repository label and command', async () => {
    const botId = freshBot()
    const core = createCoreStub({
      inputs: inputsFor(botId, {
        [Inputs.technology]: 'command',
        [Inputs.botCommand]: './run.sh --prod',
        [Inputs.repositoryLabel]: 'OPS'
      })
    })
    await run(core, { env: env() })
    expect(core.outputs).toEqual({
      'bot-id': botId,
      version: '3.0',
      deployed: 'true',
      released: 'false',
      size: String(zipBytes.length),
      sha256: sha(zipBytes)
    })
    expect(await storedVersion(botId, '3.0')).toMatchObject({
      technology: 'COMMAND',
      command: './run.sh --prod',
      repositoryLabel: 'OPS',
      uploads: 1,
      upload: { fileName: 'bot.zip', sha256: sha(zipBytes) }
    })
    expect(core.summaryWritten).toContain(`Bot ${botId} version 3.0 deployed to Maestro`)
    expect(core.summaryWritten).toContain('./run.sh --prod')
    expect(core.annotations).toEqual([])
  })

  it('warns when an existing version was deployed with another technology', async () => {
    const core = createCoreStub({
      inputs: inputsFor('seeded-bot', { [Inputs.version]: '1.0.0', [Inputs.technology]: 'java' })
    })
    await run(core, { env: env() })
    expect(core.outputs.deployed).toBe('false')
    expect(core.annotations).toEqual([
      expect.objectContaining({
        level: 'warning',
        message: expect.stringContaining('was deployed as PYTHON, not JAVA')
      })
    ])
    expect(core.summaryWritten).toContain('updated in Maestro')
    expect((await storedVersion('seeded-bot', '1.0.0'))?.technology).toBe('PYTHON')
  })

  it('refuses a 1 MiB value (too big for a process environment) before any request', async () => {
    const core = createCoreStub({
      inputs: inputsFor(freshBot(), { [Inputs.botId]: 'b'.repeat(1024 * 1024) })
    })
    await expect(run(core, { env: env() })).rejects.toMatchObject({
      input: 'bot-id',
      message: expect.stringContaining('Too long')
    })
    expect(await sandbox.requests()).toEqual([])
  })

  it('runs as the root action command deploy-bot (its own command input is bot-command)', async () => {
    const botId = freshBot()
    const core = createCoreStub({ inputs: { command: 'deploy-bot', ...inputsFor(botId) } })
    const previous = process.env
    process.env = { ...previous, ...env() }
    try {
      await runRootAction(core)
    } finally {
      process.env = previous
    }
    expect(core.outputs).toMatchObject({ 'bot-id': botId, deployed: 'true' })
    expect(core.annotations).toEqual([])
    expect((await storedVersion(botId, '3.0'))?.technology).toBe('JAVASCRIPT')
  })

  it('sends no request when an input is bad', async () => {
    const core = createCoreStub({
      inputs: inputsFor(freshBot(), { [Inputs.botCommand]: 'run.sh' })
    })
    await expect(run(core, { env: env() })).rejects.toMatchObject({ input: 'bot-command' })
    expect(await sandbox.requests()).toEqual([])
  })
})

describe.each(testRuntimes())('deploy-bot bundle under $label', ({ nodePath }) => {
  it('deploys a new bot from a zip: lookup, deploy, one upload; bytes identical', async () => {
    const botId = freshBot()
    const result = await step({ 'bot-id': botId }, {}, nodePath)
    expect(result.exitCode).toBe(0)
    expectNoLeaks(result)
    expect(result.outputs).toEqual({
      'bot-id': botId,
      version: '1.0.0',
      deployed: 'true',
      released: 'false',
      size: String(zipBytes.length),
      sha256: sha(zipBytes)
    })
    expect(await requestLines()).toEqual([
      'POST /api/v2/workspace/login 200',
      `GET /api/v2/bot?botId=${botId} 200`,
      'POST /api/v2/bot 200',
      `POST /api/v2/bot/upload/${botId}/version/1.0.0 200`
    ])
    expect(await storedBot(botId)).toMatchObject({
      released: null,
      versions: [
        {
          version: '1.0.0',
          technology: 'PYTHON',
          repositoryLabel: 'DEFAULT',
          command: null,
          uploads: 1,
          upload: { fileName: 'bot.zip', size: zipBytes.length, sha256: sha(zipBytes) }
        }
      ]
    })
    expect(result.summary).toContain(`Bot ${botId} version 1.0.0 deployed to Maestro`)
    expect(result.summary).toContain('deployed (new version)')
    expect(result.summary).toContain(sha(zipBytes))
  })

  it('zips a folder while sending it (chunked), entries relative to the folder', async () => {
    const botId = freshBot()
    const result = await step({ 'bot-id': botId, path: 'bot' }, {}, nodePath)
    expect(result.exitCode).toBe(0)
    expectNoLeaks(result)
    const expected = await folderZip()
    expect(result.outputs).toMatchObject({
      deployed: 'true',
      size: String(expected.length),
      sha256: sha(expected)
    })
    expect(await storedVersion(botId, '1.0.0')).toMatchObject({
      uploads: 1,
      upload: { fileName: 'bot.zip', size: expected.length, sha256: sha(expected) }
    })
    expect(storedZipEntries(sha(expected))).toEqual([
      '.botcity/config.json',
      'bot.py',
      'requirements.txt',
      'resources/data.bin'
    ])
    const [upload] = await uploadsSent()
    expect(upload.headers['transfer-encoding']).toBe('chunked')
    expect(result.summary).toContain('zipped while uploading, 4 files')
  })
})

describe('deploy-bot bundle', () => {
  it('deploys a new version of an existing bot and releases it', async () => {
    const botId = freshBot()
    expect((await step({ 'bot-id': botId, version: '1.0' })).exitCode).toBe(0)
    await sandbox.clearRequests()
    const result = await step({
      'bot-id': botId,
      version: '2.0',
      path: 'dist/bot.tar.gz',
      release: 'true'
    })
    expect(result.exitCode).toBe(0)
    expectNoLeaks(result)
    expect(result.outputs).toMatchObject({
      version: '2.0',
      deployed: 'true',
      released: 'true',
      sha256: sha(tgzBytes)
    })
    expect((await requestLines()).slice(1)).toEqual([
      `GET /api/v2/bot?botId=${botId} 200`,
      'POST /api/v2/bot 200',
      `POST /api/v2/bot/upload/${botId}/version/2.0 200`,
      'POST /api/v2/bot/release 200'
    ])
    const bot = await storedBot(botId)
    expect(bot?.released).toBe('2.0')
    expect(bot?.versions.map(v => [v.version, v.uploads, v.upload?.fileName])).toEqual([
      ['1.0', 1, 'bot.zip'],
      ['2.0', 1, 'bot.tar.gz']
    ])
    expect(result.stdout).toContain("has no version '2.0' (it has '1.0')")
    expect(result.summary).toMatch(/Released<\/td><td>yes/)
  })

  it('replaces the package of an existing version (no deploy), then releases it', async () => {
    const before = (await storedVersion('seeded-bot', '1.0.0'))?.uploads ?? 0
    const result = await step({
      'bot-id': 'seeded-bot',
      version: '1.0.0',
      path: 'dist/bot.tgz',
      release: 'TRUE'
    })
    expect(result.exitCode).toBe(0)
    expectNoLeaks(result)
    expect(result.outputs).toMatchObject({ deployed: 'false', released: 'true' })
    expect((await requestLines()).slice(1)).toEqual([
      'GET /api/v2/bot?botId=seeded-bot 200',
      'POST /api/v2/bot/upload/seeded-bot/version/1.0.0 200',
      'POST /api/v2/bot/release 200'
    ])
    expect(await storedVersion('seeded-bot', '1.0.0')).toMatchObject({
      uploads: before + 1,
      upload: { fileName: 'bot.tgz', sha256: sha(tgzBytes) }
    })
    expect((await storedBot('seeded-bot'))?.released).toBe('1.0.0')
    expect(result.summary).toContain('updated (package of an existing version replaced)')
    expect(commandsOf(result, 'warning')).toEqual([])
  })

  it.each([
    ['bot-id', { 'bot-id': '' }, 'Required input is empty'],
    ['bot-id', { 'bot-id': 'team/bot' }, "'team/bot'"],
    ['version', { version: '' }, 'Required input is empty'],
    ['version', { version: 'x'.repeat(100_000) }, 'Too long'],
    ['technology', { technology: 'rust' }, "'rust'"],
    ['technology', { technology: '' }, 'Required input is empty'],
    ['path', { path: '' }, 'Required input is empty'],
    ['path', { path: 'dist/missing.zip' }, "'dist/missing.zip'"],
    ['path', { path: 'dist/notes.txt' }, 'Not a .zip, .tar.gz or .tgz file'],
    ['path', { path: 'dist/renamed.zip' }, 'is not a zip archive'],
    ['path', { path: 'empty' }, 'holds no files'],
    ['path', { path: '../..' }, 'holds the whole workspace'],
    ['bot-command', { technology: 'command' }, "Required with 'technology: command'"],
    ['bot-command', { 'bot-command': 'python bot.py' }, "got 'python bot.py'"],
    ['repository-label', { 'repository-label': 'a/b' }, "'a/b'"],
    ['release', { release: 'yes' }, "'yes'"],
    ['timeout-seconds', { 'timeout-seconds': '-1' }, "'-1'"]
  ])('fails on a bad %s with one error and no request', async (input, inputs, quoted) => {
    const result = await step({ 'bot-id': 'never-sent', ...inputs })
    const requests = await sandbox.requests()
    recordReliability(
      'bad-input',
      `deploy-bot ${input}`,
      result.exitCode === 1 && requests.length === 0
    )
    expectInputError(result, input, quoted)
    expect(requests).toEqual([])
  })

  it('reports a wrong key (401) with the hint', async () => {
    const result = await step({ 'bot-id': freshBot() }, { BOTCITY_KEY: 'wrong-key-123' })
    expect(result.exitCode).toBe(1)
    expectNoLeaks(result)
    const error = onlyError(result)
    expect(error.properties.title).toBe('Deploy bot failed')
    expect(error.data).toMatch(/log in.*HTTP 401/)
    expect(error.data).toContain('Hint:')
    expect(await uploadsSent()).toEqual([])
  })

  it('reports a 404 on the upload naming the bot, once, and says the version has no package', async () => {
    const botId = freshBot()
    await sandbox.fault({ path: '/api/v2/bot/upload/**', status: 404, times: 0 })
    const result = await step({ 'bot-id': botId })
    expect(result.exitCode).toBe(1)
    expectNoLeaks(result)
    const error = onlyError(result)
    expect(error.data).toContain(`upload the package of bot '${botId}' version '1.0.0'`)
    expect(error.data).toContain('HTTP 404')
    expect(error.data).toContain(`Hint: check that bot '${botId}' version '1.0.0'`)
    // What the run left behind is in the one error, not in a separate warning.
    expect(error.data).toContain(
      `This run deployed bot '${botId}' version '1.0.0', which has no package yet`
    )
    expect(commandsOf(result, 'warning')).toEqual([])
    expect(await uploadsSent()).toHaveLength(1)
    // The next run finds the version and only uploads.
    await sandbox.clearFaults()
    await sandbox.clearRequests()
    const again = await step({ 'bot-id': botId })
    expect(again.exitCode).toBe(0)
    expect(again.outputs.deployed).toBe('false')
    expect((await storedVersion(botId, '1.0.0'))?.uploads).toBe(1)
  })

  it('reports a 404 on the release naming the bot, after exactly one upload', async () => {
    const botId = freshBot()
    await sandbox.fault({ path: '/api/v2/bot/release', status: 404, times: 0 })
    const result = await step({ 'bot-id': botId, release: 'true' })
    expect(result.exitCode).toBe(1)
    expectNoLeaks(result)
    const error = onlyError(result)
    expect(error.data).toContain(`release version '1.0.0' of bot '${botId}'`)
    expect(error.data).toContain(`Hint: check that bot '${botId}' version '1.0.0' exists`)
    expect(error.data).toMatch(
      new RegExp(
        `This run deployed bot '${botId}' version '1\\.0\\.0' and uploaded \\S+ \\(.*sha256 [0-9a-f]{64}\\), but did not release it`
      )
    )
    expect(result.outputs).toMatchObject({ deployed: 'true', released: 'false' })
    expect(result.outputs.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect((await storedVersion(botId, '1.0.0'))?.uploads).toBe(1)
    expect((await storedBot(botId))?.released).toBeNull()
  })

  it.each([
    ['a 500', { status: 500 }],
    ['a reset mid-upload', { reset: 'during-request' as const, afterBytes: 2000 }],
    ['a reset before the answer', { reset: 'before-response' as const }]
  ])('%s on the upload is not retried: one send, then a clear error', async (_what, fault) => {
    const botId = freshBot()
    await sandbox.fault({ method: 'POST', path: '/api/v2/bot/upload/**', times: 0, ...fault })
    const result = await step({ 'bot-id': botId, path: 'bot', release: 'true' })
    const sent = await uploadsSent()
    const stored = await storedVersion(botId, '1.0.0')
    recordReliability('duplicate', `deploy-bot upload after ${_what}`, sent.length === 1)
    expect(result.exitCode).toBe(1)
    expectNoLeaks(result)
    expect(onlyError(result).data).toContain(`upload the package of bot '${botId}'`)
    // A status is a refusal; a broken connection may have come after the package was stored.
    expect(onlyError(result).data).toContain(
      'status' in fault ? 'which has no package yet' : 'whether its package was stored is unknown'
    )
    expect(sent).toHaveLength(1)
    expect(stored?.uploads ?? 0).toBeLessThanOrEqual(1)
    expect((await sandbox.requests()).map(r => r.path)).not.toContain('/api/v2/bot/release')
  })

  it('a 503 with Retry-After on the upload is retried: the server did not take it', async () => {
    const botId = freshBot()
    await sandbox.fault({
      method: 'POST',
      path: '/api/v2/bot/upload/**',
      status: 503,
      retryAfter: '0',
      times: 1
    })
    const result = await step({ 'bot-id': botId, path: 'bot' })
    expect(result.exitCode).toBe(0)
    expect((await uploadsSent()).map(r => r.status)).toEqual([503, 200])
    expect(await storedVersion(botId, '1.0.0')).toMatchObject({
      uploads: 1,
      upload: { sha256: result.outputs.sha256 }
    })
  })

  it('a 500 on the deploy is not retried and nothing is uploaded', async () => {
    const botId = freshBot()
    await sandbox.fault({ method: 'POST', path: '/api/v2/bot', status: 500, times: 0 })
    const result = await step({ 'bot-id': botId })
    expect(result.exitCode).toBe(1)
    expectNoLeaks(result)
    const error = onlyError(result)
    expect(error.data).toContain(`deploy version '1.0.0' of bot '${botId}'`)
    expect(error.data).toContain('HTTP 500')
    expect((await sandbox.apiRequests()).map(r => `${r.method} ${r.path}`)).toEqual([
      'GET /api/v2/bot',
      'POST /api/v2/bot'
    ])
  })

  it('a failed lookup (502) is retried, and the run goes on', async () => {
    const botId = freshBot()
    await sandbox.fault({ method: 'GET', path: '/api/v2/bot', status: 502, times: 1 })
    const result = await step({ 'bot-id': botId })
    expect(result.exitCode).toBe(0)
    expect((await sandbox.apiRequests()).map(r => `${r.method} ${r.status}`)).toEqual([
      'GET 502',
      'GET 200',
      'POST 200',
      'POST 200'
    ])
  })

  it('a 401 on the upload (expired token): one login more, one package stored', async () => {
    const botId = freshBot()
    await sandbox.fault({ method: 'POST', path: '/api/v2/bot/upload/**', status: 401, times: 1 })
    const result = await step({ 'bot-id': botId, path: 'bot' })
    expect(result.exitCode).toBe(0)
    expectNoLeaks(result)
    const sent = await uploadsSent()
    expect(sent.map(r => r.status)).toEqual([401, 200])
    expect(
      (await sandbox.requests()).filter(r => r.path === '/api/v2/workspace/login')
    ).toHaveLength(2)
    expect(await storedVersion(botId, '1.0.0')).toMatchObject({
      uploads: 1,
      upload: { sha256: result.outputs.sha256 }
    })
  })
})
