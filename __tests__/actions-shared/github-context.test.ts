import { describe, expect, it } from '@jest/globals'
import { readGithubContext } from '../../src/actions/shared/github-context.js'

describe('readGithubContext', () => {
  it('reads the runner variables and builds the run URL', () => {
    const ctx = readGithubContext({
      GITHUB_SERVER_URL: 'https://ghe.example.com/',
      GITHUB_REPOSITORY: 'acme/bots',
      GITHUB_WORKFLOW: 'deploy',
      GITHUB_JOB: 'release',
      GITHUB_RUN_ID: '123',
      GITHUB_RUN_NUMBER: '7',
      GITHUB_RUN_ATTEMPT: '2',
      GITHUB_SHA: 'abc',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_ACTOR: 'octocat',
      GITHUB_EVENT_NAME: 'push',
      RUNNER_OS: 'Linux',
      GITHUB_ACTIONS: 'true'
    })
    expect(ctx).toEqual({
      serverUrl: 'https://ghe.example.com',
      repository: 'acme/bots',
      workflow: 'deploy',
      job: 'release',
      runId: '123',
      runNumber: '7',
      runAttempt: '2',
      runUrl: 'https://ghe.example.com/acme/bots/actions/runs/123',
      sha: 'abc',
      ref: 'refs/heads/main',
      actor: 'octocat',
      eventName: 'push',
      runnerOs: 'Linux',
      isActions: true
    })
  })
  it('outside a run: github.com default, no run URL', () => {
    const ctx = readGithubContext({})
    expect(ctx.serverUrl).toBe('https://github.com')
    expect(ctx.runUrl).toBeUndefined()
    expect(ctx.isActions).toBe(false)
  })
})
