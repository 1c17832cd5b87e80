// The workflow run's context, read from the GITHUB_*/RUNNER_* variables the runner sets.
// Deliberately not `@actions/github`: it pulls octokit and a second copy of undici into every
// bundle (hundreds of kB per action) for a handful of environment variables.

export interface GithubContext {
  serverUrl: string
  repository: string
  workflow: string
  job: string
  runId: string
  runNumber: string
  runAttempt: string
  /** `<server>/<owner>/<repo>/actions/runs/<run id>`, or undefined outside a run. */
  runUrl: string | undefined
  sha: string
  ref: string
  actor: string
  eventName: string
  runnerOs: string
  /** True when GITHUB_ACTIONS=true (running on a runner, not locally). */
  isActions: boolean
}

export function readGithubContext(env: NodeJS.ProcessEnv = process.env): GithubContext {
  const get = (name: string) => (env[name] ?? '').trim()
  const serverUrl = (get('GITHUB_SERVER_URL') || 'https://github.com').replace(/\/+$/, '')
  const repository = get('GITHUB_REPOSITORY')
  const runId = get('GITHUB_RUN_ID')
  return {
    serverUrl,
    repository,
    workflow: get('GITHUB_WORKFLOW'),
    job: get('GITHUB_JOB'),
    runId,
    runNumber: get('GITHUB_RUN_NUMBER'),
    runAttempt: get('GITHUB_RUN_ATTEMPT'),
    runUrl: repository && runId ? `${serverUrl}/${repository}/actions/runs/${runId}` : undefined,
    sha: get('GITHUB_SHA'),
    ref: get('GITHUB_REF'),
    actor: get('GITHUB_ACTOR'),
    eventName: get('GITHUB_EVENT_NAME'),
    runnerOs: get('RUNNER_OS'),
    isActions: get('GITHUB_ACTIONS') === 'true'
  }
}
