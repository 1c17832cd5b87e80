// `npm run bench client`: upload and download 10 MiB, 100 MiB and 1 GiB through the Maestro client
// and through curl, against a sandbox in its own process. The client runs in a fresh child
// process per size and round so its peak RSS is measured per size; like the actions (ncc bundles),
// it runs as a plain-node bundle (esbuild), not under tsx, whose loader alone costs ~50 MB.
// Rounds alternate client and curl and the best round of each is compared, because a shared
// machine makes single runs noisy. Targets: client/curl >= 0.8, peak RSS flat (<= 120 MB).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { MaestroClient } from '../../src/maestro/index.js'

const MiB = 1024 * 1024
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const SIZES: [string, number][] = [
  ['10 MiB', 10 * MiB],
  ['100 MiB', 100 * MiB],
  ['1 GiB', 1024 * MiB]
]

interface Target {
  url: string
  login: string
  key: string
}

interface WorkerResult {
  uploadMs: number
  downloadMs: number
  sha256: string
  downloadSha256: string
  maxRssBytes: number
}

async function worker(): Promise<void> {
  const [url, login, key, taskId, file, dest] = process.argv.slice(3)
  const client = new MaestroClient({ server: url, login, key })
  await client.login() // curl gets its token outside the timing too
  const t0 = performance.now()
  const up = await client.uploadArtifact({ taskId: Number(taskId), name: 'bench', filePath: file })
  const t1 = performance.now()
  const down = await client.downloadArtifact(up.artifact.id, dest)
  const t2 = performance.now()
  await client.close()
  const result: WorkerResult = {
    uploadMs: t1 - t0,
    downloadMs: t2 - t1,
    sha256: up.sha256,
    downloadSha256: down.sha256,
    maxRssBytes: process.resourceUsage().maxRSS * 1024
  }
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

async function startSandboxProcess(
  dataDir: string
): Promise<{ target: Target; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/sandbox/cli.ts',
      '--port',
      '0',
      '--control',
      '--data-dir',
      dataDir,
      '--automation',
      'bench-bot'
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] }
  )
  const lines = createInterface({ input: child.stdout! })
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve)
    child.once('exit', code => reject(new Error(`sandbox exited with ${code}`)))
  })
  return { target: JSON.parse(first) as Target, child }
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

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const c of createReadStream(path, { highWaterMark: MiB })) hash.update(c as Buffer)
  return hash.digest('hex')
}

function curl(args: string[]): number {
  const t0 = performance.now()
  const r = spawnSync('curl', ['-sS', '--fail', ...args], {
    stdio: ['ignore', 'ignore', 'inherit']
  })
  if (r.status !== 0) throw new Error(`curl failed (${r.status})`)
  return performance.now() - t0
}

const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000)
const fmt = (n: number, d = 1) => n.toFixed(d).padStart(8)

async function main(): Promise<void> {
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
  const { target, child } = await startSandboxProcess(join(work, 'sandbox'))
  try {
    // Setup outside the measured part: a token and a task for curl, via the client itself.
    const setup = new MaestroClient({ server: target.url, login: target.login, key: target.key })
    const { accessToken } = await setup.login()
    const task = await setup.createTask({ activityLabel: 'bench-bot' })
    const auth = ['-H', `token: ${accessToken}`, '-H', `organization: ${target.login}`]
    console.log(`node ${process.version}, sandbox at ${target.url}, best of ${ROUNDS} rounds\n`)
    console.log(
      'size      | client up MB/s | curl up MB/s | ratio | client down MB/s | curl down MB/s | ratio | client peak RSS'
    )
    for (const [label, size] of SIZES) {
      const file = join(work, `in-${size}.bin`)
      const expected = await writeFile(file, size)

      const best = { cu: 0, ku: 0, cd: 0, kd: 0, rss: 0 }
      for (let round = 0; round < ROUNDS; round++) {
        // The client, in a fresh process.
        const w = spawnSync(
          process.execPath,
          [
            workerBundle,
            '--worker',
            target.url,
            target.login,
            target.key,
            String(task.id),
            file,
            join(work, `client-out-${size}.bin`)
          ],
          { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 * MiB }
        )
        if (w.status !== 0) throw new Error(`client worker failed for ${label}`)
        const r = JSON.parse(w.stdout.trim().split('\n').at(-1)!) as WorkerResult
        if (r.sha256 !== expected || r.downloadSha256 !== expected)
          throw new Error(`checksum mismatch for ${label}`)
        rmSync(join(work, `client-out-${size}.bin`), { force: true })

        // curl: create the record (not timed), then upload and download.
        const created = spawnSync(
          'curl',
          [
            '-sS',
            '--fail',
            ...auth,
            '-H',
            'content-type: application/json',
            '-d',
            JSON.stringify({ taskId: task.id, name: 'curl', filename: 'curl.bin' }),
            `${target.url}/api/v2/artifact`
          ],
          { encoding: 'utf8' }
        )
        if (created.status !== 0)
          throw new Error(`curl could not create the artifact record: ${created.stderr}`)
        const record = { artifact: JSON.parse(created.stdout) as { id: number } }
        const curlUpMs = curl([
          ...auth,
          '-o',
          '/dev/null',
          '-F',
          `file=@${file};filename=curl.bin`,
          `${target.url}/api/v2/artifact/log/${record.artifact.id}`
        ])
        const curlOut = join(work, `curl-out-${size}.bin`)
        const curlDownMs = curl([
          ...auth,
          '-o',
          curlOut,
          `${target.url}/api/v2/artifact/${record.artifact.id}/file`
        ])
        if (statSync(curlOut).size !== size || (await sha256Of(curlOut)) !== expected)
          throw new Error(`curl download mismatch for ${label}`)
        rmSync(curlOut, { force: true })
        best.cu = Math.max(best.cu, mbps(size, r.uploadMs))
        best.ku = Math.max(best.ku, mbps(size, curlUpMs))
        best.cd = Math.max(best.cd, mbps(size, r.downloadMs))
        best.kd = Math.max(best.kd, mbps(size, curlDownMs))
        best.rss = Math.max(best.rss, r.maxRssBytes)
      }
      rmSync(file, { force: true })
      const { cu, ku, cd, kd } = best
      const row = `${label.padEnd(9)} | ${fmt(cu)}       | ${fmt(ku)}     | ${fmt(cu / ku, 2)} | ${fmt(cd)}         | ${fmt(kd)}       | ${fmt(cd / kd, 2)} | ${fmt(best.rss / 1e6)} MB`
      console.log(row)
    }
    await setup.close()
  } finally {
    child.kill('SIGTERM')
    await new Promise(r => child.once('exit', r))
    rmSync(work, { recursive: true, force: true })
  }
}

if (process.argv[2] === '--worker') await worker()
else await main()
