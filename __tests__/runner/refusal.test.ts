import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { WorkflowError, loadWorkflow } from '../../src/runner/workflow.js'
import { fixture, runFixture, workspaceCopy } from './helpers.js'

// A literal piece of a RegExp: a Windows path holds backslashes, and every file name a dot.
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

async function failure(name: string, opts: { jobId?: string } = {}): Promise<WorkflowError> {
  const workspace = workspaceCopy()
  try {
    await runFixture(name, { workspace, ...opts })
  } catch (e) {
    expect(existsSync(join(workspace, 'ran.txt'))).toBe(false)
    if (e instanceof WorkflowError) return e
    throw e
  }
  throw new Error('the run was expected to be refused')
}

describe('refused before running anything', () => {
  test('matrix, services, container, remote/composite/docker actions, other shells', async () => {
    const e = await failure('unsupported.yml')
    const file = fixture('unsupported.yml')
    expect(e.kind).toBe('unsupported')
    const at = (line: number) => `${relative(process.cwd(), file)}:${line}`
    const problems = e.problems.map(p => `${p.at}: ${p.message}`)
    expect(problems).toEqual([
      `${at(6)}: strategy/matrix is not supported`,
      `${at(9)}: service containers (services) is not supported`,
      `${at(12)}: job containers (container) is not supported`,
      `${at(15)}: 'actions/setup-node@v4': remote actions are not supported (only actions/checkout, as a no-op, and local ./ actions)`,
      expect.stringMatching(
        new RegExp(
          `^${literal(at(16))}: './actions/composite' cannot run here: .*actions[\\\\/]composite[\\\\/]action\\.yml:4: composite actions are not supported$`
        )
      ),
      expect.stringMatching(
        new RegExp(
          `^${literal(at(17))}: './actions/docker' cannot run here: .*actions[\\\\/]docker[\\\\/]action\\.yml:4: Docker actions are not supported$`
        )
      ),
      `${at(18)}: 'docker://alpine:3': Docker actions are not supported`,
      `${at(20)}: shell 'python' is not supported (only bash, sh, optionally with arguments and {0})`,
      expect.stringMatching(
        new RegExp(`^${literal(at(21))}: './actions/missing': no action\\.yml in `)
      )
    ])
    expect(e.message).toContain('nothing was run')
  })

  test('a job calling a reusable workflow', async () => {
    const e = await failure('reusable.yml')
    expect(e.kind).toBe('unsupported')
    expect(e.problems).toEqual([
      {
        at: `${relative(process.cwd(), fixture('reusable.yml'))}:5`,
        message: "job 'call' calls a reusable workflow; reusable workflows are not supported"
      }
    ])
  })

  test('parser errors come back with file, line and column', async () => {
    const e = await failure('parse-error.yml')
    expect(e.kind).toBe('parse')
    const rel = relative(process.cwd(), fixture('parse-error.yml'))
    expect(e.problems).toEqual([
      { at: `${rel}:8:9`, message: "Unexpected value 'colour'" },
      expect.objectContaining({
        at: expect.stringMatching(new RegExp(`^${literal(rel)}:9:`)),
        message: "Unrecognized named-value: 'nosuchcontext'"
      })
    ])
  })

  test('several jobs: the job must be chosen, and an unknown one lists the jobs', async () => {
    const e = await failure('two-jobs.yml')
    expect(e.kind).toBe('job')
    expect(e.message).toContain('the workflow has 2 jobs (first, second); choose one with --job')
    const unknown = await failure('two-jobs.yml', { jobId: 'third' })
    expect(unknown.message).toContain("no job 'third'; the jobs are: first, second")
    const second = await runFixture('two-jobs.yml', { jobId: 'second' })
    expect(second.result).toBe('success')
    expect(second.printed).toContain('second-job')
    expect(second.printed).not.toContain('first-job')
  })
})

describe("the repository's own actions", () => {
  test('their metadata passes the subset check; a missing bundle is named before running', async () => {
    const repo = process.cwd()
    // The fixture's steps (line of `uses:`, action); each branch builds only its own actions, so
    // any subset of them may be bundled.
    const steps = [
      ['8', 'create-task'],
      ['12', 'alert'],
      ['16', 'finish-task']
    ]
    const missing = steps.filter(([, name]) => !existsSync(join(repo, `dist/${name}/index.js`)))
    const load = loadWorkflow(fixture('repo-actions.yml'), { workspace: repo })
    if (missing.length === 0) {
      const wf = await load
      expect(wf.job.steps.map(s => s.kind.type)).toEqual(['node', 'node', 'node'])
    } else {
      const e = (await load.catch((x: unknown) => x)) as WorkflowError
      expect(e).toBeInstanceOf(WorkflowError)
      const first = missing[0][1]
      expect(e.problems[0].message).toMatch(
        new RegExp(
          `^'./actions/${first}': runs.main ../../dist/${first}/index.js does not exist .*; build the action first$`
        )
      )
      expect(e.problems.map(p => p.at.split(':').at(-1))).toEqual(missing.map(([line]) => line))
    }
  })
})
