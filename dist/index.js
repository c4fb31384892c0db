import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 14006:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const pico = __nccwpck_require__(98016);
const utils = __nccwpck_require__(64059);

function picomatch(glob, options, returnState = false) {
  // default to os.platform()
  if (options && (options.windows === null || options.windows === undefined)) {
    // don't mutate the original options object
    options = { ...options, windows: utils.isWindows() };
  }

  return pico(glob, options, returnState);
}

Object.assign(picomatch, pico);
module.exports = picomatch;


/***/ }),

/***/ 5595:
/***/ ((module) => {



const WIN_SLASH = '\\\\/';
const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

/**
 * Posix glob regex
 */

const DOT_LITERAL = '\\.';
const PLUS_LITERAL = '\\+';
const QMARK_LITERAL = '\\?';
const SLASH_LITERAL = '\\/';
const ONE_CHAR = '(?=.)';
const QMARK = '[^/]';
const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
const NO_DOT = `(?!${DOT_LITERAL})`;
const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
const STAR = `${QMARK}*?`;
const SEP = '/';

const POSIX_CHARS = {
  DOT_LITERAL,
  PLUS_LITERAL,
  QMARK_LITERAL,
  SLASH_LITERAL,
  ONE_CHAR,
  QMARK,
  END_ANCHOR,
  DOTS_SLASH,
  NO_DOT,
  NO_DOTS,
  NO_DOT_SLASH,
  NO_DOTS_SLASH,
  QMARK_NO_DOT,
  STAR,
  START_ANCHOR,
  SEP
};

/**
 * Windows glob regex
 */

const WINDOWS_CHARS = {
  ...POSIX_CHARS,

  SLASH_LITERAL: `[${WIN_SLASH}]`,
  QMARK: WIN_NO_SLASH,
  STAR: `${WIN_NO_SLASH}*?`,
  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
  NO_DOT: `(?!${DOT_LITERAL})`,
  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
  SEP: '\\'
};

/**
 * POSIX Bracket Regex
 */

const POSIX_REGEX_SOURCE = {
  __proto__: null,
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '\\x21-\\x7E',
  lower: 'a-z',
  print: '\\x20-\\x7E ',
  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
  space: ' \\t\\r\\n\\v\\f',
  upper: 'A-Z',
  word: 'A-Za-z0-9_',
  xdigit: 'A-Fa-f0-9'
};

module.exports = {
  DEFAULT_MAX_EXTGLOB_RECURSION,
  MAX_LENGTH: 1024 * 64,
  POSIX_REGEX_SOURCE,

  // regular expressions
  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

  // Replace globs with equivalent patterns to reduce parsing time.
  REPLACEMENTS: {
    __proto__: null,
    '***': '*',
    '**/**': '**',
    '**/**/**': '**'
  },

  // Digits
  CHAR_0: 48, /* 0 */
  CHAR_9: 57, /* 9 */

  // Alphabet chars.
  CHAR_UPPERCASE_A: 65, /* A */
  CHAR_LOWERCASE_A: 97, /* a */
  CHAR_UPPERCASE_Z: 90, /* Z */
  CHAR_LOWERCASE_Z: 122, /* z */

  CHAR_LEFT_PARENTHESES: 40, /* ( */
  CHAR_RIGHT_PARENTHESES: 41, /* ) */

  CHAR_ASTERISK: 42, /* * */

  // Non-alphabetic chars.
  CHAR_AMPERSAND: 38, /* & */
  CHAR_AT: 64, /* @ */
  CHAR_BACKWARD_SLASH: 92, /* \ */
  CHAR_CARRIAGE_RETURN: 13, /* \r */
  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
  CHAR_COLON: 58, /* : */
  CHAR_COMMA: 44, /* , */
  CHAR_DOT: 46, /* . */
  CHAR_DOUBLE_QUOTE: 34, /* " */
  CHAR_EQUAL: 61, /* = */
  CHAR_EXCLAMATION_MARK: 33, /* ! */
  CHAR_FORM_FEED: 12, /* \f */
  CHAR_FORWARD_SLASH: 47, /* / */
  CHAR_GRAVE_ACCENT: 96, /* ` */
  CHAR_HASH: 35, /* # */
  CHAR_HYPHEN_MINUS: 45, /* - */
  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
  CHAR_LEFT_CURLY_BRACE: 123, /* { */
  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
  CHAR_LINE_FEED: 10, /* \n */
  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
  CHAR_PERCENT: 37, /* % */
  CHAR_PLUS: 43, /* + */
  CHAR_QUESTION_MARK: 63, /* ? */
  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
  CHAR_SEMICOLON: 59, /* ; */
  CHAR_SINGLE_QUOTE: 39, /* ' */
  CHAR_SPACE: 32, /*   */
  CHAR_TAB: 9, /* \t */
  CHAR_UNDERSCORE: 95, /* _ */
  CHAR_VERTICAL_LINE: 124, /* | */
  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

  /**
   * Create EXTGLOB_CHARS
   */

  extglobChars(chars) {
    return {
      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
      '?': { type: 'qmark', open: '(?:', close: ')?' },
      '+': { type: 'plus', open: '(?:', close: ')+' },
      '*': { type: 'star', open: '(?:', close: ')*' },
      '@': { type: 'at', open: '(?:', close: ')' }
    };
  },

  /**
   * Create GLOB_CHARS
   */

  globChars(win32) {
    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
  }
};


/***/ }),

/***/ 78265:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const constants = __nccwpck_require__(5595);
const utils = __nccwpck_require__(64059);

/**
 * Constants
 */

const {
  MAX_LENGTH,
  POSIX_REGEX_SOURCE,
  REGEX_NON_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_BACKREF,
  REPLACEMENTS
} = constants;

/**
 * Helpers
 */

const expandRange = (args, options) => {
  if (typeof options.expandRange === 'function') {
    return options.expandRange(...args, options);
  }

  args.sort();
  const value = `[${args.join('-')}]`;

  try {
    /* eslint-disable-next-line no-new */
    new RegExp(value);
  } catch (ex) {
    return args.map(v => utils.escapeRegex(v)).join('..');
  }

  return value;
};

/**
 * Create the message for a syntax error
 */

const syntaxError = (type, char) => {
  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
};

const splitTopLevel = input => {
  const parts = [];
  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let value = '';
  let escaped = false;

  for (const ch of input) {
    if (escaped === true) {
      value += ch;
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      value += ch;
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      value += ch;
      continue;
    }

    if (quote === 0) {
      if (ch === '[') {
        bracket++;
      } else if (ch === ']' && bracket > 0) {
        bracket--;
      } else if (bracket === 0) {
        if (ch === '(') {
          paren++;
        } else if (ch === ')' && paren > 0) {
          paren--;
        } else if (ch === '|' && paren === 0) {
          parts.push(value);
          value = '';
          continue;
        }
      }
    }

    value += ch;
  }

  parts.push(value);
  return parts;
};

const isPlainBranch = branch => {
  let escaped = false;

  for (const ch of branch) {
    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (/[?*+@!()[\]{}]/.test(ch)) {
      return false;
    }
  }

  return true;
};

const normalizeSimpleBranch = branch => {
  let value = branch.trim();
  let changed = true;

  while (changed === true) {
    changed = false;

    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
      value = value.slice(2, -1);
      changed = true;
    }
  }

  if (!isPlainBranch(value)) {
    return;
  }

  return value.replace(/\\(.)/g, '$1');
};

const hasRepeatedCharPrefixOverlap = branches => {
  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i];
      const b = values[j];
      const char = a[0];

      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
        continue;
      }

      if (a === b || a.startsWith(b) || b.startsWith(a)) {
        return true;
      }
    }
  }

  return false;
};

const parseRepeatedExtglob = (pattern, requireEnd = true) => {
  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
    return;
  }

  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let escaped = false;

  for (let i = 1; i < pattern.length; i++) {
    const ch = pattern[i];

    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      continue;
    }

    if (quote === 1) {
      continue;
    }

    if (ch === '[') {
      bracket++;
      continue;
    }

    if (ch === ']' && bracket > 0) {
      bracket--;
      continue;
    }

    if (bracket > 0) {
      continue;
    }

    if (ch === '(') {
      paren++;
      continue;
    }

    if (ch === ')') {
      paren--;

      if (paren === 0) {
        if (requireEnd === true && i !== pattern.length - 1) {
          return;
        }

        return {
          type: pattern[0],
          body: pattern.slice(2, i),
          end: i
        };
      }
    }
  }
};

const buildCharClassStar = chars => {
  const source = chars.length === 1
    ? utils.escapeRegex(chars[0])
    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

  return `${source}*`;
};

const getStarExtglobSequenceChars = pattern => {
  let index = 0;
  const chars = [];

  while (index < pattern.length) {
    const match = parseRepeatedExtglob(pattern.slice(index), false);

    if (!match || match.type !== '*') {
      return;
    }

    const branches = splitTopLevel(match.body).map(branch => branch.trim());
    if (branches.length !== 1) {
      return;
    }

    const branch = normalizeSimpleBranch(branches[0]);
    if (!branch || branch.length !== 1) {
      return;
    }

    chars.push(branch);
    index += match.end + 1;
  }

  if (chars.length < 1) {
    return;
  }

  return chars;
};

const repeatedExtglobRecursion = pattern => {
  let depth = 0;
  let value = pattern.trim();
  let match = parseRepeatedExtglob(value);

  while (match) {
    depth++;
    value = match.body.trim();
    match = parseRepeatedExtglob(value);
  }

  return depth;
};

const analyzeRepeatedExtglob = (body, options) => {
  if (options.maxExtglobRecursion === false) {
    return { risky: false };
  }

  const max =
    typeof options.maxExtglobRecursion === 'number'
      ? options.maxExtglobRecursion
      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

  const branches = splitTopLevel(body).map(branch => branch.trim());

  if (branches.length > 1) {
    if (
      branches.some(branch => branch === '') ||
      branches.some(branch => /^[*?]+$/.test(branch)) ||
      hasRepeatedCharPrefixOverlap(branches)
    ) {
      return { risky: true };
    }
  }

  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
  // characters we can emit one flat, ReDoS-safe character class that preserves the
  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
  // every branch but the first.
  const safeChars = [];
  let sawStarSequence = false;
  let combinable = true;

  for (const branch of branches) {
    const chars = getStarExtglobSequenceChars(branch);
    if (chars) {
      sawStarSequence = true;
      safeChars.push(...chars);
      continue;
    }

    const literal = normalizeSimpleBranch(branch);
    if (literal && literal.length === 1) {
      safeChars.push(literal);
      continue;
    }

    combinable = false;

    if (repeatedExtglobRecursion(branch) > max) {
      return { risky: true };
    }
  }

  if (sawStarSequence) {
    return combinable
      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
      : { risky: true };
  }

  return { risky: false };
};

/**
 * Parse the given input string.
 * @param {String} input
 * @param {Object} options
 * @return {Object}
 */

const parse = (input, options) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected a string');
  }

  input = REPLACEMENTS[input] || input;

  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

  let len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
  const tokens = [bos];

  const capture = opts.capture ? '' : '?:';

  // create constants based on platform, for windows or posix
  const PLATFORM_CHARS = constants.globChars(opts.windows);
  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

  const {
    DOT_LITERAL,
    PLUS_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOT_SLASH,
    NO_DOTS_SLASH,
    QMARK,
    QMARK_NO_DOT,
    STAR,
    START_ANCHOR
  } = PLATFORM_CHARS;

  const globstar = opts => {
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const nodot = opts.dot ? '' : NO_DOT;
  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
  let star = opts.bash === true ? globstar(opts) : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  // minimatch options support
  if (typeof opts.noext === 'boolean') {
    opts.noextglob = opts.noext;
  }

  const state = {
    input,
    index: -1,
    start: 0,
    dot: opts.dot === true,
    consumed: '',
    output: '',
    prefix: '',
    backtrack: false,
    negated: false,
    brackets: 0,
    braces: 0,
    parens: 0,
    quotes: 0,
    globstar: false,
    tokens
  };

  input = utils.removePrefix(input, state);
  len = input.length;

  const extglobs = [];
  const braces = [];
  const stack = [];
  let prev = bos;
  let value;

  /**
   * Tokenizing helpers
   */

  const eos = () => state.index === len - 1;
  const peek = state.peek = (n = 1) => input[state.index + n];
  const advance = state.advance = () => input[++state.index] || '';
  const remaining = () => input.slice(state.index + 1);
  const consume = (value = '', num = 0) => {
    state.consumed += value;
    state.index += num;
  };

  const append = token => {
    state.output += token.output != null ? token.output : token.value;
    consume(token.value);
  };

  const negate = () => {
    let count = 1;

    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
      advance();
      state.start++;
      count++;
    }

    if (count % 2 === 0) {
      return false;
    }

    state.negated = true;
    state.start++;
    return true;
  };

  const increment = type => {
    state[type]++;
    stack.push(type);
  };

  const decrement = type => {
    state[type]--;
    stack.pop();
  };

  /**
   * Push tokens onto the tokens array. This helper speeds up
   * tokenizing by 1) helping us avoid backtracking as much as possible,
   * and 2) helping us avoid creating extra tokens when consecutive
   * characters are plain text. This improves performance and simplifies
   * lookbehinds.
   */

  const push = tok => {
    if (prev.type === 'globstar') {
      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
        state.output = state.output.slice(0, -prev.output.length);
        prev.type = 'star';
        prev.value = '*';
        prev.output = star;
        state.output += prev.output;
      }
    }

    if (extglobs.length && tok.type !== 'paren') {
      extglobs[extglobs.length - 1].inner += tok.value;
    }

    if (tok.value || tok.output) append(tok);
    if (prev && prev.type === 'text' && tok.type === 'text') {
      prev.output = (prev.output || prev.value) + tok.value;
      prev.value += tok.value;
      return;
    }

    tok.prev = prev;
    tokens.push(tok);
    prev = tok;
  };

  const extglobOpen = (type, value) => {
    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

    token.prev = prev;
    token.parens = state.parens;
    token.output = state.output;
    token.startIndex = state.index;
    token.tokensIndex = tokens.length;
    const output = (opts.capture ? '(' : '') + token.open;

    increment('parens');
    push({ type, value, output: state.output ? '' : ONE_CHAR });
    push({ type: 'paren', extglob: true, value: advance(), output });
    extglobs.push(token);
  };

  const extglobClose = token => {
    const literal = input.slice(token.startIndex, state.index + 1);
    const body = input.slice(token.startIndex + 2, state.index);
    const analysis = analyzeRepeatedExtglob(body, opts);

    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
      const safeOutput = analysis.safeOutput
        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
        : undefined;
      const open = tokens[token.tokensIndex];

      open.type = 'text';
      open.value = literal;
      open.output = safeOutput || utils.escapeRegex(literal);

      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
        tokens[i].value = '';
        tokens[i].output = '';
        delete tokens[i].suffix;
      }

      state.output = token.output + open.output;
      state.backtrack = true;

      push({ type: 'paren', extglob: true, value, output: '' });
      decrement('parens');
      return;
    }

    let output = token.close + (opts.capture ? ')' : '');
    let rest;

    if (token.type === 'negate') {
      let extglobStar = star;

      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
        extglobStar = globstar(opts);
      }

      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
        output = token.close = `)$))${extglobStar}`;
      }

      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
        // In this case, we need to parse the string and use it in the output of the original pattern.
        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
        //
        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
        const expression = parse(rest, { ...options, fastpaths: false }).output;

        output = token.close = `)${expression})${extglobStar})`;
      }

      if (token.prev.type === 'bos') {
        state.negatedExtglob = true;
      }
    }

    push({ type: 'paren', extglob: true, value, output });
    decrement('parens');
  };

  /**
   * Fast paths
   */

  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
    let backslashes = false;

    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
      if (first === '\\') {
        backslashes = true;
        return m;
      }

      if (first === '?') {
        if (esc) {
          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
        }
        if (index === 0) {
          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
        }
        return QMARK.repeat(chars.length);
      }

      if (first === '.') {
        return DOT_LITERAL.repeat(chars.length);
      }

      if (first === '*') {
        if (esc) {
          return esc + first + (rest ? star : '');
        }
        return star;
      }
      return esc ? m : `\\${m}`;
    });

    if (backslashes === true) {
      if (opts.unescape === true) {
        output = output.replace(/\\/g, '');
      } else {
        output = output.replace(/\\+/g, m => {
          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
        });
      }
    }

    if (output === input && opts.contains === true) {
      state.output = input;
      return state;
    }

    state.output = utils.wrapOutput(output, state, options);
    return state;
  }

  /**
   * Tokenize input until we reach end-of-string
   */

  while (!eos()) {
    value = advance();

    if (value === '\u0000') {
      continue;
    }

    /**
     * Escaped characters
     */

    if (value === '\\') {
      const next = peek();

      if (next === '/' && opts.bash !== true) {
        continue;
      }

      if (next === '.' || next === ';') {
        continue;
      }

      if (!next) {
        value += '\\';
        push({ type: 'text', value });
        continue;
      }

      // collapse slashes to reduce potential for exploits
      const match = /^\\+/.exec(remaining());
      let slashes = 0;

      if (match && match[0].length > 2) {
        slashes = match[0].length;
        state.index += slashes;
        if (slashes % 2 !== 0) {
          value += '\\';
        }
      }

      if (opts.unescape === true) {
        value = advance();
      } else {
        value += advance();
      }

      if (state.brackets === 0) {
        push({ type: 'text', value });
        continue;
      }
    }

    /**
     * If we're inside a regex character class, continue
     * until we reach the closing bracket.
     */

    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
      if (opts.posix !== false && value === ':') {
        const inner = prev.value.slice(1);
        if (inner.includes('[')) {
          prev.posix = true;

          if (inner.includes(':')) {
            const idx = prev.value.lastIndexOf('[');
            const pre = prev.value.slice(0, idx);
            const rest = prev.value.slice(idx + 2);
            const posix = POSIX_REGEX_SOURCE[rest];
            if (posix) {
              prev.value = pre + posix;
              state.backtrack = true;
              advance();

              if (!bos.output && tokens.indexOf(prev) === 1) {
                bos.output = ONE_CHAR;
              }
              continue;
            }
          }
        }
      }

      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
        value = `\\${value}`;
      }

      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
        value = `\\${value}`;
      }

      if (opts.posix === true && value === '!' && prev.value === '[') {
        value = '^';
      }

      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * If we're inside a quoted string, continue
     * until we reach the closing double quote.
     */

    if (state.quotes === 1 && value !== '"') {
      value = utils.escapeRegex(value);
      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * Double quotes
     */

    if (value === '"') {
      state.quotes = state.quotes === 1 ? 0 : 1;
      if (opts.keepQuotes === true) {
        push({ type: 'text', value });
      }
      continue;
    }

    /**
     * Parentheses
     */

    if (value === '(') {
      increment('parens');
      push({ type: 'paren', value });
      continue;
    }

    if (value === ')') {
      if (state.parens === 0 && opts.strictBrackets === true) {
        throw new SyntaxError(syntaxError('opening', '('));
      }

      const extglob = extglobs[extglobs.length - 1];
      if (extglob && state.parens === extglob.parens + 1) {
        extglobClose(extglobs.pop());
        continue;
      }

      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
      decrement('parens');
      continue;
    }

    /**
     * Square brackets
     */

    if (value === '[') {
      if (opts.nobracket === true || !remaining().includes(']')) {
        if (opts.nobracket !== true && opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('closing', ']'));
        }

        value = `\\${value}`;
      } else {
        increment('brackets');
      }

      push({ type: 'bracket', value });
      continue;
    }

    if (value === ']') {
      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      if (state.brackets === 0) {
        if (opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('opening', '['));
        }

        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      decrement('brackets');

      const prevValue = prev.value.slice(1);
      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
        value = `/${value}`;
      }

      prev.value += value;
      append({ value });

      // when literal brackets are explicitly disabled
      // assume we should match with a regex character class
      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
        continue;
      }

      const escaped = utils.escapeRegex(prev.value);
      state.output = state.output.slice(0, -prev.value.length);

      // when literal brackets are explicitly enabled
      // assume we should escape the brackets to match literal characters
      if (opts.literalBrackets === true) {
        state.output += escaped;
        prev.value = escaped;
        continue;
      }

      // when the user specifies nothing, try to match both
      prev.value = `(${capture}${escaped}|${prev.value})`;
      state.output += prev.value;
      continue;
    }

    /**
     * Braces
     */

    if (value === '{' && opts.nobrace !== true) {
      increment('braces');

      const open = {
        type: 'brace',
        value,
        output: '(',
        outputIndex: state.output.length,
        tokensIndex: state.tokens.length
      };

      braces.push(open);
      push(open);
      continue;
    }

    if (value === '}') {
      const brace = braces[braces.length - 1];

      if (opts.nobrace === true || !brace) {
        push({ type: 'text', value, output: value });
        continue;
      }

      let output = ')';

      if (brace.dots === true) {
        const arr = tokens.slice();
        const range = [];

        for (let i = arr.length - 1; i >= 0; i--) {
          tokens.pop();
          if (arr[i].type === 'brace') {
            break;
          }
          if (arr[i].type !== 'dots') {
            range.unshift(arr[i].value);
          }
        }

        output = expandRange(range, opts);
        state.backtrack = true;
      }

      if (brace.comma !== true && brace.dots !== true) {
        const out = state.output.slice(0, brace.outputIndex);
        const toks = state.tokens.slice(brace.tokensIndex);
        brace.value = brace.output = '\\{';
        value = output = '\\}';
        state.output = out;
        for (const t of toks) {
          state.output += (t.output || t.value);
        }
      }

      push({ type: 'brace', value, output });
      decrement('braces');
      braces.pop();
      continue;
    }

    /**
     * Pipes
     */

    if (value === '|') {
      if (extglobs.length > 0) {
        extglobs[extglobs.length - 1].conditions++;
      }
      push({ type: 'text', value });
      continue;
    }

    /**
     * Commas
     */

    if (value === ',') {
      let output = value;

      const brace = braces[braces.length - 1];
      if (brace && stack[stack.length - 1] === 'braces') {
        brace.comma = true;
        output = '|';
      }

      push({ type: 'comma', value, output });
      continue;
    }

    /**
     * Slashes
     */

    if (value === '/') {
      // if the beginning of the glob is "./", advance the start
      // to the current index, and don't add the "./" characters
      // to the state. This greatly simplifies lookbehinds when
      // checking for BOS characters like "!" and "." (not "./")
      if (prev.type === 'dot' && state.index === state.start + 1) {
        state.start = state.index + 1;
        state.consumed = '';
        state.output = '';
        tokens.pop();
        prev = bos; // reset "prev" to the first token
        continue;
      }

      push({ type: 'slash', value, output: SLASH_LITERAL });
      continue;
    }

    /**
     * Dots
     */

    if (value === '.') {
      if (state.braces > 0 && prev.type === 'dot') {
        if (prev.value === '.') prev.output = DOT_LITERAL;
        const brace = braces[braces.length - 1];
        prev.type = 'dots';
        prev.output += value;
        prev.value += value;
        brace.dots = true;
        continue;
      }

      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
        push({ type: 'text', value, output: DOT_LITERAL });
        continue;
      }

      push({ type: 'dot', value, output: DOT_LITERAL });
      continue;
    }

    /**
     * Question marks
     */

    if (value === '?') {
      const isGroup = prev && prev.value === '(';
      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('qmark', value);
        continue;
      }

      if (prev && prev.type === 'paren') {
        const next = peek();
        let output = value;

        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
          output = `\\${value}`;
        }

        push({ type: 'text', value, output });
        continue;
      }

      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
        push({ type: 'qmark', value, output: QMARK_NO_DOT });
        continue;
      }

      push({ type: 'qmark', value, output: QMARK });
      continue;
    }

    /**
     * Exclamation
     */

    if (value === '!') {
      if (opts.noextglob !== true && peek() === '(') {
        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
          extglobOpen('negate', value);
          continue;
        }
      }

      if (opts.nonegate !== true && state.index === 0) {
        negate();
        continue;
      }
    }

    /**
     * Plus
     */

    if (value === '+') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('plus', value);
        continue;
      }

      if ((prev && prev.value === '(') || opts.regex === false) {
        push({ type: 'plus', value, output: PLUS_LITERAL });
        continue;
      }

      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
        push({ type: 'plus', value });
        continue;
      }

      push({ type: 'plus', value: PLUS_LITERAL });
      continue;
    }

    /**
     * Plain text
     */

    if (value === '@') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        push({ type: 'at', extglob: true, value, output: '' });
        continue;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Plain text
     */

    if (value !== '*') {
      if (value === '$' || value === '^') {
        value = `\\${value}`;
      }

      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
      if (match) {
        value += match[0];
        state.index += match[0].length;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Stars
     */

    if (prev && (prev.type === 'globstar' || prev.star === true)) {
      prev.type = 'star';
      prev.star = true;
      prev.value += value;
      prev.output = star;
      state.backtrack = true;
      state.globstar = true;
      consume(value);
      continue;
    }

    let rest = remaining();
    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
      extglobOpen('star', value);
      continue;
    }

    if (prev.type === 'star') {
      if (opts.noglobstar === true) {
        consume(value);
        continue;
      }

      const prior = prev.prev;
      const before = prior.prev;
      const isStart = prior.type === 'slash' || prior.type === 'bos';
      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      // strip consecutive `/**/`
      while (rest.slice(0, 3) === '/**') {
        const after = input[state.index + 4];
        if (after && after !== '/') {
          break;
        }
        rest = rest.slice(3);
        consume('/**', 3);
      }

      // A globstar followed only by balanced closing parens is at the logical end of patterns like
      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
      // parent path, except in negated extglobs where that would change the exclusion semantics.
      const isEnd = eos() || (
        state.parens > 0
        && rest === ')'.repeat(state.parens)
        && !extglobs.some(extglob => extglob.type === 'negate')
      );

      if (prior.type === 'bos' && eos()) {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = globstar(opts);
        state.output = prev.output;
        state.globstar = true;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
        prev.value += value;
        state.globstar = true;
        state.output += prior.output + prev.output;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
        const end = rest[1] !== void 0 ? '|$' : '';

        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
        prev.value += value;

        state.output += prior.output + prev.output;
        state.globstar = true;

        consume(value + advance());

        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      if (prior.type === 'bos' && rest[0] === '/') {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
        state.output = prev.output;
        state.globstar = true;
        consume(value + advance());
        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      // remove single star from output
      state.output = state.output.slice(0, -prev.output.length);

      // reset previous token to globstar
      prev.type = 'globstar';
      prev.output = globstar(opts);
      prev.value += value;

      // reset output with globstar
      state.output += prev.output;
      state.globstar = true;
      consume(value);
      continue;
    }

    const token = { type: 'star', value, output: star };

    if (opts.bash === true) {
      token.output = '.*?';
      if (prev.type === 'bos' || prev.type === 'slash') {
        token.output = nodot + token.output;
      }
      push(token);
      continue;
    }

    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
      token.output = value;
      push(token);
      continue;
    }

    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
      if (prev.type === 'dot') {
        state.output += NO_DOT_SLASH;
        prev.output += NO_DOT_SLASH;

      } else if (opts.dot === true) {
        state.output += NO_DOTS_SLASH;
        prev.output += NO_DOTS_SLASH;

      } else {
        state.output += nodot;
        prev.output += nodot;
      }

      if (peek() !== '*') {
        state.output += ONE_CHAR;
        prev.output += ONE_CHAR;
      }
    }

    push(token);
  }

  while (state.brackets > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
    state.output = utils.escapeLast(state.output, '[');
    decrement('brackets');
  }

  while (state.parens > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
    state.output = utils.escapeLast(state.output, '(');
    decrement('parens');
  }

  while (state.braces > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
    state.output = utils.escapeLast(state.output, '{');
    decrement('braces');
  }

  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
  }

  // rebuild the output if we had to backtrack at any point
  if (state.backtrack === true) {
    state.output = '';

    for (const token of state.tokens) {
      state.output += token.output != null ? token.output : token.value;

      if (token.suffix) {
        state.output += token.suffix;
      }
    }
  }

  return state;
};

/**
 * Fast paths for creating regular expressions for common glob patterns.
 * This can significantly speed up processing and has very little downside
 * impact when none of the fast paths match.
 */

parse.fastpaths = (input, options) => {
  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
  const len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  input = REPLACEMENTS[input] || input;

  // create constants based on platform, for windows or posix
  const {
    DOT_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOTS,
    NO_DOTS_SLASH,
    STAR,
    START_ANCHOR
  } = constants.globChars(opts.windows);

  const nodot = opts.dot ? NO_DOTS : NO_DOT;
  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
  const capture = opts.capture ? '' : '?:';
  const state = { negated: false, prefix: '' };
  let star = opts.bash === true ? '.*?' : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  const globstar = opts => {
    if (opts.noglobstar === true) return star;
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const create = str => {
    switch (str) {
      case '*':
        return `${nodot}${ONE_CHAR}${star}`;

      case '.*':
        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*.*':
        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*/*':
        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

      case '**':
        return nodot + globstar(opts);

      case '**/*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

      case '**/*.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '**/.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

      default: {
        const match = /^(.*?)\.(\w+)$/.exec(str);
        if (!match) return;

        const source = create(match[1]);
        if (!source) return;

        return source + DOT_LITERAL + match[2];
      }
    }
  };

  const output = utils.removePrefix(input, state);
  let source = create(output);

  if (source && opts.strictSlashes !== true) {
    source += `${SLASH_LITERAL}?`;
  }

  return source;
};

module.exports = parse;


/***/ }),

/***/ 98016:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const scan = __nccwpck_require__(31781);
const parse = __nccwpck_require__(78265);
const utils = __nccwpck_require__(64059);
const constants = __nccwpck_require__(5595);
const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

/**
 * Creates a matcher function from one or more glob patterns. The
 * returned function takes a string to match as its first argument,
 * and returns true if the string is a match. The returned matcher
 * function also takes a boolean as the second argument that, when true,
 * returns an object with additional information.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch(glob[, options]);
 *
 * const isMatch = picomatch('*.!(*a)');
 * console.log(isMatch('a.a')); //=> false
 * console.log(isMatch('a.b')); //=> true
 *
 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
 * const picomatch = require('picomatch/posix');
 * // the same API, defaulting to posix paths
 * const isMatch = picomatch('a/*');
 * console.log(isMatch('a\\b')); //=> false
 * console.log(isMatch('a/b')); //=> true
 *
 * // you can still configure the matcher function to accept windows paths
 * const isMatch = picomatch('a/*', { options: windows });
 * console.log(isMatch('a\\b')); //=> true
 * console.log(isMatch('a/b')); //=> true
 * ```
 * @name picomatch
 * @param {String|Array} `globs` One or more glob patterns.
 * @param {Object=} `options`
 * @return {Function=} Returns a matcher function.
 * @api public
 */

const picomatch = (glob, options, returnState = false) => {
  if (Array.isArray(glob)) {
    const fns = glob.map(input => picomatch(input, options, returnState));
    const arrayMatcher = str => {
      for (const isMatch of fns) {
        const state = isMatch(str);
        if (state) return state;
      }
      return false;
    };
    return arrayMatcher;
  }

  const isState = isObject(glob) && glob.tokens && glob.input;

  if (glob === '' || (typeof glob !== 'string' && !isState)) {
    throw new TypeError('Expected pattern to be a non-empty string');
  }

  const opts = options || {};
  const posix = opts.windows;
  const regex = isState
    ? picomatch.compileRe(glob, options)
    : picomatch.makeRe(glob, options, false, true);

  const state = regex.state;
  delete regex.state;

  let isIgnored = () => false;
  if (opts.ignore) {
    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
  }

  const matcher = (input, returnObject = false) => {
    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
    const result = { glob, state, regex, posix, input, output, match, isMatch };

    if (typeof opts.onResult === 'function') {
      opts.onResult(result);
    }

    if (isMatch === false) {
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (isIgnored(input)) {
      if (typeof opts.onIgnore === 'function') {
        opts.onIgnore(result);
      }
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (typeof opts.onMatch === 'function') {
      opts.onMatch(result);
    }
    return returnObject ? result : true;
  };

  if (returnState) {
    matcher.state = state;
  }

  return matcher;
};

/**
 * Test `input` with the given `regex`. This is used by the main
 * `picomatch()` function to test the input string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.test(input, regex[, options]);
 *
 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp} `regex`
 * @return {Object} Returns an object with matching info.
 * @api public
 */

picomatch.test = (input, regex, options, { glob, posix } = {}) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected input to be a string');
  }

  if (input === '') {
    return { isMatch: false, output: '' };
  }

  const opts = options || {};
  const format = opts.format || (posix ? utils.toPosixSlashes : null);
  let match = input === glob;
  let output = (match && format) ? format(input) : input;

  if (match === false) {
    output = format ? format(input) : input;
    match = output === glob;
  }

  if (match === false || opts.capture === true) {
    if (opts.matchBase === true || opts.basename === true) {
      match = picomatch.matchBase(input, regex, options, posix);
    } else {
      match = regex.exec(output);
    }
  }

  return { isMatch: Boolean(match), match, output };
};

/**
 * Match the basename of a filepath.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.matchBase(input, glob[, options]);
 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
 * @return {Boolean}
 * @api public
 */

picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
  return regex.test(utils.basename(input, { windows: posix }));
};

/**
 * Returns true if **any** of the given glob `patterns` match the specified `string`.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.isMatch(string, patterns[, options]);
 *
 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
 * ```
 * @param {String|Array} str The string to test.
 * @param {String|Array} patterns One or more glob patterns to use for matching.
 * @param {Object} [options] See available [options](#options).
 * @return {Boolean} Returns true if any patterns match `str`
 * @api public
 */

picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

/**
 * Parse a glob pattern to create the source string for a regular
 * expression.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const result = picomatch.parse(pattern[, options]);
 * ```
 * @param {String} `pattern`
 * @param {Object} `options`
 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
 * @api public
 */

picomatch.parse = (pattern, options) => {
  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
  return parse(pattern, { ...options, fastpaths: false });
};

/**
 * Scan a glob pattern to separate the pattern into segments.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.scan(input[, options]);
 *
 * const result = picomatch.scan('!./foo/*.js');
 * console.log(result);
 * { prefix: '!./',
 *   input: '!./foo/*.js',
 *   start: 3,
 *   base: 'foo',
 *   glob: '*.js',
 *   isBrace: false,
 *   isBracket: false,
 *   isGlob: true,
 *   isExtglob: false,
 *   isGlobstar: false,
 *   negated: true }
 * ```
 * @param {String} `input` Glob pattern to scan.
 * @param {Object} `options`
 * @return {Object} Returns an object with
 * @api public
 */

picomatch.scan = (input, options) => scan(input, options);

/**
 * Compile a regular expression from the `state` object returned by the
 * [parse()](#parse) method.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const state = picomatch.parse('*.js');
 * // picomatch.compileRe(state[, options]);
 *
 * console.log(picomatch.compileRe(state));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {Object} `state`
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
 * @return {RegExp}
 * @api public
 */

picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
  if (returnOutput === true) {
    return state.output;
  }

  const opts = options || {};
  const prepend = opts.contains ? '' : '^';
  const append = opts.contains ? '' : '$';

  let source = `${prepend}(?:${state.output})${append}`;
  if (state && state.negated === true) {
    source = `^(?!${source}).*$`;
  }

  const regex = picomatch.toRegex(source, options);
  if (returnState === true) {
    regex.state = state;
  }

  return regex;
};

/**
 * Create a regular expression from a parsed glob pattern.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.makeRe(state[, options]);
 *
 * const result = picomatch.makeRe('*.js');
 * console.log(result);
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `state` The object returned from the `.parse` method.
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
 * @return {RegExp} Returns a regex created from the given pattern.
 * @api public
 */

picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
  if (!input || typeof input !== 'string') {
    throw new TypeError('Expected a non-empty string');
  }

  let parsed = { negated: false, fastpaths: true };

  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
    parsed.output = parse.fastpaths(input, options);
  }

  if (!parsed.output) {
    parsed = parse(input, options);
  }

  return picomatch.compileRe(parsed, options, returnOutput, returnState);
};

/**
 * Create a regular expression from the given regex source string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.toRegex(source[, options]);
 *
 * const { output } = picomatch.parse('*.js');
 * console.log(picomatch.toRegex(output));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `source` Regular expression source string.
 * @param {Object} `options`
 * @return {RegExp}
 * @api public
 */

picomatch.toRegex = (source, options) => {
  try {
    const opts = options || {};
    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
  } catch (err) {
    if (options && options.debug === true) throw err;
    return /$^/;
  }
};

/**
 * Picomatch constants.
 * @return {Object}
 */

picomatch.constants = constants;

/**
 * Expose "picomatch"
 */

module.exports = picomatch;


/***/ }),

/***/ 31781:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const utils = __nccwpck_require__(64059);
const {
  CHAR_ASTERISK,             /* * */
  CHAR_AT,                   /* @ */
  CHAR_BACKWARD_SLASH,       /* \ */
  CHAR_COMMA,                /* , */
  CHAR_DOT,                  /* . */
  CHAR_EXCLAMATION_MARK,     /* ! */
  CHAR_FORWARD_SLASH,        /* / */
  CHAR_LEFT_CURLY_BRACE,     /* { */
  CHAR_LEFT_PARENTHESES,     /* ( */
  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
  CHAR_PLUS,                 /* + */
  CHAR_QUESTION_MARK,        /* ? */
  CHAR_RIGHT_CURLY_BRACE,    /* } */
  CHAR_RIGHT_PARENTHESES,    /* ) */
  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
} = __nccwpck_require__(5595);

const isPathSeparator = code => {
  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
};

const depth = token => {
  if (token.isPrefix !== true) {
    token.depth = token.isGlobstar ? Infinity : 1;
  }
};

/**
 * Quickly scans a glob pattern and returns an object with a handful of
 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
 *
 * ```js
 * const pm = require('picomatch');
 * console.log(pm.scan('foo/bar/*.js'));
 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
 * ```
 * @param {String} `str`
 * @param {Object} `options`
 * @return {Object} Returns an object with tokens and regex source string.
 * @api public
 */

const scan = (input, options) => {
  const opts = options || {};

  const length = input.length - 1;
  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
  const slashes = [];
  const tokens = [];
  const parts = [];

  let str = input;
  let index = -1;
  let start = 0;
  let lastIndex = 0;
  let isBrace = false;
  let isBracket = false;
  let isGlob = false;
  let isExtglob = false;
  let isGlobstar = false;
  let braceEscaped = false;
  let backslashes = false;
  let negated = false;
  let negatedExtglob = false;
  let finished = false;
  let braces = 0;
  let prev;
  let code;
  let token = { value: '', depth: 0, isGlob: false };

  const eos = () => index >= length;
  const peek = () => str.charCodeAt(index + 1);
  const advance = () => {
    prev = code;
    return str.charCodeAt(++index);
  };

  while (index < length) {
    code = advance();
    let next;

    if (code === CHAR_BACKWARD_SLASH) {
      backslashes = token.backslashes = true;
      code = advance();

      if (code === CHAR_LEFT_CURLY_BRACE) {
        braceEscaped = true;
      }
      continue;
    }

    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
      braces++;

      while (eos() !== true && (code = advance())) {
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          continue;
        }

        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (braceEscaped !== true && code === CHAR_COMMA) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (code === CHAR_RIGHT_CURLY_BRACE) {
          braces--;

          if (braces === 0) {
            braceEscaped = false;
            isBrace = token.isBrace = true;
            finished = true;
            break;
          }
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (code === CHAR_FORWARD_SLASH) {
      slashes.push(index);
      tokens.push(token);
      token = { value: '', depth: 0, isGlob: false };

      if (finished === true) continue;
      if (prev === CHAR_DOT && index === (start + 1)) {
        start += 2;
        continue;
      }

      lastIndex = index + 1;
      continue;
    }

    if (opts.noext !== true) {
      const isExtglobChar = code === CHAR_PLUS
        || code === CHAR_AT
        || code === CHAR_ASTERISK
        || code === CHAR_QUESTION_MARK
        || code === CHAR_EXCLAMATION_MARK;

      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
        isGlob = token.isGlob = true;
        isExtglob = token.isExtglob = true;
        finished = true;
        if (code === CHAR_EXCLAMATION_MARK && index === start) {
          negatedExtglob = true;
        }

        if (scanToEnd === true) {
          let parens = 0;

          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }

            if (code === CHAR_LEFT_PARENTHESES) {
              parens++;
              continue;
            }

            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
              finished = true;
              break;
            }
          }
          continue;
        }
        break;
      }
    }

    if (code === CHAR_ASTERISK) {
      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_QUESTION_MARK) {
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_LEFT_SQUARE_BRACKET) {
      while (eos() !== true && (next = advance())) {
        if (next === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
          isBracket = token.isBracket = true;
          isGlob = token.isGlob = true;
          finished = true;
          break;
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
      negated = token.negated = true;
      start++;
      continue;
    }

    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
      isGlob = token.isGlob = true;

      if (scanToEnd === true) {
        let parens = 1;

        while (eos() !== true && (code = advance())) {
          if (code === CHAR_BACKWARD_SLASH) {
            backslashes = token.backslashes = true;
            advance();
            continue;
          }

          if (code === CHAR_LEFT_PARENTHESES) {
            parens++;
            continue;
          }

          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
            finished = true;
            break;
          }
        }
        continue;
      }
      break;
    }

    if (isGlob === true) {
      finished = true;

      if (scanToEnd === true) {
        continue;
      }

      break;
    }
  }

  if (opts.noext === true) {
    isExtglob = false;
    isGlob = false;
  }

  let base = str;
  let prefix = '';
  let glob = '';

  if (start > 0) {
    prefix = str.slice(0, start);
    str = str.slice(start);
    lastIndex -= start;
  }

  if (base && isGlob === true && lastIndex > 0) {
    base = str.slice(0, lastIndex);
    glob = str.slice(lastIndex);
  } else if (isGlob === true) {
    base = '';
    glob = str;
  } else {
    base = str;
  }

  if (base && base !== '' && base !== '/' && base !== str) {
    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
      base = base.slice(0, -1);
    }
  }

  if (opts.unescape === true) {
    if (glob) glob = utils.removeBackslashes(glob);

    if (base && backslashes === true) {
      base = utils.removeBackslashes(base);
    }
  }

  const state = {
    prefix,
    input,
    start,
    base,
    glob,
    isBrace,
    isBracket,
    isGlob,
    isExtglob,
    isGlobstar,
    negated,
    negatedExtglob
  };

  if (opts.tokens === true) {
    state.maxDepth = 0;
    if (!isPathSeparator(code)) {
      tokens.push(token);
    }
    state.tokens = tokens;
  }

  if (opts.parts === true || opts.tokens === true) {
    let prevIndex;

    for (let idx = 0; idx < slashes.length; idx++) {
      const n = prevIndex !== undefined ? prevIndex + 1 : start;
      const i = slashes[idx];
      const value = input.slice(n, i);
      if (opts.tokens) {
        if (idx === 0 && start !== 0) {
          tokens[idx].isPrefix = true;
          tokens[idx].value = prefix;
        } else {
          tokens[idx].value = value;
        }
        depth(tokens[idx]);
        state.maxDepth += tokens[idx].depth;
      }
      if (i >= start) {
        parts.push(value);
        prevIndex = i;
      }
    }

    const n = prevIndex !== undefined ? prevIndex + 1 : start;
    const value = input.slice(n);
    parts.push(value);

    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
      tokens[tokens.length - 1].value = value;
      depth(tokens[tokens.length - 1]);
      state.maxDepth += tokens[tokens.length - 1].depth;
    }

    state.slashes = slashes;
    state.parts = parts;
  }

  return state;
};

module.exports = scan;


/***/ }),

/***/ 64059:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/*global navigator*/


const {
  REGEX_BACKSLASH,
  REGEX_REMOVE_BACKSLASH,
  REGEX_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_GLOBAL
} = __nccwpck_require__(5595);

exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

exports.isWindows = () => {
  if (typeof navigator !== 'undefined' && navigator.platform) {
    const platform = navigator.platform.toLowerCase();
    return platform === 'win32' || platform === 'windows';
  }

  if (typeof process !== 'undefined' && process.platform) {
    return process.platform === 'win32';
  }

  return false;
};

exports.removeBackslashes = str => {
  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
    return match === '\\' ? '' : match;
  });
};

exports.escapeLast = (input, char, lastIdx) => {
  const idx = input.lastIndexOf(char, lastIdx);
  if (idx === -1) return input;
  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
};

exports.removePrefix = (input, state = {}) => {
  let output = input;
  if (output.startsWith('./')) {
    output = output.slice(2);
    state.prefix = './';
  }
  return output;
};

exports.wrapOutput = (input, state = {}, options = {}) => {
  const prepend = options.contains ? '' : '^';
  const append = options.contains ? '' : '$';

  let output = `${prepend}(?:${input})${append}`;
  if (state.negated === true) {
    output = `(?:^(?!${output}).*$)`;
  }
  return output;
};

exports.basename = (path, { windows } = {}) => {
  const segs = path.split(windows ? /[\\/]/ : '/');
  const last = segs[segs.length - 1];

  if (last === '') {
    return segs[segs.length - 2];
  }

  return last;
};


/***/ }),

/***/ 80925:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ graphqlUrl)
/* harmony export */ });
// Where GitHub's APIs live, laid out as GitHub lays them out: on github.com and GHE.com the REST API
// and GraphQL share a host (`https://api.github.com`, `…/graphql`); on GitHub Enterprise Server both
// hang off `/api` (`https://ghes/api/v3`, `https://ghes/api/graphql`). The runner names both
// (GITHUB_API_URL, GITHUB_GRAPHQL_URL); this is the fallback when it names only the first.
/** GraphQL endpoint for a REST base URL: `https://api.github.com/graphql`, or `https://ghes/api/graphql` for `https://ghes/api/v3`. */
function graphqlUrl(apiUrl) {
    const base = apiUrl.replace(/\/+$/, '');
    return /\/api\/v3$/.test(base) ? `${base.slice(0, -'/v3'.length)}/graphql` : `${base}/graphql`;
}


/***/ }),

/***/ 13391:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   HZ: () => (/* binding */ previousDigestOf),
/* harmony export */   NF: () => (/* binding */ pullRequestBody),
/* harmony export */   df: () => (/* binding */ commitMessage),
/* harmony export */   qm: () => (/* binding */ deploySummaryLine),
/* harmony export */   sF: () => (/* binding */ commitSubject),
/* harmony export */   y7: () => (/* binding */ releasedAtOf)
/* harmony export */ });
/* unused harmony exports rollbackSentence, RELEASED_AT_TRAILER */
/* harmony import */ var _oci_digest_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(68825);
// The commit message, pull request title and body: plain data in, text out.

/** Conventional Commits subject, also used as the pull request title; a rollback says so. */
function commitSubject(context) {
    if (!context.rollbackOf)
        return `chore(deploy): pin ${context.image} to ${(0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .shortDigest */ .VK)(context.digest)}`;
    const was = context.previousDigest ? ` (was ${(0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .shortDigest */ .VK)(context.previousDigest)})` : '';
    return `chore(deploy): roll back ${context.image} to ${(0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .shortDigest */ .VK)(context.digest)}${was}`;
}
/** The sentence that names the commit a rollback returns to. */
function rollbackSentence(rollbackOf) {
    return `Rolls back to the digest first pinned by ${rollbackOf}.`;
}
/**
 * The digest the deploy files pinned before this change: the digest in the first changed value (in
 * file order) that carried one (`app:v1@sha256:…`, a kustomize `digest:` or a setter value), or
 * undefined when no changed reference was pinned. This is the digest a rollback would return to.
 */
function previousDigestOf(changes) {
    for (const change of changes) {
        const digest = digestIn(change.from);
        if (digest)
            return digest;
    }
    return undefined;
}
const DIGEST_VALUE = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;
function digestIn(value) {
    const candidate = value.slice(value.lastIndexOf('@') + 1).trim();
    return DIGEST_VALUE.test(candidate) ? candidate : undefined;
}
/** One Markdown line for the run summary about what the deploy replaced, or undefined when it replaced no pinned digest. */
function deploySummaryLine(context) {
    if (context.rollbackOf) {
        const was = context.previousDigest ? ` (was \`${context.previousDigest}\`)` : '';
        return `Rolled back \`${context.image}\` to \`${context.digest}\`${was}, the digest first pinned by \`${context.rollbackOf}\`.`;
    }
    if (context.previousDigest)
        return `Replaced \`${context.previousDigest}\` (the rollback target) with \`${context.digest}\`.`;
    return undefined;
}
function commitMessage(context) {
    const lines = [commitSubject(context), '', `Pin ${context.image} to ${context.digest}.`];
    if (context.rollbackOf)
        lines.push(rollbackSentence(context.rollbackOf));
    lines.push('');
    for (const change of context.changes)
        lines.push(`${change.file}:${change.line}: ${change.from || '(none)'} -> ${change.to || '(none)'}`);
    if (context.tags.length > 0)
        lines.push('', `Tags: ${context.tags.join(', ')}`);
    const source = sourceLine(context);
    if (source)
        lines.push(`Source: ${source}`);
    if (context.source.runUrl)
        lines.push(`Run: ${context.source.runUrl}`);
    if (context.releasedAt)
        lines.push(`${RELEASED_AT_TRAILER}: ${context.releasedAt}`);
    return `${lines.join('\n')}\n`;
}
/** The commit trailer that says when the release behind a deploy commit started, so concurrent releases can tell which is newer. */
const RELEASED_AT_TRAILER = 'Released-At';
/** The release time a deploy commit's message carries, if any. */
function releasedAtOf(message) {
    const match = new RegExp(`^${RELEASED_AT_TRAILER}: (\\S+)$`, 'm').exec(message);
    const time = match ? new Date(match[1]) : undefined;
    return time && !Number.isNaN(time.getTime()) ? time : undefined;
}
function pullRequestBody(context) {
    const lines = [
        `Pins \`${context.image}\` to \`${context.digest}\` on \`${context.base}\`.`,
        '',
        ...(context.rollbackOf ? [rollbackSentence(context.rollbackOf), ''] : []),
        '| file | line | old | new |',
        '| --- | --- | --- | --- |'
    ];
    for (const change of context.changes) {
        lines.push(`| \`${escapeCell(change.file)}\` | ${change.line} | ${cell(change.from)} | ${cell(change.to)} |`);
    }
    lines.push('');
    lines.push(`**Tags:** ${context.tags.length > 0 ? context.tags.map((t) => `\`${t}\``).join(', ') : '(none)'}`);
    const { repository, sha, runUrl } = context.source;
    if (repository || sha) {
        const server = context.serverUrl.replace(/\/+$/, '');
        const commit = repository && sha ? `[\`${sha.slice(0, 12)}\`](${server}/${repository}/commit/${sha})` : sha ? `\`${sha}\`` : '';
        lines.push(`**Source:** ${repository ? `\`${repository}\`` : ''}${repository && commit ? ' @ ' : ''}${commit}`);
    }
    if (runUrl)
        lines.push(`**Run:** ${runUrl}`);
    if (context.verifyCommands.length > 0)
        lines.push('', '**Verify:**', '', '```sh', ...context.verifyCommands, '```');
    lines.push('', '<sub>Opened by digest-release. Each release rebuilds this branch from the latest base.</sub>');
    return `${lines.join('\n')}\n`;
}
function sourceLine(context) {
    const { repository, sha } = context.source;
    if (repository && sha)
        return `${repository}@${sha}`;
    return repository ?? sha ?? '';
}
/** A value as a table cell; an empty one (an inserted `digest:`'s old value, a dropped `newTag:`'s new one) is `(none)`. */
function cell(value) {
    return value ? `\`${escapeCell(value)}\`` : '(none)';
}
function escapeCell(text) {
    return text.replace(/\|/g, '\\|').replace(/`/g, "'");
}


/***/ }),

/***/ 69880:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ek: () => (/* binding */ readAhead),
/* harmony export */   Gm: () => (/* binding */ forEachLimit),
/* harmony export */   zm: () => (/* binding */ createLimiter)
/* harmony export */ });
// How many requests run at once: the bounded-parallel loop (blob uploads and copies, signing several
// targets side by side), the ordered read-ahead (evidence read ahead of its verification), and the
// limiter for work that turns up piece by piece (questions to a registry as a plan grows).
/** Runs `work` over `items` with at most `limit` at once; the first failure stops new work. */
async function forEachLimit(items, limit, work) {
    let next = 0;
    let failed;
    const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
        while (failed === undefined && next < items.length) {
            const item = items[next++];
            try {
                await work(item);
            }
            catch (error) {
                failed ??= error;
            }
        }
    });
    await Promise.all(runners);
    if (failed !== undefined)
        throw failed;
}
/**
 * Reads ahead of a consumer: `read` starts at once on up to `limit` items, and again as each answer
 * is taken, so at most `limit` are held whatever the list's length; the answers come back in the
 * items' order. Iterate it once.
 */
function readAhead(items, limit, read) {
    const pending = [];
    let next = 0;
    const fill = () => {
        while (next < items.length && pending.length < limit) {
            const reading = read(items[next++]);
            // Awaited in turn; until then a failure must not count as unhandled.
            reading.catch(() => undefined);
            pending.push(reading);
        }
    };
    fill();
    return {
        async *[Symbol.asyncIterator]() {
            for (const item of items) {
                const answer = await pending.shift();
                fill();
                yield [item, answer];
            }
        }
    };
}
/** A gate for work that turns up piece by piece: at most `limit` pieces run at once, the rest wait their turn in order. */
function createLimiter(limit) {
    let running = 0;
    const queued = [];
    const release = () => {
        const next = queued.shift();
        // The slot passes straight to the next piece waiting.
        if (next)
            next();
        else
            running--;
    };
    return async (work) => {
        if (running < limit)
            running++;
        else
            await new Promise((resolve) => queued.push(resolve));
        try {
            return await work();
        }
        finally {
            release();
        }
    };
}


/***/ }),

/***/ 59663:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   BU: () => (/* binding */ configureProxy),
/* harmony export */   Jo: () => (/* binding */ HttpConnectionError),
/* harmony export */   PY: () => (/* binding */ noProxyForNpmAgent),
/* harmony export */   Tz: () => (/* binding */ isDeadlineError),
/* harmony export */   Xq: () => (/* binding */ bufferHttp),
/* harmony export */   d3: () => (/* binding */ sendHttp),
/* harmony export */   fb: () => (/* binding */ openHttp),
/* harmony export */   u8: () => (/* binding */ DEFAULT_DEADLINE_MS),
/* harmony export */   vi: () => (/* binding */ describeCertificateFailure),
/* harmony export */   wx: () => (/* binding */ header)
/* harmony export */ });
/* unused harmony exports DEADLINE_CODE, isCertificateError */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(37067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(44708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
// A small HTTP layer over node:http/https: keep-alive agents, request bodies streamed with
// backpressure, bounded response bodies, connect and idle timeouts. With a proxy configured
// (configureProxy, from the runner's environment) requests go through it; the proxy code is
// loaded only then.


class HttpConnectionError extends Error {
    code;
    name = 'HttpConnectionError';
    constructor(message, code, options) {
        super(message, options);
        this.code = code;
    }
}
const agents = {
    http: new (node_http__WEBPACK_IMPORTED_MODULE_0___default().Agent)({ keepAlive: true, maxSockets: 16 }),
    https: new (node_https__WEBPACK_IMPORTED_MODULE_1___default().Agent)({ keepAlive: true, maxSockets: 16 })
};
const CONNECT_TIMEOUT_MS = 15_000;
const DEFAULT_IDLE_TIMEOUT_MS = 60_000;
const DEFAULT_DEADLINE_MS = 10 * 60_000;
/** The code of the error sendHttp fails with when its deadline runs out (a timeout: worth a retry within the caller's budget). */
const DEADLINE_CODE = 'ETIMEDOUT';
/** Whether sendHttp failed because the whole exchange outlasted its deadline. */
function isDeadlineError(error) {
    const cause = error instanceof HttpConnectionError ? error.cause : error;
    return typeof cause?.deadlineMs === 'number';
}
function header(response, name) {
    const value = response.headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
}
/** The proxy variables, in the toolkit's order (https_proxy before HTTPS_PROXY, …). */
const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];
const NO_PROXY_VARIABLES = ['no_proxy', 'NO_PROXY'];
let proxyEnvironment;
let proxyModule;
/**
 * Routes every later sendHttp through the proxy `env` names (https_proxy/HTTPS_PROXY,
 * http_proxy/HTTP_PROXY, no_proxy/NO_PROXY; the runner's environment). Without any proxy variable
 * nothing changes and no proxy code is loaded.
 */
function configureProxy(env) {
    const picked = {};
    for (const name of [...PROXY_VARIABLES, ...NO_PROXY_VARIABLES])
        if (env[name])
            picked[name] = env[name];
    proxyEnvironment = PROXY_VARIABLES.some((name) => picked[name]) ? picked : undefined;
}
/**
 * The no_proxy value under which npm's proxy agent (beneath sigstore-js and tuf-js, which read the
 * proxy variables themselves) reaches `urls` as configureProxy's rules do; undefined when no proxy
 * is configured, and then the proxy code is not loaded.
 */
async function noProxyForNpmAgent(urls) {
    const env = proxyEnvironment;
    if (env === undefined)
        return undefined;
    return (await (proxyModule ??= __nccwpck_require__.e(/* import() */ 987).then(__nccwpck_require__.bind(__nccwpck_require__, 51987)))).noProxyForNpmAgent(urls, env);
}
/** Runs `send` with the route through the runner's proxy for this request, if one applies (the proxy code is loaded only then). */
function viaProxy(request, send) {
    const env = proxyEnvironment;
    if (env === undefined)
        return send(undefined);
    return (proxyModule ??= __nccwpck_require__.e(/* import() */ 987).then(__nccwpck_require__.bind(__nccwpck_require__, 51987))).then((proxy) => {
        const via = proxy.proxyFor(request.url, env);
        return send(via && ((headers) => proxy.proxyRoute(request.url, via, request.method, headers)));
    });
}
function sendHttp(request) {
    return viaProxy(request, (route) => exchange(request, route));
}
function exchange(request, route) {
    const { url } = request;
    const isHttps = url.protocol === 'https:';
    const transport = isHttps ? (node_https__WEBPACK_IMPORTED_MODULE_1___default()) : (node_http__WEBPACK_IMPORTED_MODULE_0___default());
    const maxResponseBytes = request.maxResponseBytes ?? 8 * 1024 * 1024;
    const idleTimeoutMs = request.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
    const deadlineMs = request.deadlineMs ?? DEFAULT_DEADLINE_MS;
    return new Promise((resolve, reject) => {
        let settled = false;
        let deadlineTimer;
        const fail = (error) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(deadlineTimer);
            const code = error.code;
            const reason = describeCertificateFailure(error, url.hostname) ?? proxyReason(error) ?? error.message;
            reject(new HttpConnectionError(`${request.method} ${redactUrl(url)}: ${reason}`, code, { cause: error }));
        };
        const headers = { 'User-Agent': 'digest-release', ...request.headers };
        if (Buffer.isBuffer(request.body))
            headers['Content-Length'] = String(request.body.length);
        else if (request.body === undefined && ['PUT', 'POST', 'PATCH'].includes(request.method))
            headers['Content-Length'] = '0';
        const proxied = route?.(headers);
        const req = proxied
            ? proxied.transport.request(proxied.options)
            : transport.request(url, { method: request.method, headers, agent: isHttps ? agents.https : agents.http });
        // A plain-http request through a proxy that fails before its socket connects failed at the proxy.
        let connected = false;
        const proxyReason = (error) => {
            if (!proxied)
                return undefined;
            if (error.proxy)
                return error.message;
            if (proxied.options.agent instanceof (node_https__WEBPACK_IMPORTED_MODULE_1___default().Agent) && isHttps)
                return undefined;
            return connected ? undefined : `cannot reach the proxy ${proxied.proxy.protocol}//${proxied.proxy.host}: ${error.message}`;
        };
        if (Number.isFinite(deadlineMs)) {
            deadlineTimer = setTimeout(() => {
                const seconds = Math.round(deadlineMs / 100) / 10;
                const error = Object.assign(new Error(`the server was too slow: no complete answer within ${seconds}s (the request's deadline)`), {
                    code: DEADLINE_CODE,
                    deadlineMs
                });
                fail(error);
                req.destroy(error);
            }, deadlineMs);
        }
        const connectTimer = setTimeout(() => {
            const error = Object.assign(new Error(`no connection within ${CONNECT_TIMEOUT_MS / 1000}s`), { code: 'ETIMEDOUT' });
            req.destroy(error);
        }, CONNECT_TIMEOUT_MS);
        req.on('socket', (socket) => {
            const onConnect = () => {
                connected = true;
                clearTimeout(connectTimer);
            };
            if (!socket.connecting)
                onConnect();
            else
                socket.once('connect', onConnect);
        });
        req.setTimeout(idleTimeoutMs, () => {
            req.destroy(Object.assign(new Error(`no data moved for ${idleTimeoutMs / 1000}s`), { code: 'ETIMEDOUT' }));
        });
        req.on('error', (error) => {
            clearTimeout(connectTimer);
            fail(error);
        });
        req.on('response', (res) => {
            clearTimeout(connectTimer);
            const chunks = [];
            let kept = 0;
            res.on('data', (chunk) => {
                if (kept < maxResponseBytes) {
                    chunks.push(chunk);
                    kept += chunk.length;
                }
            });
            res.on('error', fail);
            res.on('aborted', () => fail(Object.assign(new Error('response aborted'), { code: 'ECONNRESET' })));
            res.on('end', () => {
                if (settled)
                    return;
                settled = true;
                clearTimeout(deadlineTimer);
                // The request body may still be streaming when a server answers early (an error): stop it.
                if (request.body && !Buffer.isBuffer(request.body))
                    request.body.unpipe?.(req);
                resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), url });
            });
        });
        if (request.body === undefined)
            req.end();
        else if (Buffer.isBuffer(request.body))
            req.end(request.body);
        else {
            const body = request.body;
            body.on('error', (error) => req.destroy(error));
            body.pipe(req);
        }
    });
}
/**
 * Like sendHttp, but settles as soon as the answer's headers arrive and hands over the body as a
 * stream (a blob GET copied to another registry, never held in memory). The connect timer, the
 * idle timer and the overall deadline keep running until the body has been read to its end.
 */
function openHttp(request) {
    return viaProxy(request, (route) => openExchange(request, route));
}
function openExchange(request, route) {
    const { url } = request;
    const isHttps = url.protocol === 'https:';
    const transport = isHttps ? (node_https__WEBPACK_IMPORTED_MODULE_1___default()) : (node_http__WEBPACK_IMPORTED_MODULE_0___default());
    const idleTimeoutMs = request.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
    const deadlineMs = request.deadlineMs ?? DEFAULT_DEADLINE_MS;
    return new Promise((resolve, reject) => {
        let settled = false;
        let deadlineTimer;
        let response;
        const wrap = (error) => error instanceof HttpConnectionError
            ? error
            : new HttpConnectionError(`${request.method} ${redactUrl(url)}: ${describeCertificateFailure(error, url.hostname) ?? error.message}`, error.code, { cause: error });
        const fail = (error) => {
            clearTimeout(deadlineTimer);
            // Before the headers, the promise fails; after them, the body stream does.
            if (!settled) {
                settled = true;
                reject(wrap(error));
            }
            else if (response && !response.destroyed)
                response.destroy(wrap(error));
        };
        const headers = { 'User-Agent': 'digest-release', ...request.headers };
        const proxied = route?.(headers);
        const req = proxied
            ? proxied.transport.request(proxied.options)
            : transport.request(url, { method: request.method, headers, agent: isHttps ? agents.https : agents.http });
        if (Number.isFinite(deadlineMs)) {
            deadlineTimer = setTimeout(() => {
                const seconds = Math.round(deadlineMs / 100) / 10;
                const error = Object.assign(new Error(`the server was too slow: no complete answer within ${seconds}s (the request's deadline)`), {
                    code: DEADLINE_CODE,
                    deadlineMs
                });
                fail(error);
                req.destroy(error);
            }, deadlineMs);
        }
        const connectTimer = setTimeout(() => {
            req.destroy(Object.assign(new Error(`no connection within ${CONNECT_TIMEOUT_MS / 1000}s`), { code: 'ETIMEDOUT' }));
        }, CONNECT_TIMEOUT_MS);
        req.on('socket', (socket) => {
            if (!socket.connecting)
                clearTimeout(connectTimer);
            else
                socket.once('connect', () => clearTimeout(connectTimer));
        });
        req.setTimeout(idleTimeoutMs, () => {
            const error = Object.assign(new Error(`no data moved for ${idleTimeoutMs / 1000}s`), { code: 'ETIMEDOUT' });
            fail(error);
            req.destroy(error);
        });
        req.on('error', (error) => {
            clearTimeout(connectTimer);
            fail(error);
        });
        req.on('response', (res) => {
            clearTimeout(connectTimer);
            response = res;
            res.on('aborted', () => fail(Object.assign(new Error('response aborted'), { code: 'ECONNRESET' })));
            res.on('end', () => clearTimeout(deadlineTimer));
            res.on('close', () => clearTimeout(deadlineTimer));
            settled = true;
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res, url });
        });
        req.end();
    });
}
/** Reads a streamed answer's body (up to maxBytes; the rest is read and dropped) into an HttpResponse. */
async function bufferHttp(response, maxBytes = 64 * 1024) {
    const chunks = [];
    let kept = 0;
    for await (const chunk of response.body) {
        if (kept < maxBytes) {
            chunks.push(chunk);
            kept += chunk.length;
        }
    }
    return { status: response.status, headers: response.headers, body: Buffer.concat(chunks), url: response.url };
}
const UNTRUSTED_CODES = new Set([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'CERT_UNTRUSTED',
    'CERT_REJECTED',
    'CERT_SIGNATURE_FAILURE',
    'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
    'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
    'INVALID_CA',
    'PATH_LENGTH_EXCEEDED',
    'INVALID_PURPOSE'
]);
const EXPIRED_CODES = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
/** Whether `error` (or the HttpConnectionError around it) is a certificate the client does not accept: retrying cannot help. */
function isCertificateError(error) {
    const cause = error instanceof HttpConnectionError ? error.cause : error;
    const code = cause?.code;
    return code !== undefined && (UNTRUSTED_CODES.has(code) || EXPIRED_CODES.has(code) || code === 'ERR_TLS_CERT_ALTNAME_INVALID');
}
/**
 * What a TLS certificate failure means for `host`, with the fix; undefined for other errors.
 * A private CA (or a proxy that inspects TLS and re-signs) is trusted through NODE_EXTRA_CA_CERTS.
 */
function describeCertificateFailure(error, host) {
    const cause = error instanceof HttpConnectionError ? error.cause : error;
    const code = cause?.code;
    if (code === undefined)
        return undefined;
    const detail = `${code}: ${cause.message}`;
    if (UNTRUSTED_CODES.has(code))
        return (`the certificate of ${host} is not trusted (${detail}); if ${host} (or a proxy that inspects TLS) uses a private CA, ` +
            `set NODE_EXTRA_CA_CERTS to that CA's PEM file in the step's env (Node reads it at start)`);
    if (EXPIRED_CODES.has(code))
        return (`the certificate of ${host} is not trusted: it is outside its validity period (${detail}); ${host} must renew it ` +
            `(NODE_EXTRA_CA_CERTS adds CAs, it cannot make an expired certificate valid)`);
    if (code === 'ERR_TLS_CERT_ALTNAME_INVALID')
        return `the certificate of ${host} is not trusted: it is not issued for ${host} (${detail})`;
    return undefined;
}
/** A URL fit for a log line: query strings of upload sessions can carry state tokens. */
function redactUrl(url) {
    const copy = new URL(url.href);
    copy.username = '';
    copy.password = '';
    for (const key of [...copy.searchParams.keys()]) {
        if (key.startsWith('_'))
            copy.searchParams.set(key, '…');
    }
    return copy.href;
}


/***/ }),

/***/ 39691:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ HeldLogger),
/* harmony export */   q: () => (/* binding */ silentLogger)
/* harmony export */ });
const silentLogger = { info() { }, warning() { }, debug() { } };
/** A logger that keeps what it is told, for work that runs ahead of its turn in the log. */
class HeldLogger {
    lines = [];
    info(message) {
        this.lines.push(['info', message]);
    }
    warning(message) {
        this.lines.push(['warning', message]);
    }
    debug(message) {
        this.lines.push(['debug', message]);
    }
    /** Says everything kept, in order, to `logger`, and forgets it. */
    replay(logger) {
        for (const [level, message] of this.lines.splice(0))
            logger[level](message);
    }
}


/***/ }),

/***/ 37893:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   I8: () => (/* binding */ SIGSTORE_RETRY),
/* harmony export */   PS: () => (/* binding */ isRetryableStatus),
/* harmony export */   Zm: () => (/* binding */ GIT_PUSH_RETRY),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   dv: () => (/* binding */ REGISTRY_RETRY),
/* harmony export */   hS: () => (/* binding */ REFERRERS_MERGE_RETRY),
/* harmony export */   pG: () => (/* binding */ UPLOAD_RETRY),
/* harmony export */   sl: () => (/* binding */ GITHUB_API_RETRY),
/* harmony export */   xv: () => (/* binding */ httpTransience),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
/* unused harmony exports isRetryableNetworkError, parseRetryAfter */
// The one retry policy (go-containerregistry's retry transport and create-pull-request's
// git-push-retry both keep it in one place): every caller that retries (registry requests, the
// token endpoint, blob uploads, the referrers index, Sigstore, the GitHub API, git push) goes
// through `withRetry`, and `backoffDelay` is the only formula. Callers differ only in their policy
// (how many attempts, how long in all) and in what counts as transient.
/** Registry requests and the registry's token endpoint. */
const REGISTRY_RETRY = { attempts: 6, budgetMs: 45_000, baseDelayMs: 250, maxDelayMs: 8_000 };
/** Blob uploads: a large blob may take minutes, so the budget is longer. */
const UPLOAD_RETRY = { attempts: 6, budgetMs: 10 * 60_000, baseDelayMs: 250, maxDelayMs: 8_000 };
/** Sigstore's public instance has answered 5xx for tens of minutes: a long budget, few attempts a minute. */
const SIGSTORE_RETRY = { attempts: 100, budgetMs: 4 * 60_000, baseDelayMs: 500, maxDelayMs: 30_000 };
/** The GitHub REST and GraphQL APIs (secondary rate limits answer 403/429 with Retry-After). */
const GITHUB_API_RETRY = { attempts: 4, budgetMs: 60_000, baseDelayMs: 500, maxDelayMs: 10_000 };
/** Re-applying a deploy edit after another push won the race for the branch. */
const GIT_PUSH_RETRY = { attempts: 6, budgetMs: 5 * 60_000, baseDelayMs: 250, maxDelayMs: 8_000 };
/** Re-reading the referrers tag-schema index until concurrent writers stop replacing our entry. */
const REFERRERS_MERGE_RETRY = { attempts: 10, budgetMs: 60_000, baseDelayMs: 200, maxDelayMs: 400 };
const RETRYABLE_CODES = new Set([
    'ECONNRESET',
    'EPIPE',
    'ETIMEDOUT',
    'ECONNREFUSED',
    'ECONNABORTED',
    'EAI_AGAIN',
    'UND_ERR_SOCKET',
    'ERR_STREAM_PREMATURE_CLOSE',
    'EHOSTUNREACH',
    'ENETUNREACH'
]);
function isRetryableStatus(status) {
    return status === 429 || status === 408 || (status >= 500 && status !== 501 && status !== 505);
}
function isRetryableNetworkError(error) {
    const code = error?.code;
    return code !== undefined && RETRYABLE_CODES.has(code);
}
/** Retry-After as seconds or an HTTP date, in milliseconds; undefined when absent or unreadable. */
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    const seconds = Number(value);
    if (Number.isFinite(seconds) && seconds >= 0)
        return seconds * 1000;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/** Exponential backoff with half jitter (the delay is between half and all of the ceiling), or the server's Retry-After. */
function backoffDelay(policy, attempt, retryAfterMs) {
    if (retryAfterMs !== undefined)
        return Math.min(retryAfterMs, policy.maxDelayMs * 4);
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
    return ceiling / 2 + Math.random() * (ceiling / 2);
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Runs `work` until it succeeds, a failure is not transient, or the policy's attempts or time run out. */
async function withRetry(work, options) {
    const started = Date.now();
    for (let attempt = 0;; attempt++) {
        try {
            return await work(attempt);
        }
        catch (error) {
            const { transient, retryAfterMs } = options.classify(error);
            const delay = backoffDelay(options.policy, attempt, retryAfterMs);
            const elapsed = Date.now() - started;
            if (!transient || attempt + 1 >= options.policy.attempts || elapsed + delay > options.policy.budgetMs) {
                throw options.giveUp ? options.giveUp(error, attempt + 1, elapsed) : error;
            }
            options.onRetry?.(error, delay, attempt);
            await sleep(delay);
        }
    }
}
/** Failures of one HTTP exchange: a retryable status (honouring Retry-After) or a dropped connection. */
function httpTransience(status, retryAfter, networkError) {
    if (status !== undefined)
        return { transient: isRetryableStatus(status), retryAfterMs: parseRetryAfter(retryAfter) };
    return { transient: isRetryableNetworkError(networkError) };
}


/***/ }),

/***/ 47592:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ platformName),
/* harmony export */   U: () => (/* binding */ plainDescriptor)
/* harmony export */ });
// The one descriptor type of the codebase (image-spec descriptor.md): what every manifest, index,
// referrer and layer entry points at, from the layout, the registry and the signing steps alike.
/** `os/architecture[/variant]`, or undefined when the descriptor names no platform. */
function platformName(descriptor) {
    const platform = descriptor.platform;
    if (!platform?.os || !platform.architecture)
        return undefined;
    return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}
/** A copy with only the three fields a `subject` or `config` descriptor carries. */
function plainDescriptor(descriptor) {
    return { mediaType: descriptor.mediaType, digest: descriptor.digest, size: descriptor.size };
}


/***/ }),

/***/ 68825:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bj: () => (/* binding */ sha256Of),
/* harmony export */   JD: () => (/* binding */ digestSet),
/* harmony export */   VK: () => (/* binding */ shortDigest),
/* harmony export */   WA: () => (/* binding */ DIGEST_PATTERN),
/* harmony export */   g4: () => (/* binding */ digestAlgorithm),
/* harmony export */   ol: () => (/* binding */ digestOf),
/* harmony export */   yP: () => (/* binding */ digestFileStem)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
// Digests (image-spec descriptor.md, "Digests"): computed, checked and shortened in one place.

/** The algorithms an OCI digest may name that this project reads and writes. */
const DIGEST_PATTERN = /^sha256:[a-f0-9]{64}$|^sha512:[a-f0-9]{128}$/;
function sha256Of(bytes) {
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex')}`;
}
/** `sha256` or `sha512`: the algorithm a digest names. */
function digestAlgorithm(digest) {
    return digest.slice(0, digest.indexOf(':'));
}
/** The digest of `bytes` under the algorithm `digest` names (sha256 or sha512). */
function digestOf(bytes, algorithmOf) {
    const algorithm = digestAlgorithm(algorithmOf);
    return `${algorithm}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm).update(bytes).digest('hex')}`;
}
/** `sha256:0123456789ab`: short enough for a subject line or a table cell, long enough to find it. */
function shortDigest(digest) {
    const [algorithm, hex = ''] = digest.split(':');
    return `${algorithm}:${hex.slice(0, 12)}`;
}
/** The first 12 hex characters, for file names (`signature-0123456789ab.sigstore.json`). */
function digestFileStem(digest) {
    return (digest.split(':')[1] ?? digest).slice(0, 12);
}
/** `{ sha256: "<hex>" }`, the digest set of an in-toto subject. */
function digestSet(digest) {
    const [algorithm, hex] = digest.split(':');
    return { [algorithm]: hex };
}


/***/ }),

/***/ 28630:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ LayoutError),
/* harmony export */   g: () => (/* binding */ RegistryError)
/* harmony export */ });
// The OCI library's failures, each built where the fact is known, with the fix in the message.
/** A layout that cannot be pushed as it is: names the file. */
class LayoutError extends Error {
    file;
    name = 'LayoutError';
    constructor(message, file, options) {
        super(message, options);
        this.file = file;
    }
}
/** A registry request that failed: method, URL, status and the registry's own error body. */
class RegistryError extends Error {
    request;
    name = 'RegistryError';
    constructor(message, request, options) {
        super(message, options);
        this.request = request;
    }
    get status() {
        return this.request.status;
    }
    hasCode(code) {
        return (this.request.errors ?? []).some((e) => e.code === code);
    }
}


/***/ }),

/***/ 34199:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  yt: () => (/* binding */ loadImage),
  dt: () => (/* binding */ manifestsBottomUp),
  B9: () => (/* binding */ openLayout),
  c: () => (/* binding */ platformDigestsOf),
  QF: () => (/* binding */ platformImages),
  J9: () => (/* binding */ selectEntry)
});

// UNUSED EXPORTS: GUNZIP_LIMITS, MAX_MANIFEST_BYTES, MIN_DIGEST_PREFIX

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __nccwpck_require__(46466);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __nccwpck_require__(38522);
// EXTERNAL MODULE: ./src/oci/digest.ts
var oci_digest = __nccwpck_require__(68825);
// EXTERNAL MODULE: ./src/oci/descriptor.ts
var oci_descriptor = __nccwpck_require__(47592);
// EXTERNAL MODULE: ./src/oci/errors.ts
var errors = __nccwpck_require__(28630);
;// CONCATENATED MODULE: ./src/oci/layout/tar.ts
// Reads the table of contents of an uncompressed tar so files can be streamed out of it by offset:
// nothing is extracted, so no entry can land outside its folder, and each byte is read once.
// Formats: ustar (with prefix), pax extended headers (path, size), GNU long names.



const BLOCK = 512;
function readString(block, start, length) {
    const slice = block.subarray(start, start + length);
    const end = slice.indexOf(0);
    return slice.subarray(0, end === -1 ? length : end).toString('utf8');
}
/** At most `max` characters of text from a file, for an error message ("…" when cut). */
function clip(text, max = 200) {
    return text.length > max ? `${text.slice(0, max)}…` : text;
}
/** Pax, GNU long-name and long-link data: real ones are a few hundred bytes; more is refused unread. */
const MAX_TAR_HEADER_DATA_BYTES = 1024 * 1024;
/** A numeric header field (the checksum) read leniently: a wrong one simply fails the comparison. */
function readNumber(block, start, length) {
    const text = readString(block, start, length).trim();
    return /^[0-7]+$/.test(text) ? parseInt(text, 8) : NaN;
}
/**
 * The size field of a header: octal text, or GNU base-256 (high bit of the first byte set) for 8 GiB
 * and more. Returns a reason instead when the field is negative, not a number or too large to be real.
 */
function readSize(block, start, length) {
    if (block[start] & 0x80) {
        // Base-256 is two's complement: a first byte with 0x40 set too is a negative number.
        if (block[start] & 0x40)
            return 'a negative size (GNU base-256)';
        let value = block[start] & 0x3f;
        for (let i = start + 1; i < start + length; i++)
            value = value * 256 + block[i];
        return Number.isSafeInteger(value) ? value : 'an absurd size (GNU base-256)';
    }
    const text = readString(block, start, length).replace(/^ +| +$/g, '');
    if (text === '')
        return 0;
    if (text.startsWith('-'))
        return `a negative size "${clip(text)}"`;
    if (!/^[0-7]+$/.test(text))
        return `a size field that is not octal ("${clip(text)}")`;
    return parseInt(text, 8);
}
/** A pax `size` record: decimal digits that make a safe integer, nothing else. */
function paxSize(text) {
    const value = Number(text);
    return /^[0-9]+$/.test(text) && Number.isSafeInteger(value) ? value : `an invalid size "${clip(text)}" in its pax header`;
}
function parsePax(data) {
    const records = {};
    let position = 0;
    while (position < data.length) {
        const space = data.indexOf(0x20, position);
        if (space === -1 || space - position > 20)
            break;
        const lengthText = data.subarray(position, space).toString('ascii');
        const length = Number(lengthText);
        if (!/^[0-9]+$/.test(lengthText) || length <= space - position || position + length > data.length)
            break;
        if (data[position + length - 1] !== 0x0a)
            break;
        const record = data.subarray(space + 1, position + length - 1).toString('utf8');
        const equals = record.indexOf('=');
        if (equals > 0)
            records[record.slice(0, equals)] = record.slice(equals + 1);
        position += length;
    }
    return records;
}
/** Normalizes an entry name inside the archive; refuses names that would leave it. */
function safeEntryName(name, tarPath) {
    const normalized = external_node_path_.posix.normalize(name.replace(/\\/g, '/'));
    if (normalized.startsWith('/') || normalized === '..' || normalized.startsWith('../')) {
        throw new errors/* LayoutError */.R(`tar entry "${clip(name)}" in ${tarPath} points outside the layout; refusing to read this archive`, tarPath);
    }
    return normalized.replace(/^\.\//, '').replace(/\/$/, '');
}
async function indexTar(tarPath) {
    const handle = await (0,promises_.open)(tarPath, 'r');
    try {
        const { size: fileSize } = await handle.stat();
        const entries = new Map();
        const block = Buffer.alloc(BLOCK);
        let position = 0;
        let pending = {};
        let globalPax = {};
        const refuse = (name, what) => new errors/* LayoutError */.R(`tar entry "${clip(name)}" in ${tarPath} has ${what}; refusing to read this archive`, tarPath);
        while (position + BLOCK <= fileSize) {
            await handle.read(block, 0, BLOCK, position);
            if (block.every((b) => b === 0))
                break;
            const checksum = readNumber(block, 148, 8);
            let sum = 0;
            for (let i = 0; i < BLOCK; i++)
                sum += i >= 148 && i < 156 ? 0x20 : block[i];
            if (checksum !== sum)
                throw new errors/* LayoutError */.R(`${tarPath} is not a tar archive (bad header checksum at byte ${position})`, tarPath);
            const typeflag = String.fromCharCode(block[156] || 0x30);
            const isMeta = typeflag === 'x' || typeflag === 'g' || typeflag === 'L' || typeflag === 'K';
            const headerName = readString(block, 0, 100);
            const dataOffset = position + BLOCK;
            if (isMeta) {
                const size = readSize(block, 124, 12);
                if (typeof size === 'string')
                    throw refuse(headerName, size);
                if (size > MAX_TAR_HEADER_DATA_BYTES)
                    throw refuse(headerName, `${size} bytes of header data, too large for a real pax or long-name header`);
                if (dataOffset + size > fileSize)
                    throw refuse(headerName, `${size} bytes of header data that run past the end of the file`);
                const data = Buffer.alloc(size);
                await handle.read(data, 0, size, dataOffset);
                if (typeflag === 'x') {
                    const pax = parsePax(data);
                    pending = { path: pax.path, size: pax.size, linkpath: pax.linkpath };
                }
                else if (typeflag === 'g')
                    globalPax = { ...globalPax, ...parsePax(data) };
                else if (typeflag === 'L')
                    pending.path = readString(data, 0, data.length);
                else
                    pending.linkpath = readString(data, 0, data.length);
                position = dataOffset + Math.ceil(size / BLOCK) * BLOCK;
                continue;
            }
            const prefix = readString(block, 345, 155);
            const rawName = pending.path ?? globalPax.path ?? (prefix ? `${prefix}/${headerName}` : headerName);
            const linkName = pending.linkpath ?? (readString(block, 157, 100) || undefined);
            const size = pending.size !== undefined ? paxSize(pending.size) : readSize(block, 124, 12);
            pending = {};
            if (typeof size === 'string')
                throw refuse(rawName, size);
            const type = typeflag === '0' || typeflag === '7'
                ? 'file'
                : typeflag === '5'
                    ? 'directory'
                    : typeflag === '1'
                        ? 'hardlink'
                        : typeflag === '2'
                            ? 'symlink'
                            : 'other';
            const hasData = type === 'file' || type === 'other';
            if (hasData && dataOffset + size > fileSize)
                throw new errors/* LayoutError */.R(`${tarPath} is truncated: entry "${clip(rawName)}" runs past the end of the file`, tarPath);
            const name = safeEntryName(rawName, tarPath);
            if (name !== '' && name !== '.')
                entries.set(name, { name, offset: dataOffset, size: type === 'file' ? size : 0, type, linkName });
            const next = hasData ? dataOffset + Math.ceil(size / BLOCK) * BLOCK : dataOffset;
            // Sizes are checked non-negative above; this keeps the walk moving whatever a header says.
            if (!(next > position))
                throw refuse(rawName, 'a header that does not advance');
            position = next;
        }
        return entries;
    }
    finally {
        await handle.close();
    }
}
/** Follows hard links and (relative, in-archive) symbolic links to a file entry. */
function resolveTarEntry(entries, name, tarPath) {
    let entry = entries.get(name);
    for (let hops = 0; entry && entry.type !== 'file' && hops < 16; hops++) {
        if (entry.type === 'hardlink' && entry.linkName)
            entry = entries.get(safeEntryName(entry.linkName, tarPath));
        else if (entry.type === 'symlink' && entry.linkName) {
            const target = entry.linkName.startsWith('/') ? entry.linkName : external_node_path_.posix.join(external_node_path_.posix.dirname(entry.name), entry.linkName);
            entry = entries.get(safeEntryName(target, tarPath));
        }
        else
            return undefined;
    }
    return entry?.type === 'file' ? entry : undefined;
}

// EXTERNAL MODULE: ./src/oci/media-types.ts
var media_types = __nccwpck_require__(29217);
;// CONCATENATED MODULE: ./src/oci/layout/read.ts
// OCI image layout (image-spec image-layout.md): a directory, or an uncompressed or gzipped tar
// of one (what buildx `type=oci`, ko, umoci and rules_oci write).











/** The most a manifest, an index, index.json or oci-layout may be (what registries accept for a manifest). */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
// Opening a file in a layout directory never follows a link (O_NOFOLLOW, where the platform has
// it), and never blocks on a FIFO (O_NONBLOCK): what is opened is then checked to be a regular file.
const OPEN_FLAGS = external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NOFOLLOW ?? 0) | (external_node_fs_.constants.O_NONBLOCK ?? 0);
/**
 * Opens a file of a layout directory: a regular file, not a link to somewhere else on the runner,
 * not a device or a FIFO. A missing file rejects with the ENOENT error of the file system.
 */
async function openRegularFile(path, what) {
    const info = await (0,promises_.lstat)(path);
    if (info.isSymbolicLink())
        throw new errors/* LayoutError */.R(`${path} is a symbolic link; ${what} must be a regular file inside the layout (a link could point anywhere on the runner)`, path);
    if (!info.isFile())
        throw new errors/* LayoutError */.R(`${path} is not a regular file; ${what} must be one`, path);
    let handle;
    try {
        handle = await (0,promises_.open)(path, OPEN_FLAGS);
    }
    catch (error) {
        if (error.code === 'ELOOP')
            throw new errors/* LayoutError */.R(`${path} is a symbolic link; ${what} must be a regular file inside the layout`, path);
        throw error;
    }
    // Checked again on what was opened: the name may have been swapped since lstat.
    const opened = await handle.stat();
    if (!opened.isFile()) {
        await handle.close();
        throw new errors/* LayoutError */.R(`${path} is not a regular file; ${what} must be one`, path);
    }
    return handle;
}
/** Reads a small file of a layout directory whole, refusing it unread when it is larger than `max`. */
async function readSmallFile(path, what, max = MAX_MANIFEST_BYTES) {
    const handle = await openRegularFile(path, what);
    try {
        const { size } = await handle.stat();
        const tooLarge = (bytes) => new errors/* LayoutError */.R(`${path} is ${bytes} bytes, more than the ${max} ${what} may be; the layout is damaged or this is not one`, path);
        if (size > max)
            throw tooLarge(String(size));
        // One byte more than allowed, in case the file grows while it is read.
        const buffer = Buffer.alloc(max + 1);
        let length = 0;
        for (;;) {
            const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
            if (bytesRead === 0)
                break;
            length += bytesRead;
            if (length > max)
                throw tooLarge(`more than ${max}`);
        }
        return buffer.subarray(0, length);
    }
    finally {
        await handle.close();
    }
}
/** Streams `[start, end)` of a regular file of a layout directory; nothing is read from a link or a special file. */
function readRange(path, what, start, end, before) {
    async function* chunks() {
        await before?.();
        const handle = await openRegularFile(path, what);
        try {
            for await (const chunk of handle.createReadStream({ start, end: end - 1, highWaterMark: 1024 * 1024, autoClose: false }))
                yield chunk;
        }
        finally {
            await handle.close();
        }
    }
    return external_node_stream_.Readable.from(chunks(), { objectMode: false });
}
function emptyStream() {
    return external_node_stream_.Readable.from([]);
}
/**
 * How far a gzipped layout tar may decompress (into tempDir, on the runner's disk). A layout's layers
 * are gzip already, so a real `.tar.gz` of one shrinks little (1-2 times; a layout of uncompressed
 * layers a few times): output that passes 1 GiB while more than 20 times the compressed size is a
 * decompression bomb. 64 GiB in all bounds what a runner's disk is asked to hold; a larger layout
 * can be given as the uncompressed tar or the directory, which are read in place.
 */
const GUNZIP_LIMITS = Object.freeze({ maxRatio: 20, ratioAfterBytes: 1024 ** 3, maxBytes: 64 * 1024 ** 3 });
function formatBytes(bytes) {
    for (const [unit, size] of [
        ['GiB', 1024 ** 3],
        ['MiB', 1024 ** 2],
        ['KiB', 1024]
    ])
        if (bytes >= size)
            return `${Number((bytes / size).toFixed(1))} ${unit}`;
    return `${bytes} bytes`;
}
/** Passes bytes through until `limit` is exceeded, then fails the pipeline with `error()`. */
function byteLimit(limit, error) {
    let seen = 0;
    return new external_node_stream_.Transform({
        transform(chunk, _encoding, callback) {
            seen += chunk.length;
            if (seen > limit)
                return callback(error());
            callback(null, chunk);
        }
    });
}
async function openLayout(path, options) {
    let info;
    try {
        info = await (0,promises_.stat)(path);
    }
    catch {
        throw new errors/* LayoutError */.R(`the layout path ${path} does not exist; give the directory or tar your build wrote (e.g. buildx --output type=oci,dest=${path})`, path);
    }
    if (info.isDirectory())
        return openDirectoryLayout(path);
    return openTarLayout(path, options.tempDir, options.gunzipLimits ?? GUNZIP_LIMITS);
}
async function openDirectoryLayout(root) {
    await checkOciLayoutFile(async () => (await readSmallFile((0,external_node_path_.join)(root, 'oci-layout'), 'oci-layout')).toString('utf8'), (0,external_node_path_.join)(root, 'oci-layout'));
    const index = await parseIndex(() => readSmallFile((0,external_node_path_.join)(root, 'index.json'), 'index.json'), (0,external_node_path_.join)(root, 'index.json'));
    // blobs/ and blobs/<algorithm>/ must be folders of the layout itself, not links out of it.
    const folders = new Map();
    const checkFolder = (path) => {
        let checked = folders.get(path);
        if (!checked) {
            checked = (0,promises_.lstat)(path).then((info) => {
                if (info.isSymbolicLink())
                    throw new errors/* LayoutError */.R(`${path} is a symbolic link; a layout's blobs must be inside it (a link could point anywhere on the runner)`, path);
                if (!info.isDirectory())
                    throw new errors/* LayoutError */.R(`${path} is not a folder`, path);
            }, (error) => {
                if (error.code !== 'ENOENT')
                    throw error;
            });
            folders.set(path, checked);
        }
        return checked;
    };
    const pathOf = (digest) => {
        if (!oci_digest/* DIGEST_PATTERN */.WA.test(digest))
            throw new errors/* LayoutError */.R(`"${clip(digest)}" is not a valid digest`, (0,external_node_path_.join)(root, 'index.json'));
        const [algorithm, hex] = digest.split(':');
        return (0,external_node_path_.join)(root, 'blobs', algorithm, hex);
    };
    const checkFolders = async (digest) => {
        await checkFolder((0,external_node_path_.join)(root, 'blobs'));
        await checkFolder((0,external_node_path_.join)(root, 'blobs', digest.split(':')[0]));
    };
    return makeLayout(root, index, {
        pathOf,
        size: async (digest) => {
            const path = pathOf(digest);
            await checkFolders(digest);
            let info;
            try {
                info = await (0,promises_.lstat)(path);
            }
            catch (error) {
                if (error.code === 'ENOENT')
                    return undefined;
                throw error;
            }
            if (info.isSymbolicLink())
                throw new errors/* LayoutError */.R(`${path} is a symbolic link; blob ${digest} must be a regular file inside the layout (a link could point anywhere on the runner)`, path);
            if (!info.isFile())
                throw new errors/* LayoutError */.R(`${path} is not a regular file; blob ${digest} must be one`, path);
            return info.size;
        },
        open: (digest, start, end) => {
            const path = pathOf(digest);
            return end <= start ? emptyStream() : readRange(path, `blob ${digest}`, start, end, () => checkFolders(digest));
        },
        close: async () => { }
    });
}
async function openTarLayout(path, tempDir, limits) {
    let tarPath = path;
    let cleanup = async () => { };
    const magic = Buffer.alloc(2);
    const handle = await (0,promises_.open)(path, 'r');
    await handle.read(magic, 0, 2, 0);
    await handle.close();
    if (magic[0] === 0x1f && magic[1] === 0x8b) {
        // A gzipped tar cannot be read by offset: decompress it once to a temporary file.
        const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(tempDir, 'digest-release-layout-'));
        tarPath = (0,external_node_path_.join)(dir, 'layout.tar');
        cleanup = () => (0,promises_.rm)(dir, { recursive: true, force: true });
        const { size: compressed } = await (0,promises_.stat)(path);
        const byRatio = Math.max(limits.ratioAfterBytes, limits.maxRatio * compressed);
        const limit = Math.min(limits.maxBytes, byRatio);
        const tooLarge = () => new errors/* LayoutError */.R(`${path} decompresses to more than ${formatBytes(limit)} (${limit === limits.maxBytes
            ? `the most a gzipped layout may decompress to`
            : `${limits.maxRatio} times its compressed size of ${formatBytes(compressed)}, past ${formatBytes(limits.ratioAfterBytes)}`}); refusing it as a decompression bomb. A layout's layers are compressed already: give the uncompressed tar or the layout directory instead (buildx --output type=oci,dest=<path>,tar=false)`, path);
        try {
            await (0,external_node_stream_promises_.pipeline)((0,external_node_fs_.createReadStream)(path), (0,external_node_zlib_.createGunzip)(), byteLimit(limit, tooLarge), (0,external_node_fs_.createWriteStream)(tarPath));
        }
        catch (error) {
            await cleanup();
            if (error instanceof errors/* LayoutError */.R)
                throw error;
            throw new errors/* LayoutError */.R(`${path} looks gzipped but cannot be decompressed: ${clip(error.message)}`, path);
        }
    }
    let entries;
    try {
        entries = await indexTar(tarPath);
    }
    catch (error) {
        await cleanup();
        if (error instanceof errors/* LayoutError */.R)
            throw new errors/* LayoutError */.R(error.message.replace(tarPath, path), path);
        throw error;
    }
    // Accept a layout wrapped in one top-level folder (`layout/index.json`).
    let prefix = '';
    if (!entries.has('index.json')) {
        const wrapped = [...entries.keys()].filter((n) => /^[^/]+\/index\.json$/.test(n));
        if (wrapped.length === 1)
            prefix = wrapped[0].slice(0, -'index.json'.length);
    }
    const entry = (name) => resolveTarEntry(entries, prefix + name, path);
    const readEntry = async (name) => {
        const found = entry(name);
        if (!found)
            throw Object.assign(new Error(`${name} not found`), { code: 'ENOENT' });
        if (found.size > MAX_MANIFEST_BYTES)
            throw new errors/* LayoutError */.R(`${path}: ${name} is ${found.size} bytes, too large for a layout file`, path);
        const buffer = Buffer.alloc(found.size);
        const h = await (0,promises_.open)(tarPath, 'r');
        try {
            await h.read(buffer, 0, found.size, found.offset);
        }
        finally {
            await h.close();
        }
        return buffer;
    };
    try {
        await checkOciLayoutFile(async () => (await readEntry('oci-layout')).toString('utf8'), `${path}:oci-layout`);
        const index = await parseIndex(() => readEntry('index.json'), `${path}:index.json`);
        const blobName = (digest) => {
            if (!oci_digest/* DIGEST_PATTERN */.WA.test(digest))
                throw new errors/* LayoutError */.R(`"${clip(digest)}" is not a valid digest`, `${path}:index.json`);
            return `blobs/${digest.replace(':', '/')}`;
        };
        return makeLayout(path, index, {
            pathOf: (digest) => `${path}:${prefix}${blobName(digest)}`,
            size: async (digest) => entry(blobName(digest))?.size,
            open: (digest, start, end) => {
                const found = entry(blobName(digest));
                if (!found)
                    throw new errors/* LayoutError */.R(`blob ${digest} is missing from ${path}`, path);
                return end <= start
                    ? emptyStream()
                    : (0,external_node_fs_.createReadStream)(tarPath, { start: found.offset + start, end: found.offset + end - 1, highWaterMark: 1024 * 1024 });
            },
            close: cleanup
        });
    }
    catch (error) {
        await cleanup();
        throw error;
    }
}
function makeLayout(source, index, store) {
    return {
        source,
        index,
        blob: (descriptor) => ({
            digest: descriptor.digest,
            size: descriptor.size,
            file: store.pathOf(descriptor.digest),
            open: (start, end) => store.open(descriptor.digest, start, end)
        }),
        blobSize: (digest) => store.size(digest),
        readBlob: async (descriptor, what) => {
            const file = store.pathOf(descriptor.digest);
            const size = await store.size(descriptor.digest);
            if (size === undefined)
                throw new errors/* LayoutError */.R(`${what} ${descriptor.digest} is missing from the layout (expected at ${file})`, file);
            if (size !== descriptor.size)
                throw new errors/* LayoutError */.R(`${what} ${descriptor.digest} is ${size} bytes at ${file}, but its descriptor says ${descriptor.size}; the layout is damaged`, file);
            if (size > MAX_MANIFEST_BYTES)
                throw new errors/* LayoutError */.R(`${what} ${descriptor.digest} is ${size} bytes, more than a manifest may be`, file);
            const chunks = [];
            for await (const chunk of store.open(descriptor.digest, 0, size))
                chunks.push(chunk);
            const bytes = Buffer.concat(chunks);
            const actual = (0,oci_digest/* digestOf */.ol)(bytes, descriptor.digest);
            if (actual !== descriptor.digest)
                throw new errors/* LayoutError */.R(`${what} ${descriptor.digest} has content that hashes to ${actual}; the layout is damaged (${file})`, file);
            return bytes;
        },
        close: () => store.close()
    };
}
async function checkOciLayoutFile(read, file) {
    let text;
    try {
        text = await read();
    }
    catch (error) {
        if (error instanceof errors/* LayoutError */.R)
            throw error;
        throw new errors/* LayoutError */.R(`${file} is missing: this is not an OCI image layout. Write one with buildx --output type=oci, ko --oci-layout-path, or rules_oci`, file);
    }
    let version;
    try {
        version = JSON.parse(text).imageLayoutVersion;
    }
    catch {
        throw new errors/* LayoutError */.R(`${file} is not JSON`, file);
    }
    if (version !== '1.0.0')
        throw new errors/* LayoutError */.R(`${file} says imageLayoutVersion ${clip(String(JSON.stringify(version)))}; only 1.0.0 is supported`, file);
}
async function parseIndex(read, file) {
    let bytes;
    try {
        bytes = await read();
    }
    catch (error) {
        if (error instanceof errors/* LayoutError */.R)
            throw error;
        throw new errors/* LayoutError */.R(`${file} is missing: an OCI image layout lists its images in index.json`, file);
    }
    let index;
    try {
        index = JSON.parse(bytes.toString('utf8'));
    }
    catch (error) {
        throw new errors/* LayoutError */.R(`${file} is not valid JSON (${clip(error.message)}); the layout is damaged or was not fully written`, file);
    }
    if (!index || typeof index !== 'object' || !Array.isArray(index.manifests))
        throw new errors/* LayoutError */.R(`${file} has no "manifests" list`, file);
    index.manifests.forEach((d, i) => checkDescriptor(d, `${file} manifests[${i}]`, file));
    return index;
}
function checkDescriptor(descriptor, where, file) {
    if (!descriptor || typeof descriptor !== 'object')
        throw new errors/* LayoutError */.R(`${where} is not a descriptor`, file);
    if (typeof descriptor.digest !== 'string' || !oci_digest/* DIGEST_PATTERN */.WA.test(descriptor.digest))
        throw new errors/* LayoutError */.R(`${where} has an invalid digest ${clip(String(JSON.stringify(descriptor.digest)))}`, file);
    if (typeof descriptor.size !== 'number' || descriptor.size < 0 || !Number.isInteger(descriptor.size))
        throw new errors/* LayoutError */.R(`${where} has an invalid size`, file);
    if (typeof descriptor.mediaType !== 'string')
        throw new errors/* LayoutError */.R(`${where} has no mediaType`, file);
}
/** The names an index.json entry answers to for `layout-ref`. */
function refNames(descriptor) {
    const names = [descriptor.annotations?.[media_types/* ANNOTATION */.YX.refName], descriptor.annotations?.['io.containerd.image.name']].filter((n) => Boolean(n));
    return names;
}
/** Names from index.json for an error message: each clipped, at most 20 of them. */
function nameList(names, max = 20) {
    const shown = names.slice(0, max).map((n) => clip(n));
    return names.length > max ? `${shown.join(', ')} and ${names.length - max} more` : shown.join(', ');
}
/** The fewest hex characters of a digest a `layout-ref` prefix may have. */
const MIN_DIGEST_PREFIX = 12;
// `sha256:<hex>`, `<hex>` or another algorithm's `<algorithm>:<hex>`: a digest or a prefix of one.
const DIGEST_REF = /^(?:([a-z0-9]+(?:[+._-][a-z0-9]+)*):)?([0-9a-f]+)$/i;
/**
 * How each entry can be given back as `layout-ref`, once per label: its name, or for an unnamed entry
 * its digest cut to the shortest prefix of at least MIN_DIGEST_PREFIX hex characters that no other
 * digest in `entries` starts with (found from its neighbours in sorted order).
 */
function entryLabels(selected, entries = selected) {
    const hexes = [...new Set(entries.map((d) => d.digest.split(':')[1]))].sort();
    const position = new Map(hexes.map((hex, i) => [hex, i]));
    const common = (a = '', b = '') => {
        let i = 0;
        while (i < a.length && i < b.length && a[i] === b[i])
            i++;
        return i;
    };
    const labels = selected.map((entry) => {
        const name = refNames(entry)[0];
        if (name !== undefined)
            return name;
        const [algorithm, hex] = entry.digest.split(':');
        const at = position.get(hex) ?? -1;
        const length = Math.max(MIN_DIGEST_PREFIX, common(hex, hexes[at - 1]) + 1, common(hex, hexes[at + 1]) + 1);
        return `${algorithm}:${hex.slice(0, Math.min(length, hex.length))}`;
    });
    return [...new Set(labels)];
}
/**
 * The index.json entry to push: the only one, or the one `layoutRef` names, by ref name
 * (`org.opencontainers.image.ref.name`, or containerd's `io.containerd.image.name`) or by manifest
 * digest: whole (`sha256:<hex>`) or a prefix of at least MIN_DIGEST_PREFIX hex characters, with or
 * without `sha256:`, that only one digest in the index starts with (ko writes unnamed entries).
 */
function selectEntry(layout, layoutRef) {
    const entries = layout.index.manifests;
    if (entries.length === 0)
        throw new errors/* LayoutError */.R(`${layout.source}: index.json lists no images`, layout.source);
    const fail = (message) => new errors/* LayoutError */.R(`${layout.source}: ${message}`, layout.source);
    const ref = layoutRef?.trim();
    if (ref) {
        const named = entries.filter((d) => refNames(d).includes(ref));
        if (named.length === 1)
            return named[0];
        if (named.length > 1) {
            if (new Set(named.map((d) => d.digest)).size === 1)
                return named[0];
            throw fail(`${named.length} index.json entries are named "${clip(ref)}" (input \`layout-ref\`); give one by digest instead: ${nameList(named.map((d) => (0,oci_digest/* shortDigest */.VK)(d.digest)))}`);
        }
        const allNamed = entries.every((d) => refNames(d).length > 0);
        const choices = `the entries are${allNamed ? ' named' : ''}: ${nameList(entryLabels(entries))}`;
        const digestRef = DIGEST_REF.exec(ref);
        if (!digestRef)
            throw fail(`no index.json entry is named "${clip(ref)}" (input \`layout-ref\`); ${choices}`);
        const algorithm = digestRef[1]?.toLowerCase();
        const hex = digestRef[2].toLowerCase();
        if (hex.length < MIN_DIGEST_PREFIX)
            throw fail(`no index.json entry is named "${clip(ref)}" (input \`layout-ref\`), and as a digest prefix it is too short: give at least ${MIN_DIGEST_PREFIX} hex characters; ${choices}`);
        const matching = entries.filter((d) => {
            const [entryAlgorithm, entryHex] = d.digest.split(':');
            return (algorithm === undefined || algorithm === entryAlgorithm) && entryHex.startsWith(hex);
        });
        const digests = [...new Set(matching.map((d) => d.digest))];
        if (digests.length === 1)
            return matching[0];
        if (digests.length === 0)
            throw fail(`no index.json entry is named "${clip(ref)}" or has a digest starting with it (input \`layout-ref\`); ${choices}`);
        throw fail(`"${clip(ref)}" (input \`layout-ref\`) is ambiguous: ${digests.length} index.json entries have digests starting with it (${nameList(entryLabels(matching, entries))}); give more of the digest`);
    }
    if (entries.length === 1)
        return entries[0];
    throw fail(`index.json lists ${entries.length} images; choose one with \`layout-ref\`: ${nameList(entryLabels(entries))}`);
}
/** The deepest an index may nest: top (0), indexes below it, manifests at most at 4. */
const MAX_INDEX_DEPTH = 4;
/**
 * Reads the manifest tree under a descriptor and checks that every blob it names is present with
 * the right size, so a broken layout fails before anything is pushed. Indexes may share children
 * (a DAG): each digest is read and parsed once, and a child named again shares its node's bytes,
 * blobs and children; only the descriptor and platform of the naming index differ.
 */
async function loadImage(layout, descriptor) {
    return loadNode(layout, descriptor, 0, new Map(), new Set());
}
async function loadNode(layout, descriptor, depth, loaded, loading) {
    const tooDeep = () => new errors/* LayoutError */.R(`${layout.source}: indexes are nested too deep`, layout.source);
    if (depth > MAX_INDEX_DEPTH)
        throw tooDeep();
    if (!media_types/* MANIFEST_MEDIA_TYPES */.$T.includes(descriptor.mediaType)) {
        throw new errors/* LayoutError */.R(`${layout.source}: ${clip(String(descriptor.digest))} has media type ${clip(String(descriptor.mediaType))}, which is not an image manifest or index`, layout.source);
    }
    if (loading.has(descriptor.digest))
        throw new errors/* LayoutError */.R(`${layout.source}: index ${descriptor.digest} lists itself`, layout.source);
    const what = media_types/* INDEX_MEDIA_TYPES */.kA.includes(descriptor.mediaType) ? 'image index' : 'image manifest';
    const bytes = await layout.readBlob(descriptor, what);
    const file = layout.blob(descriptor).file;
    let document;
    try {
        document = JSON.parse(bytes.toString('utf8'));
    }
    catch {
        throw new errors/* LayoutError */.R(`${what} ${descriptor.digest} is not JSON (${file})`, file);
    }
    if (document.mediaType && document.mediaType !== descriptor.mediaType) {
        throw new errors/* LayoutError */.R(`${what} ${descriptor.digest} says mediaType ${clip(String(document.mediaType))}, but its descriptor says ${clip(descriptor.mediaType)} (${file})`, file);
    }
    const node = {
        descriptor,
        mediaType: descriptor.mediaType,
        bytes,
        kind: media_types/* INDEX_MEDIA_TYPES */.kA.includes(descriptor.mediaType) ? 'index' : 'manifest',
        blobs: [],
        children: []
    };
    if (node.kind === 'index') {
        if (!Array.isArray(document.manifests))
            throw new errors/* LayoutError */.R(`image index ${descriptor.digest} has no "manifests" list (${file})`, file);
        let height = 0;
        loading.add(descriptor.digest);
        for (const [i, child] of document.manifests.entries()) {
            checkDescriptor(child, `image index ${descriptor.digest} manifests[${i}]`, file);
            let shared = loaded.get(child.digest);
            if (shared) {
                const first = shared.node.descriptor;
                if (first.size !== child.size || first.mediaType !== child.mediaType)
                    throw new errors/* LayoutError */.R(`image index ${descriptor.digest} names manifest ${child.digest} as ${child.size} bytes of ${clip(child.mediaType)}, but it is named elsewhere in the layout as ${first.size} bytes of ${clip(first.mediaType)}; the layout is damaged`, file);
                if (depth + 1 + shared.height > MAX_INDEX_DEPTH)
                    throw tooDeep();
            }
            else {
                const present = await layout.blobSize(child.digest);
                if (present === undefined) {
                    throw new errors/* LayoutError */.R(`image index ${descriptor.digest} names manifest ${child.digest}${(0,oci_descriptor/* platformName */.$)(child) ? ` (${clip(String((0,oci_descriptor/* platformName */.$)(child)))})` : ''}, which is missing from the layout (${layout.blob(child).file})`, file);
                }
                const childNode = await loadNode(layout, child, depth + 1, loaded, loading);
                shared = loaded.get(child.digest) ?? { node: childNode, height: 0 };
            }
            height = Math.max(height, shared.height + 1);
            node.children.push({ ...shared.node, descriptor: child, platform: (0,oci_descriptor/* platformName */.$)(child) });
        }
        loading.delete(descriptor.digest);
        loaded.set(descriptor.digest, { node, height });
        return node;
    }
    if (document.schemaVersion !== 2 || !document.config || !Array.isArray(document.layers)) {
        throw new errors/* LayoutError */.R(`image manifest ${descriptor.digest} lacks schemaVersion 2, config or layers (${file})`, file);
    }
    node.manifest = document;
    const blobs = [document.config, ...document.layers];
    blobs.forEach((d, i) => checkDescriptor(d, `image manifest ${descriptor.digest} ${i === 0 ? 'config' : `layers[${i - 1}]`}`, file));
    for (const [i, blob] of blobs.entries()) {
        const role = i === 0 ? 'config' : `layer ${i}`;
        const size = await layout.blobSize(blob.digest);
        const blobFile = layout.blob(blob).file;
        if (size === undefined)
            throw new errors/* LayoutError */.R(`${role} blob ${blob.digest} of manifest ${descriptor.digest} is missing from the layout (expected at ${blobFile})`, blobFile);
        if (size !== blob.size) {
            throw new errors/* LayoutError */.R(`${role} blob ${blob.digest} is ${size} bytes at ${blobFile}, but manifest ${descriptor.digest} says ${blob.size}; the blob is truncated or altered`, blobFile);
        }
    }
    node.blobs = blobs;
    loaded.set(descriptor.digest, { node, height: 0 });
    return node;
}
/** The platform images of a tree, each digest once: the children of an index that name a platform, or the image itself. */
function platformImages(node) {
    if (node.kind !== 'index')
        return [node];
    const seen = new Set();
    return node.children.filter((child) => {
        if (child.kind !== 'manifest' || child.platform === 'unknown/unknown' || seen.has(child.descriptor.digest))
            return false;
        seen.add(child.descriptor.digest);
        return true;
    });
}
/** `linux/amd64` -> digest for each platform of an index; empty for a single image. */
function platformDigestsOf(node) {
    const digests = {};
    for (const child of node.children)
        if (child.platform && child.platform !== 'unknown/unknown')
            digests[child.platform] = child.descriptor.digest;
    return digests;
}
/**
 * Every manifest node of the tree once, children before parents (the order they must be pushed in).
 * A node named by several indexes is visited once, so a DAG costs its size, not its paths.
 */
function manifestsBottomUp(node) {
    const seen = new Set();
    const order = [];
    const visit = (n) => {
        if (seen.has(n.descriptor.digest))
            return;
        seen.add(n.descriptor.digest);
        for (const child of n.children)
            visit(child);
        order.push(n);
    };
    visit(node);
    return order;
}


/***/ }),

/***/ 29217:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $T: () => (/* binding */ MANIFEST_MEDIA_TYPES),
/* harmony export */   Ap: () => (/* binding */ MEDIA_TYPE),
/* harmony export */   KV: () => (/* binding */ EMPTY_JSON_DIGEST),
/* harmony export */   YX: () => (/* binding */ ANNOTATION),
/* harmony export */   kA: () => (/* binding */ INDEX_MEDIA_TYPES)
/* harmony export */ });
// Media types and annotation keys (OCI's, and those of the Sigstore artifacts stored in OCI), named once
// so a grep finds every use. Predicate types live in sigstore/predicates.ts.
const MEDIA_TYPE = {
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    ociEmpty: 'application/vnd.oci.empty.v1+json',
    sigstoreBundle: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    cosignSimpleSigning: 'application/vnd.dev.cosign.simplesigning.v1+json',
    dsseEnvelope: 'application/vnd.dsse.envelope.v1+json',
    inTotoStatement: 'application/vnd.in-toto+json',
    ociConfig: 'application/vnd.oci.image.config.v1+json',
    ociLayerTarGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
    ociLayerTar: 'application/vnd.oci.image.layer.v1.tar',
    dockerLayerTarGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
    dockerConfig: 'application/vnd.docker.container.image.v1+json'
};
const MANIFEST_MEDIA_TYPES = [
    MEDIA_TYPE.ociManifest,
    MEDIA_TYPE.ociIndex,
    MEDIA_TYPE.dockerManifest,
    MEDIA_TYPE.dockerManifestList
];
const INDEX_MEDIA_TYPES = [MEDIA_TYPE.ociIndex, MEDIA_TYPE.dockerManifestList];
// The OCI empty descriptor's content: `{}` (image-spec manifest.md, "Guidance for an Empty Descriptor").
const EMPTY_JSON_DIGEST = 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a';
const ANNOTATION = {
    refName: 'org.opencontainers.image.ref.name',
    created: 'org.opencontainers.image.created',
    bundleContent: 'dev.sigstore.bundle.content',
    bundlePredicateType: 'dev.sigstore.bundle.predicateType',
    cosignSignature: 'dev.cosignproject.cosign/signature',
    cosignCertificate: 'dev.sigstore.cosign/certificate',
    cosignChain: 'dev.sigstore.cosign/chain',
    cosignBundle: 'dev.sigstore.cosign/bundle',
    predicateType: 'predicateType'
};


/***/ }),

/***/ 62148:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   AF: () => (/* binding */ ReferenceError),
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   RB: () => (/* binding */ sameRepository),
/* harmony export */   fH: () => (/* binding */ isValidDigest),
/* harmony export */   hG: () => (/* binding */ familiarName),
/* harmony export */   r_: () => (/* binding */ isValidTag)
/* harmony export */ });
/* unused harmony exports DOCKER_HUB, repositoryName, formatReference */
// Image reference grammar and Docker's normalization rules
// (distribution/reference: `nginx` is `docker.io/library/nginx`, the first path component is a
// registry only when it has a dot or a colon or is `localhost`).
const DOCKER_HUB = 'docker.io';
const LEGACY_DOCKER_HUB = new Set(['index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?$|^\[[0-9a-fA-F:.]+\](?::[0-9]+)?$/;
class ReferenceError extends Error {
    name = 'ReferenceError';
}
function isValidTag(tag) {
    return TAG.test(tag);
}
function isValidDigest(digest) {
    return DIGEST.test(digest);
}
/** Parses `[registry/]path[:tag][@digest]` and normalizes it as Docker does. Throws ReferenceError. */
function parseReference(text) {
    const input = text.trim();
    if (input === '')
        throw new ReferenceError('the image reference is empty');
    if (input.length > 255 + 128 + 80)
        throw new ReferenceError(`the image reference is too long: ${input.slice(0, 40)}…`);
    let rest = input;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!isValidDigest(digest))
            throw new ReferenceError(`"${input}": "${digest}" is not a digest (expected sha256:<64 hex>)`);
    }
    let tag;
    const lastSlash = rest.lastIndexOf('/');
    const lastColon = rest.lastIndexOf(':');
    if (lastColon > lastSlash) {
        tag = rest.slice(lastColon + 1);
        rest = rest.slice(0, lastColon);
        if (!isValidTag(tag))
            throw new ReferenceError(`"${input}": "${tag}" is not a valid tag (letters, digits, _ . -; at most 128; not starting with . or -)`);
    }
    const { registry, repository } = splitRepository(rest, input);
    return { registry, repository, tag, digest };
}
function splitRepository(name, input) {
    const slash = name.indexOf('/');
    let registry = DOCKER_HUB;
    let path = name;
    if (slash >= 0) {
        const first = name.slice(0, slash);
        if (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('[')) {
            registry = first;
            path = name.slice(slash + 1);
        }
    }
    if (!HOST.test(registry))
        throw new ReferenceError(`"${input}": "${registry}" is not a valid registry host`);
    if (LEGACY_DOCKER_HUB.has(registry.toLowerCase()))
        registry = DOCKER_HUB;
    if (path === '')
        throw new ReferenceError(`"${input}": the repository path is empty`);
    const components = path.split('/');
    for (const component of components) {
        if (!PATH_COMPONENT.test(component)) {
            const hint = /[A-Z]/.test(component) ? ' (repository names must be lowercase)' : '';
            throw new ReferenceError(`"${input}": "${component}" is not a valid repository path component${hint}`);
        }
    }
    if (registry === DOCKER_HUB && components.length === 1)
        path = `library/${path}`;
    if (registry.length + 1 + path.length > 255)
        throw new ReferenceError(`"${input}": the repository name is longer than 255 characters`);
    return { registry, repository: path };
}
/** `registry/repository`, the normalized name two references are compared by. */
function repositoryName(ref) {
    return `${ref.registry}/${ref.repository}`;
}
/** The shortest familiar form: `nginx` for docker.io/library/nginx, `user/app` for docker.io/user/app. */
function familiarName(ref) {
    if (ref.registry !== DOCKER_HUB)
        return repositoryName(ref);
    return ref.repository.startsWith('library/') && ref.repository.split('/').length === 2
        ? ref.repository.slice('library/'.length)
        : ref.repository;
}
function formatReference(ref) {
    return `${repositoryName(ref)}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}
/** True when the two references name the same repository after normalization (tags and digests ignored). */
function sameRepository(a, b) {
    return a.registry.toLowerCase() === b.registry.toLowerCase() && a.repository === b.repository;
}


/***/ }),

/***/ 4345:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ DEFAULT_UPLOAD_OPTIONS),
/* harmony export */   P: () => (/* binding */ uploadBlob)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(81570);
/* harmony import */ var _net_http_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(59663);
/* harmony import */ var _net_retry_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(37893);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(28630);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(68825);
// Blob upload that reads each byte once: the bytes are hashed and counted on their way to the
// registry, and a blob that does not match its descriptor never gets committed.







const DEFAULT_UPLOAD_OPTIONS = { chunkThreshold: 256 * 1024 * 1024, chunkSize: 64 * 1024 * 1024 };
/** Hashes and counts what passes; fails the stream when the content is not what the descriptor says. */
class VerifyingStream extends node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform {
    hash;
    expectedBytes;
    onMismatch;
    describe;
    finalDigest;
    onBytes;
    seen = 0;
    constructor(hash, expectedBytes, onMismatch, describe, finalDigest, onBytes) {
        super();
        this.hash = hash;
        this.expectedBytes = expectedBytes;
        this.onMismatch = onMismatch;
        this.describe = describe;
        this.finalDigest = finalDigest;
        this.onBytes = onBytes;
    }
    _transform(chunk, _encoding, callback) {
        this.seen += chunk.length;
        if (this.seen > this.expectedBytes)
            return callback(this.mismatch(`is larger than the ${this.expectedBytes} bytes its descriptor says`));
        this.hash.update(chunk);
        this.onBytes?.(chunk.length);
        callback(null, chunk);
    }
    _flush(callback) {
        if (this.seen < this.expectedBytes)
            return callback(this.mismatch(`is truncated: ${this.seen} bytes where its descriptor says ${this.expectedBytes}`));
        if (this.finalDigest) {
            const actual = `${(0,_digest_js__WEBPACK_IMPORTED_MODULE_6__/* .digestAlgorithm */ .g4)(this.finalDigest)}:${this.hash.copy().digest('hex')}`;
            if (actual !== this.finalDigest)
                return callback(this.mismatch(`has content that hashes to ${actual}`));
        }
        callback();
    }
    mismatch(what) {
        const { blob, file } = this.describe();
        const error = new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LayoutError */ .R(`blob ${blob} ${what}; the layout is damaged (${file}). Rebuild the layout; nothing was committed for this blob.`, file);
        this.onMismatch(error);
        return error;
    }
}
/**
 * The sources opened for one request's body. A source that fails fails the body (pipe() alone
 * would leave the request waiting), and every source is closed once the request is over: a source
 * that is itself a download (a blob copied between registries) must not hold its connection open.
 */
class OpenedStreams {
    streams = [];
    pipe(source, verifying) {
        this.streams.push(source);
        source.once('error', (error) => verifying.destroy(error));
        return source.pipe(verifying);
    }
    close() {
        for (const stream of this.streams.splice(0))
            stream.destroy();
    }
}
/** Uploads one blob the registry does not have yet. */
async function uploadBlob(client, blob, options = DEFAULT_UPLOAD_OPTIONS) {
    if (blob.size >= options.chunkThreshold)
        return uploadChunked(client, blob, options);
    return uploadMonolithic(client, blob, options);
}
async function uploadMonolithic(client, blob, options) {
    await (0,_net_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .withRetry */ .bD)(async () => {
        let mismatch;
        const location = await client.startUpload();
        location.searchParams.set('digest', blob.digest);
        const opened = new OpenedStreams();
        try {
            await client.request({
                method: 'PUT',
                path: location.href,
                headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(blob.size) },
                body: () => opened.pipe(blob.open(0, blob.size), new VerifyingStream((0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)((0,_digest_js__WEBPACK_IMPORTED_MODULE_6__/* .digestAlgorithm */ .g4)(blob.digest)), blob.size, (e) => (mismatch = e), () => ({ blob: blob.digest, file: blob.file }), blob.digest, options.onBytes)),
                expect: [201],
                retry: false
            });
        }
        catch (error) {
            // A blob that does not match its digest is never worth another attempt.
            throw mismatch ?? error;
        }
        finally {
            opened.close();
        }
    }, { policy: _net_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .UPLOAD_RETRY */ .pG, classify: uploadTransience });
}
function uploadTransience(error) {
    return error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LayoutError */ .R ? { transient: false } : (0,_client_js__WEBPACK_IMPORTED_MODULE_2__/* .registryTransience */ .Ij)(error);
}
/**
 * Chunked upload (distribution spec: "Pushing a blob in chunks"). After a dropped connection the
 * registry is asked how much it kept (GET on the session, `Range: 0-<last>`), and the upload goes
 * on from there; the hash is rewound to the chunk's start and brought forward over the kept bytes.
 */
async function uploadChunked(client, blob, options) {
    const policy = _net_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .UPLOAD_RETRY */ .pG;
    const started = Date.now();
    let failures = 0;
    let location = await client.startUpload();
    let hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)((0,_digest_js__WEBPACK_IMPORTED_MODULE_6__/* .digestAlgorithm */ .g4)(blob.digest));
    let offset = 0;
    const describe = () => ({ blob: blob.digest, file: blob.file });
    while (offset < blob.size) {
        const chunkStart = offset;
        const chunkEnd = Math.min(blob.size, offset + options.chunkSize);
        const checkpoint = hash.copy();
        const isLast = chunkEnd === blob.size;
        let mismatch;
        const opened = new OpenedStreams();
        try {
            const response = await client.request({
                method: 'PATCH',
                path: location.href,
                headers: {
                    'Content-Type': 'application/octet-stream',
                    'Content-Length': String(chunkEnd - chunkStart),
                    'Content-Range': `${chunkStart}-${chunkEnd - 1}`
                },
                body: () => opened.pipe(blob.open(chunkStart, chunkEnd), new VerifyingStream(hash, chunkEnd - chunkStart, (e) => (mismatch = e), describe, isLast ? blob.digest : undefined, options.onBytes)),
                expect: [202],
                retry: false
            });
            location = client.location(response, 'PATCH upload');
            offset = chunkEnd;
            opened.close();
        }
        catch (error) {
            opened.close();
            if (mismatch) {
                await client.request({ method: 'DELETE', path: location.href, expect: [204, 404], retry: false }).catch(() => undefined);
                throw mismatch;
            }
            failures++;
            const delay = (0,_net_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .backoffDelay */ .EY)(policy, failures - 1);
            if (!uploadTransience(error).transient || failures >= policy.attempts || Date.now() - started + delay > policy.budgetMs)
                throw error;
            await (0,_net_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .sleep */ .yy)(delay);
            const kept = await uploadedSoFar(client, location).catch(() => undefined);
            if (kept === undefined || kept.offset < chunkStart || kept.offset > chunkEnd) {
                // The session is gone or says something impossible: start over.
                location = await client.startUpload();
                hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)((0,_digest_js__WEBPACK_IMPORTED_MODULE_6__/* .digestAlgorithm */ .g4)(blob.digest));
                offset = 0;
                continue;
            }
            location = kept.location;
            hash = checkpoint;
            if (kept.offset > chunkStart)
                await hashRange(blob, chunkStart, kept.offset, hash);
            offset = kept.offset;
        }
    }
    const finalDigest = `${(0,_digest_js__WEBPACK_IMPORTED_MODULE_6__/* .digestAlgorithm */ .g4)(blob.digest)}:${hash.digest('hex')}`;
    if (finalDigest !== blob.digest) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LayoutError */ .R(`blob ${blob.digest} has content that hashes to ${finalDigest}; the layout is damaged (${blob.file})`, blob.file);
    }
    location.searchParams.set('digest', blob.digest);
    await client.request({ method: 'PUT', path: location.href, expect: [201] });
}
async function uploadedSoFar(client, location) {
    const response = await client.request({ method: 'GET', path: location.href, expect: [204] });
    const range = (0,_net_http_js__WEBPACK_IMPORTED_MODULE_3__/* .header */ .wx)(response, 'range');
    const match = range ? /^(?:bytes=)?0-(\d+)$/.exec(range) : null;
    const newLocation = (0,_net_http_js__WEBPACK_IMPORTED_MODULE_3__/* .header */ .wx)(response, 'location') ? client.location(response, 'GET upload') : location;
    // `0-0` may mean nothing or one byte (distribution writes both the same way): take it as nothing.
    const offset = match ? (Number(match[1]) === 0 ? 0 : Number(match[1]) + 1) : 0;
    return { offset, location: newLocation };
}
async function hashRange(blob, start, end, hash) {
    for await (const chunk of blob.open(start, end))
        hash.update(chunk);
}


/***/ }),

/***/ 81570:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  bP: () => (/* binding */ RegistryClient),
  Ij: () => (/* binding */ registryTransience)
});

// UNUSED EXPORTS: MAX_REDIRECTS, isLoopbackRegistry, registryError

// EXTERNAL MODULE: ./src/net/http.ts
var http = __nccwpck_require__(59663);
// EXTERNAL MODULE: ./src/net/retry.ts
var retry = __nccwpck_require__(37893);
// EXTERNAL MODULE: ./src/oci/errors.ts
var oci_errors = __nccwpck_require__(28630);
;// CONCATENATED MODULE: ./src/oci/registry/auth.ts



/** Parses `Bearer realm="…",service="…",scope="…"` (quoted values may hold commas). */
function parseChallenge(value) {
    const match = /^\s*([A-Za-z]+)\s*(.*)$/.exec(value);
    if (!match)
        return undefined;
    const params = {};
    const paramPattern = /([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
    for (const param of match[2].matchAll(paramPattern)) {
        params[param[1].toLowerCase()] = param[2] !== undefined ? param[2].replace(/\\(.)/g, '$1') : param[3];
    }
    return { scheme: match[1].toLowerCase(), params };
}
const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;
/**
 * Whether the token realm a registry names may receive the credentials (as Docker decides): over
 * HTTPS always; over plain HTTP only on loopback, or when the registry itself is plain HTTP
 * (loopback or listed in insecure-registries). An HTTPS registry cannot send them to plain HTTP.
 */
function realmMayReceiveCredentials(realm, registryInsecure) {
    if (realm.protocol === 'https:')
        return true;
    if (realm.protocol !== 'http:')
        return false;
    return registryInsecure || LOOPBACK_HOST.test(realm.hostname);
}
/**
 * Answers the registry's 401 challenges. The caller hands it only challenges that came from the
 * registry's own origin; the realm they name gets the credentials only under realmMayReceiveCredentials.
 */
class Authenticator {
    credential;
    onSecret;
    options;
    headers = new Map();
    /** Token requests under way, per scope: requests refused at once (a burst) share one. */
    fetching = new Map();
    constructor(credential, onSecret = () => { }, options = {}) {
        this.credential = credential;
        this.onSecret = onSecret;
        this.options = options;
    }
    /** The Authorization header known for this scope, if any. */
    authorization(scope) {
        return this.headers.get(scope);
    }
    /**
     * Answers a 401's challenge to a request that carried `sent` (its Authorization, if any); returns
     * false when there is nothing more to try. A request sent before another one's answer got the
     * header just tries again with it: a burst of requests costs one token, not one each.
     */
    async respond(wwwAuthenticate, scope, sent) {
        const challenge = wwwAuthenticate ? parseChallenge(wwwAuthenticate) : undefined;
        const known = this.headers.get(scope);
        if (known !== undefined && known !== sent)
            return true;
        if (!challenge)
            return false;
        if (challenge.scheme === 'basic') {
            if (!this.credential?.username || !this.credential.password)
                return false;
            const value = `Basic ${Buffer.from(`${this.credential.username}:${this.credential.password}`).toString('base64')}`;
            if (value === sent)
                return false;
            this.headers.set(scope, value);
            return true;
        }
        if (challenge.scheme === 'bearer') {
            let fetching = this.fetching.get(scope);
            if (!fetching) {
                fetching = this.fetchToken(challenge, scope)
                    .then((token) => {
                    this.onSecret(token);
                    return token;
                })
                    .finally(() => this.fetching.delete(scope));
                this.fetching.set(scope, fetching);
            }
            const token = await fetching;
            const value = `Bearer ${token}`;
            if (value === sent)
                return false;
            this.headers.set(scope, value);
            return true;
        }
        return false;
    }
    async fetchToken(challenge, scope) {
        const realm = challenge.params.realm;
        if (!realm)
            throw new oci_errors/* RegistryError */.g('the registry asked for a Bearer token but named no realm', { method: 'GET', url: '(challenge)' });
        let url;
        try {
            url = new URL(realm);
        }
        catch {
            throw new oci_errors/* RegistryError */.g(`the registry named a token realm that is not a URL: ${JSON.stringify(realm.slice(0, 200))}`, {
                method: 'GET',
                url: '(challenge)'
            });
        }
        if (url.protocol !== 'https:' && url.protocol !== 'http:')
            throw new oci_errors/* RegistryError */.g(`the registry named a token realm that is not HTTP(S): ${url.protocol}`, {
                method: 'GET',
                url: '(challenge)'
            });
        const hasCredentials = Boolean(this.credential?.identityToken || (this.credential?.username && this.credential.password));
        if (hasCredentials && !realmMayReceiveCredentials(url, this.options.insecure === true)) {
            throw new oci_errors/* RegistryError */.g(`the HTTPS registry named a plain-HTTP token realm (${url.origin}${url.pathname}); refusing to send the credentials there unencrypted`, { method: 'GET', url: `${url.origin}${url.pathname}` });
        }
        const scopes = [...new Set([scope, challenge.params.scope].filter((s) => Boolean(s)))];
        const headers = {};
        let request;
        if (this.credential?.identityToken) {
            // An identity token is an OAuth2 refresh token: exchange it by POST (distribution token spec, oauth.md).
            const form = new URLSearchParams({
                grant_type: 'refresh_token',
                refresh_token: this.credential.identityToken,
                client_id: 'digest-release'
            });
            if (challenge.params.service)
                form.set('service', challenge.params.service);
            form.set('scope', scopes.join(' '));
            request = {
                method: 'POST',
                url,
                headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
                body: Buffer.from(form.toString())
            };
        }
        else {
            if (challenge.params.service)
                url.searchParams.set('service', challenge.params.service);
            for (const s of scopes)
                url.searchParams.append('scope', s);
            if (this.credential?.username && this.credential.password) {
                headers.Authorization = `Basic ${Buffer.from(`${this.credential.username}:${this.credential.password}`).toString('base64')}`;
            }
            request = { method: 'GET', url, headers };
        }
        // The token service is retried like any registry request: a 5xx or a reset there is as transient.
        const response = await (0,retry/* withRetry */.bD)(async () => {
            const answer = await (0,http/* sendHttp */.d3)(request);
            if (answer.status !== 200 && (0,retry/* isRetryableStatus */.PS)(answer.status))
                throw tokenError(url, answer);
            return answer;
        }, {
            policy: retry/* REGISTRY_RETRY */.dv,
            classify: (error) => error instanceof oci_errors/* RegistryError */.g
                ? (0,retry/* httpTransience */.xv)(error.status, error.request.retryAfter)
                : (0,retry/* httpTransience */.xv)(undefined, undefined, error)
        });
        if (response.status !== 200)
            throw tokenError(url, response);
        const body = JSON.parse(response.body.toString('utf8'));
        const token = body.token ?? body.access_token;
        if (!token)
            throw new oci_errors/* RegistryError */.g('the token service answered without a token', {
                method: 'GET',
                url: `${url.origin}${url.pathname}`,
                status: 200
            });
        return token;
    }
}
function tokenError(url, response) {
    const hint = response.status === 401 || response.status === 403
        ? ': the credentials were refused; check `username`/`password` or the Docker login'
        : '';
    return new oci_errors/* RegistryError */.g(`token request to ${url.origin}${url.pathname} answered ${response.status}${hint}`, {
        method: 'GET',
        url: `${url.origin}${url.pathname}`,
        status: response.status,
        body: response.body.toString('utf8').slice(0, 500),
        retryAfter: (0,http/* header */.wx)(response, 'retry-after')
    });
}

// EXTERNAL MODULE: ./src/oci/digest.ts
var oci_digest = __nccwpck_require__(68825);
// EXTERNAL MODULE: ./src/oci/media-types.ts
var media_types = __nccwpck_require__(29217);
// EXTERNAL MODULE: ./src/net/logger.ts
var logger = __nccwpck_require__(39691);
;// CONCATENATED MODULE: ./src/oci/registry/client.ts







const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/i;
/** Redirects followed on GET and HEAD (blobs and manifests served from storage on another host). */
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** The slowest a streamed upload may go before its deadline runs out: 100 KiB/s. */
const SLOWEST_UPLOAD_BYTES_PER_MS = (100 * 1024) / 1000;
function isLoopbackRegistry(registry) {
    return LOOPBACK.test(registry);
}
class RegistryClient {
    registry;
    repository;
    baseUrl;
    auth;
    retry;
    logger;
    deadlineMs;
    constructor(options) {
        this.registry = options.registry;
        this.repository = options.repository;
        const host = options.registry === 'docker.io' ? 'registry-1.docker.io' : options.registry;
        const insecure = isLoopbackRegistry(options.registry) ||
            (options.insecureRegistries ?? []).some((h) => h.toLowerCase() === options.registry.toLowerCase());
        this.baseUrl = new URL(`${insecure ? 'http' : 'https'}://${host}`);
        this.auth = new Authenticator(options.credential, options.onSecret, { insecure });
        this.retry = options.retry ?? retry/* REGISTRY_RETRY */.dv;
        this.logger = options.logger ?? logger/* silentLogger */.q;
        this.deadlineMs = options.deadlineMs ?? http/* DEFAULT_DEADLINE_MS */.u8;
    }
    /**
     * Whether a URL is the registry's own origin (scheme, host and port). Credentials are bound to
     * it: the Authorization header goes nowhere else, and only its 401s are answered.
     */
    isRegistryOrigin(url) {
        return url.origin === this.baseUrl.origin;
    }
    /**
     * Refuses a URL the registry sent the client to (an upload Location, a redirect) that leaves an
     * HTTPS registry for plain HTTP: credentials, tokens and bytes would cross the network unencrypted.
     */
    refuseDowngrade(url, method, what, from = this.baseUrl) {
        if (from.protocol === 'https:' && url.protocol !== 'https:') {
            throw new oci_errors/* RegistryError */.g(`${what} leads from the HTTPS registry ${this.registry} to ${url.protocol === 'http:' ? 'plain HTTP' : url.protocol} (${(0,http/* redactUrl */.BO)(url)}); refusing the downgrade, so that no credentials or bytes travel unencrypted. If the registry really serves plain HTTP, list it in \`insecure-registries\``, { method, url: (0,http/* redactUrl */.BO)(url) });
        }
    }
    get pushScope() {
        return `repository:${this.repository}:pull,push`;
    }
    /** A registry path or an absolute URL (upload locations) as a URL. */
    url(path) {
        return new URL(path, this.baseUrl);
    }
    /** One registry request: auth challenge answered, transient failures retried, status checked. */
    async request(options) {
        return this.exchange(options, (url, headers, deadlineMs) => {
            const body = typeof options.body === 'function' ? options.body() : options.body;
            return (0,http/* sendHttp */.d3)({ method: options.method, url, headers, body, maxResponseBytes: options.maxResponseBytes, deadlineMs });
        }, async (response) => response);
    }
    /**
     * A GET or HEAD whose answer's body comes back as a stream once its headers arrive (a blob copied
     * to another registry): the same auth, redirect and retry rules as `request`. Retries cover only
     * getting the headers; a body that drops midway fails its stream. Read or destroy the body.
     */
    async requestStream(options) {
        return this.exchange(options, (url, headers, deadlineMs) => (0,http/* openHttp */.fb)({ method: options.method, url, headers, deadlineMs }), (response) => (0,http/* bufferHttp */.Xq)(response));
    }
    async exchange(options, send, buffered) {
        const start = this.url(options.path);
        this.refuseDowngrade(start, options.method, `a ${options.method} request`);
        const scope = options.scope ?? this.pushScope;
        const deadlineMs = this.deadlineFor(options);
        const follows = options.method === 'GET' || options.method === 'HEAD';
        let authAnswered = false;
        const exchange = async () => {
            let url = start;
            let redirects = 0;
            for (;;) {
                const headers = { ...options.headers };
                const authorization = this.auth.authorization(scope);
                if (authorization && this.isRegistryOrigin(url))
                    headers.Authorization = authorization;
                let response;
                try {
                    response = await send(url, headers, deadlineMs);
                }
                catch (error) {
                    throw connectionFailure(options.method, url, error, this.registry);
                }
                let read_;
                const read = async () => {
                    try {
                        return (read_ ??= await buffered(response));
                    }
                    catch (error) {
                        throw connectionFailure(options.method, url, error, this.registry);
                    }
                };
                // One answer to the auth challenge per request; it does not count as an attempt. Only the
                // registry's own challenge is answered: another origin (an upload location, a storage host)
                // could name any realm and collect the credentials.
                if (response.status === 401 && !authAnswered && this.isRegistryOrigin(url)) {
                    authAnswered = true;
                    await read();
                    if (await this.auth.respond((0,http/* header */.wx)(response, 'www-authenticate'), scope, headers.Authorization))
                        continue;
                }
                if (follows && REDIRECT_STATUSES.has(response.status) && !options.expect.includes(response.status)) {
                    await read();
                    url = this.redirectTarget(options.method, url, response, ++redirects);
                    continue;
                }
                if (options.expect.includes(response.status))
                    return response;
                throw registryError(options.method, url, await read());
            }
        };
        if (options.retry === false)
            return exchange();
        return (0,retry/* withRetry */.bD)(exchange, {
            policy: this.retry,
            classify: registryTransience,
            onRetry: (error, delay) => this.logger.debug(`${error.message}; retrying in ${Math.round(delay)} ms`)
        });
    }
    /** Where a redirect leads: at most MAX_REDIRECTS of them, never from HTTPS to plain HTTP. */
    redirectTarget(method, from, response, count) {
        const location = (0,http/* header */.wx)(response, 'location');
        if (!location)
            throw new oci_errors/* RegistryError */.g(`${method} ${(0,http/* redactUrl */.BO)(from)} answered ${response.status} without a Location header`, {
                method,
                url: (0,http/* redactUrl */.BO)(from),
                status: response.status
            });
        if (count > MAX_REDIRECTS)
            throw new oci_errors/* RegistryError */.g(`${method} ${(0,http/* redactUrl */.BO)(from)} redirected more than ${MAX_REDIRECTS} times; giving up`, {
                method,
                url: (0,http/* redactUrl */.BO)(from),
                status: response.status
            });
        const target = new URL(location, from);
        // Neither the registry nor a storage host reached over HTTPS may send the client to plain HTTP.
        const what = `${method} ${(0,http/* redactUrl */.BO)(from)} answered ${response.status} with a redirect that`;
        this.refuseDowngrade(target, method, what, from.protocol === 'https:' ? from : this.baseUrl);
        this.logger.debug(`${method} ${(0,http/* redactUrl */.BO)(from)} redirected to ${(0,http/* redactUrl */.BO)(target)}`);
        return target;
    }
    /** The request's overall deadline: the client's, plus time for a streamed upload's or download's size. */
    deadlineFor(options) {
        if (options.expectedBytes !== undefined)
            return this.deadlineMs + options.expectedBytes / SLOWEST_UPLOAD_BYTES_PER_MS;
        if (typeof options.body !== 'function')
            return this.deadlineMs;
        const size = Number(options.headers?.['Content-Length'] ?? NaN);
        return Number.isFinite(size) ? this.deadlineMs + size / SLOWEST_UPLOAD_BYTES_PER_MS : Infinity;
    }
    async blobExists(digest) {
        const response = await this.request({ method: 'HEAD', path: `/v2/${this.repository}/blobs/${digest}`, expect: [200, 404] });
        return response.status === 200;
    }
    /** Starts an upload session; returns its location. */
    async startUpload() {
        const response = await this.request({ method: 'POST', path: `/v2/${this.repository}/blobs/uploads/`, expect: [202] });
        return this.location(response, 'POST blobs/uploads/');
    }
    /** Tries a cross-repository mount; returns true when the registry mounted it. */
    async mountBlob(digest, fromRepository) {
        const path = `/v2/${this.repository}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(fromRepository)}`;
        const response = await this.request({
            method: 'POST',
            path,
            expect: [201, 202],
            scope: `${this.pushScope} repository:${fromRepository}:pull`
        });
        if (response.status === 202) {
            // Not mounted: the registry opened an ordinary upload session instead; close it.
            await this.request({
                method: 'DELETE',
                path: this.location(response, 'POST mount').href,
                expect: [204, 404, 400, 405],
                retry: false
            }).catch(() => undefined);
            return false;
        }
        return true;
    }
    location(response, what) {
        const location = (0,http/* header */.wx)(response, 'location');
        if (!location)
            throw new oci_errors/* RegistryError */.g(`${what} answered ${response.status} without a Location header`, {
                method: 'POST',
                url: (0,http/* redactUrl */.BO)(response.url),
                status: response.status
            });
        const url = new URL(location, response.url);
        this.refuseDowngrade(url, 'POST', `${what} answered with an upload Location that`);
        return url;
    }
    /**
     * Uploads a small blob unless the registry has it. Concurrent uploads of one digest (the empty
     * config, a bundle stored beside several subjects) share one request: registries answer racing
     * uploads of the same blob with DIGEST_INVALID or BLOB_UNKNOWN.
     */
    putBlobBytes(bytes, digest = (0,oci_digest/* sha256Of */.Bj)(bytes)) {
        let pending = this.blobUploads.get(digest);
        if (!pending) {
            pending = this.uploadBlobBytes(bytes, digest).finally(() => this.blobUploads.delete(digest));
            this.blobUploads.set(digest, pending);
        }
        return pending;
    }
    blobUploads = new Map();
    async uploadBlobBytes(bytes, digest) {
        if (await this.blobExists(digest))
            return digest;
        const location = await this.startUpload();
        location.searchParams.set('digest', digest);
        await this.request({
            method: 'PUT',
            path: location.href,
            body: bytes,
            headers: { 'Content-Type': 'application/octet-stream' },
            expect: [201]
        });
        return digest;
    }
    async getBlob(digest, maxBytes = 64 * 1024 * 1024) {
        const response = await this.request({
            method: 'GET',
            path: `/v2/${this.repository}/blobs/${digest}`,
            expect: [200],
            maxResponseBytes: maxBytes + 1
        });
        if ((0,oci_digest/* digestOf */.ol)(response.body, digest) !== digest)
            throw new oci_errors/* RegistryError */.g(`blob ${digest} came back with other content`, { method: 'GET', url: (0,http/* redactUrl */.BO)(response.url), status: 200 });
        return response.body;
    }
    /**
     * Opens a blob for reading as a stream (bytes `start` to `end`, exclusive, through a Range request
     * when that is not the whole blob). `partial` says whether the registry honoured the Range (206);
     * on a 200 the body is the whole blob. The bytes are not checked here: the reader hashes them.
     */
    async openBlob(digest, options = {}) {
        const start = options.start ?? 0;
        const ranged = start > 0 || (options.end !== undefined && options.size !== undefined && options.end < options.size);
        const headers = {};
        if (ranged)
            headers.Range = `bytes=${start}-${options.end !== undefined ? options.end - 1 : ''}`;
        const response = await this.requestStream({
            method: 'GET',
            path: `/v2/${this.repository}/blobs/${digest}`,
            headers,
            expect: ranged ? [200, 206] : [200],
            expectedBytes: (options.end ?? options.size ?? 0) - start
        });
        if (response.status === 206) {
            const contentRange = (0,http/* header */.wx)(response, 'content-range');
            const first = contentRange ? /^bytes (\d+)-/.exec(contentRange)?.[1] : undefined;
            if (first !== undefined && Number(first) !== start) {
                response.body.destroy();
                throw new oci_errors/* RegistryError */.g(`GET blob ${digest} answered the range from ${start} with ${contentRange}`, {
                    method: 'GET',
                    url: (0,http/* redactUrl */.BO)(response.url),
                    status: 206
                });
            }
        }
        return { body: response.body, partial: response.status === 206, status: response.status };
    }
    /** PUTs manifest bytes by digest or tag; checks the registry's Docker-Content-Digest against our own. */
    async putManifest(reference, bytes, mediaType, options = {}) {
        // By digest, under the algorithm the reference names (sha256 or sha512); by tag, sha256.
        const digest = oci_digest/* DIGEST_PATTERN */.WA.test(reference) ? (0,oci_digest/* digestOf */.ol)(bytes, reference) : (0,oci_digest/* sha256Of */.Bj)(bytes);
        // A read of this tag begun before the write was done may answer with what the tag held before:
        // a read asked for after it must not share that answer.
        const forgetReads = () => {
            for (const key of this.tagReads.keys())
                if (key.startsWith(`${reference} `))
                    this.tagReads.delete(key);
        };
        forgetReads();
        const response = await this.request({
            method: 'PUT',
            path: `/v2/${this.repository}/manifests/${reference}`,
            headers: { 'Content-Type': mediaType, ...(options.ifMatch ? { 'If-Match': options.ifMatch } : {}) },
            body: bytes,
            expect: [201, 200]
        }).finally(forgetReads);
        const returned = (0,http/* header */.wx)(response, 'docker-content-digest');
        if (returned && returned !== digest) {
            throw new oci_errors/* RegistryError */.g(`the registry stored manifest ${reference} under ${returned}, but its bytes hash to ${digest}; the registry rewrote the manifest, so the digest cannot be trusted`, { method: 'PUT', url: (0,http/* redactUrl */.BO)(response.url), status: response.status });
        }
        return { digest, subject: (0,http/* header */.wx)(response, 'oci-subject') };
    }
    async headManifest(reference) {
        const response = await this.request({
            method: 'HEAD',
            path: `/v2/${this.repository}/manifests/${reference}`,
            headers: { Accept: media_types/* MANIFEST_MEDIA_TYPES */.$T.join(', ') },
            expect: [200, 404]
        });
        if (response.status === 404)
            return undefined;
        const digest = (0,http/* header */.wx)(response, 'docker-content-digest');
        if (!digest) {
            // Some registries omit the digest on HEAD: fall back to reading the manifest.
            const manifest = await this.getManifest(reference);
            return manifest && { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.bytes.length };
        }
        return { digest, mediaType: (0,http/* header */.wx)(response, 'content-type') ?? '', size: Number((0,http/* header */.wx)(response, 'content-length') ?? 0) };
    }
    manifestsByDigest = new Map();
    tagReads = new Map();
    /**
     * A manifest by tag or digest, or undefined when the registry has none (404). A manifest read by
     * digest is kept for the run: it is content-addressed and checked against the digest, so reading it
     * again (verify, then the copy's plan, read the same evidence) could only give the same bytes. A tag
     * can move, so a tag's answer is shared only by the calls made while it is on its way, and not
     * across a write of that tag.
     */
    getManifest(reference, accept = media_types/* MANIFEST_MEDIA_TYPES */.$T) {
        const byDigest = oci_digest/* DIGEST_PATTERN */.WA.test(reference);
        const reads = byDigest ? this.manifestsByDigest : this.tagReads;
        const key = byDigest ? reference : `${reference} ${accept.join(',')}`;
        let read = reads.get(key);
        if (!read) {
            const started = this.readManifest(reference, accept);
            reads.set(key, (read = started));
            const forget = () => {
                if (reads.get(key) === started)
                    reads.delete(key);
            };
            // A tag's answer is shared only while it is on its way. A manifest not found by digest may be
            // pushed later in the run: only what was found by digest is kept.
            started.then((found) => {
                if (!byDigest || !found)
                    forget();
            }, forget);
        }
        return read;
    }
    async readManifest(reference, accept) {
        const response = await this.request({
            method: 'GET',
            path: `/v2/${this.repository}/manifests/${reference}`,
            headers: { Accept: accept.join(', ') },
            expect: [200, 404],
            maxResponseBytes: 4 * 1024 * 1024 + 1
        });
        if (response.status === 404)
            return undefined;
        const byDigest = oci_digest/* DIGEST_PATTERN */.WA.test(reference);
        const digest = byDigest ? (0,oci_digest/* digestOf */.ol)(response.body, reference) : (0,oci_digest/* sha256Of */.Bj)(response.body);
        if (byDigest && digest !== reference) {
            throw new oci_errors/* RegistryError */.g(`manifest ${reference} came back with bytes that hash to ${digest}`, {
                method: 'GET',
                url: (0,http/* redactUrl */.BO)(response.url),
                status: 200
            });
        }
        let mediaType = (0,http/* header */.wx)(response, 'content-type') ?? '';
        try {
            mediaType = JSON.parse(response.body.toString('utf8')).mediaType ?? mediaType;
        }
        catch {
            // Not JSON: keep the Content-Type.
        }
        return { digest, mediaType, bytes: response.body, etag: (0,http/* header */.wx)(response, 'etag') };
    }
    async deleteManifest(digest) {
        this.manifestsByDigest.delete(digest);
        await this.request({ method: 'DELETE', path: `/v2/${this.repository}/manifests/${digest}`, expect: [202, 404] });
    }
    /** The referrers API's answer, or undefined when the registry has no such API (404, 400, 405). */
    async getReferrers(digest) {
        const response = await this.request({
            method: 'GET',
            path: `/v2/${this.repository}/referrers/${digest}`,
            headers: { Accept: 'application/vnd.oci.image.index.v1+json' },
            expect: [200, 404, 400, 405, 501]
        });
        if (response.status !== 200)
            return undefined;
        try {
            const index = JSON.parse(response.body.toString('utf8'));
            return { bytes: response.body, index };
        }
        catch {
            return undefined;
        }
    }
}
/** A registry failure is worth another attempt when the connection dropped or the status says so. */
function registryTransience(error) {
    if (error instanceof oci_errors/* RegistryError */.g) {
        if (error.cause instanceof http/* HttpConnectionError */.Jo)
            return (0,retry/* httpTransience */.xv)(undefined, undefined, error.cause);
        return error.status === undefined ? { transient: false } : (0,retry/* httpTransience */.xv)(error.status, error.request.retryAfter);
    }
    return (0,retry/* httpTransience */.xv)(undefined, undefined, error);
}
function registryError(method, url, response) {
    const text = response.body.toString('utf8').slice(0, 4000);
    let errors;
    try {
        errors = JSON.parse(text).errors;
    }
    catch {
        errors = undefined;
    }
    const said = errors?.length ? errors.map((e) => `${e.code}${e.message ? `: ${e.message}` : ''}`).join('; ') : text.trim().slice(0, 300);
    const hint = statusHint(response.status, url);
    return new oci_errors/* RegistryError */.g(`${method} ${(0,http/* redactUrl */.BO)(url)} answered ${response.status}${said ? ` (${said})` : ''}${hint}`, {
        method,
        url: (0,http/* redactUrl */.BO)(url),
        status: response.status,
        errors,
        body: text,
        retryAfter: (0,http/* header */.wx)(response, 'retry-after')
    });
}
function statusHint(status, url) {
    if (status === 401)
        return ': the registry wants credentials; give `username`/`password`, log in with docker/login-action, or for ghcr.io grant `packages: write`';
    if (status === 403) {
        return url.host.endsWith('ghcr.io')
            ? ': ghcr.io refused; give the workflow `permissions: packages: write` and, for an existing package, grant this repository write access in the package settings'
            : ': the credentials lack push permission on this repository';
    }
    return '';
}
function connectionFailure(method, url, error, registry) {
    const code = error instanceof http/* HttpConnectionError */.Jo ? error.code : error.code;
    // A failure at the proxy is the proxy's, not the registry's: keep its own words.
    const atProxy = /the proxy /.test(error.message);
    const reason = (0,http/* isDeadlineError */.Tz)(error)
        ? `the registry ${registry} was too slow: no complete answer within ${deadlineSeconds(error)}s (the request's deadline)`
        : atProxy
            ? error.message
            : code === 'ENOTFOUND'
                ? `the host ${url.hostname} does not resolve`
                : code === 'ECONNREFUSED'
                    ? `nothing listens at ${url.host}`
                    : error.message;
    const tls = /certificate|SSL|TLS|EPROTO/i.test(error.message) && url.protocol === 'https:'
        ? `; if ${registry} serves plain HTTP, list it in \`insecure-registries\``
        : '';
    return new oci_errors/* RegistryError */.g(`${method} ${(0,http/* redactUrl */.BO)(url)} failed: ${reason}${tls}`, { method, url: (0,http/* redactUrl */.BO)(url) }, { cause: error });
}
function deadlineSeconds(error) {
    const cause = error instanceof http/* HttpConnectionError */.Jo ? error.cause : error;
    return Math.round((cause.deadlineMs ?? 0) / 100) / 10;
}


/***/ }),

/***/ 75414:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.r(__webpack_exports__);
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   decodeTokenClaims: () => (/* binding */ decodeTokenClaims),
/* harmony export */   expectedIdentity: () => (/* binding */ expectedIdentity)
/* harmony export */ });
// What the runner's OIDC token says about who is signing, read before anything is signed.
/** The token's claims, unverified: only used to predict our own identity and to build provenance. */
function decodeTokenClaims(token) {
    const payload = token.split('.')[1];
    if (!payload)
        return {};
    try {
        return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    }
    catch {
        return {};
    }
}
/** The SANs Fulcio may give this token: GitHub's workflow URI form, or the token's e-mail or subject. */
function expectedIdentity(claims, serverUrl) {
    const candidates = [];
    if (typeof claims.job_workflow_ref === 'string') {
        candidates.push(`${serverUrl}/${claims.job_workflow_ref}`, `https://github.com/${claims.job_workflow_ref}`);
    }
    for (const key of ['email', 'sub'])
        if (typeof claims[key] === 'string')
            candidates.push(claims[key]);
    return { candidates, issuer: typeof claims.iss === 'string' ? claims.iss : undefined };
}


/***/ }),

/***/ 69799:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   QJ: () => (/* binding */ SIGSTORE_INSTANCES),
/* harmony export */   f$: () => (/* binding */ InstanceChoiceError),
/* harmony export */   hz: () => (/* binding */ TUF_MIRRORS),
/* harmony export */   iT: () => (/* binding */ resolveSigstoreInstance)
/* harmony export */ });
/* unused harmony export offersGitHubInstance */
// Which Sigstore instance signs, as GitHub's own attestations choose it (actions/attest): public
// repositories on public-good Sigstore (Fulcio + Rekor, a public log), private and internal ones on
// GitHub's instance (Fulcio + a timestamp authority, no public log), so a private repository's name,
// workflow and refs never reach a public log.
const SIGSTORE_INSTANCES = {
    'public-good': { fulcioUrl: 'https://fulcio.sigstore.dev', rekorUrl: 'https://rekor.sigstore.dev' },
    github: { fulcioUrl: 'https://fulcio.githubapp.com', tsaUrl: 'https://timestamp.githubapp.com' }
};
/** Where each instance publishes its trusted root through TUF. */
const TUF_MIRRORS = {
    'public-good': 'https://tuf-repo-cdn.sigstore.dev',
    github: 'https://tuf-repo.github.com'
};
/** github.com and GHE.com data residency (`*.ghe.com`) offer GitHub's Sigstore instance; GitHub Enterprise Server does not. */
function offersGitHubInstance(serverUrl) {
    const host = new URL(serverUrl).hostname.toLowerCase();
    return host === 'github.com' || host.endsWith('.ghe.com');
}
class InstanceChoiceError extends Error {
    name = 'InstanceChoiceError';
}
/**
 * Picks the instance from the choice and the OIDC token's `repository_visibility` claim; the
 * `fulcio-url`, `rekor-url` and `tsa-url` inputs, when given, override the instance's services.
 */
function resolveSigstoreInstance(options) {
    const { choice, visibility, serverUrl } = options;
    let instance;
    let reason;
    if (choice !== 'auto') {
        instance = choice;
        reason = `\`sigstore-instance: ${choice}\``;
    }
    else if (visibility === 'private' || visibility === 'internal') {
        if (!offersGitHubInstance(serverUrl)) {
            throw new InstanceChoiceError(`this ${visibility} repository runs on ${serverUrl}, where GitHub's Sigstore instance is not offered, and signing on public-good Sigstore would publish the repository's name, workflow and refs in its public transparency log. Choose explicitly: \`sigstore-instance: public-good\` to accept that, or give your own instance with \`fulcio-url\`, \`tsa-url\` (and \`sigstore-instance: github\`), or turn signing off (\`sign: false\`, \`provenance: false\`, \`sbom: none\`)`);
        }
        instance = 'github';
        reason = `the repository is ${visibility}: GitHub's instance keeps it out of public logs`;
    }
    else {
        instance = 'public-good';
        reason = visibility ? `the repository is ${visibility}` : 'the OIDC token names no repository visibility';
    }
    const services = SIGSTORE_INSTANCES[instance];
    return {
        instance,
        reason,
        fulcioUrl: options.overrides.fulcioUrl ?? services.fulcioUrl,
        rekorUrl: options.overrides.rekorUrl ?? services.rekorUrl,
        tsaUrl: options.overrides.tsaUrl ?? services.tsaUrl
    };
}


/***/ }),

/***/ 68042:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   T4: () => (/* binding */ IN_TOTO_PAYLOAD_TYPE),
/* harmony export */   To: () => (/* binding */ PREDICATE_TYPE),
/* harmony export */   tV: () => (/* binding */ IN_TOTO_STATEMENT_V1)
/* harmony export */ });
// in-toto predicate and payload types, named once so a grep finds every use.
const PREDICATE_TYPE = {
    cosignSign: 'https://sigstore.dev/cosign/sign/v1',
    slsaProvenance1: 'https://slsa.dev/provenance/v1',
    spdx23: 'https://spdx.dev/Document/v2.3',
    cycloneDx: 'https://cyclonedx.org/bom',
    testResult: 'https://in-toto.io/attestation/test-result/v0.1'
};
const IN_TOTO_STATEMENT_V1 = 'https://in-toto.io/Statement/v1';
const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';


/***/ }),

/***/ 42613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 20181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 35317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 76982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 72250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 24434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 91943:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs/promises");

/***/ }),

/***/ 58611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 85675:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http2");

/***/ }),

/***/ 65692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 69278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 34589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 16698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 37540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 77598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 53053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 40610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 78474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 51455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 32467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 44708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 77030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 76760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 41792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 46466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 46193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 41692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 73136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 57975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 73429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 75919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 38522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 70857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 16928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 13193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 53557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 16460:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers/promises");

/***/ }),

/***/ 64756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 52018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 87016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 43106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(51455);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(73024);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(77598);
;// CONCATENATED MODULE: ./src/action/runner.ts
// The runner's protocol for inputs, outputs, masks, log groups, errors and the job summary: the
// same files and workflow commands @actions/core writes. @actions/core is loaded only to request
// an OIDC token, because importing it loads its HTTP client (about 100 ms), longer than a whole
// warm re-push takes; the issue asks that a run load only what it needs.



function escapeData(value) {
    return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function command(name, message) {
    process.stdout.write(`::${name}::${escapeData(message)}${external_node_os_namespaceObject.EOL}`);
}
/** An input as the runner passes it: `INPUT_<NAME>` with spaces as underscores, trimmed. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
function setOutput(name, value) {
    const file = process.env.GITHUB_OUTPUT;
    if (!file) {
        process.stdout.write(`${external_node_os_namespaceObject.EOL}::set-output name=${name}::${escapeData(value)}${external_node_os_namespaceObject.EOL}`);
        return;
    }
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    // A value holding the delimiter could forge other outputs; the delimiter is random, so this never happens by chance.
    if (name.includes(delimiter) || value.includes(delimiter))
        throw new Error(`output ${name} holds its own delimiter`);
    (0,external_node_fs_.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${value}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`, 'utf8');
}
function setSecret(secret) {
    command('add-mask', secret);
}
/**
 * The runner reads any stdout line that starts (after white space) with `::`, or holds `##[`, as a
 * workflow command. Log text can carry names and lines from the deploy repository or a registry, so
 * each line is defused with a zero-width space; our own commands are written by `command` alone.
 */
function defuseCommands(text) {
    return text
        .split(/\r\n|\n|\r/)
        .map((line) => line.replace(/^(\s*):(?=:)/, '$1:\u200b').replace(/##\[/g, '#\u200b#['))
        .join(external_node_os_namespaceObject.EOL);
}
function info(message) {
    process.stdout.write(`${defuseCommands(message)}${external_node_os_namespaceObject.EOL}`);
}
function debug(message) {
    command('debug', message);
}
function notice(message) {
    command('notice', message);
}
function warning(message) {
    command('warning', message);
}
function error(message) {
    command('error', message);
}
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
async function group(name, work) {
    process.stdout.write(`::group::${escapeData(name)}${external_node_os_namespaceObject.EOL}`);
    try {
        return await work();
    }
    finally {
        process.stdout.write(`::endgroup::${external_node_os_namespaceObject.EOL}`);
    }
}
/** Appends Markdown to the job summary ($GITHUB_STEP_SUMMARY). */
function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
        throw new Error('GITHUB_STEP_SUMMARY is not set, so there is no job summary to write to');
    (0,external_node_fs_.appendFileSync)(file, `${markdown}${external_node_os_namespaceObject.EOL}`, 'utf8');
}
/** The runner's OIDC token for an audience, masked; without `permissions: id-token: write` there is none, and nothing should be pushed. */
async function requestIdentityToken(audience) {
    let token;
    try {
        const { getIDToken } = await Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(260), __nccwpck_require__.e(264)]).then(__nccwpck_require__.bind(__nccwpck_require__, 57264));
        token = await getIDToken(audience);
    }
    catch (error) {
        throw new Error(`no OIDC token could be requested for signing (${error.message}). Add \`permissions: id-token: write\` to the job (and \`contents: read\`, \`packages: write\`), or turn signing off with \`sign: false\`, \`provenance: false\` and \`sbom: none\``);
    }
    setSecret(token);
    return token;
}

// EXTERNAL MODULE: ./src/github/endpoints.ts
var endpoints = __nccwpck_require__(80925);
// EXTERNAL MODULE: ./src/net/http.ts
var http = __nccwpck_require__(59663);
;// CONCATENATED MODULE: ./src/action/context.ts
// The runner's environment, read once: every host, path and fact about the run that the steps
// need comes from here, so no other module reads process.env. Hosts follow GitHub Enterprise
// Server when the runner says so (GITHUB_SERVER_URL, GITHUB_API_URL, GITHUB_GRAPHQL_URL).



function withoutTrailingSlash(url) {
    return url.replace(/\/+$/, '');
}
function readRunnerContext(env = process.env) {
    const serverUrl = withoutTrailingSlash(env.GITHUB_SERVER_URL || 'https://github.com');
    const apiUrl = withoutTrailingSlash(env.GITHUB_API_URL || 'https://api.github.com');
    const repository = env.GITHUB_REPOSITORY || undefined;
    return {
        serverUrl,
        apiUrl,
        graphqlUrl: withoutTrailingSlash(env.GITHUB_GRAPHQL_URL || (0,endpoints/* graphqlUrl */.X)(apiUrl)),
        repository,
        repositoryOwner: env.GITHUB_REPOSITORY_OWNER || repository?.split('/')[0],
        sha: env.GITHUB_SHA || undefined,
        runUrl: repository && env.GITHUB_RUN_ID ? `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
        workspace: env.GITHUB_WORKSPACE || process.cwd(),
        tempDir: env.RUNNER_TEMP || (0,external_node_os_namespaceObject.tmpdir)(),
        dockerConfigDir: env.DOCKER_CONFIG || undefined,
        childEnvironment: { ...env },
        gitIdentityInEnvironment: Boolean(env.GIT_AUTHOR_NAME && env.GIT_AUTHOR_EMAIL && env.GIT_COMMITTER_NAME && env.GIT_COMMITTER_EMAIL),
        startedAt: new Date()
    };
}
/**
 * Makes npm's proxy agent, which sigstore-js and tuf-js fetch through and which reads the proxy
 * variables from the process itself, send `urls` around the proxy wherever the toolkit's rules do
 * (loopback, `host:port` and `*` NO_PROXY entries, an http: URL with only HTTPS_PROXY set).
 * Called after configureProxy and before any Sigstore module loads: that agent reads the variables
 * once, at load.
 */
async function alignSigstoreProxy(urls) {
    const noProxy = await (0,http/* noProxyForNpmAgent */.PY)(urls.map((url) => new URL(url)));
    if (noProxy === undefined)
        return;
    // Both spellings, the same value: the agent takes whichever it reads last.
    process.env.no_proxy = noProxy;
    process.env.NO_PROXY = noProxy;
}

;// CONCATENATED MODULE: ./src/steps/errors.ts
// Failures the steps themselves decide on (the libraries below have their own error types).
/** Bad input: names the input and says how to fix it. */
class InputError extends Error {
    input;
    name = 'InputError';
    constructor(input, message, options) {
        super(`input \`${input}\`: ${message}`, options);
        this.input = input;
    }
}
/**
 * A step that failed after doing part of its work: `partial` is its result so far, which the
 * outputs and the summary still report (tags written before a race was lost).
 */
class PartialStepError extends Error {
    partial;
    constructor(message, partial) {
        super(message);
        this.partial = partial;
    }
}
/** A tag that may not be moved, or was moved under us. */
class TagError extends Error {
    name = 'TagError';
}

// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __nccwpck_require__(62148);
;// CONCATENATED MODULE: ./src/action/inputs.ts
// Inputs -> one typed, validated options object. Every error names the input and the fix.


/**
 * Splits a list input on newlines and commas (paths and globs, which may hold spaces), trimming and
 * dropping empties and duplicates.
 */
function splitList(value) {
    return splitOn(value, /[\n,]/);
}
/** Splits a list of tags on commas, newlines and spaces: a tag cannot hold a space. */
function splitTags(value) {
    return splitOn(value, /[\s,]/);
}
function splitOn(value, separator) {
    return [
        ...new Set(value
            .split(separator)
            .map((s) => s.trim())
            .filter(Boolean))
    ];
}
function parseBoolean(name, value, fallback) {
    const text = value.trim().toLowerCase();
    if (text === '')
        return fallback;
    if (['true', 'yes', '1', 'on'].includes(text))
        return true;
    if (['false', 'no', '0', 'off'].includes(text))
        return false;
    throw new InputError(name, `"${value}" is not a boolean; use true or false`);
}
function parseChoice(name, value, choices, fallback) {
    const text = value.trim();
    if (text === '')
        return fallback;
    if (choices.includes(text))
        return text;
    throw new InputError(name, `"${value}" is not one of ${choices.join(', ')}`);
}
function parseUrl(name, value, fallback) {
    const text = value.trim() || fallback;
    try {
        const url = new URL(text);
        if (url.protocol !== 'https:' && url.protocol !== 'http:')
            throw new Error('not http(s)');
        return text.replace(/\/+$/, '');
    }
    catch {
        throw new InputError(name, `"${text}" is not an http(s) URL`);
    }
}
function parseTags(value) {
    const tags = splitTags(value);
    for (const tag of tags) {
        if (!(0,reference/* isValidTag */.r_)(tag)) {
            throw new InputError('tags', `"${tag}" is not a valid tag: use letters, digits, "_", "." and "-", start with a letter, digit or "_", at most 128 characters`);
        }
    }
    return tags;
}
// ghcr.io, written as the image input's registry (any case), then its repository path.
const GHCR = /^ghcr\.io\/([^:@]*)(.*)$/i;
/**
 * Parses the image input. A ghcr.io repository path is lower-cased first, with a notice to log:
 * GitHub owner and repository names may hold capitals (`ghcr.io/${{ github.repository }}`), and
 * GHCR stores them lower-cased. Any other registry's upper case is refused, as the reference
 * grammar requires.
 */
function normalizeImage(text) {
    let input = text.trim();
    let notice;
    const ghcr = GHCR.exec(input);
    if (ghcr) {
        const [, path, rest] = ghcr;
        const given = input.slice(0, input.length - rest.length);
        input = `ghcr.io/${path.toLowerCase()}${rest}`;
        if (path !== path.toLowerCase())
            notice = `input \`image\`: using ghcr.io/${path.toLowerCase()} for ${given} (ghcr.io repository names are lowercase)`;
    }
    try {
        return { image: (0,reference/* parseReference */.F2)(input), notice };
    }
    catch (error) {
        if (error instanceof reference/* ReferenceError */.AF)
            throw new InputError('image', `${error.message}; expected registry/namespace/name, e.g. ghcr.io/owner/app`);
        throw error;
    }
}
function readInputs(getInput) {
    const get = (name) => (getInput(name) ?? '').trim();
    const layout = get('layout');
    const sourceText = get('source');
    if (layout && sourceText) {
        throw new InputError('source', 'and `layout` are both given: give `layout` to release a build, or `source` to promote an image already in a registry, not both');
    }
    if (!layout && !sourceText) {
        throw new InputError('layout', 'is required to release (the path of the OCI image layout directory or tar your build wrote); to promote an image already in a registry, give `source` instead');
    }
    const promote = sourceText ? readPromoteInputs(sourceText, get, getInput) : undefined;
    const imageText = get('image');
    if (!imageText)
        throw new InputError('image', 'is required: the destination repository, e.g. ghcr.io/owner/app');
    const { image, notice: imageNotice } = normalizeImage(imageText);
    if (image.tag || image.digest) {
        throw new InputError('image', `"${imageText}" carries a ${image.digest ? 'digest' : 'tag'}; give the repository alone and list tags in \`tags\``);
    }
    const sbom = get('sbom') || 'generate';
    const deployRepository = get('deploy-repository') || undefined;
    if (deployRepository &&
        !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(deployRepository) &&
        !/^(https?:\/\/|file:\/\/|\/)/.test(deployRepository)) {
        throw new InputError('deploy-repository', `"${deployRepository}" is neither owner/name nor a git URL`);
    }
    return {
        mode: promote ? 'promote' : 'release',
        layout,
        promote,
        layoutRef: get('layout-ref') || undefined,
        image,
        imageName: `${image.registry}/${image.repository}`,
        imageNotice,
        tags: parseTags(getInput('tags') ?? ''),
        mutableTags: splitList(getInput('mutable-tags') ?? ''),
        username: get('username') || undefined,
        password: get('password') || undefined,
        githubToken: get('github-token') || undefined,
        insecureRegistries: splitList(getInput('insecure-registries') ?? ''),
        sign: parseBoolean('sign', get('sign'), true),
        signatureFormat: parseChoice('signature-format', get('signature-format'), ['bundle', 'legacy', 'both'], 'both'),
        provenance: parseBoolean('provenance', get('provenance'), true),
        sbom,
        testResults: splitList(getInput('test-results') ?? ''),
        sbomFormat: parseChoice('sbom-format', get('sbom-format'), ['spdx', 'cyclonedx'], 'spdx'),
        sigstoreInstance: parseChoice('sigstore-instance', get('sigstore-instance'), ['auto', 'public-good', 'github'], 'auto'),
        fulcioUrl: get('fulcio-url') ? parseUrl('fulcio-url', get('fulcio-url'), '') : undefined,
        rekorUrl: get('rekor-url') ? parseUrl('rekor-url', get('rekor-url'), '') : undefined,
        tsaUrl: get('tsa-url') ? parseUrl('tsa-url', get('tsa-url'), '') : undefined,
        trustedRoot: get('trusted-root') || undefined,
        githubAttestations: parseBoolean('github-attestations', get('github-attestations'), true),
        oidcAudience: get('oidc-audience') || 'sigstore',
        deployRepository,
        deployToken: get('deploy-token') || undefined,
        deployBase: get('deploy-base') || undefined,
        deployPaths: splitList(getInput('deploy-paths') ?? '').length ? splitList(getInput('deploy-paths') ?? '') : ['**/*.yaml', '**/*.yml'],
        deployMode: parseChoice('deploy-mode', get('deploy-mode'), ['pull-request', 'push'], 'pull-request'),
        deployBranch: get('deploy-branch') || undefined,
        autoMerge: parseChoice('auto-merge', get('auto-merge'), ['off', 'merge', 'squash', 'rebase'], 'off'),
        dryRun: parseBoolean('dry-run', get('dry-run'), false)
    };
}
function readPromoteInputs(sourceText, get, getInput) {
    let source;
    try {
        source = (0,reference/* parseReference */.F2)(sourceText);
    }
    catch (error) {
        if (error instanceof reference/* ReferenceError */.AF)
            throw new InputError('source', `${error.message}; expected registry/repository@sha256:<digest> (or :tag)`);
        throw error;
    }
    if (!source.digest && !source.tag) {
        throw new InputError('source', `"${sourceText}" names no digest or tag; give registry/repository@sha256:<digest> (a :tag is resolved once, in preflight)`);
    }
    const identityText = get('verify-identity');
    if (!identityText) {
        throw new InputError('verify-identity', "is required in promote mode: a regular expression the signer's certificate identity must match, e.g. ^https://github\\.com/acme/app/\\.github/workflows/release\\.yml@refs/(heads/main|tags/v.+)$");
    }
    let verifyIdentity;
    try {
        verifyIdentity = new RegExp(identityText);
    }
    catch (error) {
        throw new InputError('verify-identity', `"${identityText}" is not a valid regular expression (${error.message})`);
    }
    const username = get('source-username') || undefined;
    const password = get('source-password') || undefined;
    if (Boolean(username) !== Boolean(password)) {
        throw new InputError(username ? 'source-password' : 'source-username', 'goes with `source-username`/`source-password`: give both, or neither to use the Docker config');
    }
    return {
        source,
        sourceUsername: username,
        sourcePassword: password,
        verifyIdentity,
        verifyIssuer: get('verify-issuer') || 'https://token.actions.githubusercontent.com',
        verifyAttestations: splitList(getInput('verify-attestations') ?? ''),
        copyReferrers: parseBoolean('copy-referrers', get('copy-referrers'), true)
    };
}

;// CONCATENATED MODULE: ./src/action/result.ts
const STEP_ORDER = {
    release: ['preflight', 'layout', 'push', 'sign', 'attest', 'tags', 'deploy'],
    promote: ['preflight', 'verify', 'copy', 'reverify', 'tags', 'deploy']
};
function emptyResult(image, dryRun, requestedTags, owner, repository, mode = 'release') {
    const steps = Object.fromEntries(STEP_ORDER[mode].map((name) => [name, { status: 'not-run' }]));
    return { mode, image, owner, repository, dryRun, requestedTags, platformDigests: {}, steps };
}

;// CONCATENATED MODULE: ./src/action/outputs.ts
function list(values) {
    return (values ?? []).join(',');
}
function outputsFor(result) {
    const outputs = {};
    // What is known from the inputs and the layout (or the source) is reported as soon as it is known,
    // even when a later check fails: the error names the digest, and so do the outputs.
    outputs.tags = list(result.requestedTags);
    if (result.digest) {
        outputs.digest = result.digest;
        outputs['image-ref'] = `${result.image}@${result.digest}`;
    }
    const treeKnown = result.steps.layout?.status === 'succeeded' || result.steps.copy?.status === 'succeeded';
    if (treeKnown)
        outputs['platform-digests'] = JSON.stringify(result.platformDigests);
    if (result.push) {
        outputs['blobs-uploaded'] = String(result.push.blobsUploaded);
        outputs['blobs-mounted'] = String(result.push.blobsMounted);
        outputs['blobs-skipped'] = String(result.push.blobsSkipped);
        outputs['bytes-uploaded'] = String(result.push.bytesUploaded);
    }
    if (result.promote?.copy) {
        const copy = result.promote.copy;
        outputs['blobs-uploaded'] = String(copy.blobsUploaded);
        outputs['blobs-mounted'] = String(copy.blobsMounted);
        outputs['blobs-skipped'] = String(copy.blobsSkipped);
        outputs['bytes-uploaded'] = String(copy.bytesUploaded);
        outputs['referrers-copied'] = String(copy.referrersCopied);
    }
    if (result.promote) {
        outputs['promoted-from'] = result.promote.from;
        const verified = result.promote.destination ?? result.promote.source;
        if (verified) {
            outputs['verified-identity'] = verified.identity;
            outputs['verified-attestations'] = JSON.stringify(Object.keys(verified.attestations));
        }
    }
    if (result.sign) {
        outputs['signature-digest'] = result.sign.signatureDigest ?? '';
        outputs['signature-tag'] = result.sign.signatureTag ?? '';
        outputs['rekor-log-index'] = result.sign.rekorLogIndex !== undefined ? String(result.sign.rekorLogIndex) : '';
        outputs['signer-identity'] = result.sign.identity ?? '';
        outputs['signature-bundle-path'] = result.sign.bundlePath ?? '';
    }
    if (result.referrersMode)
        outputs['referrers-mode'] = result.referrersMode;
    if (result.sigstore && (result.sign || result.attest))
        outputs['sigstore-instance'] = result.sigstore.instance;
    if (result.attest) {
        outputs['provenance-digest'] = result.attest.provenance?.referrerDigest ?? '';
        outputs['provenance-bundle-path'] = result.attest.provenance?.bundlePath ?? '';
        outputs['sbom-digest'] = result.attest.sbom?.referrerDigest ?? '';
        outputs['sbom-bundle-path'] = result.attest.sbom?.bundlePath ?? '';
        outputs['sbom-path'] = result.attest.sbomPath ?? '';
        if (result.attest.testResult) {
            outputs['test-result'] = result.attest.testResult.result;
            outputs['test-result-digest'] = result.attest.testResult.referrerDigest;
        }
        // Every platform's SBOM, not only the first: platform (or `image` for a given file) -> referrer and file.
        const sboms = {};
        for (const attestation of result.attest.attestations)
            if (attestation.kind === 'sbom')
                sboms[attestation.platform ?? 'image'] = { digest: attestation.referrerDigest, path: attestation.sbomPath };
        outputs.sboms = JSON.stringify(sboms);
    }
    if (result.githubAttestations?.ids.length) {
        outputs['attestation-ids'] = result.githubAttestations.ids.join(',');
        outputs['attestation-url'] = result.githubAttestations.url;
    }
    if (result.tags) {
        outputs['tags-created'] = list(result.tags.created);
        outputs['tags-unchanged'] = list(result.tags.unchanged);
        outputs['tags-moved'] = list(result.tags.moved);
    }
    if (result.deploy) {
        const deploy = result.deploy;
        outputs['deploy-commit'] = deploy.commit ?? '';
        outputs['deploy-branch'] = deploy.branch ?? '';
        outputs['pull-request-number'] = deploy.pullRequestNumber !== undefined ? String(deploy.pullRequestNumber) : '';
        outputs['pull-request-url'] = deploy.pullRequestUrl ?? '';
        outputs['pull-request-operation'] = deploy.pullRequestOperation;
        outputs['patched-files'] = JSON.stringify(deploy.patchedFiles);
        outputs['previous-digest'] = deploy.previousDigest ?? '';
        outputs['rollback-of'] = deploy.rollbackOf ?? '';
    }
    return outputs;
}

;// CONCATENATED MODULE: ./src/action/step-runner.ts
// Runs the steps as the runner shows them: one log group each, its timing and status in the
// result, and the outputs brought up to date as each step ends, whether it succeeded or failed.



const STEP_TITLE = {
    preflight: 'Preflight: check inputs, layout entry, credentials and tags',
    layout: 'Layout: read manifests and check every blob',
    push: 'Push: upload blobs and manifests by digest',
    sign: 'Sign: keyless Sigstore signature',
    attest: 'Attest: SLSA provenance and SBOM',
    verify: 'Verify: the source digest is signed and attested by the expected identity',
    copy: 'Copy: blobs, manifests, signatures and attestations, byte for byte',
    reverify: 'Verify again: the evidence arrived at the destination',
    tags: 'Tags: apply last',
    deploy: 'Deploy: pin the digest in the deploy repository'
};
/** A step's failure, carrying the step's name for the one error the run ends with. */
class StepFailure extends Error {
    step;
    original;
    constructor(step, original) {
        super(original instanceof Error ? original.message : String(original));
        this.step = step;
        this.original = original;
    }
}
class StepRunner {
    result;
    published = new Map();
    constructor(result) {
        this.result = result;
    }
    /**
     * Runs one step; `record` puts its result (or, on a partial failure, what it did) into the release
     * result. `startedAt` is for work that began ahead of its turn: its duration counts from then.
     */
    async run(name, work, record, startedAt) {
        const started = startedAt ?? Date.now();
        return group(STEP_TITLE[name], async () => {
            try {
                const value = await work();
                record?.(value);
                this.result.steps[name] = { status: 'succeeded', durationMs: Date.now() - started };
                return value;
            }
            catch (error) {
                if (error instanceof PartialStepError)
                    record?.(error.partial);
                this.result.steps[name] = {
                    status: 'failed',
                    durationMs: Date.now() - started,
                    error: error instanceof Error ? error.message : String(error)
                };
                throw new StepFailure(name, error);
            }
            finally {
                this.publishOutputs();
            }
        });
    }
    skip(name, reason) {
        this.result.steps[name] = { status: 'skipped', reason };
        info(`${STEP_TITLE[name].split(':')[0]}: skipped (${reason})`);
    }
    /** Sets every output whose value changed since it was last set. */
    publishOutputs() {
        for (const [name, value] of Object.entries(outputsFor(this.result))) {
            if (this.published.get(name) === value)
                continue;
            this.published.set(name, value);
            setOutput(name, value);
        }
    }
}

// EXTERNAL MODULE: ./src/oci/digest.ts
var oci_digest = __nccwpck_require__(68825);
// EXTERNAL MODULE: ./src/gitops/message.ts
var message = __nccwpck_require__(13391);
// EXTERNAL MODULE: ./src/sigstore/predicates.ts
var predicates = __nccwpck_require__(68042);
;// CONCATENATED MODULE: ./src/action/summary.ts



const STEP_LABEL = {
    preflight: 'Preflight',
    layout: 'Layout',
    push: 'Push',
    sign: 'Sign',
    attest: 'Attest',
    verify: 'Verify (source)',
    copy: 'Copy',
    reverify: 'Verify (destination)',
    tags: 'Tags',
    deploy: 'Deploy'
};
const STATUS_MARK = {
    succeeded: '✅ succeeded',
    failed: '❌ failed',
    skipped: '⏭️ skipped',
    'not-run': '· not run'
};
/**
 * The SBOM predicate types this action attests: the format's name, and the `--type` cosign finds
 * them by. cosign's `spdxjson` stands for exactly `https://spdx.dev/Document`, so an SPDX 2.3
 * attestation is asked for by its own URI; `cyclonedx` stands for `https://cyclonedx.org/bom`.
 */
const SBOM_PREDICATE = {
    [predicates/* PREDICATE_TYPE */.To.spdx23]: { format: 'SPDX', cosignType: predicates/* PREDICATE_TYPE */.To.spdx23 },
    [predicates/* PREDICATE_TYPE */.To.cycloneDx]: { format: 'CycloneDX', cosignType: 'cyclonedx' }
};
function sbomFormat(predicateType) {
    return SBOM_PREDICATE[predicateType]?.format ?? predicateType;
}
const YES = '✅';
const NONE = '—';
/** Promote verifies the evidence of the digest it promotes, not that of each platform manifest. */
const UNVERIFIED = '·';
function summary_short(digest) {
    return digest ? `${(0,oci_digest/* shortDigest */.VK)(digest)}…` : '(none)';
}
function seconds(ms) {
    return ms === undefined ? '' : `${(ms / 1000).toFixed(1)} s`;
}
function verifyCommands(result) {
    // Released: the identity this run signed with. Promoted: the one verified at the destination.
    const signer = result.sign?.identity
        ? { identity: result.sign.identity, issuer: result.sign.issuer }
        : result.promote?.destination
            ? { identity: result.promote.destination.identity, issuer: result.promote.destination.issuer }
            : undefined;
    const { digest } = result;
    if (!digest || !signer)
        return [];
    const ref = `${result.image}@${digest}`;
    const identity = signer.identity;
    const issuer = signer.issuer ?? 'https://token.actions.githubusercontent.com';
    const certificate = `--certificate-identity '${identity}' --certificate-oidc-issuer '${issuer}'`;
    const commands = [`cosign verify ${ref} ${certificate}`];
    const attested = result.promote?.destination?.attestations ?? {};
    if (result.attest?.provenance || attested[predicates/* PREDICATE_TYPE */.To.slsaProvenance1])
        commands.push(`cosign verify-attestation ${ref} --type slsaprovenance1 ${certificate}`);
    // An SBOM is attested to the digest it describes: each platform manifest's own when generated, the
    // top digest when given as a file (and after a promote, which verifies the top digest).
    const sboms = result.attest
        ? result.attest.attestations.filter((a) => a.kind === 'sbom' && SBOM_PREDICATE[a.predicateType])
        : Object.keys(attested)
            .filter((type) => SBOM_PREDICATE[type])
            .map((predicateType) => ({ subjectDigest: digest, predicateType, platform: undefined }));
    for (const sbom of sboms) {
        const about = sbom.subjectDigest !== digest && sbom.platform ? `  # ${sbom.platform}` : '';
        commands.push(`cosign verify-attestation ${result.image}@${sbom.subjectDigest} --type ${SBOM_PREDICATE[sbom.predicateType].cosignType} ${certificate}${about}`);
    }
    // Stored in the repository's attestations API, gh finds them by repository; otherwise it reads them from the registry.
    // When the signer is a workflow of another repository (a reusable workflow), gh must be told so.
    const signerWorkflow = /^https:\/\/[^/]+\/([^/]+\/[^/]+)\/(\.github\/workflows\/[^@]+)@/.exec(identity);
    const elsewhere = signerWorkflow && result.repository && signerWorkflow[1].toLowerCase() !== result.repository.toLowerCase();
    const signerFlag = elsewhere ? ` --signer-workflow ${signerWorkflow[1]}/${signerWorkflow[2]}` : '';
    if (result.attest && result.githubAttestations?.ids.length && result.repository)
        commands.push(`gh attestation verify oci://${ref} -R ${result.repository}${signerFlag}`);
    else if (result.attest && result.owner)
        commands.push(`gh attestation verify oci://${ref} --owner ${result.owner} --bundle-from-oci${signerFlag}`);
    return commands;
}
/** The outcome in one line: what was released or promoted, as which tags, with what evidence, and where it was pinned. */
function headline(result) {
    const failed = Object.values(result.steps).some((step) => step.status === 'failed');
    const ref = result.digest ? `\`${result.image}@${(0,oci_digest/* shortDigest */.VK)(result.digest)}…\`` : `\`${result.image}\``;
    if (failed)
        return `❌ **Not released:** ${ref}${result.tags?.created.length ? '' : ' is not tagged'}.`;
    const verb = result.dryRun ? 'Planned' : result.mode === 'promote' ? 'Promoted' : 'Released';
    const tags = result.tags
        ? [...result.tags.created, ...result.tags.unchanged, ...result.tags.moved]
        : result.dryRun
            ? result.requestedTags
            : [];
    const parts = [
        `✅ **${verb}** ${ref}${result.promote ? ` from \`${result.promote.from.split('@')[0]}\`` : ''}${tags.length ? ` as ${tags.map((t) => `\`${t}\``).join(', ')}` : ''}`
    ];
    const evidence = [
        result.sign?.signatureDigest || result.sign?.signatureTag ? 'signed' : '',
        result.attest?.attestations.length ? 'attested' : ''
    ]
        .filter(Boolean)
        .join(' and ');
    if (evidence)
        parts.push(evidence);
    if (result.promote?.destination)
        parts.push('verified at the destination');
    if (result.deploy?.pullRequestNumber)
        parts.push(`deploy PR #${result.deploy.pullRequestNumber}`);
    else if (result.deploy?.commit)
        parts.push(`deploy commit \`${result.deploy.commit.slice(0, 12)}\``);
    return `${parts.join(', ')}.`;
}
/** What a failed run left in the registry: so nobody has to guess whether a digest is out there untagged. */
function leftBehind(result) {
    const pushed = result.steps.push?.status === 'succeeded' || result.steps.copy?.status === 'succeeded';
    if (!pushed)
        return 'Nothing was written to the registry.';
    const tagged = result.tags?.created.length || result.tags?.moved.length
        ? ` Tags written before the failure: ${[...result.tags.created, ...result.tags.moved].join(', ')}.`
        : ' No tag was applied.';
    return `The image was ${result.mode === 'promote' ? 'copied' : 'pushed'} by digest (\`${result.digest ?? ''}\`).${tagged}`;
}
function testsMark(tests) {
    const mark = tests.result === 'PASSED' ? YES : tests.result === 'WARNED' ? '⚠️' : '❌';
    return `${mark} ${tests.passed} passed${tests.failed ? `, ${tests.failed} failed` : ''}`;
}
/** The top digest's row label, then each platform manifest's: the digests the evidence is about. */
function manifests(result, top) {
    const platforms = Object.entries(result.platformDigests);
    return [[platforms.length ? 'index' : 'image', top], ...platforms];
}
/** A release's evidence: what this run made and stored beside each digest. */
function releaseEvidence(result, top) {
    const attestations = result.attest?.attestations ?? [];
    const testResult = result.attest?.testResult;
    return manifests(result, top).map(([label, digest]) => {
        const about = (kind) => attestations.find((a) => a.kind === kind && a.subjectDigest === digest);
        const sbom = about('sbom');
        return [
            label,
            `\`${summary_short(digest)}\``,
            // The sign step signs the top digest and every platform manifest (signingTargets), and its
            // result is kept only when all of them were signed.
            result.sign ? YES : NONE,
            about('provenance') ? YES : NONE,
            sbom ? `${YES} ${sbomFormat(sbom.predicateType)}` : NONE,
            testResult && about('test-result') ? testsMark(testResult) : NONE
        ];
    });
}
function verifiedMarks(verified) {
    const sbom = Object.keys(verified.attestations).find((type) => SBOM_PREDICATE[type]);
    return [
        verified.signatures ? YES : NONE,
        verified.attestations[predicates/* PREDICATE_TYPE */.To.slsaProvenance1] ? YES : NONE,
        sbom ? `${YES} ${sbomFormat(sbom)}` : NONE,
        // verify counts a test-result attestation only when it says PASSED.
        verified.attestations[predicates/* PREDICATE_TYPE */.To.testResult] ? `${YES} passed` : NONE
    ];
}
/** A promote's evidence: what verified at the source and at the destination, for the digest promoted. */
function promoteEvidence(result, top) {
    const [[topLabel], ...platforms] = manifests(result, top);
    const verifications = [result.promote?.source, result.promote?.destination].filter((v) => v !== undefined);
    return [
        ...verifications.map((v) => [`${topLabel} (${v.where})`, `\`${summary_short(v.digest)}\``, ...verifiedMarks(v)]),
        ...platforms.map(([platform, digest]) => [platform, `\`${summary_short(digest)}\``, UNVERIFIED, UNVERIFIED, UNVERIFIED, UNVERIFIED])
    ];
}
/** Where a release's evidence is stored, by full digest: the detail behind the evidence table. */
function releaseStorage(result, top) {
    // A legacy tag without the repository: a tag of the image, named once above the table.
    const tag = (legacyTag) => `tag \`${legacyTag.slice(legacyTag.lastIndexOf(':') + 1)}\``;
    const rows = [];
    for (const [label, digest] of manifests(result, top)) {
        rows.push(`| **${label}** | \`${digest}\` |`);
        if (digest === top && result.sign) {
            const where = [
                result.sign.signatureDigest ? `referrer \`${result.sign.signatureDigest}\`` : '',
                result.sign.signatureTag ? tag(result.sign.signatureTag) : ''
            ];
            rows.push(`| signature | ${where.filter(Boolean).join('<br>')} |`);
        }
        const attestations = result.attest?.attestations.filter((a) => a.subjectDigest === digest) ?? [];
        for (const a of attestations) {
            const what = a.kind === 'sbom' ? `SBOM (${sbomFormat(a.predicateType)})` : a.kind === 'test-result' ? 'test results' : a.kind;
            rows.push(`| ${what} | ${a.referrerDigest ? `referrer \`${a.referrerDigest}\`` : 'in the legacy tag only'} |`);
        }
        // cosign's legacy format keeps every attestation of a digest in one `.att` tag.
        for (const legacyTag of new Set(attestations.flatMap((a) => (a.legacyTag ? [a.legacyTag] : []))))
            rows.push(`| attestations (legacy) | ${tag(legacyTag)} |`);
    }
    const facts = [];
    const s = result.sign;
    if (s?.identity)
        facts.push(`Signed by \`${s.identity}\`${s.issuer ? ` (issuer \`${s.issuer}\`)` : ''}.`);
    if (result.sigstore && (s || result.attest))
        facts.push(`Sigstore instance: ${result.sigstore.instance} (${result.sigstore.reason}).`);
    if (s?.rekorLogIndex !== undefined)
        facts.push(`Rekor log index of the ${manifests(result, top)[0][0]}'s signature: ${s.rekorLogIndex}.`);
    else if (s && result.sigstore?.instance === 'github')
        facts.push('Time proof: an RFC 3161 timestamp (no public transparency log).');
    if (s && Object.keys(result.platformDigests).length)
        facts.push("Each platform manifest's signature is stored beside it as the index's is.");
    const where = [
        result.referrersMode ? `Referrers are stored via the ${result.referrersMode === 'tag-schema' ? 'tag schema' : 'referrers API'}` : '',
        s?.signatureTag || result.attest?.attestations.some((a) => a.legacyTag) ? `cosign's legacy tags are tags of \`${result.image}\`` : ''
    ].filter(Boolean);
    return [
        ...(where.length ? [`${where.join('; ')}.`, ''] : []),
        '| manifest and evidence | stored as |',
        '|---|---|',
        ...rows,
        '',
        ...facts.map((fact) => `- ${fact}`)
    ];
}
/** What a promote verified, by full digest. */
function promoteVerification(result, top) {
    const lines = [
        '| manifest | digest |',
        '|---|---|',
        ...manifests(result, top).map(([label, digest]) => `| ${label} | \`${digest}\` |`),
        ''
    ];
    for (const verified of [result.promote?.source, result.promote?.destination]) {
        if (!verified)
            continue;
        const attested = Object.entries(verified.attestations);
        lines.push(`- ${verified.where}: ${verified.signatures} signature(s) by \`${verified.identity}\` (issuer \`${verified.issuer}\`)${attested.length ? `; attested: ${attested.map(([type, count]) => `\`${type}\` (${count})`).join(', ')}` : ''}.`);
    }
    return lines;
}
/** One row per digest with a mark for each kind of evidence; the full digests and where it all is, folded away below. */
function evidenceSection(result, top) {
    const hasEvidence = result.sign || result.attest || result.promote?.source || result.promote?.destination;
    const platforms = Object.keys(result.platformDigests).length;
    if (!hasEvidence && !platforms)
        return [];
    const lines = ['**Evidence**', ''];
    if (hasEvidence) {
        const rows = result.promote ? promoteEvidence(result, top) : releaseEvidence(result, top);
        lines.push('| manifest | digest | signature | provenance | SBOM | tests |', '|---|---|:-:|:-:|:-:|:-:|');
        for (const row of rows)
            lines.push(`| ${row.join(' | ')} |`);
    }
    else {
        lines.push('| manifest | digest |', '|---|---|');
        for (const [label, digest] of manifests(result, top))
            lines.push(`| ${label} | \`${summary_short(digest)}\` |`);
    }
    lines.push('');
    if (result.promote && hasEvidence && platforms)
        lines.push(`${UNVERIFIED} not verified: promote verifies the evidence of the digest it promotes, not each platform manifest's.`, '');
    const detail = result.promote ? promoteVerification(result, top) : hasEvidence ? releaseStorage(result, top) : [];
    if (detail.length)
        lines.push(`<details><summary>${result.promote ? 'Full digests and what was verified' : 'Full digests and where the evidence is stored'}</summary>`, '', ...detail, '', '</details>', '');
    return lines;
}
/** Characters of a code-block line GitHub's summary panel shows at 1280 px without scrolling (880 px of monospace showed 107 in the render check). */
const PANEL_CODE_COLUMNS = 106;
/**
 * One changed line as a diff hunk. When a full reference would run past the panel, the image name
 * both sides share moves into a header line of its own, so the tag and digest (what changed) stay in view.
 */
function diffHunk(change) {
    const name = /^(.*?[^/:@]+)(?=[:@][^/]*$)/.exec(change.to)?.[1];
    const shared = name !== undefined && (!change.from || change.from.startsWith(name)) ? name : undefined;
    const long = Math.max(change.from.length, change.to.length) + 2 > PANEL_CODE_COLUMNS;
    if (!long || !shared)
        return [`# ${change.file}:${change.line}`, ...(change.from ? [`- ${change.from}`] : []), `+ ${change.to}`];
    const rest = (reference) => `…${reference.slice(shared.length)}`;
    return [`# ${change.file}:${change.line}`, `# ${shared}`, ...(change.from ? [`- ${rest(change.from)}`] : []), `+ ${rest(change.to)}`];
}
function renderSummary(result) {
    const lines = [headline(result), ''];
    const failed = Object.entries(result.steps).find(([, s]) => s.status === 'failed');
    if (failed) {
        // GitHub's alert syntax: the failure, and what it left behind, before anything else.
        lines.push('> [!CAUTION]', `> **Failed in ${STEP_LABEL[failed[0]]}:** ${failed[1].error ?? ''}`, '>', `> ${leftBehind(result)}`, '');
    }
    if (result.dryRun)
        lines.push('> **Dry run:** nothing was written to the registry or the deploy repository.', '');
    if (result.digest)
        lines.push('**Image**', '', '```', `${result.image}@${result.digest}`, '```', '');
    if (result.promote) {
        const p = result.promote;
        lines.push(`**Promoted** from \`${p.from.split('@')[0]}\`, same digest: no rebuild; sign and attest do not run in promote mode, the evidence is copied and verified.`, '');
        if (p.copy) {
            lines.push(`Copied ${p.copy.blobsUploaded} blob(s) (${(p.copy.bytesUploaded / (1024 * 1024)).toFixed(1)} MiB), ${p.copy.blobsMounted} mounted, ${p.copy.blobsSkipped} already there; ${p.copy.referrersCopied} signature(s), attestation(s) and legacy tag(s).`, '');
        }
    }
    if (result.push) {
        const p = result.push;
        lines.push(`Pushed ${p.blobsUploaded} blob(s), ${(p.bytesUploaded / (1024 * 1024)).toFixed(1)} MiB; ${p.blobsSkipped} already present; ${p.manifestsPushed} manifest(s).`, '');
    }
    if (result.digest)
        lines.push(...evidenceSection(result, result.digest));
    const skipped = result.attest?.sbomSkipped ?? [];
    if (skipped.length) {
        lines.push(`> **SBOM incomplete:** ${skipped.length} package metadata file(s) were not catalogued (the SBOM document says so too): ` +
            skipped
                .slice(0, 10)
                .map((s) => `\`/${s.path}\`${s.platform ? ` (${s.platform})` : ''}: ${s.reason}`)
                .join('; '), '');
    }
    if (result.tags && result.tags.entries.length) {
        lines.push('**Tags**', '', '| tag | action | old digest | new digest |', '|---|---|---|---|');
        for (const entry of result.tags.entries) {
            const action = entry.action === 'create' ? 'created' : entry.action === 'move' ? 'moved' : 'unchanged';
            lines.push(`| \`${entry.tag}\` | ${action} | ${entry.previous ? `\`${summary_short(entry.previous)}\`` : '—'} | \`${summary_short(entry.digest)}\` |`);
        }
        lines.push('');
    }
    else if (result.tagPlan && result.tagPlan.length) {
        lines.push('**Tags (planned, not applied)**', '', '| tag | would be | current digest |', '|---|---|---|');
        for (const entry of result.tagPlan)
            lines.push(`| \`${entry.tag}\` | ${entry.action} | ${entry.previous ? `\`${summary_short(entry.previous)}\`` : '—'} |`);
        lines.push('');
    }
    if (result.deploy) {
        const d = result.deploy;
        lines.push('**Deploy**', '');
        const lineage = result.digest
            ? (0,message/* deploySummaryLine */.qm)({ image: result.image, digest: result.digest, previousDigest: d.previousDigest, rollbackOf: d.rollbackOf })
            : undefined;
        if (lineage)
            lines.push(lineage, '');
        if (d.supersededBy)
            lines.push(`> A newer release holds \`${d.branch}\` (commit \`${d.supersededBy}\`); this release did not replace it.`, '');
        if (d.pullRequestUrl)
            lines.push(`Pull request #${d.pullRequestNumber} (${d.pullRequestOperation}): ${d.pullRequestUrl}`, '');
        if (d.autoMerge)
            lines.push(`Auto-merge: ${d.autoMerge === 'enabled' ? 'enabled' : d.autoMerge === 'merged' ? 'the deploy repository requires no checks, so the pull request was merged directly' : d.autoMerge === 'not-allowed' ? 'not allowed by the repository (turn on "Allow auto-merge" in its settings)' : 'could not be enabled (see the warning in the log)'}`, '');
        else if (d.commit)
            lines.push(`Commit \`${d.commit}\` on \`${d.branch}\``, '');
        if (d.changes.length) {
            // A diff rather than a table: the references are the point and are long, and a code block
            // scrolls where a table cell would wrap them or push the table past the panel.
            lines.push('```diff');
            for (const c of d.changes)
                lines.push(...diffHunk(c));
            lines.push('```', '');
        }
    }
    lines.push('**Steps**', '', '| step | status | duration |', '|---|---|---|');
    for (const [name, step] of Object.entries(result.steps)) {
        lines.push(`| ${STEP_LABEL[name]} | ${STATUS_MARK[step.status]}${step.reason ? ` (${step.reason})` : ''} | ${seconds(step.durationMs)} |`);
    }
    lines.push('');
    const commands = verifyCommands(result);
    if (commands.length)
        lines.push('**Verify**', '', '```sh', ...commands, '```', '');
    return lines.join('\n');
}

// EXTERNAL MODULE: ./src/net/logger.ts
var logger = __nccwpck_require__(39691);
// EXTERNAL MODULE: ./src/sigstore/instance.ts
var instance = __nccwpck_require__(69799);
// EXTERNAL MODULE: ./src/oci/registry/client.ts + 1 modules
var registry_client = __nccwpck_require__(81570);
;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
;// CONCATENATED MODULE: ./src/oci/registry/credentials.ts
// Where registry credentials come from, in order: the `username`/`password` inputs, the Docker
// config (what docker/login-action leaves behind, including credential helpers), then the
// GitHub token for ghcr.io.




const DOCKER_HUB_KEYS = ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'];
async function resolveCredential(options) {
    if (options.username || options.password) {
        if (!options.username || !options.password) {
            throw new Error('`username` and `password` go together: give both, or neither to use the Docker config');
        }
        return { credential: { username: options.username, password: options.password }, source: 'inputs' };
    }
    const fromDocker = await fromDockerConfig(options);
    if (fromDocker)
        return fromDocker;
    if (options.githubToken && /^ghcr\.io$|\.ghcr\.io$|^containers\./.test(options.registry)) {
        return { credential: { username: 'x-access-token', password: options.githubToken }, source: 'github-token' };
    }
    return { source: 'anonymous' };
}
async function fromDockerConfig(options) {
    const dir = options.dockerConfigDir || (0,external_node_path_.join)((0,external_node_os_namespaceObject.homedir)(), '.docker');
    let config;
    try {
        config = JSON.parse(await (0,promises_.readFile)((0,external_node_path_.join)(dir, 'config.json'), 'utf8'));
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw new Error(`the Docker config ${(0,external_node_path_.join)(dir, 'config.json')} cannot be read: ${error.message}`);
    }
    const keys = configKeys(options.registry);
    const runHelper = options.runHelper ?? runCredentialHelper;
    const helper = keys.map((k) => config.credHelpers?.[k]).find(Boolean);
    if (helper)
        return { credential: parseHelperOutput(await runHelper(helper, keys[0]), helper), source: 'credential-helper' };
    for (const key of keys) {
        const entry = config.auths?.[key];
        if (!entry)
            continue;
        if (entry.identitytoken)
            return { credential: { identityToken: entry.identitytoken, username: entry.username }, source: 'docker-config' };
        if (entry.username && entry.password)
            return { credential: { username: entry.username, password: entry.password }, source: 'docker-config' };
        if (entry.auth) {
            const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            if (colon > 0)
                return { credential: { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) }, source: 'docker-config' };
        }
    }
    if (config.credsStore) {
        try {
            return { credential: parseHelperOutput(await runHelper(config.credsStore, keys[0]), config.credsStore), source: 'credential-helper' };
        }
        catch (error) {
            // A store that knows nothing of this registry is not an error: go on to the next source.
            if (/credentials not found/i.test(error.message))
                return undefined;
            throw error;
        }
    }
    return undefined;
}
/** The keys a Docker config may file a registry under. */
function configKeys(registry) {
    if (registry === 'docker.io')
        return DOCKER_HUB_KEYS;
    return [registry, `https://${registry}`, `http://${registry}`, `https://${registry}/v1/`, `https://${registry}/v2/`];
}
function parseHelperOutput(output, helper) {
    let parsed;
    try {
        parsed = JSON.parse(output);
    }
    catch {
        throw new Error(`docker-credential-${helper} returned something that is not JSON`);
    }
    if (!parsed.Secret)
        throw new Error(`docker-credential-${helper} returned no secret`);
    // `<token>` as user name marks an identity (refresh) token, as the Docker CLI does.
    if (parsed.Username === '<token>')
        return { identityToken: parsed.Secret };
    return { username: parsed.Username, password: parsed.Secret };
}
function runCredentialHelper(helper, serverUrl) {
    if (!/^[A-Za-z0-9_.-]+$/.test(helper))
        return Promise.reject(new Error(`credential helper name "${helper}" is not valid`));
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.execFile)(`docker-credential-${helper}`, ['get'], { timeout: 30_000 }, (error, stdout, stderr) => {
            if (error) {
                const message = `${stdout}${stderr}`.trim() || error.message;
                reject(new Error(`docker-credential-${helper} get failed: ${message}`));
            }
            else
                resolve(stdout);
        });
        child.stdin?.end(serverUrl);
    });
}
/** Every secret a credential holds, for masking. */
function credentialSecrets(credential) {
    if (!credential)
        return [];
    const secrets = [credential.password, credential.identityToken].filter((s) => Boolean(s));
    if (credential.username && credential.password)
        secrets.push(Buffer.from(`${credential.username}:${credential.password}`).toString('base64'));
    return secrets;
}

// EXTERNAL MODULE: ./src/oci/layout/read.ts + 1 modules
var read = __nccwpck_require__(34199);
// EXTERNAL MODULE: ./src/sigstore/identity.ts
var identity = __nccwpck_require__(75414);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __nccwpck_require__(14006);
var picomatch_default = /*#__PURE__*/__nccwpck_require__.n(picomatch);
// EXTERNAL MODULE: ./src/oci/errors.ts
var errors = __nccwpck_require__(28630);
;// CONCATENATED MODULE: ./src/steps/tags.ts
// Tags: checked before anything is written, applied after everything else succeeded, and never
// moved from another digest unless the tag matches `mutable-tags`. "A tag is a wish; a digest is a fact."



/** Another release claimed a tag while this one ran; the tags written before are in `partial`. */
class TagRaceError extends PartialStepError {
    name = 'TagError';
}
function mutableMatcher(patterns) {
    if (patterns.length === 0)
        return () => false;
    const matchers = patterns.map((p) => picomatch_default()(p, { dot: true }));
    return (tag) => matchers.some((m) => m(tag));
}
function conflictMessage(image, tag, current, wanted, when) {
    const lead = when === 'preflight'
        ? `tag ${image}:${tag} already names ${current}; this release would give it ${wanted}.`
        : when === 'race'
            ? `tag ${image}:${tag} was created by someone else while this release ran: it names ${current}, not ${wanted}. It was not overwritten.`
            : `tag ${image}:${tag} was written by another release at the same moment as this one, and the registry kept theirs: it names ${current}, not ${wanted}. This release does not claim it.`;
    return `${lead} Tags are immutable unless they match \`mutable-tags\`: release under a new tag (e.g. a new version), or add "${tag}" (or a pattern such as "${tag.replace(/[0-9].*$/, '') || tag}*") to \`mutable-tags\` if this tag is meant to move.`;
}
/** Resolves every tag and refuses, before any blob is pushed, to move an immutable one. */
async function planTags(options) {
    const isMutable = mutableMatcher(options.mutableTags);
    const plan = [];
    const conflicts = [];
    for (const tag of options.tags) {
        const head = await options.client.headManifest(tag);
        const mutable = isMutable(tag);
        if (!head)
            plan.push({ tag, mutable, action: 'create' });
        else if (head.digest === options.digest)
            plan.push({ tag, mutable, previous: head.digest, action: 'unchanged' });
        else if (mutable)
            plan.push({ tag, mutable, previous: head.digest, action: 'move' });
        else
            conflicts.push(conflictMessage(options.image, tag, head.digest, options.digest, 'preflight'));
    }
    if (conflicts.length)
        throw new TagError(conflicts.join('\n'));
    return plan;
}
/**
 * Writes the tags. Each is resolved again first: a tag someone created since the plan is left
 * alone when it is immutable, and reported as a race.
 */
async function applyTags(options) {
    const isMutable = mutableMatcher(options.mutableTags);
    const result = { tags: [...options.tags], created: [], unchanged: [], moved: [], entries: [] };
    const races = [];
    for (const tag of options.tags) {
        const mutable = isMutable(tag);
        const head = await options.client.headManifest(tag);
        if (head?.digest === options.digest) {
            result.unchanged.push(tag);
            result.entries.push({ tag, mutable, previous: head.digest, action: 'unchanged', digest: options.digest });
            continue;
        }
        if (head && !mutable) {
            races.push(conflictMessage(options.image, tag, head.digest, options.digest, 'race'));
            continue;
        }
        try {
            await options.client.putManifest(tag, options.manifest.bytes, options.manifest.mediaType);
        }
        catch (error) {
            throw mapRegistryImmutability(error, options.image, tag, options.digest);
        }
        // Registries have no compare-and-swap for tags: read the tag back, and claim it only if it still
        // names this digest. Another release that wrote it at the same moment has won it.
        const written = await options.client.headManifest(tag);
        if (written?.digest !== options.digest) {
            const now = written?.digest ?? '(nothing)';
            if (mutable)
                options.logger?.warning(`tag ${options.image}:${tag} was moved to ${now} by another writer just after this release wrote it`);
            else
                races.push(conflictMessage(options.image, tag, now, options.digest, 'lost'));
            continue;
        }
        if (head) {
            result.moved.push(tag);
            result.entries.push({ tag, mutable, previous: head.digest, action: 'move', digest: options.digest });
        }
        else {
            result.created.push(tag);
            result.entries.push({ tag, mutable, action: 'create', digest: options.digest });
        }
    }
    if (races.length)
        throw new TagRaceError(races.join('\n'), result);
    return result;
}
/** Registries that enforce immutability themselves (ECR, Artifact Registry) say so in their own words. */
function mapRegistryImmutability(error, image, tag, digest) {
    if (!(error instanceof errors/* RegistryError */.g))
        return error;
    const text = `${error.request.body ?? ''} ${error.message}`;
    if (error.hasCode('TAG_INVALID') || /ImageTagAlreadyExistsException|tag.*immutable|immutable.*tag|cannot be overwritten/i.test(text)) {
        return new TagError(`the registry refused to point ${image}:${tag} at ${digest} because it enforces tag immutability itself (${error.message}). Release under a new tag, or, if this tag is meant to move, exclude it from the repository's immutability setting (ECR: imageTagMutability; Artifact Registry: immutable tags).`);
    }
    return error;
}

;// CONCATENATED MODULE: ./src/steps/preflight.ts
// The preflight step: everything that can be checked before anything is written. Credentials are
// resolved, the layout entry chosen, every tag resolved (an immutable tag that names another digest
// stops the run here), a given SBOM file validated, and the OIDC token requested when signing.










/** A client for one repository, with its credentials resolved (inputs, Docker config, `github-token` for ghcr.io) and masked. */
async function registryClientFor(image, credentials, options, what) {
    const resolved = await resolveCredential({
        registry: image.registry,
        username: credentials.username,
        password: credentials.password,
        githubToken: options.githubToken,
        dockerConfigDir: options.dockerConfigDir
    });
    for (const secret of credentialSecrets(resolved.credential))
        options.onSecret(secret);
    options.logger.info(`${what} credentials: ${resolved.source}`);
    const client = new registry_client/* RegistryClient */.bP({
        registry: image.registry,
        repository: image.repository,
        credential: resolved.credential,
        insecureRegistries: options.insecureRegistries,
        onSecret: options.onSecret,
        logger: options.logger
    });
    return { client, source: resolved.source };
}
async function preflight(options) {
    const { logger } = options;
    const { client, source: credentialSource } = await registryClientFor(options.image, options, options, 'registry');
    const layout = await (0,read/* openLayout */.B9)(options.layoutPath, { tempDir: options.tempDir });
    try {
        const entry = (0,read/* selectEntry */.J9)(layout, options.layoutRef);
        logger.info(`layout entry: ${entry.digest} (${entry.mediaType})`);
        options.onDigest?.(entry.digest);
        const result = { client, credentialSource, layout, entry };
        // The registry is reached (and the credentials tried) now, not first in the push step: by the tag
        // plan below when there are tags, else by asking for the digest itself.
        if (!options.tags.length && (await client.headManifest(entry.digest)))
            logger.info(`the registry already holds ${entry.digest}`);
        if (options.tags.length) {
            result.tagPlan = await planTags({
                client,
                image: options.imageName,
                tags: options.tags,
                mutableTags: options.mutableTags,
                digest: entry.digest
            });
            for (const plan of result.tagPlan)
                logger.info(`tag ${plan.tag}: ${plan.action}${plan.previous ? ` (now ${plan.previous})` : ''}`);
        }
        if (options.sbom !== 'none' && options.sbom !== 'generate') {
            result.sbomFile = await loadGivenSbom(options.sbom);
            logger.info(`sbom: ${options.sbom} is ${result.sbomFile.format} ${result.sbomFile.version}`);
        }
        if (options.testResults?.patterns.length) {
            result.testResults = await readTestResults(options.testResults.patterns, options.testResults.root);
            const passed = result.testResults.reduce((n, file) => n + file.passed.length, 0);
            const failed = result.testResults.reduce((n, file) => n + file.failed.length, 0);
            logger.info(`test results: ${result.testResults.length} JUnit file(s), ${passed} passed, ${failed} failed`);
        }
        if (options.requestIdentityToken) {
            result.identityToken = await options.requestIdentityToken();
            result.claims = (0,identity.decodeTokenClaims)(result.identityToken);
            if (options.sigstore) {
                const visibility = typeof result.claims.repository_visibility === 'string' ? result.claims.repository_visibility : undefined;
                try {
                    result.sigstoreInstance = (0,instance/* resolveSigstoreInstance */.iT)({ ...options.sigstore, visibility });
                }
                catch (error) {
                    if (error instanceof instance/* InstanceChoiceError */.f$)
                        throw new InputError('sigstore-instance', error.message, { cause: error });
                    throw error;
                }
                logger.info(`sigstore: ${result.sigstoreInstance.instance} (${result.sigstoreInstance.reason})`);
            }
        }
        return result;
    }
    catch (error) {
        await layout.close();
        throw error;
    }
}
async function loadGivenSbom(path) {
    // Loaded only when a file is given: the JSON schemas are large, and a plain push should start fast.
    const { loadSbomFile, SbomFileError } = await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(723)]).then(__nccwpck_require__.bind(__nccwpck_require__, 73723));
    try {
        return await loadSbomFile(path);
    }
    catch (error) {
        if (error instanceof SbomFileError)
            throw new InputError('sbom', error.message, { cause: error });
        throw error;
    }
}
/** Every file the patterns name under `root`, parsed as JUnit XML; a pattern that names nothing, or a file that is not JUnit, is an input error. */
async function readTestResults(patterns, root) {
    const { parseJUnit, JUnitError } = await Promise.all(/* import() */[__nccwpck_require__.e(879), __nccwpck_require__.e(700)]).then(__nccwpck_require__.bind(__nccwpck_require__, 72700));
    const files = [];
    const seen = new Set();
    for (const pattern of patterns) {
        const matches = await findFiles(root, pattern);
        if (matches.length === 0)
            throw new InputError('test-results', `"${pattern}" matches no file under ${root}; give the JUnit XML reports your tests wrote`);
        for (const path of matches) {
            if (seen.has(path))
                continue;
            seen.add(path);
            try {
                files.push(parseJUnit(path, await (0,promises_.readFile)((0,external_node_path_.join)(root, path))));
            }
            catch (error) {
                if (error instanceof JUnitError)
                    throw new InputError('test-results', error.message, { cause: error });
                throw error;
            }
        }
    }
    return files;
}
/** Files under `root` matching a glob, relative to it; a plain path is taken as it is. */
async function findFiles(root, pattern) {
    const relativePattern = (0,external_node_path_.isAbsolute)(pattern) ? (0,external_node_path_.relative)(root, pattern) : pattern;
    if (!picomatch_default().scan(relativePattern).isGlob) {
        const info = await (0,promises_.stat)((0,external_node_path_.join)(root, relativePattern)).catch(() => undefined);
        return info?.isFile() ? [relativePattern] : [];
    }
    const isMatch = picomatch_default()(relativePattern, { dot: true });
    const found = [];
    const walk = async (directory, depth) => {
        if (depth > 12 || found.length > 10_000)
            return;
        for (const entry of await (0,promises_.readdir)((0,external_node_path_.join)(root, directory), { withFileTypes: true }).catch(() => [])) {
            if (entry.name === '.git' || entry.name === 'node_modules')
                continue;
            const path = directory ? `${directory}/${entry.name}` : entry.name;
            if (entry.isDirectory())
                await walk(path, depth + 1);
            else if (entry.isFile() && isMatch(path))
                found.push(path);
        }
    };
    await walk('', 0);
    return found.sort();
}
/**
 * Promote mode: the source is resolved to one digest (a tag, once) and must exist; the destination
 * is reachable with its credentials and its tags are planned (immutability as in release mode).
 */
async function preflightPromote(options) {
    const { logger } = options;
    const sourceName = `${options.source.registry}/${options.source.repository}`;
    const { client: source } = await registryClientFor(options.source, { username: options.sourceUsername, password: options.sourcePassword }, options, 'source');
    const { client: destination } = await registryClientFor(options.image, options, options, 'destination');
    const reference = options.source.digest ?? options.source.tag;
    const named = `${sourceName}${options.source.digest ? '@' : ':'}${reference}`;
    if (options.source.digest)
        options.onSourceDigest?.({ source, sourceName, destination }, options.source.digest);
    // Reachability and credentials of the destination, before anything is written; with the digest
    // given, that check does not wait for the source's answer (whose failure is still the one told).
    const destinationCheck = options.source.digest ? destination.headManifest(options.source.digest) : undefined;
    destinationCheck?.catch(() => undefined);
    let head;
    try {
        head = await source.headManifest(reference);
    }
    catch (error) {
        throw new InputError('source', `${named} cannot be read: ${error.message}`, { cause: error });
    }
    if (!head)
        throw new InputError('source', `${sourceName} has no manifest ${reference}; check the digest or tag (and source-username/source-password)`);
    if (options.source.digest && head.digest !== options.source.digest) {
        throw new InputError('source', `${sourceName}@${options.source.digest} answered with the digest ${head.digest}`);
    }
    if (!options.source.digest) {
        logger.info(`source ${sourceName}:${options.source.tag} resolves to ${head.digest}; everything after runs by that digest`);
        options.onSourceDigest?.({ source, sourceName, destination }, head.digest);
    }
    const result = { source, destination, sourceName, digest: head.digest, mediaType: head.mediaType };
    await (destinationCheck ?? destination.headManifest(head.digest));
    if (options.tags.length) {
        result.tagPlan = await planTags({
            client: destination,
            image: options.imageName,
            tags: options.tags,
            mutableTags: options.mutableTags,
            digest: head.digest
        });
        for (const plan of result.tagPlan)
            logger.info(`tag ${plan.tag}: ${plan.action}${plan.previous ? ` (now ${plan.previous})` : ''}`);
    }
    return result;
}

;// CONCATENATED MODULE: ./src/steps/layout.ts
// The layout step: read the chosen entry's manifest tree and check that every blob is there with its
// size, so a broken layout fails before anything is pushed. The bytes themselves are hashed later,
// as they stream to the registry.

async function readLayoutImage(options) {
    const image = await (0,read/* loadImage */.yt)(options.layout, options.entry);
    return { image, platformDigests: (0,read/* platformDigestsOf */.c)(image) };
}

// EXTERNAL MODULE: ./src/net/concurrency.ts
var concurrency = __nccwpck_require__(69880);
// EXTERNAL MODULE: ./src/oci/registry/blobs.ts
var registry_blobs = __nccwpck_require__(4345);
;// CONCATENATED MODULE: ./src/steps/push.ts
// The push step: blobs (largest first, in parallel, skipping what the registry has), then platform
// manifests, then the top manifest, all by digest. Tags come later, in their own step.




async function pushImage(options) {
    const { client, layout, image, logger } = options;
    const uploadOptions = { ...registry_blobs/* DEFAULT_UPLOAD_OPTIONS */.F, ...options.upload };
    const manifests = (0,read/* manifestsBottomUp */.dt)(image);
    const blobsByDigest = new Map();
    for (const node of manifests)
        for (const blob of node.blobs)
            blobsByDigest.set(blob.digest, blob);
    const blobs = [...blobsByDigest.values()].sort((a, b) => b.size - a.size);
    const totalBytes = blobs.reduce((sum, b) => sum + b.size, 0);
    let sentBytes = 0;
    let blobsUploaded = 0;
    let blobsSkipped = 0;
    let bytesUploaded = 0;
    const started = Date.now();
    const progress = setInterval(() => {
        const seconds = (Date.now() - started) / 1000;
        const rate = sentBytes / Math.max(seconds, 0.001);
        const remaining = Math.max(0, totalBytes - sentBytes);
        const eta = rate > 0 ? `${Math.ceil(remaining / rate)}s` : '?';
        logger.info(`uploaded ${mib(sentBytes)} of at most ${mib(totalBytes)} MiB (${mib(rate)} MiB/s, ETA ${eta})`);
    }, options.progressIntervalMs ?? 5000);
    progress.unref();
    try {
        await (0,concurrency/* forEachLimit */.Gm)(blobs, options.concurrency ?? 4, async (blob) => {
            if (await client.blobExists(blob.digest)) {
                blobsSkipped++;
                logger.debug(`blob ${blob.digest} (${blob.size} bytes) is already there`);
                return;
            }
            await (0,registry_blobs/* uploadBlob */.P)(client, layout.blob(blob), { ...uploadOptions, onBytes: (n) => (sentBytes += n) });
            blobsUploaded++;
            bytesUploaded += blob.size;
            logger.info(`pushed blob ${blob.digest} (${blob.size} bytes)`);
        });
    }
    finally {
        clearInterval(progress);
    }
    const platformDigests = {};
    for (const node of manifests) {
        const { digest } = await client.putManifest(node.descriptor.digest, node.bytes, node.mediaType);
        if (digest !== node.descriptor.digest) {
            throw new errors/* RegistryError */.g(`manifest bytes hash to ${digest} but the layout names them ${node.descriptor.digest}`, {
                method: 'PUT',
                url: client.url(`/v2/${client.repository}/manifests/${digest}`).href
            });
        }
        if (node !== image && node.platform && node.platform !== 'unknown/unknown')
            platformDigests[node.platform] = digest;
        logger.info(`pushed ${node.kind === 'index' ? 'index' : 'manifest'} ${digest}${node.platform ? ` (${node.platform})` : ''}`);
    }
    return {
        digest: image.descriptor.digest,
        mediaType: image.mediaType,
        size: image.bytes.length,
        platformDigests,
        blobsUploaded,
        blobsSkipped,
        blobsMounted: 0,
        bytesUploaded,
        manifestsPushed: manifests.length
    };
}
function mib(bytes) {
    return (bytes / (1024 * 1024)).toFixed(1);
}

;// CONCATENATED MODULE: ./src/main.ts
// run(): read the inputs and the runner context, run the steps in order, and turn a failure into one
// error naming its step. Outputs are set by the step runner as each step ends; the job summary and
// the `result` output are written last, whatever happened. Steps past the push are loaded only when
// they run, so a plain push starts fast.















const runnerLogger = {
    info: (message) => info(message),
    warning: (message) => warning(message),
    debug: (message) => debug(message)
};
async function run() {
    let result;
    try {
        const context = readRunnerContext();
        // Every connection of the run honours the runner's proxy variables (git gets them per remote).
        (0,http/* configureProxy */.BU)(context.childEnvironment);
        const inputs = readInputs((name) => getInput(name));
        await alignSigstoreProxy([
            ...Object.values(instance/* SIGSTORE_INSTANCES */.QJ).flatMap((services) => [services.fulcioUrl, services.rekorUrl, services.tsaUrl]),
            ...Object.values(instance/* TUF_MIRRORS */.hz),
            inputs.fulcioUrl,
            inputs.rekorUrl,
            inputs.tsaUrl
        ].filter((url) => Boolean(url)));
        if (inputs.imageNotice)
            notice(inputs.imageNotice);
        for (const secret of [inputs.password, inputs.githubToken, inputs.deployToken])
            if (secret)
                setSecret(secret);
        result = emptyResult(inputs.imageName, inputs.dryRun, inputs.tags, context.repositoryOwner, context.repository, inputs.mode);
        if (inputs.promote)
            await promote(inputs, inputs.promote, context, result);
        else
            await release(inputs, context, result);
    }
    catch (error) {
        const message = error instanceof StepFailure ? `${error.step} failed: ${error.message}` : error instanceof Error ? error.message : String(error);
        if (error instanceof StepFailure && error.original instanceof Error && error.original.cause instanceof Error) {
            debug(`cause: ${error.original.cause.message}`);
        }
        setFailed(message);
    }
    finally {
        if (result) {
            setOutput('result', JSON.stringify(result));
            try {
                appendSummary(renderSummary(result));
            }
            catch (error) {
                warning(`the job summary could not be written: ${error.message}`);
            }
        }
    }
}
/** The destination repository and how to reach it: the same in both modes. */
function destination(inputs, context) {
    return {
        image: inputs.image,
        imageName: inputs.imageName,
        username: inputs.username,
        password: inputs.password,
        githubToken: inputs.githubToken,
        insecureRegistries: inputs.insecureRegistries,
        dockerConfigDir: context.dockerConfigDir
    };
}
function needsSigstore(inputs) {
    return inputs.sign || inputs.provenance || inputs.sbom !== 'none' || inputs.testResults.length > 0;
}
async function release(inputs, context, result) {
    const steps = new StepRunner(result);
    let layout;
    let deployCheck;
    try {
        const checked = await steps.run('preflight', () => withDeployCheck(inputs, context, () => preflight({
            ...destination(inputs, context),
            layoutPath: inputs.layout,
            layoutRef: inputs.layoutRef,
            tempDir: context.tempDir,
            tags: inputs.tags,
            mutableTags: inputs.mutableTags,
            sbom: inputs.sbom,
            testResults: inputs.testResults.length ? { patterns: inputs.testResults, root: context.workspace } : undefined,
            requestIdentityToken: !inputs.dryRun && needsSigstore(inputs) ? () => requestIdentityToken(inputs.oidcAudience) : undefined,
            sigstore: {
                choice: inputs.sigstoreInstance,
                serverUrl: context.serverUrl,
                overrides: { fulcioUrl: inputs.fulcioUrl, rekorUrl: inputs.rekorUrl, tsaUrl: inputs.tsaUrl }
            },
            onSecret: (secret) => setSecret(secret),
            onDigest: (digest) => {
                result.digest = digest;
                result.imageRef = `${inputs.imageName}@${digest}`;
            },
            logger: runnerLogger
        }), (checked) => checked.entry.digest), (checked) => {
            result.tagPlan = checked.tagPlan;
            if (checked.sigstoreInstance)
                result.sigstore = { instance: checked.sigstoreInstance.instance, reason: checked.sigstoreInstance.reason };
            result.digest = checked.entry.digest;
            result.imageRef = `${inputs.imageName}@${checked.entry.digest}`;
        });
        layout = checked.layout;
        deployCheck = checked.deployCheck;
        const { client, entry } = checked;
        const { image } = await steps.run('layout', () => readLayoutImage({ layout: checked.layout, entry }), (read) => {
            result.platformDigests = read.platformDigests;
        });
        if (inputs.dryRun) {
            for (const name of ['push', 'sign', 'attest', 'tags'])
                steps.skip(name, 'dry run');
            steps.publishOutputs();
            return await deploy(inputs, context, result, steps, entry.digest, deployCheck);
        }
        // The run's one Fulcio certificate is requested while the blobs upload.
        const signer = needsSigstore(inputs) ? await runSigner(checked, runnerLogger) : undefined;
        const pushed = await steps.run('push', () => pushImage({ client, layout: checked.layout, image, logger: runnerLogger }), (pushed) => {
            result.push = pushed;
            result.platformDigests = pushed.platformDigests;
        });
        if (!signer) {
            steps.skip('sign', '`sign: false`');
            steps.skip('attest', '`provenance: false` and `sbom: none`');
        }
        else {
            const [{ Referrers }, { expectedIdentity }] = await Promise.all([
                __nccwpck_require__.e(/* import() */ 985).then(__nccwpck_require__.bind(__nccwpck_require__, 26985)),
                Promise.resolve(/* import() */).then(__nccwpck_require__.bind(__nccwpck_require__, 75414))
            ]);
            const claims = checked.claims;
            const services = checked.sigstoreInstance;
            const referrers = Referrers.of(client);
            const verifier = await evidenceVerifier(inputs, context, services);
            const publisher = await attestationPublisher(inputs, context);
            const publish = publisher ? (bundle) => publisher.publish(bundle) : undefined;
            if (!inputs.sign)
                steps.skip('sign', '`sign: false`');
            else {
                const { signImage, signingTargets } = await Promise.all(/* import() */[__nccwpck_require__.e(917), __nccwpck_require__.e(929)]).then(__nccwpck_require__.bind(__nccwpck_require__, 66310));
                await steps.run('sign', () => signImage({
                    client,
                    referrers,
                    imageName: inputs.imageName,
                    targets: signingTargets(image),
                    signer,
                    format: inputs.signatureFormat,
                    identity: expectedIdentity(claims, context.serverUrl),
                    verifier,
                    publish,
                    outputDir: context.tempDir,
                    now: () => new Date(),
                    logger: runnerLogger
                }), ({ targets: _targets, referrersMode, ...signed }) => {
                    result.sign = signed;
                    if (referrersMode)
                        result.referrersMode = referrersMode;
                });
            }
            if (!inputs.provenance && inputs.sbom === 'none' && !checked.testResults)
                steps.skip('attest', '`provenance: false`, `sbom: none` and no `test-results`');
            else {
                const [{ attestImage, layerOpener, readPlatformImages }, { buildProvenancePredicate }, { buildTestResultPredicate }] = await Promise.all([Promise.all(/* import() */[__nccwpck_require__.e(917), __nccwpck_require__.e(815), __nccwpck_require__.e(118), __nccwpck_require__.e(723), __nccwpck_require__.e(941)]).then(__nccwpck_require__.bind(__nccwpck_require__, 13941)), __nccwpck_require__.e(/* import() */ 53).then(__nccwpck_require__.bind(__nccwpck_require__, 13815)), Promise.all(/* import() */[__nccwpck_require__.e(879), __nccwpck_require__.e(700)]).then(__nccwpck_require__.bind(__nccwpck_require__, 72700))]);
                await steps.run('attest', async () => {
                    const platforms = await readPlatformImages(checked.layout, image);
                    return attestImage({
                        client,
                        referrers,
                        imageName: inputs.imageName,
                        top: image.descriptor,
                        platforms,
                        signer,
                        format: inputs.signatureFormat,
                        provenance: inputs.provenance ? buildProvenancePredicate(context.serverUrl, claims) : undefined,
                        testResult: checked.testResults ? buildTestResultPredicate(checked.testResults, context.runUrl) : undefined,
                        sbom: inputs.sbom === 'none'
                            ? { mode: 'none' }
                            : checked.sbomFile
                                ? { mode: 'file', file: checked.sbomFile, path: inputs.sbom }
                                : { mode: 'generate', format: inputs.sbomFormat },
                        openBlob: layerOpener(checked.layout, platforms),
                        publish,
                        outputDir: context.tempDir,
                        now: () => new Date(),
                        toolName: 'digest-release',
                        logger: runnerLogger
                    });
                }, (attested) => {
                    result.attest = attested;
                    result.referrersMode ??= referrers.detectedMode;
                    if (publisher && context.repository)
                        result.githubAttestations = { ids: publisher.ids, url: `${context.serverUrl}/${context.repository}/attestations` };
                });
            }
        }
        if (inputs.tags.length === 0)
            steps.skip('tags', 'no `tags` given');
        else {
            await steps.run('tags', () => applyTags({
                client,
                image: inputs.imageName,
                tags: inputs.tags,
                mutableTags: inputs.mutableTags,
                digest: pushed.digest,
                manifest: { bytes: image.bytes, mediaType: image.mediaType },
                logger: runnerLogger
            }), (tags) => (result.tags = tags));
        }
        await deploy(inputs, context, result, steps, pushed.digest, deployCheck);
    }
    finally {
        await layout?.close();
        if (deployCheck)
            await (0,promises_.rm)(deployCheck.clone, { recursive: true, force: true });
    }
}
/**
 * What existing evidence is verified against: the `trusted-root` file, or the instance's TUF
 * repository. With the instance's services overridden and no file there is none, and nothing found
 * in the registry is reused.
 */
async function evidenceVerifier(inputs, context, services) {
    const overridden = Boolean(inputs.fulcioUrl || inputs.rekorUrl || inputs.tsaUrl);
    const { resolveTrustedRoot, createBundleVerifier } = await Promise.all(/* import() */[__nccwpck_require__.e(917), __nccwpck_require__.e(40), __nccwpck_require__.e(187), __nccwpck_require__.e(132)]).then(__nccwpck_require__.bind(__nccwpck_require__, 66132));
    const trustedRoot = await resolveTrustedRoot({
        trustedRootPath: inputs.trustedRoot,
        instance: overridden ? 'custom' : services.instance,
        cacheDir: context.tempDir,
        logger: { ...runnerLogger, warning: (message) => runnerLogger.info(`${message}; existing signatures will not be reused`) }
    });
    return trustedRoot ? createBundleVerifier(trustedRoot) : undefined;
}
/** The repository's GitHub attestations API, when asked for and a token and repository are known. */
async function attestationPublisher(inputs, context) {
    if (!inputs.githubAttestations || !inputs.githubToken || !context.repository)
        return undefined;
    const [{ GitHubClient }, { AttestationPublisher }] = await Promise.all([__nccwpck_require__.e(/* import() */ 584).then(__nccwpck_require__.bind(__nccwpck_require__, 96584)), __nccwpck_require__.e(/* import() */ 936).then(__nccwpck_require__.bind(__nccwpck_require__, 72936))]);
    const [owner, repo] = context.repository.split('/');
    return new AttestationPublisher(new GitHubClient(context.apiUrl, inputs.githubToken, runnerLogger), { owner, repo }, runnerLogger);
}
/**
 * Promote mode: a digest already in a registry moves to `image` without a rebuild. Its evidence is
 * verified at the source, copied with the bytes, and verified again at the destination before any tag.
 */
async function promote(inputs, options, context, result) {
    const steps = new StepRunner(result);
    // The trust material and the code load while preflight talks to the registries. Read once, for both ends.
    const trusted = promoteVerifier(inputs, context);
    trusted.catch(() => undefined);
    const modules = Promise.all([__nccwpck_require__.e(/* import() */ 202).then(__nccwpck_require__.bind(__nccwpck_require__, 23202)), __nccwpck_require__.e(/* import() */ 985).then(__nccwpck_require__.bind(__nccwpck_require__, 26985)), __nccwpck_require__.e(/* import() */ 28).then(__nccwpck_require__.bind(__nccwpck_require__, 86028))]);
    modules.catch(() => undefined);
    const verifyAt = async (where, at, digest, logger) => {
        const [{ verifyEvidence }, { Referrers }] = await modules;
        return verifyEvidence({
            ...at,
            referrers: Referrers.of(at.client),
            digest,
            // The evidence is read while the verifier may still be loading.
            verifier: trusted,
            identity: options.verifyIdentity,
            issuer: options.verifyIssuer,
            attestations: options.verifyAttestations,
            where,
            logger
        });
    };
    // Work that only reads (or verifies what it read) need not wait for the destination's and the
    // deploy repository's checks: once the source digest is known, the source is verified and what
    // the copy will write is read. Both are told in their own steps; nothing is written before both pass.
    let ahead;
    const readAhead = ({ source, sourceName, destination }, digest) => {
        const log = new logger/* HeldLogger */.m();
        const verified = verifyAt('source', { client: source, imageName: sourceName }, digest, log);
        verified.catch(() => undefined);
        // A dry run copies nothing, so it has nothing to plan.
        const plan = inputs.dryRun
            ? undefined
            : modules.then(([, , { planCopy }]) => planCopy(source, destination, digest, options.copyReferrers));
        plan?.catch(() => undefined);
        ahead = { startedAt: Date.now(), log, verified, plan };
    };
    const checked = await steps.run('preflight', () => withDeployCheck(inputs, context, () => preflightPromote({
        ...destination(inputs, context),
        tags: inputs.tags,
        mutableTags: inputs.mutableTags,
        source: options.source,
        sourceUsername: options.sourceUsername,
        sourcePassword: options.sourcePassword,
        onSourceDigest: readAhead,
        onSecret: (secret) => setSecret(secret),
        logger: runnerLogger
    }), (checked) => checked.digest), (checked) => {
        result.digest = checked.digest;
        result.imageRef = `${inputs.imageName}@${checked.digest}`;
        result.tagPlan = checked.tagPlan;
        result.promote = { from: `${checked.sourceName}@${checked.digest}` };
    });
    try {
        const { digest } = checked;
        const [, , { copyStep }] = await modules;
        if (!ahead)
            readAhead(checked, digest);
        const early = ahead;
        await steps.run('verify', () => early.verified.finally(() => early.log.replay(runnerLogger)), (verified) => (result.promote.source = verified), early.startedAt);
        if (inputs.dryRun) {
            for (const name of ['copy', 'reverify', 'tags'])
                steps.skip(name, 'dry run');
            steps.publishOutputs();
            return await deploy(inputs, context, result, steps, digest, checked.deployCheck);
        }
        // Verifying again starts once the evidence is at the destination, while the image's layers are
        // still on their way; what it says is held for its own group.
        let again;
        const atDestination = { client: checked.destination, imageName: inputs.imageName };
        await steps.run('copy', async () => copyStep({
            source: checked.source,
            destination: checked.destination,
            digest,
            copyReferrers: options.copyReferrers,
            plan: await early.plan,
            onEvidenceCopied: () => {
                const log = new logger/* HeldLogger */.m();
                again = { startedAt: Date.now(), log, verified: verifyAt('destination', atDestination, digest, log) };
                again.verified.catch(() => undefined);
            },
            logger: runnerLogger
        }), (copied) => {
            result.promote.copy = copied;
            result.platformDigests = copied.platformDigests;
        });
        if (!options.copyReferrers)
            steps.skip('reverify', '`copy-referrers: false`: no evidence was copied');
        else {
            await steps.run('reverify', async () => {
                if (again) {
                    try {
                        const verified = await again.verified;
                        again.log.replay(runnerLogger);
                        return verified;
                    }
                    catch (error) {
                        // A registry may list referrers only once their subject is there: ask again now that it is.
                        runnerLogger.debug(`verified while the layers were copying: ${error.message}; verifying again`);
                    }
                }
                return verifyAt('destination', atDestination, digest, runnerLogger);
            }, (verified) => (result.promote.destination = verified), again?.startedAt);
        }
        if (inputs.tags.length === 0)
            steps.skip('tags', 'no `tags` given');
        else {
            const manifest = await checked.destination.getManifest(digest);
            await steps.run('tags', () => applyTags({
                client: checked.destination,
                image: inputs.imageName,
                tags: inputs.tags,
                mutableTags: inputs.mutableTags,
                digest,
                manifest: { bytes: manifest.bytes, mediaType: manifest.mediaType },
                logger: runnerLogger
            }), (tags) => (result.tags = tags));
        }
        await deploy(inputs, context, result, steps, digest, checked.deployCheck);
    }
    finally {
        if (checked.deployCheck)
            await (0,promises_.rm)(checked.deployCheck.clone, { recursive: true, force: true });
    }
}
/** Promote mode verifies against the `trusted-root` file, else public-good Sigstore's TUF root; with neither, nothing can be trusted. */
async function promoteVerifier(inputs, context) {
    const { resolveTrustedRootWithReason, createBundleVerifier } = await Promise.all(/* import() */[__nccwpck_require__.e(917), __nccwpck_require__.e(40), __nccwpck_require__.e(187), __nccwpck_require__.e(132)]).then(__nccwpck_require__.bind(__nccwpck_require__, 66132));
    const resolved = await resolveTrustedRootWithReason({
        trustedRootPath: inputs.trustedRoot,
        instance: 'public-good',
        cacheDir: context.tempDir
    });
    if (!resolved.trustedRoot) {
        throw new InputError('trusted-root', `no Sigstore trust material to verify the source against (${resolved.reason}); give a trusted_root.json (\`gh attestation trusted-root > trusted_root.json\` writes public-good and GitHub's instance)`);
    }
    return createBundleVerifier(resolved.trustedRoot);
}
/** A preflight that also checks the deploy repository, when there is one, before anything is written. */
async function withDeployCheck(inputs, context, check, digestOf) {
    const checked = await check();
    if (!inputs.deployRepository)
        return checked;
    try {
        return { ...checked, deployCheck: await checkDeploy(inputs, context, digestOf(checked)) };
    }
    catch (error) {
        await checked.layout?.close();
        throw error;
    }
}
/** The deploy repository's check; answers the clone it made and the base it resolved, for the deploy step. */
async function checkDeploy(inputs, context, digest) {
    if (inputs.deployRepository) {
        const { checkDeployAccess } = await Promise.all(/* import() */[__nccwpck_require__.e(196), __nccwpck_require__.e(378)]).then(__nccwpck_require__.bind(__nccwpck_require__, 99378));
        const check = await checkDeployAccess({
            repository: inputs.deployRepository,
            token: inputs.deployToken || inputs.githubToken || '',
            base: inputs.deployBase,
            paths: inputs.deployPaths,
            image: inputs.imageName,
            digest,
            tags: inputs.tags,
            serverUrl: context.serverUrl,
            apiUrl: context.apiUrl,
            gitEnvironment: context.childEnvironment,
            workDir: context.tempDir,
            logger: runnerLogger
        });
        runnerLogger.info(`deploy repository ${inputs.deployRepository}: reachable with \`deploy-token\`, and deploy-paths find ${inputs.imageName}`);
        return check;
    }
}
/** The run's signer, its certificate already on its way. */
async function runSigner(checked, logger) {
    const { createSigner } = await Promise.all(/* import() */[__nccwpck_require__.e(917), __nccwpck_require__.e(507), __nccwpck_require__.e(310), __nccwpck_require__.e(40), __nccwpck_require__.e(179), __nccwpck_require__.e(766)]).then(__nccwpck_require__.bind(__nccwpck_require__, 32766));
    const services = checked.sigstoreInstance;
    const signer = createSigner({
        fulcioUrl: services.fulcioUrl,
        rekorUrl: services.rekorUrl,
        tsaUrl: services.tsaUrl,
        identityToken: checked.identityToken,
        logger
    });
    signer.prefetchCertificate?.();
    return signer;
}
async function deploy(inputs, context, result, steps, digest, checked) {
    if (!inputs.deployRepository)
        return steps.skip('deploy', 'no `deploy-repository` given');
    const repository = inputs.deployRepository;
    const { deployDigest } = await Promise.all(/* import() */[__nccwpck_require__.e(196), __nccwpck_require__.e(378)]).then(__nccwpck_require__.bind(__nccwpck_require__, 99378));
    const deployed = await steps.run('deploy', () => deployDigest({
        repository,
        token: inputs.deployToken || inputs.githubToken || '',
        // Preflight resolved the base (the API's default branch) and fetched it into its clone.
        base: checked?.base ?? inputs.deployBase,
        paths: inputs.deployPaths,
        mode: inputs.deployMode,
        branch: inputs.deployBranch,
        autoMerge: inputs.autoMerge,
        dryRun: inputs.dryRun,
        image: inputs.imageName,
        digest,
        tags: inputs.tags,
        serverUrl: context.serverUrl,
        apiUrl: context.apiUrl,
        graphqlUrl: context.graphqlUrl,
        source: { repository: context.repository, sha: context.sha, runUrl: context.runUrl },
        verifyCommands: verifyCommands(result),
        gitEnvironment: context.childEnvironment,
        gitIdentityInEnvironment: context.gitIdentityInEnvironment,
        workDir: context.tempDir,
        startedAt: context.startedAt,
        clone: checked?.clone,
        logger: runnerLogger
    }), (deployed) => (result.deploy = deployed));
    if (inputs.dryRun && deployed.diff)
        info(`deploy diff (dry run, nothing written):\n${deployed.diff}`);
}

;// CONCATENATED MODULE: ./src/index.ts

// Once the run has reported (outputs, summary, exit code), nothing may keep the process waiting: a
// keep-alive socket or a timer left by a library would otherwise hold the job until the runner
// kills it. The timer is unref'd, so a process that is already done exits at once; it only fires
// when something else still holds the event loop, after giving stdout a second to drain.
void run().finally(() => setTimeout(() => {
    process.stdout.write(`::debug::the run is over but ${process.getActiveResourcesInfo().join(', ')} still held the process; exiting\n`);
    process.exit();
}, 1000).unref());

