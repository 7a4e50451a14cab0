/**
 * Generated from the OpenAPI document by `npm run api:types` (scripts/writeApiTypes.ts): do not edit.
 */

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the store answers and no shutdown has begun */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics (text exposition format)
         * @description Open, or with `Authorization: Bearer <METRICS_TOKEN>` when METRICS_TOKEN is set.
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/signin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with a one-time sign-in link (the token from /signin/<token>); sets the session cookie */
        post: operations["signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/signout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the browser session (harmless without one) */
        post: operations["signOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who am I, with my interface language (null until chosen) */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Set my interface language (ar, zh, en, fr, ru, es) */
        patch: operations["updateMe"];
        trace?: never;
    };
    "/api/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My API tokens (ids and labels, never secrets) */
        get: operations["listApiTokens"];
        put?: never;
        /** Issue an API token for scripts (the secret is shown once); the body is optional */
        post: operations["issueApiToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of my API tokens; the sockets it opened close at once */
        delete: operations["revokeApiToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invites/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What an invitation offers */
        get: operations["getInvite"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invites/{token}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation (creates the person, signs them in) */
        post: operations["acceptInvite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a zero draft from DOCX or Markdown (the secretariat)
         * @description Headings become sections, paragraphs and list items paragraphs, [..] structured brackets; at most 10 MB.
         */
        post: operations["importDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Drafts I can open, with my role */
        get: operations["listDocuments"];
        put?: never;
        /** Create a draft (the secretariat) */
        post: operations["createDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A draft, my role and my delegation on it */
        get: operations["getDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members and roles, and the same people grouped by delegation */
        get: operations["listMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/delegations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delegations of the group (name, short code, kind) */
        get: operations["listDelegations"];
        put?: never;
        /** Add a delegation (a member State, an organisation, an observer); 409 if the name or code is taken */
        post: operations["createDelegation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/invites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a single-use, expiring, role-bound invitation link */
        post: operations["createInvite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member (their open connections close at once) */
        delete: operations["removeMember"];
        options?: never;
        head?: never;
        /** Change a member's role and/or delegation (takes effect on open connections at once) */
        patch: operations["changeMemberRole"];
        trace?: never;
    };
    "/api/documents/{id}/members/{userId}/signin-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a new one-time sign-in link (24 hours) for an existing member; their earlier unused links stop working
         * @description Chair of every draft the person belongs to, or the admin.
         */
        post: operations["issueSigninLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/paragraphs/{pid}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a paragraph's consensus status (rules in shared/model/statusRules.ts); an agreement records the text's hash
         * @description Chair; members only draft ↔ under negotiation.
         */
        post: operations["setParagraphStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/paragraphs/{pid}/lock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lock an agreed paragraph (no open brackets, no standing objection); the body is optional */
        post: operations["lockParagraph"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/paragraphs/{pid}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen a locked paragraph, with a recorded reason */
        post: operations["unlockParagraph"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/paragraphs/{pid}/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lodge an objection (the author is always the caller) */
        post: operations["lodgeObjection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/objections/{oid}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw your own objection */
        post: operations["withdrawObjection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/objections/{oid}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer an objection */
        post: operations["answerObjection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/paragraphs/{pid}/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Table a proposal (insert, delete, replace a span; add a paragraph after; delete the paragraph) in your delegation's name; 409 on a locked paragraph */
        post: operations["tableProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/proposals/{pid}/support": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Support (co-sponsor) a proposal; one stance per delegation, not your own */
        post: operations["supportProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/proposals/{pid}/oppose": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Oppose a proposal; one stance per delegation, not your own */
        post: operations["opposeProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/proposals/{pid}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw your own pending proposal */
        post: operations["withdrawProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/proposals/{pid}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept (chair): the change is applied to the text in the same step; 409 target_gone / target_changed if its text was deleted or edited since */
        post: operations["acceptProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/proposals/{pid}/alternative": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept a replacement as a bracketed alternative "[Option 1] [Option 2]" next to the current wording (chair) */
        post: operations["acceptProposalAsAlternative"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/proposals/{pid}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a proposal, with an optional reason (chair); the body is optional */
        post: operations["rejectProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/proposals-only": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set the whole draft or a section to proposals only: members' direct edits there are refused over the wire (chair) */
        post: operations["setProposalsOnly"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The comments you may see: the group's, and your delegation's own */
        get: operations["listComments"];
        put?: never;
        /**
         * Comment on words of a paragraph (or the whole paragraph), for the group or your delegation only
         * @description Chair or member; the author and delegation are always yours. Observers read only (403).
         */
        post: operations["addComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/comments/{cid}/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reply in a thread (the reply has the thread's visibility) */
        post: operations["replyToComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/comments/{cid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete your own comment (a thread others replied to is resolved instead: 409) */
        delete: operations["deleteComment"];
        options?: never;
        head?: never;
        /** Edit your own comment */
        patch: operations["editComment"];
        trace?: never;
    };
    "/api/documents/{id}/comments/{cid}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve a thread (its author, or the chair) */
        post: operations["resolveComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/comments/{cid}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen a resolved thread */
        post: operations["reopenComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/comments/{cid}/convert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn your thread into a formal objection or a proposal (once)
         * @description An objection takes the comment's text as its reason; a proposal applies to the words commented on as they are now, justified by the comment's text.
         */
        post: operations["convertComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/silences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Place the whole draft, a section or chosen paragraphs under silence until a deadline (chair); they are frozen until then
         * @description At the deadline every paragraph whose silence was not broken becomes agreed (and locked if lockOnExpiry), once, by the server. 409 not_clean names paragraphs with open brackets or standing objections.
         */
        post: operations["startSilence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/silences/{sid}/extend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the deadline of a running silence later (chair) */
        post: operations["extendSilence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/silences/{sid}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a running silence before its deadline (chair): its paragraphs are released, nothing is agreed */
        post: operations["endSilence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/paragraphs/{pid}/break-silence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Break silence on a paragraph with a reason (members): recorded as your delegation’s objection; the paragraph is under negotiation again
         * @description 409 silence_over from the deadline on, even before the server has applied the expiry.
         */
        post: operations["breakSilence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The draft's hash-chained audit log, verified on every read (chairs) */
        get: operations["getDocumentAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The installation audit log: sign-ins, sign-outs, API tokens (the secretariat) */
        get: operations["getInstallationAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Issued revisions */
        get: operations["listRevisions"];
        put?: never;
        /**
         * Issue a revision (Zero draft, Rev.1, …): an immutable snapshot of text, statuses and objections
         * @description Chair. The body is optional: a bare POST issues a revision without a note.
         */
        post: operations["issueRevision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/revisions/{n}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One revision, read-only: text, statuses, objections and paragraph numbers */
        get: operations["getRevision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Compare two revisions, or a revision with the live text */
        get: operations["compareVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the live text or a revision as DOCX, PDF, HTML, Markdown or Akoma Ntoso
         * @description Members and observers; markDraft: chair. The file comes as an attachment.
         */
        get: operations["exportDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/compilation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The compilation of proposals, per paragraph, as HTML or DOCX
         * @description Members and observers. The file comes as an attachment.
         */
        get: operations["exportCompilation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/resolution-table": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The comment-resolution table (one row per proposal) as CSV or DOCX
         * @description Members and observers. The file comes as an attachment.
         */
        get: operations["exportResolutionTable"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/resolution-table/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a filled-in comment-resolution table (CSV or Word): a proposal (or a group comment) per row, in the named delegation's name (chair)
         * @description Rows are matched to this draft's delegations (code or name) and paragraph numbers; a row that cannot be matched is refused with a reason and creates nothing. A row repeating a pending proposal of the same delegation is refused as duplicate, so importing the same file twice creates nothing the second time. A Word document is read from its first table whose header row names the columns. At most 1 MB as CSV, 5 MB as Word, and 2000 rows.
         */
        post: operations["importResolutionTable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/floor/flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Raise your delegation's flag (one per delegation) at the end of the speaker queue
         * @description Chair or member; the delegation is always your own. 409 already_raised if it is up.
         */
        post: operations["raiseFlag"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/floor/lower": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lower your delegation's flag (nothing happens if it is not up) */
        post: operations["lowerFlag"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/floor/give": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give the floor to the next flag in the queue, or to a chosen one (chair) */
        post: operations["giveFloor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/floor/flags/{fid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a flag from the speaker queue (chair) */
        delete: operations["removeFlag"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/floor/clear": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Clear the speaker queue and end the floor (chair) */
        post: operations["clearQueue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/screen/driver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Decide whom the room's screen follows: a chair or a secretary (member) of the draft; null: any chair */
        put: operations["designateScreenDriver"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/screen/paragraph": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the room's screen to a paragraph (the designated driver, or any chair while none is) */
        post: operations["projectParagraph"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/screen-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The draft's screen links (never their secrets) (chair) */
        get: operations["listScreenLinks"];
        put?: never;
        /** Create a screen link: read-only, this draft only, for the meeting room's screen (chair) */
        post: operations["createScreenLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/screen-links/{lid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a screen link: the screens it opened are closed at once (chair) */
        delete: operations["revokeScreenLink"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/screen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * What a screen link shows: its draft (the projection page asks before it connects)
         * @description Anonymous; the token is the secret from the link. A wrong token counts against the address like a wrong password.
         */
        post: operations["openScreen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My notifications, newest first, a page at a time, with the unread count */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{nid}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one of my notifications read */
        post: operations["markNotificationRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all my notifications read */
        post: operations["markAllNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notification-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether, where and how often I get notifications by e-mail */
        get: operations["getNotificationSettings"];
        /**
         * Set my notification address (a new one is confirmed by a link first), at once or a daily digest
         * @description 409 mail_disabled when this installation sends no mail; 429 when a confirmation link was sent less than a minute ago.
         */
        put: operations["setNotificationSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notification-settings/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm my notification address with the secret of the link mailed to it
         * @description Only the account that asked for the address can confirm it, once, within 24 hours, and only while it is still the address set. Anything else is 400 link_invalid and changes nothing.
         */
        post: operations["confirmNotificationEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        IssueApiTokenBody: {
            /** @default  */
            label?: string;
        };
        LockParagraphBody: {
            /** @description Content hash of the paragraph as the caller saw it; 409 text_changed if it changed since */
            textHash?: string;
        };
        RejectProposalBody: {
            reason?: string;
        };
        EndSilenceBody: {
            reason?: string;
        };
        IssueRevisionBody: {
            /** @default  */
            note?: string;
        };
        RaiseFlagBody: {
            /**
             * @description The paragraph to speak on, if any
             * @default null
             */
            paragraphId?: string | null;
        };
        GiveFloorBody: {
            /** @description A chosen flag; absent: the next in the queue */
            flagId?: string;
        };
        Readiness: {
            ready: boolean;
            /** @description Why not ready */
            reason?: string;
        };
        Me: {
            user: components["schemas"]["User"];
        };
        User: {
            id: string;
            name: string;
            affiliation: string;
            isAdmin: boolean;
            /** @description The interface language the person chose; null until chosen */
            language?: ("ar" | "zh" | "en" | "fr" | "ru" | "es") | null;
        };
        Error: {
            error: {
                /** @enum {string} */
                code: "bad_request" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "invite_invalid" | "signin_invalid" | "rule_violation" | "text_changed" | "not_agreed" | "target_gone" | "target_changed" | "payload_too_large" | "unsupported_media_type" | "bad_import" | "rate_limited" | "storage_unavailable" | "internal";
                message: string;
                /** @description Machine-readable specifics (validation issues, …) */
                details?: unknown;
            };
        };
        Ok: {
            /** @enum {boolean} */
            ok: true;
        };
        IssuedApiToken: {
            id: string;
            label: string;
            token: string;
            note: string;
        };
        ApiToken: {
            id: string;
            label: string;
            createdAt: number;
        };
        InviteOffer: {
            title: string;
            role: components["schemas"]["Role"];
            delegation: components["schemas"]["Delegation"] | null;
        };
        /** @enum {string} */
        Role: "chair" | "member" | "observer";
        Delegation: {
            id: string;
            name: string;
            /** @description Short code shown next to names ("BRA", "EU") */
            code: string;
            /** @enum {string} */
            kind: "member_state" | "organisation" | "observer";
        };
        AcceptedInvite: {
            documentId: string;
            role: components["schemas"]["Role"];
            user: {
                id: string;
            };
        };
        ImportedDocument: components["schemas"]["DocumentSummary"] & {
            sections: number;
            paragraphs: number;
            brackets: number;
        };
        DocumentSummary: {
            id: string;
            title: string;
            symbol: string | null;
            createdAt: number;
            role: components["schemas"]["Role"] & unknown;
        };
        DocumentDetail: components["schemas"]["DocumentSummary"] & {
            /** @description The delegation I speak for (null for the secretariat) */
            delegation: components["schemas"]["Delegation"] | null;
            /** @description What the collaboration socket accepts */
            collab: {
                maxMessageBytes: number;
                maxBytesPerSecond: number;
            };
        };
        Member: {
            userId: string;
            name: string;
            affiliation: string;
            role: components["schemas"]["Role"];
            delegation: components["schemas"]["Delegation"] | null;
        };
        DelegationMembers: components["schemas"]["Delegation"] & {
            members: {
                userId: string;
                name: string;
                affiliation: string;
                role: components["schemas"]["Role"];
            }[];
        };
        InviteCreated: {
            url: string;
            token: string;
            role: components["schemas"]["Role"];
            delegation: components["schemas"]["Delegation"] | null;
        };
        SigninLink: {
            url: string;
            userId: string;
            expiresAt: number;
        };
        /** @enum {string} */
        ParagraphStatus: "draft" | "under_negotiation" | "agreed_ad_ref" | "agreed";
        Objection: {
            id: string;
            paragraphId: string;
            author: components["schemas"]["Actor"];
            reason: string;
            at: number;
            /** @enum {string} */
            state: "standing" | "withdrawn" | "answered";
            answer: {
                by: components["schemas"]["Actor"];
                text: string;
                at: number;
            } | null;
            withdrawnAt: number | null;
            /** @description The silence procedure this objection broke, if it broke one */
            silenceId?: string;
        };
        Actor: {
            id: string;
            name: string;
            affiliation: string;
            /** @description The delegation's short code */
            delegation?: string;
        };
        Proposal: {
            id: string;
            paragraphId: string;
            /** @enum {string} */
            kind: "insert" | "delete" | "replace" | "addParagraph" | "deleteParagraph";
            /**
             * @description General, technical or editorial; absent on proposals tabled before types (technical)
             * @enum {string}
             */
            type?: "general" | "technical" | "editorial";
            /** @description Where a span proposal applies (Yjs relative positions); null for paragraph kinds */
            anchor: {
                from: {
                    [key: string]: unknown;
                };
                to: {
                    [key: string]: unknown;
                };
            } | null;
            quote: string;
            text: string;
            justification: string;
            proposer: components["schemas"]["Actor"];
            importedBy?: components["schemas"]["Actor"] & unknown;
            at: number;
            support: {
                by: components["schemas"]["Actor"];
                at: number;
            }[];
            opposition: {
                by: components["schemas"]["Actor"];
                at: number;
            }[];
            /** @enum {string} */
            state: "pending" | "accepted" | "alternative" | "rejected" | "withdrawn";
            decision: {
                by: components["schemas"]["Actor"];
                at: number;
                reason: string | null;
            } | null;
        };
        Comment: {
            id: string;
            docId: string;
            /** @description The thread's first comment; a thread's own id */
            threadId: string;
            paragraphId: string;
            /** @description The words commented on (Yjs relative positions); null: the whole paragraph, or a reply */
            anchor: {
                from: {
                    [key: string]: unknown;
                };
                to: {
                    [key: string]: unknown;
                };
            } | null;
            /** @description The words as they were when the thread began */
            quote: string;
            /**
             * @description 'delegation': seen only by its delegation
             * @enum {string}
             */
            visibility: "group" | "delegation";
            delegation: string | null;
            author: components["schemas"]["Actor"];
            /** @enum {string} */
            type: "general" | "technical" | "editorial";
            text: string;
            createdAt: number;
            editedAt: number | null;
            resolved: {
                by: components["schemas"]["Actor"];
                at: number;
            } | null;
            became: {
                /** @enum {string} */
                kind: "proposal" | "objection";
                id: string;
            } | null;
            /** @description Bumped on every change: keep the highest seen */
            rev: number;
        };
        Silence: {
            id: string;
            scope: components["schemas"]["SilenceScope"];
            paragraphIds: string[];
            /** @description Paragraphs of the draft or section left out: open brackets or a standing objection */
            leftOut?: string[];
            /** @description Epoch milliseconds */
            deadline: number;
            timeZone: string;
            lockOnExpiry: boolean;
            note: string;
            startedBy: components["schemas"]["Actor"];
            startedAt: number;
            /** @enum {string} */
            state: "running" | "expired" | "ended";
            breaks: {
                paragraphId: string;
                objectionId: string;
                by: components["schemas"]["Actor"];
                reason: string;
                at: number;
            }[];
            extensions: {
                from: number;
                to: number;
                by: components["schemas"]["Actor"];
                at: number;
            }[];
            outcome: {
                at: number;
                by: components["schemas"]["Actor"] & (Record<string, never> | null);
                agreed: string[];
                locked: string[];
                released: string[];
                reason: string;
            } | null;
        };
        SilenceScope: {
            /** @enum {string} */
            kind: "draft";
        } | {
            /** @enum {string} */
            kind: "section";
            sectionId: string;
        } | {
            /** @enum {string} */
            kind: "paragraphs";
            paragraphIds: string[];
        };
        AuditPage: {
            entries: components["schemas"]["AuditEntry"][];
            /** @description Pass as `after` for the next page; null at the end */
            next: number | null;
            chainIntact: boolean;
            firstBrokenEntry: {
                seq: number;
                reason: string;
            } | null;
            verification: {
                from: number;
                checked: number;
                full: boolean;
            };
        };
        AuditEntry: {
            /** @description Position in its chain, from 1 */
            seq: number;
            /** @description null for installation events */
            docId: string | null;
            at: number;
            actor: string | null;
            action: string;
            detail: {
                [key: string]: unknown;
            };
            prevHash: string;
            hash: string;
        };
        RevisionInfo: {
            id: string;
            docId: string;
            /** @description 0 for the zero draft, then 1, 2, … */
            number: number;
            /** @description "Zero draft", "Rev.1", … */
            label: string;
            note: string;
            issuedBy: string;
            issuedAt: number;
        };
        IssuedRevision: components["schemas"]["RevisionInfo"] & {
            issuedByName: string;
        };
        RevisionSnapshot: components["schemas"]["RevisionInfo"] & {
            draft: components["schemas"]["Draft"];
            governance: components["schemas"]["Governance"];
            /** @description Paragraph id → its number (and option within an alternative) */
            labels: {
                [key: string]: {
                    number: string;
                    option: number | null;
                };
            };
        };
        Draft: {
            sections: {
                id: string;
                heading: string;
                paragraphs: components["schemas"]["Paragraph"][];
            }[];
        };
        Paragraph: {
            id: string;
            /** @enum {string} */
            kind: "operative" | "preambular";
            bis: boolean;
            altGroup: string | null;
            bracket: components["schemas"]["Bracket"] | null;
            blocks: components["schemas"]["Block"][];
        };
        Bracket: {
            id: string;
            /** @description User id of the proposer */
            by: string;
            byName: string;
            at: number;
            /** @description Shared by competing inline options */
            group: string | null;
        };
        Block: components["schemas"]["TextBlock"] | components["schemas"]["ListBlock"];
        TextBlock: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "text";
            runs: components["schemas"]["InlineRun"][];
        };
        InlineRun: {
            text: string;
            bold?: boolean;
            italic?: boolean;
            /** @description Enclosing brackets, outermost first */
            brackets: components["schemas"]["Bracket"][];
        };
        ListBlock: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "list";
            ordered: boolean;
            items: components["schemas"]["Block"][][];
        };
        Governance: {
            meta: {
                title: string;
                symbol: string;
            };
            statuses: {
                [key: string]: components["schemas"]["ParagraphStatus"];
            };
            locks: {
                [key: string]: {
                    by: components["schemas"]["Actor"];
                    at: number;
                    textHash?: string;
                };
            };
            objections: components["schemas"]["Objection"][];
            /** @description Absent in revisions issued before proposals existed */
            proposals?: components["schemas"]["Proposal"][];
            /** @description Where members may only propose: '*' (the whole draft) and/or section ids */
            proposalsOnly?: string[];
        };
        Comparison: {
            /** @description Label of the older version */
            from: string;
            to: string;
            paragraphs: components["schemas"]["ParagraphComparison"][];
            sections: {
                id: string;
                heading: string;
                /** @enum {string} */
                change: "added" | "removed" | "renamed";
                previousHeading: string | null;
            }[];
            summary: {
                added: number;
                removed: number;
                changed: number;
                moved: number;
                statusChanges: number;
                bracketsAdded: number;
                bracketsResolved: number;
                objectionsLodged: number;
                objectionsWithdrawn: number;
                objectionsAnswered: number;
                proposalsTabled: number;
                proposalsAccepted: number;
                proposalsRejected: number;
                proposalsWithdrawn: number;
            };
        };
        ParagraphComparison: {
            id: string;
            /** @description Number in the newer text, e.g. "7 bis (Option 2)" */
            number: string;
            previousNumber: string | null;
            section: string;
            previousSection: string | null;
            kinds: ("added" | "removed" | "changed" | "moved" | "unchanged")[];
            text: {
                /** @enum {string} */
                op: "same" | "ins" | "del";
                text: string;
            }[];
            status: {
                from: components["schemas"]["ParagraphStatus"] | null;
                to: components["schemas"]["ParagraphStatus"] | null;
            } | null;
            locked: {
                from: boolean;
                to: boolean;
            } | null;
            brackets: {
                added: {
                    id: string;
                    byName: string;
                }[];
                resolved: {
                    id: string;
                    byName: string;
                }[];
            };
            objections: {
                lodged: {
                    id: string;
                    author: string;
                    reason: string;
                }[];
                withdrawn: {
                    id: string;
                    author: string;
                    reason: string;
                }[];
                answered: {
                    id: string;
                    author: string;
                    reason: string;
                }[];
            };
            /** @description Proposals tabled since the older version, and decided or withdrawn since */
            proposals: {
                tabled: components["schemas"]["ProposalChange"][];
                accepted: components["schemas"]["ProposalChange"][];
                rejected: components["schemas"]["ProposalChange"][];
                withdrawn: components["schemas"]["ProposalChange"][];
            };
        };
        ProposalChange: {
            id: string;
            /** @enum {string} */
            kind: "insert" | "delete" | "replace" | "addParagraph" | "deleteParagraph";
            /** @enum {string} */
            type: "general" | "technical" | "editorial";
            proposer: string;
            quote: string;
            text: string;
            decision: {
                by: string;
                reason: string | null;
                asAlternative: boolean;
            } | null;
        };
        ImportReport: {
            rows: number;
            created: number;
            refused: number;
            outcomes: components["schemas"]["ImportRowOutcome"][];
        };
        ImportRowOutcome: {
            /** @description The row as a spreadsheet numbers it (the header is row 1) */
            row: number;
            /** @enum {string} */
            status: "created" | "refused";
            proposalId?: string;
            /** @description A row with a comment and no proposed change: the group comment made */
            commentId?: string;
            paragraphId?: string;
            delegation?: string;
            /** @enum {string} */
            reason?: "ragged_row" | "formula_cell" | "unknown_delegation" | "unknown_paragraph" | "unknown_type" | "unreadable_change" | "position_needed" | "quote_not_found" | "quote_ambiguous" | "paragraph_locked" | "paragraph_silenced" | "duplicate" | "too_long";
            message?: string;
        };
        Flag: {
            id: string;
            /** @description The delegation's short code: one flag per delegation */
            delegation: string;
            delegationName: string;
            raisedBy: components["schemas"]["Actor"];
            paragraphId: string | null;
            at: number;
            /** @description Order of arrival in the room */
            seq: number;
        };
        /** @description Who has the floor */
        Floor: {
            flag: components["schemas"]["Flag"];
            givenBy: components["schemas"]["Actor"];
            at: number;
        };
        ScreenPosition: {
            paragraphId: string;
            by: components["schemas"]["Actor"];
            at: number;
        };
        ScreenLinkCreated: components["schemas"]["ScreenLink"] & {
            url: string;
        };
        ScreenLink: {
            id: string;
            label: string;
            createdBy: string;
            createdAt: number;
        };
        ScreenOpened: {
            docId: string;
            label: string;
            title: string;
        };
        NotificationPage: {
            items: components["schemas"]["Notification"][];
            unread: number;
            next: string | null;
        };
        Notification: {
            id: string;
            /** @enum {string} */
            kind: "objection_answered" | "proposal_accepted" | "proposal_rejected" | "bracket_resolved" | "alternative_resolved" | "objected_agreed" | "objected_locked" | "revision_issued" | "silence_started" | "silence_broken" | "silence_extended" | "silence_ended" | "silence_expired" | "floor_given";
            docId: string;
            docTitle: string;
            paragraphId: string | null;
            paragraphNumber: string | null;
            label: string | null;
            actorName: string | null;
            createdAt: number;
            readAt: number | null;
        };
        NotificationSettings: {
            email: string | null;
            /** @description The address was confirmed: mail goes there */
            verified: boolean;
            /** @enum {string} */
            delivery: "immediate" | "digest";
            timeZone: string | null;
            /** @description This installation sends mail (SMTP_URL is set) */
            mailEnabled: boolean;
        };
        NotificationSettingsChange: {
            /**
             * Format: email
             * @description Where to mail notifications; null: no mail (the default). A new address gets a confirmation link and no other mail until it is opened.
             */
            email: string | null;
            /**
             * @description Each notification at once (the default) or one digest a day; unchanged when absent
             * @enum {string}
             */
            delivery?: "immediate" | "digest";
            /** @description IANA time zone: the digest goes out at DIGEST_HOUR there (UTC when unknown or null) */
            timeZone?: string | null;
        };
        EmailConfirmation: {
            token: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive; rooms loaded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        ok: true;
                        rooms: number;
                    };
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description Not ready: send traffic elsewhere */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The metrics */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description METRICS_TOKEN is set and was not sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description Signed in; the session cookie is set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out; the session cookie is cleared */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed-in person */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    language: "ar" | "zh" | "en" | "fr" | "ru" | "es";
                };
            };
        };
        responses: {
            /** @description The signed-in person */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listApiTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description My tokens */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tokens: components["schemas"]["ApiToken"][];
                    };
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    issueApiToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["IssueApiTokenBody"];
            };
        };
        responses: {
            /** @description The new token; its secret is never shown again */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedApiToken"];
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeApiToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tokenId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInvite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The secret of the invitation link */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The draft and the role */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteOffer"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    acceptInvite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The secret of the invitation link */
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    affiliation: string;
                };
            };
        };
        responses: {
            /** @description Joined; the session cookie is set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedInvite"];
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    importDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description A .docx or .md file, at most 10 MB
                     */
                    file: string;
                    /** @description The title; else the document's own, or its file name */
                    title?: string;
                    /** @description The document symbol, e.g. A/AC.292/2026/CRP.1 */
                    symbol?: string;
                };
            };
        };
        responses: {
            /** @description The draft created from the file, and what it holds */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportedDocument"];
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The file could not be read in time (bad_import) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listDocuments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description My drafts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        documents: components["schemas"]["DocumentSummary"][];
                    };
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    symbol?: string;
                };
            };
        };
        responses: {
            /** @description Created; the creator chairs it */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentSummary"];
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The draft */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentDetail"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The members */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        members: components["schemas"]["Member"][];
                        delegations: components["schemas"]["DelegationMembers"][];
                    };
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listDelegations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delegations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        delegations: components["schemas"]["Delegation"][];
                    };
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createDelegation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    code: string;
                    /** @enum {string} */
                    kind: "member_state" | "organisation" | "observer";
                };
            };
        };
        responses: {
            /** @description The delegation added */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Delegation"];
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createInvite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    role: "chair" | "member" | "observer";
                    /**
                     * @description How long the link works; one week unless given
                     * @default 168
                     */
                    ttlHours?: number;
                    /** @description The delegation the invitee will speak for; else the one their affiliation names */
                    delegationId?: string;
                };
            };
        };
        responses: {
            /** @description The invitation link */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteCreated"];
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    removeMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    changeMemberRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    role: "chair" | "member" | "observer";
                    delegationId?: string;
                };
            };
        };
        responses: {
            /** @description The new role and delegation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        userId: string;
                        role: components["schemas"]["Role"];
                        delegation: components["schemas"]["Delegation"] | null;
                    };
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    issueSigninLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new link, to hand over to the person */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SigninLink"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setParagraphStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
                /** @description Stable paragraph id */
                pid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    status: "draft" | "under_negotiation" | "agreed_ad_ref" | "agreed";
                    /** @description Content hash of the paragraph as the caller saw it; 409 text_changed if it changed since */
                    textHash?: string;
                };
            };
        };
        responses: {
            /** @description The status set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        paragraphId: string;
                        status: components["schemas"]["ParagraphStatus"];
                    };
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    lockParagraph: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
                /** @description Stable paragraph id */
                pid: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["LockParagraphBody"];
            };
        };
        responses: {
            /** @description Locked; the hash of the text locked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        paragraphId: string;
                        textHash: string;
                        /** @enum {boolean} */
                        locked: true;
                    };
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    unlockParagraph: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
                /** @description Stable paragraph id */
                pid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Unlocked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        paragraphId: string;
                        /** @enum {boolean} */
                        locked: false;
                    };
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    lodgeObjection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
                /** @description Stable paragraph id */
                pid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The objection lodged */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Objection"];
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    withdrawObjection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
                oid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The objection, withdrawn */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Objection"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    answerObjection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
                oid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    text: string;
                };
            };
        };
        responses: {
            /** @description The objection, answered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Objection"];
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    tableProposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
                /** @description Stable paragraph id */
                pid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "insert" | "delete" | "replace" | "addParagraph" | "deleteParagraph";
                    /**
                     * @description Comment-resolution type: general, technical (the default) or editorial
                     * @enum {string}
                     */
                    type?: "general" | "technical" | "editorial";
                    /** @description Span kinds: offset in the paragraph's plain text (runs joined by '\n') */
                    from?: number;
                    to?: number;
                    /** @description The text the caller saw there; 409 text_changed if it differs */
                    quote?: string;
                    /** @default  */
                    text?: string;
                    /** @default  */
                    justification?: string;
                };
            };
        };
        responses: {
            /** @description The proposal tabled */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"];
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    supportProposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
                /** @description Proposal id */
                pid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The proposal after the decision */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"] & {
                        /** @description A paragraph reopened by the change */
                        reopened?: string | null;
                        /** @description The alternative group (alternative only) */
                        group?: string;
                    };
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    opposeProposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
                /** @description Proposal id */
                pid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The proposal after the decision */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"] & {
                        /** @description A paragraph reopened by the change */
                        reopened?: string | null;
                        /** @description The alternative group (alternative only) */
                        group?: string;
                    };
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    withdrawProposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
                /** @description Proposal id */
                pid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The proposal after the decision */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"] & {
                        /** @description A paragraph reopened by the change */
                        reopened?: string | null;
                        /** @description The alternative group (alternative only) */
                        group?: string;
                    };
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    acceptProposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
                /** @description Proposal id */
                pid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The proposal after the decision */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"] & {
                        /** @description A paragraph reopened by the change */
                        reopened?: string | null;
                        /** @description The alternative group (alternative only) */
                        group?: string;
                    };
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    acceptProposalAsAlternative: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
                /** @description Proposal id */
                pid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The proposal after the decision */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"] & {
                        /** @description A paragraph reopened by the change */
                        reopened?: string | null;
                        /** @description The alternative group (alternative only) */
                        group?: string;
                    };
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rejectProposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
                /** @description Proposal id */
                pid: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RejectProposalBody"];
            };
        };
        responses: {
            /** @description The proposal, rejected */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"];
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setProposalsOnly: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description '*' for the whole draft, or a section id */
                    scope: string;
                    on: boolean;
                };
            };
        };
        responses: {
            /** @description The scope and whether it is proposals only now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description '*' for the whole draft, or a section id */
                        scope: string;
                        on: boolean;
                    };
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listComments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        comments: components["schemas"]["Comment"][];
                    };
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    addComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    paragraphId: string;
                    /** @description Offsets in the paragraph's plain text; neither: the whole paragraph */
                    from?: number;
                    to?: number;
                    /** @description The words as you saw them; 409 text_changed if not */
                    quote?: string;
                    /** @enum {string} */
                    visibility: "group" | "delegation";
                    /** @enum {string} */
                    type?: "general" | "technical" | "editorial";
                    text: string;
                };
            };
        };
        responses: {
            /** @description The comment */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    replyToComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
                /** @description Comment id */
                cid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    text: string;
                };
            };
        };
        responses: {
            /** @description The reply */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
                /** @description Comment id */
                cid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ids deleted (a thread: with your replies) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deleted: string[];
                    };
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    editComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
                /** @description Comment id */
                cid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    text: string;
                };
            };
        };
        responses: {
            /** @description The comment as edited */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resolveComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
                /** @description Comment id */
                cid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The thread */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    reopenComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
                /** @description Comment id */
                cid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The thread */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    convertComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
                /** @description Comment id */
                cid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "objection";
                } | {
                    /** @enum {string} */
                    kind: "proposal";
                    /** @enum {string} */
                    change: "insert" | "delete" | "replace" | "addParagraph" | "deleteParagraph";
                    /** @default  */
                    text?: string;
                };
            };
        };
        responses: {
            /** @description What the thread became */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        comment: components["schemas"]["Comment"];
                        proposalId?: string;
                        objectionId?: string;
                    };
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    startSilence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    scope: components["schemas"]["SilenceScope"];
                    /**
                     * Format: date-time
                     * @description ISO 8601 date and time with offset, e.g. 2026-11-26T18:00:00+01:00
                     */
                    deadline: string;
                    /**
                     * @description The time zone the chair chose the deadline in (IANA name), for display
                     * @default UTC
                     */
                    timeZone?: string;
                    /**
                     * @description Also lock the paragraphs agreed at expiry
                     * @default false
                     */
                    lockOnExpiry?: boolean;
                    /** @default  */
                    note?: string;
                };
            };
        };
        responses: {
            /** @description The silence procedure, running */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Silence"];
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    extendSilence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
                /** @description Silence procedure id */
                sid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description ISO 8601 date and time with offset, e.g. 2026-11-26T18:00:00+01:00
                     */
                    deadline: string;
                };
            };
        };
        responses: {
            /** @description The silence procedure */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Silence"];
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    endSilence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
                /** @description Silence procedure id */
                sid: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EndSilenceBody"];
            };
        };
        responses: {
            /** @description The silence procedure, ended */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Silence"];
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    breakSilence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
                /** @description Stable paragraph id */
                pid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The objection that broke silence */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Objection"];
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDocumentAudit: {
        parameters: {
            query?: {
                /** @description Entries after this sequence number */
                after?: number;
                limit?: number;
                /** @description jsonl: the whole chain, streamed */
                format?: "json" | "jsonl";
                /** @description full: verify the chain from its first entry, not from the stored checkpoint */
                verify?: "incremental" | "full";
            };
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of entries (json), or the whole chain as JSON Lines, one entry a line (jsonl) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                    "application/x-ndjson": string;
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInstallationAudit: {
        parameters: {
            query?: {
                /** @description Entries after this sequence number */
                after?: number;
                limit?: number;
                /** @description jsonl: the whole chain, streamed */
                format?: "json" | "jsonl";
                /** @description full: verify the chain from its first entry, not from the stored checkpoint */
                verify?: "incremental" | "full";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of entries (json), or the whole chain as JSON Lines, one entry a line (jsonl) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                    "application/x-ndjson": string;
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listRevisions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every revision, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        revisions: components["schemas"]["IssuedRevision"][];
                    };
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    issueRevision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["IssueRevisionBody"];
            };
        };
        responses: {
            /** @description The revision issued */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevisionInfo"];
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRevision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
                /** @description Revision number */
                n: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revision */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevisionSnapshot"];
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    compareVersions: {
        parameters: {
            query?: {
                /** @description The older version: a revision number, or "live" for the text as it is now */
                from?: string;
                /** @description The newer version: a revision number, or "live" for the text as it is now */
                to?: string;
                format?: "json" | "html";
                /** @description 1: the html page as an attachment */
                download?: string;
                /** @description Language of the html page's words; else the person's interface language, else en */
                lang?: "ar" | "zh" | "en" | "fr" | "ru" | "es";
            };
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The comparison: JSON, or a printable HTML page (format=html) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comparison"];
                    "text/html": string;
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportDocument: {
        parameters: {
            query: {
                format: "docx" | "pdf" | "html" | "md" | "akn";
                /** @description clean: the report as adopted (every paragraph agreed), without brackets */
                variant?: "negotiating" | "clean";
                /** @description A revision number; the live text when left out */
                revision?: number;
                /** @description 1: a clean report of an unagreed text, marked "DRAFT — not agreed" (chair) */
                markDraft?: "0" | "1";
                /** @description Language of the file's vocabulary and declared language; else the person's interface language, else en */
                lang?: "ar" | "zh" | "en" | "fr" | "ru" | "es";
            };
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, in the content type of its format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    "application/pdf": string;
                    "text/html": string;
                    "text/markdown": string;
                    "application/akn+xml": string;
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportCompilation: {
        parameters: {
            query: {
                format: "html" | "docx";
                /** @description A revision number; the live text when left out */
                revision?: number;
                /** @description Language of the file's words; else the person's interface language, else en */
                lang?: "ar" | "zh" | "en" | "fr" | "ru" | "es";
            };
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportResolutionTable: {
        parameters: {
            query: {
                format: "csv" | "docx";
                /** @description A revision number; the live text when left out */
                revision?: number;
                /** @description Language of the file's words; else the person's interface language, else en */
                lang?: "ar" | "zh" | "en" | "fr" | "ru" | "es";
            };
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    importResolutionTable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The table as CSV (UTF-8 or UTF-16 with BOM), at most 1 MB, or as a Word document (.docx), at most 5 MB
                     */
                    file: string;
                };
            };
        };
        responses: {
            /** @description What became of each row */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The file could not be read in time (bad_import) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    raiseFlag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RaiseFlagBody"];
            };
        };
        responses: {
            /** @description The flag raised */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Flag"];
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    lowerFlag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The flag lowered, or null */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        lowered: components["schemas"]["Flag"] & (Record<string, never> | null);
                    };
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    giveFloor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["GiveFloorBody"];
            };
        };
        responses: {
            /** @description Who has the floor now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Floor"];
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    removeFlag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
                /** @description Flag id */
                fid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The flag removed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        removed: components["schemas"]["Flag"];
                    };
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    clearQueue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cleared */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        cleared: true;
                    };
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    designateScreenDriver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A chair or member of the draft; null: any chair */
                    userId: string | null;
                };
            };
        };
        responses: {
            /** @description Whom the screen follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        driver: components["schemas"]["Actor"] & (Record<string, never> | null);
                    };
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    projectParagraph: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    paragraphId: string;
                };
            };
        };
        responses: {
            /** @description What the screen shows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScreenPosition"];
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft could not be stored just now; nothing was changed (storage_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listScreenLinks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The links */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        links: components["schemas"]["ScreenLink"][];
                    };
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createScreenLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    label: string;
                };
            };
        };
        responses: {
            /** @description The link; its secret is shown once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScreenLinkCreated"];
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeScreenLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Draft id */
                id: string;
                /** @description Screen link id */
                lid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        revoked: true;
                    };
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    openScreen: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description The draft the screen shows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScreenOpened"];
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `next` of the previous page */
                before?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    markNotificationRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Notification id */
                nid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Read */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        ok: true;
                    };
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or you are not a member of the draft (not_found, invite_invalid) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    markAllNotificationsRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many were unread */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        marked: number;
                    };
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getNotificationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description My settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setNotificationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationSettingsChange"];
            };
        };
        responses: {
            /** @description My settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft is not in a state that allows it (rule_violation, text_changed, not_agreed, target_gone, target_changed, conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    confirmNotificationEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmailConfirmation"];
            };
        };
        responses: {
            /** @description Confirmed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            /** @description The request is invalid (bad_request, signin_invalid, bad_import) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in (unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed for your role, or a cross-site request with the session cookie (forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large (payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body has the wrong content type (unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests (rate_limited): try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds after which trying again makes sense */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error (internal) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
