/**
 * Expressions in definitions: FEEL (the Friendly Enough Expression Language of DMN, which Camunda's
 * users already write), evaluated by the kept library `feelin`, never by `eval` or a parser of our
 * own. A value that is an expression is a string starting with `=` (Camunda's marker), e.g.
 * `"units": "=donViXuLy"` or `"days": "=if phucTap then 45 else 30"`.
 *
 * Limits, so that an expression cannot run away (feelin evaluates synchronously and cannot be
 * interrupted): at most MAX_EXPRESSION_LENGTH characters; no function definitions (so no recursion);
 * no iteration over a range (`for i in 1..n`), only over lists the case holds; at most
 * MAX_ITERATION_DEPTH nested `for`/`some`/`every`. What is left costs at most a power of the size
 * of the case's data, which the request body limit bounds. The validator refuses the rest.
 */
import { evaluate, parseExpression, SyntaxError as FeelSyntaxError } from 'feelin';
import { EngineError } from './errors.js';
import { isPlainObject } from './json.js';
import type { Expression } from './types.js';

export const MAX_EXPRESSION_LENGTH = 1000;
export const MAX_ITERATION_DEPTH = 2;

export function isExpression(value: unknown): value is Expression {
  return typeof value === 'string' && value.startsWith('=');
}

/** The FEEL text of an expression (without its `=`). */
export function feelText(expression: Expression): string {
  return expression.slice(1).trim();
}

export interface ExpressionIssue {
  code: 'invalid_expression' | 'expression_not_allowed' | 'expression_too_long';
  message: string;
}

const ITERATING = new Set(['ForExpression', 'QuantifiedExpression']);

/** What is wrong with an expression: its syntax and the limits above; empty when it may be used. */
export function expressionIssues(expression: Expression): ExpressionIssue[] {
  const text = feelText(expression);
  if (!text) return [{ code: 'invalid_expression', message: 'the expression after "=" is empty' }];
  if (text.length > MAX_EXPRESSION_LENGTH) {
    return [{ code: 'expression_too_long', message: `an expression may have at most ${MAX_EXPRESSION_LENGTH} characters (this one has ${text.length})` }];
  }
  const tree = parseExpression(text, {}, undefined);
  const issues: ExpressionIssue[] = [];
  const cursor = tree.cursor();
  const open: number[] = [];
  do {
    while (open.length && cursor.from >= open[open.length - 1]) open.pop();
    if (cursor.type.isError) {
      issues.push({ code: 'invalid_expression', message: `FEEL syntax error at character ${cursor.from + 1} of "${text.slice(0, 80)}"` });
      break;
    }
    if (cursor.name === 'FunctionDefinition') issues.push({ code: 'expression_not_allowed', message: 'an expression may not define functions' });
    if (cursor.name === 'IterationContext' && text.slice(cursor.from, cursor.to).includes('..')) {
      issues.push({ code: 'expression_not_allowed', message: 'an expression may iterate over the lists of the case, not over a range' });
    }
    if (ITERATING.has(cursor.name)) {
      open.push(cursor.to);
      if (open.length > MAX_ITERATION_DEPTH) issues.push({ code: 'expression_not_allowed', message: `an expression may nest at most ${MAX_ITERATION_DEPTH} for/some/every` });
    }
  } while (cursor.next() && issues.length === 0);
  return issues;
}

/** What an expression sees: the case's fields by name, `context` (the whole), `now`, and any extras (`item`). */
export function expressionScope(context: Record<string, unknown>, at: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...context, context, now: at, ...extra };
}

/** Where an expression sits in its definition, for the refusal's path and message. */
export interface ExpressionSite {
  /** JSON pointer into the definition. */
  path: string;
  /** What it decides, for people: "the units of the task of state X". */
  what: string;
}

/**
 * Evaluates an expression. A failure is the definition's (the validator accepted it, the case did
 * not fit it): refused as DEFINITION_REFUSED naming where it sits, and the step changes nothing.
 */
export function evaluateExpression(expression: Expression, scope: Record<string, unknown>, site: ExpressionSite): unknown {
  try {
    return toJson(evaluate(feelText(expression), scope).value);
  } catch (error) {
    const why = error instanceof FeelSyntaxError ? 'it is not valid FEEL' : (error as Error).message;
    throw definitionRefusal(site, `${site.what} (${expression.slice(0, 80)}) could not be evaluated: ${why}`);
  }
}

/**
 * A condition (a deadline's `when`, a `startChildren.where`): true or false, FEEL's null (a field the
 * case does not hold) counting as false; anything else is the definition's refusal.
 */
export function evaluateCondition(expression: Expression, scope: Record<string, unknown>, site: ExpressionSite): boolean {
  const value = evaluateExpression(expression, scope, site);
  if (value !== true && value !== false && value !== null) throw definitionRefusal(site, `${site.what} (${expression}) gave ${describeValue(value)}, not true or false`);
  return value === true;
}

/** A value an expression gave, short enough for a refusal's message. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export function definitionRefusal(site: ExpressionSite, message: string): EngineError {
  return new EngineError('DEFINITION_REFUSED', message, { issues: [{ path: site.path, code: 'expression_refused', message }] });
}

/** FEEL dates and durations as the strings JSON holds; lists and contexts element by element. */
function toJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object' && !isPlainObject(value)) return String(value);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  return value;
}
