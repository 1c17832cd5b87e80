import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  DEFAULT_ERROR_TYPE,
  Inputs,
  MAX_ATTACHMENTS,
  MAX_DETAILS_BYTES,
  MAX_MESSAGE_LENGTH,
  capText,
  classifyDetails,
  defaultErrorMessage,
  defaultTags,
  parseErrorType,
  parseTags,
  readTail,
  resolveOptionalFile,
  run
} from '../../src/actions/report-error/main.js'
import { readGithubContext } from '../../src/actions/shared/github-context.js'
import { ActionInputError } from '../../src/actions/shared/inputs.js'
import { MaestroClient } from '../../src/maestro/index.js'
import { checkAction } from '../support/action-check.js'
import { createCoreStub } from '../support/core-stub.js'
import { recordReliability } from '../support/reliability.js'
import {
  actionDir,
  commandsOf,
  defaultGithubEnv,
  expectNoLeaks,
  onlyError,
  runStep
} from '../support/runner.js'
import { expectInputError } from '../support/input-errors.js'
import { startTestSandbox, type TestSandbox } from '../support/test-sandbox.js'

let sandbox: TestSandbox
let taskId: number
let ws: string

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex')
const BIG_LOG_LINES = 5000 // ~ 200 KiB, over the details cap

const files: Record<string, string> = {
  'shot.png': 'not really a png\n',
  'logs/a.log': 'log a\n',
  'logs/b.log': 'log b\n',
  'trace.txt': 'Traceback (most recent call last):\n  File "bot.py", line 3\nValueError: boom\n',
  'big.log': Array.from({ length: BIG_LOG_LINES }, (_, i) => `line ${i} ${'x'.repeat(30)}`).join(
    '\n'
  ),
  'many/.keep': ''
}

beforeAll(async () => {
  sandbox = await startTestSandbox()
  const client = new MaestroClient({ server: sandbox.url, login: sandbox.login, key: sandbox.key })
  taskId = (await client.createTask({ activityLabel: 'demo-bot' })).id
  await client.close()
  ws = mkdtempSync(path.join(tmpdir(), 'report-error-ws-'))
  for (let i = 0; i <= MAX_ATTACHMENTS; i++) files[`many/f${i}.txt`] = `${i}\n`
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(ws, name)), { recursive: true })
    writeFileSync(path.join(ws, name), text)
  }
})
afterAll(async () => {
  await sandbox.close()
  rmSync(ws, { recursive: true, force: true })
})
beforeEach(async () => {
  await sandbox.clearFaults()
  await sandbox.clearRequests()
})

const step = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
  runStep({
    actionDir: actionDir('report-error'),
    inputs: { 'task-id': String(taskId), ...inputs },
    env: { ...sandbox.env, ...env },
    workspace: ws,
    timeoutMs: 120_000
  })

interface StoredError {
  id: number
  taskId: number
  type: string
  message: string
  stackTrace: string
  tags: Record<string, string>
  screenshot: { fileName: string; size: number; sha256: string } | null
  attachments: Array<{ fileName: string; size: number; sha256: string }>
}
const errors = async (): Promise<StoredError[]> => (await sandbox.state()).errors
const errorById = async (id: string | number) =>
  (await errors()).find(e => e.id === Number(id)) as StoredError

describe('report-error metadata', () => {
  it('matches its Inputs and Outputs', () => {
    expect(checkAction({ name: 'report-error' })).toEqual([])
  })
})

describe('defaults from the run', () => {
  const ctx = readGithubContext({ ...defaultGithubEnv('/ws', '/tmp'), GITHUB_TOKEN: 'ghs_secret' })

  it('tag the repository, workflow, job, run, commit, actor, OS and Node, nothing secret', () => {
    const tags = defaultTags(ctx)
    expect(tags).toEqual({
      repository: 'acme/bots',
      workflow: 'CI',
      job: 'test',
      run_id: '1658821493',
      run_url: 'https://github.com/acme/bots/actions/runs/1658821493',
      sha: 'ffac537e6cbbf934b08745a378932722df287a53',
      ref: 'refs/heads/main',
      actor: 'octocat',
      runner_os: 'Linux',
      node_version: process.version
    })
    expect(JSON.stringify(tags)).not.toContain('ghs_secret')
  })

  it('leave empty facts out and still give a message outside a run', () => {
    const empty = readGithubContext({})
    expect(Object.keys(defaultTags(empty))).toEqual(['node_version'])
    expect(defaultErrorMessage(empty)).toBe('Reported from GitHub Actions.')
    expect(defaultErrorMessage(ctx)).toBe("Job 'test' failed in workflow 'CI' run #42 (acme/bots).")
  })
})

describe('input parsing', () => {
  it('type: default, one line, bounded', () => {
    expect(parseErrorType('type', '')).toBe(DEFAULT_ERROR_TYPE)
    expect(parseErrorType('type', ' TimeoutError ')).toBe('TimeoutError')
    expect(() => parseErrorType('type', 'a\nb')).toThrow(ActionInputError)
    expect(() => parseErrorType('type', 'x'.repeat(201))).toThrow(/Too long/)
  })

  it('tags: scalars become text, lists and mappings are refused', () => {
    expect(parseTags('tags', { stage: 'deploy', attempt: 2, green: false, none: null })).toEqual({
      stage: 'deploy',
      attempt: '2',
      green: 'false',
      none: ''
    })
    expect(() => parseTags('tags', { a: [1, 2] })).toThrow(/Tag 'a' is a list/)
    expect(() => parseTags('tags', { a: { b: 1 } })).toThrow(/Tag 'a' is a mapping/)
    expect(() => parseTags('tags', { a: 'x'.repeat(2000) })).toThrow(/too long/)
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, i]))
    expect(() => parseTags('tags', many)).toThrow(/Too many tags \(51\)/)
  })

  it('details: an existing file is read, anything else is text, a folder is a mistake', () => {
    expect(classifyDetails('details', '', ws)).toEqual({ kind: 'none' })
    expect(classifyDetails('details', 'trace.txt', ws)).toEqual({
      kind: 'file',
      file: path.join(ws, 'trace.txt')
    })
    expect(classifyDetails('details', 'boom happened', ws)).toEqual({
      kind: 'text',
      text: 'boom happened',
      looksLikePath: false
    })
    expect(classifyDetails('details', 'out/missing.log', ws)).toMatchObject({
      kind: 'text',
      looksLikePath: true
    })
    // Several lines are text even when the first names a file.
    expect(classifyDetails('details', 'trace.txt\nmore', ws).kind).toBe('text')
    expect(() => classifyDetails('details', 'logs', ws)).toThrow(/names a folder/)
    // Names no file system could hold, or a path through a file: text, not a crash.
    expect(classifyDetails('details', 'x'.repeat(300), ws).kind).toBe('text')
    expect(classifyDetails('details', 'trace.txt/more', ws).kind).toBe('text')
  })

  it('details: a whole file loses the byte order mark Windows tools write first', async () => {
    const file = path.join(ws, 'bom-trace.txt')
    writeFileSync(file, '\uFEFFTraceback:\r\n  line 1\r\n')
    expect(await readTail(file, MAX_DETAILS_BYTES)).toEqual({
      text: 'Traceback:\r\n  line 1\r\n',
      size: 25,
      truncated: false
    })
  })

  it('details: a large file keeps its end, starting on a whole character', async () => {
    const file = path.join(ws, 'utf8.log')
    writeFileSync(file, `${'é'.repeat(100)}END`)
    const tail = await readTail(file, 10)
    expect(tail).toEqual({ text: 'éééEND', size: 203, truncated: true })
    expect(await readTail(path.join(ws, 'trace.txt'), MAX_DETAILS_BYTES)).toMatchObject({
      truncated: false,
      text: files['trace.txt']
    })
    expect(capText('ab€cd', 4)).toEqual({ text: 'cd', truncated: true })
    expect(capText('short')).toEqual({ text: 'short', truncated: false })
  })
})

describe('resolveOptionalFile', () => {
  it('refuses a name too long for any file system, also where stat calls it missing (Windows)', () => {
    const missing = () => undefined
    const long = `${'s'.repeat(300)}.png`
    expect(() => resolveOptionalFile('screenshot', long, 'C:\\ws', 'win32', missing)).toThrow(
      /Not a usable path \(the name 'ssss.*' is longer than file systems allow\)/
    )
    // A name that is only missing stays a warning, not an error.
    expect(resolveOptionalFile('screenshot', 'shot.png', '/ws', 'linux', missing)).toMatchObject({
      kind: 'missing',
      shown: 'shot.png'
    })
  })
})

describe('report-error logic (core stub)', () => {
  const env = () => ({ ...sandbox.env, ...defaultGithubEnv(ws, tmpdir()) })

  it.each([
    ['task-id', { [Inputs.taskId]: 'abc' }, "'abc'"],
    ['type', { [Inputs.type]: 'Bad\nType' }, 'Line breaks'],
    [
      'message',
      // above the action's own limit, below the shared reader's (64 KiB)
      { [Inputs.message]: 'm'.repeat(MAX_MESSAGE_LENGTH + 1) },
      "put a long text such as a log in 'details'"
    ],
    ['tags', { [Inputs.tags]: '- a\n- b' }, 'this is a list'],
    ['tags', { [Inputs.tags]: '{"a": ' }, 'Not valid JSON or YAML'],
    ['details', { [Inputs.details]: 'logs' }, 'names a folder'],
    ['screenshot', { [Inputs.screenshot]: 'logs' }, 'Not a regular file'],
    ['screenshot', { [Inputs.screenshot]: 'shot\u0000.png' }, 'Control characters'],
    ['screenshot', { [Inputs.screenshot]: `${'s'.repeat(300)}.png` }, 'Not a usable path'],
    ['attachments', { [Inputs.attachments]: 'many/*.txt' }, `more than ${MAX_ATTACHMENTS}`],
    ['fail-on-error', { [Inputs.failOnError]: 'no' }, "'no'"]
  ])('a bad %s fails before any request', async (input, bad, expected) => {
    const core = createCoreStub({ inputs: { [Inputs.taskId]: String(taskId), ...bad } })
    const outcome = run(core, { env: env() })
    await expect(outcome).rejects.toMatchObject({
      input,
      message: expect.stringContaining(expected)
    })
    const requests = await sandbox.requests()
    recordReliability('bad-input', `report-error: ${input}`, requests.length === 0)
    expect(requests).toEqual([])
  })

  it('sends details text over 64 KiB as its last 64 KiB, with a note', async () => {
    // An input holds at most 64 Ki characters: 3-byte characters make it 120 KiB.
    const text = `${'€'.repeat(40_000)}THE END`
    const core = createCoreStub({
      inputs: { [Inputs.taskId]: String(taskId), [Inputs.details]: text }
    })
    await run(core, { env: env() })
    const stored = await errorById(core.outputs['error-id'])
    expect(stored.stackTrace).toMatch(/^\[… the first \d+ bytes are left out\]\n/)
    expect(stored.stackTrace.endsWith('THE END')).toBe(true)
    expect(Buffer.byteLength(stored.stackTrace)).toBeLessThan(MAX_DETAILS_BYTES + 100)
  })

  it('warns about a missing screenshot, an unmatched pattern and a path-like text', async () => {
    const core = createCoreStub({
      inputs: {
        [Inputs.taskId]: String(taskId),
        [Inputs.screenshot]: 'nowhere.png',
        [Inputs.attachments]: 'logs/a.log\nreports/*.xml',
        [Inputs.details]: 'out/missing.log'
      }
    })
    await run(core, { env: env() })
    const warnings = core.annotations.filter(a => a.level === 'warning').map(a => a.message)
    expect(warnings).toEqual([
      expect.stringContaining("'details' looks like a path"),
      expect.stringContaining('No screenshot at'),
      expect.stringContaining("No file matches 'reports/*.xml'")
    ])
    const stored = await errorById(core.outputs['error-id'])
    expect(stored.screenshot).toBeNull()
    expect(stored.attachments.map(a => a.fileName)).toEqual(['a.log'])
    expect(stored.stackTrace).toBe('out/missing.log')
  })
})

describe('report-error bundle', () => {
  it('creates one error with tags, a screenshot and each attachment, then a summary', async () => {
    const before = (await errors()).length
    const result = await step({
      type: 'DeployFailed',
      message: 'Deploy to staging failed',
      details: 'trace.txt',
      tags: 'stage: deploy\nattempt: 2\nrepository: overridden/repo',
      screenshot: 'shot.png',
      attachments: 'logs/*.log\n!logs/b.log\ntrace.txt'
    })
    expect(result.exitCode).toBe(0)
    expectNoLeaks(result)
    expect(commandsOf(result, 'warning')).toEqual([])
    const id = result.outputs['error-id']
    expect(id).toMatch(/^\d+$/)
    expect(await errors()).toHaveLength(before + 1)
    const stored = await errorById(id)
    expect(stored).toMatchObject({
      taskId,
      type: 'DeployFailed',
      message: 'Deploy to staging failed',
      stackTrace: files['trace.txt'],
      tags: expect.objectContaining({
        stage: 'deploy',
        attempt: '2',
        repository: 'overridden/repo',
        workflow: 'CI',
        run_url: 'https://github.com/acme/bots/actions/runs/1658821493',
        runner_os: 'Linux',
        node_version: expect.stringMatching(/^v\d+/)
      }),
      screenshot: { fileName: 'shot.png', sha256: sha(files['shot.png']) }
    })
    expect(stored.attachments.map(a => [a.fileName, a.sha256])).toEqual([
      ['a.log', sha(files['logs/a.log'])],
      ['trace.txt', sha(files['trace.txt'])]
    ])
    expect((await sandbox.requests()).map(r => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /api/v2/workspace/login 200',
      'POST /api/v2/error 201',
      `POST /api/v2/error/${id}/screenshot 200`,
      `POST /api/v2/error/${id}/attachments 200`,
      `POST /api/v2/error/${id}/attachments 200`
    ])
    expect(result.summary).toContain(`Maestro error ${id} reported on task ${taskId}`)
    // Shown relative to the workspace, with the system's separator: logs\a.log on Windows.
    expect(result.summary).toContain(path.join('logs', 'a.log'))
  })

  it('sends the end of a large details file and attaches the whole file', async () => {
    const result = await step({ details: 'big.log' })
    expect(result.exitCode).toBe(0)
    expectNoLeaks(result)
    const stored = await errorById(result.outputs['error-id'])
    expect(stored.type).toBe(DEFAULT_ERROR_TYPE)
    expect(stored.message).toBe("Job 'test' failed in workflow 'CI' run #42 (acme/bots).")
    expect(stored.stackTrace).toMatch(/^\[… the first \d+ bytes of big\.log are left out here/)
    expect(stored.stackTrace.endsWith(`line ${BIG_LOG_LINES - 1} ${'x'.repeat(30)}`)).toBe(true)
    const whole = readFileSync(path.join(ws, 'big.log'))
    expect(stored.attachments).toEqual([
      { fileName: 'big.log', size: whole.length, sha256: sha(whole) }
    ])
  })

  it.each([
    ['task-id', { 'task-id': '0' }, "'0'"],
    ['task-id', { 'task-id': '' }, 'Required input is empty'],
    ['type', { type: 'x'.repeat(300) }, 'Too long'],
    ['tags', { tags: 'not: [valid' }, 'Not valid JSON or YAML'],
    ['attachments', { attachments: 'many/**' }, `more than ${MAX_ATTACHMENTS}`],
    ['fail-on-error', { 'fail-on-error': 'maybe' }, "'maybe'"]
  ])('fails on a bad %s with one error and no request', async (input, bad, expected) => {
    // Bad inputs fail the step even with fail-on-error: false.
    const result = await step({ 'fail-on-error': 'false', ...(bad as Record<string, string>) })
    const requests = await sandbox.requests()
    recordReliability('bad-input', `report-error bundle: ${input}`, requests.length === 0)
    expectInputError(result, input, expected)
    expect(requests).toEqual([])
  })

  it('reports a wrong key (401) with a hint, or warns with fail-on-error: false', async () => {
    const failed = await step({}, { BOTCITY_KEY: 'wrong-key-123' })
    expect(failed.exitCode).toBe(1)
    expectNoLeaks(failed)
    const error = onlyError(failed)
    expect(error.properties.title).toBe('Report error failed')
    expect(error.data).toMatch(/HTTP 401.*Hint:/)

    const warned = await step({ 'fail-on-error': 'false' }, { BOTCITY_KEY: 'wrong-key-123' })
    expect(warned.exitCode).toBe(0)
    expect(commandsOf(warned, 'error')).toEqual([])
    expect(commandsOf(warned, 'warning').filter(w => w.data.includes('HTTP 401'))).toHaveLength(1)
    expect(warned.outputs['error-id']).toBe('')
  })

  it('reports an unknown task (404) naming it', async () => {
    const result = await step({ 'task-id': '987654' })
    expect(result.exitCode).toBe(1)
    expectNoLeaks(result)
    const error = onlyError(result)
    expect(error.data).toContain('report an error for task 987654')
    expect(error.data).toMatch(/HTTP 404.*Hint:/)
  })

  it('never creates the error twice: a 500 is not retried, a 503 with Retry-After is', async () => {
    const before = (await errors()).length
    await sandbox.fault({ method: 'POST', path: '/api/v2/error', status: 500, times: 0 })
    const failed = await step({})
    expect(failed.exitCode).toBe(1)
    expect(onlyError(failed).data).toContain('HTTP 500')
    const posts = (await sandbox.apiRequests()).filter(r => r.path === '/api/v2/error')
    recordReliability('duplicate', 'report-error: 500 on create', posts.length === 1)
    expect(posts).toHaveLength(1)
    expect(await errors()).toHaveLength(before)

    await sandbox.clearFaults()
    await sandbox.clearRequests()
    await sandbox.fault({ path: '/api/v2/error', status: 503, retryAfter: '0', times: 1 })
    const retried = await step({})
    expect(retried.exitCode).toBe(0)
    const statuses = (await sandbox.apiRequests()).map(r => `${r.path} ${r.status}`)
    expect(statuses).toEqual(['/api/v2/error 503', '/api/v2/error 201'])
    recordReliability('fault', 'report-error: 503 + Retry-After on create', true)
    expect(await errors()).toHaveLength(before + 1)
  })

  it('does not send the create again when the reply is lost after the server stored it', async () => {
    const before = (await errors()).length
    await sandbox.fault({ path: '/api/v2/error', reset: 'during-response', times: 1 })
    const result = await step({ 'fail-on-error': 'false', 'timeout-seconds': '5' })
    expect(result.exitCode).toBe(0)
    expectNoLeaks(result)
    expect(commandsOf(result, 'warning')).toHaveLength(1)
    const created = (await errors()).length - before
    recordReliability('duplicate', 'report-error: reply lost on create', created === 1)
    expect(created).toBe(1)
    expect((await sandbox.apiRequests()).map(r => r.path)).toEqual(['/api/v2/error'])
  })

  it('says the error exists, with its id, when an attachment does not upload', async () => {
    await sandbox.fault({ path: '/api/v2/error/*/attachments', status: 500, times: 1 })
    const result = await step({ screenshot: 'shot.png', attachments: 'logs/*.log' })
    expect(result.exitCode).toBe(1)
    expectNoLeaks(result)
    const id = result.outputs['error-id']
    expect(id).toMatch(/^\d+$/)
    const error = onlyError(result)
    expect(error.properties.title).toBe('Report error failed')
    expect(error.data).toContain(`Error ${id} was created on task ${taskId} (it exists`)
    expect(error.data).toContain(
      `1 of 3 files did not upload: attachment '${path.join('logs', 'a.log')}'`
    )
    expect(error.data).toContain('HTTP 500')
    const stored = await errorById(id)
    expect(stored.screenshot?.fileName).toBe('shot.png')
    expect(stored.attachments.map(a => a.fileName)).toEqual(['b.log'])
    // The create is never repeated for a failed upload.
    const creates = (await sandbox.apiRequests()).filter(r => r.path === '/api/v2/error')
    recordReliability('duplicate', 'report-error: attachment fails', creates.length === 1)
    expect(creates).toHaveLength(1)
    expect(result.summary).toContain(
      `<td>Not uploaded</td><td>attachment &#39;${path.join('logs', 'a.log')}&#39;</td>`
    )
  })

  it('turns a failed screenshot into a warning with fail-on-error: false', async () => {
    await sandbox.fault({ path: '/api/v2/error/*/screenshot', status: 400, times: 1 })
    const result = await step({ screenshot: 'shot.png', 'fail-on-error': 'false' })
    expect(result.exitCode).toBe(0)
    expectNoLeaks(result)
    expect(commandsOf(result, 'error')).toEqual([])
    const warnings = commandsOf(result, 'warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0].data).toContain(`Error ${result.outputs['error-id']} was created`)
    expect(warnings[0].data).toContain("screenshot 'shot.png'")
    expect(warnings[0].data).toContain("(not failing the step: 'fail-on-error' is false)")
  })
})
