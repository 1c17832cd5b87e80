// "Cleaning up orphan processes", as GitHub's runner does when a job ends: every step gets
// RUNNER_TRACKING_ID in its environment, and whatever still runs with it afterwards (a server a
// step started in the background, even one that left the step's process group) is terminated.
// A step can keep a process alive on purpose by clearing RUNNER_TRACKING_ID for it, as on GitHub.
// Linux finds the processes through /proc; elsewhere on POSIX the steps' process groups are ended.
import { readdirSync, readFileSync } from 'node:fs'

export interface Orphan {
  pid: number
  name: string
}

function isAlive(pid: number): boolean {
  try {
    // A zombie has exited; it only waits for its parent (or init) to reap it.
    if (process.platform === 'linux') {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      if (/^\d+ \(.*\) Z/s.test(stat)) return false
    }
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Processes (Linux) whose environment holds RUNNER_TRACKING_ID=<id>, this process excluded. */
export function findTrackedProcesses(trackingId: string): Orphan[] {
  if (process.platform !== 'linux') return []
  const needle = `\0RUNNER_TRACKING_ID=${trackingId}\0`
  const found: Orphan[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue
    try {
      const environ = `\0${readFileSync(`/proc/${entry}/environ`, 'latin1')}`
      if (!environ.includes(needle)) continue
      const name = readFileSync(`/proc/${entry}/comm`, 'utf8').trim()
      found.push({ pid: Number(entry), name })
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/**
 * Ends what the job's steps left running: SIGTERM, then SIGKILL for what is still alive after
 * `graceMs`. `groups` are the steps' process-group ids, used where /proc is not available.
 * Returns the processes found (Linux) so the caller can report them.
 */
export async function endOrphans(
  trackingId: string,
  groups: number[],
  graceMs = 3000
): Promise<Orphan[]> {
  if (process.platform === 'win32') return []
  if (process.platform !== 'linux') {
    const signalGroups = (sig: NodeJS.Signals) => {
      for (const g of groups) {
        try {
          process.kill(-g, sig)
        } catch {
          // The group is empty: nothing was left behind.
        }
      }
    }
    signalGroups('SIGTERM')
    await sleep(Math.min(graceMs, 200))
    signalGroups('SIGKILL')
    return []
  }
  const orphans = findTrackedProcesses(trackingId)
  for (const o of orphans) {
    try {
      process.kill(o.pid, 'SIGTERM')
    } catch {
      // Already gone.
    }
  }
  const deadline = Date.now() + graceMs
  let alive = orphans.filter(o => isAlive(o.pid))
  while (alive.length > 0 && Date.now() < deadline) {
    await sleep(50)
    alive = alive.filter(o => isAlive(o.pid))
  }
  for (const o of alive) {
    try {
      process.kill(o.pid, 'SIGKILL')
    } catch {
      // Already gone.
    }
  }
  return orphans
}
