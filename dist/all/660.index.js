export const id = 660;
export const ids = [660];
export const modules = {

/***/ 42660:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ACTION_NAME: () => (/* binding */ ACTION_NAME),
/* harmony export */   DEFAULT_ERROR_TYPE: () => (/* binding */ DEFAULT_ERROR_TYPE),
/* harmony export */   InputKinds: () => (/* binding */ InputKinds),
/* harmony export */   Inputs: () => (/* binding */ Inputs),
/* harmony export */   MAX_ATTACHMENTS: () => (/* binding */ MAX_ATTACHMENTS),
/* harmony export */   MAX_DETAILS_BYTES: () => (/* binding */ MAX_DETAILS_BYTES),
/* harmony export */   MAX_MESSAGE_LENGTH: () => (/* binding */ MAX_MESSAGE_LENGTH),
/* harmony export */   MAX_TAGS: () => (/* binding */ MAX_TAGS),
/* harmony export */   MAX_TAG_NAME_LENGTH: () => (/* binding */ MAX_TAG_NAME_LENGTH),
/* harmony export */   MAX_TAG_VALUE_LENGTH: () => (/* binding */ MAX_TAG_VALUE_LENGTH),
/* harmony export */   MAX_TYPE_LENGTH: () => (/* binding */ MAX_TYPE_LENGTH),
/* harmony export */   Outputs: () => (/* binding */ Outputs),
/* harmony export */   capText: () => (/* binding */ capText),
/* harmony export */   classifyDetails: () => (/* binding */ classifyDetails),
/* harmony export */   defaultErrorMessage: () => (/* binding */ defaultErrorMessage),
/* harmony export */   defaultTags: () => (/* binding */ defaultTags),
/* harmony export */   findAttachments: () => (/* binding */ findAttachments),
/* harmony export */   parseErrorMessage: () => (/* binding */ parseErrorMessage),
/* harmony export */   parseErrorType: () => (/* binding */ parseErrorType),
/* harmony export */   parseTags: () => (/* binding */ parseTags),
/* harmony export */   readTail: () => (/* binding */ readTail),
/* harmony export */   resolveOptionalFile: () => (/* binding */ resolveOptionalFile),
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _maestro_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(33268);
/* harmony import */ var _shared_connection_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(625);
/* harmony import */ var _shared_fail_on_error_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(97588);
/* harmony import */ var _shared_file_names_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(10714);
/* harmony import */ var _shared_files_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(58110);
/* harmony import */ var _shared_github_context_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(35088);
/* harmony import */ var _shared_inputs_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(86612);
/* harmony import */ var _shared_permissions_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(43285);
/* harmony import */ var _shared_run_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(72724);
/* harmony import */ var _shared_summary_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(73265);
// Registers an error entry for a failed pipeline, meant for `if: failure()` steps: one error
// record (never created twice: the client retries a create only when it was never sent), then its
// screenshot and one upload per attachment, streamed from disk. An upload that fails after the
// record exists does not undo it: the step says which id exists and which files are missing.
// With `fail-on-error: false` every Maestro failure is a warning; bad inputs still fail the step.













const ACTION_NAME = 'Report error';
const Inputs = {
    ..._shared_connection_js__WEBPACK_IMPORTED_MODULE_4__/* .ConnectionInputs */ .K0,
    taskId: 'task-id',
    type: 'type',
    message: 'message',
    details: 'details',
    tags: 'tags',
    screenshot: 'screenshot',
    attachments: 'attachments',
    failOnError: 'fail-on-error'
};
const Outputs = { errorId: 'error-id' };
const DEFAULT_ERROR_TYPE = 'GitHubActionsJobFailed';
const MAX_TYPE_LENGTH = 200;
const MAX_MESSAGE_LENGTH = 32_768;
/** The stack trace travels inside a JSON body: larger details keep their end (where errors are). */
const MAX_DETAILS_BYTES = 64 * 1024;
/** A value longer than this, or with a line break, is text, never a path. */
const MAX_PATH_LENGTH = 4096;
const MAX_TAGS = 50;
const MAX_TAG_NAME_LENGTH = 128;
const MAX_TAG_VALUE_LENGTH = 1024;
/** A pattern as broad as `**` should fail before anything is created, not upload a workspace. */
const MAX_ATTACHMENTS = 20;
// A missing screenshot or an attachment pattern that matches nothing is only a warning (the job
// may have died before writing them): the bad values are unusable paths, not absent files.
const InputKinds = {
    ..._shared_connection_js__WEBPACK_IMPORTED_MODULE_4__/* .ConnectionInputKinds */ .On,
    [Inputs.taskId]: { kind: 'integer', min: 1, max: Number.MAX_SAFE_INTEGER, required: true },
    [Inputs.type]: {
        kind: 'text',
        invalid: ['Timeout\nError', 'x'.repeat(MAX_TYPE_LENGTH + 1)]
    },
    [Inputs.message]: { kind: 'text', invalid: ['x'.repeat(MAX_MESSAGE_LENGTH + 1)] },
    // '.' is the workspace: a folder, neither text nor a file.
    [Inputs.details]: { kind: 'text', invalid: ['.'] },
    [Inputs.tags]: {
        kind: 'mapping',
        invalid: ['{"stage": [1, 2]}', '{"": "x"}', '{"a\u0007b": "x"}']
    },
    [Inputs.screenshot]: {
        kind: 'text',
        invalid: ['shot\u0007.png', '.', `${'x'.repeat(300)}.png`]
    },
    [Inputs.attachments]: {
        kind: 'lines',
        invalid: ['logs/\u0007.log', `${'x'.repeat(5000)}.log`]
    },
    [Inputs.failOnError]: { kind: 'boolean' }
};
/** Tags from the workflow run; nothing secret (no token, no event payload). Empty ones left out. */
function defaultTags(ctx) {
    const tags = {
        repository: ctx.repository,
        workflow: ctx.workflow,
        job: ctx.job,
        run_id: ctx.runId,
        run_url: ctx.runUrl ?? '',
        sha: ctx.sha,
        ref: ctx.ref,
        actor: ctx.actor,
        runner_os: ctx.runnerOs,
        node_version: process.version
    };
    return Object.fromEntries(Object.entries(tags).filter(([, v]) => v !== ''));
}
/** `Job 'test' failed in workflow 'CI' run #42 (acme/bots).`, or a plain fallback. */
function defaultErrorMessage(ctx) {
    if (!ctx.workflow)
        return 'Reported from GitHub Actions.';
    const job = ctx.job ? `Job '${ctx.job}' failed` : 'A job failed';
    const run = ctx.runNumber ? ` run #${ctx.runNumber}` : '';
    const where = ctx.repository ? ` (${ctx.repository})` : '';
    return `${job} in workflow '${ctx.workflow}'${run}${where}.`;
}
function parseErrorType(input, raw) {
    const value = raw.trim();
    if (value === '')
        return DEFAULT_ERROR_TYPE;
    const accepted = `one line of at most ${MAX_TYPE_LENGTH} characters, e.g. ${DEFAULT_ERROR_TYPE} or TimeoutError`;
    if (_shared_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .CONTROL_CHARS */ .UV.test(value)) {
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)(input, 'Line breaks and control characters are not allowed', value, accepted);
    }
    if (value.length > MAX_TYPE_LENGTH)
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)(input, 'Too long', value, accepted);
    return value;
}
function parseErrorMessage(input, raw, fallback) {
    const value = raw.trim();
    if (value === '')
        return fallback;
    if (value.length > MAX_MESSAGE_LENGTH) {
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)(input, `Too long (${value.length} characters)`, value, `at most ${MAX_MESSAGE_LENGTH} characters; put a long text such as a log in 'details' (its end is kept) or in 'attachments'`);
    }
    return value;
}
/**
 * Tag values as Maestro stores them (string to string). Numbers and booleans become their text,
 * null an empty text; a list or a mapping is refused rather than flattened in some made-up way.
 */
function parseTags(input, mapping) {
    const accepted = `a mapping of names to text, numbers or booleans, at most ${MAX_TAGS} tags, names up to ${MAX_TAG_NAME_LENGTH} and values up to ${MAX_TAG_VALUE_LENGTH} characters, e.g. {"stage": "deploy", "attempt": 2}`;
    const entries = Object.entries(mapping);
    if (entries.length > MAX_TAGS) {
        throw new _shared_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .ActionInputError */ .VA(input, `Too many tags (${entries.length}). Accepted: ${accepted}`);
    }
    const tags = {};
    for (const [name, value] of entries) {
        if (name.trim() === '' || name.length > MAX_TAG_NAME_LENGTH || _shared_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .CONTROL_CHARS */ .UV.test(name)) {
            throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)(input, 'Not a usable tag name', name, accepted);
        }
        if (value !== null && typeof value === 'object') {
            throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)(input, `Tag '${name}' is a ${Array.isArray(value) ? 'list' : 'mapping'}`, JSON.stringify(value), accepted);
        }
        const text = value === null || value === undefined ? '' : String(value);
        if (text.length > MAX_TAG_VALUE_LENGTH) {
            throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)(input, `Tag '${name}' is too long`, text, accepted);
        }
        tags[name] = text;
    }
    return tags;
}
/** What is at `file`: stats, undefined when nothing is there, or the error code of a bad path. */
function statPath(file) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file, { throwIfNoEntry: false });
    }
    catch (e) {
        const code = e.code;
        // A path through a file ("a.txt/b") names nothing, like a missing one.
        return code === 'ENOTDIR' ? undefined : { code: code ?? String(e) };
    }
}
/** An unreadable file is the workflow's problem, found before anything is created. */
function requireReadable(input, file, shown, accepted) {
    try {
        (0,_shared_permissions_js__WEBPACK_IMPORTED_MODULE_9__/* .checkReadableFile */ .P)(file);
    }
    catch (e) {
        const code = e.code ?? String(e);
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)(input, `Cannot read ${file} (${code})`, shown, accepted);
    }
}
/** Looks like a file name rather than prose: one word with a slash or an extension. */
function looksLikePath(value) {
    return !/\s/.test(value) && (/[/\\]/.test(value) || /\.[A-Za-z0-9]{1,6}$/.test(value));
}
/**
 * `details` is a path when it is one line naming an existing file (absolute or relative to the
 * workspace); otherwise it is the text itself. A folder is a mistake. Returns what to read.
 */
function classifyDetails(input, raw, baseDir) {
    const value = raw.trim();
    if (value === '')
        return { kind: 'none' };
    if (value.length > MAX_PATH_LENGTH || _shared_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .CONTROL_CHARS */ .UV.test(value))
        return { kind: 'text', text: value, looksLikePath: false };
    const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(baseDir, value);
    const found = statPath(file);
    // Not a usable path (e.g. a name too long for the file system): it is text.
    const info = found && 'code' in found ? undefined : found;
    if (info?.isDirectory()) {
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)(input, `This names a folder (${file}), not a file`, value, 'the error details as text, or a path to one file whose content is sent (its last 64 KiB when larger)');
    }
    if (info?.isFile()) {
        requireReadable(input, file, value, 'a readable file, or the details as text');
        return { kind: 'file', file };
    }
    return { kind: 'text', text: value, looksLikePath: looksLikePath(value) };
}
/** The last `limit` bytes of a file, read without loading the rest; starts on a whole character. */
async function readTail(file, limit) {
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(file, 'r');
    try {
        const { size } = await handle.stat();
        const length = Math.min(size, limit);
        const buffer = Buffer.alloc(length);
        let read = 0;
        while (read < length) {
            const { bytesRead } = await handle.read(buffer, read, length - read, size - length + read);
            if (bytesRead === 0)
                break;
            read += bytesRead;
        }
        let start = 0;
        // Skip UTF-8 continuation bytes cut off from their first byte.
        if (size > length)
            while (start < read && (buffer[start] & 0xc0) === 0x80)
                start++;
        const text = buffer.subarray(start, read).toString('utf8');
        // The whole file: its byte order mark (if a Windows tool wrote one) is not text.
        return {
            text: size > length ? text : (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .withoutByteOrderMark */ .Yi)(text),
            size,
            truncated: size > length
        };
    }
    finally {
        await handle.close();
    }
}
/** Text details longer than the cap keep their end, with a note of what was left out. */
function capText(text, limit = MAX_DETAILS_BYTES) {
    if (Buffer.byteLength(text) <= limit)
        return { text, truncated: false };
    const kept = Buffer.from(text).subarray(-limit);
    let start = 0;
    while (start < kept.length && (kept[start] & 0xc0) === 0x80)
        start++;
    return { text: kept.subarray(start).toString('utf8'), truncated: true };
}
const PATH_ACCEPTED = 'a path to a file, absolute or relative to the workspace';
/**
 * A path that may not exist yet: in an `if: failure()` step the job often failed before writing
 * its screenshot, and that must not stop the error from being reported (a warning says so).
 */
function resolveOptionalFile(input, raw, baseDir, platform = process.platform, stat = statPath) {
    const value = raw.trim();
    if (value === '')
        return undefined;
    (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .refuseControlChars */ .d5)(input, value, PATH_ACCEPTED, 'Control characters are not allowed in a path');
    if (value.length > MAX_PATH_LENGTH)
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)(input, 'Too long for a path', value, PATH_ACCEPTED);
    const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(baseDir, value);
    // Checked here, not left to stat: Windows reports such a name as missing, which only warns.
    const overlong = (0,_shared_file_names_js__WEBPACK_IMPORTED_MODULE_6__/* .overlongName */ .Mq)(file, platform);
    if (overlong !== undefined) {
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)(input, `Not a usable path (the name '${overlong.slice(0, 40)}...' is longer than file systems allow)`, value, PATH_ACCEPTED);
    }
    const info = stat(file);
    if (info && 'code' in info) {
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)(input, `Not a usable path (${info.code})`, value, PATH_ACCEPTED);
    }
    if (!info)
        return { kind: 'missing', shown: value, file };
    if (!info.isFile())
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)(input, `Not a regular file: ${file}`, value, PATH_ACCEPTED);
    requireReadable(input, file, value, PATH_ACCEPTED);
    return { kind: 'file', shown: value, file, size: info.size };
}
/**
 * Resolves attachment patterns one by one (each with every `!` exclusion), so a pattern that
 * matches nothing can be named. Files matched twice are attached once.
 */
async function findAttachments(input, patterns, baseDir) {
    const accepted = `files or glob patterns, one per line (e.g. logs/**/*.log), at most ${MAX_ATTACHMENTS} files in all`;
    for (const p of patterns) {
        (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .refuseControlChars */ .d5)(input, p, accepted, 'Control characters are not allowed in a path');
        if (p.length > MAX_PATH_LENGTH)
            throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)(input, 'Too long for a path', p, accepted);
    }
    const excludes = patterns.filter(p => p.startsWith('!'));
    const found = new Set();
    const unmatched = [];
    for (const pattern of patterns.filter(p => !p.startsWith('!'))) {
        let files;
        try {
            files = (await (0,_shared_files_js__WEBPACK_IMPORTED_MODULE_7__/* .findFiles */ .lY)([pattern, ...excludes], baseDir)).files;
        }
        catch (e) {
            throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)(input, `Cannot search this pattern (${e instanceof Error ? e.message : String(e)})`, pattern, accepted);
        }
        if (files.length === 0)
            unmatched.push(pattern);
        for (const f of files)
            found.add(f);
    }
    if (found.size > MAX_ATTACHMENTS) {
        throw new _shared_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .ActionInputError */ .VA(input, `The patterns match ${found.size} files, more than ${MAX_ATTACHMENTS}, got ${patterns.map(_shared_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .quoteValue */ .cl).join(', ')}. Accepted: ${accepted}; for many files, post one archive with the post-artifact action`);
    }
    for (const file of found)
        requireReadable(input, file, shownPath(file, baseDir), accepted);
    const files = [...found].map(file => ({
        file,
        shown: shownPath(file, baseDir),
        size: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file).size
    }));
    return { files, unmatched };
}
function shownPath(file, baseDir) {
    const relative = node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(baseDir, file);
    return relative && !relative.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_2___default().isAbsolute(relative) ? relative : file;
}
async function run(core, options = {}) {
    const env = options.env ?? process.env;
    const connection = (0,_shared_connection_js__WEBPACK_IMPORTED_MODULE_4__/* .readConnection */ .dC)(core, { env, action: 'report-error' });
    const baseDir = env.GITHUB_WORKSPACE || process.cwd();
    const inputs = (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .createInputReader */ .ic)(core, { baseDir });
    const taskId = inputs.integer(Inputs.taskId, { min: 1, max: Number.MAX_SAFE_INTEGER });
    const failOnError = inputs.boolean(Inputs.failOnError, true);
    const ctx = (0,_shared_github_context_js__WEBPACK_IMPORTED_MODULE_12__/* .readGithubContext */ .z)(env);
    const type = parseErrorType(Inputs.type, inputs.raw(Inputs.type));
    const message = parseErrorMessage(Inputs.message, inputs.raw(Inputs.message), defaultErrorMessage(ctx));
    const userTags = parseTags(Inputs.tags, inputs.mapping(Inputs.tags));
    const screenshot = resolveOptionalFile(Inputs.screenshot, inputs.raw(Inputs.screenshot), baseDir);
    const { files: attachments, unmatched } = await findAttachments(Inputs.attachments, inputs.list(Inputs.attachments), baseDir);
    const detailsSource = classifyDetails(Inputs.details, inputs.raw(Inputs.details), baseDir);
    let details = { kind: 'none' };
    if (detailsSource.kind === 'text') {
        if (detailsSource.looksLikePath) {
            core.warning(`'${Inputs.details}' looks like a path but there is no file at ${node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(baseDir, detailsSource.text)}: it is sent as text.`);
        }
        const capped = capText(detailsSource.text);
        details = { kind: 'text', originalLength: Buffer.byteLength(detailsSource.text), ...capped };
    }
    else if (detailsSource.kind === 'file') {
        const tail = await readTail(detailsSource.file, MAX_DETAILS_BYTES);
        details = { kind: 'file', file: detailsSource.file, ...tail };
        // The whole file still reaches Maestro, as an attachment (once: the patterns may have found
        // it spelled otherwise on a file system that ignores case).
        const attached = attachments.some(a => (0,_shared_files_js__WEBPACK_IMPORTED_MODULE_7__/* .samePath */ .Eb)(a.file, detailsSource.file));
        if (tail.truncated && !attached) {
            attachments.push({
                file: detailsSource.file,
                shown: shownPath(detailsSource.file, baseDir),
                size: tail.size
            });
        }
    }
    if (screenshot?.kind === 'missing') {
        core.warning(`No screenshot at ${screenshot.file} ('${Inputs.screenshot}'): the error is reported without one.`);
    }
    if (unmatched.length > 0) {
        core.warning(`No file matches ${unmatched.map(_shared_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .quoteValue */ .cl).join(', ')} ('${Inputs.attachments}', searched from ${baseDir}): not attached.`);
    }
    const stackTrace = stackTraceText(details, baseDir);
    const tags = { ...defaultTags(ctx), ...userTags };
    const client = new _maestro_index_js__WEBPACK_IMPORTED_MODULE_3__/* .MaestroClient */ .B2(connection);
    const failures = [];
    const attached = [];
    let errorId;
    let screenshotSent = false;
    try {
        try {
            errorId = (await client.createError({ taskId, type, message, stackTrace, tags })).id;
        }
        catch (thrown) {
            (0,_shared_fail_on_error_js__WEBPACK_IMPORTED_MODULE_5__/* .failOrWarn */ .U)(core, ACTION_NAME, failOnError, thrown);
            (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_11__/* .setOutputs */ .n0)(core, { [Outputs.errorId]: '' });
            await (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_11__/* .writeSummary */ .Sy)(core, {
                title: `Error not reported on task ${taskId}`,
                rows: [['Why', (0,_shared_run_js__WEBPACK_IMPORTED_MODULE_10__/* .describeFailure */ .Ic)(ACTION_NAME, thrown).message]]
            });
            return;
        }
        core.info(`Error ${errorId} (${type}) reported on task ${taskId}: ${message.split('\n')[0]}`);
        const reasonOf = (thrown) => (0,_shared_run_js__WEBPACK_IMPORTED_MODULE_10__/* .describeFailure */ .Ic)(ACTION_NAME, thrown).message;
        if (screenshot?.kind === 'file') {
            try {
                const sent = await client.uploadErrorScreenshot(errorId, screenshot.file);
                screenshotSent = true;
                core.info(`Screenshot ${screenshot.shown} sent (${(0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_11__/* .formatSize */ .Xq)(sent.size)}).`);
            }
            catch (thrown) {
                failures.push({
                    what: `screenshot ${(0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .quoteValue */ .cl)(screenshot.shown)}`,
                    reason: reasonOf(thrown)
                });
            }
        }
        // One at a time: each is a create (never retried once sent), so order and counts stay exact.
        for (const attachment of attachments) {
            try {
                const sent = await client.uploadErrorAttachment(errorId, attachment.file);
                attached.push(attachment);
                core.info(`Attached ${attachment.shown} (${(0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_11__/* .formatSize */ .Xq)(sent.size)}).`);
            }
            catch (thrown) {
                failures.push({
                    what: `attachment ${(0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .quoteValue */ .cl)(attachment.shown)}`,
                    reason: reasonOf(thrown)
                });
            }
        }
    }
    finally {
        await client.close();
    }
    (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_11__/* .setOutputs */ .n0)(core, { [Outputs.errorId]: errorId });
    await (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_11__/* .writeSummary */ .Sy)(core, {
        title: `Maestro error ${errorId} reported on task ${taskId}`,
        rows: [
            ['Error id', errorId],
            ['Type', type],
            ['Message', message],
            ['Details', describeDetails(details, baseDir)],
            [
                'Tags',
                Object.entries(tags)
                    .map(([k, v]) => `${k}=${v}`)
                    .join(', ')
            ],
            [
                'Screenshot',
                screenshot === undefined
                    ? ''
                    : `${screenshot.shown}: ${screenshotSent ? 'sent' : screenshot.kind === 'missing' ? 'not found' : 'NOT sent'}`
            ],
            ['Attachments', attached.map(a => `${a.shown} (${(0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_11__/* .formatSize */ .Xq)(a.size)})`).join(', ')],
            [
                'Not uploaded',
                [...failures.map(f => f.what), ...unmatched.map(p => `${(0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .quoteValue */ .cl)(p)} (no match)`)].join(', ')
            ]
        ]
    });
    if (failures.length > 0) {
        const list = failures.map(f => `${f.what}: ${f.reason}`).join('; ');
        const total = attachments.length + (screenshot?.kind === 'file' ? 1 : 0);
        (0,_shared_fail_on_error_js__WEBPACK_IMPORTED_MODULE_5__/* .failOrWarn */ .U)(core, ACTION_NAME, failOnError, new _shared_run_js__WEBPACK_IMPORTED_MODULE_10__/* .ActionFailure */ .dR(`Error ${errorId} was created on task ${taskId} (it exists: do not report it again), but ${failures.length} of ${(0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_11__/* .plural */ .LS)(total, 'file')} did not upload: ${list}`, { fromMaestro: true }));
    }
}
function stackTraceText(details, baseDir) {
    if (details.kind === 'none')
        return '';
    if (!details.truncated)
        return details.text;
    if (details.kind === 'file') {
        const shown = shownPath(details.file, baseDir);
        return `[… the first ${details.size - Buffer.byteLength(details.text)} bytes of ${shown} are left out here; the whole file is attached]\n${details.text}`;
    }
    return `[… the first ${details.originalLength - Buffer.byteLength(details.text)} bytes are left out]\n${details.text}`;
}
function describeDetails(details, baseDir) {
    if (details.kind === 'none')
        return '';
    if (details.kind === 'text') {
        return `text, ${(0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_11__/* .formatSize */ .Xq)(details.originalLength)}${details.truncated ? ` (last ${(0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_11__/* .formatSize */ .Xq)(MAX_DETAILS_BYTES)} sent)` : ''}`;
    }
    const shown = shownPath(details.file, baseDir);
    return details.truncated
        ? `${shown}, ${(0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_11__/* .formatSize */ .Xq)(details.size)} (last ${(0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_11__/* .formatSize */ .Xq)(MAX_DETAILS_BYTES)} as the stack trace, the whole file attached)`
        : `${shown}, ${(0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_11__/* .formatSize */ .Xq)(details.size)}`;
}


/***/ }),

/***/ 97588:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ failOrWarn)
/* harmony export */ });
/* unused harmony export FAIL_ON_ERROR_INPUT */
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(72724);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54476);


/** The input's name in every action that has it (each still lists it in its own `Inputs`). */
const FAIL_ON_ERROR_INPUT = 'fail-on-error';
/**
 * Rethrows `thrown` unless `failOnError` is false and Maestro caused it; then prints it as one
 * warning (same title and text as the error would have) and returns, so the step passes.
 */
function failOrWarn(core, actionName, failOnError, thrown) {
    const report = (0,_run_js__WEBPACK_IMPORTED_MODULE_0__/* .describeFailure */ .Ic)(actionName, thrown);
    if (failOnError || report.kind !== 'maestro')
        throw thrown;
    if (report.debug)
        core.debug((0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(report.debug));
    core.warning(`${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(report.message)} (not failing the step: '${FAIL_ON_ERROR_INPUT}' is false)`, { title: (0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(report.title) });
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


/***/ }),

/***/ 35088:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ readGithubContext)
/* harmony export */ });
// The workflow run's context, read from the GITHUB_*/RUNNER_* variables the runner sets.
// Deliberately not `@actions/github`: it pulls octokit and a second copy of undici into every
// bundle (hundreds of kB per action) for a handful of environment variables.
function readGithubContext(env = process.env) {
    const get = (name) => (env[name] ?? '').trim();
    const serverUrl = (get('GITHUB_SERVER_URL') || 'https://github.com').replace(/\/+$/, '');
    const repository = get('GITHUB_REPOSITORY');
    const runId = get('GITHUB_RUN_ID');
    return {
        serverUrl,
        repository,
        workflow: get('GITHUB_WORKFLOW'),
        job: get('GITHUB_JOB'),
        runId,
        runNumber: get('GITHUB_RUN_NUMBER'),
        runAttempt: get('GITHUB_RUN_ATTEMPT'),
        runUrl: repository && runId ? `${serverUrl}/${repository}/actions/runs/${runId}` : undefined,
        sha: get('GITHUB_SHA'),
        ref: get('GITHUB_REF'),
        actor: get('GITHUB_ACTOR'),
        eventName: get('GITHUB_EVENT_NAME'),
        runnerOs: get('RUNNER_OS'),
        isActions: get('GITHUB_ACTIONS') === 'true'
    };
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
