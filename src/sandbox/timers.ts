// Timers the sandbox schedules (the Runner); tracked so close() and reset leave nothing pending.
export class Timers {
  private pending = new Set<NodeJS.Timeout>()

  after(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.pending.delete(t)
      fn()
    }, ms)
    this.pending.add(t)
  }

  clear(): void {
    for (const t of this.pending) clearTimeout(t)
    this.pending.clear()
  }
}

export const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms))
