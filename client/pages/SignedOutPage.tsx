/** What someone without a session sees: how people get into Accord (there are no passwords). */
export function SignedOutPage() {
  return (
    <section aria-labelledby="signin-title" className="narrow">
      <h1 id="signin-title">Sign in to Accord</h1>
      <p>Accord has no passwords. You get in with a link:</p>
      <ul>
        <li>
          <strong>An invitation link</strong> from the chair of your group (it looks like <code>/invite/…</code>). Open
          it, give your name and delegation or organisation, and you go straight to the draft.
        </li>
        <li>
          <strong>A one-time sign-in link</strong> printed by the server when it starts (for the secretariat and for the
          demo chair, member and observer). Each link works once.
        </li>
      </ul>
      <p>If your link has expired, ask the chair or the secretariat for a new one.</p>
    </section>
  );
}
