export const id = 846;
export const ids = [846];
export const modules = {

/***/ 54846:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ARCHIVE_MODES: () => (/* binding */ ARCHIVE_MODES),
/* harmony export */   DEFAULT_ARCHIVE_NAME: () => (/* binding */ DEFAULT_ARCHIVE_NAME),
/* harmony export */   InputKinds: () => (/* binding */ InputKinds),
/* harmony export */   Inputs: () => (/* binding */ Inputs),
/* harmony export */   NO_FILES_POLICIES: () => (/* binding */ NO_FILES_POLICIES),
/* harmony export */   Outputs: () => (/* binding */ Outputs),
/* harmony export */   PARALLEL_UPLOADS: () => (/* binding */ PARALLEL_UPLOADS),
/* harmony export */   SUMMARY_FILE_ROWS: () => (/* binding */ SUMMARY_FILE_ROWS),
/* harmony export */   parseDisplayName: () => (/* binding */ parseDisplayName),
/* harmony export */   planUploads: () => (/* binding */ planUploads),
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _maestro_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(33268);
/* harmony import */ var _shared_connection_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(625);
/* harmony import */ var _shared_files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(58110);
/* harmony import */ var _shared_inputs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(86612);
/* harmony import */ var _shared_summary_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(73265);
// Uploads files to a Maestro task as result files (artifacts). Everything is checked before the
// first request: the task id, the patterns and what they match, the name and the options. Files go
// from disk as streams; several files or a folder are zipped while being sent (the client sends a
// re-openable stream of unknown size chunked), so memory stays flat whatever the size.







const Inputs = {
    ..._shared_connection_js__WEBPACK_IMPORTED_MODULE_3__/* .ConnectionInputs */ .K0,
    taskId: 'task-id',
    path: 'path',
    name: 'name',
    archive: 'archive',
    ifNoFilesFound: 'if-no-files-found'
};
const Outputs = {
    artifactId: 'artifact-id',
    artifactIds: 'artifact-ids',
    size: 'size',
    sha256: 'sha256'
};
const ARCHIVE_MODES = ['auto', 'always', 'never'];
const NO_FILES_POLICIES = ['error', 'warn', 'ignore'];
const InputKinds = {
    ..._shared_connection_js__WEBPACK_IMPORTED_MODULE_3__/* .ConnectionInputKinds */ .On,
    [Inputs.taskId]: { kind: 'integer', min: 1, max: Number.MAX_SAFE_INTEGER, required: true },
    [Inputs.path]: { kind: 'globs', required: true },
    [Inputs.name]: { kind: 'file-name' },
    [Inputs.archive]: { kind: 'enum', values: ARCHIVE_MODES },
    [Inputs.ifNoFilesFound]: { kind: 'enum', values: NO_FILES_POLICIES }
};
/** Default display name of an archive that is neither one folder nor one file. */
const DEFAULT_ARCHIVE_NAME = 'result-files';
/** Several files (archive: never) are sent this many at a time. */
const PARALLEL_UPLOADS = 4;
/** At most this many files are listed one by one in the job summary. */
const SUMMARY_FILE_ROWS = 100;
const MAX_NAME_LENGTH = 255;
/**
 * A display name is one file name: it becomes the downloaded file's name in Maestro, so path
 * separators, control characters, `.`/`..` and over-long names are refused (not silently
 * rewritten: a slash usually means a path was put in `name` instead of `path`).
 */
function parseDisplayName(input, raw) {
    const value = raw.trim();
    if (value === '')
        return undefined;
    const accepted = `a file name without / or \\ or control characters, at most ${MAX_NAME_LENGTH} characters, e.g. build-report`;
    if (/[/\\]/.test(value))
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .invalidInput */ .aY)(input, 'A name, not a path', value, accepted);
    (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .refuseControlChars */ .d5)(input, value, accepted);
    if (/^\.+$/.test(value))
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .invalidInput */ .aY)(input, 'Not a file name', value, accepted);
    if (value.length > MAX_NAME_LENGTH)
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .invalidInput */ .aY)(input, 'Too long', value, accepted);
    return value;
}
/** Decides what to upload: pure, so every combination is unit-tested. */
function planUploads(o) {
    const { files, found } = o;
    const single = files.length === 1 && !found.namedFolder;
    if (o.archive === 'never' || (o.archive === 'auto' && single)) {
        if (files.length > 1 && o.name !== undefined) {
            throw new _shared_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionInputError */ .VA(Inputs.name, `With '${Inputs.archive}: ${o.archive}' the ${files.length} matched files become ${files.length} result files, each named after its file, so one name cannot apply, got ${(0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .quoteValue */ .cl)(o.name)}. Accepted: no '${Inputs.name}', or '${Inputs.archive}: auto' / 'always' to post them as one archive`);
        }
        return files.map(file => ({
            kind: 'file',
            name: o.name ?? node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(file.path),
            file
        }));
    }
    const name = o.name ?? defaultArchiveName(o);
    const fileName = /\.zip$/i.test(name) ? name : `${name}.zip`;
    return [{ kind: 'archive', name, fileName, files, root: found.rootDirectory }];
}
function defaultArchiveName(o) {
    const positive = o.patterns.filter(p => !p.startsWith('!'));
    if (o.found.namedFolder && positive.length === 1) {
        const folder = node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(o.cwd, positive[0]));
        if (folder !== '')
            return folder;
    }
    if (o.files.length === 1)
        return node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(o.files[0].path);
    return DEFAULT_ARCHIVE_NAME;
}
async function run(core, options = {}) {
    const env = options.env ?? process.env;
    const connection = (0,_shared_connection_js__WEBPACK_IMPORTED_MODULE_3__/* .readConnection */ .dC)(core, { env, action: 'post-artifact' });
    const inputs = (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .createInputReader */ .ic)(core);
    const taskId = inputs.integer(Inputs.taskId, { min: 1, max: Number.MAX_SAFE_INTEGER });
    const patterns = inputs.list(Inputs.path);
    if (patterns.length === 0) {
        throw new _shared_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionInputError */ .VA(Inputs.path, `Required input is empty. Accepted: files, folders or glob patterns, one per line, relative to the workspace (e.g. 'dist/' or 'reports/**/*.pdf')`);
    }
    const name = parseDisplayName(Inputs.name, inputs.raw(Inputs.name));
    const archive = inputs.enum(Inputs.archive, { values: ARCHIVE_MODES, default: 'auto' });
    const ifNoFilesFound = inputs.enum(Inputs.ifNoFilesFound, {
        values: NO_FILES_POLICIES,
        default: 'error'
    });
    const cwd = env.GITHUB_WORKSPACE || process.cwd();
    let found;
    try {
        found = await (0,_shared_files_js__WEBPACK_IMPORTED_MODULE_4__/* .findFiles */ .lY)(patterns, cwd);
    }
    catch (e) {
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .invalidInput */ .aY)(Inputs.path, `Cannot search these patterns (${e instanceof Error ? e.message : String(e)})`, patterns.join('\n'), 'files, folders or glob patterns (@actions/glob syntax), one per line');
    }
    if (found.files.length === 0) {
        const what = `No files match ${patterns.map(_shared_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .quoteValue */ .cl).join(', ')} (searched from ${cwd})`;
        if (ifNoFilesFound === 'error') {
            throw new _shared_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionInputError */ .VA(Inputs.path, `${what}. Accepted: paths or patterns that match at least one file; set '${Inputs.ifNoFilesFound}' to warn or ignore when nothing to post is fine`);
        }
        const message = `${what}; no result file posted.`;
        if (ifNoFilesFound === 'warn')
            core.warning(message);
        else
            core.info(message);
        (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_6__/* .setOutputs */ .n0)(core, {
            [Outputs.artifactId]: '',
            [Outputs.artifactIds]: [],
            [Outputs.size]: '',
            [Outputs.sha256]: ''
        });
        return;
    }
    const files = await Promise.all(found.files.map(async (file) => ({
        path: file,
        entryName: (0,_shared_files_js__WEBPACK_IMPORTED_MODULE_4__/* .archiveEntryName */ .wd)(file, found.rootDirectory),
        size: (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(file)).size
    })));
    const plans = planUploads({ found, files, patterns, cwd, name, archive });
    const client = new _maestro_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MaestroClient */ .B2(connection);
    const posted = [];
    try {
        await forEachLimited(plans, PARALLEL_UPLOADS, async (plan) => {
            const result = await upload(client, taskId, plan);
            posted.push({ plan, result });
            core.info(`Posted '${plan.name}' (${result.artifact.fileName || fileNameOf(plan)}) to task ${taskId} as result file ${result.artifact.id}: ${(0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_6__/* .formatSize */ .Xq)(result.size)}, sha256 ${result.sha256}`);
        });
    }
    finally {
        await client.close();
    }
    posted.sort((a, b) => plans.indexOf(a.plan) - plans.indexOf(b.plan));
    const first = posted[0].result;
    (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_6__/* .setOutputs */ .n0)(core, {
        [Outputs.artifactId]: first.artifact.id,
        [Outputs.artifactIds]: posted.map(p => p.result.artifact.id),
        [Outputs.size]: first.size,
        [Outputs.sha256]: first.sha256
    });
    await (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_6__/* .writeSummary */ .Sy)(core, {
        title: posted.length === 1
            ? `Result file posted to Maestro task ${taskId}`
            : `${posted.length} result files posted to Maestro task ${taskId}`,
        rows: summaryRows(posted)
    });
}
function fileNameOf(plan) {
    return plan.kind === 'file' ? node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(plan.file.path) : plan.fileName;
}
function upload(client, taskId, plan) {
    if (plan.kind === 'file') {
        return client.uploadArtifact({
            taskId,
            name: plan.name,
            filePath: plan.file.path,
            fileName: node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(plan.file.path)
        });
    }
    const total = plan.files.reduce((n, f) => n + f.size, 0);
    return client.uploadArtifact({
        taskId,
        name: plan.name,
        fileName: plan.fileName,
        // A fresh zip for each attempt: a retried send streams the same bytes again.
        open: () => (0,_shared_files_js__WEBPACK_IMPORTED_MODULE_4__/* .zipStream */ .yk)(plan.files.map(f => f.path), plan.root),
        // Deflate rarely grows data; headers add ~100 bytes per entry.
        sizeHint: total + plan.files.length * 256
    });
}
function summaryRows(posted) {
    const rows = [];
    for (const { plan, result } of posted) {
        const id = result.artifact.id;
        if (plan.kind === 'file') {
            rows.push([
                `${plan.name} (result file ${id})`,
                `${(0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_6__/* .formatSize */ .Xq)(result.size)}, sha256 ${result.sha256}`
            ]);
            continue;
        }
        rows.push([
            `${plan.name} (result file ${id})`,
            `${plan.fileName}: ${(0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_6__/* .formatSize */ .Xq)(result.size)}, sha256 ${result.sha256}`
        ]);
        const listed = plan.files.slice(0, SUMMARY_FILE_ROWS);
        for (const f of listed)
            rows.push([`  ${f.entryName}`, (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_6__/* .formatSize */ .Xq)(f.size)]);
        const rest = plan.files.length - listed.length;
        if (rest > 0)
            rows.push(['  …', (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_6__/* .plural */ .LS)(rest, 'more file')]);
        const total = plan.files.reduce((n, f) => n + f.size, 0);
        rows.push([`  ${plan.files.length} files in total`, (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_6__/* .formatSize */ .Xq)(total)]);
    }
    return rows;
}
/**
 * Runs `fn` over `items`, at most `limit` at a time. After the first failure no new item starts;
 * the ones running finish, then that first failure is thrown.
 */
async function forEachLimited(items, limit, fn) {
    let next = 0;
    let failure;
    const worker = async () => {
        while (failure === undefined && next < items.length) {
            const item = items[next++];
            try {
                await fn(item);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    if (failure)
        throw failure.error;
}


/***/ }),

/***/ 58110:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eb: () => (/* binding */ samePath),
/* harmony export */   lY: () => (/* binding */ findFiles),
/* harmony export */   wd: () => (/* binding */ archiveEntryName),
/* harmony export */   yk: () => (/* binding */ zipStream)
/* harmony export */ });
/* unused harmony exports diskSpelling, commonRoot, needsHead, zipEntryMode */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
// Finding the files a user named (paths, folders, globs) and zipping them on the fly.


/**
 * Resolves patterns, one per line (`!pattern` excludes, `#` starts a comment), relative to `cwd`.
 * Folders match their whole content. Hidden files are included: a build output is what it is.
 */
async function findFiles(patterns, cwd, platform = process.platform) {
    const absolute = patterns.map(p => {
        const negated = p.startsWith('!');
        const body = negated ? p.slice(1) : p;
        const resolved = node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(body) ? body : node_path__WEBPACK_IMPORTED_MODULE_1___default().join(cwd, body);
        return negated ? `!${resolved}` : resolved;
    });
    // Loaded when used: @actions/glob pulls in @actions/core and all of undici (start-up cost).
    const { create: createGlobber } = await Promise.all(/* import() */[__webpack_require__.e(659), __webpack_require__.e(581), __webpack_require__.e(860)]).then(__webpack_require__.bind(__webpack_require__, 23860));
    const globber = await createGlobber(absolute.join('\n'), {
        followSymbolicLinks: true,
        implicitDescendants: true,
        matchDirectories: true,
        omitBrokenSymbolicLinks: true
    });
    const found = new Set();
    for await (const match of globber.globGenerator()) {
        if ((await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(match)).isFile())
            found.add(match);
    }
    const matched = [...found].sort();
    const searchPaths = globber.getSearchPaths();
    let namedFolder = false;
    for (const p of absolute) {
        if (p.startsWith('!') || /[*?[\]{}]/.test(p))
            continue;
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(p).catch(() => undefined);
        if (info?.isDirectory())
            namedFolder = true;
    }
    const rootDirectory = commonRoot(searchPaths, matched);
    if (!CASE_INSENSITIVE.has(platform))
        return { files: matched, rootDirectory, namedFolder };
    const list = cachedListing();
    const spelled = await Promise.all(matched.map(f => diskSpelling(f, rootDirectory, list)));
    // Two patterns spelling one file differently name it once.
    return { files: [...new Set(spelled)].sort(), rootDirectory, namedFolder };
}
/** Platforms whose file systems find a file whatever the case of its name (macOS by default). */
const CASE_INSENSITIVE = new Set(['win32', 'darwin']);
/**
 * Whether two absolute, normalised paths name the same file: `C:\\Logs\\a.log` and
 * `c:\\logs\\A.LOG` do where the file system ignores case.
 */
function samePath(a, b, platform = process.platform) {
    return CASE_INSENSITIVE.has(platform) ? a.toLowerCase() === b.toLowerCase() : a === b;
}
/** Lists a folder's entry names once per search; an unreadable folder lists nothing. */
function cachedListing() {
    const listings = new Map();
    return dir => {
        let names = listings.get(dir);
        if (!names) {
            names = (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir).catch(() => []);
            listings.set(dir, names);
        }
        return names;
    };
}
/**
 * `file` with the part below `root` spelled as the file system spells it. Windows finds
 * `OUT\Logs\a.log` for the folder `out\logs`, and @actions/glob answers with the pattern's
 * spelling, so archive entry names and file names would follow whatever case the workflow typed
 * and unpack on Linux under names the bot does not use. A segment with no match is kept as is.
 */
async function diskSpelling(file, root, list, p = (node_path__WEBPACK_IMPORTED_MODULE_1___default())) {
    const below = p.relative(root, file);
    if (below === '' || below.startsWith('..') || p.isAbsolute(below))
        return file;
    let current = root;
    for (const segment of below.split(p.sep)) {
        const names = await list(current);
        const lower = segment.toLowerCase();
        const spelled = names.includes(segment)
            ? segment
            : (names.find(n => n.toLowerCase() === lower) ?? segment);
        current = p.join(current, spelled);
    }
    return current;
}
/**
 * The folder the archive's entry names are relative to: the deepest folder the search paths share.
 * `p` is the platform's path module (a parameter so both platforms are tested anywhere).
 */
function commonRoot(searchPaths, files, p = (node_path__WEBPACK_IMPORTED_MODULE_1___default())) {
    if (files.length === 1 && searchPaths.length === 1 && searchPaths[0] === files[0]) {
        return p.dirname(files[0]);
    }
    // Windows paths compare without case: C:\Work and c:\work are one folder.
    const windows = p.sep === '\\';
    const same = (a, b) => (windows ? a.toLowerCase() === b.toLowerCase() : a === b);
    const parts = searchPaths.map(x => x.split(p.sep));
    const common = [];
    for (let i = 0; parts.every(x => i < x.length && same(x[i], parts[0][i])); i++) {
        common.push(parts[0][i]);
    }
    let root = common.join(p.sep);
    // Nothing, or only a drive, in common: the filesystem root. A bare 'C:' would mean that drive's
    // current folder to Windows, and entry names would come out as '../..'.
    if (root === '' || (windows && /^[A-Za-z]:$/.test(root)))
        root = p.parse(searchPaths[0]).root;
    // A search path that is itself a file (e.g. two files named side by side) is not a folder.
    return files.some(f => same(f, root)) ? p.dirname(root) : root;
}
/**
 * Name of a file inside an archive: relative to the root, always with forward slashes (the zip
 * format's separator), whatever the platform. `p` is the platform's path module.
 */
function archiveEntryName(file, rootDirectory, p = (node_path__WEBPACK_IMPORTED_MODULE_1___default())) {
    return p.relative(rootDirectory, file).split(p.sep).join('/');
}
/** A regular file's type bits, which a zip entry's Unix mode carries with its permissions. */
const REGULAR_FILE = 0o100000;
/**
 * Whether `zipEntryMode` needs a file's first bytes: only for a name without an extension (after
 * its last `/`), which may be a script with an interpreter line.
 */
function needsHead(entryName) {
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.extname(entryName) === '';
}
/**
 * The Unix mode of a zip entry. Elsewhere it is the file's own mode. Windows has no execute bits
 * (stat reports 0o666, or 0o444 when read-only, for every file), so a zip built there would unpack
 * on a Linux bot runner with every file world-writable and no script runnable. There: 0o644, and
 * 0o755 for what the Runner or a bot starts directly on Linux: `*.sh`, and extensionless files
 * whose first two bytes are `#!` (gradlew, bin/ launchers). Other files with an interpreter line
 * (`main.py`) are run through their interpreter, so they stay 0o644. No folder entries are
 * written: unzip creates the folders itself (0o755 under the usual umask).
 */
function zipEntryMode(entryName, stats, head, platform = process.platform) {
    if (platform !== 'win32')
        return stats.mode;
    const script = /\.sh$/i.test(entryName);
    const shebang = needsHead(entryName) && head?.[0] === 0x23 && head[1] === 0x21;
    return REGULAR_FILE | (script || shebang ? 0o755 : 0o644);
}
/** The first two bytes of a file (fewer when it is shorter). */
async function readHead(file) {
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(file, 'r');
    try {
        const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
        return buffer.subarray(0, bytesRead);
    }
    finally {
        await handle.close();
    }
}
/**
 * A zip of `files` as a stream, built while it is read: nothing is held in memory or written to
 * disk. The size is unknown in advance (entries are deflated), so it is sent chunked.
 */
async function zipStream(files, rootDirectory, platform = process.platform) {
    const { default: yazl } = await __webpack_require__.e(/* import() */ 44).then(__webpack_require__.t.bind(__webpack_require__, 93044, 19));
    const zip = new yazl.ZipFile();
    for (const file of files) {
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(file);
        const name = archiveEntryName(file, rootDirectory);
        const head = platform === 'win32' && needsHead(name) ? await readHead(file) : undefined;
        zip.addFile(file, name, {
            mtime: info.mtime,
            mode: zipEntryMode(name, info, head, platform),
            compress: true
        });
    }
    zip.end();
    return zip.outputStream;
}


/***/ })

};
