// .github/workflows/self-test.yml through the local runner: the sandbox started in the background
// by a `run:` step, every action run from its committed bundle against it, the check step reading
// the sandbox's state, and the sandbox stopped at the end. And a check that no action is left out.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parse as parseYaml } from 'yaml'
import { runWorkflow } from '../../src/runner/run.js'

const WORKFLOW = '.github/workflows/self-test.yml'

// The workflow targets ubuntu-latest: bash, setsid and process groups.
const linux = process.platform === 'linux' && spawnSync('setsid', ['--version']).status === 0

/** The action folders: every one must be used by the self-test. */
const actionNames = () =>
  readdirSync('actions')
    .filter(name => existsSync(join('actions', name, 'action.yml')))
    .sort()

interface Step {
  id?: string
  uses?: string
}

/** The workflow's steps that use `./actions/<name>`, as [name, step id]. */
function actionSteps(workflowText: string): [string, string | undefined][] {
  const doc = parseYaml(workflowText) as { jobs: Record<string, { steps: Step[] }> }
  return Object.values(doc.jobs).flatMap(job =>
    job.steps.flatMap(step => {
      const m = /^\.\/actions\/([^/@]+)$/.exec(step.uses ?? '')
      return m ? [[m[1], step.id] as [string, string | undefined]] : []
    })
  )
}

/** Action folders no step of the workflow uses. */
const unused = (workflowText: string) => {
  const used = new Set(actionSteps(workflowText).map(([name]) => name))
  return actionNames().filter(name => !used.has(name))
}

describe('self-test workflow', () => {
  it('uses every action in actions/ (add a step for a new action)', () => {
    const text = readFileSync(WORKFLOW, 'utf8')
    expect(actionNames().length).toBeGreaterThanOrEqual(15)
    expect(unused(text)).toEqual([])
    // Each use has an id, so its outputs can be chained and checked.
    expect(actionSteps(text).filter(([, id]) => !id)).toEqual([])
  })

  it('the coverage check notices an action left out', () => {
    const text = readFileSync(WORKFLOW, 'utf8').replace('uses: ./actions/wait-task', 'run: true')
    expect(unused(text)).toEqual(['wait-task'])
  })

  ;(linux ? it : it.skip)(
    'runs every action against the sandbox and checks the results',
    async () => {
      let log = ''
      const run = await runWorkflow({
        workflowPath: WORKFLOW,
        workspace: process.cwd(),
        inputs: { 'sandbox-port': '0' },
        // The runtime the actions declare, when npm test provides it.
        nodePath: process.env.MAESTRO_TEST_NODE24,
        color: false,
        stdout: { write: (s: string) => void (log += s) }
      })
      const failed = run.steps.filter(s => s.conclusion !== 'success').map(s => s.name)
      if (run.result !== 'success') process.stderr.write(log)
      expect({ result: run.result, failed }).toEqual({ result: 'success', failed: [] })

      // Each action ran (none skipped) and handed its outputs on.
      const byId = new Map(run.steps.map(s => [s.id, s]))
      const ran = actionSteps(readFileSync(WORKFLOW, 'utf8')).map(([name, id]) => [
        name,
        byId.get(id!)?.conclusion
      ])
      expect(new Set(ran.map(([name]) => name))).toEqual(new Set(actionNames()))
      expect(ran.filter(([, conclusion]) => conclusion !== 'success')).toEqual([])

      const outputs = Object.fromEntries(run.steps.map(s => [s.id, s.outputs]))
      expect(outputs.login['organization-label']).toBe('self-test')
      expect(outputs.deploy).toEqual(
        expect.objectContaining({
          'bot-id': 'self-test-bot',
          deployed: 'true',
          released: 'true',
          sha256: expect.stringMatching(/^[0-9a-f]{64}$/)
        })
      )
      const taskId = outputs.task['task-id']
      expect(taskId).toMatch(/^\d+$/)
      expect(outputs.queued).toEqual(expect.objectContaining({ state: 'START', applied: 'false' }))
      expect(outputs.waited).toEqual(
        expect.objectContaining({
          'task-id': taskId,
          state: 'FINISHED',
          'finish-status': 'SUCCESS',
          'total-items': '3',
          'processed-items': '3'
        })
      )
      expect(outputs.artifact.sha256).toMatch(/^[0-9a-f]{64}$/)
      expect(JSON.parse(outputs.download['artifact-ids'])).toEqual(
        JSON.parse(outputs.artifact['artifact-ids'])
      )
      const [file] = JSON.parse(outputs.download.files) as string[]
      expect(JSON.parse(outputs.download.sha256)).toEqual({ [file]: outputs.artifact.sha256 })
      expect(outputs['set-credential']).toEqual({ created: 'true', 'set-created': 'false' })
      expect(outputs.log.log).toBe('self-test-log')
      expect(outputs['log-export'].rows).toBe('1')
      expect(outputs.message.recipients).toBe('2')
      expect(outputs.error['error-id']).toMatch(/^\d+$/)
      expect(outputs.alert['alert-id']).toMatch(/^\d+$/)
      expect(outputs.restart).toEqual(expect.objectContaining({ state: 'START', applied: 'true' }))
      expect(outputs.finish['finish-status']).toBe('SUCCESS')
      expect(log).toContain('the bytes posted')
      expect(log).toContain('Every action did what it says.')

      // Secrets never reached the log: the vault values, the access key and the login token.
      const env = run.env
      const secrets = {
        password: env.SELF_TEST_SECRET,
        apiToken: env.SELF_TEST_API_TOKEN,
        key: env.SELF_TEST_KEY,
        token: env.BOTCITY_ACCESS_TOKEN
      }
      expect(secrets.password).toMatch(/^s3cret-/)
      expect(secrets.apiToken).toMatch(/^t0ken-/)
      expect(outputs.credential.password).toBe(secrets.password)
      expect(outputs.credential['api-token']).toBe(secrets.apiToken)
      for (const [what, value] of Object.entries(secrets)) {
        expect({ what, long: value.length > 8 }).toEqual({ what, long: true })
        expect({ what, inLog: log.includes(value) }).toEqual({ what, inLog: false })
      }
      // Only login was given the key: the later steps ran on its token.
      expect(env.BOTCITY_KEY).toBeUndefined()

      // The last step stopped the sandbox: nothing answers at its address any more.
      await expect(fetch(`${env.BOTCITY_SERVER}/_sandbox/state`)).rejects.toThrow()
    },
    180_000
  )
})
