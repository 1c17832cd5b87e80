// Version and login: the only calls that need no token.
import { timingSafeEqual } from 'node:crypto'
import type { On } from '../context.js'
import { HttpError, json } from '../http.js'
import { msg } from '../messages.js'
import type { App } from '../server.js'
import { fields } from '../validate.js'

const same = (a: string, b: string) => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export function registerWorkspace(on: On, app: App): void {
  on('GET', '/maestro/version', () => json({ version: app.version }), { auth: false })

  on(
    'POST',
    '/workspace/login',
    async c => {
      const f = fields(await c.json())
      const login = f.str('login')
      const key = f.str('key')
      const seed = c.state.seed
      if (!same(login, seed.login) || !same(key, seed.key)) throw new HttpError(401, msg.badLogin)
      return json({ accessToken: c.state.issueToken(), organizationLabel: seed.login })
    },
    { auth: false }
  )
}
