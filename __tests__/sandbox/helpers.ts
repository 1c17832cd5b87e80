// Shared helpers for the sandbox tests: a real server on a free port, and thin HTTP helpers.
import { request, type IncomingMessage } from 'node:http'
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js'

export interface Harness {
  sb: Sandbox
  token: string
  /** Auth headers the Python/JS SDKs send. */
  auth: Record<string, string>
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Res>
  control(method: string, path: string, body?: unknown): Promise<Res>
  login(): Promise<string>
}

export interface Res {
  status: number
  headers: Headers
  text: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any
}

async function toRes(r: Response): Promise<Res> {
  const text = await r.text()
  let body: unknown
  try {
    body = text === '' ? undefined : JSON.parse(text)
  } catch {
    body = undefined
  }
  return { status: r.status, headers: r.headers, text, body }
}

export async function harness(options: SandboxOptions = {}): Promise<Harness> {
  const sb = await startSandbox({ port: 0, control: true, ...options })
  const h: Harness = {
    sb,
    token: '',
    auth: {},
    async call(method, path, body, headers) {
      const r = await fetch(sb.url + path, {
        method,
        headers: {
          ...(body !== undefined && typeof body !== 'string'
            ? { 'content-type': 'application/json' }
            : {}),
          ...(headers ?? h.auth)
        },
        body:
          body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
      })
      return toRes(r)
    },
    async control(method, path, body) {
      const r = await fetch(sb.url + '/_sandbox' + path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body)
      })
      return toRes(r)
    },
    async login() {
      const r = await h.call(
        'POST',
        '/api/v2/workspace/login',
        { login: sb.login, key: sb.key },
        {}
      )
      if (r.status !== 200) throw new Error(`login failed: ${r.status} ${r.text}`)
      h.token = r.body.accessToken
      h.auth = { token: h.token, organization: sb.login }
      return h.token
    }
  }
  await h.login()
  return h
}

export interface RawResult {
  status?: number
  headers?: Record<string, string | string[] | undefined>
  body: Buffer
  error?: NodeJS.ErrnoException
}

/** A request over node:http that reports socket errors (resets, premature close) instead of throwing. */
export function raw(
  url: string,
  method: string,
  path: string,
  headers: Record<string, string | number>,
  body?: Buffer | string
): Promise<RawResult> {
  return new Promise(resolve => {
    const chunks: Buffer[] = []
    let done = false
    const finish = (r: RawResult) => {
      if (!done) {
        done = true
        resolve(r)
      }
    }
    let response: IncomingMessage | undefined
    const req = request(url + path, { method, headers, agent: false }, res => {
      response = res
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        finish({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) })
      )
      res.on('error', error =>
        finish({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks), error })
      )
      res.on('aborted', () => undefined)
    })
    // A reset after the headers arrived surfaces here, not on the response.
    req.on('error', error =>
      finish({
        status: response?.statusCode,
        headers: response?.headers,
        body: Buffer.concat(chunks),
        error
      })
    )
    if (body !== undefined) req.end(body)
    else req.end()
  })
}

/** A multipart/form-data body with one part named `name`. */
export function multipart(content: Buffer, fileName = 'file.bin', name = 'file') {
  const boundary = '----sandboxtest' + Math.random().toString(16).slice(2)
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${fileName}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n'
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  return {
    body: Buffer.concat([head, content, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`
  }
}

export const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))
