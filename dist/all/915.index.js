export const id = 915;
export const ids = [915];
export const modules = {

/***/ 50915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ACTION_NAME: () => (/* binding */ ACTION_NAME),
/* harmony export */   BATCH_SIZE: () => (/* binding */ BATCH_SIZE),
/* harmony export */   InputKinds: () => (/* binding */ InputKinds),
/* harmony export */   Inputs: () => (/* binding */ Inputs),
/* harmony export */   MAX_BODY_BYTES: () => (/* binding */ MAX_BODY_BYTES),
/* harmony export */   MAX_RECIPIENTS: () => (/* binding */ MAX_RECIPIENTS),
/* harmony export */   MAX_SUBJECT_LENGTH: () => (/* binding */ MAX_SUBJECT_LENGTH),
/* harmony export */   MESSAGE_TYPES: () => (/* binding */ MESSAGE_TYPES),
/* harmony export */   Outputs: () => (/* binding */ Outputs),
/* harmony export */   parseEmails: () => (/* binding */ parseEmails),
/* harmony export */   parseSubject: () => (/* binding */ parseSubject),
/* harmony export */   parseUsers: () => (/* binding */ parseUsers),
/* harmony export */   planBatches: () => (/* binding */ planBatches),
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _maestro_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(33268);
/* harmony import */ var _shared_connection_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(625);
/* harmony import */ var _shared_inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(86612);
/* harmony import */ var _shared_run_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(72724);
/* harmony import */ var _shared_summary_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(73265);
// Sends a message (e-mail and Maestro notification) to workspace users and e-mail addresses.
// Maestro takes at most 50 recipients per message, so a longer list goes out as several messages
// of up to 50, one after another. Every address and login is checked before the first one is sent;
// a batch that fails stops the rest, and the error says how many recipients already got it.






const ACTION_NAME = 'Send message';
const Inputs = {
    ..._shared_connection_js__WEBPACK_IMPORTED_MODULE_2__/* .ConnectionInputs */ .K0,
    emails: 'emails',
    users: 'users',
    subject: 'subject',
    body: 'body',
    bodyFile: 'body-file',
    type: 'type'
};
const Outputs = { recipients: 'recipients' };
const BATCH_SIZE = _maestro_index_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_MESSAGE_RECIPIENTS */ .Ec;
/** A list longer than this is more likely a mistake (a whole file pasted) than a mailing. */
const MAX_RECIPIENTS = 500;
const MAX_SUBJECT_LENGTH = 255;
const MAX_BODY_BYTES = 256 * 1024;
const MAX_ADDRESS_LENGTH = 254;
const MESSAGE_TYPES = ['text', 'html'];
const TYPE_TO_API = {
    text: 'TEXT',
    html: 'HTML'
};
const InputKinds = {
    ..._shared_connection_js__WEBPACK_IMPORTED_MODULE_2__/* .ConnectionInputKinds */ .On,
    [Inputs.emails]: {
        kind: 'lines',
        invalid: [
            'ops@example.com, dev@example.com',
            'not-an-address',
            `${'x'.repeat(250)}@example.com`
        ]
    },
    [Inputs.users]: {
        kind: 'lines',
        invalid: ['alice bob', `${'x'.repeat(MAX_ADDRESS_LENGTH + 1)}`]
    },
    [Inputs.subject]: {
        kind: 'text',
        required: true,
        example: 'Build finished',
        invalid: ['Build\nfinished', 'x'.repeat(MAX_SUBJECT_LENGTH + 1)]
    },
    // Its own 256 KiB cap is above the reader's 64 KiB: the 1 MiB case covers both.
    [Inputs.body]: { kind: 'text' },
    // '.' is the workspace: a folder, not a file.
    [Inputs.bodyFile]: { kind: 'text', invalid: ['no/such/body.txt', '.'] },
    [Inputs.type]: { kind: 'enum', values: MESSAGE_TYPES }
};
// Deliberately plain: one @, no spaces or list separators, a dot in the domain. Maestro (or the
// mail server) is the judge of the rest; this catches pasted lists and typos before anything goes.
const EMAIL = /^[^\s@,;<>"()[\]\\]+@[^\s@,;<>"()[\]\\]+\.[^\s@,;<>"()[\]\\.][^\s@,;<>"()[\]\\]*$/;
/** One address per line; duplicates (ignoring case) are sent once. */
function parseEmails(input, lines) {
    const accepted = `e-mail addresses, one per line, such as ops@example.com, at most ${MAX_ADDRESS_LENGTH} characters each`;
    const seen = new Map();
    for (const line of lines) {
        if (line.length > MAX_ADDRESS_LENGTH || !EMAIL.test(line)) {
            const why = /[,;]/.test(line)
                ? 'One address per line (found a list separator)'
                : 'Not an e-mail address';
            throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .invalidInput */ .aY)(input, why, line, accepted);
        }
        const key = line.toLowerCase();
        if (!seen.has(key))
            seen.set(key, line);
    }
    return [...seen.values()];
}
/** One Maestro login per line; duplicates are sent once. */
function parseUsers(input, lines) {
    const accepted = `Maestro user logins, one per line, without spaces, at most ${MAX_ADDRESS_LENGTH} characters each`;
    for (const line of lines) {
        if (/[\s,;]/.test(line) || _shared_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .CONTROL_CHARS */ .UV.test(line)) {
            throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .invalidInput */ .aY)(input, 'One login per line, without spaces or separators', line, accepted);
        }
        if (line.length > MAX_ADDRESS_LENGTH)
            throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .invalidInput */ .aY)(input, 'Too long', line, accepted);
    }
    return [...new Set(lines)];
}
function parseSubject(input, raw) {
    return (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .parseOneLine */ .a1)(input, raw, {
        accepted: `one line of at most ${MAX_SUBJECT_LENGTH} characters`,
        maxLength: MAX_SUBJECT_LENGTH
    });
}
/** Recipients in the order given (e-mails first), cut into messages of at most `size`. */
function planBatches(emails, users, size = BATCH_SIZE) {
    const all = [
        ...emails.map(value => ({ kind: 'email', value })),
        ...users.map(value => ({ kind: 'user', value }))
    ];
    const batches = [];
    for (let i = 0; i < all.length; i += size)
        batches.push(all.slice(i, i + size));
    return batches;
}
async function run(core, options = {}) {
    const env = options.env ?? process.env;
    const connection = (0,_shared_connection_js__WEBPACK_IMPORTED_MODULE_2__/* .readConnection */ .dC)(core, { env, action: 'send-message' });
    const inputs = (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .createInputReader */ .ic)(core, { baseDir: env.GITHUB_WORKSPACE || undefined });
    const emails = parseEmails(Inputs.emails, inputs.list(Inputs.emails));
    const users = parseUsers(Inputs.users, inputs.list(Inputs.users));
    // Every input is checked on its own first, so a bad subject or body is named as such even
    // when the recipients are missing too.
    const subject = parseSubject(Inputs.subject, inputs.raw(Inputs.subject));
    const type = TYPE_TO_API[inputs.enum(Inputs.type, { values: MESSAGE_TYPES, default: 'text' })];
    const body = await readBody(inputs.raw(Inputs.body), inputs.file(Inputs.bodyFile));
    const total = emails.length + users.length;
    if (total === 0) {
        throw new _shared_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionInputError */ .VA(Inputs.emails, `No recipients: '${Inputs.emails}' and '${Inputs.users}' are both empty. Accepted: at least one e-mail address in '${Inputs.emails}' or Maestro login in '${Inputs.users}', one per line`);
    }
    if (total > MAX_RECIPIENTS) {
        throw new _shared_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionInputError */ .VA(Inputs.emails, `Too many recipients (${total} in '${Inputs.emails}' and '${Inputs.users}'). Accepted: at most ${MAX_RECIPIENTS} in all (sent ${BATCH_SIZE} per message)`);
    }
    const batches = planBatches(emails, users);
    if (batches.length > 1) {
        core.info(`${total} recipients: Maestro takes at most ${BATCH_SIZE} per message, so this sends ${batches.length} messages of up to ${BATCH_SIZE} recipients each.`);
    }
    const client = new _maestro_index_js__WEBPACK_IMPORTED_MODULE_1__/* .MaestroClient */ .B2(connection);
    let sent = 0;
    try {
        for (const [index, batch] of batches.entries()) {
            const request = {
                emails: batch.filter(r => r.kind === 'email').map(r => r.value),
                logins: batch.filter(r => r.kind === 'user').map(r => r.value),
                subject,
                body,
                type
            };
            try {
                await client.sendMessage(request);
            }
            catch (thrown) {
                (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_5__/* .setOutputs */ .n0)(core, { [Outputs.recipients]: sent });
                if (batches.length === 1)
                    throw thrown;
                const failure = (0,_shared_run_js__WEBPACK_IMPORTED_MODULE_4__/* .describeFailure */ .Ic)(ACTION_NAME, thrown).message;
                const range = `recipients ${sent + 1} to ${sent + batch.length}`;
                // A message whose answer was lost may have gone out: its recipients are neither counted
                // as reached nor as not reached.
                const maybe = failure.includes(_maestro_index_js__WEBPACK_IMPORTED_MODULE_1__/* .MAYBE_DONE_HINT */ .Oc);
                const rest = total - sent - (maybe ? batch.length : 0);
                const already = sent === 0
                    ? 'No earlier message went out'
                    : `${(0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_5__/* .plural */ .LS)(sent, 'recipient')} of ${total} already got the message (${index === 1 ? 'message 1' : `messages 1 to ${index}`})`;
                throw new _shared_run_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionFailure */ .dR(`Message ${index + 1} of ${batches.length} (${range}) failed: ${failure} ` +
                    (sent === 0 && !maybe
                        ? `Nobody got the message: none of the ${total} recipients.`
                        : `${already}${maybe ? `, and ${range} may have got this one` : ''}; the other ${rest} did not. Running the step again sends it to all ${total} again.`), { cause: thrown, fromMaestro: true });
            }
            sent += batch.length;
            if (batches.length > 1) {
                core.info(`Sent message ${index + 1} of ${batches.length} (${(0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_5__/* .plural */ .LS)(batch.length, 'recipient')}).`);
            }
        }
    }
    finally {
        await client.close();
    }
    core.info(`Message '${subject}' sent to ${(0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_5__/* .plural */ .LS)(total, 'recipient')}.`);
    (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_5__/* .setOutputs */ .n0)(core, { [Outputs.recipients]: total });
    await (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_5__/* .writeSummary */ .Sy)(core, {
        title: `Maestro message sent to ${(0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_5__/* .plural */ .LS)(total, 'recipient')}`,
        rows: [
            ['Subject', subject],
            ['Type', type],
            ['E-mail addresses', emails.length],
            ['Users', users.length],
            [
                'Messages sent',
                batches.length > 1 ? `${batches.length} (at most ${BATCH_SIZE} recipients each)` : 1
            ],
            ['Body', (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_5__/* .formatSize */ .Xq)(Buffer.byteLength(body))]
        ]
    });
}
/** Exactly one of `body` and `body-file`; the file's size is checked before it is read. */
async function readBody(raw, file) {
    const accepted = `the message in '${Inputs.body}', or a path in '${Inputs.bodyFile}' (not both), at most ${(0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_5__/* .formatSize */ .Xq)(MAX_BODY_BYTES)}`;
    if (raw !== '' && file !== undefined) {
        throw new _shared_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionInputError */ .VA(Inputs.bodyFile, `Both '${Inputs.body}' and '${Inputs.bodyFile}' are set. Accepted: ${accepted}`);
    }
    if (file !== undefined) {
        const { size } = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(file);
        if (size > MAX_BODY_BYTES) {
            throw new _shared_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionInputError */ .VA(Inputs.bodyFile, `The file ${(0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .quoteValue */ .cl)(file)} is too large (${(0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_5__/* .formatSize */ .Xq)(size)}). Accepted: ${accepted}`);
        }
        try {
            return (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .withoutByteOrderMark */ .Yi)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8'));
        }
        catch (e) {
            const code = e.code ?? String(e);
            throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .invalidInput */ .aY)(Inputs.bodyFile, `Cannot read ${file} (${code})`, file, accepted);
        }
    }
    if (raw === '')
        throw new _shared_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionInputError */ .VA(Inputs.body, `Required input is empty. Accepted: ${accepted}`);
    if (Buffer.byteLength(raw) > MAX_BODY_BYTES) {
        throw (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .invalidInput */ .aY)(Inputs.body, `Too long (${(0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_5__/* .formatSize */ .Xq)(Buffer.byteLength(raw))})`, raw, accepted);
    }
    return raw;
}


/***/ })

};
