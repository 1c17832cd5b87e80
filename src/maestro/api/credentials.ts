// The credential vault: read a key or a set, create-or-add, update, remove. Values are secrets.

import { type CredentialSet, type SetCredentialOutcome } from '../models.js'
import { MaestroHttpError, MaestroInputError } from '../errors.js'
import { readJson } from '../http.js'
import { type ApiContext, seg, requireText } from './context.js'

export async function getCredentialValue(
  ctx: ApiContext,
  label: string,
  key: string
): Promise<string> {
  const operation = `read key '${key}' of credential '${label}'`
  requireText('label', label, operation, 'credential label')
  requireText('key', key, operation, 'credential key')
  return ctx.call<string>({
    operation,
    method: 'GET',
    path: `/api/v2/credential/${seg(label)}/key/${seg(key)}`,
    idempotency: 'idempotent',
    notFound: `credential '${label}' with key '${key}'`,
    read: async a => {
      const value = await a.body.text()
      ctx.onSecret(value)
      return value
    }
  })
}

export async function getCredentialSet(ctx: ApiContext, label: string): Promise<CredentialSet> {
  const operation = `read credential '${label}'`
  requireText('label', label, operation, 'credential label')
  return ctx.call<CredentialSet>({
    operation,
    method: 'GET',
    path: `/api/v2/credential/${seg(label)}`,
    idempotency: 'idempotent',
    notFound: `credential '${label}'`,
    read: async a => {
      const set = (await readJson(a, operation)) as CredentialSet
      for (const s of set?.secrets ?? []) if (typeof s?.value === 'string') ctx.onSecret(s.value)
      return set
    }
  })
}

async function findCredentialSet(
  ctx: ApiContext,
  label: string
): Promise<CredentialSet | undefined> {
  try {
    return await getCredentialSet(ctx, label)
  } catch (e) {
    if (e instanceof MaestroHttpError && e.status === 404) return undefined
    throw e
  }
}

function replaceCredentialSet(
  ctx: ApiContext,
  label: string,
  secrets: CredentialSet['secrets'],
  operation: string
): Promise<void> {
  return ctx.call<void>({
    operation,
    method: 'POST',
    path: `/api/v2/credential/${seg(label)}`,
    json: {
      label,
      secrets: secrets.map(s => ({ key: s.key, value: s.value, valid: s.valid ?? true }))
    },
    idempotency: 'idempotent',
    notFound: `credential '${label}'`,
    read: 'none'
  })
}

export async function setCredentialValue(
  ctx: ApiContext,
  label: string,
  key: string,
  value: string
): Promise<SetCredentialOutcome> {
  const operation = `set key '${key}' of credential '${label}'`
  requireText('label', label, operation, 'credential label')
  requireText('key', key, operation, 'credential key')
  if (typeof value !== 'string')
    throw new MaestroInputError('value', 'A credential value must be a string.', operation)
  ctx.onSecret(value)
  const set = await findCredentialSet(ctx, label)
  if (!set) {
    await ctx.call<void>({
      operation: `create credential '${label}' with key '${key}'`,
      method: 'POST',
      path: '/api/v2/credential',
      json: { label, secrets: [{ key, value, valid: true }] },
      idempotency: 'create',
      read: 'none'
    })
    return 'created-set'
  }
  const secrets = set.secrets ?? []
  // Replacing the set re-sends every other value; a server that leaves values out of the set
  // would have them wiped, so then the key is sent alone through add-key, as the SDKs do.
  const canReplace = secrets.every(s => s.key === key || typeof s?.value === 'string')
  if (canReplace && secrets.some(s => s.key === key)) {
    await replaceCredentialSet(
      ctx,
      label,
      set.secrets.map(s => (s.key === key ? { ...s, value } : s)),
      operation
    )
    return 'updated-key'
  }
  const existed = secrets.some(s => s.key === key)
  await ctx.call<void>({
    operation: `${existed ? 'set' : 'add'} key '${key}' ${existed ? 'of' : 'to'} credential '${label}'`,
    method: 'POST',
    path: `/api/v2/credential/${seg(label)}/key`,
    json: { key, value },
    idempotency: 'create',
    notFound: `credential '${label}'`,
    read: 'none'
  })
  return existed ? 'updated-key' : 'added-key'
}

export async function updateCredentialValue(
  ctx: ApiContext,
  label: string,
  key: string,
  value: string
): Promise<void> {
  const operation = `update key '${key}' of credential '${label}'`
  requireText('label', label, operation, 'credential label')
  requireText('key', key, operation, 'credential key')
  if (typeof value !== 'string')
    throw new MaestroInputError('value', 'A credential value must be a string.', operation)
  ctx.onSecret(value)
  const set = await getCredentialSet(ctx, label)
  if (!(set.secrets ?? []).some(s => s.key === key))
    throw new MaestroInputError(
      'key',
      `Credential '${label}' has no key '${key}'; use setCredentialValue to add it.`,
      operation
    )
  await replaceCredentialSet(
    ctx,
    label,
    set.secrets.map(s => (s.key === key ? { ...s, value } : s)),
    operation
  )
}

export async function removeCredentialKey(
  ctx: ApiContext,
  label: string,
  key: string
): Promise<boolean> {
  const operation = `remove key '${key}' from credential '${label}'`
  requireText('label', label, operation, 'credential label')
  requireText('key', key, operation, 'credential key')
  const set = await getCredentialSet(ctx, label)
  const secrets = set.secrets ?? []
  if (!secrets.some(s => s.key === key)) return false
  await replaceCredentialSet(
    ctx,
    label,
    secrets.filter(s => s.key !== key),
    operation
  )
  return true
}
