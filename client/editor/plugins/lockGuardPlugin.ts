import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import {
  AddMarkStep,
  AddNodeMarkStep,
  AttrStep,
  RemoveMarkStep,
  RemoveNodeMarkStep,
  ReplaceAroundStep,
  ReplaceStep,
  type Step,
} from '@tiptap/pm/transform';
import { Node as N } from '../../../shared/model/schemaNames';
import { govKey } from './govState';
import { isRemoteChange } from './isRemoteChange';

/**
 * A locked (agreed) paragraph must not change, nor one under silence, nor (for members) one
 * where the chair allows only proposals. The server refuses such updates anyway, but a refusal costs a reload;
 * refusing the local transaction up front keeps the editor honest and the typing simply has
 * no effect.
 */
export function lockGuardPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('accordLockGuard'),
    filterTransaction(tr, state) {
      if (!tr.docChanged || isRemoteChange(tr)) return true;
      const gov = govKey.getState(state);
      if (!gov || (gov.locked.size === 0 && gov.proposalsOnly.size === 0 && gov.silenced.size === 0)) return true;
      const locked =
        gov.proposalsOnly.size === 0 && gov.silenced.size === 0
          ? gov.locked
          : new Set([...gov.locked, ...gov.proposalsOnly, ...gov.silenced.keys()]);
      return !tr.steps.some((step, i) => {
        const doc = tr.docs[i];
        const range = stepRange(step);
        // An unknown kind of step could touch anything: refuse it rather than guess.
        if (!doc || !range) return true;
        return touchesLocked(doc, range.from, range.to, locked);
      });
    },
  });
}

function stepRange(step: Step): { from: number; to: number } | null {
  if (step instanceof ReplaceStep || step instanceof ReplaceAroundStep) return { from: step.from, to: step.to };
  if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return { from: step.from, to: step.to };
  if (step instanceof AttrStep || step instanceof AddNodeMarkStep || step instanceof RemoveNodeMarkStep) {
    return { from: step.pos, to: step.pos + 1 };
  }
  return null;
}

export function touchesLocked(doc: PMNode, from: number, to: number, locked: ReadonlySet<string>): boolean {
  const isLockedClause = (node: PMNode) => node.type.name === N.clause && locked.has(node.attrs.id as string);
  for (const pos of [from, to]) {
    const $pos = doc.resolve(Math.min(Math.max(pos, 0), doc.content.size));
    for (let d = $pos.depth; d > 0; d--) if (isLockedClause($pos.node(d))) return true;
  }
  let hit = false;
  if (from < to) {
    doc.nodesBetween(from, to, (node) => {
      if (hit) return false;
      if (node.type.name === N.clause) {
        hit = isLockedClause(node);
        return false;
      }
      return node.type.name === N.section || node.type.name === 'doc';
    });
  }
  return hit;
}
