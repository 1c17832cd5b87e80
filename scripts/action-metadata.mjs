#!/usr/bin/env node
// Renders the inputs and outputs of each actions/<name>/action.yml as Markdown tables, and keeps
// README sections between markers current:
//
//   <!-- inputs:create-task -->  ...generated table...  <!-- /inputs:create-task -->
//   <!-- outputs:create-task --> ...generated table...  <!-- /outputs:create-task -->
//
//   node scripts/action-metadata.mjs                 print every action's tables
//   node scripts/action-metadata.mjs --check         fail if a README section is stale
//   node scripts/action-metadata.mjs --write         rewrite the README sections in place
//   options: --readme <file> (default README.md), --actions <dir> (default actions)
//
// Tables are passed through prettier (with the project's config), so a formatted README and the
// generated text agree byte for byte.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SCRIPT = fileURLToPath(import.meta.url)

/** Every actions/<name>/action.yml, parsed, sorted by name. */
export function loadActions(actionsDir = join(ROOT, 'actions')) {
  if (!existsSync(actionsDir)) return []
  return readdirSync(actionsDir, { withFileTypes: true })
    .filter(d => d.isDirectory() && existsSync(join(actionsDir, d.name, 'action.yml')))
    .map(d => ({
      name: d.name,
      meta: parseYaml(readFileSync(join(actionsDir, d.name, 'action.yml'), 'utf8')) ?? {}
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/** Text safe inside a table cell: one line, pipes escaped. */
export function cell(text) {
  return String(text ?? '')
    .trim()
    .replace(/\s*\r?\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
}

function code(value) {
  const text = cell(value)
  return text === '' ? '' : text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``
}

export function renderInputs(meta) {
  const rows = Object.entries(meta.inputs ?? {}).map(([name, spec = {}]) => {
    const deprecated = spec.deprecationMessage
      ? ` **Deprecated:** ${cell(spec.deprecationMessage)}`
      : ''
    const def = spec.default === undefined || spec.default === null ? '' : code(spec.default)
    return `| \`${name}\` | ${spec.required ? 'yes' : 'no'} | ${def} | ${cell(spec.description)}${deprecated} |`
  })
  if (rows.length === 0) return '_No inputs._'
  return [
    '| Input | Required | Default | Description |',
    '| --- | --- | --- | --- |',
    ...rows
  ].join('\n')
}

export function renderOutputs(meta) {
  const rows = Object.entries(meta.outputs ?? {}).map(
    ([name, spec = {}]) => `| \`${name}\` | ${cell(spec.description)} |`
  )
  if (rows.length === 0) return '_No outputs._'
  return ['| Output | Description |', '| --- | --- |', ...rows].join('\n')
}

/** Formats Markdown exactly as `prettier --write` would for `filepath`. */
export async function formatMarkdown(markdown, filepath = join(ROOT, 'README.md')) {
  const prettier = await import('prettier')
  const config = (await prettier.resolveConfig(filepath)) ?? {}
  return (await prettier.format(markdown, { ...config, parser: 'markdown' })).trimEnd()
}

const SECTION = /<!-- (inputs|outputs):([A-Za-z0-9_-]+) -->([\s\S]*?)<!-- \/\1:\2 -->/g

/**
 * The README with every marked section regenerated, and the problems found: stale sections
 * (`stale`), sections naming an action with no action.yml (`unknown`).
 */
export async function updateSections(readme, actions, format = formatMarkdown) {
  const byName = new Map(actions.map(a => [a.name, a.meta]))
  const problems = []
  const replacements = []
  for (const m of readme.matchAll(SECTION)) {
    const [whole, kind, name, body] = m
    const meta = byName.get(name)
    if (!meta) {
      problems.push({ kind, name, reason: 'unknown' })
      continue
    }
    const table = await format(kind === 'inputs' ? renderInputs(meta) : renderOutputs(meta))
    const fresh = `<!-- ${kind}:${name} -->\n\n${table}\n\n<!-- /${kind}:${name} -->`
    if (body.trim() !== table.trim()) problems.push({ kind, name, reason: 'stale' })
    replacements.push([m.index, whole.length, fresh])
  }
  let text = readme
  for (const [index, length, fresh] of replacements.reverse()) {
    text = text.slice(0, index) + fresh + text.slice(index + length)
  }
  return { text, problems }
}

async function main(argv) {
  const flag = name => {
    const i = argv.indexOf(name)
    return i >= 0 ? argv[i + 1] : undefined
  }
  const readmePath = resolve(flag('--readme') ?? join(ROOT, 'README.md'))
  const actions = loadActions(resolve(flag('--actions') ?? join(ROOT, 'actions')))
  if (!argv.includes('--check') && !argv.includes('--write')) {
    for (const a of actions) {
      process.stdout.write(
        `## ${a.name}\n\n${await formatMarkdown(renderInputs(a.meta), readmePath)}\n\n`
      )
      process.stdout.write(`${await formatMarkdown(renderOutputs(a.meta), readmePath)}\n\n`)
    }
    return 0
  }
  const readme = readFileSync(readmePath, 'utf8')
  const format = md => formatMarkdown(md, readmePath)
  const { text, problems } = await updateSections(readme, actions, format)
  const unknown = problems.filter(p => p.reason === 'unknown')
  if (argv.includes('--write')) {
    if (text !== readme) writeFileSync(readmePath, text)
    for (const p of unknown)
      process.stderr.write(`no actions/${p.name}/action.yml for <!-- ${p.kind}:${p.name} -->\n`)
    return unknown.length === 0 ? 0 : 1
  }
  if (problems.length === 0) {
    process.stdout.write('README action tables are current.\n')
    return 0
  }
  for (const p of problems) {
    process.stderr.write(
      p.reason === 'stale'
        ? `README section <!-- ${p.kind}:${p.name} --> is out of date with actions/${p.name}/action.yml\n`
        : `README section <!-- ${p.kind}:${p.name} --> names an action with no actions/${p.name}/action.yml\n`
    )
  }
  process.stderr.write('To fix: node scripts/action-metadata.mjs --write\n')
  return 1
}

if (process.argv[1] && resolve(process.argv[1]) === SCRIPT) {
  main(process.argv.slice(2)).then(
    code => {
      process.exitCode = code
    },
    error => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
      process.exitCode = 1
    }
  )
}
