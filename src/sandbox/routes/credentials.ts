// The credential vault. A secret's value leaves the sandbox only through the two GETs that must
// return it; it is never logged.
import type { On } from '../context.js'
import { HttpError, empty, json, text } from '../http.js'
import { msg } from '../messages.js'
import type { CredentialSet, Secret, State } from '../state.js'
import { fields } from '../validate.js'

function findSet(state: State, label: string): CredentialSet {
  const set = state.credentials.get(label)
  if (!set) throw new HttpError(404, msg.credentialNotFound(label))
  return set
}

function parseSecrets(list: unknown[]): Secret[] {
  const byKey = new Map<string, Secret>()
  list.forEach((raw, i) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new HttpError(400, msg.wrongType(`secrets[${i}]`, 'an object'))
    }
    const f = fields(raw)
    const key = f.str('key')
    const value = f.optText('value')
    if (value === null) throw new HttpError(400, msg.required(`secrets[${i}].value`))
    // The C# SDK omits `valid`.
    byKey.set(key, { key, value, valid: f.optBool('valid') ?? true })
  })
  return [...byKey.values()]
}

export function registerCredentials(on: On): void {
  on('GET', '/credential/:label/key/:key', c => {
    const set = findSet(c.state, c.params.label)
    const secret = set.secrets.find(s => s.key === c.params.key)
    if (!secret) throw new HttpError(404, msg.credentialKeyNotFound(set.label, c.params.key))
    // The raw value, not JSON: that is what every SDK reads.
    return text(secret.value)
  })

  on('GET', '/credential/:label', c => json(findSet(c.state, c.params.label)))

  on('POST', '/credential', async c => {
    const f = fields(await c.json())
    const label = f.str('label')
    const secrets = parseSecrets(f.optArray('secrets') ?? [])
    if (c.state.credentials.has(label)) throw new HttpError(409, msg.credentialExists(label))
    const set: CredentialSet = {
      label,
      organizationLabel: c.state.seed.login,
      repositoryLabel: f.optStr('repositoryLabel') ?? 'DEFAULT',
      secrets
    }
    c.state.credentials.set(label, set)
    return json(set)
  })

  on('POST', '/credential/:label/key', async c => {
    const set = findSet(c.state, c.params.label)
    const f = fields(await c.json())
    const key = f.str('key')
    const value = f.optText('value')
    if (value === null) throw new HttpError(400, msg.required('value'))
    // Adding a key that exists replaces its value (the real server's choice is unknown).
    const existing = set.secrets.find(s => s.key === key)
    if (existing) Object.assign(existing, { value, valid: true })
    else set.secrets.push({ key, value, valid: true })
    // 201: older Python SDKs accept nothing else here; newer ones accept any 2xx.
    return json(set, 201)
  })

  on('POST', '/credential/:label', async c => {
    const set = findSet(c.state, c.params.label)
    const f = fields(await c.json())
    const bodyLabel = f.optStr('label')
    if (bodyLabel !== null && bodyLabel !== set.label) {
      throw new HttpError(400, msg.credentialLabelMismatch(set.label, bodyLabel))
    }
    set.secrets = parseSecrets(f.array('secrets'))
    const repo = f.optStr('repositoryLabel')
    if (repo) set.repositoryLabel = repo
    return json(set)
  })

  // Not in the contract (the SDKs gate "remove" on 3.0.0 without a path we know); handy for tests.
  on('DELETE', '/credential/:label', c => {
    findSet(c.state, c.params.label)
    c.state.credentials.delete(c.params.label)
    return empty(200)
  })
}
