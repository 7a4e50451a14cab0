import { type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLabel } from '../../shared/model/numbering';
import { DEFAULT_SILENCE_HOURS, type Silence, type SilenceScope } from '../../shared/model/silence';
import { isTimeZone, toLocalInput, wallTime } from '../../shared/model/zonedTime';
import { errorMessage } from '../api/apiClient';
import { silenceApi } from '../api/silenceApi';
import { Dialog } from '../app/Dialog';
import { LitHost } from '../components/LitHost';
import { formatDateTime, formatDateTimeIn } from '../i18n/formatDate';
import { silenceScopeText } from '../model/silenceNotice';
import type { DraftModel } from '../model/useDraftModel';
import { type DeadlineChoice, DeadlinePicker, deadlineChoiceIn, deadlineOf } from './DeadlinePicker';

const units = { seconds: 1000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;
type Unit = keyof typeof units;

/** The browser's time zone: the deadline is shown to the chair in it, and recorded with it. */
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * The chair's silence procedure tool, in the draft tools: start a silence on the whole draft, a
 * section or chosen paragraphs (time allowed: 72 hours unless changed; seconds for a demo), and
 * extend or end the running ones. Plain form controls with labels, so it works from the keyboard.
 */
export function SilenceTool({ docId, model }: { docId: string; model: DraftModel }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" data-tool="silence" onClick={() => setOpen(true)}>
        {t('silence.tool')}
      </button>
      <Dialog open={open} title={t('silence.toolTitle')} onClose={() => setOpen(false)} wide>
        <SilenceForms docId={docId} model={model} />
      </Dialog>
    </>
  );
}

function SilenceForms({ docId, model }: { docId: string; model: DraftModel }) {
  const { t } = useTranslation();
  const calls = useMemo(() => silenceApi(docId), [docId]);
  const ids = useId();
  const [scope, setScope] = useState<SilenceScope['kind']>('section');
  const [sectionId, setSectionId] = useState(model.draft.sections[0]?.id ?? '');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [amount, setAmount] = useState(DEFAULT_SILENCE_HOURS);
  const [unit, setUnit] = useState<Unit>('hours');
  // A date and time in a zone (72 hours ahead in the browser's zone to start with), or a time allowed.
  const [byDate, setByDate] = useState(false);
  const [at, setAt] = useState<DeadlineChoice>(() => deadlineChoiceIn(timeZone, DEFAULT_SILENCE_HOURS));
  const [lockOnExpiry, setLockOnExpiry] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  /** Runs a command; `fn` resolves with the confirmation to show. */
  const run = async (fn: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await fn());
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const chosenAt = deadlineOf(at);
  const deadline = byDate ? (chosenAt ?? Number.NaN) : Date.now() + Math.max(0, amount) * units[unit];
  const zone = byDate ? at.zone : timeZone;
  const start = (e: FormEvent) => {
    e.preventDefault();
    const chosenScope: SilenceScope =
      scope === 'draft'
        ? { kind: 'draft' }
        : scope === 'section'
          ? { kind: 'section', sectionId }
          : { kind: 'paragraphs', paragraphIds: [...chosen] };
    // A time allowed is counted from when the chair presses the button, not when the form was drawn.
    const instant = new Date(byDate ? deadline : Date.now() + amount * units[unit]).toISOString();
    void run(async () => {
      const started = await calls.start({
        scope: chosenScope,
        deadline: instant,
        timeZone: zone,
        lockOnExpiry,
        note: note.trim(),
      });
      const leftOut = started.leftOut ?? [];
      return leftOut.length > 0
        ? t('silence.startedLeftOut', { list: leftOut.map(label).join(t('common.listSeparator')) })
        : t('silence.started');
    });
  };

  const running = model.silence.silences.filter((s) => s.state === 'running');
  const closed = model.silence.silences
    .filter((s) => s.state !== 'running')
    .slice(-5)
    .reverse();
  const label = (id: string) => {
    const l = model.labels.get(id);
    return l ? formatLabel(l) : '?';
  };

  return (
    <div className="silence-tool">
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="ok" role="status">
          {done}
        </p>
      )}
      {running.length > 0 && (
        <section aria-labelledby={`${ids}-running`}>
          <h3 id={`${ids}-running`}>{t('silence.running')}</h3>
          <ul className="silence-list">
            {running.map((s) => (
              <RunningSilence
                key={s.id}
                silence={s}
                scope={silenceScopeText(model, s)}
                busy={busy}
                run={run}
                calls={calls}
              />
            ))}
          </ul>
        </section>
      )}
      <form onSubmit={start} aria-labelledby={`${ids}-start`}>
        <h3 id={`${ids}-start`}>{t('silence.start')}</h3>
        <fieldset>
          <legend>{t('silence.scope.legend')}</legend>
          <label>
            <input type="radio" name="scope" checked={scope === 'draft'} onChange={() => setScope('draft')} />{' '}
            {t('silence.scope.draft')}
          </label>
          <label>
            <input type="radio" name="scope" checked={scope === 'section'} onChange={() => setScope('section')} />{' '}
            {t('silence.scope.section')}
          </label>
          {scope === 'section' && (
            <label className="indent">
              {t('silence.scope.whichSection')}{' '}
              <select value={sectionId} onChange={(e) => setSectionId(e.target.value)}>
                {model.draft.sections.map((s, i) => (
                  <option key={s.id} value={s.id}>
                    {s.heading || t('silence.scope.untitled', { n: i + 1 })}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            <input type="radio" name="scope" checked={scope === 'paragraphs'} onChange={() => setScope('paragraphs')} />{' '}
            {t('silence.scope.paragraphs')}
          </label>
          {scope === 'paragraphs' && (
            <fieldset className="indent paragraph-choice">
              <legend>{t('silence.scope.choose')}</legend>
              {model.draft.sections.flatMap((s) =>
                s.paragraphs.map((p) => (
                  <label key={p.id}>
                    <input
                      type="checkbox"
                      checked={chosen.has(p.id)}
                      disabled={model.gov.locks[p.id] !== undefined}
                      onChange={(e) => {
                        const next = new Set(chosen);
                        if (e.target.checked) next.add(p.id);
                        else next.delete(p.id);
                        setChosen(next);
                      }}
                    />{' '}
                    {t('silence.scope.paragraphLabel', { label: label(p.id) })}
                  </label>
                )),
              )}
            </fieldset>
          )}
        </fieldset>
        <fieldset>
          <legend>{t('silence.deadlineLegend')}</legend>
          <label>
            <input type="radio" name="deadline-kind" checked={!byDate} onChange={() => setByDate(false)} />{' '}
            {t('silence.byDuration')}
          </label>
          <label>
            <input
              type="radio"
              name="deadline-kind"
              checked={byDate}
              onChange={() => setByDate(true)}
              data-deadline="by-date"
            />{' '}
            {t('silence.byDate')}
          </label>
          <div className="row indent">
            {byDate ? (
              <DeadlinePicker value={at} onChange={setAt} describedBy={`${ids}-deadline`} />
            ) : (
              <DurationInput
                label={t('silence.timeAllowed')}
                amount={amount}
                unit={unit}
                onAmount={setAmount}
                onUnit={setUnit}
                describedBy={`${ids}-deadline`}
              />
            )}
          </div>
        </fieldset>
        <p id={`${ids}-deadline`} className="muted" aria-live="polite">
          {Number.isFinite(deadline)
            ? t('silence.deadlineWillBe', { when: formatDateTimeIn(deadline, zone), zone })
            : t('silence.deadlineIncomplete')}
        </p>
        <label>
          <input type="checkbox" checked={lockOnExpiry} onChange={(e) => setLockOnExpiry(e.target.checked)} />{' '}
          {t('silence.lockOnExpiry')}
        </label>
        <label className="block">
          {t('silence.note')}
          <textarea value={note} onChange={(e) => setNote(e.target.value)} dir="auto" maxLength={4000} />
        </label>
        <button
          type="submit"
          className="primary"
          disabled={
            busy ||
            (byDate ? !Number.isFinite(deadline) : amount <= 0) ||
            (scope === 'paragraphs' && chosen.size === 0) ||
            (scope === 'section' && !sectionId)
          }
        >
          {t('silence.startButton')}
        </button>
      </form>
      {closed.length > 0 && (
        <section aria-labelledby={`${ids}-closed`}>
          <h3 id={`${ids}-closed`}>{t('silence.closed')}</h3>
          <ul className="silence-list">
            {closed.map((s) => (
              <li key={s.id}>
                {s.state === 'expired'
                  ? t('silence.expiredOutcome', {
                      scope: silenceScopeText(model, s),
                      agreed: s.outcome?.agreed.length ?? 0,
                      broken: s.breaks.length,
                      when: formatDateTime(s.outcome?.at ?? s.deadline),
                    })
                  : t('silence.endedOutcome', {
                      scope: silenceScopeText(model, s),
                      when: formatDateTime(s.outcome?.at ?? s.deadline),
                    })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** The zone a silence was started in, when the browser knows it; else the browser's own. */
function zoneOf(s: Silence): string {
  return isTimeZone(s.timeZone) ? s.timeZone : timeZone;
}

function RunningSilence({
  silence: s,
  scope,
  busy,
  run,
  calls,
}: {
  silence: Silence;
  scope: string;
  busy: boolean;
  run: (fn: () => Promise<string>) => Promise<void>;
  calls: ReturnType<typeof silenceApi>;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const [extra, setExtra] = useState(24);
  // Or a new deadline as a date and time, in the zone the silence was started in (24 h later to start with).
  const [extendToDate, setExtendToDate] = useState(false);
  const [until, setUntil] = useState<DeadlineChoice>(() => ({
    local: toLocalInput(wallTime(s.deadline + 24 * 3_600_000, zoneOf(s))),
    zone: zoneOf(s),
  }));
  const [unit, setUnit] = useState<Unit>('hours');
  const newDeadline = extendToDate ? deadlineOf(until) : s.deadline + extra * units[unit];
  const [reason, setReason] = useState('');
  return (
    <li>
      <p>
        {t('silence.runningOn', { scope })} <LitHost tag="accord-countdown" props={{ deadline: s.deadline }} />
      </p>
      {s.breaks.length > 0 && (
        <ul aria-label={t('silence.breaks')}>
          {s.breaks.map((b) => (
            <li key={b.objectionId}>
              {t('silence.brokenBy', { name: b.by.name, affiliation: b.by.affiliation, reason: b.reason })}
            </li>
          ))}
        </ul>
      )}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await calls.extend(s.id, new Date(newDeadline ?? Number.NaN).toISOString());
            return t('silence.extended');
          });
        }}
      >
        <fieldset>
          <legend className="sr-only">{t('silence.extendHow')}</legend>
          <label>
            <input
              type="radio"
              name={`extend-${s.id}`}
              checked={!extendToDate}
              onChange={() => setExtendToDate(false)}
            />{' '}
            {t('silence.extendBy')}
          </label>
          <label>
            <input type="radio" name={`extend-${s.id}`} checked={extendToDate} onChange={() => setExtendToDate(true)} />{' '}
            {t('silence.byDate')}
          </label>
        </fieldset>
        {extendToDate ? (
          <DeadlinePicker value={until} onChange={setUntil} />
        ) : (
          <DurationInput
            label={t('silence.extendBy')}
            amount={extra}
            unit={unit}
            onAmount={setExtra}
            onUnit={setUnit}
          />
        )}
        <button
          type="submit"
          disabled={busy || newDeadline === null || !Number.isFinite(newDeadline) || newDeadline <= s.deadline}
        >
          {t('silence.extend')}
        </button>
      </form>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await calls.end(s.id, reason.trim());
            return t('silence.endedNow');
          });
        }}
      >
        <label htmlFor={`${ids}-reason`}>{t('silence.endReason')}</label>
        <input id={`${ids}-reason`} type="text" value={reason} onChange={(e) => setReason(e.target.value)} dir="auto" />
        <button type="submit" disabled={busy}>
          {t('silence.end')}
        </button>
      </form>
    </li>
  );
}

/** A number of seconds, minutes, hours or days: the time a silence runs, or is extended by. */
function DurationInput(props: {
  label: string;
  amount: number;
  unit: Unit;
  onAmount: (n: number) => void;
  onUnit: (u: Unit) => void;
  describedBy?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label>
        {props.label}{' '}
        <input
          type="number"
          min={1}
          step={1}
          required
          value={props.amount}
          onChange={(e) => props.onAmount(Number(e.target.value))}
          aria-describedby={props.describedBy}
        />
      </label>
      <label>
        <span className="sr-only">{t('silence.unit')}</span>
        <select value={props.unit} onChange={(e) => props.onUnit(e.target.value as Unit)}>
          {(Object.keys(units) as Unit[]).map((u) => (
            <option key={u} value={u}>
              {t(`silence.units.${u}`)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
