import * as Y from 'yjs';
import type { Actor } from './governance.js';

/**
 * The silence procedure: the chair circulates paragraphs that are adopted unless a delegation
 * breaks silence by a deadline. All of it is server-owned, in the `gov` map:
 *
 *   gov.silences  Y.Map  silenceId → Silence (a plain value, replaced whole on every change)
 *   gov.silenced  Y.Map  paragraphId → silenceId: the paragraphs frozen right now
 *
 * `silenced` is what the update guard and the commands consult (one key lookup per paragraph);
 * a paragraph leaves it when silence is broken on it, when the chair ends the silence, or at
 * expiry (when it becomes agreed). The deadline itself is also stored in the server's deadline
 * table, which drives the expiry (server/governance/silenceClock.ts).
 */

/**
 * The earliest deadline a chair may set, from the moment the command runs. Short deadlines
 * exist for tests and demonstrations; one second still leaves the start time to reach every
 * client, and the server applies the expiry within one poll interval (DEADLINE_POLL_MS).
 */
export const MIN_SILENCE_MS = 1000;
/** The latest: a silence procedure is a matter of days; a quarter of a year is a typing mistake. */
export const MAX_SILENCE_MS = 90 * 24 * 3600 * 1000;
/** What the chair's form proposes: 72 hours is common UN practice. */
export const DEFAULT_SILENCE_HOURS = 72;

export const silenceScopeKinds = ['draft', 'section', 'paragraphs'] as const;
export type SilenceScopeKind = (typeof silenceScopeKinds)[number];

export type SilenceScope =
  | { kind: 'draft' }
  | { kind: 'section'; sectionId: string }
  | { kind: 'paragraphs'; paragraphIds: string[] };

export const silenceStates = ['running', 'expired', 'ended'] as const;
export type SilenceState = (typeof silenceStates)[number];

/** A delegation broke silence on a paragraph: recorded with its objection (`objectionId`). */
export interface SilenceBreak {
  paragraphId: string;
  objectionId: string;
  by: Actor;
  reason: string;
  at: number;
}

export interface SilenceExtension {
  from: number;
  to: number;
  by: Actor;
  at: number;
}

/** How a silence ended: at its deadline (by the server: `by` null) or early, by the chair. */
export interface SilenceOutcome {
  at: number;
  by: Actor | null;
  /** Paragraphs that became agreed (expiry only). */
  agreed: string[];
  /** Of those, the ones locked too (expiry with lockOnExpiry). */
  locked: string[];
  /** Paragraphs released without a decision (ended early). */
  released: string[];
  reason: string;
}

export interface Silence {
  id: string;
  scope: SilenceScope;
  /** Every paragraph placed under silence, in draft order, fixed at the start. */
  paragraphIds: string[];
  /**
   * Paragraphs of a draft or section scope left out at the start because they could not be
   * agreed (open brackets or a standing objection); absent in records made before it existed.
   */
  leftOut?: string[];
  /** Epoch milliseconds. */
  deadline: number;
  /** The time zone the chair set the deadline in (IANA name or UTC offset), to show it as given. */
  timeZone: string;
  /** Agreed paragraphs are also locked at expiry. */
  lockOnExpiry: boolean;
  note: string;
  startedBy: Actor;
  startedAt: number;
  state: SilenceState;
  breaks: SilenceBreak[];
  extensions: SilenceExtension[];
  outcome: SilenceOutcome | null;
}

/** Every silence of a draft, and which paragraph is frozen by which, as plain data. */
export interface SilenceView {
  silences: Silence[];
  /** paragraphId → silenceId, for the paragraphs frozen now. */
  frozen: Record<string, string>;
}

export const emptySilenceView: SilenceView = { silences: [], frozen: {} };

/** Reads the silence part of the server-owned `gov` map; defensive like readGovernance. */
export function readSilences(gov: Y.Map<unknown>): SilenceView {
  const silences: Silence[] = [];
  const s = gov.get('silences');
  if (s instanceof Y.Map) {
    for (const v of s.values()) {
      if (v && typeof v === 'object' && (silenceStates as readonly unknown[]).includes((v as Silence).state)) {
        silences.push(v as Silence);
      }
    }
  }
  silences.sort((a, b) => a.startedAt - b.startedAt);
  const frozen: Record<string, string> = {};
  const f = gov.get('silenced');
  if (f instanceof Y.Map) for (const [pid, sid] of f.entries()) if (typeof sid === 'string') frozen[pid] = sid;
  return { silences, frozen };
}

/** The running silence a paragraph is frozen by, if any. */
export function silenceOf(view: SilenceView, paragraphId: string): Silence | null {
  const id = view.frozen[paragraphId];
  return id ? (view.silences.find((s) => s.id === id && s.state === 'running') ?? null) : null;
}
