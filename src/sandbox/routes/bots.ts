// Bots: deploy a version, upload its package, release it, delete it.
import type { On } from '../context.js'
import { HttpError, empty, json } from '../http.js'
import { msg } from '../messages.js'
import { BOT_TECHNOLOGIES, now, type BotVersion, type State, type StoredFile } from '../state.js'
import { fields } from '../validate.js'

function findVersion(state: State, botId: string, version: string): BotVersion {
  const versions = state.bots.filter(b => b.botId === botId)
  if (versions.length === 0) throw new HttpError(404, msg.botNotFound(botId))
  const v = versions.find(b => b.version === version)
  if (!v) throw new HttpError(404, msg.botVersionNotFound(botId, version))
  return v
}

const info = (f: StoredFile | null) =>
  f ? { fileName: f.fileName, size: f.size, sha256: f.sha256 } : null
export const botView = ({ upload, uploads: _uploads, ...b }: BotVersion) => ({
  ...b,
  fileName: upload?.fileName ?? null
})
export const botStateView = ({ upload, ...b }: BotVersion) => ({ ...b, upload: info(upload) })

export function registerBots(on: On): void {
  on('GET', '/bot', c => {
    const botId = c.query.get('botId')
    // Exactly 200 with an empty list for an unknown bot: the deploy action relies on it.
    return json(c.state.bots.filter(b => !botId || b.botId === botId).map(botView))
  })

  on('POST', '/bot', async c => {
    const f = fields(await c.json())
    const botId = f.str('botId')
    const version = f.str('version')
    const technology = f.enum('technology', BOT_TECHNOLOGIES)
    if (c.state.bots.some(b => b.botId === botId && b.version === version)) {
      throw new HttpError(409, msg.botVersionExists(botId, version))
    }
    const bot: BotVersion = {
      botId,
      version,
      technology,
      command: f.optStr('command'),
      repositoryLabel: f.optStr('repositoryLabel') ?? 'DEFAULT',
      organizationLabel: c.state.seed.login,
      dateCreation: now(),
      released: false,
      upload: null,
      uploads: 0
    }
    c.state.bots.push(bot)
    return json(botView(bot))
  })

  on('POST', '/bot/upload/:botId/version/:version', async c => {
    const bot = findVersion(c.state, c.params.botId, c.params.version)
    const stored = await c.upload()
    const old = bot.upload
    bot.upload = stored
    bot.uploads++
    await c.discard(old)
    return json(botView(bot))
  })

  on('POST', '/bot/release', async c => {
    const f = fields(await c.json())
    const bot = findVersion(c.state, f.str('botId'), f.str('version'))
    for (const b of c.state.bots) if (b.botId === bot.botId) b.released = b === bot
    return json(botView(bot))
  })

  on('DELETE', '/bot/:botId/version/:version', async c => {
    const bot = findVersion(c.state, c.params.botId, c.params.version)
    c.state.bots.splice(c.state.bots.indexOf(bot), 1)
    await c.discard(bot.upload)
    return empty(200)
  })
}
