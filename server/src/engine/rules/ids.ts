// ID rules (docs/platform-notes.md#ids, decision 4): shape and class are errors, the platform's 32-character alphabet a warning.

import { DATA_OBJECT_CLASSES } from '../../../../common/dxIds';
import type { ScalarNode } from '../model';
import type { Report, Span } from '../report';
import { type PendingFacts, type RuleContext, factOf, isString, lastValue } from './context';

const ID_SHAPE = /^([a-z]+)-([0-9A-Za-z]{24})$/;
const OUTSIDE_ALPHABET = /[^0123456789BFGJKPQVXYZbfgjkpqvxyz]/gu;
const CONTAINER_CLASSES: readonly string[] = ['project', 'container'];

/** Shortens a value for a message so a pasted paragraph never floods the Problems panel. */
export function quote(value: string, max = 60): string {
  if (value.length <= max) return JSON.stringify(value);
  // Never cut between the two halves of a surrogate pair (an emoji would print as "\ud83d").
  const cut = isHighSurrogate(value.charCodeAt(max - 1)) ? max - 1 : max;
  return JSON.stringify(`${value.slice(0, cut)}…`);
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** The class of a string with the ID shape, else undefined. */
function idClass(value: string): string | undefined {
  return ID_SHAPE.exec(value)?.[1];
}

/** Why a string without the ID shape is not an ID, in words. */
function idShapeProblem(value: string): string {
  const dash = value.indexOf('-');
  if (dash <= 0) return `${quote(value)} is not an ID: an ID is a class such as "project", a dash, and 24 letters or digits`;
  const cls = value.slice(0, dash);
  const rest = value.slice(dash + 1);
  if (!/^[a-z]+$/.test(cls)) return `${quote(value)} is not an ID: the class before the dash must be lower-case letters, such as "project"`;
  const bad = rest.match(/[^0-9A-Za-z]/u);
  if (bad) return `${quote(value)} is not an ID: after "${cls}-" only letters and digits are allowed, but it contains ${JSON.stringify(bad[0])}`;
  return `${quote(value)} is not an ID: it has ${rest.length} characters after "${cls}-"; an ID has exactly 24`;
}

/** 1: a letter or digit; 2: also in the platform's 32-character ID alphabet. */
const ID_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) if (/[0-9A-Za-z]/.test(String.fromCharCode(c))) ID_CHAR[c] = 1;
for (const ch of '0123456789BFGJKPQVXYZbfgjkpqvxyz') ID_CHAR[ch.charCodeAt(0)] = 2;

/** Whether the 24 characters after `from` are all at least `level` (see ID_CHAR). */
function idBodyIs(value: string, from: number, level: number): boolean {
  for (let i = from; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 128 || ID_CHAR[c] < level) return false;
  }
  return true;
}

/** `^(record|file|applet|workflow|database)-[0-9A-Za-z]{24}$` without a regex: links can number tens of thousands. */
export function isDataObjectId(value: string): boolean {
  const dash = value.length - 25;
  if (dash < 4 || value.charCodeAt(dash) !== 45) return false;
  for (const cls of DATA_OBJECT_CLASSES) {
    if (cls.length === dash && value.startsWith(cls)) return idBodyIs(value, dash + 1, 1);
  }
  return false;
}

/** Whether a well-shaped ID uses only the characters the platform mints (no id-alphabet warning). */
export function inIdAlphabet(value: string): boolean {
  return idBodyIs(value, value.indexOf('-') + 1, 2);
}

/** The id-alphabet warning for a well-shaped ID, if it uses characters the platform never mints. */
export function checkAlphabet(report: Report, value: string, span: Span): void {
  if (inIdAlphabet(value)) return;
  const outside = value.slice(value.indexOf('-') + 1).match(OUTSIDE_ALPHABET) ?? [];
  const chars = [...new Set(outside)].map((c) => JSON.stringify(c)).join(', ');
  report.warning(
    'id-alphabet',
    `${quote(value)} uses ${chars}, which the platform never puts in IDs (it uses 0-9 and BFGJKPQVXYZbfgjkpqvxyz); check for a typo.`,
    span,
  );
}

/** The classes an ID may have, for a message (built only when one is reported). */
function wanted(classes: readonly string[]): string {
  return classes.map((c) => `"${c}-…"`).join(' or ');
}

/**
 * Checks a string that must be an ID of one of `classes`; returns true when it is usable
 * (shape and class right), so callers know to record it as a fact.
 */
function checkIdValue(report: Report, label: string, node: ScalarNode, classes: readonly string[]): boolean {
  const value = String(node.value);
  const cls = idClass(value);
  if (cls === undefined) {
    report.error('invalid-id', `${label}: ${idShapeProblem(value)} (expected ${wanted(classes)}).`, node);
    return false;
  }
  if (!classes.includes(cls)) {
    report.error('wrong-id-class', `${label} must be ${wanted(classes)}, but ${quote(value)} is a "${cls}" ID.`, node);
    return false;
  }
  checkAlphabet(report, value, node);
  return true;
}

/** `project` and `initializeFrom.{project,id}`; usable IDs become facts for the platform checks. */
export function checkIds(ctx: RuleContext): void {
  const { report, facts } = ctx;
  const project = ctx.field('project');
  if (isString(project) && checkIdValue(report, '"project"', project, CONTAINER_CLASSES)) facts.project = factOf(project);
  const init = ctx.field('initializeFrom');
  if (init?.type !== 'object') return;
  const from: NonNullable<PendingFacts['initializeFrom']> = {};
  const initProject = lastValue(init.props, 'project');
  if (isString(initProject) && checkIdValue(report, '"initializeFrom.project"', initProject, CONTAINER_CLASSES)) from.project = factOf(initProject);
  const initId = lastValue(init.props, 'id');
  if (isString(initId) && checkIdValue(report, '"initializeFrom.id"', initId, ['record'])) from.id = factOf(initId);
  facts.initializeFrom = from;
}
