// `npm run bench actions`: for every action (actions/*/action.yml with a built dist/ bundle),
//   - the HTTP requests one run makes, read from the sandbox's request log, when the action logs in
//     itself (BOTCITY_KEY) and after a `login` step (the env it exported: BOTCITY_ACCESS_TOKEN...);
//   - its cold start: process start to exit through the runner protocol (runStep), doing its job
//     against a local sandbox, median of BENCH_RUNS (default 10) runs, under this Node (20) and
//     Node 24, beside a bare `node -e 0` spawned the same way in the same rounds;
//     each one-call run twice: with an empty compile cache (a fresh RUNNER_TEMP, as for a job's first
//     step) and with a warm one (a RUNNER_TEMP an earlier run of the same action filled, as for
//     later steps; Node >= 22.1 only, Node 20 has no compile cache);
//   - the size of its bundle (the start file and its chunks).
// Rounds interleave every (runtime, action, mode) so a busy machine slows all of them alike; the
// ratios are measured in this one run. Targets: after `login` one request per single-object action;
// a cold start with one API call <= 0.25 s median, and faster than the official Python SDK doing
// the same call (0.13 s, a reference figure measured earlier on these machines: PyPI is not
// reachable here, so it is printed, not re-measured).
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { MaestroClient } from '../../src/maestro/index.js'
import { readActionMetadata, runStep, type RunResult } from '../../__tests__/support/runner.js'
import { startTestSandbox, type TestSandbox } from '../../__tests__/support/test-sandbox.js'
import { bundleBytes } from '../bundle.mjs'
import { ensureNode24 } from '../ensure-node24.mjs'

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 10))
const PYTHON_SDK_REFERENCE_S = 0.13
const TARGET_S = 0.25
const AUTOMATION = 'bench-bot'
const VAULT = 'bench-vault'
const LOG = 'bench-log'

interface Runtime {
  label: string
  node: string
}

interface Prepared {
  inputs: Record<string, string>
  workspace?: string
}

interface Recipe {
  /** Row label (an action may have several recipes). */
  label: string
  action: string
  /** The minimum for the job, after login. */
  target: number
  prepare(ctx: Ctx): Promise<Prepared>
}

interface Ctx {
  sandbox: TestSandbox
  client: MaestroClient
}

async function newTask(ctx: Ctx): Promise<string> {
  const task = await ctx.client.createTask({ activityLabel: AUTOMATION, parameters: {} })
  return String(task.id)
}

// How to run each action for one job, with everything it refers to made beforehand (outside the
// request count). An action without a recipe is listed as such.
const RECIPES: Recipe[] = [
  {
    label: 'login',
    action: 'login',
    target: 1,
    prepare: async () => ({ inputs: {} })
  },
  {
    label: 'create-task',
    action: 'create-task',
    target: 1,
    prepare: async () => ({ inputs: { 'activity-label': AUTOMATION } })
  },
  {
    label: 'finish-task',
    action: 'finish-task',
    target: 1,
    prepare: async ctx => ({ inputs: { 'task-id': await newTask(ctx), status: 'SUCCESS' } })
  },
  {
    label: 'post-artifact (1 file)',
    action: 'post-artifact',
    target: 2,
    prepare: async ctx => {
      const workspace = mkdtempSync(join(tmpdir(), 'bench-ws-'))
      writeFileSync(join(workspace, 'result.txt'), 'bench result\n')
      return { inputs: { 'task-id': await newTask(ctx), path: 'result.txt' }, workspace }
    }
  },
  {
    label: 'alert',
    action: 'alert',
    target: 1,
    prepare: async ctx => ({
      inputs: { 'task-id': await newTask(ctx), title: 'bench', message: 'bench alert' }
    })
  },
  {
    label: 'log-entry',
    action: 'log-entry',
    target: 1,
    prepare: async () => ({ inputs: { log: LOG, values: '{"version": "1.0.0", "result": "ok"}' } })
  },
  {
    label: 'get-credential (1 key)',
    action: 'get-credential',
    target: 1,
    prepare: async () => ({ inputs: { label: VAULT, key: 'user' } })
  },
  {
    label: 'get-credential (3 keys)',
    action: 'get-credential',
    target: 1,
    prepare: async () => ({ inputs: { label: VAULT, key: 'user\npassword\napi-token' } })
  }
]

interface ActionInfo {
  name: string
  dir: string
  bundle: string
  bundleBytes: number | undefined
}

function discoverActions(): ActionInfo[] {
  const root = resolve('actions')
  return readdirSync(root, { withFileTypes: true })
    .filter(d => d.isDirectory() && existsSync(join(root, d.name, 'action.yml')))
    .map(d => {
      const dir = join(root, d.name)
      const main = readActionMetadata(dir).runs.main ?? ''
      const bundle = resolve(dir, main)
      return {
        name: d.name,
        dir,
        bundle,
        bundleBytes: main && existsSync(bundle) ? bundleBytes(dirname(bundle)) : undefined
      }
    })
    .sort((a, b) => a.name.localeCompare(b.name))
}

/** `node -e 0` spawned like runStep spawns an action (piped stdio), start to exit. */
function bareStart(node: string): Promise<number> {
  return new Promise((ok, fail) => {
    const started = performance.now()
    const child = spawn(node, ['-e', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout.resume()
    child.stderr.resume()
    child.on('error', fail)
    child.on('close', () => ok(performance.now() - started))
  })
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const sec = (ms: number | undefined): string => (ms === undefined ? '—' : (ms / 1000).toFixed(3))
const kib = (b: number | undefined): string =>
  b === undefined ? 'not built' : `${(b / 1024).toFixed(0)} KiB`

function errorLine(r: RunResult): string {
  const e = r.commands.find(c => c.command === 'error')
  return e ? `${e.properties.title ?? ''}: ${e.data}` : (r.stderr.trim().split('\n').pop() ?? '')
}

// 'warm': the one-call run (after login; login itself) with a compile cache an earlier run filled.
type Mode = 'self' | 'after-login' | 'warm'

interface Cell {
  times: number[]
  requests: number[]
  failure?: string
}

async function main(): Promise<void> {
  const runtimes: Runtime[] = [{ label: `Node ${process.versions.node}`, node: process.execPath }]
  const node24 = process.env.MAESTRO_TEST_NODE24 ?? ensureNode24()
  if (node24) runtimes.push({ label: 'Node 24', node: resolve(node24) })
  else console.log('Node 24 is not available here: measuring this Node only.')

  const actions = discoverActions()
  const byName = new Map(actions.map(a => [a.name, a]))
  const sandbox = await startTestSandbox({
    automations: [AUTOMATION],
    credentials: { [VAULT]: { user: 'bench-user', password: 'bench-pass', 'api-token': 'b-tok' } }
  })
  const client = new MaestroClient({ server: sandbox.url, login: sandbox.login, key: sandbox.key })
  const ctx: Ctx = { sandbox, client }
  await client.createLog({
    activityLabel: LOG,
    columns: [
      { name: 'version', label: 'version', width: 100 },
      { name: 'result', label: 'result', width: 100 }
    ]
  })

  const login = byName.get('login')
  let loginEnv: Record<string, string> | undefined
  if (login?.bundleBytes !== undefined) {
    const r = await runStep({
      actionDir: login.dir,
      inputs: { server: sandbox.url, login: sandbox.login, 'access-key': sandbox.key }
    })
    if (r.exitCode === 0) loginEnv = r.env
    else console.log(`login failed, no "after login" figures: ${errorLine(r)}`)
  }

  const recipes = RECIPES.filter(r => byName.get(r.action)?.bundleBytes !== undefined)
  const modes = (r: Recipe): Mode[] =>
    r.action === 'login' ? ['self', 'warm'] : !loginEnv ? ['self'] : ['self', 'after-login', 'warm']
  const warmTemps = new Map<string, string>()
  const cells = new Map<string, Cell>()
  const cell = (rt: Runtime, label: string, mode: Mode): Cell => {
    const k = `${rt.label}|${label}|${mode}`
    if (!cells.has(k)) cells.set(k, { times: [], requests: [] })
    return cells.get(k)!
  }
  const bare = new Map(runtimes.map(rt => [rt.label, [] as number[]]))

  console.log(
    `${RUNS} rounds; load average ${loadavg()
      .map(l => l.toFixed(1))
      .join(' ')} at start`
  )
  for (let round = 0; round < RUNS; round++) {
    for (const rt of runtimes) {
      bare.get(rt.label)!.push(await bareStart(rt.node))
      for (const recipe of recipes) {
        const action = byName.get(recipe.action)!
        for (const mode of modes(recipe)) {
          const c = cell(rt, recipe.label, mode)
          if (c.failure) continue
          const prepared = await recipe.prepare(ctx)
          const env =
            mode === 'after-login' || (mode === 'warm' && recipe.action !== 'login')
              ? { ...loginEnv! }
              : recipe.action === 'login'
                ? {}
                : { ...sandbox.env }
          const inputs =
            recipe.action === 'login'
              ? { server: sandbox.url, login: sandbox.login, 'access-key': sandbox.key }
              : prepared.inputs
          const step = {
            actionDir: action.dir,
            inputs,
            env,
            node: rt.node,
            workspace: prepared.workspace,
            runnerTemp: mode === 'warm' ? warmTemps.get(`${rt.label}|${recipe.label}`) : undefined
          }
          if (mode === 'warm' && !step.runnerTemp) {
            // One run, not counted, fills the cache the measured ones use.
            step.runnerTemp = mkdtempSync(join(tmpdir(), 'bench-runner-temp-'))
            warmTemps.set(`${rt.label}|${recipe.label}`, step.runnerTemp)
            await runStep(step)
          }
          await sandbox.clearRequests()
          const r = await runStep(step)
          if (r.exitCode !== 0) {
            c.failure = errorLine(r)
            continue
          }
          c.times.push(r.durationMs)
          c.requests.push((await sandbox.requests()).length)
        }
      }
    }
    process.stdout.write(`round ${round + 1}/${RUNS} done\r`)
  }
  await client.close()
  await sandbox.close()
  console.log(
    `\nload average ${loadavg()
      .map(l => l.toFixed(1))
      .join(' ')} at end\n`
  )

  // ---- requests and bundle sizes
  const first = runtimes[0]
  const reqText = (c: Cell | undefined): string => {
    if (!c) return '—'
    if (c.failure) return 'failed'
    const lo = Math.min(...c.requests)
    const hi = Math.max(...c.requests)
    return lo === hi ? String(lo) : `${lo}–${hi}`
  }
  console.log('HTTP requests per run (sandbox request log) and bundle size')
  console.log(
    '| action | requests, logging in itself | requests after `login` | minimum | met | saved per step at 100–300 ms a round trip | bundle |'
  )
  console.log('| --- | --- | --- | --- | --- | --- | --- |')
  for (const recipe of recipes) {
    const self = cells.get(`${first.label}|${recipe.label}|self`)
    const after = cells.get(`${first.label}|${recipe.label}|after-login`)
    const measured = recipe.action === 'login' ? self : after
    const met =
      measured && !measured.failure && measured.requests.every(n => n <= recipe.target)
        ? 'yes'
        : 'NO'
    const saved =
      self?.requests.length && after?.requests.length
        ? median(self.requests) - median(after.requests)
        : undefined
    const savedText =
      saved === undefined ? '—' : `${saved} request(s): ${saved * 0.1}–${saved * 0.3} s`
    console.log(
      `| ${recipe.label} | ${reqText(self)} | ${recipe.action === 'login' ? 'n/a' : reqText(after)} | ${recipe.target} | ${met} | ${savedText} | ${kib(byName.get(recipe.action)?.bundleBytes)} |`
    )
  }
  for (const a of actions) {
    if (!RECIPES.some(r => r.action === a.name))
      console.log(`| ${a.name} | no recipe | | | | | ${kib(a.bundleBytes)} |`)
    else if (a.bundleBytes === undefined)
      console.log(`| ${a.name} | not built (no ${relative(process.cwd(), a.bundle)}) | | | | | |`)
  }
  for (const [k, c] of cells) if (c.failure) console.log(`failed: ${k}: ${c.failure}`)

  // ---- cold start
  console.log(
    `\nCold start (s), process start to exit, median of ${RUNS}; ratio = median / \`node -e 0\` median in this run`
  )
  console.log(
    `Targets: one API call (login, or any action after \`login\`) <= ${TARGET_S} s, and below the official Python SDK doing the same call: ${PYTHON_SDK_REFERENCE_S} s (a reference figure, not measured here; "/ Python" = median / ${PYTHON_SDK_REFERENCE_S} s)`
  )
  console.log(
    "One call: empty compile cache (a job's first step) and warm cache (its later steps, Node >= 22.1)."
  )
  console.log(
    '| runtime | action | logging in itself | ratio | 1 call, empty cache | ratio | / Python | 1 call, warm cache | ratio | / Python | <= 0.25 s | < Python |'
  )
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
  const m = (c: Cell | undefined) => (c && c.times.length ? median(c.times) : undefined)
  const over = (x: number | undefined, d: number) => (x === undefined ? '—' : (x / d).toFixed(2))
  const mark = (ok: boolean | undefined) => (ok === undefined ? '—' : ok ? 'yes' : 'no')
  for (const rt of runtimes) {
    const b = median(bare.get(rt.label)!)
    console.log(
      `| ${rt.label} | \`node -e 0\` | ${sec(b)} | 1.00 | | | ${over(b, PYTHON_SDK_REFERENCE_S * 1000)} | | | | | |`
    )
    for (const recipe of recipes) {
      const get = (mode: Mode) => m(cells.get(`${rt.label}|${recipe.label}|${mode}`))
      const self = get('self')
      const cold = recipe.action === 'login' ? self : get('after-login')
      const warm = get('warm')
      const best = cold === undefined ? warm : warm === undefined ? cold : Math.min(cold, warm)
      const py = PYTHON_SDK_REFERENCE_S * 1000
      console.log(
        `| ${rt.label} | ${recipe.label} | ${sec(self)} | ${over(self, b)} | ${sec(cold)} | ${over(cold, b)} | ${over(cold, py)} | ${sec(warm)} | ${over(warm, b)} | ${over(warm, py)} | ${mark(best === undefined ? undefined : best <= TARGET_S * 1000)} | ${mark(best === undefined ? undefined : best < py)} |`
      )
    }
  }
  console.log(
    `\nBundles: ${kib(bundleBytes('dist'))} of JavaScript in dist/ (every action and the root one)`
  )
  const cores = availableParallelism()
  if (loadavg()[0] > cores)
    console.log(
      `\nNOTE: this machine is busy (load ${loadavg()[0].toFixed(1)} on ${cores} cores): absolute times are inflated, compare the ratios.`
    )
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string }
  console.log(`\n${pkg.name}: ${actions.length} actions in actions/, ${recipes.length} measured`)
}

await main()
