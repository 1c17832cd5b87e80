export const id = 773;
export const ids = [773];
export const modules = {

/***/ 77964:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qc: () => (/* binding */ parseValues),
/* harmony export */   f: () => (/* binding */ parseColumns)
/* harmony export */ });
/* unused harmony export DEFAULT_COLUMN_WIDTH */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _shared_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86612);
// The `values` and `columns` inputs of log-entry. Pure functions, unit-tested.


const DEFAULT_COLUMN_WIDTH = 300;
const VALUES_ACCEPTED = 'a JSON object or YAML mapping of column label to a text, number or boolean, e.g. {"version": "1.4.2", "result": "ok"}';
/**
 * `values`: column label -> value. Maestro stores every cell as text, so numbers and booleans are
 * sent as the text written in the workflow (`1.10` stays `1.10`, not `1.1`; `007` stays `007`),
 * null (`~`, `null` or nothing) as "". A nested mapping or list is an error.
 */
function parseValues(input, raw) {
    if (raw.trim() === '') {
        throw new _shared_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionInputError */ .VA(input, `Required input is empty. Accepted: ${VALUES_ACCEPTED}`);
    }
    const parsed = (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .parseMapping */ .KV)(input, raw);
    if (Object.keys(parsed).length === 0) {
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .invalidInput */ .aY)(input, 'The row has no values', raw, VALUES_ACCEPTED);
    }
    // The text as written, for scalars that YAML turned into numbers or booleans.
    const written = new Map();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(raw.trim());
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(doc.contents)) {
        for (const pair of doc.contents.items) {
            const key = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? String(pair.key.value) : undefined;
            const value = pair.value;
            if (key !== undefined && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(value) && typeof value.source === 'string') {
                written.set(key, value.source);
            }
        }
    }
    const row = {};
    for (const [label, value] of Object.entries(parsed)) {
        if (label.trim() === '')
            throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .invalidInput */ .aY)(input, 'A column label is empty', raw, VALUES_ACCEPTED);
        if (value === null || value === undefined)
            row[label] = '';
        else if (typeof value === 'string')
            row[label] = value;
        else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
            row[label] = written.get(label) ?? String(value);
        else if (value instanceof Date)
            row[label] = written.get(label) ?? value.toISOString();
        else {
            throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .invalidInput */ .aY)(input, `Column '${label}' holds ${Array.isArray(value) ? 'a list' : 'a mapping'}; a cell is a single value`, raw, `${VALUES_ACCEPTED} (quote structured data as text if you need it in a cell)`);
        }
    }
    return row;
}
const COLUMNS_ACCEPTED = 'a JSON or YAML list of columns, each {label, name?, width?} (name defaults to the label, width to ' +
    `${DEFAULT_COLUMN_WIDTH}) or just a label, e.g. [{"name": "Version", "label": "version"}, "result"]`;
/**
 * `columns`: a JSON or YAML list. Each item is a mapping {label, name, width} (label a non-empty
 * text; name a non-empty text, default the label; width a positive integer, default 300) or a bare
 * label. Unknown fields (a typo such as `widht`) and duplicate labels are errors. Empty -> undefined.
 */
function parseColumns(input, raw) {
    const text = raw.trim();
    if (text === '')
        return undefined;
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { uniqueKeys: true });
    const problem = doc.errors[0];
    if (problem) {
        const where = problem instanceof yaml__WEBPACK_IMPORTED_MODULE_0__/* .YAMLParseError */ .XT && problem.linePos
            ? ` at line ${problem.linePos[0].line}, column ${problem.linePos[0].col}`
            : '';
        const why = problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .invalidInput */ .aY)(input, `Not valid JSON or YAML${where} (${why})`, text, COLUMNS_ACCEPTED);
    }
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(doc.contents)) {
        const kind = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(doc.contents) ? 'a mapping' : 'a single value';
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .invalidInput */ .aY)(input, `Expected a list but this is ${kind}`, text, COLUMNS_ACCEPTED);
    }
    const items = doc.toJS({ maxAliasCount: 100 });
    if (items.length === 0)
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .invalidInput */ .aY)(input, 'The list is empty', text, COLUMNS_ACCEPTED);
    const columns = items.map((item, i) => parseColumn(input, item, i + 1, text));
    const seen = new Set();
    for (const c of columns) {
        if (seen.has(c.label)) {
            throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .invalidInput */ .aY)(input, `Two columns have the label '${c.label}'`, text, COLUMNS_ACCEPTED);
        }
        seen.add(c.label);
    }
    return columns;
}
const nonEmptyText = (v) => typeof v === 'string' && v.trim() !== '';
function parseColumn(input, item, n, text) {
    const bad = (problem) => (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .invalidInput */ .aY)(input, `Column ${n}: ${problem}`, text, COLUMNS_ACCEPTED);
    if (nonEmptyText(item))
        return { name: item, label: item, width: DEFAULT_COLUMN_WIDTH };
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        throw bad(`expected a mapping {label, name, width} or a label, got ${JSON.stringify(item)}`);
    }
    const fields = item;
    const unknown = Object.keys(fields).filter(k => !['name', 'label', 'width'].includes(k));
    if (unknown.length > 0)
        throw bad(`unknown field ${unknown.map(k => `'${k}'`).join(', ')}`);
    if (!nonEmptyText(fields.label))
        throw bad(`'label' must be a non-empty text`);
    if (fields.name !== undefined && !nonEmptyText(fields.name)) {
        throw bad(`'name' must be a non-empty text`);
    }
    const width = fields.width ?? DEFAULT_COLUMN_WIDTH;
    if (typeof width !== 'number' || !Number.isSafeInteger(width) || width <= 0) {
        throw bad(`'width' must be a positive integer, got ${JSON.stringify(width)}`);
    }
    const label = fields.label;
    return { name: nonEmptyText(fields.name) ? fields.name : label, label, width };
}


/***/ }),

/***/ 42773:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_DAYS: () => (/* binding */ DEFAULT_DAYS),
  FORMATS: () => (/* binding */ FORMATS),
  InputKinds: () => (/* binding */ InputKinds),
  Inputs: () => (/* binding */ Inputs),
  MAX_DAYS: () => (/* binding */ MAX_DAYS),
  MAX_LABEL_LENGTH: () => (/* binding */ MAX_LABEL_LENGTH),
  OPERATIONS: () => (/* binding */ OPERATIONS),
  Outputs: () => (/* binding */ Outputs),
  chooseFormat: () => (/* binding */ chooseFormat),
  parseLogLabel: () => (/* binding */ parseLogLabel),
  parseOutputPath: () => (/* binding */ parseOutputPath),
  readWindow: () => (/* binding */ readWindow),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/maestro/index.ts + 20 modules
var maestro = __webpack_require__(33268);
// EXTERNAL MODULE: ./src/actions/log-entry/parse.ts
var parse = __webpack_require__(77964);
// EXTERNAL MODULE: ./src/actions/shared/connection.ts
var shared_connection = __webpack_require__(625);
// EXTERNAL MODULE: ./src/actions/shared/file-names.ts
var file_names = __webpack_require__(10714);
// EXTERNAL MODULE: ./src/actions/shared/inputs.ts
var shared_inputs = __webpack_require__(86612);
// EXTERNAL MODULE: ./src/actions/shared/summary.ts
var summary = __webpack_require__(73265);
// EXTERNAL MODULE: ./node_modules/csv-stringify/lib/index.js + 7 modules
var lib = __webpack_require__(8315);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
;// CONCATENATED MODULE: ./src/actions/manage-log/export.ts
// Writing a log's entries to disk as CSV or JSON, a page at a time: memory holds one page, the
// file is written under a temporary name next to the destination and renamed into place at the
// end, so `path` never holds a partial file.








/** The header of the date column, after the log's own columns. */
const DATE_HEADER = 'Date';
/**
 * Headers: each column's name (what Maestro shows), then `Date`. A name used twice (names need
 * not be unique, labels are) becomes `Name (label)`, so every header is unique and a JSON object
 * keeps every cell.
 */
function exportHeaders(columns) {
    const wanted = [
        ...columns.map(c => ({ name: c.name || c.label, label: c.label })),
        { name: DATE_HEADER, label: 'dateCreation' }
    ];
    const count = new Map();
    for (const w of wanted)
        count.set(w.name, (count.get(w.name) ?? 0) + 1);
    return wanted.map(w => ((count.get(w.name) ?? 0) > 1 ? `${w.name} (${w.label})` : w.name));
}
/** A cell as text: Maestro stores text, but a server may answer numbers; null is empty. */
function cell(value) {
    if (value === null || value === undefined)
        return '';
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
function entryRow(columns, entry) {
    const values = (entry?.columns ?? {});
    return [...columns.map(c => cell(values[c.label])), cell(entry?.dateCreation)];
}
/**
 * Streams the pages to `target.path` and returns the number of rows written. On any failure the
 * temporary file is removed and `path` is left as it was.
 */
async function writeExport(pages, target) {
    const headers = exportHeaders(target.columns);
    let rows = 0;
    async function* records() {
        for await (const page of pages) {
            for (const entry of page) {
                rows++;
                yield entryRow(target.columns, entry);
            }
        }
    }
    async function* jsonText() {
        yield '[';
        let first = true;
        for await (const row of records()) {
            const object = Object.fromEntries(headers.map((h, i) => [h, row[i]]));
            yield `${first ? '' : ','}\n  ${JSON.stringify(object)}`;
            first = false;
        }
        yield first ? ']\n' : '\n]\n';
    }
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(target.path), { recursive: true });
    const temp = (0,external_node_path_.join)((0,external_node_path_.dirname)(target.path), `.${(0,external_node_path_.basename)(target.path)}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.part`);
    try {
        const file = (0,external_node_fs_.createWriteStream)(temp, { flags: 'wx' });
        if (target.format === 'csv') {
            // csv-stringify quotes what RFC 4180 needs; bare \n and \r are quoted too, which it does not
            // do by itself with a \r\n record delimiter.
            const csv = (0,lib/* stringify */.As)({
                header: true,
                columns: headers,
                record_delimiter: 'windows',
                quoted_match: /[\r\n]/
            });
            await (0,external_node_stream_promises_.pipeline)(external_node_stream_.Readable.from(records()), csv, file);
        }
        else {
            await (0,external_node_stream_promises_.pipeline)(external_node_stream_.Readable.from(jsonText()), file);
        }
        await (0,maestro/* renameIntoPlace */.Qf)(temp, target.path);
    }
    catch (e) {
        await (0,promises_.rm)(temp, { force: true });
        throw e;
    }
    return rows;
}

;// CONCATENATED MODULE: ./src/actions/manage-log/main.ts
// manage-log: creates, deletes or exports a Maestro execution log.
//
// Round trips after the login: create 1; delete 1; export 1 to read the log's columns, then one
// per page of entries (500 a page), written to disk as they arrive.









const Inputs = {
    ...shared_connection/* ConnectionInputs */.K0,
    log: 'log',
    operation: 'operation',
    columns: 'columns',
    confirm: 'confirm',
    path: 'path',
    format: 'format',
    days: 'days',
    sinceDate: 'since-date'
};
const Outputs = { path: 'path', rows: 'rows' };
const OPERATIONS = ['create', 'delete', 'export'];
const FORMATS = ['csv', 'json'];
const DEFAULT_DAYS = 30;
const MAX_DAYS = 3650;
const MAX_LABEL_LENGTH = 256;
const InputKinds = {
    ...shared_connection/* ConnectionInputKinds */.On,
    [Inputs.log]: {
        kind: 'text',
        required: true,
        example: 'releases',
        invalid: ['releases\nnightly', 'x'.repeat(MAX_LABEL_LENGTH + 1)]
    },
    [Inputs.operation]: { kind: 'enum', values: OPERATIONS, required: true },
    // With the matrix's base (operation create, the first value) the export and delete inputs are
    // refused as belonging to another operation; columns get their own checks.
    [Inputs.columns]: {
        kind: 'sequence',
        invalid: ['[{"label": "version", "width": -1}]', '["version", "version"]']
    },
    [Inputs.confirm]: { kind: 'text' },
    [Inputs.path]: { kind: 'text' },
    [Inputs.format]: { kind: 'enum', values: FORMATS },
    [Inputs.days]: { kind: 'integer', min: 1, max: MAX_DAYS },
    [Inputs.sinceDate]: { kind: 'date' }
};
/** Which inputs each operation reads; any other one given is a mistake worth stopping for. */
const OPERATION_INPUTS = {
    create: [Inputs.columns],
    delete: [Inputs.confirm],
    export: [Inputs.path, Inputs.format, Inputs.days, Inputs.sinceDate]
};
function parseLogLabel(input, raw) {
    return (0,shared_inputs/* parseOneLine */.a1)(input, raw, {
        accepted: `the log's label: one line of text, at most ${MAX_LABEL_LENGTH} characters`,
        maxLength: MAX_LABEL_LENGTH,
        controlProblem: 'The label holds a line break or control character',
        tooLongProblem: 'The label is too long'
    });
}
/**
 * Where to write the export: relative paths are taken from the workspace and must stay inside it
 * (an absolute path, e.g. under $RUNNER_TEMP, may go elsewhere); not a folder. Missing parent
 * folders are created when the file is written. On Windows a name Windows cannot create (or would
 * open as a device, like CON) is refused here, before any request.
 */
function parseOutputPath(input, raw, baseDir, platform = process.platform) {
    const accepted = 'a file path, relative to the workspace (and inside it) or absolute, e.g. exports/log.csv';
    const value = raw.trim();
    if (value === '')
        throw new shared_inputs/* ActionInputError */.VA(input, `Required input is empty. Accepted: ${accepted}`);
    if (value.includes('\0'))
        throw (0,shared_inputs/* invalidInput */.aY)(input, 'The path holds a NUL character', JSON.stringify(value), accepted);
    if (/[\\/]$/.test(value))
        throw (0,shared_inputs/* invalidInput */.aY)(input, 'The path names a folder, not a file', value, accepted);
    (0,file_names/* refuseWindowsPath */.de)(input, value, accepted, platform);
    const full = (0,external_node_path_.resolve)(baseDir, value);
    if (!(0,external_node_path_.isAbsolute)(value)) {
        const inside = (0,external_node_path_.relative)(baseDir, full);
        if (inside === '..' || inside.startsWith(`..${external_node_path_.sep}`) || (0,external_node_path_.isAbsolute)(inside)) {
            throw (0,shared_inputs/* invalidInput */.aY)(input, `The path leads outside the workspace (${full})`, value, `${accepted}; give an absolute path to write outside the workspace`);
        }
    }
    if ((0,external_node_fs_.existsSync)(full) && (0,external_node_fs_.statSync)(full).isDirectory()) {
        throw (0,shared_inputs/* invalidInput */.aY)(input, `${full} is a folder`, value, accepted);
    }
    // The nearest existing ancestor must be a folder, or the write would fail after the requests.
    let parent = (0,external_node_path_.dirname)(full);
    while (!(0,external_node_fs_.existsSync)(parent) && (0,external_node_path_.dirname)(parent) !== parent)
        parent = (0,external_node_path_.dirname)(parent);
    if (!(0,external_node_fs_.statSync)(parent).isDirectory()) {
        throw (0,shared_inputs/* invalidInput */.aY)(input, `${parent} is a file, not a folder`, value, accepted);
    }
    return full;
}
/** `format`, or from the file's extension: `.json` is JSON, anything else CSV. */
function chooseFormat(reader, path) {
    return (reader.optionalEnum(Inputs.format, { values: FORMATS }) ??
        ((0,external_node_path_.extname)(path).toLowerCase() === '.json' ? 'json' : 'csv'));
}
/** `days` or `since-date` (not both); neither: the last 30 days. */
function readWindow(reader, now = Date.now()) {
    const daysRaw = reader.raw(Inputs.days);
    const sinceRaw = reader.raw(Inputs.sinceDate);
    if (daysRaw !== '' && sinceRaw !== '') {
        throw new shared_inputs/* ActionInputError */.VA(Inputs.sinceDate, `'${Inputs.days}' and '${Inputs.sinceDate}' were both given ('${daysRaw}' and '${sinceRaw}'). Accepted: one of them, or neither for the last ${DEFAULT_DAYS} days`);
    }
    const since = reader.dateTime(Inputs.sinceDate);
    if (since !== undefined) {
        if (Date.parse(since) > now + 60_000) {
            throw (0,shared_inputs/* invalidInput */.aY)(Inputs.sinceDate, 'The date is in the future', sinceRaw, 'a date and time in the past, e.g. 2026-01-31 or 2026-01-31T18:00:00Z');
        }
        return { since };
    }
    return { days: reader.integer(Inputs.days, { min: 1, max: MAX_DAYS, default: DEFAULT_DAYS }) };
}
function readPlan(reader, operation, label) {
    for (const [other, inputs] of Object.entries(OPERATION_INPUTS)) {
        if (other === operation)
            continue;
        for (const input of inputs) {
            if (OPERATION_INPUTS[operation].includes(input) || reader.raw(input) === '')
                continue;
            throw new shared_inputs/* ActionInputError */.VA(input, `'${input}' is only used by operation ${other}, and this step's operation is ${operation}. Accepted: remove '${input}', or set '${Inputs.operation}: ${other}'`);
        }
    }
    if (operation === 'create') {
        const columns = (0,parse/* parseColumns */.f)(Inputs.columns, reader.raw(Inputs.columns));
        if (!columns) {
            throw new shared_inputs/* ActionInputError */.VA(Inputs.columns, 'Required input is empty (operation create needs the columns). Accepted: a JSON or YAML list of columns, each {label, name?, width?} or just a label, e.g. [{"name": "Version", "label": "version"}, "result"]');
        }
        return { operation, columns };
    }
    if (operation === 'delete') {
        const confirm = reader.raw(Inputs.confirm);
        if (confirm !== label) {
            const problem = confirm === ''
                ? 'Deleting a log needs a confirmation'
                : 'The confirmation does not match the log label';
            throw new shared_inputs/* ActionInputError */.VA(Inputs.confirm, `${problem}${confirm === '' ? '' : `, got '${confirm}'`}. Accepted: the log label again, '${label}' (a deleted log and its entries cannot be recovered)`);
        }
        return { operation };
    }
    const baseDir = process.env.GITHUB_WORKSPACE || process.cwd();
    const path = parseOutputPath(Inputs.path, reader.raw(Inputs.path), baseDir);
    return { operation, path, format: chooseFormat(reader, path), window: readWindow(reader) };
}
/** The client's error with a hint of ours, for the statuses where we know better what to say. */
function withHint(e, status, hint) {
    if (!(e instanceof maestro/* MaestroHttpError */.sP) || e.status !== status)
        return e;
    return new maestro/* MaestroHttpError */.sP({
        operation: e.operation,
        method: e.method,
        path: e.path,
        status: e.status,
        serverMessage: e.serverMessage,
        hint,
        attempts: e.attempts
    });
}
function describeWindow(window) {
    return window.since !== undefined
        ? `since ${window.since}`
        : `the last ${(0,summary/* plural */.LS)(window.days, 'day')}`;
}
async function run(core) {
    const connection = (0,shared_connection/* readConnection */.dC)(core, { action: 'manage-log' });
    const reader = (0,shared_inputs/* createInputReader */.ic)(core);
    const label = parseLogLabel(Inputs.log, reader.raw(Inputs.log));
    const operation = reader.enum(Inputs.operation, { values: OPERATIONS });
    const plan = readPlan(reader, operation, label);
    const client = new maestro/* MaestroClient */.B2(connection);
    try {
        if (plan.operation === 'create') {
            let log;
            try {
                log = await client.createLog({ activityLabel: label, columns: plan.columns });
            }
            catch (e) {
                throw withHint(e, 409, `execution log '${label}' already exists in this workspace; its columns cannot be changed: delete it first (operation delete), or pick another label.`);
            }
            (0,summary/* setOutputs */.n0)(core, { [Outputs.path]: '', [Outputs.rows]: '' });
            const columns = (log?.columns?.length ? log.columns : plan.columns).map(c => c.label);
            core.info(`Created execution log '${label}' with columns ${columns.join(', ')}.`);
            await (0,summary/* writeSummary */.Sy)(core, {
                title: `Execution log '${label}' created`,
                rows: [
                    ['Log', label],
                    [
                        'Columns',
                        plan.columns
                            .map(c => (c.name === c.label ? c.label : `${c.name} (${c.label})`))
                            .join(', ')
                    ]
                ]
            });
            return;
        }
        if (plan.operation === 'delete') {
            try {
                await client.deleteLog(label);
            }
            catch (e) {
                // A retried delete that finds nothing: the earlier try most likely went through and only its
                // answer was lost. Saying "nothing was deleted" then would be wrong.
                if (!(e instanceof maestro/* MaestroHttpError */.sP && e.status === 404 && e.attempts > 1)) {
                    throw withHint(e, 404, `execution log '${label}' does not exist in this workspace, so nothing was deleted: check the label (labels are case-sensitive).`);
                }
                core.warning(`Maestro answered 404 to try ${e.attempts} of deleting execution log '${label}': an earlier try whose answer was lost most likely deleted it (or the log did not exist).`);
            }
            (0,summary/* setOutputs */.n0)(core, { [Outputs.path]: '', [Outputs.rows]: '' });
            core.info(`Deleted execution log '${label}' and its entries.`);
            await (0,summary/* writeSummary */.Sy)(core, {
                title: `Execution log '${label}' deleted`,
                rows: [['Log', label]]
            });
            return;
        }
        const log = await client.getLog(label);
        const columns = Array.isArray(log?.columns) ? log.columns : [];
        const rows = await writeExport(client.logEntryPages(label, plan.window.since !== undefined ? { since: plan.window.since } : { days: plan.window.days }), { path: plan.path, format: plan.format, columns });
        (0,summary/* setOutputs */.n0)(core, { [Outputs.path]: plan.path, [Outputs.rows]: rows });
        core.info(`Exported ${rows} entr${rows === 1 ? 'y' : 'ies'} of execution log '${label}' (${describeWindow(plan.window)}) to ${plan.path} as ${plan.format.toUpperCase()}.`);
        await (0,summary/* writeSummary */.Sy)(core, {
            title: `Execution log '${label}' exported`,
            rows: [
                ['Log', label],
                ['Entries', describeWindow(plan.window)],
                ['Rows', rows],
                ['File', plan.path],
                ['Format', plan.format.toUpperCase()]
            ]
        });
    }
    finally {
        await client.close();
    }
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


/***/ })

};
