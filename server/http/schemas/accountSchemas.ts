import { z } from '@hono/zod-openapi';
import { roles } from '../../../shared/governance/roles.js';
import { languages } from '../../../shared/i18n/languages.js';
import { delegationKinds } from '../../../shared/model/delegation.js';

/** People, drafts, memberships and credentials as the API shows them (store/accountRecords.ts). */
export const RoleSchema = z.enum(roles).openapi('Role');

export const DelegationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    code: z.string().openapi({ description: 'Short code shown next to names ("BRA", "EU")' }),
    kind: z.enum(delegationKinds),
  })
  .openapi('Delegation');
const delegationOrNone = z.union([DelegationSchema, z.null()]);

export const UserSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    affiliation: z.string(),
    isAdmin: z.boolean(),
    language: z
      .union([z.enum(languages), z.null()])
      .optional()
      .openapi({ description: 'The interface language the person chose; null until chosen' }),
  })
  .openapi('User');

export const DocumentSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    symbol: z.string().nullable(),
    createdAt: z.number(),
    role: RoleSchema.openapi({ description: 'My role on the draft' }),
  })
  .openapi('DocumentSummary');

export const DocumentDetailSchema = DocumentSummarySchema.extend({
  delegation: delegationOrNone.openapi({ description: 'The delegation I speak for (null for the secretariat)' }),
  collab: z
    .object({ maxMessageBytes: z.number().int(), maxBytesPerSecond: z.number().int() })
    .openapi({ description: 'What the collaboration socket accepts' }),
}).openapi('DocumentDetail');

const memberFields = { userId: z.string(), name: z.string(), affiliation: z.string(), role: RoleSchema };
export const MemberSchema = z.object({ ...memberFields, delegation: delegationOrNone }).openapi('Member');
/** A delegation with its people (head of delegation and advisers). */
export const DelegationMembersSchema = DelegationSchema.extend({ members: z.array(z.object(memberFields)) }).openapi(
  'DelegationMembers',
);

export const ApiTokenSchema = z
  .object({ id: z.string(), label: z.string(), createdAt: z.number() })
  .openapi('ApiToken');

export const Ok = z.object({ ok: z.literal(true) }).openapi('Ok');
