export const id = 674;
export const ids = [674];
export const modules = {

/***/ 34674:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   InputKinds: () => (/* binding */ InputKinds),
/* harmony export */   Inputs: () => (/* binding */ Inputs),
/* harmony export */   Outputs: () => (/* binding */ Outputs),
/* harmony export */   addEntry: () => (/* binding */ addEntry),
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _maestro_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33268);
/* harmony import */ var _shared_connection_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(625);
/* harmony import */ var _shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86612);
/* harmony import */ var _shared_summary_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(73265);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(77964);
// log-entry: adds one row to a Maestro execution log, creating the log first when it does not
// exist and `columns` says what it looks like.
//
// Round trips: the row is POSTed straight away (1 request after the login). Only when that fails
// are more made: 404 with `columns` -> create the log, post again (3); a 400 -> read the log once
// to list its real columns in the error.





const Inputs = {
    ..._shared_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectionInputs */ .K0,
    log: 'log',
    values: 'values',
    columns: 'columns'
};
const Outputs = { log: 'log', entry: 'entry' };
const InputKinds = {
    ..._shared_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .ConnectionInputKinds */ .On,
    [Inputs.log]: { kind: 'text', required: true, example: 'releases' },
    [Inputs.values]: {
        kind: 'mapping',
        required: true,
        example: '{"version": "1.0"}',
        invalid: ['{"version": [1, 2]}', '{"": "x"}']
    },
    [Inputs.columns]: {
        kind: 'sequence',
        invalid: [
            '[{"label": "version", "width": -1}]',
            '[{"name": "Version"}]',
            '["version", "version"]'
        ]
    }
};
const list = (labels) => labels.map(l => `'${l}'`).join(', ');
function describeColumns(log) {
    return (log.columns ?? [])
        .map(c => (c.name && c.name !== c.label ? `'${c.label}' (${c.name})` : `'${c.label}'`))
        .join(', ');
}
/** Posts the row; returns whether the log had to be created. */
async function addEntry(client, label, row, columns) {
    try {
        await client.addLogEntry(label, row);
        return false;
    }
    catch (e) {
        if (!(e instanceof _maestro_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MaestroHttpError */ .sP))
            throw e;
        if (e.status === 404) {
            if (!columns) {
                throw new _maestro_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MaestroHttpError */ .sP({
                    operation: e.operation,
                    method: e.method,
                    path: e.path,
                    status: e.status,
                    serverMessage: e.serverMessage,
                    hint: `execution log '${label}' does not exist in this workspace: check the label (labels are case-sensitive), or give the '${Inputs.columns}' input to create it.`,
                    attempts: e.attempts
                });
            }
            try {
                await client.createLog({ activityLabel: label, columns });
            }
            catch (created) {
                // 409: another job created it in the meantime; the post below is all that is left.
                if (!(created instanceof _maestro_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MaestroHttpError */ .sP && created.status === 409))
                    throw created;
            }
            await client.addLogEntry(label, row);
            return true;
        }
        if (e.status === 400) {
            let log;
            try {
                log = await client.getLog(label);
            }
            catch {
                throw e;
            }
            const known = new Set((log.columns ?? []).map(c => c.label));
            const unknown = Object.keys(row).filter(k => !known.has(k));
            if (unknown.length === 0)
                throw e;
            throw new _shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionInputError */ .VA(Inputs.values, `Execution log '${label}' has no column ${list(unknown)}. Accepted: its column labels ${describeColumns(log)}`);
        }
        throw e;
    }
}
async function run(core) {
    const connection = (0,_shared_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .readConnection */ .dC)(core, { action: 'log-entry' });
    const inputs = (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .createInputReader */ .ic)(core);
    const label = inputs.required(Inputs.log);
    const row = (0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseValues */ .Qc)(Inputs.values, inputs.raw(Inputs.values));
    const columns = (0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseColumns */ .f)(Inputs.columns, inputs.raw(Inputs.columns));
    if (columns) {
        // A row that does not fit the columns given would create the log and then fail on the post.
        const known = new Set(columns.map(c => c.label));
        const unknown = Object.keys(row).filter(k => !known.has(k));
        if (unknown.length > 0) {
            throw new _shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionInputError */ .VA(Inputs.values, `No column ${list(unknown)} in '${Inputs.columns}'. Accepted: the labels given in '${Inputs.columns}': ${list([...known])}`);
        }
    }
    const client = new _maestro_index_js__WEBPACK_IMPORTED_MODULE_0__/* .MaestroClient */ .B2(connection);
    let created;
    try {
        created = await addEntry(client, label, row, columns);
    }
    finally {
        await client.close();
    }
    (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_3__/* .setOutputs */ .n0)(core, { [Outputs.log]: label, [Outputs.entry]: row });
    core.info(`${created ? `Created execution log '${label}' and added` : 'Added'} an entry to it: ${JSON.stringify(row)}`);
    await (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_3__/* .writeSummary */ .Sy)(core, {
        title: `Entry added to execution log '${label}'`,
        rows: [
            ['Log', label],
            ['Log created', created ? `yes, with columns ${columns.map(c => c.label).join(', ')}` : ''],
            ...Object.entries(row).map(([k, v]) => [`Column '${k}'`, v])
        ]
    });
}


/***/ }),

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


/***/ })

};
