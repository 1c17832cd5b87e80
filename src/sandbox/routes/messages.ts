// Messages: e-mail or portal notifications to users; Maestro caps recipients per call.
import type { On } from '../context.js'
import { HttpError, empty } from '../http.js'
import { msg } from '../messages.js'
import { MESSAGE_TYPES, now, type Message } from '../state.js'
import { fields } from '../validate.js'

export const MAX_RECIPIENTS = 50

export function registerMessages(on: On): void {
  on('POST', '/message', async c => {
    const f = fields(await c.json())
    const emails = f.optStringArray('emails') ?? []
    const logins = f.optStringArray('logins') ?? []
    // `group` (Python, JS) or `groups` (C#); a list is accepted too.
    const rawGroup = f.o.group ?? f.o.groups
    let group: string | null = null
    if (Array.isArray(rawGroup) && rawGroup.every(g => typeof g === 'string'))
      group = rawGroup.join(',')
    else if (typeof rawGroup === 'string') group = rawGroup
    else if (rawGroup !== undefined && rawGroup !== null)
      throw new HttpError(400, msg.wrongType('group', 'a string'))
    const count = emails.length + logins.length
    if (count > MAX_RECIPIENTS)
      throw new HttpError(400, msg.tooManyRecipients(count, MAX_RECIPIENTS))
    if (count === 0 && !group) throw new HttpError(400, msg.noRecipients)
    const message: Message = {
      id: c.state.nextId('message'),
      emails,
      logins,
      group: group || null,
      subject: f.str('subject'),
      body: f.optStr('body') ?? '',
      type: f.optEnum('type', MESSAGE_TYPES) ?? 'TEXT',
      date: now()
    }
    c.state.messages.push(message)
    return empty(200)
  })
}
