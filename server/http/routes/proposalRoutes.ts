import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { proposalKinds, proposalTypes, WHOLE_DRAFT } from '../../../shared/model/proposals.js';
import { acceptAsAlternative } from '../../governance/commands/acceptAsAlternative.js';
import { acceptProposal } from '../../governance/commands/acceptProposal.js';
import { opposeProposal } from '../../governance/commands/opposeProposal.js';
import { rejectProposal } from '../../governance/commands/rejectProposal.js';
import { setProposalsOnly } from '../../governance/commands/setProposalsOnly.js';
import { supportProposal } from '../../governance/commands/supportProposal.js';
import { tableProposal } from '../../governance/commands/tableProposal.js';
import { withdrawProposal } from '../../governance/commands/withdrawProposal.js';
import type { AppEnv, Services } from '../context.js';
import { member } from '../middleware/requireAccess.js';
import { jsonContent, jsonRequest, optionalJsonRequest } from '../schemas/content.js';
import { commandErrors } from '../schemas/errorResponses.js';
import { DocParams, ParagraphParams } from '../schemas/pathParams.js';
import { ProposalSchema } from '../schemas/proposalSchema.js';
import { apiRouter, optionalJsonBody, requireJson } from '../validate.js';

const offset = z.number().int().min(0).max(1_000_000);
/** No proposer field: the proposer is always the caller and their delegation (unknown keys are dropped). */
const tableBody = z.object({
  kind: z.enum(proposalKinds),
  type: z
    .enum(proposalTypes)
    .optional()
    .openapi({ description: 'Comment-resolution type: general, technical (the default) or editorial' }),
  from: offset
    .optional()
    .openapi({ description: "Span kinds: offset in the paragraph's plain text (runs joined by '\\n')" }),
  to: offset.optional(),
  quote: z
    .string()
    .max(20_000)
    .optional()
    .openapi({ description: 'The text the caller saw there; 409 text_changed if it differs' }),
  // One line of text: a proposal changes words within a run of text (a new paragraph is its own kind).
  text: z
    .string()
    .max(20_000)
    .regex(/^\P{Cc}*$/u, 'The proposed text is one line, without control characters')
    .default(''),
  justification: z.string().trim().max(4000).default(''),
});
const rejectBody = z.object({ reason: z.string().trim().max(4000).optional() });
const proposalsOnlyBody = z.object({
  scope: z
    .string()
    .min(1)
    .max(200)
    .openapi({ description: `'${WHOLE_DRAFT}' for the whole draft, or a section id` }),
  on: z.boolean(),
});
const ProposalParams = DocParams.extend({ pid: z.string().openapi({ description: 'Proposal id' }) });

/** Proposals: table, support/oppose, withdraw, and the chair's decisions; proposals-only mode. */
export function proposalRoutes(s: Services): OpenAPIHono<AppEnv> {
  const app = apiRouter();
  const g = s.governance;
  const asMember = member(s.store);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents/{id}/paragraphs/{pid}/proposals',
      operationId: 'tableProposal',
      tags: ['proposals'],
      summary:
        "Table a proposal (insert, delete, replace a span; add a paragraph after; delete the paragraph) in your delegation's name; 409 on a locked paragraph",
      middleware: [asMember, requireJson] as const,
      request: { params: ParagraphParams, body: jsonRequest(tableBody) },
      responses: { 201: jsonContent(ProposalSchema, 'The proposal tabled'), ...commandErrors(400, 413, 415) },
    }),
    async (c) => {
      const { id, pid } = c.req.valid('param');
      const { who, role } = c.get('membership');
      return c.json(await g.run(id, who, role, tableProposal, { paragraphId: pid, ...c.req.valid('json') }), 201);
    },
  );

  const decision = (
    path: 'support' | 'oppose' | 'withdraw' | 'accept' | 'alternative',
    operationId: string,
    summary: string,
    command:
      | typeof supportProposal
      | typeof opposeProposal
      | typeof withdrawProposal
      | typeof acceptProposal
      | typeof acceptAsAlternative,
  ) =>
    app.openapi(
      createRoute({
        method: 'post',
        path: `/api/documents/{id}/proposals/{pid}/${path}`,
        operationId,
        tags: ['proposals'],
        summary,
        middleware: [asMember] as const,
        request: { params: ProposalParams },
        responses: {
          200: jsonContent(
            ProposalSchema.extend({
              reopened: z.string().nullable().optional().openapi({ description: 'A paragraph reopened by the change' }),
              group: z.string().optional().openapi({ description: 'The alternative group (alternative only)' }),
            }),
            'The proposal after the decision',
          ),
          ...commandErrors(),
        },
      }),
      async (c) => {
        const { id, pid } = c.req.valid('param');
        const { who, role } = c.get('membership');
        return c.json(await g.run(id, who, role, command, { proposalId: pid }), 200);
      },
    );
  decision(
    'support',
    'supportProposal',
    'Support (co-sponsor) a proposal; one stance per delegation, not your own',
    supportProposal,
  );
  decision('oppose', 'opposeProposal', 'Oppose a proposal; one stance per delegation, not your own', opposeProposal);
  decision('withdraw', 'withdrawProposal', 'Withdraw your own pending proposal', withdrawProposal);
  decision(
    'accept',
    'acceptProposal',
    'Accept (chair): the change is applied to the text in the same step; 409 target_gone / target_changed if its text was deleted or edited since',
    acceptProposal,
  );
  decision(
    'alternative',
    'acceptProposalAsAlternative',
    'Accept a replacement as a bracketed alternative "[Option 1] [Option 2]" next to the current wording (chair)',
    acceptAsAlternative,
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents/{id}/proposals/{pid}/reject',
      operationId: 'rejectProposal',
      tags: ['proposals'],
      summary: 'Reject a proposal, with an optional reason (chair); the body is optional',
      middleware: [asMember] as const,
      request: { params: ProposalParams, body: optionalJsonRequest(app, 'RejectProposalBody', rejectBody) },
      responses: { 200: jsonContent(ProposalSchema, 'The proposal, rejected'), ...commandErrors(400, 413, 415) },
    }),
    async (c) => {
      const { id, pid } = c.req.valid('param');
      const { who, role } = c.get('membership');
      const { reason } = await optionalJsonBody(c, rejectBody);
      return c.json(await g.run(id, who, role, rejectProposal, { proposalId: pid, reason: reason || null }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents/{id}/proposals-only',
      operationId: 'setProposalsOnly',
      tags: ['proposals'],
      summary:
        "Set the whole draft or a section to proposals only: members' direct edits there are refused over the wire (chair)",
      middleware: [asMember, requireJson] as const,
      request: { params: DocParams, body: jsonRequest(proposalsOnlyBody) },
      responses: {
        200: jsonContent(proposalsOnlyBody, 'The scope and whether it is proposals only now'),
        ...commandErrors(400, 413, 415),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { who, role } = c.get('membership');
      return c.json(await g.run(id, who, role, setProposalsOnly, c.req.valid('json')), 200);
    },
  );
  return app;
}
