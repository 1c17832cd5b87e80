import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startTestSandbox, type TestSandbox } from './test-sandbox.js'

let sandbox: TestSandbox
beforeAll(async () => {
  sandbox = await startTestSandbox({ automations: ['demo-bot'] })
})
afterAll(async () => {
  await sandbox.close()
})

describe('startTestSandbox', () => {
  it('records the requests an action makes and exposes what they created', async () => {
    const login = await fetch(`${sandbox.url}/api/v2/workspace/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: sandbox.env.BOTCITY_LOGIN, key: sandbox.env.BOTCITY_KEY })
    })
    const { accessToken } = (await login.json()) as { accessToken: string }
    const created = await fetch(`${sandbox.url}/api/v2/task`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        token: accessToken,
        organization: sandbox.login
      },
      body: JSON.stringify({ activityLabel: 'demo-bot', parameters: {} })
    })
    const task = (await created.json()) as { id: number }
    await sandbox.runTask(task.id, { finishStatus: 'SUCCESS' })

    expect((await sandbox.requests()).map(r => r.path)).toEqual([
      '/api/v2/workspace/login',
      '/api/v2/task'
    ])
    expect((await sandbox.apiRequests()).map(r => r.path)).toEqual(['/api/v2/task'])
    await expect(sandbox.state()).resolves.toMatchObject({ tasks: [{ id: task.id }] })
    await sandbox.clearRequests()
    expect(await sandbox.requests()).toEqual([])
  })
})
