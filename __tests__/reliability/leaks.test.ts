// The leak scan: every action, run as the runner runs it, with secrets of awkward shapes as the
// workspace key and as credential values, on its success path and on failure paths (wrong key,
// a server error whose body echoes the request data, a credential that does not exist, a token
// echoed back). stdout, stderr, GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STEP_SUMMARY and every error
// message are searched for each secret, each of its lines, and their JSON/URL-escaped forms; each
// line must be masked, the key before the step prints anything.
// LEAK_SCAN_ONLY=<text>: run only the runs whose name contains it (create-task's success runs
// always run: the others use their task ids); the check that every action is in the scan stays.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { MaestroClient } from '../../src/maestro/index.js'
import { recordReliability } from '../support/reliability.js'
import {
  actionDir,
  commandsOf,
  describeLeak,
  findLeaks,
  runStep,
  type LeakCheckOptions,
  type RunOptions,
  type RunResult
} from '../support/runner.js'
import { startTestSandbox, type TestSandbox } from '../support/test-sandbox.js'
import { actionNames, CONCURRENCY, pool } from './helpers.js'

const PEM = [
  '-----BEGIN PRIVATE KEY-----',
  'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7',
  'q9Zx3k+Lr8aVb2Wc0s1pT5yJfQ6hXeN4dUoR/7mKgE1sBvHn2w==',
  '-----END PRIVATE KEY-----',
  ''
].join('\n')

/** The shapes, each used as the key of one sandbox and as a credential value in all of them. */
const SHAPES: Record<string, string> = {
  pem: PEM,
  json: '{"user": "bot", "pass": "q\\"uo\\\\te", "n": [1, 2]}',
  punctuation: 'p%25 50% off: a,b c::d%0A',
  'trailing-newline': 'tr41l1ng-s3cret-Kq\n',
  short: 'Q~'
}
const CREDENTIAL_LABEL = 'vault'
/** Credential keys are the shape names (valid output and variable names once mapped). */
const CREDENTIAL_KEYS = Object.keys(SHAPES).map(k => k.replace(/-/g, '_'))
const CREDENTIAL_VALUES = Object.values(SHAPES)

const only = process.env.LEAK_SCAN_ONLY
const selected = (name: string) => !only || name.includes(only)

let workspace: string
const sandboxes = new Map<string, TestSandbox>()
beforeAll(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'leaks-'))
  writeFileSync(join(workspace, 'report.txt'), 'result\n')
  // A bot folder for deploy-bot (zipped while uploading).
  mkdirSync(join(workspace, 'bot'))
  writeFileSync(join(workspace, 'bot', 'main.py'), 'print("hello")\n')
  const credentials = {
    [CREDENTIAL_LABEL]: Object.fromEntries(CREDENTIAL_KEYS.map((k, i) => [k, CREDENTIAL_VALUES[i]]))
  }
  for (const [shape, value] of Object.entries(SHAPES)) {
    // The action trims its inputs, as the runner's getInput does: the workspace key is the trimmed one.
    sandboxes.set(shape, await startTestSandbox({ key: value.trim(), credentials }))
  }
})
afterAll(async () => {
  await Promise.all([...sandboxes.values()].map(s => s.close()))
})

interface Run {
  name: string
  shape: string
  options: RunOptions
  /** what the run must end with, so a scan of a run that did something else fails */
  expect: { exitCode: 0 | 1; error?: RegExp }
  /** known secrets besides the key, and which of them the action must mask */
  secrets?: string[]
  mustMask?: string[]
  allow?: LeakCheckOptions['allow']
  /** the key the action gets (default: the sandbox's key with a trailing newline kept as given) */
  key?: string
  /** secrets the action must mask before it prints anything (as the key) */
  maskFirst?: string[]
  /** seeds the run's sandbox first; returns inputs to add (e.g. the task whose files to fetch) */
  prepare?: (sb: TestSandbox) => Promise<Record<string, string>>
}

const shapeNames = Object.keys(SHAPES)
/** The shape after `shape` (a value in another shape's sandbox: the key's mask must not hide it). */
const nextShape = (shape: string): string =>
  shapeNames[(shapeNames.indexOf(shape) + 1) % shapeNames.length]

/** Scans one run; returns what is wrong (empty when clean). Records the outcome first. */
function scan(run: Run, result: RunResult, key: string | undefined): string[] {
  const secrets = [...(key === undefined ? [] : [key]), ...(run.secrets ?? [])]
  const fromStart = key === undefined ? [] : [key]
  const leaks = findLeaks(result, {
    secrets,
    mustMask: [...fromStart, ...(run.mustMask ?? [])],
    maskFirst: [...fromStart, ...(run.maskFirst ?? [])],
    allow: run.allow
  })
  const problems = leaks.map(describeLeak)
  const errors = commandsOf(result, 'error')
  const outcome: string[] = []
  if (result.exitCode !== run.expect.exitCode)
    outcome.push(`exit code ${result.exitCode}, expected ${run.expect.exitCode}`)
  if (run.expect.exitCode === 1 && errors.length !== 1)
    outcome.push(`${errors.length} ::error commands`)
  if (run.expect.error && !run.expect.error.test(errors[0]?.data ?? ''))
    outcome.push(
      `error ${JSON.stringify(errors[0]?.data ?? '')} does not match ${run.expect.error}`
    )
  recordReliability('leak', run.name, problems.length === 0)
  return [...problems, ...outcome].map(p => `${run.name}: ${p}`)
}

async function execute(run: Run): Promise<string[]> {
  const sb = sandboxes.get(run.shape)!
  const key = run.key ?? SHAPES[run.shape]
  const seeded = (await run.prepare?.(sb)) ?? {}
  const result = await runStep({
    workspace,
    ...run.options,
    inputs: { 'access-key': key, ...run.options.inputs, ...seeded },
    env: { BOTCITY_SERVER: sb.url, BOTCITY_LOGIN: sb.login, ...run.options.env }
  })
  return scan(run, result, key)
}

const allCredentialKeys = CREDENTIAL_KEYS.join('\n')
const credentialOutputs = [...CREDENTIAL_KEYS, 'value']
const credentialEnv = CREDENTIAL_KEYS.map(k => k.toUpperCase())

/** A task with one result file in `sb`, and a fresh folder to download it to (get-artifact). */
async function seedResultFile(sb: TestSandbox): Promise<Record<string, string>> {
  const client = new MaestroClient({ server: sb.url, login: sb.login, key: sb.key })
  try {
    const task = await client.createTask({ activityLabel: 'demo-bot' })
    await client.uploadArtifact({
      taskId: task.id,
      name: 'report',
      filePath: join(workspace, 'report.txt')
    })
    return { 'task-id': String(task.id), path: mkdtempSync(join(tmpdir(), 'leaks-dl-')) }
  } finally {
    await client.close()
  }
}

/** The success path of every action, for one key shape; `taskId` from create-task. */
function successRuns(shape: string, taskId: string): Run[] {
  const ok = { exitCode: 0 as const }
  const runs: Record<string, Run> = {
    alert: {
      name: `alert with a ${shape} key`,
      shape,
      options: { actionDir: actionDir('alert'), inputs: { 'task-id': taskId } },
      expect: ok
    },
    'deploy-bot': {
      name: `deploy-bot of a folder, released, with a ${shape} key`,
      shape,
      options: {
        actionDir: actionDir('deploy-bot'),
        inputs: {
          'bot-id': 'leak-bot',
          version: '1.0',
          technology: 'python',
          path: 'bot',
          release: 'true'
        }
      },
      expect: ok
    },
    'finish-task': {
      name: `finish-task with a ${shape} key`,
      shape,
      options: {
        actionDir: actionDir('finish-task'),
        inputs: { 'task-id': taskId, status: 'success', message: 'done' }
      },
      expect: ok
    },
    'post-artifact': {
      name: `post-artifact with a ${shape} key`,
      shape,
      options: {
        actionDir: actionDir('post-artifact'),
        inputs: { 'task-id': taskId, path: 'report.txt' }
      },
      expect: ok
    },
    'set-credential': {
      name: `set-credential of a ${nextShape(shape)} value with a ${shape} key`,
      shape,
      options: {
        actionDir: actionDir('set-credential'),
        inputs: { label: `written-${shape}`, key: 'secret', value: SHAPES[nextShape(shape)] }
      },
      expect: ok,
      secrets: [SHAPES[nextShape(shape)]],
      mustMask: [SHAPES[nextShape(shape)]],
      maskFirst: [SHAPES[nextShape(shape)]]
    },
    'report-error': {
      name: `report-error with a screenshot and an attachment, with a ${shape} key`,
      shape,
      options: {
        actionDir: actionDir('report-error'),
        inputs: {
          'task-id': taskId,
          message: 'Build failed',
          details: 'stack trace',
          tags: '{"stage": "deploy"}',
          screenshot: 'report.txt',
          attachments: 'report.txt'
        }
      },
      expect: ok
    },
    'send-message': {
      name: `send-message with a ${shape} key`,
      shape,
      options: {
        actionDir: actionDir('send-message'),
        inputs: { emails: 'ops@example.com', users: 'bot', subject: 'Deployed', body: 'done' }
      },
      expect: ok
    },
    'log-entry': {
      name: `log-entry with a ${shape} key`,
      shape,
      options: {
        actionDir: actionDir('log-entry'),
        inputs: { log: 'releases', values: '{"version": "1.0"}', columns: '["version"]' }
      },
      expect: ok
    },
    'get-artifact': {
      name: `get-artifact of a task's result file with a ${shape} key`,
      shape,
      options: { actionDir: actionDir('get-artifact') },
      prepare: seedResultFile,
      expect: ok
    },
    'get-credential': {
      name: `get-credential of every shape, exported, with a ${shape} key`,
      shape,
      options: {
        actionDir: actionDir('get-credential'),
        inputs: { label: CREDENTIAL_LABEL, key: allCredentialKeys, 'export-env': 'true' }
      },
      expect: ok,
      secrets: CREDENTIAL_VALUES,
      mustMask: CREDENTIAL_VALUES,
      // exactly where the action is meant to put them
      allow: { outputs: credentialOutputs, env: credentialEnv }
    },
    login: {
      name: `login with a ${shape} key`,
      shape,
      options: { actionDir: actionDir('login') },
      expect: ok,
      // its one job: the token for the later steps (checked in the failure paths below)
      allow: { env: ['BOTCITY_ACCESS_TOKEN'] }
    },
    'task-control': {
      name: `task-control with a ${shape} key`,
      shape,
      options: {
        actionDir: actionDir('task-control'),
        inputs: { 'task-id': taskId, operation: 'get' }
      },
      expect: ok
    },
    'wait-task': {
      name: `wait-task with a ${shape} key`,
      shape,
      options: {
        actionDir: actionDir('wait-task'),
        inputs: { 'task-id': taskId, 'poll-interval-seconds': '1', 'wait-timeout-seconds': '120' }
      },
      expect: ok
    },
    'manage-log': {
      name: `manage-log create with a ${shape} key`,
      shape,
      options: {
        actionDir: actionDir('manage-log'),
        inputs: { log: 'audit', operation: 'create', columns: '["step", "result"]' }
      },
      expect: ok
    }
  }
  return Object.values(runs)
}

describe('leak scan', () => {
  const failures: string[] = []
  afterAll(() => {
    // each test below asserts its own list; this keeps a summary on failure
    if (failures.length > 0) console.error(failures.join('\n'))
  })

  it('every action, every key shape, success paths: nothing leaks', async () => {
    const shapes = Object.keys(SHAPES)
    const created = await pool(shapes, CONCURRENCY, async shape => {
      const run: Run = {
        name: `create-task with a ${shape} key`,
        shape,
        options: {
          actionDir: actionDir('create-task'),
          inputs: { 'activity-label': 'demo-bot', parameters: '{"env": "staging"}' }
        },
        expect: { exitCode: 0 }
      }
      const sb = sandboxes.get(shape)!
      const result = await runStep({
        workspace,
        ...run.options,
        inputs: { 'access-key': SHAPES[shape], ...run.options.inputs },
        env: { BOTCITY_SERVER: sb.url, BOTCITY_LOGIN: sb.login }
      })
      return {
        shape,
        problems: scan(run, result, SHAPES[shape]),
        taskId: result.outputs['task-id']
      }
    })
    // The Runner finishes each task, so wait-task does not depend on finish-task running first.
    for (const c of created)
      if (c.taskId) await sandboxes.get(c.shape)!.runTask(c.taskId, { finishStatus: 'SUCCESS' })
    const all = created.flatMap(c => successRuns(c.shape, c.taskId ?? ''))
    // a new action must be added to the scan
    const covered = new Set(['create-task', ...all.map(r => basename(r.options.actionDir))])
    if (!only) expect(actionNames().filter(a => !covered.has(a))).toEqual([])
    const runs = all.filter(r => selected(r.name))
    expect(runs.length).toBeGreaterThan(0)
    const problems = [
      ...created.flatMap(c => c.problems),
      ...(await pool(runs, CONCURRENCY, execute)).flat()
    ]
    failures.push(...problems)
    expect(problems).toEqual([])
  }, 300_000)

  it('failure paths: wrong key, a 500 echoing the request, a missing credential, an echoed token', async () => {
    const runs: Run[] = []
    for (const shape of Object.keys(SHAPES)) {
      // The sandbox of another shape: the key is refused (401).
      const other = Object.keys(SHAPES).find(s => s !== shape)!
      runs.push({
        name: `create-task with a wrong ${shape} key (401)`,
        shape: other,
        key: SHAPES[shape],
        options: { actionDir: actionDir('create-task'), inputs: { 'activity-label': 'demo-bot' } },
        expect: { exitCode: 1, error: /401/ }
      })
      runs.push({
        name: `login with a wrong ${shape} key (401)`,
        shape: other,
        key: SHAPES[shape],
        options: { actionDir: actionDir('login') },
        expect: { exitCode: 1, error: /401/ }
      })
      runs.push({
        name: `manage-log delete of a missing log with a ${shape} key (404)`,
        shape,
        options: {
          actionDir: actionDir('manage-log'),
          inputs: { log: 'no-such-log', operation: 'delete', confirm: 'no-such-log' }
        },
        expect: { exitCode: 1, error: /404/ }
      })
      runs.push({
        name: `report-error on a missing task, fail-on-error false, with a ${shape} key (404)`,
        shape,
        options: {
          actionDir: actionDir('report-error'),
          inputs: { 'task-id': '999999', 'fail-on-error': 'false' }
        },
        // a warning with the same text, and the step passes
        expect: { exitCode: 0 }
      })
      runs.push({
        name: `get-credential of a missing key with a ${shape} key (404)`,
        shape,
        options: {
          actionDir: actionDir('get-credential'),
          inputs: { label: CREDENTIAL_LABEL, key: 'no_such_key' }
        },
        expect: { exitCode: 1, error: /404/ }
      })
      runs.push({
        name: `get-artifact of a missing result file with a ${shape} key (404)`,
        shape,
        options: { actionDir: actionDir('get-artifact'), inputs: { 'artifact-id': '99999' } },
        expect: { exitCode: 1, error: /404/ }
      })
    }
    // Every other action with a wrong multi-line key.
    for (const action of [
      'alert',
      'finish-task',
      'post-artifact',
      'set-credential',
      'log-entry',
      'get-credential',
      'task-control',
      'wait-task',
      'report-error',
      'send-message',
      'manage-log',
      'deploy-bot',
      'get-artifact'
    ]) {
      const inputs: Record<string, Record<string, string>> = {
        alert: { 'task-id': '1' },
        'deploy-bot': { 'bot-id': 'leak-bot', version: '1.0', technology: 'python', path: 'bot' },
        'finish-task': { 'task-id': '1', status: 'success' },
        'post-artifact': { 'task-id': '1', path: 'report.txt' },
        'set-credential': { label: 'refused', key: 'secret', value: SHAPES.punctuation },
        'log-entry': { log: 'releases', values: '{"version": "1"}' },
        'get-credential': { label: CREDENTIAL_LABEL, key: 'pem' },
        'task-control': { 'task-id': '1', operation: 'cancel' },
        'wait-task': { 'task-id': '1' },
        'report-error': { 'task-id': '1', attachments: 'report.txt' },
        'send-message': { emails: 'ops@example.com', subject: 'Deployed', body: 'done' },
        'manage-log': { log: 'releases', operation: 'export', path: 'out/releases.csv' },
        'get-artifact': { 'artifact-id': '1' }
      }
      // set-credential's value is a secret from its first line, whatever happens next
      const value = action === 'set-credential' ? [SHAPES.punctuation] : []
      runs.push({
        name: `${action} with a wrong pem key (401)`,
        shape: 'json',
        key: SHAPES.pem,
        options: { actionDir: actionDir(action), inputs: inputs[action] },
        expect: { exitCode: 1, error: /401/ },
        secrets: value,
        mustMask: value,
        maskFirst: value
      })
    }
    let problems = (
      await pool(
        runs.filter(r => selected(r.name)),
        CONCURRENCY,
        execute
      )
    ).flat()

    // A server error whose body echoes what was sent: the key (login) on each shape's sandbox.
    const echoShapes = Object.keys(SHAPES).filter(shape =>
      selected(`create-task when a 500 echoes the ${shape} key`)
    )
    const echoed = await pool(echoShapes, CONCURRENCY, async shape => {
      const sb = sandboxes.get(shape)!
      const key = SHAPES[shape]
      await sb.fault({
        method: 'POST',
        path: '/api/v2/workspace/login',
        status: 500,
        times: 0,
        body: {
          status: 500,
          error: 'Internal Server Error',
          message: `login failed for {"login": "${sb.login}", "key": ${JSON.stringify(key)}} raw=${key} url=${encodeURIComponent(key)}`
        }
      })
      try {
        return await execute({
          name: `create-task when a 500 echoes the ${shape} key`,
          shape,
          options: {
            actionDir: actionDir('create-task'),
            inputs: { 'activity-label': 'demo-bot' }
          },
          // the echoed body reaches the message, so the key had its chance to leak
          expect: { exitCode: 1, error: /500.*login failed for/ }
        })
      } finally {
        await sb.clearFaults()
      }
    })
    problems = [...problems, ...echoed.flat()]

    // set-credential when a 500 echoes the request body: each shape as the value, in the sandbox
    // of the next shape (so the key's masks are not what hides it).
    const echoedValues = await pool(
      shapeNames
        .map(shape => ({
          name: `set-credential when a 500 echoes a ${shape} value`,
          shape: nextShape(shape),
          options: {
            actionDir: actionDir('set-credential'),
            inputs: { label: `echo-${shape}`, key: 'secret', value: SHAPES[shape] }
          },
          // the echoed body reaches the message, so the value had its chance to leak
          expect: { exitCode: 1 as const, error: /500.*cannot store/ },
          secrets: [SHAPES[shape]],
          mustMask: [SHAPES[shape]],
          maskFirst: [SHAPES[shape]]
        }))
        .filter(r => selected(r.name)),
      CONCURRENCY,
      async run => {
        const sb = sandboxes.get(run.shape)!
        const value = run.options.inputs!.value
        await sb.fault({
          method: 'POST',
          path: '/api/v2/credential',
          status: 500,
          body: {
            status: 500,
            error: 'Internal Server Error',
            message: `cannot store {"label": "${run.options.inputs!.label}", "secrets": [{"key": "secret", "value": ${JSON.stringify(value)}}]} raw=${value} url=${encodeURIComponent(value)}`
          }
        })
        try {
          return await execute(run)
        } finally {
          await sb.clearFaults()
        }
      }
    )
    problems = [...problems, ...echoedValues.flat()]

    // The same echo from the bot upload, after deploy-bot created the version: its failure message
    // says what the run did, and must still show no key.
    const uploadShapes = Object.keys(SHAPES).filter(shape =>
      selected(`deploy-bot when a 500 on the upload echoes the ${shape} key`)
    )
    const uploadEchoed = await pool(uploadShapes, CONCURRENCY, async shape => {
      const sb = sandboxes.get(shape)!
      const key = SHAPES[shape]
      await sb.fault({
        method: 'POST',
        path: '/api/v2/bot/upload/**',
        status: 500,
        body: {
          status: 500,
          error: 'Internal Server Error',
          message: `upload failed for {"login": "${sb.login}", "key": ${JSON.stringify(key)}} raw=${key} url=${encodeURIComponent(key)}`
        }
      })
      try {
        return await execute({
          name: `deploy-bot when a 500 on the upload echoes the ${shape} key`,
          shape,
          options: {
            actionDir: actionDir('deploy-bot'),
            inputs: { 'bot-id': 'leak-bot', version: '2.0', technology: 'python', path: 'bot' }
          },
          expect: { exitCode: 1, error: /500.*upload failed for/ }
        })
      } finally {
        await sb.clearFaults()
      }
    })
    problems = [...problems, ...uploadEchoed.flat()]

    const tokenRuns = [
      'login exports its token, masked first',
      'create-task with a token that a 500 echoes'
    ]
    if (!tokenRuns.some(selected)) {
      failures.push(...problems)
      expect(problems).toEqual([])
      return
    }

    // A token from a login step, echoed back by a failing call of the next step (no key given).
    const sb = sandboxes.get('pem')!
    const login = await runStep({
      workspace,
      actionDir: actionDir('login'),
      inputs: { 'access-key': SHAPES.pem },
      env: { BOTCITY_SERVER: sb.url, BOTCITY_LOGIN: sb.login }
    })
    const token = login.env.BOTCITY_ACCESS_TOKEN ?? ''
    expect(token.length).toBeGreaterThan(8)
    problems.push(
      ...scan(
        {
          name: 'login exports its token, masked first',
          shape: 'pem',
          options: { actionDir: actionDir('login') },
          expect: { exitCode: 0 },
          secrets: [token],
          mustMask: [token],
          allow: { env: ['BOTCITY_ACCESS_TOKEN'] }
        },
        login,
        SHAPES.pem
      )
    )
    await sb.fault({
      method: 'POST',
      path: '/api/v2/task',
      status: 500,
      body: { status: 500, message: `bad token ${token} in header token=${token}` }
    })
    const withToken = await runStep({
      workspace,
      actionDir: actionDir('create-task'),
      inputs: { 'activity-label': 'demo-bot' },
      env: { ...login.env, BOTCITY_SERVER: sb.url, BOTCITY_LOGIN: sb.login }
    })
    await sb.clearFaults()
    problems.push(
      ...scan(
        {
          name: 'create-task with a token that a 500 echoes',
          shape: 'pem',
          options: { actionDir: actionDir('create-task') },
          expect: { exitCode: 1, error: /500.*bad token/ },
          secrets: [token],
          mustMask: [token]
        },
        withToken,
        undefined
      )
    )
    // the token was masked from the step's start, like a key
    const late = findLeaks(withToken, { secrets: [token], maskFirst: [token] })
    if (late.length > 0) problems.push(`token masked late: ${late.map(describeLeak).join(', ')}`)
    failures.push(...problems)
    expect(problems).toEqual([])
  }, 300_000)
})
