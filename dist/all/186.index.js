export const id = 186;
export const ids = [186];
export const modules = {

/***/ 21186:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_REPOSITORY_LABEL: () => (/* binding */ DEFAULT_REPOSITORY_LABEL),
/* harmony export */   InputKinds: () => (/* binding */ InputKinds),
/* harmony export */   Inputs: () => (/* binding */ Inputs),
/* harmony export */   MAX_COMMAND_LENGTH: () => (/* binding */ MAX_COMMAND_LENGTH),
/* harmony export */   MAX_NAME_LENGTH: () => (/* binding */ MAX_NAME_LENGTH),
/* harmony export */   Outputs: () => (/* binding */ Outputs),
/* harmony export */   TECHNOLOGIES: () => (/* binding */ TECHNOLOGIES),
/* harmony export */   parseBotPackage: () => (/* binding */ parseBotPackage),
/* harmony export */   parseCommand: () => (/* binding */ parseCommand),
/* harmony export */   parseName: () => (/* binding */ parseName),
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   uploadFailureHint: () => (/* binding */ uploadFailureHint),
/* harmony export */   zipSizeBound: () => (/* binding */ zipSizeBound)
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
// deploy-bot: what BotCity's own deploy action does, without Python. Looks the bot up, deploys the
// version when Maestro does not have it (or replaces the package of a version it has), uploads the
// package exactly once, and releases it when asked. Every input, the package included, is checked
// before the first request; a folder is zipped while it is sent, so nothing grows with its size.







const Inputs = {
    ..._shared_connection_js__WEBPACK_IMPORTED_MODULE_3__/* .ConnectionInputs */ .K0,
    botId: 'bot-id',
    version: 'version',
    technology: 'technology',
    path: 'path',
    repositoryLabel: 'repository-label',
    botCommand: 'bot-command',
    release: 'release'
};
const Outputs = {
    botId: 'bot-id',
    version: 'version',
    deployed: 'deployed',
    released: 'released',
    size: 'size',
    sha256: 'sha256'
};
const TECHNOLOGIES = ['python', 'java', 'javascript', 'typescript', 'command'];
const DEFAULT_REPOSITORY_LABEL = 'DEFAULT';
/** Bot ids, versions and repository labels longer than this are refused (a pasted file, not a name). */
const MAX_NAME_LENGTH = 255;
const MAX_COMMAND_LENGTH = 4096;
/** Per file in a zip built on the fly: local header, data descriptor and central directory entry. */
const ZIP_ENTRY_OVERHEAD = 128;
// Names and paths are `text` with their own grammar (`invalid`): `path` is one package or folder,
// not patterns (the workspace itself, `.`, is a valid bot folder; folders above it are not). The
// bad-input test's workspace holds `bot.zip` and a plain `report.txt`.
const InputKinds = {
    ..._shared_connection_js__WEBPACK_IMPORTED_MODULE_3__/* .ConnectionInputKinds */ .On,
    [Inputs.botId]: {
        kind: 'text',
        required: true,
        example: 'invoice-bot',
        invalid: ['invoice/bot', 'a\\b', '..', 'bot\u0007', 'b'.repeat(MAX_NAME_LENGTH + 1)]
    },
    [Inputs.version]: {
        kind: 'text',
        required: true,
        example: '1.4.0',
        invalid: ['1.4/0', '.', '1.4\u001b', 'v'.repeat(MAX_NAME_LENGTH + 1)]
    },
    [Inputs.technology]: { kind: 'enum', values: TECHNOLOGIES, required: true },
    [Inputs.path]: {
        kind: 'text',
        required: true,
        example: 'bot.zip',
        invalid: ['no/such/bot.zip', 'report.txt', '..', '/', 'bot.zip\u0007']
    },
    [Inputs.repositoryLabel]: { kind: 'text', invalid: ['team/ops', '..'] },
    // Any command is refused for the example technology (python).
    [Inputs.botCommand]: { kind: 'text', invalid: ['./run.sh'] },
    [Inputs.release]: { kind: 'boolean' }
};
/**
 * A bot id, version or repository label: it becomes a URL path segment or a label, so slashes,
 * control characters and `.`/`..` are refused rather than encoded into something else.
 */
function parseName(input, raw, example) {
    const accepted = `a name without / or \\ or control characters, at most ${MAX_NAME_LENGTH} characters, e.g. ${example}`;
    const value = (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .parseOneLine */ .a1)(input, raw, {
        accepted,
        maxLength: MAX_NAME_LENGTH,
        controlProblem: 'Control characters are not allowed'
    });
    if (/[/\\]/.test(value))
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .invalidInput */ .aY)(input, 'Slashes are not allowed', value, accepted);
    if (/^\.+$/.test(value))
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .invalidInput */ .aY)(input, 'Not a name', value, accepted);
    return value;
}
/**
 * `bot-command` (not `command`: the root action uses that name to pick the action): required for
 * the command technology, refused for the others (a command there would
 * be silently dropped by Maestro, which usually means the technology is wrong).
 */
function parseCommand(input, raw, technology, technologyInput) {
    const value = raw.trim();
    if (technology !== 'command') {
        if (value === '')
            return null;
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .invalidInput */ .aY)(input, `Only used with '${technologyInput}: command' (this bot is ${technology})`, value, `no '${input}' for ${technology} bots, or '${technologyInput}: command' to run a command line`);
    }
    const accepted = `the command line the Runner starts, one line, at most ${MAX_COMMAND_LENGTH} characters, e.g. ./run.sh --prod`;
    if (value === '')
        throw new _shared_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionInputError */ .VA(input, `Required with '${technologyInput}: command', but empty. Accepted: ${accepted}`);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(value))
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .invalidInput */ .aY)(input, 'Line breaks and control characters are not allowed', JSON.stringify(value), accepted);
    if (value.length > MAX_COMMAND_LENGTH)
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .invalidInput */ .aY)(input, 'Too long', value, accepted);
    return value;
}
const PATH_ACCEPTED = 'a .zip, .tar.gz or .tgz file, or a folder (zipped while uploading), relative to the workspace';
function packageFormat(file) {
    if (/\.zip$/i.test(file))
        return 'zip';
    if (/\.(tar\.gz|tgz)$/i.test(file))
        return 'tar.gz';
    return undefined;
}
/** First bytes of each format: a renamed file is caught before anything is sent. */
async function startsLike(file, format) {
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(file, 'r');
    try {
        const head = Buffer.alloc(4);
        const { bytesRead } = await handle.read(head, 0, 4, 0);
        if (format === 'tar.gz')
            return bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b;
        // A local file header, or the end record of an empty zip.
        return (bytesRead === 4 &&
            head[0] === 0x50 &&
            head[1] === 0x4b &&
            ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6)));
    }
    finally {
        await handle.close();
    }
}
/**
 * Every regular file under `root`, sorted, hidden files included. Symbolic links to files are
 * followed; links to folders are not (no cycles, nothing from outside the folder by surprise).
 */
async function listFolder(root) {
    const found = [];
    const pending = [root];
    while (pending.length > 0) {
        const dir = pending.pop();
        for (const entry of await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir, { withFileTypes: true })) {
            const full = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, entry.name);
            if (entry.isDirectory()) {
                pending.push(full);
                continue;
            }
            const info = entry.isFile()
                ? await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(full)
                : entry.isSymbolicLink()
                    ? await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(full).catch(() => undefined)
                    : undefined;
            if (info?.isFile()) {
                found.push({ path: full, entryName: (0,_shared_files_js__WEBPACK_IMPORTED_MODULE_4__/* .archiveEntryName */ .wd)(full, root), size: info.size });
            }
        }
    }
    return found.sort((a, b) => (a.entryName < b.entryName ? -1 : a.entryName > b.entryName ? 1 : 0));
}
/**
 * An upper bound of the size of the zip of `files`, to size the upload deadline when the zip is
 * built while it is sent: deflate grows incompressible data by at most ~0.1 %, and each entry
 * adds headers and its name twice.
 */
function zipSizeBound(files) {
    let total = 22; // end of central directory record
    for (const f of files) {
        total += Math.ceil(f.size * 1.001) + ZIP_ENTRY_OVERHEAD + 2 * Buffer.byteLength(f.entryName);
    }
    return total;
}
/**
 * `path`: an existing .zip / .tar.gz / .tgz file whose first bytes match, or a folder with at
 * least one file. A folder that holds the workspace (`..`, `/`) is refused: that is not a bot.
 */
async function parseBotPackage(input, raw, workspace) {
    const value = raw.trim();
    if (value === '')
        throw new _shared_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionInputError */ .VA(input, `Required input is empty. Accepted: ${PATH_ACCEPTED}`);
    (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .refuseControlChars */ .d5)(input, value, PATH_ACCEPTED, 'Control characters are not allowed in a path');
    const full = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workspace, value);
    let info;
    try {
        info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(full);
    }
    catch (e) {
        const code = e.code;
        const why = code === 'ENOENT' ? 'No file or folder at' : `Cannot read (${code})`;
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .invalidInput */ .aY)(input, `${why} ${full}`, value, PATH_ACCEPTED);
    }
    if (info.isDirectory()) {
        const fromWorkspace = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(full, node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workspace));
        if (fromWorkspace !== '' && !fromWorkspace.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(fromWorkspace))
            throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .invalidInput */ .aY)(input, `The folder ${full} holds the whole workspace, not a bot`, value, PATH_ACCEPTED);
        const files = await listFolder(full);
        if (files.length === 0)
            throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .invalidInput */ .aY)(input, `The folder ${full} holds no files`, value, PATH_ACCEPTED);
        return {
            kind: 'folder',
            path: full,
            fileName: `${node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(full)}.zip`,
            files,
            sizeBound: zipSizeBound(files)
        };
    }
    if (!info.isFile())
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .invalidInput */ .aY)(input, `Not a regular file or folder: ${full}`, value, PATH_ACCEPTED);
    const format = packageFormat(full);
    if (!format)
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .invalidInput */ .aY)(input, `Not a .zip, .tar.gz or .tgz file: ${full}`, value, PATH_ACCEPTED);
    if (!(await startsLike(full, format)))
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .invalidInput */ .aY)(input, `The file ${full} is named .${format === 'zip' ? 'zip' : 'tar.gz/.tgz'} but is not a ${format === 'zip' ? 'zip archive' : 'gzip file'}`, value, PATH_ACCEPTED);
    return { kind: 'file', path: full, fileName: node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(full), format, size: info.size };
}
function uploadSource(pkg) {
    if (pkg.kind === 'file')
        return pkg.path;
    return {
        fileName: pkg.fileName,
        // A fresh zip for each attempt: a send refused before it reached the server re-zips from the start.
        open: () => (0,_shared_files_js__WEBPACK_IMPORTED_MODULE_4__/* .zipStream */ .yk)(pkg.files.map(f => f.path), pkg.path),
        sizeHint: pkg.sizeBound
    };
}
/**
 * What a failed upload leaves behind. An HTTP error status means Maestro refused the package; a
 * broken connection may have come after it was stored, so then the message cannot say which.
 */
function uploadFailureHint(error, botId, version, deployed) {
    const refused = error instanceof _maestro_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MaestroHttpError */ .sP;
    const bot = `bot '${botId}' version '${version}'`;
    if (deployed)
        return refused
            ? `This run deployed ${bot}, which has no package yet: run this step again to upload it (the version exists now, so the next run only uploads).`
            : `This run deployed ${bot}; whether its package was stored is unknown: run this step again to upload it (the version exists now, so the next run replaces its package, never adds a second one).`;
    return refused
        ? `Bot '${botId}' version '${version}' existed before this run and keeps the package it had.`
        : `Bot '${botId}' version '${version}' existed before this run; whether its package was replaced is unknown: run this step again to replace it.`;
}
async function run(core, options = {}) {
    const env = options.env ?? process.env;
    const connection = (0,_shared_connection_js__WEBPACK_IMPORTED_MODULE_3__/* .readConnection */ .dC)(core, { env, action: 'deploy-bot' });
    const inputs = (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .createInputReader */ .ic)(core);
    const botId = parseName(Inputs.botId, inputs.raw(Inputs.botId), 'invoice-bot');
    const version = parseName(Inputs.version, inputs.raw(Inputs.version), '1.4.0');
    const technology = inputs.enum(Inputs.technology, { values: TECHNOLOGIES });
    const repositoryLabel = inputs.raw(Inputs.repositoryLabel) === ''
        ? DEFAULT_REPOSITORY_LABEL
        : parseName(Inputs.repositoryLabel, inputs.raw(Inputs.repositoryLabel), 'DEFAULT');
    const command = parseCommand(Inputs.botCommand, inputs.raw(Inputs.botCommand), technology, Inputs.technology);
    const release = inputs.boolean(Inputs.release, false);
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const pkg = await parseBotPackage(Inputs.path, inputs.raw(Inputs.path), workspace);
    const apiTechnology = technology.toUpperCase();
    const client = new _maestro_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MaestroClient */ .B2(connection);
    let deployed = false;
    let released = false;
    let existing;
    let transfer;
    try {
        const versions = await client.getBotVersions(botId);
        existing = versions.find(v => String(v.version) === version);
        if (existing === undefined) {
            core.info(versions.length === 0
                ? `Bot '${botId}' is not in this workspace yet: deploying version '${version}' (${apiTechnology}).`
                : `Bot '${botId}' has no version '${version}' (it has ${versions.map(v => `'${String(v.version)}'`).join(', ')}): deploying it (${apiTechnology}).`);
            await client.deployBot({
                botId,
                version,
                technology: apiTechnology,
                command,
                repositoryLabel
            });
            deployed = true;
        }
        else {
            core.info(`Bot '${botId}' version '${version}' exists: replacing its package.`);
            const current = String(existing.technology ?? '');
            if (current !== '' && current.toUpperCase() !== apiTechnology) {
                core.warning(`Bot '${botId}' version '${version}' was deployed as ${current}, not ${apiTechnology}; only its package is replaced (deploy a new version to change the technology).`);
            }
        }
        try {
            // Never sent twice once Maestro may have received it: the contract does not say a second
            // upload of the same version is harmless.
            transfer = await client.uploadBot(botId, version, uploadSource(pkg), { exactlyOnce: true });
        }
        catch (e) {
            throw (0,_maestro_index_js__WEBPACK_IMPORTED_MODULE_2__/* .withHint */ .V8)(e, uploadFailureHint(e, botId, version, deployed));
        }
        core.info(`Uploaded ${pkg.fileName} to bot '${botId}' version '${version}': ${(0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_6__/* .formatSize */ .Xq)(transfer.size)}, sha256 ${transfer.sha256}`);
        if (release) {
            try {
                await client.releaseBot(botId, version);
            }
            catch (e) {
                // The upload stands: say so, and leave the outputs for a later `if: failure()` step.
                (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_6__/* .setOutputs */ .n0)(core, {
                    [Outputs.botId]: botId,
                    [Outputs.version]: version,
                    [Outputs.deployed]: deployed,
                    [Outputs.released]: false,
                    [Outputs.size]: transfer.size,
                    [Outputs.sha256]: transfer.sha256
                });
                throw (0,_maestro_index_js__WEBPACK_IMPORTED_MODULE_2__/* .withHint */ .V8)(e, `${deployed ? `This run deployed bot '${botId}' version '${version}' and uploaded` : `This run replaced the package of bot '${botId}' version '${version}' with`} ${pkg.fileName} (${transfer.size} bytes, sha256 ${transfer.sha256}), but did not release it: run this step again, or release the version in Maestro.`);
            }
            released = true;
            core.info(`Released bot '${botId}' version '${version}'.`);
        }
    }
    finally {
        await client.close();
    }
    (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_6__/* .setOutputs */ .n0)(core, {
        [Outputs.botId]: botId,
        [Outputs.version]: version,
        [Outputs.deployed]: deployed,
        [Outputs.released]: released,
        [Outputs.size]: transfer.size,
        [Outputs.sha256]: transfer.sha256
    });
    await (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_6__/* .writeSummary */ .Sy)(core, {
        title: deployed
            ? `Bot ${botId} version ${version} deployed to Maestro`
            : `Bot ${botId} version ${version} updated in Maestro`,
        rows: [
            ['Bot', botId],
            ['Version', version],
            ['Technology', deployed ? apiTechnology : String(existing?.technology ?? apiTechnology)],
            ['Command', deployed ? (command ?? undefined) : undefined],
            ['Repository', deployed ? repositoryLabel : undefined],
            [
                'Package',
                pkg.kind === 'file'
                    ? pkg.fileName
                    : `${pkg.fileName} (folder ${node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(pkg.path)} zipped while uploading, ${(0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_6__/* .plural */ .LS)(pkg.files.length, 'file')})`
            ],
            ['Size', (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_6__/* .formatSize */ .Xq)(transfer.size)],
            ['SHA-256', transfer.sha256],
            [
                'Deploy',
                deployed ? 'deployed (new version)' : 'updated (package of an existing version replaced)'
            ],
            ['Released', released ? 'yes' : 'no']
        ]
    });
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
