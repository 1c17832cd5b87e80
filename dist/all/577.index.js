export const id = 577;
export const ids = [577];
export const modules = {

/***/ 625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iz: () => (/* binding */ ConnectionEnv),
/* harmony export */   K0: () => (/* binding */ ConnectionInputs),
/* harmony export */   Mt: () => (/* binding */ MissingKeyError),
/* harmony export */   On: () => (/* binding */ ConnectionInputKinds),
/* harmony export */   dC: () => (/* binding */ readConnection)
/* harmony export */ });
/* unused harmony exports DEFAULT_TIMEOUT_SECONDS, expiredTokenHint, defaultUserAgent, parseServer, parseCaCertificate, parseRetryMaxDelay */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86612);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(54476);
/* harmony import */ var _maestro_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(33268);
// Reads how to reach Maestro: inputs first, then BOTCITY_* environment variables, into the plain
// options object the client takes. Secrets are masked before anything else happens.




/** The connection inputs every Maestro action declares (spread into the action's `Inputs`). */
const ConnectionInputs = {
    server: 'server',
    login: 'login',
    accessKey: 'access-key',
    caCertificate: 'ca-certificate',
    insecureSkipTlsVerify: 'insecure-skip-tls-verify',
    timeoutSeconds: 'timeout-seconds'
};
/** Environment fallbacks, e.g. set once per job with `env:`. */
const ConnectionEnv = {
    server: 'BOTCITY_SERVER',
    login: 'BOTCITY_LOGIN',
    key: 'BOTCITY_KEY',
    /** A token from an earlier login step; with it the key is optional. */
    accessToken: 'BOTCITY_ACCESS_TOKEN',
    /**
     * Caps the wait between two tries of a call, in ms (whole number >= 0). It can only shorten the
     * client's backoff (DEFAULT_RETRY: 500 ms doubling up to 10 s), never lengthen it, and a server's
     * Retry-After is still honoured in full. Not a secret; meant for tests that inject faults, where the default
     * backoff would only make them slow.
     */
    retryMaxDelayMs: 'MAESTRO_ACTIONS_RETRY_MAX_DELAY_MS'
};
/** The kinds of the connection inputs (spread into the action's `InputKinds`). */
const ConnectionInputKinds = {
    [ConnectionInputs.server]: { kind: 'url', env: ConnectionEnv.server },
    [ConnectionInputs.login]: { kind: 'text', env: ConnectionEnv.login },
    [ConnectionInputs.accessKey]: { kind: 'secret', env: ConnectionEnv.key },
    [ConnectionInputs.caCertificate]: { kind: 'pem-or-file' },
    [ConnectionInputs.insecureSkipTlsVerify]: { kind: 'boolean' },
    [ConnectionInputs.timeoutSeconds]: { kind: 'seconds', min: 1, max: 3600 }
};
const DEFAULT_TIMEOUT_SECONDS = 60;
/** What an action says when the token of an earlier login step is rejected and it has no key. */
function expiredTokenHint() {
    return (`the access token in ${ConnectionEnv.accessToken} (from an earlier login step) expired or is invalid. ` +
        `To fix it, run the login action again before this step, or give this step the workspace key ` +
        `('${ConnectionInputs.accessKey}' input or the ${ConnectionEnv.key} environment variable) so it logs in again by itself.`);
}
/**
 * `maestro-actions/<version> (<action>; node <version>; <platform>)`, e.g.
 * `maestro-actions/1.0.0 (create-task; node 24.1.0; linux)`.
 */
function defaultUserAgent(action, version = '1') {
    const parts = [action, `node ${process.versions.node}`, process.platform].filter(Boolean);
    return `maestro-actions/${version} (${parts.join('; ')})`;
}
function fromInputOrEnv(core, input, env, variable) {
    return ((0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .parseOptionalString */ .t0)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .checkInputLength */ .he)(input, core.getInput(input))) ??
        (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .parseOptionalString */ .t0)(env[variable] ?? ''));
}
/** No access key was given (the login action words this case its own way). */
class MissingKeyError extends _inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionInputError */ .VA {
}
function missing(input, variable, what, example) {
    const Kind = input === ConnectionInputs.accessKey ? MissingKeyError : _inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionInputError */ .VA;
    return new Kind(input, `No ${what} given. Accepted: set the '${input}' input or the ${variable} environment variable, e.g. ${example}`);
}
/** Normalises and checks the server address: http(s) only, trailing slashes removed. */
function parseServer(input, raw, variable = ConnectionEnv.server) {
    const accepted = 'an http:// or https:// address such as https://developers.botcity.dev';
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .invalidInput */ .aY)(input, `Not a URL (from '${input}' or ${variable})`, raw, accepted);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .invalidInput */ .aY)(input, `Unsupported scheme '${url.protocol}'`, raw, accepted);
    }
    if (url.username || url.password) {
        // Never quote it: the address itself carries a credential.
        throw new _inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionInputError */ .VA(input, `The server address must not contain a user name or password. Accepted: ${accepted}`);
    }
    return raw.replace(/\/+$/, '');
}
const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;
/** `ca-certificate`: PEM text, or a path to a PEM file. Returns the PEM text. */
function parseCaCertificate(input, raw, baseDir) {
    const accepted = 'PEM text (-----BEGIN CERTIFICATE----- ...) or a path to a PEM file';
    if (raw.includes('-----BEGIN')) {
        if (!PEM_CERT.test(raw)) {
            throw (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .invalidInput */ .aY)(input, 'Not a PEM certificate', raw, accepted);
        }
        return raw;
    }
    const path = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .parseExistingFile */ .BV)(input, raw, { baseDir });
    const text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
    if (!PEM_CERT.test(text)) {
        throw (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .invalidInput */ .aY)(input, `The file ${path} holds no PEM certificate`, raw, accepted);
    }
    return text;
}
/** MAESTRO_ACTIONS_RETRY_MAX_DELAY_MS, or undefined when unset. */
function parseRetryMaxDelay(env) {
    const variable = ConnectionEnv.retryMaxDelayMs;
    const raw = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .parseOptionalString */ .t0)(env[variable] ?? '');
    if (raw === undefined)
        return undefined;
    if (!/^\d{1,9}$/.test(raw)) {
        throw (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .invalidInput */ .aY)(variable, 'Not a whole number of milliseconds', raw, 'e.g. 50, or unset');
    }
    return Number(raw);
}
/**
 * Whether a BOTCITY_ACCESS_TOKEN may be sent to `server` as `login`: yes unless BOTCITY_SERVER or
 * BOTCITY_LOGIN is set and names another server (after normalising) or login.
 */
function tokenTargetMatches(env, server, login) {
    const envServer = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .parseOptionalString */ .t0)(env[ConnectionEnv.server] ?? '');
    const envLogin = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .parseOptionalString */ .t0)(env[ConnectionEnv.login] ?? '');
    if (envLogin !== undefined && envLogin !== login)
        return false;
    if (envServer === undefined)
        return true;
    try {
        return parseServer(ConnectionInputs.server, envServer) === server;
    }
    catch {
        return false;
    }
}
/**
 * Reads the connection inputs. Masks the key and any token first (whole value and line by line),
 * before any other input is read or anything is logged.
 */
function readConnection(core, options = {}) {
    const env = options.env ?? process.env;
    const I = ConnectionInputs;
    // 1. Secrets, before anything could print them.
    const key = fromInputOrEnv(core, I.accessKey, env, ConnectionEnv.key);
    const accessToken = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .parseOptionalString */ .t0)(env[ConnectionEnv.accessToken] ?? '');
    (0,_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .maskSecret */ .$l)(core, key);
    (0,_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .maskSecret */ .$l)(core, accessToken);
    // 2. Everything else.
    const serverRaw = fromInputOrEnv(core, I.server, env, ConnectionEnv.server);
    if (serverRaw === undefined) {
        throw missing(I.server, ConnectionEnv.server, 'Maestro server', 'https://developers.botcity.dev');
    }
    const server = parseServer(I.server, serverRaw);
    const login = fromInputOrEnv(core, I.login, env, ConnectionEnv.login);
    if (login === undefined) {
        throw missing(I.login, ConnectionEnv.login, 'login (workspace organisation)', 'my-org');
    }
    // The token is only sent where it came from: a step that names another server or login than
    // the job's BOTCITY_SERVER / BOTCITY_LOGIN (which a login step exports) logs in with the key.
    const usableToken = accessToken !== undefined && tokenTargetMatches(env, server, login) ? accessToken : undefined;
    if (accessToken !== undefined && usableToken === undefined) {
        const why = `the ${ConnectionEnv.accessToken} in the environment was issued for the job's ${ConnectionEnv.server} / ${ConnectionEnv.login}, and this step talks to ${server} as '${login}'`;
        if (key === undefined) {
            throw new MissingKeyError(I.accessKey, `No access key given, and ${why}. Accepted: set the '${I.accessKey}' input or the ${ConnectionEnv.key} environment variable, or use the server and login of the login step`);
        }
        core.info(`Logging in with the access key: ${why}.`);
    }
    if (key === undefined && accessToken === undefined) {
        throw missing(I.accessKey, ConnectionEnv.key, 'access key', `\${{ secrets.BOTCITY_KEY }} (or run a login step that sets ${ConnectionEnv.accessToken})`);
    }
    const inputs = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .createInputReader */ .ic)(core);
    const caRaw = inputs.raw(I.caCertificate);
    const caCertificate = caRaw === '' ? undefined : parseCaCertificate(I.caCertificate, caRaw, options.baseDir);
    const insecureSkipTlsVerify = inputs.boolean(I.insecureSkipTlsVerify, false);
    const timeoutMs = inputs.secondsToMs(I.timeoutSeconds, {
        min: 1,
        max: 3600,
        default: DEFAULT_TIMEOUT_SECONDS
    });
    const result = {
        server,
        login,
        insecureSkipTlsVerify,
        // The client warns when verification is off, and says how to trust a server: in our words.
        tlsOptionNames: {
            caCertificate: `the '${I.caCertificate}' input`,
            insecureSkipTlsVerify: `'${I.insecureSkipTlsVerify}: true'`
        },
        timeoutMs,
        onSecret: value => (0,_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .maskSecret */ .$l)(core, value),
        logger: {
            debug: m => core.debug((0,_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(m)),
            info: m => core.info((0,_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(m)),
            warning: m => core.warning((0,_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(m))
        }
    };
    if (key !== undefined)
        result.key = key;
    if (usableToken !== undefined) {
        result.accessToken = usableToken;
        if (key === undefined)
            result.expiredTokenHint = expiredTokenHint();
    }
    if (caCertificate !== undefined)
        result.caCertificate = caCertificate;
    const cap = parseRetryMaxDelay(env);
    if (cap !== undefined) {
        // Only ever below the client's own defaults.
        result.retry = {
            baseDelayMs: Math.min(cap, _maestro_index_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_RETRY */ .vI.baseDelayMs),
            maxDelayMs: Math.min(cap, _maestro_index_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_RETRY */ .vI.maxDelayMs)
        };
    }
    result.userAgent = options.userAgent ?? defaultUserAgent(options.action);
    return result;
}


/***/ }),

/***/ 73265:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   Sy: () => (/* binding */ writeSummary),
/* harmony export */   Xq: () => (/* binding */ formatSize),
/* harmony export */   n0: () => (/* binding */ setOutputs)
/* harmony export */ });
/* unused harmony export escapeHtml */
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(54476);

function escapeHtml(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}
const safe = (v) => escapeHtml((0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(v === null || v === undefined ? '' : String(v)));
/** Only http(s) links: a `javascript:` href from server data must not reach the page. */
function safeHref(href) {
    try {
        const url = new URL(href);
        return url.protocol === 'https:' || url.protocol === 'http:'
            ? escapeHtml((0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(href))
            : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Writes a heading, a two-column table and a list of links to the job summary. A summary that
 * cannot be written (no GITHUB_STEP_SUMMARY, e.g. a local run) is a warning, never a failure.
 */
async function writeSummary(core, content) {
    const s = core.summary;
    s.addHeading(safe(content.title), 3);
    const rows = (content.rows ?? []).filter(([, v]) => v !== undefined && v !== null && v !== '');
    if (rows.length > 0) {
        s.addTable([
            [
                { data: 'Field', header: true },
                { data: 'Value', header: true }
            ],
            ...rows.map(([k, v]) => [safe(k), safe(v)])
        ]);
    }
    const links = (content.links ?? []).flatMap(l => {
        const href = safeHref(l.href);
        return href ? [`<a href="${href}">${safe(l.text)}</a>`] : [];
    });
    if (links.length > 0)
        s.addList(links);
    try {
        await s.write();
    }
    catch (e) {
        s.emptyBuffer();
        core.warning(`Could not write the job summary: ${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(e instanceof Error ? e.message : String(e))}`);
    }
}
/**
 * Sets every output. Outputs always exist: undefined/null become "", numbers and booleans their
 * text, objects JSON. Mask secret values (maskSecret) BEFORE calling this.
 */
function setOutputs(core, outputs) {
    for (const [name, value] of Object.entries(outputs)) {
        const text = value === undefined || value === null
            ? ''
            : typeof value === 'string'
                ? value
                : typeof value === 'object'
                    ? JSON.stringify(value)
                    : String(value);
        core.setOutput(name, text);
    }
}
/** `1 file`, `2 files`: a count and a noun that takes an s. */
function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
/** `1.5 MiB (1572864 bytes)`, or `12 bytes`. */
function formatSize(bytes) {
    if (bytes < 1024)
        return plural(bytes, 'byte');
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let v = bytes / 1024;
    let i = 0;
    while (v >= 1024 && i < units.length - 1) {
        v /= 1024;
        i++;
    }
    return `${v.toFixed(1)} ${units[i]} (${bytes} bytes)`;
}


/***/ }),

/***/ 33268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  vI: () => (/* reexport */ DEFAULT_RETRY),
  Ec: () => (/* reexport */ MAX_MESSAGE_RECIPIENTS),
  Oc: () => (/* reexport */ MAYBE_DONE_HINT),
  B2: () => (/* reexport */ MaestroClient),
  sP: () => (/* reexport */ MaestroHttpError),
  eW: () => (/* reexport */ MaestroInputError),
  bJ: () => (/* reexport */ TASK_FINISH_STATUSES),
  Qf: () => (/* reexport */ renameIntoPlace),
  ms: () => (/* reexport */ resolveItemCounts),
  V8: () => (/* reexport */ withHint)
});

// UNUSED EXPORTS: CLIENT_NAME, CLIENT_VERSION, MaestroError, MaestroNetworkError, Redactor, TASK_STATES, backoffDelay, decideRetry, defaultUserAgent, describeErrorBody, hintForStatus, isLoopbackHost, normalizeServerUrl, parseRetryAfter, safeFileName

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
;// CONCATENATED MODULE: ./src/maestro/models.ts
// Request and response models, named as in the contract (/work/shared/maestro-api.md).
// Response models list the fields the contract names; servers may send more.
const TASK_STATES = (/* unused pure expression or super */ null && (['START', 'RUNNING', 'FINISHED', 'CANCELED']));
const TASK_FINISH_STATUSES = [
    'SUCCESS',
    'FAILED',
    'PARTIALLY_COMPLETED'
];
const MAX_MESSAGE_RECIPIENTS = 50;

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
;// CONCATENATED MODULE: ./src/maestro/errors.ts
// Typed errors. Every message starts with what the client was trying to do ("Could not create
// task for automation 'x'") and, for HTTP errors, says what Maestro answered and what to check.

/** Base class: anything the client throws on purpose is a MaestroError. */
class MaestroError extends Error {
    operation;
    constructor(message, options) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'MaestroError';
        this.operation = options.operation;
    }
}
/** Maestro answered with a status the call does not accept. */
class MaestroHttpError extends MaestroError {
    method;
    path;
    status;
    statusText;
    serverMessage;
    hint;
    attempts;
    constructor(o) {
        const statusText = external_node_http_.STATUS_CODES[o.status] ?? 'Unknown Status';
        let message = `Could not ${o.operation}: HTTP ${o.status} ${statusText}`;
        if (o.serverMessage)
            message += `: ${o.serverMessage}`;
        if (o.attempts && o.attempts > 1)
            message += ` (after ${o.attempts} attempts)`;
        if (!/[.!?]$/.test(message))
            message += '.';
        if (o.hint)
            message += ` Hint: ${o.hint}`;
        super(message, { operation: o.operation });
        this.name = 'MaestroHttpError';
        this.method = o.method;
        this.path = o.path;
        this.status = o.status;
        this.statusText = statusText;
        this.serverMessage = o.serverMessage;
        this.hint = o.hint;
        this.attempts = o.attempts ?? 1;
    }
}
/** The request did not get a complete answer: connection, TLS, proxy, timeout or truncated body. */
class MaestroNetworkError extends MaestroError {
    code;
    detail;
    attempts;
    hint;
    constructor(o) {
        let message = `Could not ${o.operation}: network error (${o.code})`;
        if (o.attempts > 1)
            message += ` after ${o.attempts} attempts`;
        message += `: ${o.detail}`;
        if (!/[.!?]$/.test(message))
            message += '.';
        if (o.hint)
            message += ` Hint: ${o.hint}`;
        super(message, { operation: o.operation, cause: o.cause });
        this.name = 'MaestroNetworkError';
        this.code = o.code;
        this.detail = o.detail;
        this.attempts = o.attempts;
        this.hint = o.hint;
    }
}
/**
 * The same error with `extra` added to its hint (e.g. what a failed second step left behind);
 * other values are returned as they are.
 */
function withHint(error, extra) {
    const hint = (h) => (h ? `${h} ${extra}` : extra);
    if (error instanceof MaestroHttpError) {
        return new MaestroHttpError({
            operation: error.operation,
            method: error.method,
            path: error.path,
            status: error.status,
            serverMessage: error.serverMessage,
            hint: hint(error.hint),
            attempts: error.attempts
        });
    }
    if (error instanceof MaestroNetworkError) {
        return new MaestroNetworkError({
            operation: error.operation,
            code: error.code,
            detail: error.detail,
            attempts: error.attempts,
            hint: hint(error.hint),
            cause: error.cause
        });
    }
    return error;
}
/** A caller mistake caught before anything was sent. `field` names the offending input. */
class MaestroInputError extends MaestroError {
    field;
    constructor(field, message, operation = 'validate the request') {
        super(message, { operation });
        this.name = 'MaestroInputError';
        this.field = field;
    }
}
/** The hint attached to an HTTP error, by status. `notFound` names what a 404 refers to. */
function hintForStatus(status, context = {}) {
    if (status === 401) {
        if (context.tokenFromCaller && !context.keyAvailable)
            return 'the access token expired or is invalid; log in again, or give the workspace key so the client can renew it.';
        return 'check the login (workspace organization label) and the workspace key.';
    }
    if (status === 403)
        return 'the login is not allowed to do this; check its permissions in Maestro.';
    if (status === 404)
        return context.notFound
            ? `check that ${context.notFound} exists in this workspace (labels are case-sensitive).`
            : 'check the server URL and the label or id in the request.';
    if (status === 408 || status === 429)
        return 'Maestro is busy or rate-limiting; try again later or raise the retry attempts.';
    if (status >= 500)
        return 'Maestro had a server-side problem; try again later, and check its status if it persists.';
    if (status >= 300 && status < 400)
        return undefined;
    return undefined;
}
const MAX_SNIPPET = 200;
/**
 * Turns an error body into one short line: Spring's JSON `message` (or `error`) when there is one,
 * otherwise the text with tags and control characters removed, cut to 200 characters.
 */
function describeErrorBody(body, contentType) {
    const text = body.trim();
    if (!text)
        return undefined;
    const looksJson = /json/i.test(contentType ?? '') || text.startsWith('{');
    if (looksJson) {
        try {
            const parsed = JSON.parse(text);
            if (parsed && typeof parsed === 'object') {
                const o = parsed;
                for (const k of ['message', 'error_description', 'detail', 'error']) {
                    const v = o[k];
                    if (typeof v === 'string' && v.trim())
                        return oneLine(v);
                }
                return undefined;
            }
            if (typeof parsed === 'string')
                return oneLine(parsed);
        }
        catch {
            // not JSON after all: fall through to the text snippet
        }
    }
    const noTags = text
        .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
        .replace(/<[^>]*>/g, ' ')
        .replace(/&nbsp;/g, ' ');
    const line = oneLine(noTags);
    return line || undefined;
}
function oneLine(s) {
    const clean = s
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return clean.length > MAX_SNIPPET ? `${clean.slice(0, MAX_SNIPPET - 1)}…` : clean;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/maestro/files.ts
// Downloads land in a temporary file next to the destination and are renamed into place only
// when complete; on any failure the temporary file is removed and the destination is untouched.



/** Received chunks are written in batches of about this many bytes (one writev each). */
const WRITE_BATCH = 1024 * 1024;
/** A transfer that ended early: treated like a network error (code TRUNCATED). */
class TruncatedTransferError extends Error {
    code = 'TRUNCATED';
    constructor(received, expected) {
        super(`the download ended after ${received} of ${expected} bytes`);
        this.name = 'TruncatedTransferError';
    }
}
/**
 * Reduces a server-provided file name to one safe path segment: no directories, no `..`, no
 * control characters. Falls back to `fallback` when nothing usable is left.
 */
function safeFileName(name, fallback) {
    // eslint-disable-next-line no-control-regex
    const cleaned = (name ?? '').replace(/[\u0000-\u001f\u007f]/g, '').replace(/\\/g, '/');
    const base = (0,external_node_path_.basename)(cleaned).trim();
    if (!base || base === '.' || base === '..' || /^\.+$/.test(base))
        return fallback;
    return base;
}
/** TEMP_STEM_BYTES leaves room for `.` + `.<12 hex>.part` within a 255-byte file name. */
const TEMP_STEM_BYTES = 200;
/** The start of `name` within TEMP_STEM_BYTES of UTF-8, so a long destination name still works. */
function tempStem(name) {
    if (Buffer.byteLength(name) <= TEMP_STEM_BYTES)
        return name;
    let out = '';
    for (const ch of name) {
        if (Buffer.byteLength(out + ch) > TEMP_STEM_BYTES)
            break;
        out += ch;
    }
    return out;
}
/** True when `p` names an existing directory. */
async function isDirectory(p) {
    try {
        return (await (0,external_node_fs_promises_.stat)(p)).isDirectory();
    }
    catch {
        return false;
    }
}
/**
 * Streams `body` to `destPath` through a temporary file, hashing on the way. When
 * `expectedLength` is given the byte count must match it.
 */
async function downloadToFile(body, destPath, expectedLength) {
    const dest = (0,external_node_path_.resolve)(destPath);
    const dir = (0,external_node_path_.dirname)(dest);
    await (0,external_node_fs_promises_.mkdir)(dir, { recursive: true });
    const tmp = (0,external_node_path_.join)(dir, `.${tempStem((0,external_node_path_.basename)(dest))}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.part`);
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let size = 0;
    let file;
    // The batch being written while the next is received; awaited (and its error thrown) before
    // the next write starts or the file is closed.
    let writing;
    try {
        file = await (0,external_node_fs_promises_.open)(tmp, 'wx');
        // Chunks are hashed as they arrive and written a batch at a time, one batch in flight while
        // the next is received: fewer, larger writes than a WriteStream (about a quarter less CPU)
        // and at most two batches held in memory.
        let batch = [];
        let batchBytes = 0;
        for await (const chunk of body) {
            hash.update(chunk);
            size += chunk.length;
            batch.push(chunk);
            batchBytes += chunk.length;
            if (batchBytes >= WRITE_BATCH) {
                await writing;
                writing = writeAll(file, batch, batchBytes);
                // Until that await, a failure must not count as an unhandled rejection.
                writing.catch(() => undefined);
                batch = [];
                batchBytes = 0;
            }
        }
        await writing;
        if (batchBytes > 0)
            await writeAll(file, batch, batchBytes);
        await file.close();
        file = undefined;
        if (expectedLength !== undefined && size !== expectedLength)
            throw new TruncatedTransferError(size, expectedLength);
        await renameIntoPlace(tmp, dest);
    }
    catch (e) {
        ;
        body.destroy?.();
        await writing?.catch(() => undefined);
        await file?.close().catch(() => undefined);
        await (0,external_node_fs_promises_.rm)(tmp, { force: true });
        throw e;
    }
    return { path: dest, size, sha256: hash.digest('hex') };
}
/** Writes every byte of `chunks` (`bytes` in all) at the file's current end. */
async function writeAll(file, chunks, bytes) {
    let { bytesWritten } = await file.writev(chunks);
    if (bytesWritten === bytes) {
        releaseChunks(chunks);
        return;
    }
    // A short write (a full disk reports ENOSPC on the next call) goes on with what is left.
    const all = Buffer.concat(chunks);
    while (bytesWritten < bytes) {
        const n = (await file.write(all, bytesWritten)).bytesWritten;
        if (n === 0)
            throw new Error(`wrote ${bytesWritten} of ${bytes} bytes, then nothing more`);
        bytesWritten += n;
    }
}
/**
 * Gives the memory of chunks already on disk back at once instead of at V8's next full
 * collection, which comes only after about 64 MB of such garbage: peak RSS of a download stays
 * near the baseline whatever the file size. Only a chunk that is the whole of its ArrayBuffer
 * (a socket read that held nothing but body) is released: nothing else can see that memory, so
 * detaching it (`transfer(0)`) cannot pull bytes from under anyone. Node 20 lacks `transfer`.
 */
function releaseChunks(chunks) {
    for (const c of chunks) {
        const buffer = c.buffer;
        if (c.byteOffset === 0 && c.byteLength === buffer.byteLength && buffer.transfer)
            buffer.transfer(0);
    }
}
/** Codes Windows gives while a virus scanner or the indexer still holds a file just written. */
const BUSY_CODES = new Set(['EPERM', 'EACCES', 'EBUSY']);
/**
 * Renames a finished temporary file over its destination, trying again for about a second while
 * the file is busy (Windows: a scanner opening every new file), so a complete download or export
 * does not fail at its last step.
 */
async function renameIntoPlace(from, to, move = external_node_fs_promises_.rename, pause = ms => new Promise(done => setTimeout(done, ms))) {
    for (let attempt = 1;; attempt++) {
        try {
            return await move(from, to);
        }
        catch (e) {
            const code = e.code ?? '';
            if (!BUSY_CODES.has(code) || attempt >= 6)
                throw e;
            await pause(30 * 2 ** attempt);
        }
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(41692);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(24371);
;// CONCATENATED MODULE: ./src/maestro/retry.ts
// The one retry policy. Each call declares an idempotency class; this file alone decides, from
// the class and what went wrong, whether to send the call again and after how long.
const DEFAULT_RETRY = {
    attempts: 4,
    baseDelayMs: 500,
    maxDelayMs: 10_000,
    maxRetryAfterMs: 120_000
};
/** Statuses worth another try for an idempotent call. */
const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
/** Error codes that prove the request never reached the server (no connection was made). */
const NEVER_SENT_CODES = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'UND_ERR_CONNECT_TIMEOUT'
]);
/** Error codes that no retry will fix (configuration: TLS trust, bad input). */
const FATAL_CODES = new Set([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'ERR_SSL_WRONG_VERSION_NUMBER',
    'ERR_INVALID_URL',
    'UND_ERR_INVALID_ARG',
    'UND_ERR_NOT_SUPPORTED',
    'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH'
]);
/** Full-jitter exponential backoff: a random delay in [0, min(max, base * 2^(attempt-1))]. */
function backoffDelay(attempt, s, random = Math.random) {
    const ceiling = Math.min(s.maxDelayMs, s.baseDelayMs * 2 ** Math.max(0, attempt - 1));
    return Math.floor(random() * ceiling);
}
/**
 * Decides whether try number `attempt` (1-based) that ended in `outcome` is followed by another.
 */
function decideRetry(idempotency, outcome, attempt, s, random = Math.random) {
    const no = (reason) => ({ retry: false, delayMs: 0, reason });
    if (idempotency === 'once')
        return no();
    if (attempt >= s.attempts)
        return no();
    if (outcome.kind === 'network') {
        if (FATAL_CODES.has(outcome.code))
            return no();
        const retryable = idempotency === 'idempotent' || NEVER_SENT_CODES.has(outcome.code);
        return retryable ? { retry: true, delayMs: backoffDelay(attempt, s, random) } : no();
    }
    const { status, retryAfterMs } = outcome;
    const honoured = retryAfterMs !== undefined && (status === 429 || status === 503);
    const retryable = idempotency === 'idempotent' ? RETRYABLE_STATUSES.has(status) : honoured; // create: only 429/503 + Retry-After
    if (!retryable)
        return no();
    if (retryAfterMs !== undefined && (status === 429 || status === 503 || status === 408)) {
        if (retryAfterMs > s.maxRetryAfterMs)
            return no(`the server asked to wait ${Math.ceil(retryAfterMs / 1000)} s, longer than the ${Math.ceil(s.maxRetryAfterMs / 1000)} s limit`);
        return { retry: true, delayMs: retryAfterMs };
    }
    return { retry: true, delayMs: backoffDelay(attempt, s, random) };
}
/**
 * Parses a Retry-After header: delay-seconds or an HTTP-date. Returns milliseconds from `now`
 * (never negative), or undefined when absent or unreadable.
 */
function parseRetryAfter(value, now = Date.now()) {
    const v = (Array.isArray(value) ? value[0] : value)?.trim();
    if (!v)
        return undefined;
    if (/^\d+$/.test(v))
        return Number(v) * 1000;
    if (/^\d+\.\d+$/.test(v))
        return Math.round(Number(v) * 1000);
    // An HTTP-date always names a weekday or month: refuse things like "-1" or "soon".
    if (!/[a-z]{3}/i.test(v))
        return undefined;
    const at = Date.parse(v);
    if (Number.isNaN(at))
        return undefined;
    return Math.max(0, at - now);
}

;// CONCATENATED MODULE: ./src/maestro/http.ts
// Transport: one keep-alive dispatcher per client, authentication (lazy login, one re-login on
// 401), retries through retry.ts, deadlines, redirects refused, errors built and redacted here.


// undici's index, not its files: the index is what adds request() and connect() to every
// dispatcher, and the proxy agent's own client needs connect() (a deep import broke proxies).



const DEFAULT_TLS_OPTION_NAMES = {
    caCertificate: 'the caCertificate option',
    insecureSkipTlsVerify: 'insecureSkipTlsVerify'
};
class DeadlineError extends Error {
    code = 'TIMEOUT';
    constructor(ms) {
        super(`no complete answer within ${formatMs(ms)}`);
        this.name = 'DeadlineError';
    }
}
/** Marks an HTTP failure inside the retry loop (not thrown to callers). */
class StatusFailure {
    status;
    error;
    retryAfterMs;
    constructor(status, error, retryAfterMs) {
        this.status = status;
        this.error = error;
        this.retryAfterMs = retryAfterMs;
    }
}
function formatMs(ms) {
    return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
/** The first error code found on an error, its causes, or an AggregateError's members. */
function errorCode(e, depth = 0) {
    if (!e || typeof e !== 'object' || depth > 5)
        return undefined;
    const o = e;
    if (typeof o.code === 'string' && o.code) {
        // undici wraps some socket errors; prefer the system code underneath.
        if (o.code.startsWith('UND_ERR_') && o.code !== 'UND_ERR_CONNECT_TIMEOUT') {
            const inner = errorCode(o.cause, depth + 1);
            if (inner && !inner.startsWith('UND_ERR_'))
                return inner;
        }
        return o.code;
    }
    if (Array.isArray(o.errors))
        for (const x of o.errors) {
            const c = errorCode(x, depth + 1);
            if (c)
                return c;
        }
    return errorCode(o.cause, depth + 1);
}
function networkHint(code, insecure, names) {
    if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ALTNAME/.test(code))
        return insecure
            ? undefined
            : `the server's TLS certificate is not trusted: give its CA bundle (PEM) with ${names.caCertificate}, or, only for a test server, skip verification with ${names.insecureSkipTlsVerify}.`;
    if (code === 'ECONNREFUSED')
        return 'nothing listens at the server URL; check the host and port.';
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
        return 'the server host name does not resolve; check the server URL.';
    if (code === 'TIMEOUT' || code.includes('TIMEOUT'))
        return 'Maestro did not answer in time; check the network or raise the timeout.';
    if (code === 'TRUNCATED' ||
        code === 'UND_ERR_SOCKET' ||
        code === 'ECONNRESET' ||
        code.includes('CONTENT_LENGTH'))
        return 'the connection was cut; check the network or a proxy between here and Maestro.';
    return undefined;
}
/** Added to the hint of a create (or a one-shot upload) that broke after it was sent. */
const MAYBE_DONE_HINT = 'The request was sent before it broke, so Maestro may have carried it out anyway: check there before running this step again.';
/** Builds the CA list for an extra PEM bundle: Node's roots + NODE_EXTRA_CA_CERTS + the bundle. */
function caList(extraPem) {
    const getCa = external_node_tls_.getCACertificates;
    const base = typeof getCa === 'function' ? getCa('default') : [...external_node_tls_.rootCertificates];
    if (typeof getCa !== 'function' && process.env.NODE_EXTRA_CA_CERTS) {
        try {
            base.push((0,external_node_fs_.readFileSync)(process.env.NODE_EXTRA_CA_CERTS, 'utf8'));
        }
        catch {
            // unreadable NODE_EXTRA_CA_CERTS: Node itself only warns too
        }
    }
    return [...base, extraPem];
}
class Transport {
    #o;
    #dispatcher;
    #token;
    #tokenFromCaller;
    #loginInFlight;
    constructor(o) {
        this.#o = o;
        this.#token = o.accessToken || undefined;
        this.#tokenFromCaller = Boolean(o.accessToken);
        const tlsOptions = {};
        if (o.caCertificate)
            tlsOptions.ca = caList(o.caCertificate);
        if (o.insecureSkipTlsVerify)
            tlsOptions.rejectUnauthorized = false;
        // EnvHttpProxyAgent honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY. `connect` is the TLS of direct
        // connections, `requestTls` of the tunnel through a proxy, `proxyTls` of an https proxy.
        // NO_PROXY is read now, like the proxy variables (undici would re-read it on every request).
        this.#dispatcher = new undici/* EnvHttpProxyAgent */.J2({
            noProxy: process.env.no_proxy ?? process.env.NO_PROXY ?? '',
            connect: tlsOptions,
            requestTls: tlsOptions,
            proxyTls: o.caCertificate ? { ca: tlsOptions.ca } : undefined,
            keepAliveTimeout: 4_000,
            connections: 16
        });
    }
    get accessToken() {
        return this.#token;
    }
    get transferMinBytesPerSecond() {
        return this.#o.transferMinBytesPerSecond;
    }
    get timeoutMs() {
        return this.#o.timeoutMs;
    }
    /** Budget for moving `size` bytes: the base timeout plus size at the minimum throughput. */
    transferBudgetMs(size) {
        return this.#o.timeoutMs + Math.ceil((size / this.#o.transferMinBytesPerSecond) * 1000);
    }
    async close() {
        await this.#dispatcher.close();
    }
    async login() {
        const { login, key, server } = this.#o;
        const operation = `log in to ${server.baseUrl} as '${login}'`;
        if (!key)
            throw new MaestroInputError('key', 'A workspace key is needed to log in.', operation);
        const response = await this.request({
            operation,
            method: 'POST',
            path: '/api/v2/workspace/login',
            json: { login, key },
            auth: false,
            idempotency: 'idempotent',
            notFound: `the login endpoint (is ${server.baseUrl} the Maestro address, without /api/v2?)`,
            read: async (answer) => {
                const parsed = (await readJson(answer, operation));
                const token = parsed?.accessToken;
                if (typeof token !== 'string' || !token)
                    throw new MaestroError(`Could not ${operation}: the answer has no accessToken.`, {
                        operation
                    });
                // First thing done with a new token: hand it over for masking, and learn to redact it.
                this.#o.onSecret(token);
                this.#o.redactor.add(token);
                return parsed;
            }
        });
        this.#token = response.accessToken;
        return response;
    }
    async #ensureToken() {
        if (this.#token)
            return this.#token;
        if (!this.#o.key)
            throw new MaestroInputError('key', 'Give a workspace key or an access token to call Maestro.', 'authenticate');
        if (!this.#loginInFlight) {
            this.#loginInFlight = this.login().finally(() => {
                this.#loginInFlight = undefined;
            });
        }
        await this.#loginInFlight;
        return this.#token;
    }
    /** Sends one call with retries, re-login and deadline; returns what `spec.read` makes of a 2xx. */
    async request(spec) {
        const o = this.#o;
        const auth = spec.auth !== false;
        const idempotency = spec.upload && !spec.upload.replayable ? 'once' : spec.idempotency;
        let attempt = 0;
        let reloggedIn = false;
        for (;;) {
            attempt++;
            const token = auth ? await this.#ensureToken() : undefined;
            let outcome;
            let failure;
            try {
                const result = await this.#attempt(spec, token, attempt);
                if (!(result instanceof StatusFailure))
                    return result.value;
                if (result.status === 401 && auth && !reloggedIn && o.key) {
                    // An expired (or foreign) token: log in again once and send the call once more.
                    reloggedIn = true;
                    if (this.#token === token)
                        this.#token = undefined;
                    o.logger.debug(`${spec.operation}: HTTP 401, logging in again`);
                    if (spec.upload && !spec.upload.replayable)
                        throw result.error;
                    attempt--;
                    continue;
                }
                outcome = { kind: 'status', status: result.status, retryAfterMs: result.retryAfterMs };
                failure = result.error;
            }
            catch (e) {
                if (e instanceof MaestroError)
                    throw e;
                const code = errorCode(e) ?? 'UNKNOWN';
                const detail = o.redactor.redact(e instanceof Error ? e.message || String(e) : String(e));
                outcome = { kind: 'network', code };
                // A create whose answer was lost may have been carried out: saying only "the connection was
                // cut" invites a re-run that makes a second task or alert.
                const maybeDone = idempotency !== 'idempotent' && !NEVER_SENT_CODES.has(code) && !FATAL_CODES.has(code);
                const hint = [
                    networkHint(code, Boolean(o.insecureSkipTlsVerify), o.tlsOptionNames),
                    maybeDone ? MAYBE_DONE_HINT : undefined
                ].filter(Boolean);
                failure = new MaestroNetworkError({
                    operation: spec.operation,
                    code,
                    detail,
                    attempts: attempt,
                    hint: hint.length > 0 ? hint.join(' ') : undefined,
                    cause: e
                });
            }
            const decision = decideRetry(idempotency, outcome, attempt, o.retry, o.random);
            if (!decision.retry) {
                if (decision.reason)
                    o.logger.warning(`${spec.operation}: not retried: ${decision.reason}.`);
                throw failure;
            }
            const what = outcome.kind === 'status' ? `HTTP ${outcome.status}` : outcome.code;
            o.logger.info(`${spec.operation}: attempt ${attempt} of ${o.retry.attempts} failed (${what}); retrying in ${formatMs(decision.delayMs)}.`);
            await o.sleep(decision.delayMs);
        }
    }
    async #attempt(spec, token, attempt) {
        const o = this.#o;
        const path = o.server.pathPrefix + spec.path + queryString(spec.query);
        const headers = {
            'user-agent': o.userAgent,
            accept: spec.read === 'json' ? 'application/json' : '*/*'
        };
        if (token) {
            headers.token = token;
            headers.organization = o.login;
        }
        let body;
        if (spec.upload) {
            headers['content-type'] = spec.upload.contentType;
            // Unknown length (a re-openable stream): no header, undici sends it chunked.
            if (spec.upload.contentLength !== undefined)
                headers['content-length'] = String(spec.upload.contentLength);
            // The iterable itself, not a Readable: undici then asks for a chunk only once the socket
            // drained the last one, which multipart.ts readInPlace relies on to reuse its buffer.
            body = spec.upload.body();
        }
        else if (spec.json !== undefined) {
            headers['content-type'] = 'application/json';
            body = JSON.stringify(spec.json);
        }
        const baseMs = spec.timeoutMs ?? (spec.upload ? this.transferBudgetMs(spec.upload.budgetSize) : o.timeoutMs);
        const controller = new AbortController();
        const started = Date.now();
        let deadlineMs = baseMs;
        let timer = setTimeout(() => controller.abort(new DeadlineError(deadlineMs)), deadlineMs);
        const extendDeadline = (totalMs) => {
            if (totalMs <= deadlineMs)
                return;
            deadlineMs = totalMs;
            clearTimeout(timer);
            timer = setTimeout(() => controller.abort(new DeadlineError(deadlineMs)), Math.max(0, deadlineMs - (Date.now() - started)));
        };
        try {
            let res;
            try {
                res = await this.#dispatcher.request.call(this.#dispatcher, {
                    origin: o.server.origin,
                    path,
                    method: spec.method,
                    headers,
                    // undici sends async iterables (client-h1 writeIterable); its types lag behind.
                    body: body,
                    signal: controller.signal,
                    headersTimeout: baseMs,
                    bodyTimeout: o.timeoutMs
                });
            }
            catch (e) {
                throw controller.signal.aborted ? controller.signal.reason : e;
            }
            o.logger.debug(o.redactor.redact(`${spec.method} ${path} -> ${res.statusCode} in ${Date.now() - started} ms (attempt ${attempt})`));
            const status = res.statusCode;
            if ((status >= 200 && status < 300) || spec.accept?.includes(status)) {
                const answer = { status, headers: res.headers, body: res.body, extendDeadline };
                try {
                    return { value: (await read(spec.read, answer, spec.operation)) };
                }
                catch (e) {
                    res.body.destroy();
                    throw controller.signal.aborted && !(e instanceof MaestroError)
                        ? controller.signal.reason
                        : e;
                }
            }
            const text = await readLimited(res.body, 64 * 1024);
            return this.#statusFailure(spec, status, res.headers, text, attempt);
        }
        finally {
            clearTimeout(timer);
        }
    }
    #statusFailure(spec, status, headers, text, attempt) {
        const o = this.#o;
        const contentType = String(headers['content-type'] ?? '');
        // Secrets go before the body is cut to a snippet and its whitespace collapsed: a secret cut in
        // half, or with its spacing changed, would no longer match afterwards.
        let serverMessage = describeErrorBody(o.redactor.redact(text), contentType);
        let hint = hintForStatus(status, {
            notFound: spec.notFound,
            tokenFromCaller: this.#tokenFromCaller,
            keyAvailable: Boolean(o.key)
        });
        if (status >= 300 && status < 400) {
            const location = String(headers.location ?? '');
            let host = 'an unknown place';
            try {
                host = location ? new URL(location, o.server.origin).host : host;
            }
            catch {
                // unparseable Location: keep the generic wording
            }
            serverMessage = `Maestro redirected to ${host}; redirects are not followed so the access token never leaves ${new URL(o.server.origin).host}`;
            hint = `use the address the server redirects to as the server URL (for example https:// instead of http://).`;
        }
        if (status === 401 && spec.auth === false && spec.path.endsWith('/workspace/login'))
            hint = 'check the login (workspace organization label) and the workspace key.';
        else if (status === 401 && spec.auth !== false && this.#tokenFromCaller && !o.key)
            hint = o.expiredTokenHint ?? hint;
        const error = new MaestroHttpError({
            operation: spec.operation,
            method: spec.method,
            path: o.server.pathPrefix + spec.path,
            status,
            serverMessage: serverMessage ? o.redactor.redact(serverMessage) : undefined,
            hint,
            attempts: attempt
        });
        return new StatusFailure(status, error, parseRetryAfter(headers['retry-after']));
    }
}
function queryString(query) {
    if (!query)
        return '';
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query))
        if (v !== undefined && v !== null)
            params.append(k, String(v));
    const s = params.toString();
    return s ? `?${s}` : '';
}
async function readLimited(body, limit) {
    const chunks = [];
    let n = 0;
    try {
        for await (const c of body) {
            chunks.push(Buffer.from(c));
            n += c.length;
            if (n >= limit)
                break;
        }
    }
    catch {
        // a broken error body still leaves us the status
    }
    body.destroy();
    return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}
async function readJson(answer, operation) {
    const text = await answer.body.text();
    if (!text.trim())
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        throw new MaestroError(`Could not ${operation}: Maestro's answer (HTTP ${answer.status}) is not JSON.`, { operation });
    }
}
async function read(reader, answer, operation) {
    if (reader === 'json')
        return readJson(answer, operation);
    if (reader === 'text')
        return answer.body.text();
    if (reader === 'none') {
        await answer.body.dump({ limit: 1024 * 1024 });
        return undefined;
    }
    return reader(answer);
}

;// CONCATENATED MODULE: ./src/maestro/multipart.ts
// Streams one file as multipart/form-data (one part named `file`) with an exact Content-Length,
// hashing it on the way out: one pass over the data, memory independent of the file size. A
// re-openable source of unknown size (`open`) is sent chunked, without Content-Length.




// 1 MiB reads: a quarter of the reads, hash updates and socket writes of 256 KiB ones, ~25% less
// client CPU per upload (npm run bench client); a file is read into one such buffer (readInPlace).
const CHUNK = 1024 * 1024;
/**
 * Reads a file in CHUNK-sized pieces into one buffer, reused for every piece: an upload of any
 * size holds one chunk, and leaves no garbage for V8 to collect (fresh 1 MiB chunks kept ~64 MB
 * of sent data alive until a full collection).
 *
 * Reuse is safe only because of how undici sends an async-iterable body (client-h1
 * `writeIterable`): a chunk larger than the socket's high-water mark (64 KiB, 16 KiB for TLS)
 * makes `socket.write` return false, and undici asks for the next chunk only after 'drain', when
 * the socket has handed every byte to the kernel. So a piece is overwritten only after a full
 * CHUNK was sent; after a short piece (the end of the file as it was then) a fresh buffer is
 * used. The body must therefore reach undici as the iterable itself, not through a Readable that
 * reads ahead.
 * `__tests__/maestro/upload-reuse.test.ts` uploads to a slow reader and checks every byte.
 */
async function* readInPlace(filePath) {
    const file = await (0,external_node_fs_promises_.open)(filePath, 'r');
    try {
        let buffer = Buffer.allocUnsafeSlow(CHUNK);
        for (;;) {
            let filled = 0;
            while (filled < CHUNK) {
                const { bytesRead } = await file.read(buffer, filled, CHUNK - filled, null);
                if (bytesRead === 0)
                    break;
                filled += bytesRead;
            }
            if (filled === 0)
                return;
            yield filled === CHUNK ? buffer : buffer.subarray(0, filled);
            if (filled < CHUNK)
                buffer = Buffer.allocUnsafeSlow(CHUNK);
        }
    }
    finally {
        await file.close();
    }
}
/** Quotes a file name for Content-Disposition; adds filename* for non-ASCII names. */
function contentDisposition(field, fileName) {
    // eslint-disable-next-line no-control-regex
    const clean = fileName.replace(/[\u0000-\u001f\u007f]/g, '');
    const ascii = clean.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    let v = `form-data; name="${field}"; filename="${ascii}"`;
    if (ascii !== clean)
        v += `; filename*=UTF-8''${encodeURIComponent(clean)}`;
    return v;
}
/**
 * Validates the source (file exists, is a regular file; stream has a size and name) without
 * sending anything, and returns a body factory.
 */
async function prepareUpload(source, operation) {
    let size;
    let fileName;
    let open;
    let replayable;
    let budgetSize;
    if ('open' in source && source.open !== undefined) {
        const s = source;
        if (typeof s.open !== 'function')
            throw new MaestroInputError('open', 'open must be a function returning a stream.', operation);
        if (typeof s.fileName !== 'string' || !s.fileName)
            throw new MaestroInputError('fileName', 'A stream upload needs a fileName.', operation);
        size = undefined;
        fileName = s.fileName;
        open = s.open;
        replayable = true;
        // Unknown size and no hint: budget as for 1 GiB (the stall watchdog still applies).
        budgetSize =
            typeof s.sizeHint === 'number' && Number.isFinite(s.sizeHint) && s.sizeHint >= 0
                ? s.sizeHint
                : 1024 ** 3;
    }
    else if ('filePath' in source && source.filePath !== undefined) {
        const filePath = source.filePath;
        let st;
        try {
            st = await (0,external_node_fs_promises_.stat)(filePath);
        }
        catch (e) {
            const code = e.code;
            throw new MaestroInputError('filePath', code === 'ENOENT'
                ? `The file '${filePath}' does not exist.`
                : `The file '${filePath}' cannot be read (${code}).`, operation);
        }
        if (!st.isFile())
            throw new MaestroInputError('filePath', `'${filePath}' is not a regular file.`, operation);
        size = st.size;
        fileName = source.fileName || (0,external_node_path_.basename)(filePath);
        open = () => readInPlace(filePath);
        replayable = true;
        budgetSize = size;
    }
    else {
        const s = source;
        if (!s.stream)
            throw new MaestroInputError('filePath', 'Give a filePath, or a stream with its size and fileName.', operation);
        if (typeof s.size !== 'number' || !Number.isInteger(s.size) || s.size < 0)
            throw new MaestroInputError('size', 'A stream upload needs its exact size in bytes.', operation);
        if (typeof s.fileName !== 'string' || !s.fileName)
            throw new MaestroInputError('fileName', 'A stream upload needs a fileName.', operation);
        size = s.size;
        fileName = s.fileName;
        let used = false;
        const stream = s.stream;
        open = () => {
            if (used)
                throw new MaestroError(`Could not ${operation}: the stream was already read.`, {
                    operation
                });
            used = true;
            return stream;
        };
        replayable = false;
        budgetSize = size;
    }
    const boundary = `----maestro-actions-${(0,external_node_crypto_.randomBytes)(12).toString('hex')}`;
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: ${contentDisposition('file', fileName)}\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n');
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    let last;
    async function* body() {
        const hash = (0,external_node_crypto_.createHash)('sha256');
        let sent = 0;
        yield head;
        const stream = (await open());
        for await (const chunk of stream) {
            const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
            sent += buf.length;
            if (size !== undefined && sent > size)
                break;
            hash.update(buf);
            yield buf;
        }
        if (size !== undefined && sent !== size)
            throw new MaestroError(`Could not ${operation}: the file is ${sent > size ? 'larger' : 'smaller'} than the ${size} bytes announced (did it change during the upload?).`, { operation });
        yield tail;
        last = { size: sent, sha256: hash.digest('hex') };
    }
    return {
        fileName,
        size,
        budgetSize,
        replayable,
        contentType: `multipart/form-data; boundary=${boundary}`,
        contentLength: size === undefined ? undefined : head.length + size + tail.length,
        body,
        result: () => last
    };
}

;// CONCATENATED MODULE: ./src/maestro/api/context.ts
// What every API area needs from the client: the transport (auth, retries, errors), the login,
// the logger and the secret hook; plus the small input checks and file transfer steps they share.





/** Encodes one path segment. */
function seg(value) {
    return encodeURIComponent(String(value));
}
function requireText(field, value, operation, what = field) {
    if (typeof value !== 'string' || !value.trim())
        throw new MaestroInputError(field, `The ${what} is empty.`, operation);
    return value;
}
function requireId(field, value, operation) {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0)
        return value;
    if (typeof value === 'string' && /^\d+$/.test(value.trim()))
        return value.trim();
    throw new MaestroInputError(field, `The ${field} must be a whole number, got '${String(value)}'.`, operation);
}
function fileSource(src) {
    return typeof src === 'string' ? { filePath: src } : src;
}
async function sendFile(ctx, operation, path, upload, idempotency, notFound) {
    await ctx.call({
        operation,
        method: 'POST',
        path,
        upload,
        idempotency,
        notFound,
        read: 'none'
    });
    const result = upload.result();
    if (!result)
        throw new MaestroError(`Could not ${operation}: the file was not read to the end.`, {
            operation
        });
    return result;
}
function download(ctx, operation, path, query, destPath, notFound) {
    return ctx.call({
        operation,
        method: 'GET',
        path,
        query,
        idempotency: 'idempotent',
        notFound,
        read: async (a) => {
            const raw = a.headers['content-length'];
            const length = raw === undefined ? undefined : Number(Array.isArray(raw) ? raw[0] : raw);
            const expected = length !== undefined && Number.isFinite(length) ? length : undefined;
            if (expected !== undefined)
                a.extendDeadline(ctx.transport.transferBudgetMs(expected));
            else
                a.extendDeadline(ctx.transport.transferBudgetMs(1024 ** 3)); // unknown size: the stall watchdog still applies
            return downloadToFile(a.body, destPath, expected);
        }
    });
}

;// CONCATENATED MODULE: ./src/maestro/api/alerts.ts
// Alerts on a task, and messages to at most 50 recipients.



async function createAlert(ctx, request) {
    const operation = `create alert for task ${String(request?.taskId)}`;
    const taskId = requireId('taskId', request?.taskId, operation);
    requireText('title', request.title, operation, 'alert title');
    if (!['INFO', 'WARN', 'ERROR'].includes(request.type))
        throw new MaestroInputError('type', `The alert type must be INFO, WARN or ERROR, got '${String(request.type)}'.`, operation);
    return ctx.call({
        operation,
        method: 'POST',
        path: '/api/v2/alerts',
        json: { taskId, title: request.title, message: request.message ?? '', type: request.type },
        idempotency: 'create',
        notFound: `task ${taskId}`,
        read: 'json'
    });
}
async function sendMessage(ctx, request) {
    const operation = `send message '${request?.subject ?? ''}'`;
    const emails = request?.emails ?? [];
    const logins = request?.logins ?? [];
    const count = emails.length + logins.length;
    if (count === 0)
        throw new MaestroInputError('recipients', 'A message needs at least one email or login.', operation);
    if (count > MAX_MESSAGE_RECIPIENTS)
        throw new MaestroInputError('recipients', `A message can have at most ${MAX_MESSAGE_RECIPIENTS} recipients (emails + logins); got ${count}. Split it into several messages.`, operation);
    requireText('subject', request.subject, operation, 'message subject');
    const type = request.type ?? 'TEXT';
    if (type !== 'TEXT' && type !== 'HTML')
        throw new MaestroInputError('type', `The message type must be TEXT or HTML, got '${String(type)}'.`, operation);
    return ctx.call({
        operation,
        method: 'POST',
        path: '/api/v2/message',
        json: {
            emails,
            logins,
            subject: request.subject,
            body: request.body ?? '',
            type,
            group: request.group ?? ''
        },
        idempotency: 'create',
        read: 'none'
    });
}

;// CONCATENATED MODULE: ./src/maestro/api/artifacts.ts
// Artifacts ("result files"): record + streamed file upload, paged list, read, download.





async function uploadArtifact(ctx, request) {
    const name = requireText('name', request?.name, 'upload artifact', 'artifact name');
    const taskId = requireId('taskId', request.taskId, `upload artifact '${name}'`);
    const operation = `upload artifact '${name}' for task ${taskId}`;
    const source = request.filePath !== undefined
        ? { filePath: request.filePath, fileName: request.fileName }
        : request.open !== undefined
            ? { open: request.open, fileName: request.fileName, sizeHint: request.sizeHint }
            : { stream: request.stream, size: request.size, fileName: request.fileName };
    const upload = await prepareUpload(source, operation);
    const artifact = await ctx.call({
        operation: `create the record of artifact '${name}' for task ${taskId}`,
        method: 'POST',
        path: '/api/v2/artifact',
        json: { taskId, name, filename: upload.fileName },
        idempotency: 'create',
        notFound: `task ${taskId}`,
        read: 'json'
    });
    if (artifact?.id === undefined || artifact?.id === null)
        throw new MaestroError(`Could not ${operation}: the answer has no artifact id.`, {
            operation
        });
    let result;
    try {
        result = await sendFile(ctx, `send file '${upload.fileName}' to artifact ${artifact.id} ('${name}')`, `/api/v2/artifact/log/${seg(artifact.id)}`, upload, 'idempotent', `artifact ${artifact.id}`);
    }
    catch (e) {
        // The record cannot be taken back (the API has no delete): say it is there, empty.
        throw withHint(e, `Artifact ${artifact.id} ('${name}') was created in Maestro without its file and stays there; posting again makes a new one.`);
    }
    return { artifact, ...result };
}
async function listArtifacts(ctx, query = {}) {
    const operation = 'list artifacts';
    const size = query.pageSize ?? 100;
    if (!(Number.isInteger(size) && size > 0))
        throw new MaestroInputError('pageSize', 'pageSize must be a positive whole number.', operation);
    const all = [];
    for (let page = 0; page < 100_000; page++) {
        const p = await ctx.call({
            operation: `${operation} (page ${page + 1})`,
            method: 'GET',
            path: '/api/v2/artifact',
            query: { size, page, sort: query.sort ?? 'dateCreation,desc', days: query.days ?? 7 },
            idempotency: 'idempotent',
            read: 'json'
        });
        const content = p?.content ?? [];
        all.push(...content);
        if (content.length === 0 ||
            p.last === true ||
            (typeof p.totalPages === 'number' && page + 1 >= p.totalPages))
            break;
    }
    return all;
}
async function getArtifact(ctx, id) {
    const operation = `read artifact ${String(id)}`;
    const artifactId = requireId('artifactId', id, operation);
    return ctx.call({
        operation,
        method: 'GET',
        path: `/api/v2/artifact/${seg(artifactId)}`,
        idempotency: 'idempotent',
        notFound: `artifact ${artifactId}`,
        read: 'json'
    });
}
async function downloadArtifact(ctx, id, destPath) {
    const operation = `download artifact ${String(id)}`;
    const artifactId = requireId('artifactId', id, operation);
    requireText('destPath', destPath, operation, 'destination path');
    let target = destPath;
    if (await isDirectory(destPath)) {
        const artifact = await getArtifact(ctx, artifactId);
        target = `${destPath.replace(/[\\/]+$/, '')}/${safeFileName(artifact.fileName || artifact.name, `artifact-${artifactId}`)}`;
    }
    return download(ctx, operation, `/api/v2/artifact/${seg(artifactId)}/file`, undefined, target, `artifact ${artifactId}`);
}

;// CONCATENATED MODULE: ./src/maestro/api/bots.ts
// Bots: versions, deploy, package upload, release, delete.





async function getBotVersions(ctx, botId) {
    const operation = `read the versions of bot '${botId}'`;
    requireText('botId', botId, operation, 'bot id');
    return ctx.call({
        operation,
        method: 'GET',
        path: '/api/v2/bot',
        query: { botId },
        idempotency: 'idempotent',
        read: async (a) => (await readJson(a, operation)) ?? []
    });
}
async function deployBot(ctx, request) {
    const botId = requireText('botId', request?.botId, 'deploy bot', 'bot id');
    const operation = `deploy version '${String(request.version)}' of bot '${botId}'`;
    requireText('version', request.version, operation, 'bot version');
    if (!['PYTHON', 'JAVA', 'JAVASCRIPT', 'TYPESCRIPT', 'COMMAND'].includes(request.technology))
        throw new MaestroInputError('technology', `The technology must be one of PYTHON, JAVA, JAVASCRIPT, TYPESCRIPT, COMMAND, got '${String(request.technology)}'.`, operation);
    return ctx.call({
        operation,
        method: 'POST',
        path: '/api/v2/bot',
        json: {
            organization: ctx.login,
            botId,
            version: request.version,
            technology: request.technology,
            command: request.command ?? null,
            repositoryLabel: request.repositoryLabel ?? 'DEFAULT'
        },
        idempotency: 'create',
        read: 'none'
    });
}
async function uploadBot(ctx, botId, version, file, options = {}) {
    const operation = `upload the package of bot '${botId}' version '${version}'`;
    requireText('botId', botId, operation, 'bot id');
    requireText('version', version, operation, 'bot version');
    const upload = await prepareUpload(fileSource(file), operation);
    return sendFile(ctx, operation, `/api/v2/bot/upload/${seg(botId)}/version/${seg(version)}`, upload, options.exactlyOnce ? 'create' : 'idempotent', `bot '${botId}' version '${version}' (deploy it first)`);
}
async function releaseBot(ctx, botId, version) {
    const operation = `release version '${version}' of bot '${botId}'`;
    requireText('botId', botId, operation, 'bot id');
    requireText('version', version, operation, 'bot version');
    return ctx.call({
        operation,
        method: 'POST',
        path: '/api/v2/bot/release',
        json: { botId, version },
        idempotency: 'idempotent',
        notFound: `bot '${botId}' version '${version}'`,
        read: 'none'
    });
}
async function deleteBotVersion(ctx, botId, version) {
    const operation = `delete version '${version}' of bot '${botId}'`;
    requireText('botId', botId, operation, 'bot id');
    requireText('version', version, operation, 'bot version');
    return ctx.call({
        operation,
        method: 'DELETE',
        path: `/api/v2/bot/${seg(botId)}/version/${seg(version)}`,
        idempotency: 'idempotent',
        notFound: `bot '${botId}' version '${version}'`,
        read: 'none'
    });
}

;// CONCATENATED MODULE: ./src/maestro/api/credentials.ts
// The credential vault: read a key or a set, create-or-add, update, remove. Values are secrets.




async function getCredentialValue(ctx, label, key) {
    const operation = `read key '${key}' of credential '${label}'`;
    requireText('label', label, operation, 'credential label');
    requireText('key', key, operation, 'credential key');
    return ctx.call({
        operation,
        method: 'GET',
        path: `/api/v2/credential/${seg(label)}/key/${seg(key)}`,
        idempotency: 'idempotent',
        notFound: `credential '${label}' with key '${key}'`,
        read: async (a) => {
            const value = await a.body.text();
            ctx.onSecret(value);
            return value;
        }
    });
}
async function getCredentialSet(ctx, label) {
    const operation = `read credential '${label}'`;
    requireText('label', label, operation, 'credential label');
    return ctx.call({
        operation,
        method: 'GET',
        path: `/api/v2/credential/${seg(label)}`,
        idempotency: 'idempotent',
        notFound: `credential '${label}'`,
        read: async (a) => {
            const set = (await readJson(a, operation));
            for (const s of set?.secrets ?? [])
                if (typeof s?.value === 'string')
                    ctx.onSecret(s.value);
            return set;
        }
    });
}
async function findCredentialSet(ctx, label) {
    try {
        return await getCredentialSet(ctx, label);
    }
    catch (e) {
        if (e instanceof MaestroHttpError && e.status === 404)
            return undefined;
        throw e;
    }
}
function replaceCredentialSet(ctx, label, secrets, operation) {
    return ctx.call({
        operation,
        method: 'POST',
        path: `/api/v2/credential/${seg(label)}`,
        json: {
            label,
            secrets: secrets.map(s => ({ key: s.key, value: s.value, valid: s.valid ?? true }))
        },
        idempotency: 'idempotent',
        notFound: `credential '${label}'`,
        read: 'none'
    });
}
async function setCredentialValue(ctx, label, key, value) {
    const operation = `set key '${key}' of credential '${label}'`;
    requireText('label', label, operation, 'credential label');
    requireText('key', key, operation, 'credential key');
    if (typeof value !== 'string')
        throw new MaestroInputError('value', 'A credential value must be a string.', operation);
    ctx.onSecret(value);
    const set = await findCredentialSet(ctx, label);
    if (!set) {
        await ctx.call({
            operation: `create credential '${label}' with key '${key}'`,
            method: 'POST',
            path: '/api/v2/credential',
            json: { label, secrets: [{ key, value, valid: true }] },
            idempotency: 'create',
            read: 'none'
        });
        return 'created-set';
    }
    const secrets = set.secrets ?? [];
    // Replacing the set re-sends every other value; a server that leaves values out of the set
    // would have them wiped, so then the key is sent alone through add-key, as the SDKs do.
    const canReplace = secrets.every(s => s.key === key || typeof s?.value === 'string');
    if (canReplace && secrets.some(s => s.key === key)) {
        await replaceCredentialSet(ctx, label, set.secrets.map(s => (s.key === key ? { ...s, value } : s)), operation);
        return 'updated-key';
    }
    const existed = secrets.some(s => s.key === key);
    await ctx.call({
        operation: `${existed ? 'set' : 'add'} key '${key}' ${existed ? 'of' : 'to'} credential '${label}'`,
        method: 'POST',
        path: `/api/v2/credential/${seg(label)}/key`,
        json: { key, value },
        idempotency: 'create',
        notFound: `credential '${label}'`,
        read: 'none'
    });
    return existed ? 'updated-key' : 'added-key';
}
async function updateCredentialValue(ctx, label, key, value) {
    const operation = `update key '${key}' of credential '${label}'`;
    requireText('label', label, operation, 'credential label');
    requireText('key', key, operation, 'credential key');
    if (typeof value !== 'string')
        throw new MaestroInputError('value', 'A credential value must be a string.', operation);
    ctx.onSecret(value);
    const set = await getCredentialSet(ctx, label);
    if (!(set.secrets ?? []).some(s => s.key === key))
        throw new MaestroInputError('key', `Credential '${label}' has no key '${key}'; use setCredentialValue to add it.`, operation);
    await replaceCredentialSet(ctx, label, set.secrets.map(s => (s.key === key ? { ...s, value } : s)), operation);
}
async function removeCredentialKey(ctx, label, key) {
    const operation = `remove key '${key}' from credential '${label}'`;
    requireText('label', label, operation, 'credential label');
    requireText('key', key, operation, 'credential key');
    const set = await getCredentialSet(ctx, label);
    const secrets = set.secrets ?? [];
    if (!secrets.some(s => s.key === key))
        return false;
    await replaceCredentialSet(ctx, label, secrets.filter(s => s.key !== key), operation);
    return true;
}

;// CONCATENATED MODULE: ./src/maestro/api/datapools.ts
// Datapools: create, read, summary, push, pull (204 = empty), entry read/update.




async function createDatapool(ctx, request) {
    const label = requireText('label', request?.label, 'create datapool', 'datapool label');
    const operation = `create datapool '${label}'`;
    return ctx.call({
        operation,
        method: 'POST',
        path: '/api/v2/datapool',
        json: {
            name: label,
            consumptionPolicy: 'FIFO',
            trigger: 'NEVER',
            autoRetry: true,
            maxAutoRetry: 0,
            abortOnError: true,
            maxErrorsBeforeInactive: 0,
            itemMaxProcessingTime: 0,
            active: true,
            repositoryLabel: 'DEFAULT',
            schema: [],
            ...request
        },
        idempotency: 'create',
        read: 'json'
    });
}
async function getDatapool(ctx, label) {
    const operation = `read datapool '${label}'`;
    requireText('label', label, operation, 'datapool label');
    return ctx.call({
        operation,
        method: 'GET',
        path: `/api/v2/datapool/${seg(label)}`,
        idempotency: 'idempotent',
        notFound: `datapool '${label}'`,
        read: 'json'
    });
}
async function getDatapoolSummary(ctx, label) {
    const operation = `read the summary of datapool '${label}'`;
    requireText('label', label, operation, 'datapool label');
    return ctx.call({
        operation,
        method: 'GET',
        path: `/api/v2/datapool/${seg(label)}/summary`,
        idempotency: 'idempotent',
        notFound: `datapool '${label}'`,
        read: 'json'
    });
}
async function pushDatapoolEntry(ctx, label, request) {
    const operation = `push an entry to datapool '${label}'`;
    requireText('label', label, operation, 'datapool label');
    if (!request?.values || typeof request.values !== 'object')
        throw new MaestroInputError('values', 'A datapool entry needs its values (an object).', operation);
    return ctx.call({
        operation,
        method: 'POST',
        path: `/api/v2/datapool/${seg(label)}/push`,
        json: { priority: request.priority ?? 0, values: request.values },
        idempotency: 'create',
        notFound: `datapool '${label}'`,
        read: 'json'
    });
}
async function pullDatapoolEntry(ctx, label) {
    const operation = `pull an entry from datapool '${label}'`;
    requireText('label', label, operation, 'datapool label');
    return ctx.call({
        operation,
        method: 'GET',
        path: `/api/v2/datapool/${seg(label)}/pull`,
        idempotency: 'create', // a pull takes an entry: sending it twice could take two
        notFound: `datapool '${label}'`,
        read: async (a) => {
            if (a.status === 204) {
                await a.body.dump();
                return null;
            }
            return (await readJson(a, operation)) ?? null;
        }
    });
}
async function getDatapoolEntry(ctx, label, entryId) {
    const operation = `read entry ${String(entryId)} of datapool '${label}'`;
    requireText('label', label, operation, 'datapool label');
    const id = requireText('entryId', String(entryId ?? ''), operation, 'entry id');
    return ctx.call({
        operation,
        method: 'GET',
        path: `/api/v2/datapool/${seg(label)}/entry/${seg(id)}`,
        idempotency: 'idempotent',
        notFound: `entry ${id} of datapool '${label}'`,
        read: 'json'
    });
}
async function updateDatapoolEntry(ctx, label, entryId, update) {
    const operation = `update entry ${String(entryId)} of datapool '${label}'`;
    requireText('label', label, operation, 'datapool label');
    const id = requireText('entryId', String(entryId ?? ''), operation, 'entry id');
    return ctx.call({
        operation,
        method: 'POST',
        path: `/api/v2/datapool/${seg(label)}/entry/${seg(id)}`,
        json: update ?? {},
        idempotency: 'idempotent',
        notFound: `entry ${id} of datapool '${label}'`,
        read: async (a) => (await readJson(a, operation))
    });
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./src/maestro/api/error-reports.ts
// Error reports on a task, with default tags, a screenshot and attachments.




async function createError(ctx, request) {
    const operation = `report an error for task ${String(request?.taskId)}`;
    const taskId = requireId('taskId', request?.taskId, operation);
    requireText('type', request.type, operation, 'error type');
    return ctx.call({
        operation,
        method: 'POST',
        path: '/api/v2/error',
        json: {
            taskId,
            type: request.type,
            message: request.message ?? '',
            stackTrace: request.stackTrace ?? '',
            language: request.language ?? 'SHELL',
            tags: { ...defaultErrorTags(), ...(request.tags ?? {}) }
        },
        idempotency: 'create',
        notFound: `task ${taskId}`,
        read: 'json'
    });
}
async function uploadErrorScreenshot(ctx, errorId, file) {
    const operation = `send the screenshot of error ${String(errorId)}`;
    const id = requireId('errorId', errorId, operation);
    const upload = await prepareUpload(fileSource(file), operation);
    return sendFile(ctx, operation, `/api/v2/error/${seg(id)}/screenshot`, upload, 'idempotent', `error ${id}`);
}
async function uploadErrorAttachment(ctx, errorId, file) {
    const operation = `attach a file to error ${String(errorId)}`;
    const id = requireId('errorId', errorId, operation);
    const upload = await prepareUpload(fileSource(file), operation);
    return sendFile(ctx, `attach '${upload.fileName}' to error ${id}`, `/api/v2/error/${seg(id)}/attachments`, upload, 'create', `error ${id}`);
}
function defaultErrorTags() {
    let user;
    try {
        user = (0,external_node_os_.userInfo)().username;
    }
    catch {
        user = process.env.USER ?? '';
    }
    return {
        user_name: user,
        host_name: (0,external_node_os_.hostname)(),
        os_name: (0,external_node_os_.type)(),
        os_version: (0,external_node_os_.release)(),
        node_version: process.version
    };
}

;// CONCATENATED MODULE: ./src/maestro/api/logs.ts
// Execution logs: create, read, list, entries (by days or since a moment), CSV export, delete.




const DAY_MS = 86_400_000;
async function createLog(ctx, request) {
    const label = requireText('activityLabel', request?.activityLabel, 'create execution log', 'log label');
    const operation = `create execution log '${label}'`;
    if (!Array.isArray(request.columns) || request.columns.length === 0)
        throw new MaestroInputError('columns', 'An execution log needs at least one column.', operation);
    request.columns.forEach((c, i) => {
        requireText(`columns[${i}].name`, c?.name, operation, `name of column ${i + 1}`);
        requireText(`columns[${i}].label`, c?.label, operation, `label of column ${i + 1}`);
    });
    return ctx.call({
        operation,
        method: 'POST',
        path: '/api/v2/log',
        json: {
            activityLabel: label,
            columns: request.columns.map(c => ({
                name: c.name,
                label: c.label,
                width: c.width ?? 300
            })),
            organizationLabel: ctx.login
        },
        idempotency: 'create',
        read: 'json'
    });
}
async function getLog(ctx, label) {
    const operation = `read execution log '${label}'`;
    requireText('label', label, operation, 'log label');
    return ctx.call({
        operation,
        method: 'GET',
        path: `/api/v2/log/${seg(label)}`,
        idempotency: 'idempotent',
        notFound: `execution log '${label}'`,
        read: 'json'
    });
}
async function listLogs(ctx) {
    return ctx.call({
        operation: 'list execution logs',
        method: 'GET',
        path: '/api/v2/log',
        idempotency: 'idempotent',
        read: async (a) => (await readJson(a, 'list execution logs')) ?? []
    });
}
async function addLogEntry(ctx, label, values) {
    const operation = `add an entry to execution log '${label}'`;
    requireText('label', label, operation, 'log label');
    if (!values || typeof values !== 'object' || Array.isArray(values))
        throw new MaestroInputError('values', 'A log entry is an object of column label -> value.', operation);
    const body = {};
    for (const [k, v] of Object.entries(values))
        body[k] = v === null || v === undefined ? '' : String(v);
    return ctx.call({
        operation,
        method: 'POST',
        path: `/api/v2/log/${seg(label)}/entry`,
        json: body,
        idempotency: 'create',
        notFound: `execution log '${label}'`,
        read: 'none'
    });
}
async function getLogEntries(ctx, label, query = {}) {
    const operation = `read the entries of execution log '${label}'`;
    requireText('label', label, operation, 'log label');
    const { days, since } = entryWindow(query, operation);
    const entries = await ctx.call({
        operation,
        method: 'GET',
        path: `/api/v2/log/${seg(label)}/entry-list`,
        query: { days },
        idempotency: 'idempotent',
        notFound: `execution log '${label}'`,
        read: async (a) => (await readJson(a, operation)) ?? []
    });
    if (since === undefined)
        return entries;
    return entries.filter(e => {
        const t = Date.parse(e.dateCreation);
        return Number.isNaN(t) || t >= since;
    });
}
const DEFAULT_ENTRY_PAGE_SIZE = 500;
/**
 * The entries of a log a page at a time (oldest first), so a caller can write a big log to disk
 * without holding it. Sends `page` and `size` to entry-list; a server that answers a Spring Page
 * is walked page by page, one that ignores them and answers the plain array of the contract gives
 * that array as the only page. Each page is one idempotent GET (retried on its own).
 */
async function* logEntryPages(ctx, label, query = {}) {
    const operation = `read the entries of execution log '${label}'`;
    requireText('label', label, operation, 'log label');
    const { days, since } = entryWindow(query, operation);
    const size = query.pageSize ?? DEFAULT_ENTRY_PAGE_SIZE;
    if (!(Number.isInteger(size) && size > 0))
        throw new MaestroInputError('pageSize', 'pageSize must be a positive whole number.', operation);
    const keep = (entries) => since === undefined
        ? entries
        : entries.filter(e => {
            const t = Date.parse(e?.dateCreation);
            return Number.isNaN(t) || t >= since;
        });
    for (let page = 0; page < 1_000_000; page++) {
        const answer = await ctx.call({
            operation: `${operation} (page ${page + 1})`,
            method: 'GET',
            path: `/api/v2/log/${seg(label)}/entry-list`,
            query: { days, page, size },
            idempotency: 'idempotent',
            notFound: `execution log '${label}'`,
            read: async (a) => (await readJson(a, operation))
        });
        if (Array.isArray(answer)) {
            // No paging on this server: the whole list came at once.
            yield keep(answer);
            return;
        }
        const content = Array.isArray(answer?.content) ? answer.content : [];
        if (content.length > 0)
            yield keep(content);
        if (content.length === 0 ||
            answer?.last === true ||
            (typeof answer?.totalPages === 'number' && page + 1 >= answer.totalPages))
            return;
    }
}
async function exportLogCsv(ctx, label, destPath, query = {}) {
    const operation = `export execution log '${label}' as CSV`;
    requireText('label', label, operation, 'log label');
    requireText('destPath', destPath, operation, 'destination path');
    const { days } = entryWindow(query, operation);
    return download(ctx, operation, `/api/v2/log/${seg(label)}/export`, { days, format: 'csv' }, destPath, `execution log '${label}'`);
}
async function deleteLog(ctx, label) {
    const operation = `delete execution log '${label}'`;
    requireText('label', label, operation, 'log label');
    return ctx.call({
        operation,
        method: 'DELETE',
        path: `/api/v2/log/${seg(label)}`,
        idempotency: 'idempotent',
        notFound: `execution log '${label}'`,
        read: 'none'
    });
}
/** `days` for entry-list/export: given, derived from `since` (rounded up), or 7. */
function entryWindow(query, operation) {
    if (query.since !== undefined) {
        const since = query.since instanceof Date ? query.since.getTime() : Date.parse(query.since);
        if (Number.isNaN(since))
            throw new MaestroInputError('since', `'${String(query.since)}' is not a date.`, operation);
        return { days: Math.max(1, Math.ceil((Date.now() - since) / DAY_MS)), since };
    }
    const days = query.days ?? 7;
    if (!(Number.isInteger(days) && days > 0))
        throw new MaestroInputError('days', `days must be a positive whole number, got '${days}'.`, operation);
    return { days };
}

;// CONCATENATED MODULE: ./src/maestro/items.ts
// The items rule every official SDK applies before finishing a task.

function check(value, field) {
    if (value === null || value === undefined)
        return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || !Number.isInteger(value))
        throw new MaestroInputError(field, `${field} must be a whole number, got '${String(value)}'.`, 'finish the task');
    return value;
}
/**
 * None given: all null, with a warning. Otherwise at least two of total/processed/failed are
 * needed; the third is derived, negatives are clamped to 0, and total must equal
 * processed + failed. Throws MaestroInputError naming the field at fault.
 */
function resolveItemCounts(items) {
    const op = 'finish the task';
    let total = check(items.total, 'totalItems');
    let processed = check(items.processed, 'processedItems');
    let failed = check(items.failed, 'failedItems');
    const given = [total, processed, failed].filter(v => v !== undefined).length;
    if (given === 0)
        return {
            totalItems: null,
            processedItems: null,
            failedItems: null,
            warning: 'No item counts were given: the task is finished without totalItems, processedItems and failedItems.'
        };
    if (given === 1) {
        const missing = total === undefined ? 'totalItems' : 'processedItems';
        throw new MaestroInputError(missing, 'Give at least two of totalItems, processedItems and failedItems (the third is derived), or none of them.', op);
    }
    const notes = [];
    const clamp = (v, f) => {
        if (v !== undefined && v < 0) {
            notes.push(`${f} ${v} was raised to 0`);
            return 0;
        }
        return v;
    };
    total = clamp(total, 'totalItems');
    processed = clamp(processed, 'processedItems');
    failed = clamp(failed, 'failedItems');
    if (total === undefined)
        total = processed + failed;
    else if (processed === undefined) {
        if (failed > total)
            throw new MaestroInputError('failedItems', `failedItems (${failed}) is greater than totalItems (${total}).`, op);
        processed = total - failed;
    }
    else if (failed === undefined) {
        if (processed > total)
            throw new MaestroInputError('processedItems', `processedItems (${processed}) is greater than totalItems (${total}).`, op);
        failed = total - processed;
    }
    if (total !== processed + failed)
        throw new MaestroInputError('totalItems', `totalItems (${total}) must equal processedItems (${processed}) + failedItems (${failed}).`, op);
    const result = { totalItems: total, processedItems: processed, failedItems: failed };
    if (notes.length)
        result.warning = `Item counts adjusted: ${notes.join(', ')}.`;
    return result;
}

;// CONCATENATED MODULE: ./src/maestro/api/tasks.ts
// Tasks: create, read, state updates (finish with the items rule, restart, interrupt, cancel), list.




async function createTask(ctx, request) {
    const label = requireText('activityLabel', request?.activityLabel, 'create task', 'automation label');
    const operation = `create task for automation '${label}'`;
    if (request.priority !== undefined &&
        !(Number.isInteger(request.priority) && request.priority >= 0 && request.priority <= 10))
        throw new MaestroInputError('priority', `The priority must be a whole number from 0 to 10, got '${request.priority}'.`, operation);
    let minExecutionDate = null;
    if (request.minExecutionDate) {
        const d = request.minExecutionDate instanceof Date
            ? request.minExecutionDate
            : new Date(request.minExecutionDate);
        if (Number.isNaN(d.getTime()))
            throw new MaestroInputError('minExecutionDate', `'${String(request.minExecutionDate)}' is not a date.`, operation);
        minExecutionDate = d.toISOString();
    }
    const body = {
        activityLabel: label,
        parameters: request.parameters ?? {},
        test: request.test ?? false,
        priority: request.priority ?? 0
    };
    if (minExecutionDate)
        body.minExecutionDate = minExecutionDate;
    return ctx.call({
        operation,
        method: 'POST',
        path: '/api/v2/task',
        json: body,
        idempotency: 'create',
        notFound: `automation '${label}' (the activity label)`,
        read: 'json'
    });
}
async function getTask(ctx, id) {
    const operation = `read task ${String(id)}`;
    const taskId = requireId('taskId', id, operation);
    return ctx.call({
        operation,
        method: 'GET',
        path: `/api/v2/task/${seg(taskId)}`,
        idempotency: 'idempotent',
        notFound: `task ${taskId}`,
        read: 'json'
    });
}
function updateTask(ctx, id, body, verb) {
    const operation = `${verb} task ${String(id)}`;
    const taskId = requireId('taskId', id, operation);
    return ctx.call({
        operation,
        method: 'POST',
        path: `/api/v2/task/${seg(taskId)}`,
        json: body,
        idempotency: 'idempotent',
        notFound: `task ${taskId}`,
        read: 'json'
    });
}
async function finishTask(ctx, id, request) {
    const operation = `finish task ${String(id)}`;
    if (!TASK_FINISH_STATUSES.includes(request?.finishStatus))
        throw new MaestroInputError('finishStatus', `The finish status must be one of ${TASK_FINISH_STATUSES.join(', ')}, got '${String(request?.finishStatus)}'.`, operation);
    const items = resolveItemCounts({
        total: request.totalItems,
        processed: request.processedItems,
        failed: request.failedItems
    });
    if (items.warning)
        ctx.logger.warning(`Task ${String(id)}: ${items.warning}`);
    return updateTask(ctx, id, {
        state: 'FINISHED',
        finishStatus: request.finishStatus,
        finishMessage: request.finishMessage ?? '',
        totalItems: items.totalItems,
        processedItems: items.processedItems,
        failedItems: items.failedItems
    }, 'finish');
}
async function restartTask(ctx, id) {
    return updateTask(ctx, id, { state: 'START' }, 'restart');
}
async function interruptTask(ctx, id) {
    return updateTask(ctx, id, { interrupted: true }, 'interrupt');
}
async function cancelTask(ctx, id) {
    return updateTask(ctx, id, { state: 'CANCELED' }, 'cancel');
}
async function listTasks(ctx, query = {}) {
    return ctx.call({
        operation: query.activityLabel
            ? `list tasks of automation '${query.activityLabel}'`
            : 'list tasks',
        method: 'GET',
        path: '/api/v2/task',
        query: { ...query },
        idempotency: 'idempotent',
        read: 'json'
    });
}

;// CONCATENATED MODULE: ./src/maestro/redact.ts
// Secrets never leave the client in text: every message built from server data, every log and
// debug line goes through one Redactor that knows the key, every access token and every
// credential value the client has seen.
const MASK = '***';
/** Values shorter than this are not masked: masking "a" or "1" would garble every message. */
const MIN_SECRET_LENGTH = 4;
class Redactor {
    #forms = new Set();
    /** Remembers a secret (and the forms a server may echo it in). Empty or short values are ignored. */
    add(value) {
        if (typeof value !== 'string')
            return;
        const candidates = new Set([value]);
        // A multi-line secret may come back one line at a time.
        for (const line of value.split(/\r?\n/))
            candidates.add(line.trim());
        for (const c of [...candidates]) {
            candidates.add(JSON.stringify(c).slice(1, -1)); // as it appears inside a JSON string
            candidates.add(encodeURIComponent(c)); // as it appears in a URL or a form body
        }
        for (const c of candidates)
            if (c.length >= MIN_SECRET_LENGTH)
                this.#forms.add(c);
    }
    /** Replaces every known secret in `text` with `***`. */
    redact(text) {
        if (this.#forms.size === 0 || !text)
            return text;
        // Longest first, so a secret that contains another is masked whole.
        const forms = [...this.#forms].sort((a, b) => b.length - a.length);
        let out = text;
        for (const f of forms)
            if (out.includes(f))
                out = out.split(f).join(MASK);
        return out;
    }
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
;// CONCATENATED MODULE: ./src/maestro/url.ts
// The server URL: normalised once, validated before anything is sent.


/** True for localhost, 127.0.0.0/8 and ::1. */
function isLoopbackHost(hostname) {
    const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (h === 'localhost' || h.endsWith('.localhost'))
        return true;
    if ((0,external_node_net_.isIP)(h) === 4)
        return h.startsWith('127.');
    if ((0,external_node_net_.isIP)(h) === 6)
        return h === '::1' || h === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(h);
    return false;
}
/** Strips trailing slashes, requires http(s), refuses credentials, query and fragment. */
function normalizeServerUrl(server) {
    const field = 'server';
    const raw = (server ?? '').trim();
    if (!raw)
        throw new MaestroInputError(field, 'The Maestro server URL is empty; give e.g. https://developers.botcity.dev.');
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new MaestroInputError(field, `The Maestro server URL '${raw}' is not a valid URL; give e.g. https://developers.botcity.dev.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new MaestroInputError(field, `The Maestro server URL '${raw}' must start with https:// or http://.`);
    if (url.username || url.password)
        throw new MaestroInputError(field, 'The Maestro server URL must not contain a user name or password.');
    if (url.search || url.hash)
        throw new MaestroInputError(field, `The Maestro server URL '${url.origin}${url.pathname}' must not have a query or fragment.`);
    const pathPrefix = url.pathname.replace(/\/+$/, '');
    const baseUrl = `${url.origin}${pathPrefix}`;
    const result = { baseUrl, origin: url.origin, pathPrefix };
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname))
        result.warning = `The Maestro server URL ${baseUrl} uses plain http: the workspace key and access token travel unencrypted. Use https:// unless this network is trusted.`;
    return result;
}

;// CONCATENATED MODULE: ./src/maestro/version.ts
// This client's name and version, as sent in the User-Agent. A unit test keeps it equal to
// package.json's version (bundlers make reading package.json at run time unreliable).
const CLIENT_NAME = 'maestro-actions';
const CLIENT_VERSION = '0.1.0';
function defaultUserAgent() {
    return `${CLIENT_NAME}/${CLIENT_VERSION} (+node ${process.version})`;
}

;// CONCATENATED MODULE: ./src/maestro/client.ts
// MaestroClient: one method per call of the contract. The API areas live in ./api/ (each call
// names its operation for messages, its idempotency class for retries and what a 404 refers
// to); the transport in http.ts does the rest.
















const silentLogger = { debug() { }, info() { }, warning() { } };
class MaestroClient {
    #t;
    #login;
    #redactor = new Redactor();
    #onSecret;
    #baseUrl;
    #ctx;
    constructor(options) {
        const logger = options.logger ?? silentLogger;
        const onSecret = options.onSecret ?? (() => { });
        this.#onSecret = (v) => {
            onSecret(v);
            this.#redactor.add(v);
        };
        // Known secrets are masked before anything could print them.
        if (options.key)
            this.#onSecret(options.key);
        if (options.accessToken)
            this.#onSecret(options.accessToken);
        const server = normalizeServerUrl(options.server);
        requireText('login', options.login, 'configure the Maestro client', 'login (workspace organization label)');
        if (!options.key && !options.accessToken)
            throw new MaestroInputError('key', 'Give the workspace key, or an access token from an earlier login.', 'configure the Maestro client');
        if (server.warning)
            logger.warning(server.warning);
        const tlsNames = { ...DEFAULT_TLS_OPTION_NAMES, ...options.tlsOptionNames };
        if (options.insecureSkipTlsVerify)
            logger.warning(`TLS certificate verification is OFF for ${server.baseUrl}: anyone on the network path can read the key and the data. Use ${tlsNames.caCertificate} instead.`);
        const timeoutMs = options.timeoutMs ?? 60_000;
        if (!(timeoutMs > 0))
            throw new MaestroInputError('timeoutMs', 'timeoutMs must be a positive number.', 'configure the Maestro client');
        const retry = { ...DEFAULT_RETRY };
        for (const k of ['attempts', 'baseDelayMs', 'maxDelayMs', 'maxRetryAfterMs']) {
            const v = options.retry?.[k];
            if (v !== undefined) {
                if (!(Number.isFinite(v) && v >= (k === 'attempts' ? 1 : 0)))
                    throw new MaestroInputError(`retry.${k}`, `retry.${k} must be a number >= ${k === 'attempts' ? 1 : 0}.`, 'configure the Maestro client');
                retry[k] = k === 'attempts' ? Math.floor(v) : v;
            }
        }
        this.#login = options.login;
        this.#baseUrl = server.baseUrl;
        this.#t = new Transport({
            server,
            login: options.login,
            key: options.key,
            accessToken: options.accessToken,
            expiredTokenHint: options.expiredTokenHint,
            caCertificate: options.caCertificate,
            insecureSkipTlsVerify: options.insecureSkipTlsVerify,
            tlsOptionNames: tlsNames,
            timeoutMs,
            transferMinBytesPerSecond: options.transferMinBytesPerSecond ?? 256 * 1024,
            retry,
            sleep: options.sleep ?? (ms => (0,promises_.setTimeout)(ms)),
            random: Math.random,
            onSecret: this.#onSecret,
            logger,
            userAgent: options.userAgent
                ? `${options.userAgent} ${defaultUserAgent()}`
                : defaultUserAgent(),
            redactor: this.#redactor
        });
        this.#ctx = {
            call: spec => this.#t.request(spec),
            transport: this.#t,
            login: this.#login,
            logger,
            onSecret: this.#onSecret
        };
    }
    /** The current access token (after login, or the one given). */
    get accessToken() {
        return this.#t.accessToken;
    }
    /** The normalised server URL. */
    get serverUrl() {
        return this.#baseUrl;
    }
    /** Replaces known secrets in `text` with `***` (for callers building their own messages). */
    redact(text) {
        return this.#redactor.redact(text);
    }
    async close() {
        await this.#t.close();
    }
    // ---------------------------------------------------------------- version and login
    /** `GET /api/v2/maestro/version` (no auth). Only called when asked. */
    async getVersion() {
        return this.#t.request({
            operation: `read the Maestro version of ${this.#baseUrl}`,
            method: 'GET',
            path: '/api/v2/maestro/version',
            auth: false,
            idempotency: 'idempotent',
            notFound: 'the version endpoint (is the server URL the Maestro address?)',
            read: 'json'
        });
    }
    /** Logs in with the key now (other calls do it lazily). The token goes to onSecret first. */
    async login() {
        return this.#t.login();
    }
    // ---------------------------------------------------------------- tasks
    createTask(request) {
        return createTask(this.#ctx, request);
    }
    getTask(id) {
        return getTask(this.#ctx, id);
    }
    /** Finishes a task, applying the items rule (see resolveItemCounts). */
    finishTask(id, request) {
        return finishTask(this.#ctx, id, request);
    }
    restartTask(id) {
        return restartTask(this.#ctx, id);
    }
    interruptTask(id) {
        return interruptTask(this.#ctx, id);
    }
    cancelTask(id) {
        return cancelTask(this.#ctx, id);
    }
    /** One page of tasks (dashboard use). */
    listTasks(query = {}) {
        return listTasks(this.#ctx, query);
    }
    // ---------------------------------------------------------------- logs
    createLog(request) {
        return createLog(this.#ctx, request);
    }
    getLog(label) {
        return getLog(this.#ctx, label);
    }
    listLogs() {
        return listLogs(this.#ctx);
    }
    addLogEntry(label, values) {
        return addLogEntry(this.#ctx, label, values);
    }
    /** Entries of the last `days` days (default 7), or since a moment. */
    getLogEntries(label, query = {}) {
        return getLogEntries(this.#ctx, label, query);
    }
    /** The entries a page at a time, oldest first (see logs.logEntryPages). */
    logEntryPages(label, query = {}) {
        return logEntryPages(this.#ctx, label, query);
    }
    /** Writes the CSV export of a log to `destPath` (through a temporary file). */
    exportLogCsv(label, destPath, query = {}) {
        return exportLogCsv(this.#ctx, label, destPath, query);
    }
    deleteLog(label) {
        return deleteLog(this.#ctx, label);
    }
    // ---------------------------------------------------------------- alerts and messages
    createAlert(request) {
        return createAlert(this.#ctx, request);
    }
    /** Sends a message to at most 50 recipients (emails + logins); more is refused before sending. */
    sendMessage(request) {
        return sendMessage(this.#ctx, request);
    }
    // ---------------------------------------------------------------- artifacts
    /**
     * Creates the artifact record, then streams the file to it (multipart, part `file`). The file is
     * checked before anything is sent. The upload (not the record) is retried when safe.
     */
    uploadArtifact(request) {
        return uploadArtifact(this.#ctx, request);
    }
    /** All artifacts of the last `days` days (default 7), walking every page. */
    listArtifacts(query = {}) {
        return listArtifacts(this.#ctx, query);
    }
    getArtifact(id) {
        return getArtifact(this.#ctx, id);
    }
    /**
     * Downloads an artifact's file to `destPath`. When `destPath` is an existing folder the file is
     * named after the artifact's file name (reduced to a safe name inside that folder).
     */
    downloadArtifact(id, destPath) {
        return downloadArtifact(this.#ctx, id, destPath);
    }
    // ---------------------------------------------------------------- errors
    /** Reports an error; default tags (user, host, OS, Node version) are added under the caller's. */
    createError(request) {
        return createError(this.#ctx, request);
    }
    /** Sends the screenshot of an error (replaces it: retried when safe). */
    uploadErrorScreenshot(errorId, file) {
        return uploadErrorScreenshot(this.#ctx, errorId, file);
    }
    /** Attaches one file to an error (each send adds one: retried only when never sent). */
    uploadErrorAttachment(errorId, file) {
        return uploadErrorAttachment(this.#ctx, errorId, file);
    }
    // ---------------------------------------------------------------- credentials
    /** One secret value (raw text). Handed to onSecret before it is returned. */
    getCredentialValue(label, key) {
        return getCredentialValue(this.#ctx, label, key);
    }
    /** The whole set; every value is handed to onSecret. */
    getCredentialSet(label) {
        return getCredentialSet(this.#ctx, label);
    }
    /** Creates the set with this key, adds the key, or (when present) updates its value. */
    setCredentialValue(label, key, value) {
        return setCredentialValue(this.#ctx, label, key, value);
    }
    /** Changes the value of an existing key (the set and the key must exist). */
    updateCredentialValue(label, key, value) {
        return updateCredentialValue(this.#ctx, label, key, value);
    }
    /** Removes a key from a set; returns false when the key was not there. */
    removeCredentialKey(label, key) {
        return removeCredentialKey(this.#ctx, label, key);
    }
    // ---------------------------------------------------------------- datapools
    createDatapool(request) {
        return createDatapool(this.#ctx, request);
    }
    getDatapool(label) {
        return getDatapool(this.#ctx, label);
    }
    getDatapoolSummary(label) {
        return getDatapoolSummary(this.#ctx, label);
    }
    pushDatapoolEntry(label, request) {
        return pushDatapoolEntry(this.#ctx, label, request);
    }
    /** Takes the next entry (now PROCESSING), or null when the datapool is empty (204). Never retried once sent. */
    pullDatapoolEntry(label) {
        return pullDatapoolEntry(this.#ctx, label);
    }
    getDatapoolEntry(label, entryId) {
        return getDatapoolEntry(this.#ctx, label, entryId);
    }
    updateDatapoolEntry(label, entryId, update) {
        return updateDatapoolEntry(this.#ctx, label, entryId, update);
    }
    // ---------------------------------------------------------------- bots
    /** Versions of a bot; empty when the bot is unknown. */
    getBotVersions(botId) {
        return getBotVersions(this.#ctx, botId);
    }
    /** Registers a bot version; follow it with uploadBot. */
    deployBot(request) {
        return deployBot(this.#ctx, request);
    }
    /**
     * Sends the bot package (zip or tar.gz) of a deployed version (replaces it: retried when safe;
     * `exactlyOnce` retries only what never reached the server). A re-openable source (`open`) is
     * sent chunked and re-opened for each attempt.
     */
    uploadBot(botId, version, file, options = {}) {
        return uploadBot(this.#ctx, botId, version, file, options);
    }
    releaseBot(botId, version) {
        return releaseBot(this.#ctx, botId, version);
    }
    deleteBotVersion(botId, version) {
        return deleteBotVersion(this.#ctx, botId, version);
    }
}

;// CONCATENATED MODULE: ./src/maestro/index.ts
// The Maestro API client: everything public.












/***/ })

};
