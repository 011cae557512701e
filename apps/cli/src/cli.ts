import { parseArgs } from 'node:util';

/**
 * What every `phoihop` command shares: its arguments are read against its spec (specs.ts), `--help`
 * or `-h` anywhere before `--` prints the command's help and does nothing else, and an unknown
 * option, a missing or surplus argument or a bad value is refused with exit code 2 before any work.
 */

/** The exit codes of every command. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** The value's name in the help, for string options (FILE, URL…). */
  value?: string;
  description: string;
  required?: boolean;
  /** The only values accepted. */
  choices?: readonly string[];
}

export type Options = Record<string, OptionSpec>;

type Value<S extends OptionSpec> = S['type'] extends 'boolean' ? boolean : string;

/** The parsed options: a string, or true, for each option given (always there when required). */
export type Values<O extends Options> = { [K in keyof O as O[K] extends { required: true } ? K : never]: Value<O[K]> } & {
  [K in keyof O as O[K] extends { required: true } ? never : K]?: Value<O[K]>;
};

export interface ArgumentSpec {
  name: string;
  description: string;
  /** May be left out. */
  optional?: boolean;
  /** One or more (the last argument only). */
  variadic?: boolean;
}

export interface CommandSpec<O extends Options = Options> {
  /** As typed after `phoihop`: `validate`, `audit export`. */
  name: string;
  summary: string;
  /** Each form of the command, as typed after `phoihop`. */
  usage: string[];
  /** What it does, in a few lines. */
  description?: string;
  arguments?: ArgumentSpec[];
  options: O;
  environment?: Record<string, string>;
  /** What 0 and 1 mean for this command; 2 is a usage error everywhere (with anything added here). */
  exits: { 0: string; 1: string; 2?: string };
}

/** A command made of sub-commands (`audit verify`, `audit export`). */
export interface GroupSpec {
  name: string;
  summary: string;
  commands: Record<string, CommandSpec>;
}

export type Spec = CommandSpec | GroupSpec;

/** Keeps the literal option names of a spec, so that its parsed values are typed. */
export const command = <const O extends Options>(spec: CommandSpec<O>): CommandSpec<O> => spec;

export const isGroup = (spec: Spec): spec is GroupSpec => 'commands' in spec;

/** Refused arguments: the command prints why and its usage, and exits 2 having done nothing. */
export class UsageError extends Error {}

export interface Parsed<O extends Options> {
  values: Values<O>;
  positionals: string[];
}

const HELP_OPTION = ['-h, --help', 'print this help and exit; nothing else is done (no database, no file, no network)'] as const;

const USAGE_EXIT = 'usage error: an unknown option, a missing or surplus argument, a bad value,\nor a missing or invalid setting in the environment; nothing was done';

/** `--help` or `-h` before the end of options (`--`). */
export function wantsHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/** Reads `args` against the spec; throws UsageError naming what is wrong. */
export function parse<O extends Options>(spec: CommandSpec<O>, args: string[]): Parsed<O> {
  const options = Object.fromEntries(Object.entries(spec.options).map(([name, o]) => [name, { type: o.type }]));
  // Not strict: the tokens are checked here, so that every refusal names the option in our words.
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const option = Object.hasOwn(spec.options, token.name) ? spec.options[token.name] : undefined;
    if (!option) throw new UsageError(`unknown option "${token.rawName}"`);
    if (token.name in values) throw new UsageError(`${token.rawName} is given twice`);
    if (option.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`${token.rawName} takes no value`);
      values[token.name] = true;
      continue;
    }
    const value = token.value;
    // `--out --force` is a forgotten value, not a file named --force (`--out=--force` is one).
    if (value === undefined || (!token.inlineValue && value.startsWith('-') && value !== '-')) throw new UsageError(`${token.rawName} needs a value (${option.value ?? 'VALUE'})`);
    if (option.choices && !option.choices.includes(value)) throw new UsageError(`${token.rawName} must be ${option.choices.join(' or ')}, not "${value}"`);
    values[token.name] = value;
  }
  for (const [name, option] of Object.entries(spec.options)) {
    if (option.required && !(name in values)) throw new UsageError(`--${name} ${option.value ?? 'VALUE'} is required`);
  }
  const expected = spec.arguments ?? [];
  const min = expected.filter((a) => !a.optional).length;
  const max = expected.some((a) => a.variadic) ? Infinity : expected.length;
  if (positionals.length < min) throw new UsageError(`missing ${expected[positionals.length].name}`);
  if (positionals.length > max) throw new UsageError(`unexpected argument "${positionals[max]}"`);
  return { values: values as Values<O>, positionals };
}

/**
 * What can be answered from the spec alone, before the command's code is even loaded: its help, or
 * the refusal of its arguments (exit 2). Undefined when the command is to run.
 */
export function answer(spec: Spec, args: string[]): number | undefined {
  if (isGroup(spec)) {
    const [name, ...rest] = args;
    if (name !== undefined && Object.hasOwn(spec.commands, name)) return answer(spec.commands[name], rest);
    if (wantsHelp(args)) {
      console.log(groupHelp(spec));
      return EXIT.ok;
    }
    return usageError(spec, name === undefined ? `say which: ${Object.keys(spec.commands).join(', ')}` : `unknown command "${name}"`);
  }
  if (wantsHelp(args)) {
    console.log(commandHelp(spec));
    return EXIT.ok;
  }
  try {
    parse(spec, args);
    return undefined;
  } catch (error) {
    if (error instanceof UsageError) return usageError(spec, error.message);
    throw error;
  }
}

/** Runs a command: its help, or its arguments parsed and checked, then `action` (which may refuse them too, with a UsageError). */
export async function run<O extends Options>(spec: CommandSpec<O>, args: string[], action: (parsed: Parsed<O>) => Promise<number> | number): Promise<number> {
  const answered = answer(spec, args);
  if (answered !== undefined) return answered;
  try {
    return await action(parse(spec, args));
  } catch (error) {
    if (error instanceof UsageError) return usageError(spec, error.message);
    throw error;
  }
}

/** Runs a sub-command of a group: `handlers` get the arguments after the sub-command's name. */
export async function group(spec: GroupSpec, args: string[], handlers: Record<string, (args: string[]) => Promise<number>>): Promise<number> {
  const [name, ...rest] = args;
  if (name !== undefined && Object.hasOwn(handlers, name)) return handlers[name](rest);
  return answer(spec, args) ?? EXIT.usage;
}

function usageError(spec: Spec, message: string): number {
  const forms = isGroup(spec) ? Object.values(spec.commands).flatMap((c) => c.usage) : spec.usage;
  console.error(`phoihop ${spec.name}: ${message}\n\nUsage:\n${forms.map((u) => `  phoihop ${u}`).join('\n')}\n\nRun "phoihop ${spec.name} --help" for more.`);
  return EXIT.usage;
}

/** Two columns: names padded to the widest (within reason), descriptions' further lines indented under the first. */
function table(rows: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.min(Math.max(...rows.map(([name]) => name.length)), 26) + 2;
  return rows.flatMap(([name, text]) => {
    const [first, ...more] = text.split('\n');
    const head = name.length + 2 > width ? [`  ${name}`, `  ${''.padEnd(width)}${first}`] : [`  ${name.padEnd(width)}${first}`];
    return [...head, ...more.map((line) => `  ${''.padEnd(width)}${line}`)];
  });
}

function exitRows(exits: CommandSpec['exits']): Array<[string, string]> {
  return [
    ['0', exits[0]],
    ['1', exits[1]],
    ['2', exits[2] ? `${USAGE_EXIT};\nalso ${exits[2]}` : USAGE_EXIT],
  ];
}

export function commandHelp(spec: CommandSpec): string {
  const lines = [`phoihop ${spec.name} — ${spec.summary}`, '', 'Usage:', ...spec.usage.map((u) => `  phoihop ${u}`)];
  if (spec.description) lines.push('', ...spec.description.split('\n'));
  if (spec.arguments?.length) lines.push('', 'Arguments:', ...table(spec.arguments.map((a) => [`${a.name}${a.variadic ? '...' : ''}`, a.description])));
  const options = Object.entries(spec.options).map(([name, o]): [string, string] => [
    `--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`,
    `${o.description}${o.required ? ' (required)' : ''}`,
  ]);
  lines.push('', 'Options:', ...table([...options, HELP_OPTION]));
  if (spec.environment) lines.push('', 'Environment:', ...table(Object.entries(spec.environment)));
  lines.push('', 'Exit codes:', ...table(exitRows(spec.exits)));
  return lines.join('\n');
}

export function groupHelp(spec: GroupSpec): string {
  return [
    `phoihop ${spec.name} — ${spec.summary}`,
    '',
    'Usage:',
    ...Object.values(spec.commands).flatMap((c) => c.usage.map((u) => `  phoihop ${u}`)),
    '',
    'Commands:',
    ...table(Object.entries(spec.commands).map(([name, c]) => [name, c.summary])),
    '',
    `Run "phoihop ${spec.name} COMMAND --help" for a command's arguments, options and exit codes.`,
  ].join('\n');
}

/** The top-level help: every command's forms and summary, and the exit codes. */
export function overview(specs: Spec[]): string {
  const rows = specs.flatMap((spec) => (isGroup(spec) ? Object.values(spec.commands) : [spec]).map((c): [string, string] => [c.name, c.summary]));
  return [
    'phoihop — the Phối Hợp command line',
    '',
    'Usage: phoihop COMMAND [ARGUMENTS] [OPTIONS]',
    '',
    'Commands:',
    ...table([...rows, ['help [COMMAND]', 'this text, or the help of one command (as does phoihop COMMAND --help)']]),
    '',
    'Every command takes --help (or -h): its usage, arguments, options and exit codes; nothing else is done.',
    '',
    'Exit codes:',
    ...table([
      ['0', 'done: the command did what it says'],
      ['1', 'failure: a definition is invalid, a check found a problem, the database or the server refused'],
      ['2', USAGE_EXIT],
    ]),
    '',
    'Run inside the repository with: npx phoihop COMMAND  (or npm run phoihop -- COMMAND)',
  ].join('\n');
}

/** One problem or warning of a definition, with its JSON pointer. */
export function issueLine(issue: { path: string; code: string; message: string }, warning = false): string {
  return `    ${issue.path || '/'}  ${warning ? 'warning ' : ''}[${issue.code}] ${issue.message}`;
}
