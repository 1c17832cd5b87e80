// A tiny scripted HTTP server for transport tests that do not need the sandbox.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Seen {
  method: string
  path: string
  headers: IncomingMessage['headers']
  body: Buffer
}

export type Handler = (req: Seen, res: ServerResponse) => void | Promise<void>

export interface Stub {
  url: string
  seen: Seen[]
  handle(h: Handler): void
  close(): Promise<void>
}

export interface StubOptions {
  /**
   * A pause after each chunk of a request body, so the client's socket writes back up and stay
   * pending (a slow reader); 0, the default, reads at once.
   */
  pauseAfterChunkMs?: number
}

export async function startStub(handler?: Handler, options: StubOptions = {}): Promise<Stub> {
  let current: Handler = handler ?? ((_r, res) => void res.end())
  const seen: Seen[] = []
  const pause = options.pauseAfterChunkMs ?? 0
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const c of req) {
      chunks.push(c as Buffer)
      if (pause > 0) await new Promise(r => setTimeout(r, pause))
    }
    const s: Seen = {
      method: req.method!,
      path: req.url!,
      headers: req.headers,
      body: Buffer.concat(chunks)
    }
    seen.push(s)
    try {
      await current(s, res)
    } catch (e) {
      res.statusCode = 599
      res.end(String(e))
    }
  })
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    handle(h) {
      current = h
    },
    close: () =>
      new Promise<void>(r => {
        server.closeAllConnections()
        server.close(() => r())
      })
  }
}

export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}
