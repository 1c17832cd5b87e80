export const id = 852;
export const ids = [852];
export const modules = {

/***/ 90852:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   InputKinds: () => (/* binding */ InputKinds),
/* harmony export */   Inputs: () => (/* binding */ Inputs),
/* harmony export */   MAX_ARTIFACT_IDS: () => (/* binding */ MAX_ARTIFACT_IDS),
/* harmony export */   MAX_NAME_PATTERNS: () => (/* binding */ MAX_NAME_PATTERNS),
/* harmony export */   NO_FILES_POLICIES: () => (/* binding */ NO_FILES_POLICIES),
/* harmony export */   Outputs: () => (/* binding */ Outputs),
/* harmony export */   UNKNOWN_AGE_DAYS: () => (/* binding */ UNKNOWN_AGE_DAYS),
/* harmony export */   checkArtifactService: () => (/* binding */ checkArtifactService),
/* harmony export */   listingDays: () => (/* binding */ listingDays),
/* harmony export */   matchesNameFilter: () => (/* binding */ matchesNameFilter),
/* harmony export */   parseArtifactIds: () => (/* binding */ parseArtifactIds),
/* harmony export */   parseDestination: () => (/* binding */ parseDestination),
/* harmony export */   parseGithubArtifactName: () => (/* binding */ parseGithubArtifactName),
/* harmony export */   parseNameFilter: () => (/* binding */ parseNameFilter),
/* harmony export */   planDownloads: () => (/* binding */ planDownloads),
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var minimatch__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(33581);
/* harmony import */ var _maestro_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(33268);
/* harmony import */ var _shared_connection_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(625);
/* harmony import */ var _shared_file_names_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(10714);
/* harmony import */ var _shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(86612);
/* harmony import */ var _shared_permissions_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(43285);
/* harmony import */ var _shared_run_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(72724);
/* harmony import */ var _shared_secrets_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(54476);
/* harmony import */ var _shared_summary_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(73265);
// Downloads result files (artifacts) from Maestro: by id, or every result file of a task. Every
// input, the destination folder and (when asked to publish) the runner's artifact service are
// checked before the first request. Files stream to disk through the client (a temporary file,
// checked against Content-Length, renamed into place), one after the other, under names that
// safeFileName reduced to one plain name inside the folder.
//
// When a download fails part-way through a list, the files already written stay: each is
// complete and verified, and deleting them would hide what did arrive. The outputs, the summary
// and the error all name exactly those files; the failed one left nothing behind.












const Inputs = {
    ..._shared_connection_js__WEBPACK_IMPORTED_MODULE_5__/* .ConnectionInputs */ .K0,
    artifactId: 'artifact-id',
    taskId: 'task-id',
    name: 'name',
    path: 'path',
    ifNoFilesFound: 'if-no-files-found',
    githubArtifactName: 'github-artifact-name'
};
const Outputs = {
    files: 'files',
    artifactIds: 'artifact-ids',
    sha256: 'sha256',
    githubArtifactId: 'github-artifact-id'
};
const NO_FILES_POLICIES = ['error', 'warn', 'ignore'];
/** More ids or patterns than this in one step is a mistake (e.g. a whole file pasted in). */
const MAX_ARTIFACT_IDS = 1000;
const MAX_NAME_PATTERNS = 100;
const MAX_PATTERN_LENGTH = 1000;
const MAX_PATH_LENGTH = 4096;
/** The listing is asked for this many days back when the task's creation date is unknown. */
const UNKNOWN_AGE_DAYS = 3650;
const DAY_MS = 24 * 3600 * 1000;
const ID_ACCEPTED = 'result file ids (positive integers), one per line, comma-separated, or a JSON array such as [12, 13]';
// `artifact-id` and `task-id` are each optional, one of them is needed: every input is checked on
// its own before that rule, so a bad value is reported as such whatever the other says. `name`
// globs match result file names, not workspace paths (hence `lines`). The bad-input test's
// workspace holds a plain file `report.txt`.
const InputKinds = {
    ..._shared_connection_js__WEBPACK_IMPORTED_MODULE_5__/* .ConnectionInputKinds */ .On,
    [Inputs.artifactId]: {
        kind: 'lines',
        invalid: ['0', '12, abc', '-3', '1.5', '[12', '{"id": 12}']
    },
    [Inputs.taskId]: { kind: 'integer', min: 1, max: Number.MAX_SAFE_INTEGER },
    [Inputs.name]: { kind: 'lines', invalid: ['!', 'a\u0007b', 'n'.repeat(MAX_PATTERN_LENGTH + 1)] },
    [Inputs.path]: {
        kind: 'text',
        invalid: ['../outside', 'report.txt', 'report.txt/results', 'out\u0007']
    },
    [Inputs.ifNoFilesFound]: { kind: 'enum', values: NO_FILES_POLICIES },
    [Inputs.githubArtifactName]: { kind: 'text', invalid: ['a/b', 'results:1', 'a\u0007b'] }
};
/**
 * `artifact-id`: ids one per line, separated by commas or spaces, or a JSON array (post-artifact's
 * `artifact-ids` output as it is). Repeats are dropped. Empty -> [].
 */
function parseArtifactIds(input, raw) {
    const value = raw.trim();
    if (value === '')
        return [];
    let items;
    if (value.startsWith('[')) {
        try {
            const parsed = JSON.parse(value);
            if (!Array.isArray(parsed))
                throw new Error('not an array');
            items = parsed;
        }
        catch {
            throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .invalidInput */ .aY)(input, 'Not a JSON array of ids', value, ID_ACCEPTED);
        }
    }
    else {
        items = value.split(/[\s,]+/).filter(s => s !== '');
    }
    const ids = [];
    for (const item of items) {
        const text = String(item).trim();
        const n = /^\+?\d+$/.test(text) ? Number(text) : NaN;
        if (!Number.isSafeInteger(n) || n < 1) {
            throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .invalidInput */ .aY)(input, `Not a result file id: ${(0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .quoteValue */ .cl)(text)}`, value, ID_ACCEPTED);
        }
        if (!ids.includes(n))
            ids.push(n);
        if (ids.length > MAX_ARTIFACT_IDS) {
            throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .invalidInput */ .aY)(input, `More than ${MAX_ARTIFACT_IDS} ids`, value, `${ID_ACCEPTED}; at most ${MAX_ARTIFACT_IDS} per step`);
        }
    }
    return ids;
}
const GLOB_OPTIONS = { nocase: true, dot: true, nocomment: true, nonegate: true };
function parseNameFilter(input, lines) {
    if (lines.length === 0)
        return undefined;
    const accepted = `glob patterns on the result file's name, one per line (e.g. *.pdf or !draft-*), at most ${MAX_NAME_PATTERNS} of at most ${MAX_PATTERN_LENGTH} characters`;
    if (lines.length > MAX_NAME_PATTERNS) {
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .invalidInput */ .aY)(input, `${lines.length} patterns`, lines.join('\n'), accepted);
    }
    const filter = { include: [], exclude: [], patterns: [...lines] };
    for (const line of lines) {
        const negated = line.startsWith('!');
        const pattern = (negated ? line.slice(1) : line).trim();
        if (pattern === '')
            throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .invalidInput */ .aY)(input, 'An empty pattern', line, accepted);
        if (pattern.length > MAX_PATTERN_LENGTH)
            throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .invalidInput */ .aY)(input, 'Too long', line, accepted);
        // The pattern is tested (not the line): blanks after a leading ! are trimmed away.
        if (_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .CONTROL_CHARS */ .UV.test(pattern)) {
            throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .invalidInput */ .aY)(input, 'Control characters', JSON.stringify(line), accepted);
        }
        let matcher;
        try {
            matcher = new minimatch__WEBPACK_IMPORTED_MODULE_3__/* .Minimatch */ .VR(pattern, GLOB_OPTIONS);
        }
        catch (e) {
            const why = e instanceof Error ? e.message : String(e);
            throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .invalidInput */ .aY)(input, `Not a usable glob (${why})`, line, accepted);
        }
        ;
        (negated ? filter.exclude : filter.include).push(matcher);
    }
    return filter;
}
/** True when the name or the file name matches an including pattern (or there is none) and neither matches an excluding one. */
function matchesNameFilter(artifact, filter) {
    if (!filter)
        return true;
    const names = [artifact.name, artifact.fileName].filter((n) => typeof n === 'string' && n !== '');
    const hit = (m) => names.some(n => m.match(n));
    if (filter.include.length > 0 && !filter.include.some(hit))
        return false;
    return !filter.exclude.some(hit);
}
/**
 * `path`: the destination folder, absolute. Empty -> the workspace. A relative path stays inside
 * the workspace; an absolute one is taken as the user's explicit choice. It must be a folder or
 * not exist yet, under a folder this process can write to; on Windows, with names Windows can
 * create (the folders are made only after the first requests).
 */
function parseDestination(input, raw, workspace, platform = process.platform) {
    const value = raw.trim();
    const accepted = `a folder, relative to the workspace (without climbing out of it with ..) or absolute, at most ${MAX_PATH_LENGTH} characters; created when missing`;
    if (value === '')
        return node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(workspace);
    if (value.length > MAX_PATH_LENGTH)
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .invalidInput */ .aY)(input, 'Too long', value, accepted);
    (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .refuseControlChars */ .d5)(input, value, accepted);
    (0,_shared_file_names_js__WEBPACK_IMPORTED_MODULE_6__/* .refuseWindowsPath */ .de)(input, value, accepted, platform);
    const root = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(workspace);
    const full = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(root, value);
    if (!node_path__WEBPACK_IMPORTED_MODULE_2___default().isAbsolute(value)) {
        const inside = node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(root, full);
        if (inside.startsWith('..') || node_path__WEBPACK_IMPORTED_MODULE_2___default().isAbsolute(inside)) {
            throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .invalidInput */ .aY)(input, `Climbs out of the workspace (${root})`, value, accepted);
        }
    }
    // The nearest existing folder on the way must be a writable folder.
    let existing = full;
    for (;;) {
        let stats;
        try {
            stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(existing);
        }
        catch {
            const parent = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(existing);
            if (parent === existing)
                break;
            existing = parent;
            continue;
        }
        if (!stats.isDirectory()) {
            const what = existing === full ? 'Not a folder' : `${existing} is a file, not a folder`;
            throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .invalidInput */ .aY)(input, what, value, accepted);
        }
        try {
            (0,_shared_permissions_js__WEBPACK_IMPORTED_MODULE_8__/* .checkWritableFolder */ .B)(existing, platform);
        }
        catch {
            throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .invalidInput */ .aY)(input, `No permission to write in ${existing}`, value, accepted);
        }
        break;
    }
    return full;
}
const ARTIFACT_NAME_FORBIDDEN = /[":<>|*?\\/]/;
const MAX_ARTIFACT_NAME_LENGTH = 255;
/** `github-artifact-name`: the characters GitHub's artifact service refuses are refused here. */
function parseGithubArtifactName(input, raw) {
    const value = raw.trim();
    if (value === '')
        return undefined;
    const accepted = `a workflow artifact name without " : < > | * ? \\ / or control characters, at most ${MAX_ARTIFACT_NAME_LENGTH} characters, e.g. maestro-results`;
    (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .refuseControlChars */ .d5)(input, value, accepted);
    if (ARTIFACT_NAME_FORBIDDEN.test(value)) {
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .invalidInput */ .aY)(input, 'A character GitHub does not allow in artifact names', value, accepted);
    }
    if (value.length > MAX_ARTIFACT_NAME_LENGTH)
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .invalidInput */ .aY)(input, 'Too long', value, accepted);
    return value;
}
/** GitHub Enterprise Server has no v4 artifact service; the same test as @actions/artifact's. */
function isGithubEnterpriseServer(env) {
    let host;
    try {
        host = new URL(env.GITHUB_SERVER_URL || 'https://github.com').hostname.toUpperCase();
    }
    catch {
        return false;
    }
    return !(host === 'GITHUB.COM' || host.endsWith('.GHE.COM') || host.endsWith('.LOCALHOST'));
}
/**
 * Fails before any download when the runner's artifact service cannot be reached, so a step that
 * was asked to publish never downloads files it then cannot publish.
 */
function checkArtifactService(input, name, env) {
    const missing = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'].filter(v => !env[v]?.trim());
    const accepted = `leave '${input}' empty, or run the step in a GitHub Actions job on github.com or GHE.com, whose runner provides the artifact service`;
    if (missing.length > 0) {
        throw new _shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionInputError */ .VA(input, `Cannot publish workflow artifact ${(0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .quoteValue */ .cl)(name)}: the runner's artifact service is not available to this step (${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set; local runners and container tools usually do not provide it). Nothing was downloaded. Accepted: ${accepted}`);
    }
    try {
        new URL(env.ACTIONS_RESULTS_URL ?? '');
    }
    catch {
        throw new _shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionInputError */ .VA(input, `Cannot publish workflow artifact ${(0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .quoteValue */ .cl)(name)}: ACTIONS_RESULTS_URL is not a URL. Nothing was downloaded. Accepted: ${accepted}`);
    }
    if (isGithubEnterpriseServer(env)) {
        throw new _shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionInputError */ .VA(input, `Cannot publish workflow artifact ${(0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .quoteValue */ .cl)(name)}: GitHub Enterprise Server (${env.GITHUB_SERVER_URL}) does not support the artifact service @actions/artifact 2+ uses. Nothing was downloaded. Accepted: ${accepted}`);
    }
}
/** How many days back the listing must reach to include everything made since the task. */
function listingDays(dateCreation, now = Date.now()) {
    const created = dateCreation ? Date.parse(dateCreation) : NaN;
    if (Number.isNaN(created))
        return UNKNOWN_AGE_DAYS;
    return Math.max(1, Math.ceil((now - created) / DAY_MS) + 1);
}
/**
 * Names each download: the server's file name (or display name) reduced to a safe name, unique in
 * this run case-insensitively, never the name of an existing entry that is not a regular file (a
 * folder or a symlink there must not be written through). An existing regular file is replaced.
 */
function planDownloads(artifacts, folder, blockedNames = []) {
    const taken = new Set([...blockedNames].map(_shared_file_names_js__WEBPACK_IMPORTED_MODULE_6__/* .fileNameKey */ .D8));
    return artifacts.map(artifact => {
        const fileName = (0,_shared_file_names_js__WEBPACK_IMPORTED_MODULE_6__/* .allocateFileName */ .Rl)(artifact.fileName || artifact.name, `artifact-${artifact.id}`, taken);
        return { artifact, fileName, path: node_path__WEBPACK_IMPORTED_MODULE_2___default().join(folder, fileName) };
    });
}
/** Entries of `folder` that are not regular files (folders, symlinks, ...); [] when it is missing. */
function entriesNotFiles(folder) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(folder, { withFileTypes: true })
            .filter(d => !d.isFile())
            .map(d => d.name);
    }
    catch {
        return [];
    }
}
async function run(core, options = {}) {
    const env = options.env ?? process.env;
    const connection = (0,_shared_connection_js__WEBPACK_IMPORTED_MODULE_5__/* .readConnection */ .dC)(core, { env, action: 'get-artifact' });
    const inputs = (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .createInputReader */ .ic)(core);
    const artifactIds = parseArtifactIds(Inputs.artifactId, inputs.raw(Inputs.artifactId));
    const taskId = inputs.raw(Inputs.taskId) === ''
        ? undefined
        : inputs.integer(Inputs.taskId, { min: 1, max: Number.MAX_SAFE_INTEGER });
    const nameLines = inputs.list(Inputs.name);
    const nameFilter = parseNameFilter(Inputs.name, nameLines);
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const folder = parseDestination(Inputs.path, inputs.raw(Inputs.path), workspace);
    const ifNoFilesFound = inputs.enum(Inputs.ifNoFilesFound, {
        values: NO_FILES_POLICIES,
        default: 'error'
    });
    const githubArtifactName = parseGithubArtifactName(Inputs.githubArtifactName, inputs.raw(Inputs.githubArtifactName));
    // Rules between inputs come after each input's own checks: a bad value is named as such.
    if (artifactIds.length > 0 && taskId !== undefined) {
        throw new _shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionInputError */ .VA(Inputs.artifactId, `Both '${Inputs.artifactId}' and '${Inputs.taskId}' are set. Accepted: one of them: '${Inputs.artifactId}' for given result files, '${Inputs.taskId}' for every result file of a task`);
    }
    if (artifactIds.length === 0 && taskId === undefined) {
        throw new _shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionInputError */ .VA(Inputs.artifactId, `Neither '${Inputs.artifactId}' nor '${Inputs.taskId}' is set. Accepted: ${ID_ACCEPTED} in '${Inputs.artifactId}', or a task id in '${Inputs.taskId}'`);
    }
    if (nameLines.length > 0 && taskId === undefined) {
        throw new _shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionInputError */ .VA(Inputs.name, `'${Inputs.name}' filters the result files of a '${Inputs.taskId}', but result files were named by '${Inputs.artifactId}', got ${(0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .quoteValue */ .cl)(nameLines.join('\n'))}. Accepted: no '${Inputs.name}' with '${Inputs.artifactId}'`);
    }
    if (githubArtifactName !== undefined) {
        checkArtifactService(Inputs.githubArtifactName, githubArtifactName, env);
        (0,_shared_secrets_js__WEBPACK_IMPORTED_MODULE_10__/* .maskSecret */ .$l)(core, env.ACTIONS_RUNTIME_TOKEN);
    }
    const client = new _maestro_index_js__WEBPACK_IMPORTED_MODULE_4__/* .MaestroClient */ .B2(connection);
    const downloaded = [];
    let plans;
    try {
        const artifacts = taskId === undefined
            ? await readArtifacts(client, artifactIds)
            : await taskArtifacts(client, taskId, nameFilter);
        if (artifacts.length === 0) {
            const what = `Task ${taskId} has no result file` +
                (nameFilter ? ` whose name matches ${nameFilter.patterns.map(_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .quoteValue */ .cl).join(', ')}` : '');
            if (ifNoFilesFound === 'error') {
                throw new _shared_run_js__WEBPACK_IMPORTED_MODULE_9__/* .ActionFailure */ .dR(`${what}. Nothing was downloaded. Set '${Inputs.ifNoFilesFound}' to warn or ignore when that is fine.`);
            }
            const message = `${what}; nothing downloaded.`;
            if (ifNoFilesFound === 'warn')
                core.warning(message);
            else
                core.info(message);
            (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_11__/* .setOutputs */ .n0)(core, outputsFor([], undefined));
            await (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_11__/* .writeSummary */ .Sy)(core, { title: 'No result files downloaded', rows: [['Why', message]] });
            return;
        }
        plans = planDownloads(artifacts, folder, entriesNotFiles(folder));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(folder, { recursive: true });
        for (const plan of plans) {
            try {
                const result = await client.downloadArtifact(plan.artifact.id, plan.path);
                downloaded.push({ plan, result });
                core.info(`Downloaded result file ${plan.artifact.id} (${(0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .quoteValue */ .cl)(plan.artifact.name)}) to ${result.path}: ${(0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_11__/* .formatSize */ .Xq)(result.size)}, sha256 ${result.sha256}`);
            }
            catch (error) {
                throw await partialFailure(core, error, plan, plans, downloaded, folder, taskId);
            }
        }
    }
    finally {
        await client.close();
    }
    let githubArtifactId;
    if (githubArtifactName !== undefined) {
        const publish = options.publish ?? publishWithActionsArtifact;
        const files = downloaded.map(d => d.result.path);
        try {
            githubArtifactId = await publish(githubArtifactName, files, folder);
        }
        catch (error) {
            (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_11__/* .setOutputs */ .n0)(core, outputsFor(downloaded, undefined));
            await summarize(core, downloaded, folder, taskId, {
                failure: `publishing them as workflow artifact ${(0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .quoteValue */ .cl)(githubArtifactName)}: ${errorText(error)}`
            });
            throw new _shared_run_js__WEBPACK_IMPORTED_MODULE_9__/* .ActionFailure */ .dR(`All ${downloaded.length} result file${downloaded.length === 1 ? ' was' : 's were'} downloaded to ${folder}, but publishing them as workflow artifact ${(0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .quoteValue */ .cl)(githubArtifactName)} failed: ${errorText(error)}`, { cause: error });
        }
        core.info(`Published ${(0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_11__/* .plural */ .LS)(downloaded.length, 'file')} as workflow artifact ${(0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .quoteValue */ .cl)(githubArtifactName)}${githubArtifactId === undefined ? '' : ` (id ${githubArtifactId})`}.`);
    }
    (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_11__/* .setOutputs */ .n0)(core, outputsFor(downloaded, githubArtifactId));
    await summarize(core, downloaded, folder, taskId, {
        githubArtifact: githubArtifactName === undefined
            ? undefined
            : `${githubArtifactName}${githubArtifactId === undefined ? '' : ` (id ${githubArtifactId})`}`
    });
}
async function readArtifacts(client, ids) {
    const artifacts = [];
    for (const id of ids)
        artifacts.push(await client.getArtifact(id));
    return artifacts;
}
/** Every result file of the task (all pages of the listing), oldest first. */
async function taskArtifacts(client, taskId, nameFilter) {
    // Reading the task first gives a 404 that names it, and its age bounds the listing.
    const task = await client.getTask(taskId);
    const all = await client.listArtifacts({ days: listingDays(task.dateCreation) });
    // The listing is paged newest first: a file added while it is read shifts the pages, and one
    // already seen comes again. Each id is downloaded once.
    const byId = new Map();
    for (const a of all) {
        if (Number(a.taskId) === taskId && matchesNameFilter(a, nameFilter))
            byId.set(String(a.id), a);
    }
    return [...byId.values()].sort((a, b) => Number(a.id) - Number(b.id));
}
function outputsFor(downloaded, githubArtifactId) {
    return {
        [Outputs.files]: downloaded.map(d => d.result.path),
        [Outputs.artifactIds]: downloaded.map(d => d.plan.artifact.id),
        [Outputs.sha256]: Object.fromEntries(downloaded.map(d => [d.result.path, d.result.sha256])),
        [Outputs.githubArtifactId]: githubArtifactId
    };
}
function errorText(error) {
    if (!(error instanceof Error))
        return String(error);
    const hint = error.hint;
    return typeof hint === 'string' && hint !== '' && !error.message.includes(hint)
        ? `${error.message} ${hint}`
        : error.message;
}
/**
 * The error for a download that failed: the cause (Maestro's own message and hint, or the file
 * system's), then exactly what is on disk. Outputs and summary are written first, so a later
 * `if: failure()` step can use the files that did arrive.
 */
async function partialFailure(core, error, failed, plans, downloaded, folder, taskId) {
    (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_11__/* .setOutputs */ .n0)(core, outputsFor(downloaded, undefined));
    const isMaestro = error instanceof Error && error.name.startsWith('Maestro');
    const cause = isMaestro
        ? errorText(error)
        : `Could not write result file ${failed.artifact.id} to ${failed.path}: ${errorText(error)}`;
    const kept = downloaded.length === 0
        ? `No file was written to ${folder}`
        : `${downloaded.length} of ${plans.length} result files were downloaded before it and kept: ${downloaded.map(d => `${d.result.path} (result file ${d.plan.artifact.id})`).join(', ')}`;
    const notTried = plans.length - downloaded.length - 1;
    const rest = notTried > 0 ? `; ${notTried} more ${notTried === 1 ? 'was' : 'were'} not tried` : '';
    await summarize(core, downloaded, folder, taskId, {
        failure: `result file ${failed.artifact.id}: ${cause}${rest}`
    });
    return new _shared_run_js__WEBPACK_IMPORTED_MODULE_9__/* .ActionFailure */ .dR(`${cause} ${kept}${rest}. Nothing partial was left at ${failed.path}.`, {
        cause: error
    });
}
async function summarize(core, downloaded, folder, taskId, extra = {}) {
    const count = (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_11__/* .plural */ .LS)(downloaded.length, 'result file');
    const from = taskId === undefined ? 'Maestro' : `Maestro task ${taskId}`;
    const title = extra.failure
        ? `${count} downloaded from ${from} before a failure`
        : `${count} downloaded from ${from}`;
    const rows = [['Folder', folder]];
    for (const { plan, result } of downloaded) {
        const original = plan.artifact.fileName || plan.artifact.name;
        const renamed = original !== plan.fileName ? ` (in Maestro: ${(0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .quoteValue */ .cl)(String(original))})` : '';
        rows.push([
            `${plan.fileName}${renamed}, result file ${plan.artifact.id}`,
            `${(0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_11__/* .formatSize */ .Xq)(result.size)}, sha256 ${result.sha256}`
        ]);
    }
    const total = downloaded.reduce((n, d) => n + d.result.size, 0);
    if (downloaded.length > 1)
        rows.push([`${count} in total`, (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_11__/* .formatSize */ .Xq)(total)]);
    if (extra.githubArtifact)
        rows.push(['Workflow artifact', extra.githubArtifact]);
    if (extra.failure)
        rows.push(['Failed', extra.failure]);
    await (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_11__/* .writeSummary */ .Sy)(core, { title, rows });
}
/**
 * Loaded only when asked for: @actions/artifact and its Azure client are most of the bundle, and a
 * run without `github-artifact-name` should not parse them at start-up.
 */
async function publishWithActionsArtifact(name, files, root) {
    const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(659), __webpack_require__.e(584)]).then(__webpack_require__.bind(__webpack_require__, 20584));
    const result = await new DefaultArtifactClient().uploadArtifact(name, files, root);
    return result.id;
}


/***/ }),

/***/ 10714:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D8: () => (/* binding */ fileNameKey),
/* harmony export */   Mq: () => (/* binding */ overlongName),
/* harmony export */   Rl: () => (/* binding */ allocateFileName),
/* harmony export */   de: () => (/* binding */ refuseWindowsPath)
/* harmony export */ });
/* unused harmony exports MAX_FILE_NAME_BYTES, windowsPathProblem, WINDOWS_PATH_RULES, cutToBytes, splitExtension, safeFileName, uniqueFileName */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86612);
// A file name that comes from a server is untrusted: it may hold `../`, an absolute path, a drive
// letter, a UNC share, NUL or other control characters, a Windows device name, or thousands of
// characters. These pure functions turn it into ONE plain file name that can only ever name an
// entry directly inside the folder the user chose, on Linux, macOS and Windows alike. The same
// Windows rules also judge a path the user typed (`windowsPathProblem`), which is refused, not
// rewritten: the user named that file.


/** The limit of ext4, APFS and NTFS (NTFS counts UTF-16 units; 255 UTF-8 bytes is never more). */
const MAX_FILE_NAME_BYTES = 255;
function utf8Length(text) {
    return Buffer.byteLength(text, 'utf8');
}
/** An extension longer than this is part of the name, not an extension worth keeping. */
const MAX_EXTENSION_BYTES = 32;
// C0 and C1 control characters (NUL included), DEL, and the invisible marks that make a name look
// like something else (bidirectional overrides turn `exe.txt` into `txt.exe` on screen, BOM, ZWSP).
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
// Not allowed in Windows file names (`:` would also select an NTFS alternate data stream), nor by
// the GitHub artifact service in uploaded paths.
const WINDOWS_INVALID = /[<>:"|?*]/g;
// Device names Windows opens instead of a file, also with an extension (`nul.txt`).
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\.|$)/i;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/**
 * Why Windows cannot create this path as typed, or undefined when it can. Each name after the
 * root (`C:\\`, `\\\\server\\share\\`) is checked: none of `< > : " | ? *` or control characters,
 * no trailing dot or space (Windows drops them, so `log.csv.` would be written as `log.csv`), and
 * no device name, also with an extension (`NUL`, `con.csv`, `COM1`: Windows opens the device).
 * `/` and `\\` both separate; `.` and `..` are steps, not names.
 */
function windowsPathProblem(value) {
    const root = node_path__WEBPACK_IMPORTED_MODULE_0___default().win32.parse(value).root;
    for (const name of value.slice(root.length).split(/[\\/]/)) {
        if (name === '' || name === '.' || name === '..')
            continue;
        // eslint-disable-next-line no-control-regex
        if (/[\u0000-\u001f]/.test(name))
            return `The name ${JSON.stringify(name)} holds a control character`;
        const invalid = /[<>:"|?*]/.exec(name);
        if (invalid)
            return `Windows does not allow '${invalid[0]}' in the name '${name}'`;
        if (/[. ]$/.test(name))
            return `Windows drops the dot or space that ends the name '${name}'`;
        if (WINDOWS_DEVICE.test(name))
            return `'${name}' is a Windows device name, not a file name`;
    }
    return undefined;
}
/**
 * The first name in the path `file` that is longer than file systems allow, or undefined: over
 * 255 UTF-16 units on Windows (NTFS counts those), over 255 UTF-8 bytes elsewhere. Linux and macOS
 * refuse such a name with ENAMETOOLONG, but Windows answers ENOENT, as for a file not written yet.
 */
function overlongName(file, platform = process.platform) {
    const windows = platform === 'win32';
    const root = (windows ? (node_path__WEBPACK_IMPORTED_MODULE_0___default().win32) : (node_path__WEBPACK_IMPORTED_MODULE_0___default().posix)).parse(file).root;
    for (const name of file.slice(root.length).split(windows ? /[\\/]/ : '/')) {
        if ((windows ? name.length : utf8Length(name)) > MAX_FILE_NAME_BYTES)
            return name;
    }
    return undefined;
}
/** What `windowsPathProblem` accepts, for the `Accepted:` part of an input error. */
const WINDOWS_PATH_RULES = 'on Windows, names without < > : " | ? * or control characters, not ending in a dot or space, and no device name (CON, PRN, AUX, NUL, COM1-9, LPT1-9, also with an extension)';
/**
 * On Windows, refuses a typed path that Windows cannot create as it is (see windowsPathProblem);
 * elsewhere such names are valid. A control character is shown through JSON, so the message keeps its line.
 */
function refuseWindowsPath(input, value, accepted, platform = process.platform) {
    if (platform !== 'win32')
        return;
    const problem = windowsPathProblem(value);
    if (!problem)
        return;
    const shown = _inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .CONTROL_CHARS */ .UV.test(value) ? JSON.stringify(value) : value;
    throw (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .invalidInput */ .aY)(input, problem, shown, `${accepted}; ${WINDOWS_PATH_RULES}`);
}
/** The longest start of `text` within `maxBytes` UTF-8 bytes, never splitting a character. */
function cutToBytes(text, maxBytes) {
    if (utf8Length(text) <= maxBytes)
        return text;
    let out = '';
    let used = 0;
    for (const { segment } of segmenter.segment(text)) {
        const size = utf8Length(segment);
        if (used + size > maxBytes)
            break;
        out += segment;
        used += size;
    }
    return out;
}
/** `report.tar.gz` -> [`report`, `.tar.gz`]; a leading dot (`.env`) is not an extension. */
function splitExtension(name) {
    const compound = /\.tar\.[^.]+$/i.exec(name);
    const dot = compound && compound.index > 0 ? compound.index : name.lastIndexOf('.');
    if (dot <= 0)
        return [name, ''];
    const extension = name.slice(dot);
    if (utf8Length(extension) > MAX_EXTENSION_BYTES || /\s/.test(extension))
        return [name, ''];
    return [name.slice(0, dot), extension];
}
/** `stem + tail` within `maxBytes`, cutting the stem (the tail, e.g. ` (2).pdf`, is kept). */
function fit(stem, tail, maxBytes) {
    const room = maxBytes - utf8Length(tail);
    if (room <= 0)
        return cutToBytes(stem + tail, maxBytes);
    return cutToBytes(stem, room).replace(/[. ]+$/, '') + tail;
}
function clean(raw, maxBytes) {
    const text = raw.normalize('NFC').replace(INVISIBLE, '');
    // Both separators, whatever the platform: `C:\x`, `\\server\share\x` and `../x` all end in `x`.
    const segments = text.split(/[\\/]/).filter(s => s.trim() !== '');
    let name = (segments.pop() ?? '').replace(WINDOWS_INVALID, '_').trim();
    // Windows drops trailing dots and spaces, so `evil.` and `evil` would be one file there.
    name = name.replace(/[. ]+$/, '');
    if (name === '')
        return '';
    if (WINDOWS_DEVICE.test(name))
        name = `_${name}`;
    const [stem, extension] = splitExtension(name);
    return fit(stem, extension, maxBytes);
}
/**
 * Reduces an untrusted name to one safe file name: only its last path segment is kept (both `/`
 * and `\` separate), invisible and control characters are removed, characters Windows refuses
 * become `_`, trailing dots and spaces go, a Windows device name gets a `_` in front, and a long
 * name is cut to `maxBytes` of UTF-8 keeping its extension. When nothing usable is left (empty,
 * `.`, `..`), the result is `fallback` made safe the same way (or `file`).
 */
function safeFileName(raw, fallback, maxBytes = MAX_FILE_NAME_BYTES) {
    return clean(String(raw ?? ''), maxBytes) || clean(fallback, maxBytes) || 'file';
}
/** The key two names collide on: case-insensitive, as on Windows and macOS by default. */
function fileNameKey(name) {
    return name.normalize('NFC').toLowerCase();
}
/**
 * Returns `name`, or `name (1).ext`, `name (2).ext`, ... : the first whose key is not in `taken`,
 * within `maxBytes`; adds the chosen name's key to `taken`.
 */
function uniqueFileName(name, taken, maxBytes = MAX_FILE_NAME_BYTES) {
    let candidate = name;
    const [stem, extension] = splitExtension(name);
    for (let n = 1; taken.has(fileNameKey(candidate)); n++) {
        candidate = fit(stem, ` (${n})${extension}`, maxBytes);
    }
    taken.add(fileNameKey(candidate));
    return candidate;
}
/** `safeFileName` then `uniqueFileName`: the name a downloaded file gets inside its folder. */
function allocateFileName(raw, fallback, taken, maxBytes = MAX_FILE_NAME_BYTES) {
    return uniqueFileName(safeFileName(raw, fallback, maxBytes), taken, maxBytes);
}


/***/ }),

/***/ 43285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ checkWritableFolder),
/* harmony export */   P: () => (/* binding */ checkReadableFile)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
// Can this process write in a folder, or read a file? Asked before the first request, so a
// workflow's mistake stops the step before Maestro sees anything.
//
// On Windows `access` looks only at the read-only attribute and ignores ACLs: a folder the runner's
// account may not write in, or a file it may not read, passes it, and the step would fail only
// after its requests. There the check does what the step will do: create (and remove) a file in
// the folder, or open the file for reading. Elsewhere `access` answers for the permission bits.



const nodeFs = { accessSync: node_fs__WEBPACK_IMPORTED_MODULE_1__.accessSync, openSync: node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync, closeSync: node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync, rmSync: node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync };
/** Throws the file system's error unless this process can create files in `folder`. */
function checkWritableFolder(folder, platform = process.platform, fs = nodeFs) {
    if (platform !== 'win32')
        return fs.accessSync(folder, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.W_OK);
    // Unique, so two steps checking one folder at once never meet; 'wx' never opens another file.
    const probe = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(folder, `.maestro-write-check-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(8).toString('hex')}.tmp`);
    fs.closeSync(fs.openSync(probe, 'wx'));
    fs.rmSync(probe, { force: true });
}
/** Throws the file system's error unless this process can read `file`. */
function checkReadableFile(file, platform = process.platform, fs = nodeFs) {
    if (platform !== 'win32')
        return fs.accessSync(file, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.R_OK);
    fs.closeSync(fs.openSync(file, 'r'));
}


/***/ })

};
