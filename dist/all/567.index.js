export const id = 567;
export const ids = [567];
export const modules = {

/***/ 51567:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _shared_actions_core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14580);
/* harmony import */ var _shared_run_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(72724);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(26694);



await (0,_shared_run_js__WEBPACK_IMPORTED_MODULE_1__/* .runAction */ .Cs)((0,_main_js__WEBPACK_IMPORTED_MODULE_2__/* .titleFor */ .Q$)(_shared_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .core */ .I.getInput('command')), _main_js__WEBPACK_IMPORTED_MODULE_2__/* .run */ .eF, { core: _shared_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .core */ .I });

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 26694:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  eF: () => (/* binding */ run),
  Q$: () => (/* binding */ titleFor)
});

// UNUSED EXPORTS: Inputs, runCommand, withCommandDefaults

// EXTERNAL MODULE: ./src/actions/shared/inputs.ts
var inputs = __webpack_require__(86612);
;// CONCATENATED MODULE: ./src/actions/all/commands.generated.ts
const commands = {
    alert: {
        title: 'Alert',
        run: async (core) => (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(577), __webpack_require__.e(257)]).then(__webpack_require__.bind(__webpack_require__, 56257))).run(core),
        inputs: {
            'task-id': '',
            type: 'INFO',
            title: '',
            message: '',
            'fail-on-error': 'true',
            server: '',
            login: '',
            'access-key': '',
            'ca-certificate': '',
            'insecure-skip-tls-verify': 'false',
            'timeout-seconds': '60'
        }
    },
    'create-task': {
        title: 'Create task',
        run: async (core) => (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(577), __webpack_require__.e(89)]).then(__webpack_require__.bind(__webpack_require__, 17089))).run(core),
        inputs: {
            'activity-label': '',
            parameters: '',
            test: 'false',
            priority: '0',
            'min-execution-date': '',
            wait: 'false',
            'wait-timeout-seconds': '3600',
            'poll-interval-seconds': '10',
            'interrupt-on-timeout': 'false',
            'allowed-statuses': 'SUCCESS',
            server: '',
            login: '',
            'access-key': '',
            'ca-certificate': '',
            'insecure-skip-tls-verify': 'false',
            'timeout-seconds': '60'
        }
    },
    'deploy-bot': {
        title: 'Deploy bot',
        run: async (core) => (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(577), __webpack_require__.e(186)]).then(__webpack_require__.bind(__webpack_require__, 21186))).run(core),
        inputs: {
            'bot-id': '',
            version: '',
            technology: '',
            path: '',
            'repository-label': 'DEFAULT',
            'bot-command': '',
            release: 'false',
            server: '',
            login: '',
            'access-key': '',
            'ca-certificate': '',
            'insecure-skip-tls-verify': 'false',
            'timeout-seconds': '60'
        }
    },
    'finish-task': {
        title: 'Finish task',
        run: async (core) => (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(577), __webpack_require__.e(758)]).then(__webpack_require__.bind(__webpack_require__, 97758))).run(core),
        inputs: {
            'task-id': '',
            status: '',
            message: '',
            'total-items': '',
            'processed-items': '',
            'failed-items': '',
            server: '',
            login: '',
            'access-key': '',
            'ca-certificate': '',
            'insecure-skip-tls-verify': 'false',
            'timeout-seconds': '60'
        }
    },
    'get-artifact': {
        title: 'Get result files',
        run: async (core) => (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(581), __webpack_require__.e(577), __webpack_require__.e(852)]).then(__webpack_require__.bind(__webpack_require__, 90852))).run(core),
        inputs: {
            'artifact-id': '',
            'task-id': '',
            name: '',
            path: '',
            'if-no-files-found': 'error',
            'github-artifact-name': '',
            server: '',
            login: '',
            'access-key': '',
            'ca-certificate': '',
            'insecure-skip-tls-verify': 'false',
            'timeout-seconds': '60'
        }
    },
    'get-credential': {
        title: 'Get credential',
        run: async (core) => (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(577), __webpack_require__.e(816)]).then(__webpack_require__.bind(__webpack_require__, 82816))).run(core),
        inputs: {
            label: '',
            key: '',
            'export-env': 'false',
            server: '',
            login: '',
            'access-key': '',
            'ca-certificate': '',
            'insecure-skip-tls-verify': 'false',
            'timeout-seconds': '60'
        }
    },
    'log-entry': {
        title: 'Execution log entry',
        run: async (core) => (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(577), __webpack_require__.e(674)]).then(__webpack_require__.bind(__webpack_require__, 34674))).run(core),
        inputs: {
            log: '',
            values: '',
            columns: '',
            server: '',
            login: '',
            'access-key': '',
            'ca-certificate': '',
            'insecure-skip-tls-verify': 'false',
            'timeout-seconds': '60'
        }
    },
    login: {
        title: 'Login',
        run: async (core) => (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(577), __webpack_require__.e(700)]).then(__webpack_require__.bind(__webpack_require__, 90700))).run(core),
        inputs: {
            server: '',
            login: '',
            'access-key': '',
            'ca-certificate': '',
            'insecure-skip-tls-verify': 'false',
            'timeout-seconds': '60'
        }
    },
    'manage-log': {
        title: 'Manage log',
        run: async (core) => (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(315), __webpack_require__.e(577), __webpack_require__.e(773)]).then(__webpack_require__.bind(__webpack_require__, 42773))).run(core),
        inputs: {
            log: '',
            operation: '',
            columns: '',
            confirm: '',
            path: '',
            format: '',
            days: '',
            'since-date': '',
            server: '',
            login: '',
            'access-key': '',
            'ca-certificate': '',
            'insecure-skip-tls-verify': 'false',
            'timeout-seconds': '60'
        }
    },
    'post-artifact': {
        title: 'Post result files',
        run: async (core) => (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(577), __webpack_require__.e(846)]).then(__webpack_require__.bind(__webpack_require__, 54846))).run(core),
        inputs: {
            'task-id': '',
            path: '',
            name: '',
            archive: 'auto',
            'if-no-files-found': 'error',
            server: '',
            login: '',
            'access-key': '',
            'ca-certificate': '',
            'insecure-skip-tls-verify': 'false',
            'timeout-seconds': '60'
        }
    },
    'report-error': {
        title: 'Report error',
        run: async (core) => (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(577), __webpack_require__.e(660)]).then(__webpack_require__.bind(__webpack_require__, 42660))).run(core),
        inputs: {
            'task-id': '',
            type: 'GitHubActionsJobFailed',
            message: '',
            details: '',
            tags: '',
            screenshot: '',
            attachments: '',
            'fail-on-error': 'true',
            server: '',
            login: '',
            'access-key': '',
            'ca-certificate': '',
            'insecure-skip-tls-verify': 'false',
            'timeout-seconds': '60'
        }
    },
    'send-message': {
        title: 'Send message',
        run: async (core) => (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(577), __webpack_require__.e(915)]).then(__webpack_require__.bind(__webpack_require__, 50915))).run(core),
        inputs: {
            emails: '',
            users: '',
            subject: '',
            body: '',
            'body-file': '',
            type: 'text',
            server: '',
            login: '',
            'access-key': '',
            'ca-certificate': '',
            'insecure-skip-tls-verify': 'false',
            'timeout-seconds': '60'
        }
    },
    'set-credential': {
        title: 'Set credential',
        run: async (core) => (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(577), __webpack_require__.e(993)]).then(__webpack_require__.bind(__webpack_require__, 24993))).run(core),
        inputs: {
            label: '',
            key: '',
            value: '',
            server: '',
            login: '',
            'access-key': '',
            'ca-certificate': '',
            'insecure-skip-tls-verify': 'false',
            'timeout-seconds': '60'
        }
    },
    'task-control': {
        title: 'Task control',
        run: async (core) => (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(577), __webpack_require__.e(968)]).then(__webpack_require__.bind(__webpack_require__, 29968))).run(core),
        inputs: {
            'task-id': '',
            operation: '',
            'if-not-allowed': 'error',
            server: '',
            login: '',
            'access-key': '',
            'ca-certificate': '',
            'insecure-skip-tls-verify': 'false',
            'timeout-seconds': '60'
        }
    },
    'wait-task': {
        title: 'Wait for task',
        run: async (core) => (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(577), __webpack_require__.e(224)]).then(__webpack_require__.bind(__webpack_require__, 27224))).run(core),
        inputs: {
            'task-id': '',
            'wait-timeout-seconds': '3600',
            'poll-interval-seconds': '10',
            'interrupt-on-timeout': 'false',
            'allowed-statuses': 'SUCCESS',
            server: '',
            login: '',
            'access-key': '',
            'ca-certificate': '',
            'insecure-skip-tls-verify': 'false',
            'timeout-seconds': '60'
        }
    }
};

;// CONCATENATED MODULE: ./src/actions/all/main.ts


const Inputs = { command: 'command' };
/** The error title for a run: the command's own name once the command is known. */
function titleFor(rawCommand, table = commands) {
    const command = Object.keys(table).find(c => c === rawCommand.trim().toLowerCase());
    return command ? table[command].title : 'BotCity Maestro';
}
function run(core) {
    return runCommand(core, commands);
}
async function runCommand(core, table) {
    const name = (0,inputs/* createInputReader */.ic)(core).enum(Inputs.command, { values: Object.keys(table) });
    const command = table[name];
    warnAboutUnusedInputs(core, name, command, table);
    await command.run(withCommandDefaults(core, command));
}
/**
 * The root action declares the union of every command's inputs, so the runner passes all of them;
 * one set for another command is most likely a mistake in the workflow, but not a fatal one.
 */
function warnAboutUnusedInputs(core, name, command, table) {
    const allInputs = new Set(Object.values(table).flatMap(c => Object.keys(c.inputs)));
    for (const input of allInputs) {
        if (input in command.inputs || core.getInput(input) === '')
            continue;
        core.warning(`Input '${input}' is not used by command '${name}' and is ignored.`);
    }
}
/** A core whose getInput falls back to the command's own default, as its action.yml declares. */
function withCommandDefaults(core, command) {
    const getInput = (input, options) => {
        const value = core.getInput(input, { ...options, required: false });
        if (value !== '')
            return value;
        const fallback = command.inputs[input] ?? '';
        if (fallback === '' && options?.required) {
            throw new Error(`Input required and not supplied: ${input}`);
        }
        return fallback;
    };
    return { ...core, getInput };
}


/***/ }),

/***/ 14580:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ core)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
// The runner protocol (workflow commands on stdout, GITHUB_* environment files), written exactly as
// @actions/core 3 writes it; the core-binding test runs both and compares every byte. Why not
// @actions/core itself: it imports @actions/http-client (for OIDC tokens, which no action here
// asks for), and that loads all of undici, fetch and WebSocket included, at start-up: about 40 ms
// of a one-call step's 0.15 s under Node 24.




function toCommandValue(input) {
    if (input === null || input === undefined)
        return '';
    if (typeof input === 'string' || input instanceof String)
        return String(input);
    return JSON.stringify(input);
}
const escapeData = (s) => toCommandValue(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
function issueCommand(command, properties, message) {
    let text = `::${command}`;
    const set = Object.entries(properties).filter(([, v]) => v);
    if (Object.keys(properties).length > 0) {
        text += ` ${set.map(([k, v]) => `${k}=${escapeProperty(v)}`).join(',')}`;
    }
    process.stdout.write(`${text}::${escapeData(message)}${node_os__WEBPACK_IMPORTED_MODULE_3__.EOL}`);
}
function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath)
        throw new Error(`Unable to find environment variable for file command ${command}`);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(filePath))
        throw new Error(`Missing file at path: ${filePath}`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync)(filePath, `${message}${node_os__WEBPACK_IMPORTED_MODULE_3__.EOL}`, { encoding: 'utf8' });
}
function keyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`;
    const converted = toCommandValue(value);
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (converted.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_3__.EOL}${converted}${node_os__WEBPACK_IMPORTED_MODULE_3__.EOL}${delimiter}`;
}
function annotation(properties) {
    if (Object.keys(properties).length === 0)
        return {};
    return {
        title: properties.title,
        file: properties.file,
        line: properties.startLine,
        endLine: properties.endLine,
        col: properties.startColumn,
        endColumn: properties.endColumn
    };
}
const text = (message) => message instanceof Error ? message.toString() : message;
function wrap(tag, content, attrs = {}) {
    const html = Object.entries(attrs)
        .map(([k, v]) => ` ${k}="${v}"`)
        .join('');
    return content ? `<${tag}${html}>${content}</${tag}>` : `<${tag}${html}>`;
}
class Summary {
    #buffer = '';
    #filePath;
    async #path() {
        if (this.#filePath)
            return this.#filePath;
        const fromEnv = process.env.GITHUB_STEP_SUMMARY;
        if (!fromEnv) {
            throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
        }
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.access)(fromEnv, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.R_OK | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.W_OK);
        }
        catch {
            throw new Error(`Unable to access summary file: '${fromEnv}'. Check if the file has correct read/write permissions.`);
        }
        this.#filePath = fromEnv;
        return fromEnv;
    }
    async write(options) {
        const path = await this.#path();
        await (options?.overwrite ? node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile : node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.appendFile)(path, this.#buffer, { encoding: 'utf8' });
        return this.emptyBuffer();
    }
    emptyBuffer() {
        this.#buffer = '';
        return this;
    }
    addRaw(raw, addEOL = false) {
        this.#buffer += raw;
        return addEOL ? this.addEOL() : this;
    }
    addEOL() {
        return this.addRaw(node_os__WEBPACK_IMPORTED_MODULE_3__.EOL);
    }
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        return this.addRaw(wrap(tag, items.map(i => wrap('li', i)).join(''))).addEOL();
    }
    addTable(rows) {
        const body = rows
            .map(row => {
            const cells = row.map(cell => {
                if (typeof cell === 'string')
                    return wrap('td', cell);
                const { header, data, colspan, rowspan } = cell;
                const attrs = {
                    ...(colspan && { colspan }),
                    ...(rowspan && { rowspan })
                };
                return wrap(header ? 'th' : 'td', data, attrs);
            });
            return wrap('tr', cells.join(''));
        })
            .join('');
        return this.addRaw(wrap('table', body)).addEOL();
    }
    addHeading(heading, level) {
        const tag = `h${level}`;
        const allowed = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag) ? tag : 'h1';
        return this.addRaw(wrap(allowed, heading)).addEOL();
    }
    addLink(linkText, href) {
        return this.addRaw(wrap('a', linkText, { href })).addEOL();
    }
}
const core = {
    getInput(name, options) {
        const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
        if (options?.required && !val)
            throw new Error(`Input required and not supplied: ${name}`);
        return options?.trimWhitespace === false ? val : val.trim();
    },
    setOutput(name, value) {
        if (process.env.GITHUB_OUTPUT)
            return issueFileCommand('OUTPUT', keyValueMessage(name, value));
        process.stdout.write(node_os__WEBPACK_IMPORTED_MODULE_3__.EOL);
        issueCommand('set-output', { name }, toCommandValue(value));
    },
    setSecret(secret) {
        issueCommand('add-mask', {}, secret);
    },
    exportVariable(name, value) {
        process.env[name] = toCommandValue(value);
        if (process.env.GITHUB_ENV)
            return issueFileCommand('ENV', keyValueMessage(name, value));
        issueCommand('set-env', { name }, toCommandValue(value));
    },
    info(message) {
        process.stdout.write(message + node_os__WEBPACK_IMPORTED_MODULE_3__.EOL);
    },
    debug(message) {
        issueCommand('debug', {}, message);
    },
    notice(message, properties = {}) {
        issueCommand('notice', annotation(properties), text(message));
    },
    warning(message, properties = {}) {
        issueCommand('warning', annotation(properties), text(message));
    },
    error(message, properties = {}) {
        issueCommand('error', annotation(properties), text(message));
    },
    setFailed(message) {
        process.exitCode = 1;
        core.error(message);
    },
    saveState(name, value) {
        if (process.env.GITHUB_STATE)
            return issueFileCommand('STATE', keyValueMessage(name, value));
        issueCommand('save-state', { name }, toCommandValue(value));
    },
    getState(name) {
        return process.env[`STATE_${name}`] || '';
    },
    isDebug() {
        return process.env.RUNNER_DEBUG === '1';
    },
    startGroup(name) {
        issueCommand('group', {}, name);
    },
    endGroup() {
        issueCommand('endgroup', {}, '');
    },
    summary: new Summary()
};


/***/ }),

/***/ 86612:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BV: () => (/* binding */ parseExistingFile),
/* harmony export */   KV: () => (/* binding */ parseMapping),
/* harmony export */   UV: () => (/* binding */ CONTROL_CHARS),
/* harmony export */   VA: () => (/* binding */ ActionInputError),
/* harmony export */   Yi: () => (/* binding */ withoutByteOrderMark),
/* harmony export */   a1: () => (/* binding */ parseOneLine),
/* harmony export */   aY: () => (/* binding */ invalidInput),
/* harmony export */   cl: () => (/* binding */ quoteValue),
/* harmony export */   d5: () => (/* binding */ refuseControlChars),
/* harmony export */   he: () => (/* binding */ checkInputLength),
/* harmony export */   ic: () => (/* binding */ createInputReader),
/* harmony export */   nL: () => (/* binding */ parseEnum),
/* harmony export */   t0: () => (/* binding */ parseOptionalString)
/* harmony export */ });
/* unused harmony exports MAX_QUOTED_VALUE, MAX_INPUT_LENGTH, parseRequiredString, parseBoolean, parseInteger, parseSecondsToMs, parseDateTime, parseList */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38815);
// One place for reading and validating action inputs. The `parse*` functions are pure: they take
// the input's name and raw text and return a typed value or throw an ActionInputError, so they are
// tested without any runner. `createInputReader(core)` is the thin layer over `core.getInput`.
//
// Error text convention (the top-level wrapper adds the `Invalid input '<name>'` title):
//   <what was wrong>, got '<value>'. Accepted: <what is accepted>
// The value is left out for secret inputs and cut to MAX_QUOTED_VALUE characters when huge.



const MAX_QUOTED_VALUE = 200;
/**
 * The longest value any input may have, in characters. Linux cannot pass one environment string
 * over 128 KiB to a process, so a runner could not deliver more anyway; large texts (parameters,
 * messages, certificates) belong in files. Checked before any parsing, so a huge value is refused
 * the same way by every input.
 */
const MAX_INPUT_LENGTH = 64 * 1024;
/** A mistake in the workflow file (as opposed to a bug or a server failure). */
class ActionInputError extends Error {
    input;
    name = 'ActionInputError';
    constructor(input, message) {
        super(message);
        this.input = input;
    }
}
/** Quotes a value for an error message: single quotes, cut to MAX_QUOTED_VALUE characters. */
function quoteValue(value) {
    if (value.length <= MAX_QUOTED_VALUE)
        return `'${value}'`;
    return `'${value.slice(0, MAX_QUOTED_VALUE)}…' (${value.length} characters)`;
}
/** Builds the error for a bad value: `<problem>, got '<value>'. Accepted: <accepted>`. */
function invalidInput(input, problem, value, accepted, options = {}) {
    const got = options.secret ? '' : `, got ${quoteValue(value)}`;
    return new ActionInputError(input, `${problem}${got}. Accepted: ${accepted}`);
}
/**
 * Refuses a value over MAX_INPUT_LENGTH without quoting it (it may be a secret, and it is long).
 * Returns the value unchanged otherwise.
 */
function checkInputLength(input, value) {
    if (value.length <= MAX_INPUT_LENGTH)
        return value;
    throw new ActionInputError(input, `Too long: ${value.length} characters, the limit is ${MAX_INPUT_LENGTH}. Accepted: at most ${MAX_INPUT_LENGTH} characters; put large content in a file and pass its path`);
}
// ---------------------------------------------------------------------------------------------
// Pure parsers. `raw` is the input's text as the runner passed it (already trimmed by getInput).
function parseRequiredString(input, raw) {
    const value = raw.trim();
    if (value === '') {
        throw new ActionInputError(input, `Required input is empty. Accepted: any non-empty text; set '${input}' under 'with:' in the step`);
    }
    return value;
}
/** C0 control characters (line breaks and NUL included) and DEL. */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
/**
 * Refuses a value holding a control character. The value is quoted as JSON so the error shows
 * which one (a bare line break would split the message).
 */
function refuseControlChars(input, value, accepted, problem = 'Control characters are not allowed') {
    if (CONTROL_CHARS.test(value))
        throw invalidInput(input, problem, JSON.stringify(value), accepted);
}
/**
 * A required name or title: one line, trimmed, without control characters, at most `maxLength`
 * characters. Checks in that order, so the first problem a user sees is the same in every action.
 */
function parseOneLine(input, raw, options) {
    const { accepted } = options;
    const value = raw.trim();
    if (value === '')
        throw new ActionInputError(input, `Required input is empty. Accepted: ${accepted}`);
    refuseControlChars(input, value, accepted, options.controlProblem ?? 'Line breaks and control characters are not allowed');
    if (value.length > options.maxLength)
        throw invalidInput(input, options.tooLongProblem ?? 'Too long', value, accepted);
    return value;
}
/** `undefined` for "" (codeql-action's getOptionalInput), so `??` defaults work. */
function parseOptionalString(raw) {
    const value = raw.trim();
    return value === '' ? undefined : value;
}
const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];
/**
 * YAML 1.2 core schema booleans, exactly as `core.getBooleanInput` accepts them (no yes/no/1/0,
 * which YAML 1.1 readers disagree about). Empty -> `defaultValue`.
 */
function parseBoolean(input, raw, defaultValue, options = {}) {
    const value = raw.trim();
    if (value === '')
        return defaultValue;
    if (TRUE_VALUES.includes(value))
        return true;
    if (FALSE_VALUES.includes(value))
        return false;
    throw invalidInput(input, 'Not a boolean', value, [...TRUE_VALUES, ...FALSE_VALUES].join(' | '), options);
}
/** A base-10 integer (optional sign, no decimals, no exponent) within [min, max]. */
function parseInteger(input, raw, options) {
    const value = raw.trim();
    const accepted = `an integer from ${options.min} to ${options.max}`;
    if (value === '') {
        if (options.default !== undefined)
            return options.default;
        throw new ActionInputError(input, `Required input is empty. Accepted: ${accepted}`);
    }
    if (!/^[+-]?\d+$/.test(value))
        throw invalidInput(input, 'Not an integer', value, accepted, options);
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < options.min || n > options.max) {
        throw invalidInput(input, 'Out of range', value, accepted, options);
    }
    return n;
}
/** A number of seconds (decimals allowed, e.g. 0.5) within [min, max], returned in milliseconds. */
function parseSecondsToMs(input, raw, options) {
    const value = raw.trim();
    const accepted = `a number of seconds from ${options.min} to ${options.max}`;
    if (value === '') {
        if (options.default !== undefined)
            return Math.round(options.default * 1000);
        throw new ActionInputError(input, `Required input is empty. Accepted: ${accepted}`);
    }
    if (!/^\+?(\d+(\.\d*)?|\.\d+)$/.test(value)) {
        throw invalidInput(input, 'Not a number of seconds', value, accepted, options);
    }
    const n = Number(value);
    if (n < options.min || n > options.max) {
        throw invalidInput(input, 'Out of range', value, accepted, options);
    }
    return Math.round(n * 1000);
}
function enumKey(s) {
    return s
        .trim()
        .toLowerCase()
        .replace(/[-\s]+/g, '_');
}
/** One of a fixed set of values, case-insensitive, returning the canonical spelling. */
function parseEnum(input, raw, options) {
    const value = raw.trim();
    const aliasText = Object.entries(options.aliases ?? {})
        .map(([from, to]) => `${from} (= ${to})`)
        .join(', ');
    const accepted = `one of ${options.values.join(', ')} (any case)` + (aliasText ? `; also ${aliasText}` : '');
    if (value === '') {
        if (options.default !== undefined)
            return options.default;
        throw new ActionInputError(input, `Required input is empty. Accepted: ${accepted}`);
    }
    const key = enumKey(value);
    const direct = options.values.find(v => enumKey(v) === key);
    if (direct !== undefined)
        return direct;
    for (const [alias, target] of Object.entries(options.aliases ?? {})) {
        if (enumKey(alias) === key)
            return target;
    }
    throw invalidInput(input, 'Unknown value', value, accepted, options);
}
const MAPPING_ACCEPTED = 'a JSON object or a YAML mapping, e.g. {"name": "value"} or one "name: value" per line';
/**
 * A JSON object or a YAML mapping (JSON is YAML 1.2), parsed with `yaml`: numbers, booleans,
 * nulls, lists and nested mappings keep their types. Empty -> `{}`. A list or a scalar is an error,
 * and so are duplicate keys; syntax errors point at line and column.
 */
function parseMapping(input, raw, options = {}) {
    const value = raw.trim();
    if (value === '')
        return {};
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parseDocument */ .Tp)(value, { uniqueKeys: true });
    const problem = doc.errors[0];
    if (problem) {
        const where = problem instanceof yaml__WEBPACK_IMPORTED_MODULE_2__/* .YAMLParseError */ .XT && problem.linePos
            ? ` at line ${problem.linePos[0].line}, column ${problem.linePos[0].col}`
            : '';
        const why = problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        throw invalidInput(input, `Not valid JSON or YAML${where} (${why})`, value, MAPPING_ACCEPTED, options);
    }
    const kind = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isSeq */ .oP)(doc.contents)
        ? 'a list'
        : (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(doc.contents)
            ? `a single ${doc.contents.value === null ? 'null' : typeof doc.contents.value}`
            : 'not a mapping';
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(doc.contents)) {
        throw invalidInput(input, `Expected a mapping but this is ${kind}`, value, MAPPING_ACCEPTED, options);
    }
    const parsed = doc.toJS({ maxAliasCount: 100 });
    const result = {};
    for (const [k, v] of Object.entries(parsed))
        result[String(k)] = v;
    return result;
}
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const DATE_ACCEPTED = 'an ISO-8601 date or date-time such as 2026-01-31, 2026-01-31T18:00:00Z or 2026-01-31T15:00:00-03:00 (no offset means UTC)';
/**
 * An ISO-8601 date or date-time, normalised to a UTC ISO string (`2026-01-31T18:00:00.000Z`).
 * Without an offset the time is read as UTC (runners run in UTC; say so rather than guess).
 * Impossible dates such as 2026-02-30 are rejected, not rolled over.
 */
function parseDateTime(input, raw, options = {}) {
    const value = raw.trim();
    const m = DATE_TIME.exec(value);
    if (!m)
        throw invalidInput(input, 'Not an ISO-8601 date/time', value, DATE_ACCEPTED, options);
    const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
    const ms = frac ? Math.round(Number(`0${frac}`) * 1000) : 0;
    const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
    const check = new Date(utc);
    const fieldsOk = check.getUTCFullYear() === Number(y) &&
        check.getUTCMonth() === Number(mo) - 1 &&
        check.getUTCDate() === Number(d) &&
        check.getUTCHours() === Number(h) &&
        check.getUTCMinutes() === Number(mi) &&
        check.getUTCSeconds() === Number(s);
    if (!fieldsOk || Number(h) > 23) {
        throw invalidInput(input, 'Not a real calendar date/time', value, DATE_ACCEPTED, options);
    }
    let offsetMinutes = 0;
    if (zone.toUpperCase() !== 'Z') {
        const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
        offsetMinutes = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3]));
        if (Number(z[2]) > 23 || Number(z[3]) > 59) {
            throw invalidInput(input, 'Not a valid UTC offset', value, DATE_ACCEPTED, options);
        }
    }
    return new Date(utc - offsetMinutes * 60_000).toISOString();
}
/** One item per line, trimmed; empty lines and lines starting with `#` are skipped. */
function parseList(raw) {
    return raw
        .split(/\r?\n/)
        .map(line => line.trim())
        .filter(line => line !== '' && !line.startsWith('#'));
}
/**
 * A text file's content without the UTF-8 byte order mark that Windows tools write first (Notepad
 * before 2019, PowerShell 5's `-Encoding UTF8`): it is not part of the text, and would arrive in
 * Maestro as an invisible first character.
 */
function withoutByteOrderMark(text) {
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
/** A path to an existing regular file; returns the absolute path. */
function parseExistingFile(input, raw, options = {}) {
    const value = raw.trim();
    const accepted = 'a path to an existing file, absolute or relative to the workspace';
    if (value === '')
        throw new ActionInputError(input, `Required input is empty. Accepted: ${accepted}`);
    const base = options.baseDir ?? process.env.GITHUB_WORKSPACE ?? process.cwd();
    const full = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(value) ? value : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(base, value);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(full)) {
        throw invalidInput(input, `No file at ${full}`, value, accepted, options);
    }
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(full).isFile()) {
        throw invalidInput(input, `Not a regular file: ${full}`, value, accepted, options);
    }
    return full;
}
function createInputReader(core, options = {}) {
    const secret = (name) => ({ secret: options.secrets?.includes(name) });
    // Every read goes through here, so the length limit holds for every input.
    const text = (name) => checkInputLength(name, core.getInput(name));
    const raw = (name) => text(name).trim();
    return {
        raw,
        required: name => parseRequiredString(name, raw(name)),
        optional: name => parseOptionalString(raw(name)),
        boolean: (name, defaultValue) => parseBoolean(name, raw(name), defaultValue, secret(name)),
        integer: (name, o) => parseInteger(name, raw(name), { ...secret(name), ...o }),
        secondsToMs: (name, o) => parseSecondsToMs(name, raw(name), { ...secret(name), ...o }),
        enum: (name, o) => parseEnum(name, raw(name), { ...secret(name), ...o }),
        optionalEnum: (name, o) => raw(name) === '' ? undefined : parseEnum(name, raw(name), { ...secret(name), ...o }),
        mapping: name => parseMapping(name, raw(name), secret(name)),
        dateTime: name => (raw(name) === '' ? undefined : parseDateTime(name, raw(name), secret(name))),
        list: name => parseList(text(name)),
        file: name => raw(name) === ''
            ? undefined
            : parseExistingFile(name, raw(name), { ...secret(name), baseDir: options.baseDir })
    };
}


/***/ }),

/***/ 72724:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cs: () => (/* binding */ runAction),
/* harmony export */   Ic: () => (/* binding */ describeFailure),
/* harmony export */   dR: () => (/* binding */ ActionFailure)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86612);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(54476);
// The top-level wrapper: the one place that turns whatever an action throws into exactly one
// `::error` annotation and exit code 1. Actions never call core.setFailed themselves: they throw.



/**
 * A failure the action decided on, not a bug nor a server error: e.g. the task it waited for
 * finished FAILED, or the wait timed out. Printed as is (no bug hint), under `<action> failed`.
 */
class ActionFailure extends Error {
    name = 'ActionFailure';
    /**
     * Maestro caused it (e.g. an upload failed after the record was created), so
     * `fail-on-error: false` may turn it into a warning like any other Maestro failure.
     */
    fromMaestro;
    constructor(message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.fromMaestro = options.fromMaestro ?? false;
    }
}
const MAESTRO_ERRORS = new Set(['MaestroHttpError', 'MaestroNetworkError', 'MaestroInputError']);
const BUG_HINT = 'This looks like a bug in maestro-actions, not in your workflow: please report it with this ' +
    "step's debug log (re-run the job with debug logging enabled).";
function prop(value, name) {
    return value[name];
}
function stackAndCauses(error) {
    const parts = [error.stack ?? `${error.name}: ${error.message}`];
    let cause = error.cause;
    for (let depth = 0; cause !== undefined && depth < 5; depth++) {
        parts.push(`Caused by: ${cause instanceof Error ? (cause.stack ?? cause.message) : (0,node_util__WEBPACK_IMPORTED_MODULE_0__.inspect)(cause)}`);
        cause = cause instanceof Error ? cause.cause : undefined;
    }
    return parts.join('\n');
}
/**
 * Classifies a thrown value. Client errors are recognised by `name` (duck typing), so this module
 * does not import src/maestro and works across bundle copies.
 */
function describeFailure(actionName, thrown) {
    if (thrown instanceof _inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionInputError */ .VA) {
        return { kind: 'input', title: `Invalid input '${thrown.input}'`, message: thrown.message };
    }
    if (thrown instanceof Error || (typeof thrown === 'object' && thrown !== null)) {
        const name = String(prop(thrown, 'name') ?? '');
        const message = String(prop(thrown, 'message') ?? '');
        if (name === 'ActionInputError' && typeof prop(thrown, 'input') === 'string') {
            return { kind: 'input', title: `Invalid input '${String(prop(thrown, 'input'))}'`, message };
        }
        if (name === 'ActionFailure' && message !== '') {
            if (prop(thrown, 'fromMaestro') === true) {
                const debug = thrown instanceof Error ? stackAndCauses(thrown) : undefined;
                return { kind: 'maestro', title: `${actionName} failed`, message, debug };
            }
            return { kind: 'outcome', title: `${actionName} failed`, message };
        }
        if (MAESTRO_ERRORS.has(name)) {
            const hint = prop(thrown, 'hint');
            const full = typeof hint === 'string' && hint !== '' && !message.includes(hint)
                ? `${message} ${hint}`
                : message;
            return {
                kind: 'maestro',
                title: `${actionName} failed`,
                message: full || name,
                debug: thrown instanceof Error ? stackAndCauses(thrown) : undefined
            };
        }
        if (thrown instanceof Error) {
            return {
                kind: 'bug',
                title: `${actionName} failed`,
                message: `${thrown.message || thrown.name}. ${BUG_HINT}`,
                debug: stackAndCauses(thrown)
            };
        }
    }
    // Not an Error: a string, a number, a plain object, undefined...
    const text = typeof thrown === 'string' ? thrown : (0,node_util__WEBPACK_IMPORTED_MODULE_0__.inspect)(thrown, { depth: 2, breakLength: Infinity });
    return {
        kind: 'bug',
        title: `${actionName} failed`,
        message: `Unexpected value thrown: ${text}. ${BUG_HINT}`
    };
}
/**
 * Runs an action's logic. On success exit code stays 0; on any thrown value: one `::error` with a
 * title, exit code 1, details only in debug. Every printed text is redacted of masked values.
 * Returns the exit code (for tests).
 */
async function runAction(name, fn, options) {
    const { core } = options;
    const setExitCode = options.setExitCode ??
        ((code) => {
            process.exitCode = code;
        });
    try {
        await fn(core);
        return 0;
    }
    catch (thrown) {
        let report;
        try {
            report = describeFailure(name, thrown);
        }
        catch {
            // A hostile thrown value (throwing getters, a revoked proxy...): still one error line.
            report = {
                kind: 'bug',
                title: `${name} failed`,
                message: `Unexpected value thrown. ${BUG_HINT}`
            };
        }
        if (report.debug)
            core.debug((0,_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(report.debug));
        core.error((0,_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(report.message), { title: (0,_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(report.title) });
        setExitCode(1);
        return 1;
    }
}


/***/ }),

/***/ 54476:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $l: () => (/* binding */ maskSecret),
/* harmony export */   E$: () => (/* binding */ redact)
/* harmony export */ });
/* unused harmony exports secretVariants, maskedValues, resetMaskedValuesForTests */
// Every value masked in this process, so the top-level wrapper and the summary can redact them from
// text they print (a final guard: the runner masks registered values too, but only in its own log,
// not in annotations built from a message we composed before registering, nor in files).
const masked = new Set();
/**
 * The variants of a secret the runner must be told about: the whole value, and each non-empty line
 * of it (split on \r?\n) plus its trimmed form. The runner masks log output line by line, so a
 * multi-line secret registered only as a whole would leak line by line (hashicorp/vault-action's
 * CVE-2021-32074 came from exactly that).
 */
function secretVariants(value) {
    const out = new Set();
    if (value.trim() === '')
        return [];
    out.add(value);
    for (const line of value.split(/\r?\n/)) {
        if (line.trim() === '')
            continue;
        out.add(line);
        out.add(line.trim());
    }
    return [...out];
}
/**
 * Registers a secret with the runner (`::add-mask::`) for the whole value and each line, and
 * remembers it for {@link redact}. Call it BEFORE the value can reach any log line, output or file.
 * Empty and whitespace-only values are ignored (masking "" or " " would garble every log line).
 */
function maskSecret(core, value) {
    if (value === undefined)
        return;
    for (const v of secretVariants(value)) {
        masked.add(v);
        core.setSecret(v);
    }
}
/** Replaces every value masked in this process with `***` (longest first, so overlaps are whole). */
function redact(text) {
    if (masked.size === 0)
        return text;
    let out = text;
    for (const v of [...masked].sort((a, b) => b.length - a.length)) {
        if (out.includes(v))
            out = out.split(v).join('***');
    }
    return out;
}
/** The values masked so far (for tests and diagnostics; never print them). */
function maskedValues() {
    return [...masked];
}
/** Forgets every masked value. Tests only: a real action never un-masks. */
function resetMaskedValuesForTests() {
    masked.clear();
}


/***/ })

};
