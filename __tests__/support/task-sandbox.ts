// One sandbox for a test file about an action that works on existing tasks (wait-task,
// task-control): started before the file's tests, its faults and request log cleared before each
// test, tasks made directly through its API as another job would, and the action's bundle run
// against it.
import { afterAll, beforeAll, beforeEach } from '@jest/globals'
import type { Task } from '../../src/maestro/index.js'
import { actionDir, runStep } from './runner.js'
import { sandboxApi, startTestSandbox, type TestSandbox } from './test-sandbox.js'

export interface TaskSandbox {
  readonly sandbox: TestSandbox
  api(method: string, path: string, body?: unknown): Promise<Task>
  /** A new task in START, made outside the action; the request log cleared. */
  newTask(): Promise<number>
  /** The task as the sandbox stores it. */
  stored(id: number): Promise<Task>
  /** The action's bundle run against the sandbox. */
  step(
    inputs: Record<string, string>,
    env?: Record<string, string>,
    nodePath?: string
  ): ReturnType<typeof runStep>
  /** Every request so far, as 'METHOD /path'. */
  paths(): Promise<string[]>
}

export function useTaskSandbox(action: string, label: string): TaskSandbox {
  let sandbox: TestSandbox
  beforeAll(async () => {
    sandbox = await startTestSandbox({ automations: [label] })
  })
  afterAll(async () => {
    await sandbox?.close()
  })
  beforeEach(async () => {
    await sandbox.clearFaults()
    await sandbox.clearRequests()
  })
  const api = (method: string, path: string, body?: unknown) =>
    sandboxApi<Task>(sandbox, method, path, body)
  return {
    get sandbox() {
      return sandbox
    },
    api,
    async newTask() {
      const task = await api('POST', '/api/v2/task', { activityLabel: label })
      await sandbox.clearRequests()
      return task.id
    },
    async stored(id) {
      return (await sandbox.state()).tasks.find((t: Task) => t.id === id)
    },
    step(inputs, env = {}, nodePath) {
      return runStep({
        actionDir: actionDir(action),
        inputs,
        env: { ...sandbox.env, ...env },
        node: nodePath
      })
    },
    async paths() {
      return (await sandbox.requests()).map(q => `${q.method} ${q.path}`)
    }
  }
}
