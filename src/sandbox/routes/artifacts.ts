// Artifacts ("result files"): a record first, then its file as multipart. The file goes to disk
// as it arrives; re-uploading replaces it.
import type { On } from '../context.js'
import { HttpError, file, json } from '../http.js'
import { msg } from '../messages.js'
import { page, withinDays } from '../page.js'
import { now, type Artifact, type State, type StoredFile } from '../state.js'
import { fields, parseId } from '../validate.js'
import { findTask } from './tasks.js'

function findArtifact(state: State, id: unknown): Artifact {
  const n = parseId(id, 'artifact')
  const a = state.artifacts.get(n)
  if (!a) throw new HttpError(404, msg.artifactNotFound(n))
  return a
}

/** The record as the API shows it: the stored file's location stays private. */
export const artifactView = ({ file: _file, ...a }: Artifact) => a

/** Content-Disposition with a name that cannot break the header. */
export function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}

export function fileReply(f: StoredFile, name: string) {
  const reply = file(f.path, f.size)
  reply.headers = { 'Content-Disposition': attachment(name) }
  return reply
}

export function registerArtifacts(on: On): void {
  on('POST', '/artifact', async c => {
    const f = fields(await c.json())
    const task = findTask(c.state, f.id('taskId', 'task'))
    const name = f.str('name')
    const artifact: Artifact = {
      id: c.state.nextId('artifact'),
      type: 'FILE',
      taskId: task.id,
      taskName: task.activityLabel,
      name,
      fileName: f.optStr(['filename', 'fileName']) ?? name,
      storageFileName: null,
      storageFilePath: null,
      organizationId: c.state.seed.login,
      user: c.state.seed.login,
      dateCreation: now(),
      file: null
    }
    c.state.artifacts.set(artifact.id, artifact)
    return json(artifactView(artifact))
  })

  on('POST', '/artifact/log/:id', async c => {
    const artifact = findArtifact(c.state, c.params.id)
    const stored = await c.upload()
    const old = artifact.file
    artifact.file = stored
    artifact.storageFileName = stored.path.split(/[\\/]/).pop() ?? null
    artifact.storageFilePath = `files/${artifact.storageFileName}`
    await c.discard(old)
    return json(artifactView(artifact))
  })

  on('GET', '/artifact', c => {
    const all = withinDays([...c.state.artifacts.values()], c.query, a => a.dateCreation)
    return json(
      page(all.map(artifactView), c.query, [{ property: 'dateCreation', direction: 'DESC' }])
    )
  })

  on('GET', '/artifact/:id', c => json(artifactView(findArtifact(c.state, c.params.id))))

  on('GET', '/artifact/:id/file', c => {
    const artifact = findArtifact(c.state, c.params.id)
    if (!artifact.file) throw new HttpError(404, msg.artifactNoFile(artifact.id))
    return fileReply(artifact.file, artifact.fileName)
  })
}
