// The demo parts of the runner: the simulated bot runner against a real sandbox, job summaries
// as text, the report, the labels read from a workflow, and the CLI's Maestro options.
import { describe, expect, test } from '@jest/globals'
import { harness } from '../sandbox/helpers.js'
import { parseBehaviour, startBotRunner } from '../../src/runner/bot-runner.js'
import { parseArgs, UsageError } from '../../src/runner/cli.js'
import { formatBytes, landedLines, summaryLines } from '../../src/runner/report.js'
import { cliMain, demoCredentials, workflowAutomations } from '../../src/runner/start.js'
import { summaryToText } from '../../src/runner/summary-text.js'
import { fixture, workspaceCopy } from './helpers.js'

async function until(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise(r => setTimeout(r, 25))
  }
}

describe('the simulated bot runner', () => {
  test('finishes new tasks per label, leaves manual ones alone', async () => {
    const h = await harness({ automations: ['good-bot', 'bad-bot', 'pipeline', 'other'] })
    try {
      await h.login()
      const create = async (activityLabel: string) =>
        (await h.call('POST', '/api/v2/task', { activityLabel, parameters: {} })).body.id as number
      const bots = startBotRunner({
        url: h.sb.url,
        labels: { 'good-bot': 'SUCCESS', 'bad-bot': 'FAILED', pipeline: 'manual' },
        fallback: 'PARTIALLY_COMPLETED',
        runningAfterMs: 10,
        runningForMs: 20,
        pollMs: 20
      })
      const ids = {
        good: await create('good-bot'),
        bad: await create('bad-bot'),
        pipeline: await create('pipeline'),
        other: await create('other')
      }
      const task = async (id: number) => (await h.call('GET', `/api/v2/task/${id}`)).body
      await until(async () => (await task(ids.other)).state === 'FINISHED')
      await until(async () => (await task(ids.bad)).state === 'FINISHED')
      await until(async () => (await task(ids.good)).state === 'FINISHED')
      await new Promise(r => setTimeout(r, 100))
      await bots.stop()
      expect((await task(ids.good)).finishStatus).toBe('SUCCESS')
      expect((await task(ids.bad)).finishStatus).toBe('FAILED')
      expect((await task(ids.other)).finishStatus).toBe('PARTIALLY_COMPLETED')
      expect((await task(ids.good)).finishMessage).toBe('Simulated bot run: SUCCESS')
      expect((await task(ids.pipeline)).state).toBe('START')
      expect(bots.plays.map(p => p.taskId).sort()).toEqual([ids.good, ids.bad, ids.other].sort())
      expect(bots.errors).toEqual([])
    } finally {
      await h.sb.close()
    }
  })

  test('behaviours are parsed case-insensitively and refused otherwise', () => {
    expect(parseBehaviour('failed')).toBe('FAILED')
    expect(parseBehaviour(' Manual ')).toBe('manual')
    expect(() => parseBehaviour('ok')).toThrow(
      "a bot behaviour is one of SUCCESS, FAILED, PARTIALLY_COMPLETED or manual, got 'ok'"
    )
  })
})

describe('job summaries as text', () => {
  test("@actions/core's HTML: heading, table, links", () => {
    const html =
      '<h3>Maestro task 7 created</h3>\n<table><tr><th>Field</th><th>Value</th></tr><tr><td>Task</td><td>7</td></tr><tr><td>Automation</td><td>release-pipeline &amp; co</td></tr></table>\n<ul><li><a href="https://example.test/tasks/7">Open the task</a></li></ul>\n'
    expect(summaryToText(html)).toBe(
      [
        'Maestro task 7 created',
        '----------------------',
        '',
        'Field       Value',
        '----------  ---------------------',
        'Task        7',
        'Automation  release-pipeline & co',
        '',
        '• Open the task (https://example.test/tasks/7)'
      ].join('\n')
    )
  })

  test('Markdown: headings, pipe tables, lists, emphasis', () => {
    const md =
      '## Deploy\n\n| env | result |\n| --- | --- |\n| **staging** | `ok` |\n\n- one [docs](https://d.test)\n'
    expect(summaryToText(md)).toBe(
      [
        'Deploy',
        '======',
        '',
        'env      result',
        '-------  ------',
        'staging  ok',
        '',
        '• one docs (https://d.test)'
      ].join('\n')
    )
  })
})

describe('the report', () => {
  test('lists tasks, result files with sizes, log rows and alerts', () => {
    const lines = landedLines(
      {
        tasks: [
          {
            id: 1,
            activityLabel: 'release-pipeline',
            state: 'FINISHED',
            finishStatus: 'SUCCESS',
            finishMessage: 'done',
            parameters: { ref: 'main' }
          }
        ],
        artifacts: [
          {
            id: 3,
            taskId: 1,
            name: 'site',
            fileName: 'site.zip',
            size: 12345,
            sha256: 'ab'.repeat(32)
          }
        ],
        logs: [
          {
            activityLabel: 'releases',
            columns: [
              { name: 'Version', label: 'version' },
              { name: 'Task', label: 'task' }
            ],
            entries: [{ columns: { version: '1.0', task: '1' }, dateCreation: '' }]
          }
        ],
        alerts: [{ id: 2, taskId: 1, type: 'ERROR', title: 'Broken', message: 'line 1\nline 2' }]
      },
      [{ taskId: 1, label: 'release-pipeline', finishStatus: 'SUCCESS', dueAt: 0 }]
    )
    expect(lines).toEqual([
      'Tasks',
      '  #1 release-pipeline: FINISHED SUCCESS  "done"',
      '      parameters {"ref":"main"}',
      '      run by the simulated bot runner (finished SUCCESS)',
      '',
      'Result files (artifacts)',
      '  #3 site.zip ("site") on task #1: 12.3 kB (12,345 bytes)  sha256 abababababab…',
      '',
      'Execution logs',
      '  releases (columns version, task): 1 row',
      '      version=1.0  task=1',
      '',
      'Alerts',
      '  #2 ERROR on task #1: Broken',
      '      line 1',
      '      line 2'
    ])
  })

  test('lists deployed bots first, when there are any', () => {
    const empty = { tasks: [], artifacts: [], logs: [], alerts: [] }
    expect(landedLines({ ...empty, bots: [] })[0]).toBe('Tasks')
    const lines = landedLines({
      ...empty,
      bots: [
        {
          botId: 'price-checker',
          released: '1.1',
          versions: [
            { version: '1.0', technology: 'PYTHON', upload: null },
            {
              version: '1.1',
              technology: 'PYTHON',
              upload: { fileName: 'bot.zip', size: 318, sha256: 'cd'.repeat(32) }
            }
          ]
        }
      ]
    })
    expect(lines.slice(0, 5)).toEqual([
      'Bots',
      '  price-checker 1.0, PYTHON: no package',
      '  price-checker 1.1 (released), PYTHON: bot.zip: 318 bytes  sha256 cdcdcdcdcdcd…',
      '',
      'Tasks'
    ])
    expect(formatBytes(999)).toBe('999 bytes')
    expect(formatBytes(1)).toBe('1 byte')
    expect(formatBytes(2_500_000)).toBe('2.50 MB (2,500,000 bytes)')
    expect(summaryLines({ steps: [] })).toEqual(['  none'])
  })
})

describe('the sandbox set-up for a workflow', () => {
  test('labels named by create-task steps, and whether a step waits for them', () => {
    const yml = `on: push
jobs:
  a:
    steps:
      - uses: ./actions/create-task
        with: { activity-label: pipeline }
      - uses: owner/maestro-actions/actions/create-task@v1
        with: { activity-label: bot, wait: true }
      - uses: ./actions/create-task
        with: { activity-label: quiet, wait: 'false' }
      - uses: ./actions/create-task
        with: { activity-label: '\${{ inputs.label }}', wait: true }
      - uses: ./actions/alert
        with: { activity-label: not-a-task }
`
    expect(workflowAutomations(yml)).toEqual([
      { label: 'pipeline', waited: false },
      { label: 'bot', waited: true },
      { label: 'quiet', waited: false }
    ])
    expect(workflowAutomations(': not yaml: [')).toEqual([])
  })

  test('a wait-task step on a create-task step of its job waits for that label', () => {
    const yml = `on: push
jobs:
  a:
    steps:
      - id: start
        uses: ./actions/create-task
        with: { activity-label: later }
      - id: other
        uses: ./actions/create-task
        with: { activity-label: unwaited }
      - uses: owner/maestro-actions/actions/wait-task@v1
        with: { task-id: '\${{ steps.start.outputs.task-id }}' }
      - uses: ./actions/wait-task
        with: { task-id: '\${{ steps.other.outputs.task-id-copy }}' }
  b:
    steps:
      - uses: ./actions/wait-task
        with: { task-id: '\${{ steps.other.outputs.task-id }}' }
`
    expect(workflowAutomations(yml)).toEqual([
      { label: 'later', waited: true },
      { label: 'unwaited', waited: false }
    ])
  })

  test('demo credentials are random, with a multi-line signing key', () => {
    const a = demoCredentials()['deploy-credentials']
    const b = demoCredentials()['deploy-credentials']
    expect(a['api-token']).not.toBe(b['api-token'])
    expect(a['signing-key'].split('\n')).toHaveLength(4)
  })
})

describe('the CLI’s Maestro options', () => {
  test('--server and --bot are parsed and checked', () => {
    expect(
      parseArgs([
        'run',
        'w.yml',
        '--server',
        'https://m.test',
        '--bot',
        'a=FAILED',
        '--bot',
        'b=manual'
      ])
    ).toEqual(
      expect.objectContaining({ server: 'https://m.test', bots: { a: 'FAILED', b: 'manual' } })
    )
    expect(() => parseArgs(['run', 'w.yml', '--server', 'm.test'])).toThrow(UsageError)
  })

  test('--server without the login and key secrets, --bot with --server, a bad --bot: exit 2', async () => {
    let printed = ''
    const stdout = { write: (s: string) => (printed += s) }
    const stderr: string[] = []
    const write = process.stderr.write
    process.stderr.write = ((s: string) => stderr.push(s)) as unknown as typeof process.stderr.write
    try {
      const ws = workspaceCopy()
      expect(
        await cliMain(
          ['run', fixture('env.yml'), '--workspace', ws, '--server', 'https://m.test'],
          {
            stdout
          }
        )
      ).toBe(2)
      expect(stderr.join('')).toContain('--server needs the secrets BOTCITY_LOGIN and BOTCITY_KEY')
      stderr.length = 0
      expect(
        await cliMain(
          ['run', fixture('env.yml'), '--server', 'https://m.test', '--bot', 'x=FAILED'],
          { stdout }
        )
      ).toBe(2)
      expect(stderr.join('')).toContain('--bot plays the sandbox Runner')
      stderr.length = 0
      expect(await cliMain(['run', fixture('env.yml'), '--bot', 'x=maybe'], { stdout })).toBe(2)
      expect(stderr.join('')).toContain('--bot x: a bot behaviour is one of SUCCESS')
    } finally {
      process.stderr.write = write
    }
    expect(printed).toBe('')
  })
})
