// Upload throughput and the sandbox's memory while receiving big files. The sandbox runs in its
// own process (the CLI) so the peak RSS reported is the server's alone; the multipart body is
// generated on the fly, so the client never holds a file in memory either.
import { spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { request } from 'node:http'
import { readFileSync } from 'node:fs'
import { Readable } from 'node:stream'

const MiB = 1024 * 1024
const SIZES = [10 * MiB, 100 * MiB, 512 * MiB]

interface Ready {
  url: string
  login: string
  key: string
}

function startServer() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/sandbox/cli.ts', '--control'], {
    stdio: ['ignore', 'pipe', 'ignore']
  })
  const ready = new Promise<Ready>((resolve, reject) => {
    let out = ''
    child.stdout.on('data', c => {
      out += c
      if (out.includes('\n')) resolve(JSON.parse(out.slice(0, out.indexOf('\n'))) as Ready)
    })
    child.on('exit', code => reject(new Error(`sandbox exited with ${code}`)))
  })
  return { child, ready }
}

/** VmHWM (peak resident set) of a process, in bytes; Linux only. */
function vmHwm(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) * 1024 : null
  } catch {
    return null
  }
}

async function api(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown
) {
  const r = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`)
  return r.json()
}

/** A multipart body of `size` payload bytes, produced chunk by chunk; `hash` sees the payload. */
function multipartStream(size: number, boundary: string, hash: ReturnType<typeof createHash>) {
  const block = randomBytes(MiB)
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.bin"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n'
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  async function* parts() {
    yield head
    for (let sent = 0; sent < size; sent += block.length) {
      const chunk = block.subarray(0, Math.min(block.length, size - sent))
      hash.update(chunk)
      yield chunk
    }
    yield tail
  }
  return { stream: Readable.from(parts()), length: head.length + size + tail.length }
}

function upload(url: string, headers: Record<string, string>, size: number) {
  const boundary = 'bench' + randomBytes(8).toString('hex')
  const hash = createHash('sha256')
  const { stream, length } = multipartStream(size, boundary, hash)
  return new Promise<string>((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': length
        }
      },
      res => {
        res.resume()
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(hash.digest('hex'))
            : reject(new Error(`upload: ${res.statusCode}`))
        )
      }
    )
    req.on('error', reject)
    stream.pipe(req)
  })
}

const fmt = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / MiB).toFixed(1)} MiB`)

async function main() {
  const { child, ready } = startServer()
  try {
    const sb = await ready
    const { accessToken } = (await api(
      sb.url,
      'POST',
      '/api/v2/workspace/login',
      {},
      {
        login: sb.login,
        key: sb.key
      }
    )) as { accessToken: string }
    const auth = { token: accessToken, organization: sb.login }
    const task = (await api(sb.url, 'POST', '/api/v2/task', auth, {
      activityLabel: 'demo-bot'
    })) as { id: number }
    const idle = vmHwm(child.pid!)
    console.log(`sandbox pid ${child.pid}, peak RSS before uploads: ${fmt(idle)}`)
    // One small unreported upload first, so the 10 MiB row measures a warm server, not the JIT.
    const warm = (await api(sb.url, 'POST', '/api/v2/artifact', auth, {
      taskId: task.id,
      name: 'warm-up',
      filename: 'warm.bin'
    })) as { id: number }
    await upload(`${sb.url}/api/v2/artifact/log/${warm.id}`, auth, 4 * MiB)
    console.log(`after a 4 MiB warm-up: ${fmt(vmHwm(child.pid!))}\n`)

    const rows: string[][] = []
    for (const size of SIZES) {
      const artifact = (await api(sb.url, 'POST', '/api/v2/artifact', auth, {
        taskId: task.id,
        name: `bench-${size}`,
        filename: 'bench.bin'
      })) as { id: number }
      const started = performance.now()
      const sent = await upload(`${sb.url}/api/v2/artifact/log/${artifact.id}`, auth, size)
      const seconds = (performance.now() - started) / 1000
      const state = (await api(sb.url, 'GET', '/_sandbox/state', {})) as {
        artifacts: { id: number; size: number; sha256: string }[]
      }
      const stored = state.artifacts.find(a => a.id === artifact.id)!
      const stats = (await api(sb.url, 'GET', '/_sandbox/stats', {})) as {
        peakRss: number
        rss: number
      }
      rows.push([
        `${size / MiB} MiB`,
        `${(size / MiB / seconds).toFixed(1)} MB/s`,
        `${seconds.toFixed(2)} s`,
        fmt(vmHwm(child.pid!) ?? stats.peakRss),
        fmt(stats.rss),
        stored.size === size && stored.sha256 === sent ? 'yes' : 'NO'
      ])
    }
    const header = [
      'size',
      'throughput',
      'time',
      'server peak RSS',
      'server RSS after',
      'sha256 ok'
    ]
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i].length)))
    const line = (cells: string[]) =>
      '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |'
    console.log(line(header))
    console.log('|' + widths.map(w => '-'.repeat(w + 2)).join('|') + '|')
    for (const r of rows) console.log(line(r))
    console.log("\n(MB/s = MiB of payload per second; peak RSS is the server process' VmHWM.)")
    if (rows.some(r => r[5] !== 'yes')) process.exitCode = 1
  } finally {
    child.kill('SIGTERM')
  }
}

main().catch(e => {
  console.error(e)
  process.exit(1)
})
