// The run's fixed facts: the github and runner contexts and the default environment variables
// GitHub sets for every step. Values come from options, then from git in the workspace, then
// from harmless defaults.
import { spawnSync } from 'node:child_process'
import { randomInt } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { arch, hostname, platform } from 'node:os'
import { basename, join } from 'node:path'

export interface GithubContextOptions {
  repository?: string
  sha?: string
  ref?: string
  run_id?: string
  run_number?: string
  run_attempt?: string
  actor?: string
  event_name?: string
  event?: Record<string, unknown>
  server_url?: string
  api_url?: string
  graphql_url?: string
  [key: string]: unknown
}

function git(workspace: string, args: string[]): string | undefined {
  const r = spawnSync('git', args, { cwd: workspace, encoding: 'utf8' })
  return r.status === 0 ? r.stdout.trim() || undefined : undefined
}

function repositoryFromRemote(url: string | undefined): string | undefined {
  const m = url ? /[:/]([^/:]+\/[^/]+?)(?:\.git)?\/?$/.exec(url) : null
  return m?.[1]
}

export interface RunFacts {
  github: Record<string, unknown>
  runner: Record<string, unknown>
  /** GITHUB_*, RUNNER_* and CI variables for every step (per-step ones are added later). */
  env: Record<string, string>
}

export function buildFacts(opts: {
  workspace: string
  tempDir: string
  workflowName: string
  jobId: string
  github?: GithubContextOptions
  runnerName?: string
  debug?: boolean
  secrets: Record<string, string>
}): RunFacts {
  const g = opts.github ?? {}
  const ws = opts.workspace
  const ref = g.ref ?? (git(ws, ['symbolic-ref', '-q', 'HEAD']) || 'refs/heads/main')
  const repository =
    g.repository ??
    repositoryFromRemote(git(ws, ['config', '--get', 'remote.origin.url'])) ??
    `local/${basename(ws)}`
  const serverUrl = g.server_url ?? 'https://github.com'
  const eventName = g.event_name ?? 'workflow_dispatch'
  const event = g.event ?? {}
  const eventPath = join(opts.tempDir, '_github_workflow', 'event.json')
  mkdirSync(join(opts.tempDir, '_github_workflow'), { recursive: true })
  writeFileSync(eventPath, JSON.stringify(event, null, 2))
  const refName = ref.replace(/^refs\/(heads|tags)\//, '')
  const github: Record<string, unknown> = {
    action: '',
    actor: g.actor ?? process.env.USER ?? 'local',
    api_url: g.api_url ?? 'https://api.github.com',
    base_ref: '',
    event,
    event_name: eventName,
    event_path: eventPath,
    graphql_url: g.graphql_url ?? 'https://api.github.com/graphql',
    head_ref: '',
    job: opts.jobId,
    ref,
    ref_name: refName,
    ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    repository,
    repository_owner: repository.split('/')[0],
    retention_days: '90',
    run_attempt: g.run_attempt ?? '1',
    run_id: g.run_id ?? String(randomInt(1_000_000_000, 9_999_999_999)),
    run_number: g.run_number ?? '1',
    server_url: serverUrl,
    sha: g.sha ?? git(ws, ['rev-parse', 'HEAD']) ?? '0'.repeat(40),
    token: opts.secrets.GITHUB_TOKEN ?? '',
    triggering_actor: g.actor ?? process.env.USER ?? 'local',
    workflow: opts.workflowName,
    workspace: ws
  }
  for (const [k, v] of Object.entries(g)) if (v !== undefined) github[k] = v
  const os = { linux: 'Linux', darwin: 'macOS', win32: 'Windows' }[platform() as string] ?? 'Linux'
  const runner = {
    os,
    arch: { x64: 'X64', arm64: 'ARM64', arm: 'ARM', ia32: 'X86' }[arch() as string] ?? 'X64',
    name: opts.runnerName ?? `local-${hostname()}`,
    temp: opts.tempDir,
    tool_cache: join(opts.tempDir, '_tool'),
    environment: 'self-hosted',
    debug: opts.debug ? '1' : ''
  }
  const env: Record<string, string> = {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTOR: String(github.actor),
    GITHUB_API_URL: String(github.api_url),
    GITHUB_BASE_REF: '',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_GRAPHQL_URL: String(github.graphql_url),
    GITHUB_HEAD_REF: '',
    GITHUB_JOB: opts.jobId,
    GITHUB_REF: ref,
    GITHUB_REF_NAME: refName,
    GITHUB_REF_TYPE: String(github.ref_type),
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: String(github.repository_owner),
    GITHUB_RETENTION_DAYS: '90',
    GITHUB_RUN_ATTEMPT: String(github.run_attempt),
    GITHUB_RUN_ID: String(github.run_id),
    GITHUB_RUN_NUMBER: String(github.run_number),
    GITHUB_SERVER_URL: serverUrl,
    GITHUB_SHA: String(github.sha),
    GITHUB_TRIGGERING_ACTOR: String(github.triggering_actor),
    GITHUB_WORKFLOW: opts.workflowName,
    GITHUB_WORKSPACE: ws,
    RUNNER_ARCH: runner.arch,
    RUNNER_NAME: runner.name,
    RUNNER_OS: runner.os,
    RUNNER_TEMP: runner.temp,
    RUNNER_TOOL_CACHE: runner.tool_cache,
    RUNNER_ENVIRONMENT: 'self-hosted'
  }
  if (opts.debug) {
    env.RUNNER_DEBUG = '1'
  }
  return { github, runner, env }
}
