// hashFiles(): the expression function GitHub's runner implements itself (it is not in
// @actions/expressions). Same recipe as the runner: match files under the workspace with glob
// patterns (`!` excludes), hash each file with SHA-256, then hash the concatenated digests.
// Matching files are taken in sorted path order so the result does not depend on readdir order.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

/** Turns one glob pattern (relative to the workspace, `/` separated) into a RegExp. */
export function globToRegExp(pattern: string): RegExp {
  let re = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        i++
        if (pattern[i + 1] === '/') {
          i++
          re += '(?:.*/)?'
        } else {
          re += '.*'
        }
      } else {
        re += '[^/]*'
      }
    } else if (c === '?') {
      re += '[^/]'
    } else {
      re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&')
    }
  }
  // A pattern naming a folder matches everything under it, as @actions/glob does.
  return new RegExp(`^${re}(?:/.*)?$`)
}

function walk(dir: string, out: string[]): void {
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return
  }
  for (const e of entries) {
    const full = join(dir, e.name)
    if (e.isDirectory()) walk(full, out)
    else if (e.isFile()) out.push(full)
    else if (e.isSymbolicLink()) {
      try {
        const s = statSync(full)
        if (s.isDirectory()) walk(full, out)
        else if (s.isFile()) out.push(full)
      } catch {
        // A dangling link matches nothing.
      }
    }
  }
}

/** The literal folder a pattern starts with, so only that part of the tree is walked. */
function literalPrefix(pattern: string): string {
  const parts = pattern.split('/')
  const fixed: string[] = []
  for (const p of parts.slice(0, -1)) {
    if (/[*?[]/.test(p)) break
    fixed.push(p)
  }
  return fixed.join('/')
}

export function matchFiles(workspace: string, patterns: string[]): string[] {
  const include: RegExp[] = []
  const exclude: RegExp[] = []
  const roots = new Set<string>()
  for (const raw of patterns.flatMap(p => p.split('\n'))) {
    let p = raw.trim()
    if (!p || p.startsWith('#')) continue
    const negate = p.startsWith('!')
    if (negate) p = p.slice(1)
    p = p.replace(/^\.\//, '')
    if (p.startsWith('/') || p.startsWith(workspace)) p = relative(workspace, p)
    p = p.split(sep).join('/')
    if (negate) exclude.push(globToRegExp(p))
    else {
      include.push(globToRegExp(p))
      roots.add(literalPrefix(p))
    }
  }
  const files = new Set<string>()
  for (const root of roots) {
    const found: string[] = []
    walk(join(workspace, root), found)
    for (const f of found) files.add(f)
  }
  return [...files]
    .map(f => relative(workspace, f).split(sep).join('/'))
    .filter(f => !f.startsWith('../'))
    .filter(f => include.some(r => r.test(f)) && !exclude.some(r => r.test(f)))
    .sort()
}

/** `hashFiles(...patterns)`: '' when nothing matches, like GitHub. */
export function hashFiles(workspace: string, patterns: string[]): string {
  const files = matchFiles(workspace, patterns)
  if (files.length === 0) return ''
  const all = createHash('sha256')
  for (const f of files) {
    all.update(
      createHash('sha256')
        .update(readFileSync(join(workspace, f)))
        .digest()
    )
  }
  return all.digest('hex')
}
