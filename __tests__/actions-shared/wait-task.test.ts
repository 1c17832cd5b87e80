import { describe, expect, it } from '@jest/globals'
import { EventEmitter } from 'node:events'
import {
  abortOnSignals,
  finishedAsAllowed,
  formatDuration,
  waitForTask,
  type WaitOptions,
  type WatchedTask
} from '../../src/actions/shared/wait-task.js'

/** A fake Maestro whose task walks through the given states, one per poll, on a fake clock. */
function scripted(states: WatchedTask[]) {
  let clock = 0
  const calls: string[] = []
  const client = {
    async getTask(id: number | string) {
      calls.push(`get ${id}`)
      return states[Math.min(calls.filter(c => c.startsWith('get')).length - 1, states.length - 1)]
    },
    async interruptTask(id: number | string) {
      calls.push(`interrupt ${id}`)
      return {}
    }
  }
  const log: string[] = []
  const options: WaitOptions = {
    timeoutMs: 60_000,
    pollIntervalMs: 10_000,
    interruptOnTimeout: false,
    log: m => log.push(m),
    sleep: async ms => {
      clock += ms
    },
    now: () => clock
  }
  return { client, calls, log, options }
}

const task = (state: string, finishStatus: string | null = null): WatchedTask => ({
  id: 7,
  state,
  finishStatus
})

describe('waitForTask', () => {
  it('polls until the task finishes and logs each state once', async () => {
    const t = scripted([
      task('START'),
      task('START'),
      task('RUNNING'),
      task('RUNNING'),
      task('FINISHED', 'SUCCESS')
    ])
    const outcome = await waitForTask(t.client, 7, t.options)
    expect(outcome.kind).toBe('finished')
    expect(outcome.task.finishStatus).toBe('SUCCESS')
    expect(t.calls).toHaveLength(5)
    expect(t.log).toEqual([
      'Task 7 is START',
      'Task 7 is RUNNING (after 20 s)',
      'Task 7 is FINISHED (after 40 s)'
    ])
  })

  it('times out with the time waited and the last state, interrupting when asked', async () => {
    const t = scripted([task('RUNNING')])
    const outcome = await waitForTask(t.client, 7, {
      ...t.options,
      timeoutMs: 25_000,
      interruptOnTimeout: true
    })
    expect(outcome).toEqual({
      kind: 'timed-out',
      task: task('RUNNING'),
      waitedMs: 25_000,
      interrupted: true
    })
    expect(t.calls.at(-1)).toBe('interrupt 7')
  })

  it('does not interrupt on timeout unless asked', async () => {
    const t = scripted([task('START')])
    const outcome = await waitForTask(t.client, 7, { ...t.options, timeoutMs: 5_000 })
    expect(outcome.kind).toBe('timed-out')
    expect(t.calls).not.toContain('interrupt 7')
  })

  it('stops at once when the step is cancelled, and interrupts the task when asked', async () => {
    const t = scripted([task('RUNNING')])
    const controller = new AbortController()
    const outcome = await waitForTask(t.client, 7, {
      ...t.options,
      interruptOnTimeout: true,
      signal: controller.signal,
      sleep: async () => controller.abort()
    })
    expect(outcome).toEqual({ kind: 'cancelled', task: task('RUNNING'), interrupted: true })
    expect(t.calls).toEqual(['get 7', 'interrupt 7'])
  })

  it('uses the task it was given instead of fetching it again', async () => {
    const t = scripted([task('FINISHED', 'FAILED')])
    const outcome = await waitForTask(t.client, 7, t.options, task('FINISHED', 'FAILED'))
    expect(outcome.kind).toBe('finished')
    expect(t.calls).toEqual([])
  })
})

describe('finishedAsAllowed', () => {
  it('passes only a finished task with an allowed status', () => {
    expect(finishedAsAllowed(task('FINISHED', 'SUCCESS'), ['SUCCESS'])).toBe(true)
    expect(finishedAsAllowed(task('FINISHED', 'FAILED'), ['SUCCESS'])).toBe(false)
    expect(finishedAsAllowed(task('FINISHED', 'FAILED'), ['SUCCESS', 'FAILED'])).toBe(true)
    expect(finishedAsAllowed(task('CANCELED'), ['SUCCESS', 'FAILED'])).toBe(false)
  })
})

describe('formatDuration', () => {
  it('reads like a person would say it', () => {
    expect(formatDuration(4_400)).toBe('4 s')
    expect(formatDuration(60_000)).toBe('1 min')
    expect(formatDuration(3_725_000)).toBe('62 min 5 s')
  })
})

describe('abortOnSignals', () => {
  it("on Windows, the runner's Ctrl+Break (SIGBREAK) cancels the wait like SIGTERM", () => {
    const signals = new EventEmitter()
    const logged: string[] = []
    const cancel = abortOnSignals(
      signals as unknown as NodeJS.Process,
      m => logged.push(m),
      'win32'
    )
    signals.emit('SIGBREAK', 'SIGBREAK')
    expect(cancel.signal.aborted).toBe(true)
    expect(logged).toEqual(['Received SIGBREAK: the workflow is being cancelled'])
    cancel.dispose()
    for (const name of ['SIGINT', 'SIGTERM', 'SIGBREAK'])
      expect(signals.listenerCount(name)).toBe(0)
  })

  it('elsewhere listens to SIGINT and SIGTERM only', () => {
    const signals = new EventEmitter()
    const cancel = abortOnSignals(signals as unknown as NodeJS.Process, () => {}, 'linux')
    expect(signals.listenerCount('SIGBREAK')).toBe(0)
    signals.emit('SIGINT', 'SIGINT')
    expect(cancel.signal.aborted).toBe(true)
    cancel.dispose()
    expect(signals.listenerCount('SIGINT') + signals.listenerCount('SIGTERM')).toBe(0)
  })
})
