// Shared by the runner tests: a fresh copy of the fixture workspace per run, and a run whose
// printed output is captured.
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll } from '@jest/globals'
import {
  type RunWorkflowOptions,
  type RunWorkflowResult,
  runWorkflow
} from '../../src/runner/run.js'

export const FIXTURES = resolve('__tests__/fixtures/workflows')

export function fixture(name: string): string {
  return join(FIXTURES, name)
}

const created: string[] = []
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A temporary folder removed after the test file's tests. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  created.push(dir)
  return dir
}

/** A throwaway copy of the fixture workspace (steps may write to it). */
export function workspaceCopy(): string {
  const dir = tempDir('runner-test-ws-')
  cpSync(join(FIXTURES, 'workspace'), dir, { recursive: true })
  return dir
}

export interface CapturedRun extends RunWorkflowResult {
  /** Exactly what was written to the output stream. */
  printed: string
  workspace: string
}

export async function runFixture(
  name: string,
  opts: Partial<RunWorkflowOptions> = {}
): Promise<CapturedRun> {
  let printed = ''
  const workspace = opts.workspace ?? workspaceCopy()
  const result = await runWorkflow({
    workflowPath: fixture(name),
    workspace,
    github: { repository: 'botcity/maestro-actions', actor: 'octocat', ...opts.github },
    stdout: { write: (s: string) => (printed += s) },
    ...opts
  })
  return { ...result, printed, workspace }
}

/** The printed lines, without surrounding spaces. */
export function lines(text: string): string[] {
  return text.split('\n').map(l => l.trim())
}
