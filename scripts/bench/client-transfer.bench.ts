// `npm run bench client`: upload and download 10 MiB, 100 MiB and 1 GiB through the Maestro client
// and through curl, against one sandbox in its own process. The client runs in a fresh child
// process per size and round (cold, like an action) so its peak RSS is measured per size; like the
// actions (ncc bundles), it runs as a plain-node bundle (esbuild), not under tsx, whose loader alone
// costs ~50 MB. Each round runs both sides back to back, alternating which goes first; small sizes
// get more rounds. Figures are medians; the ratio is the median of the per-round client/curl ratios
// (a pair shares the machine's state). Both sides are timed the same way: from the first request of
// the operation to its end, process start and login excluded (curl's own time_total).
// Targets: client/curl >= 0.8 both ways, peak RSS flat (<= 120 MB) at every size.
// The worker runs under Node 24, the runtime the actions declare (BENCH_NODE=<path> for another).
// A third pair of columns times undici alone, in a fresh process of its own right after the
// client's (file read and sent with no hash; body received and dropped, no hash, no file): the
// most any client on undici can do here, so the ratio the client could reach on this machine.
// A fourth pair times undici doing only the work the contract requires on top: SHA-256 of the
// bytes both ways, and the download written to a file in 1 MiB batches. The client's own cost is
// the gap between it and this pair; what separates this pair from curl is that required work.
// BENCH_SAMPLES=1 prints every round's timings (this machine's rounds can differ twofold).
import { spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync
} from 'node:fs'
import { open } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { request as undiciRequest, Agent } from 'undici'
import { MaestroClient } from '../../src/maestro/index.js'
import { startSandboxProcess } from '../sandbox-process.mjs'

const MiB = 1024 * 1024
const ROUNDS = process.env.BENCH_ROUNDS ? Number(process.env.BENCH_ROUNDS) : undefined
// BENCH_SIZES=10,100 (MiB) runs a subset.
const ONLY = process.env.BENCH_SIZES?.split(',').map(Number)
const SIZES = (
  [
    ['10 MiB', 10 * MiB, ROUNDS ?? 9],
    ['100 MiB', 100 * MiB, ROUNDS ?? 5],
    ['1 GiB', 1024 * MiB, ROUNDS ?? 3]
  ] as [label: string, bytes: number, rounds: number][]
).filter(([, bytes]) => !ONLY || ONLY.includes(bytes / MiB))
const TARGET_RATIO = 0.8
const TARGET_RSS_MB = 120

interface WorkerResult {
  uploadMs: number
  downloadMs: number
  /** CPU seconds (user + system) of the client process during each transfer. */
  uploadCpu: number
  downloadCpu: number
  sha256: string
  downloadSha256: string
  /** RSS once the client is loaded and logged in, before any transfer. */
  baselineRssBytes: number
  maxRssBytes: number
}

const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6

async function worker(): Promise<void> {
  const [url, login, key, taskId, file, dest] = process.argv.slice(3)
  const client = new MaestroClient({ server: url, login, key })
  await client.login() // curl gets its token outside the timing too
  const baselineRssBytes = process.memoryUsage().rss
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const up = await client.uploadArtifact({ taskId: Number(taskId), name: 'bench', filePath: file })
  const t1 = performance.now()
  const c1 = process.cpuUsage()
  const down = await client.downloadArtifact(up.artifact.id, dest)
  const t2 = performance.now()
  const c2 = process.cpuUsage()
  const maxRssBytes = process.resourceUsage().maxRSS * 1024
  await client.close()
  const result: WorkerResult = {
    uploadMs: t1 - t0,
    downloadMs: t2 - t1,
    uploadCpu: cpuSeconds(c1) - cpuSeconds(c0),
    downloadCpu: cpuSeconds(c2) - cpuSeconds(c1),
    baselineRssBytes,
    sha256: up.sha256,
    downloadSha256: down.sha256,
    maxRssBytes
  }
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

/**
 * undici alone in a process of its own, as cold as the client's: logged in (through the client,
 * which warms undici as much as the client worker's login does), then the same transfers. With a
 * destination path it also does the required work: hashes both ways and writes the download.
 */
async function undiciAloneWorker(): Promise<void> {
  const [url, login, key, taskId, file, dest] = process.argv.slice(3)
  const client = new MaestroClient({ server: url, login, key })
  const { accessToken } = await client.login()
  await client.close()
  const raw = await undiciAlone(url, login, accessToken, Number(taskId), file, dest)
  process.stdout.write(`${JSON.stringify(raw)}\n`)
}

/**
 * The same upload and download with undici and nothing else: no hash, no file written. With
 * `dest`, plus the work the contract requires: SHA-256 both ways, the download written to `dest`
 * in 1 MiB batches (one in flight), as plainly as undici allows.
 */
async function undiciAlone(
  url: string,
  login: string,
  token: string,
  taskId: number,
  file: string,
  dest?: string
): Promise<{ uploadMs: number; downloadMs: number }> {
  const agent = new Agent()
  const headers = { token, organization: login }
  const size = statSync(file).size
  const boundary = `----bench-${randomBytes(8).toString('hex')}`
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="raw.bin"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n'
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  async function* body(): AsyncGenerator<Uint8Array> {
    const hash = dest ? createHash('sha256') : undefined
    yield head
    for await (const chunk of createReadStream(file, { highWaterMark: MiB })) {
      hash?.update(chunk as Buffer)
      yield chunk as Buffer
    }
    hash?.digest()
    yield tail
  }
  const t0 = performance.now()
  const created = await undiciRequest(`${url}/api/v2/artifact`, {
    method: 'POST',
    dispatcher: agent,
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ taskId, name: 'raw', filename: 'raw.bin' })
  })
  const { id } = (await created.body.json()) as { id: number }
  const sent = await undiciRequest(`${url}/api/v2/artifact/log/${id}`, {
    method: 'POST',
    dispatcher: agent,
    headers: {
      ...headers,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(head.length + size + tail.length)
    },
    body: body() as unknown as Readable // undici takes async iterables; its types lag
  })
  await sent.body.dump()
  const t1 = performance.now()
  const got = await undiciRequest(`${url}/api/v2/artifact/${id}/file`, {
    dispatcher: agent,
    headers
  })
  let received = 0
  if (dest) {
    const hash = createHash('sha256')
    const out = await open(dest, 'w')
    let batch: Buffer[] = []
    let batchBytes = 0
    let writing: Promise<unknown> | undefined
    for await (const chunk of got.body) {
      const c = chunk as Buffer
      received += c.length
      hash.update(c)
      batch.push(c)
      batchBytes += c.length
      if (batchBytes >= MiB) {
        await writing
        writing = out.writev(batch)
        batch = []
        batchBytes = 0
      }
    }
    await writing
    if (batch.length > 0) await out.writev(batch)
    await out.close()
    hash.digest()
  } else {
    for await (const chunk of got.body) received += (chunk as Buffer).length
  }
  const t2 = performance.now()
  await agent.close()
  if (sent.statusCode !== 200 || got.statusCode !== 200 || received !== size)
    throw new Error(
      `undici alone: ${sent.statusCode}/${got.statusCode}, ${received} of ${size} bytes`
    )
  return { uploadMs: t1 - t0, downloadMs: t2 - t1 }
}

async function writeFile(path: string, size: number): Promise<string> {
  const block = randomBytes(MiB)
  const hash = createHash('sha256')
  const out = createWriteStream(path)
  for (let written = 0; written < size; written += MiB) {
    const chunk = block.subarray(0, Math.min(MiB, size - written))
    hash.update(chunk)
    if (!out.write(chunk)) await new Promise<void>(r => out.once('drain', () => r()))
  }
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve()))
  )
  return hash.digest('hex')
}

/** CPU seconds of this process's finished children so far (Linux /proc; NaN elsewhere). */
function childCpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[13]) + Number(fields[14])) / 100 // cutime + cstime, in 1/100 s ticks
  } catch {
    return NaN
  }
}

interface CurlRun {
  ms: number
  cpu: number
  out: string
}

/** One curl request, timed by curl itself (time_total: its process start is not counted). */
function curl(args: string[]): CurlRun {
  const cpu0 = childCpuSeconds()
  const r = spawnSync('curl', ['-sS', '--fail', '-w', '\\n%{time_total}', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: MiB
  })
  if (r.status !== 0) throw new Error(`curl failed (${r.status})`)
  const lines = r.stdout.trimEnd().split('\n')
  return {
    ms: Number(lines.at(-1)) * 1000,
    cpu: childCpuSeconds() - cpu0,
    out: lines.slice(0, -1).join('\n')
  }
}

interface Sample {
  up: number
  down: number
  upCpu: number
  downCpu: number
  /** client only: undici alone, the same transfers with no hash and no file. */
  rawUp?: number
  rawDown?: number
  /** client only: undici plus the required work (SHA-256 both ways, the download to a file). */
  requiredUp?: number
  requiredDown?: number
  /** curl only: wall time of sha256sum over the file sent / received. */
  upHashMs?: number
  downHashMs?: number
}

function sha256sum(path: string): { ms: number; hex: string } {
  const t0 = performance.now()
  const r = spawnSync('sha256sum', [path], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`sha256sum failed: ${r.stderr}`)
  return { ms: performance.now() - t0, hex: r.stdout.split(' ')[0] }
}

const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000)
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const num = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '-')
/** Columns right-aligned to their widest cell; the first (size) left-aligned. */
function printTable(header: string[], rows: string[][]): void {
  const all = [header, ...rows]
  const widths = all[0].map((_, c) => Math.max(...all.map(r => (r[c] ?? '').length)))
  const line = (r: string[]) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')
  console.log(line(header))
  for (const r of rows) console.log(line(r))
}
const mark = (ok: boolean) => (ok ? 'met' : 'MISSED')
const load = () => loadavg()[0].toFixed(1)

/** The Node the client worker runs under: BENCH_NODE, else Node 24 (the actions' runtime). */
async function workerNode(): Promise<{ path: string; version: string }> {
  // Imported here, not at the top: the worker bundle must not run that script's own main.
  const { ensureNode24 } = await import('../ensure-node24.mjs')
  const path = process.env.BENCH_NODE || ensureNode24() || process.execPath
  const r = spawnSync(path, ['--version'], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`cannot run ${path}`)
  return { path, version: r.stdout.trim() }
}

async function main(): Promise<void> {
  const node = await workerNode()
  const work = mkdtempSync(join(tmpdir(), 'maestro-bench-'))
  // The worker runs as one plain-node ESM bundle, the way the actions ship.
  const workerBundle = join(work, 'client-worker.mjs')
  const { build } = await import('esbuild')
  await build({
    entryPoints: [fileURLToPath(import.meta.url)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['esbuild'],
    outfile: workerBundle,
    logLevel: 'error',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);"
    }
  })
  const { child, ...target } = await startSandboxProcess({
    dataDir: join(work, 'sandbox'),
    automation: 'bench-bot'
  })
  try {
    // Setup outside the measured part: a token and a task for curl, via the client itself.
    const setup = new MaestroClient({ server: target.url, login: target.login, key: target.key })
    const { accessToken } = await setup.login()
    const task = await setup.createTask({ activityLabel: 'bench-bot' })
    const auth = ['-H', `token: ${accessToken}`, '-H', `organization: ${target.login}`]
    console.log(
      [
        `client on node ${node.version}, ${process.platform}; sandbox (same machine, node ${process.version}) at ${target.url}`,
        'client: fresh node process per round (cold, like an action), logged in before timing;',
        '  upload = create the record + multipart POST with exact Content-Length, SHA-256 while reading;',
        '  download = GET into a temp file, SHA-256 while writing, length check, rename.',
        'curl: token made before timing; upload = create the record + `-F file=@` POST (both timed);',
        '  download = `-o file` GET, no hash. The last columns add a timed `sha256sum` of the file',
        '  sent / received to curl, the work the client does on top.',
        'MB/s and CPU are medians over the rounds; ratio = median of per-round client/curl (same round,',
        'both orders alternating). CPU = user+sys s per GiB moved (client: its process during the',
        'transfer; curl: its processes, start-up included). The sandbox does the same work for both.',
        ''
      ].join('\n')
    )
    // Warm the sandbox's upload and download paths (its JIT) before the first timed round.
    const warm = join(work, 'warm.bin')
    await writeFile(warm, MiB)
    const warmRecord = curl([
      ...auth,
      '-H',
      'content-type: application/json',
      '-d',
      JSON.stringify({ taskId: task.id, name: 'warm', filename: 'warm.bin' }),
      `${target.url}/api/v2/artifact`
    ])
    const warmId = (JSON.parse(warmRecord.out) as { id: number }).id
    for (let i = 0; i < 5; i++) {
      curl([
        ...auth,
        '-o',
        '/dev/null',
        '-F',
        `file=@${warm}`,
        `${target.url}/api/v2/artifact/log/${warmId}`
      ])
      curl([...auth, '-o', '/dev/null', `${target.url}/api/v2/artifact/${warmId}/file`])
    }
    rmSync(warm)
    const rows: string[][] = []
    const details: string[][] = []
    for (const [label, size, rounds] of SIZES) {
      const file = join(work, `in-${size}.bin`)
      const expected = await writeFile(file, size)
      const loadBefore = load()
      const client: Sample[] = []
      const viaCurl: Sample[] = []
      const ratios = {
        up: [] as number[],
        down: [] as number[],
        upSame: [] as number[],
        downSame: [] as number[],
        upRaw: [] as number[],
        downRaw: [] as number[],
        upRequired: [] as number[],
        downRequired: [] as number[]
      }
      let peakRss = 0
      let baselineRss = 0

      /** undici alone in a fresh process; with `dest`, doing the required work too. */
      const runUndici = (dest?: string): { uploadMs: number; downloadMs: number } => {
        const args = [target.url, target.login, target.key, String(task.id), file]
        const a = spawnSync(
          node.path,
          [workerBundle, '--undici-alone', ...args, ...(dest ? [dest] : [])],
          { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: MiB }
        )
        if (a.status !== 0) throw new Error(`undici-alone worker failed for ${label}`)
        if (dest) rmSync(dest, { force: true })
        return JSON.parse(a.stdout.trim().split('\n').at(-1)!) as {
          uploadMs: number
          downloadMs: number
        }
      }

      const runClient = (): Sample => {
        const out = join(work, `client-out-${size}.bin`)
        const w = spawnSync(
          node.path,
          [
            workerBundle,
            '--worker',
            target.url,
            target.login,
            target.key,
            String(task.id),
            file,
            out
          ],
          { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: MiB }
        )
        if (w.status !== 0) throw new Error(`client worker failed for ${label}`)
        const r = JSON.parse(w.stdout.trim().split('\n').at(-1)!) as WorkerResult
        if (r.sha256 !== expected || r.downloadSha256 !== expected)
          throw new Error(`checksum mismatch for ${label}`)
        rmSync(out, { force: true })
        peakRss = Math.max(peakRss, r.maxRssBytes)
        baselineRss = Math.max(baselineRss, r.baselineRssBytes)
        const raw = runUndici()
        const required = runUndici(join(work, `undici-out-${size}.bin`))
        return {
          up: r.uploadMs,
          down: r.downloadMs,
          upCpu: r.uploadCpu,
          downCpu: r.downloadCpu,
          rawUp: raw.uploadMs,
          rawDown: raw.downloadMs,
          requiredUp: required.uploadMs,
          requiredDown: required.downloadMs
        }
      }

      const runCurl = async (): Promise<Sample> => {
        const created = curl([
          ...auth,
          '-H',
          'content-type: application/json',
          '-d',
          JSON.stringify({ taskId: task.id, name: 'curl', filename: 'curl.bin' }),
          `${target.url}/api/v2/artifact`
        ])
        const id = (JSON.parse(created.out) as { id: number }).id
        const up = curl([
          ...auth,
          '-o',
          '/dev/null',
          '-F',
          `file=@${file};filename=curl.bin`,
          `${target.url}/api/v2/artifact/log/${id}`
        ])
        const out = join(work, `curl-out-${size}.bin`)
        const down = curl([...auth, '-o', out, `${target.url}/api/v2/artifact/${id}/file`])
        // What the client does on top, the shell way: sha256sum of the file sent and received.
        const shaUp = sha256sum(file)
        const shaDown = sha256sum(out)
        if (statSync(out).size !== size || shaDown.hex !== expected || shaUp.hex !== expected)
          throw new Error(`curl download mismatch for ${label}`)
        rmSync(out, { force: true })
        return {
          up: created.ms + up.ms,
          down: down.ms,
          upCpu: created.cpu + up.cpu,
          downCpu: down.cpu,
          upHashMs: shaUp.ms,
          downHashMs: shaDown.ms
        }
      }

      for (let round = 0; round < rounds; round++) {
        let c: Sample
        let k: Sample
        if (round % 2 === 0) {
          c = runClient()
          k = await runCurl()
        } else {
          k = await runCurl()
          c = runClient()
        }
        client.push(c)
        viaCurl.push(k)
        if (process.env.BENCH_SAMPLES)
          console.log(JSON.stringify({ label, round, client: c, curl: k }))
        ratios.up.push(k.up / c.up)
        ratios.down.push(k.down / c.down)
        ratios.upSame.push((k.up + k.upHashMs!) / c.up)
        ratios.downSame.push((k.down + k.downHashMs!) / c.down)
        ratios.upRaw.push(k.up / c.rawUp!)
        ratios.downRaw.push(k.down / c.rawDown!)
        ratios.upRequired.push(k.up / c.requiredUp!)
        ratios.downRequired.push(k.down / c.requiredDown!)
      }
      rmSync(file, { force: true })

      const speed = (xs: Sample[], d: 'up' | 'down') => median(xs.map(x => mbps(size, x[d])))
      const cpu = (xs: Sample[], d: 'upCpu' | 'downCpu') =>
        median(xs.map(x => x[d])) / (size / 1024 ** 3)
      const up = median(ratios.up)
      const down = median(ratios.down)
      const rssMb = peakRss / 1e6
      const met = [up >= TARGET_RATIO, down >= TARGET_RATIO, rssMb <= TARGET_RSS_MB]
      rows.push([
        label,
        num(speed(client, 'up')),
        num(speed(viaCurl, 'up')),
        num(up, 2),
        mark(met[0]),
        num(speed(client, 'down')),
        num(speed(viaCurl, 'down')),
        num(down, 2),
        mark(met[1]),
        `${num(rssMb)} MB`,
        mark(met[2]),
        `${met.filter(Boolean).length}/3`
      ])
      details.push([
        label,
        String(rounds),
        `${loadBefore} -> ${load()}`,
        num(cpu(client, 'upCpu'), 2),
        num(cpu(viaCurl, 'upCpu'), 2),
        num(cpu(client, 'downCpu'), 2),
        num(cpu(viaCurl, 'downCpu'), 2),
        `${num(baselineRss / 1e6)} MB`,
        `${num((peakRss - baselineRss) / 1e6)} MB`,
        num(Math.max(...ratios.up), 2),
        num(Math.max(...ratios.down), 2),
        num(median(ratios.upSame), 2),
        num(median(ratios.downSame), 2),
        num(median(ratios.upRaw), 2),
        num(median(ratios.downRaw), 2),
        num(median(ratios.upRequired), 2),
        num(median(ratios.downRequired), 2)
      ])
      console.error(`(${label} done)`)
    }
    console.log(
      `targets: client/curl >= ${TARGET_RATIO} each way, client peak RSS <= ${TARGET_RSS_MB} MB at every size\n`
    )
    printTable(
      [
        'size',
        'up MB/s: client',
        'curl',
        'ratio',
        '',
        'down MB/s: client',
        'curl',
        'ratio',
        '',
        'client peak RSS',
        '',
        'targets'
      ],
      rows
    )
    console.log('')
    printTable(
      [
        'size',
        'rounds',
        'load 1 min',
        'CPU s/GiB up: client',
        'curl',
        'down: client',
        'curl',
        'client RSS: baseline',
        'peak - baseline',
        'best ratio: up',
        'down',
        'ratio vs curl+sha256sum: up',
        'down',
        'undici alone/curl: up',
        'down',
        'undici + required work/curl: up',
        'down'
      ],
      details
    )
    await setup.close()
  } finally {
    child.kill('SIGTERM')
    await new Promise(r => child.once('exit', r))
    rmSync(work, { recursive: true, force: true })
  }
}

if (process.argv[2] === '--worker') await worker()
else if (process.argv[2] === '--undici-alone') await undiciAloneWorker()
else await main()
