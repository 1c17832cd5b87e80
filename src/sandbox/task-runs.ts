// The Runner's hold on the tasks it plays (POST /_sandbox/tasks/{id}/run). Each play is a run with
// a number: a restart or a new play starts a new run, so timers left by an earlier one must not
// move the task. A played bot may also watch `interrupted`, as bots built on the SDKs do, and stop
// when someone asks.
export class TaskRuns {
  private latest = new Map<number, number>()
  private watchers = new Map<number, () => void>()
  private readers = new Map<number, { left: number; finish: () => void }>()

  current(taskId: number): number {
    return this.latest.get(taskId) ?? 0
  }

  /** Starts a new run of the task: earlier timers and interrupt watchers no longer apply. */
  next(taskId: number): number {
    const run = this.current(taskId) + 1
    this.latest.set(taskId, run)
    this.watchers.delete(taskId)
    this.readers.delete(taskId)
    return run
  }

  /** `finish` is called (once) when the task has been read `reads` more times during this run. */
  finishAfterReads(taskId: number, reads: number, finish: () => void): void {
    this.readers.set(taskId, { left: reads, finish })
  }

  /** A client read the task (GET /task/{id}). */
  read(taskId: number): void {
    const reader = this.readers.get(taskId)
    if (!reader || --reader.left > 0) return
    this.readers.delete(taskId)
    reader.finish()
  }

  /** `stop` is called (once) when the task is interrupted during this run. */
  watchInterrupt(taskId: number, stop: () => void): void {
    this.watchers.set(taskId, stop)
  }

  interrupted(taskId: number): void {
    const stop = this.watchers.get(taskId)
    this.watchers.delete(taskId)
    stop?.()
  }

  clear(): void {
    this.latest.clear()
    this.watchers.clear()
    this.readers.clear()
  }
}
