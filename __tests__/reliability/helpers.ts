// Shared by the reliability tests: a bounded pool for running many action processes at once, and
// a per-case doorway to the sandbox so its request log says which case a request came from.
import { createServer, connect, type Server, type Socket } from 'node:net'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT } from '../support/action-check.js'

/** The folders under actions/ that hold an action.yml (a new action is picked up by itself). */
export function actionNames(): string[] {
  return readdirSync(join(REPO_ROOT, 'actions'))
    .filter(name => existsSync(join(REPO_ROOT, 'actions', name, 'action.yml')))
    .sort()
}

/** Runs `fn` over `items`, `limit` at a time, keeping the results in order. */
export async function pool<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>
): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/** How many processes to run at once: the machine has few cores, shared with other work. */
export const CONCURRENCY = 4

export interface Doorway {
  /** http://127.0.0.1:<port>: give it to the action as its server */
  url: string
  /** the Host header the sandbox records for requests that came through here */
  host: string
  /** TCP connections opened through this doorway */
  connections(): number
  close(): Promise<void>
}

/**
 * A TCP relay on its own loopback port in front of the sandbox. Requests keep their bytes, so the
 * sandbox serves them as usual, and each carries `Host: 127.0.0.1:<this port>`: the one sandbox
 * request log tells concurrent cases apart.
 */
export async function openDoorway(target: string): Promise<Doorway> {
  const to = new URL(target)
  let connections = 0
  const sockets = new Set<Socket>()
  const server: Server = createServer(socket => {
    connections++
    const upstream = connect(Number(to.port), to.hostname)
    for (const s of [socket, upstream]) {
      sockets.add(s)
      s.on('close', () => sockets.delete(s))
    }
    socket.on('error', () => upstream.destroy())
    upstream.on('error', () => socket.destroy())
    socket.pipe(upstream).pipe(socket)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    connections: () => connections,
    close: () =>
      new Promise<void>(resolve => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}
